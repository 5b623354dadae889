#!/usr/bin/env python3
"""Verify a public notice (公示名单) of the Sunshine platform without the platform.

Python 3.8 or later, standard library only: SM3 (GB/T 32905) and SM2 signature verification (GB/T 32918.2,
signer ID 1234567812345678) are written out below, so nothing has to be installed or trusted but this file,
which is short enough to read.

    python3 verify_notice.py KEY.pem NOTICE.csv NOTICE.sig [NOTICE.csv NOTICE.sig ...]
    python3 verify_notice.py --selftest

For every list it prints the SM3 hash (compare it with the hash shown on the notice's page), checks that the file
is in the canonical form (docs/verify-public-notice.md) and that the SM2 signature verifies with the key; given
several versions of one list, it also checks the chain: the previous_hash of version n is the hash of version
n-1 (64 zeros for version 1). Exit status 0 when everything holds, 1 otherwise.
"""

import base64
import csv
import io
import sys
from decimal import Decimal

# ------------------------------------------------------------------------------------------------------ SM3

_IV = [0x7380166F, 0x4914B2B9, 0x172442D7, 0xDA8A0600, 0xA96F30BC, 0x163138AA, 0xE38DEE4D, 0xB0FB0E4E]
_M = 0xFFFFFFFF


def _rotl(x, n):
    n %= 32
    return ((x << n) | (x >> (32 - n))) & _M


def sm3(data: bytes) -> bytes:
    length = len(data) * 8
    data = data + b"\x80" + b"\x00" * ((55 - len(data)) % 64) + length.to_bytes(8, "big")
    v = list(_IV)
    for off in range(0, len(data), 64):
        w = [int.from_bytes(data[off + 4 * i: off + 4 * i + 4], "big") for i in range(16)]
        for j in range(16, 68):
            x = w[j - 16] ^ w[j - 9] ^ _rotl(w[j - 3], 15)
            w.append((x ^ _rotl(x, 15) ^ _rotl(x, 23)) ^ _rotl(w[j - 13], 7) ^ w[j - 6])
        w1 = [w[j] ^ w[j + 4] for j in range(64)]
        a, b, c, d, e, f, g, h = v
        for j in range(64):
            t = 0x79CC4519 if j < 16 else 0x7A879D8A
            ss1 = _rotl((_rotl(a, 12) + e + _rotl(t, j)) & _M, 7)
            ss2 = ss1 ^ _rotl(a, 12)
            ff = a ^ b ^ c if j < 16 else (a & b) | (a & c) | (b & c)
            gg = e ^ f ^ g if j < 16 else (e & f) | (~e & g)
            tt1 = (ff + d + ss2 + w1[j]) & _M
            tt2 = (gg + h + ss1 + w[j]) & _M
            d, c, b, a = c, _rotl(b, 9), a, tt1
            h, g, f, e = g, _rotl(f, 19), e, tt2 ^ _rotl(tt2, 9) ^ _rotl(tt2, 17)
        v = [x ^ y for x, y in zip(v, [a, b, c, d, e, f, g, h])]
    return b"".join(x.to_bytes(4, "big") for x in v)


# ------------------------------------------------------------------------------------------------------ SM2

P = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF
A = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC
B = 0x28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93
N = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123
G = (0x32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7,
     0xBC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0)
SIGNER_ID = b"1234567812345678"
SM2_CURVE_OID = bytes.fromhex("2a811ccf5501822d")  # 1.2.156.10197.1.301


def _add(p1, p2):
    if p1 is None:
        return p2
    if p2 is None:
        return p1
    (x1, y1), (x2, y2) = p1, p2
    if x1 == x2 and (y1 + y2) % P == 0:
        return None
    if p1 == p2:
        k = (3 * x1 * x1 + A) * pow(2 * y1, -1, P) % P
    else:
        k = (y2 - y1) * pow(x2 - x1, -1, P) % P
    x3 = (k * k - x1 - x2) % P
    return x3, (k * (x1 - x3) - y1) % P


