package sunshine.supervision.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import sunshine.supervision.Draw;
import sunshine.supervision.DrawInput;
import sunshine.supervision.Inspector;
import sunshine.supervision.PoolTarget;
import sunshine.supervision.SupervisionException;
import sunshine.supervision.TargetKind;

/**
 * The reproducible draw of a random inspection, specified so that anyone can replay it with nothing but SHA-256
 * (docs/random-inspection-draw.md; docs/replay_draw.py replays a draw in Python):
 * <ol>
 *   <li><b>Pool text</b>, UTF-8, lines ending in LF: {@code sunshine-inspection-pool-v1}, {@code kind:<KIND>},
 *       {@code sample:<n>}, {@code per-target:<m>}, then {@code target:<id>:<region>} for every target and
 *       {@code inspector:<id>:<region>} for every inspector, each list sorted by id (byte order).
 *       <b>Pool hash</b> = SHA-256(pool text), hex.</li>
 *   <li><b>Seed text</b>: {@code sunshine-inspection-seed-v1}, {@code draw-date:<yyyy-mm-dd>},
 *       {@code pool:<pool hash>}, {@code beacon:<beacon>} (empty when none), then the announcement as published
 *       (line breaks as LF, no surrounding blanks), each followed by LF except the announcement.
 *       <b>Seed</b> = SHA-256(seed text).</li>
 *   <li><b>Random numbers</b>: block i = SHA-256(seed ‖ i as 8-byte big-endian), i = 0, 1, 2 ...; each block gives
 *       four unsigned 64-bit big-endian numbers, used in order. A number below n is drawn by rejection: take x;
 *       if x &lt; 2^64 mod n take the next one; else the result is x mod n.</li>
 *   <li><b>Targets</b>: the pool sorted by id; for i = 0 .. n−1: j = i + below(N − i), swap positions i and j. The
 *       first n, in that order, are the sample.</li>
 *   <li><b>Inspectors</b>, for each sampled target in order: the inspectors sorted by id, without those whose
 *       town (first 9 digits of a town or village code) is the target's town; for k = 0 .. m−1: j = k +
 *       below(E − k), swap k and j; the first m are its inspectors.</li>
 * </ol>
 */
public final class Draws {

    private static final String ID = "[0-9A-Za-z._-]{1,40}";

    private Draws() {
    }

