#!/usr/bin/env python3
"""Replays a Sunshine random inspection draw (双随机一公开) from its published data, with SHA-256 alone.

    curl -s https://<server>/api/public/inspections/12 > inspection.json
    python3 replay_draw.py inspection.json

prints the pool hash, the seed and the sample with its inspectors, and whether they equal the published ones.
The input is the JSON of GET /api/public/inspections/{id} (or any JSON with the same fields: targetKind,
announcement, drawDate, beacon, sampleSize, inspectorsPerTarget, targets, inspectors).
"""
import hashlib
import json
import sys


def pool_hash(kind, targets, inspectors, sample, per_target):
    lines = ["sunshine-inspection-pool-v1", f"kind:{kind}", f"sample:{sample}", f"per-target:{per_target}"]
    lines += [f"target:{t['id']}:{t['regionCode']}" for t in sorted(targets, key=lambda t: t["id"])]
    lines += [f"inspector:{p['id']}:{p['regionCode']}" for p in sorted(inspectors, key=lambda p: p["id"])]
    return hashlib.sha256(("\n".join(lines) + "\n").encode("utf-8")).hexdigest()


def seed(announcement, draw_date, pool, beacon):
    text = (f"sunshine-inspection-seed-v1\ndraw-date:{draw_date}\npool:{pool}\nbeacon:{beacon or ''}\n"
            + announcement)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Stream:
    """SHA-256(seed || counter) blocks, read as unsigned 64-bit big-endian numbers."""

    def __init__(self, seed_hex):
        self.seed, self.counter, self.buf = bytes.fromhex(seed_hex), 0, b""

    def next(self):
        if len(self.buf) < 8:
            self.buf = hashlib.sha256(self.seed + self.counter.to_bytes(8, "big")).digest()
            self.counter += 1
        x, self.buf = int.from_bytes(self.buf[:8], "big"), self.buf[8:]
        return x

    def below(self, n):
        threshold = 2 ** 64 % n          # reject the few values that would bias x mod n
        while True:
            x = self.next()
            if x >= threshold:
                return x % n


def town(code):
    """The town of a town or village code (first 9 digits); None for a county or above."""
    return None if code.endswith("000000") else code[:9]


def draw(d):
    pool = pool_hash(d["targetKind"], d["targets"], d["inspectors"], d["sampleSize"], d["inspectorsPerTarget"])
    s = seed(d["announcement"], d["drawDate"], pool, d.get("beacon"))
    rnd = Stream(s)
    targets = sorted(d["targets"], key=lambda t: t["id"])
    inspectors = sorted(d["inspectors"], key=lambda p: p["id"])
    n, m = d["sampleSize"], d["inspectorsPerTarget"]
    for i in range(n):                   # partial Fisher-Yates over the pool sorted by id
        j = i + rnd.below(len(targets) - i)
        targets[i], targets[j] = targets[j], targets[i]
    assignments = []
    for i, t in enumerate(targets[:n]):
        eligible = [p for p in inspectors if town(p["regionCode"]) != town(t["regionCode"])]
        for k in range(m):               # never an inspector from the target's own town
            j = k + rnd.below(len(eligible) - k)
            eligible[k], eligible[j] = eligible[j], eligible[k]
        assignments.append({"order": i + 1, "targetId": t["id"], "regionCode": t["regionCode"],
                            "inspectorIds": [p["id"] for p in eligible[:m]]})
    return {"poolHash": pool, "seed": s, "assignments": assignments}


if __name__ == "__main__":
    published = json.load(open(sys.argv[1], encoding="utf-8"))
    replayed = draw(published)
    print(json.dumps(replayed, ensure_ascii=False, indent=2))
    if published.get("poolHash"):
        print("pool hash matches:", replayed["poolHash"] == published["poolHash"])
    if published.get("draw"):
        print("seed matches:", replayed["seed"] == published["draw"]["seed"])
        print("draw matches:", replayed["assignments"] == published["draw"]["assignments"])