def _mul(k, point):
    result = None
    while k:
        if k & 1:
            result = _add(result, point)
        point = _add(point, point)
        k >>= 1
    return result


def _b32(x):
    return x.to_bytes(32, "big")


def sm2_verify(public_point, message: bytes, r: int, s: int) -> bool:
    xa, ya = public_point
    if (ya * ya - (xa * xa * xa + A * xa + B)) % P != 0:
        return False  # not a point of the curve
    if not (1 <= r < N and 1 <= s < N):
        return False
    # Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA), ENTL the ID's length in bits (2 bytes)
    z = sm3((len(SIGNER_ID) * 8).to_bytes(2, "big") + SIGNER_ID + _b32(A) + _b32(B) + _b32(G[0]) + _b32(G[1])
            + _b32(xa) + _b32(ya))
    e = int.from_bytes(sm3(z + message), "big")
    t = (r + s) % N
    if t == 0:
        return False
    point = _add(_mul(s, G), _mul(t, public_point))
    return point is not None and (e + point[0]) % N == r


# ------------------------------------------------------------------------------------------------------ DER, PEM

def _tlv(data, off):
    """One DER element at off: (tag, content, offset after it)."""
    tag = data[off]
    length = data[off + 1]
    off += 2
    if length & 0x80:
        n = length & 0x7F
        length = int.from_bytes(data[off:off + n], "big")
        off += n
    return tag, data[off:off + length], off + length


def public_key(pem_text: str):
    """The SM2 public point of a PEM 'PUBLIC KEY' (SubjectPublicKeyInfo), and the key's DER form."""
    body = "".join(line for line in pem_text.strip().splitlines() if not line.startswith("-----"))
    der = base64.b64decode(body)
    tag, spki, _ = _tlv(der, 0)
    tag1, algorithm, off = _tlv(spki, 0)
    tag2, bits, _ = _tlv(spki, off)
    if tag != 0x30 or tag1 != 0x30 or tag2 != 0x03 or SM2_CURVE_OID not in algorithm:
        raise ValueError("not an SM2 public key")
    if bits[0] != 0 or bits[1] != 0x04 or len(bits) != 66:
        raise ValueError("not an uncompressed SM2 point")
    return (int.from_bytes(bits[2:34], "big"), int.from_bytes(bits[34:66], "big")), der


def signature(der: bytes):
    """(r, s) of a DER signature: SEQUENCE { INTEGER r, INTEGER s }."""
    tag, seq, end = _tlv(der, 0)
    tag_r, r, off = _tlv(seq, 0)
    tag_s, s, off2 = _tlv(seq, off)
    if tag != 0x30 or tag_r != 0x02 or tag_s != 0x02 or end != len(der) or off2 != len(seq):
        raise ValueError("not a DER-encoded signature")
    return int.from_bytes(r, "big"), int.from_bytes(s, "big")


# ------------------------------------------------------------------------------------------------------ the list

HEADER = ["village", "town", "county", "program", "version", "published_at", "published_by", "previous_hash",
          "households", "covered_members", "monthly_total"]
ROWS_HEADER = "masked_name,covered_members,monthly_amount"


def _field(v):
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\r\n') else v