    public static Draw draw(DrawInput in) {
        check(in);
        String poolHash = poolHash(in.targetKind(), in.targets(), in.inspectors(), in.sampleSize(),
                in.inspectorsPerTarget());
        String seed = seed(in.announcement(), in.drawDate().toString(), poolHash, in.beacon());
        Stream random = new Stream(HexFormat.of().parseHex(seed));
        List<PoolTarget> targets = new ArrayList<>(in.targets());
        targets.sort(Comparator.comparing(PoolTarget::id));
        List<Inspector> inspectors = new ArrayList<>(in.inspectors());
        inspectors.sort(Comparator.comparing(Inspector::id));
        int n = in.sampleSize();
        for (int i = 0; i < n; i++) {
            java.util.Collections.swap(targets, i, i + random.below(targets.size() - i));
        }
        List<Draw.Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PoolTarget t = targets.get(i);
            String town = town(t.regionCode());
            List<Inspector> eligible = new ArrayList<>(inspectors.stream()
                    .filter(p -> !Objects.equals(town(p.regionCode()), town)).toList());
            int m = in.inspectorsPerTarget();
            if (eligible.size() < m) {
                throw SupervisionException.invalid("目标" + t.id() + "可抽取的检查人员不足" + m + "名（须排除本乡镇人员）",
                        "fewer than " + m + " inspectors from outside the town of target " + t.id());
            }
            List<String> chosen = new ArrayList<>();
            for (int k = 0; k < m; k++) {
                java.util.Collections.swap(eligible, k, k + random.below(eligible.size() - k));
                chosen.add(eligible.get(k).id());
            }
            assignments.add(new Draw.Assignment(i + 1, t.id(), t.regionCode(), List.copyOf(chosen)));
        }
        return new Draw(poolHash, seed, List.copyOf(assignments));
    }

    /** SHA-256 of the canonical pool text. */
    public static String poolHash(TargetKind kind, List<PoolTarget> targets, List<Inspector> inspectors,
                                  int sampleSize, int perTarget) {
        StringBuilder sb = new StringBuilder("sunshine-inspection-pool-v1\n");
        sb.append("kind:").append(kind.name()).append('\n');
        sb.append("sample:").append(sampleSize).append('\n');
        sb.append("per-target:").append(perTarget).append('\n');
        targets.stream().sorted(Comparator.comparing(PoolTarget::id))
                .forEach(t -> sb.append("target:").append(t.id()).append(':').append(t.regionCode()).append('\n'));
        inspectors.stream().sorted(Comparator.comparing(Inspector::id))
                .forEach(p -> sb.append("inspector:").append(p.id()).append(':').append(p.regionCode()).append('\n'));
        return sha256Hex(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of the seed text. */
    public static String seed(String announcement, String drawDate, String poolHash, String beacon) {
        String text = "sunshine-inspection-seed-v1\n"
                + "draw-date:" + drawDate + "\n"
                + "pool:" + poolHash + "\n"
                + "beacon:" + (beacon == null ? "" : beacon) + "\n"
                + announcement;
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An announcement as it is published and hashed: LF line breaks, no surrounding blanks. */
    public static String normalizeAnnouncement(String s) {
        return s == null ? null : s.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** The town of a town or village code (its first 9 digits); null for a county or above. */
    public static String town(String code) {
        if (code == null || code.length() != 12) {
            return null;
        }
        String prefix = sunshine.security.Actor.prefixOf(code);
        return prefix.length() >= 9 ? code.substring(0, 9) : null;
    }

    /** Everything a draw needs is well-formed: ids, regions, no duplicates, sizes. */
    public static void check(DrawInput in) {
        if (in == null || in.targetKind() == null || in.drawDate() == null || in.announcement() == null
                || in.announcement().isBlank() || in.targets() == null || in.inspectors() == null) {
            throw SupervisionException.invalid("抽取所需内容不全（类型、公告、日期、目标库、检查人员库）",
                    "a draw needs the kind, announcement, date, targets and inspectors");
        }
        if (in.beacon() != null && (in.beacon().length() > 200 || in.beacon().contains("\n"))) {
            throw SupervisionException.invalid("公开随机值应为一行，不超过200个字符", "the beacon is one line of at most "
                    + "200 characters");
        }
        Set<String> ids = new HashSet<>();
        for (PoolTarget t : in.targets()) {
            if (t == null || t.id() == null || !t.id().matches(ID) || !ids.add(t.id())) {
                throw SupervisionException.invalid("目标编号无效或重复：" + (t == null ? null : t.id()),
                        "a target id is malformed or repeated: " + (t == null ? null : t.id()));
            }
            if (t.regionCode() == null || !t.regionCode().matches("\\d{12}") || town(t.regionCode()) == null
                    || in.targetKind() == TargetKind.TOWN && !t.regionCode().equals(t.regionCode().substring(0, 9)
                    + "000")) {
                throw SupervisionException.invalid("目标" + t.id() + "的地区代码应为其所在乡镇或村：" + t.regionCode(),
                        "target " + t.id() + " needs its town or village code: " + t.regionCode());
            }
        }
        ids.clear();
        for (Inspector p : in.inspectors()) {
            if (p == null || p.id() == null || !p.id().matches(ID) || !ids.add(p.id())) {
                throw SupervisionException.invalid("检查人员编号无效或重复：" + (p == null ? null : p.id()),
                        "an inspector id is malformed or repeated: " + (p == null ? null : p.id()));
            }
            if (p.regionCode() == null || !p.regionCode().matches("\\d{12}")) {
                throw SupervisionException.invalid("检查人员" + p.id() + "的地区代码应为12位", "inspector " + p.id()
                        + " needs a 12-digit region code");
            }
        }
        if (in.targets().isEmpty()) {
            throw SupervisionException.invalid("目标库是空的", "the target pool is empty");
        }
        if (in.sampleSize() < 1 || in.sampleSize() > in.targets().size()) {
            throw SupervisionException.invalid("抽取数量应在1和目标库数量" + in.targets().size() + "之间：" + in.sampleSize(),
                    "the sample size is between 1 and the pool's " + in.targets().size() + ": " + in.sampleSize());
        }
        if (in.inspectorsPerTarget() < 1 || in.inspectorsPerTarget() > 10) {
            throw SupervisionException.invalid("每个目标的检查人员数应在1到10之间", "1 to 10 inspectors per target");
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The random numbers of a seed: SHA-256 in counter mode. */
    static final class Stream {
        private final byte[] seed;
        private long counter;
        private ByteBuffer block = ByteBuffer.allocate(0);

        Stream(byte[] seed) {
            this.seed = seed.clone();
        }

        long next() {
            if (block.remaining() < 8) {
                byte[] input = ByteBuffer.allocate(seed.length + 8).put(seed).putLong(counter++).array();
                block = ByteBuffer.wrap(sha256(input));
            }
            return block.getLong();
        }

        /** Uniform in [0, n), without modulo bias. */
        int below(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("n = " + n);
            }
            long bound = n;
            long threshold = Long.remainderUnsigned(-bound, bound);   // 2^64 mod n
            while (true) {
                long x = next();
                if (Long.compareUnsigned(x, threshold) >= 0) {
                    return (int) Long.remainderUnsigned(x, bound);
                }
            }
        }
    }
}