def check_form(data: bytes):
    """The list's header fields, or raises ValueError naming what is not canonical."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise ValueError("starts with a byte order mark")
    text = data.decode("utf-8")
    if not text.endswith("\n"):
        raise ValueError("the last line does not end with LF")
    records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if [",".join(_field(f) for f in r) for r in records] != _lines(text):
        raise ValueError("not the canonical CSV: CR LF line ends (an editor changed the file), or quotes where "
                         "none are needed or none where they are")
    if records[0] != ["SUNSHINE-PUBLIC-NOTICE", "1"]:
        raise ValueError("the first line is not SUNSHINE-PUBLIC-NOTICE,1")
    head = {}
    for key, record in zip(HEADER, records[1:12]):
        if record[0] != key:
            raise ValueError("expected the line " + key)
        head[key] = record[1:]
    if records[12] not in ([], [""]) or ",".join(records[13]) != ROWS_HEADER:
        raise ValueError("the rows must follow an empty line and " + ROWS_HEADER)
    rows = []
    for r in records[14:]:
        if len(r) != 3 or not r[1].isdigit() or str(int(r[1])) != r[1] or not _amount(r[2]):
            raise ValueError("a malformed row: " + ",".join(r))
        rows.append((r[0], int(r[1]), Decimal(r[2])))
    if rows != sorted(rows, key=lambda x: ([ord(c) for c in x[0]], x[1], x[2])):
        raise ValueError("rows are not in canonical order")
    if (str(len(rows)) != head["households"][0] or str(sum(r[1] for r in rows)) != head["covered_members"][0]
            or str(sum((r[2] for r in rows), Decimal("0.00"))) != head["monthly_total"][0]):
        raise ValueError("the totals do not add up")
    return head


def _amount(s):
    whole, _, cents = s.partition(".")
    return whole.isdigit() and (whole == "0" or not whole.startswith("0")) and len(cents) == 2 and cents.isdigit()


def _lines(text):
    """Physical records of the text (a quoted field may hold a line end)."""
    out, current, quoted = [], "", False
    for ch in text:
        if ch == "\n" and not quoted:
            out.append(current)
            current = ""
            continue
        if ch == '"':
            quoted = not quoted
        current += ch
    return out


# ------------------------------------------------------------------------------------------------------ main

def verify(key_pem, pairs):
    point, key_der = public_key(key_pem)
    print("public key fingerprint (SM3 of its DER form):", sm3(key_der).hex())
    ok = True
    chains = {}
    for csv_path, sig_path in pairs:
        data = open(csv_path, "rb").read()
        digest = sm3(data).hex()
        print("\n" + csv_path)
        print("  SM3 hash:  ", digest)
        try:
            head = check_form(data)
            print("  form:       canonical (village %s %s, program %s, version %s, published %s)" % (
                head["village"][0], head["village"][1], head["program"][0], head["version"][0],
                head["published_at"][0]))
            chains.setdefault((head["village"][0], head["program"][0]), []).append(
                (int(head["version"][0]), head["previous_hash"][0], digest, csv_path))
        except (ValueError, UnicodeDecodeError, IndexError, csv.Error) as e:
            print("  form:       NOT canonical:", e)
            ok = False
        r, s = signature(open(sig_path, "rb").read())
        valid = sm2_verify(point, data, r, s)
        print("  signature: ", "valid" if valid else "INVALID (changed, or signed by another key)")
        ok = ok and valid
    for (village, program), versions in chains.items():
        versions.sort()
        for (v, prev, _, path), before in zip(versions, [None] + versions[:-1]):
            if before is None:
                if v == 1 and prev != "0" * 64:
                    print("\nchain %s %s: version 1 must have 64 zeros as previous_hash" % (village, program))
                    ok = False
                continue
            if before[0] == v - 1 and prev != before[2]:
                print("\nchain %s %s: version %d does not name version %d's hash" % (village, program, v, v - 1))
                ok = False
            elif before[0] == v - 1:
                print("\nchain %s %s: version %d follows version %d" % (village, program, v, v - 1))
    print("\nALL CHECKS PASSED" if ok else "\nSOME CHECKS FAILED")
    return ok


def selftest():
    assert sm3(b"abc").hex() == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    assert sm3(b"abcd" * 16).hex() == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
    print("SM3 test vectors of GB/T 32905: passed")
    return True


if __name__ == "__main__":
    args = sys.argv[1:]
    if args == ["--selftest"]:
        sys.exit(0 if selftest() else 1)
    if len(args) < 3 or len(args) % 2 != 1:
        print(__doc__)
        sys.exit(2)
    sys.exit(0 if verify(open(args[0], encoding="ascii").read(), list(zip(args[1::2], args[2::2]))) else 1)
