package sunshine.disclosure;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import sunshine.contract.Reason;

/**
 * The canonical form of a public notice (公示名单): the exact bytes that are hashed (SM3), chained and signed
 * (SM2), and that anyone may download and check. Version 1, specified in full in
 * {@code docs/verify-public-notice.md}:
 * <pre>
 * SUNSHINE-PUBLIC-NOTICE,1
 * village,371526100001,新华社区
 * town,371526100000,鱼邱湖街道
 * county,371526000000,高唐县
 * program,DIBAO_URBAN,城市低保
 * version,2
 * published_at,2026-11-02T01:00:00Z
 * published_by,371526100000,鱼邱湖街道
 * previous_hash,9f1c…(64 lower-case hex digits; 64 zeros for version 1)
 * households,2
 * covered_members,3
 * monthly_total,2220.50
 * (an empty line)
 * masked_name,covered_members,monthly_amount
 * 张*,2,1240.00
 * 欧***仁,1,980.50
 * </pre>
 * UTF-8 without a byte order mark; every line, the last one too, ends with one LF (no CR). Each line is a CSV
 * record (RFC 4180): a field holding a comma, a double quote, CR or LF is enclosed in double quotes, with the
 * quotes inside doubled; no other field is quoted. Counts are decimal integers without sign or leading zeros;
 * amounts are yuan with exactly two decimals and a point, without sign, separators or currency sign. The time
 * is UTC, to the second. Rows are sorted by masked name (Unicode code points, as Python compares strings), then
 * by covered members, then by amount, so that the text is a function of the list's content alone; the three
 * totals are the row count and the sums of the two columns.
 * <p>
 * A row holds nothing but the masked name ({@link sunshine.security.Masking#name}), the number of covered
 * members and the monthly amount (workflows §6): never an ID number, phone, bank account, address or income.
 */
public final class NoticeFormat {

    /** The first line's first field. */
    public static final String MAGIC = "SUNSHINE-PUBLIC-NOTICE";
    /** The version of this form. */
    public static final int FORMAT_VERSION = 1;
    /** The previous hash of a chain's first publication. */
    public static final String GENESIS = "0".repeat(64);
    /** The header of the rows. */
    public static final String ROWS_HEADER = "masked_name,covered_members,monthly_amount";

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Masked names by code point, then members, then amount. */
    public static final Comparator<Row> ORDER = Comparator
            .<Row, String>comparing(Row::maskedName, NoticeFormat::compareCodePoints)
            .thenComparingInt(Row::coveredMembers)
            .thenComparing(Row::monthlyAmount);

    private NoticeFormat() {
    }

    /** A region named in a notice: its 12-digit code and its name at the time of publication (may be empty). */
    public record Place(String code, String name) {
        public Place {
            Objects.requireNonNull(code, "code");
            name = name == null ? "" : name;
        }
    }

    /** One household on the list. */
    public record Row(String maskedName, int coveredMembers, BigDecimal monthlyAmount) {
        public Row {
            maskedName = maskedName == null ? "" : maskedName;
            if (coveredMembers < 0) {
                throw new IllegalArgumentException("covered members cannot be negative: " + coveredMembers);
            }
            Objects.requireNonNull(monthlyAmount, "monthlyAmount");
            if (monthlyAmount.signum() < 0) {
                throw new IllegalArgumentException("an amount cannot be negative: " + monthlyAmount);
            }
            monthlyAmount = monthlyAmount.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
    }

    /**
     * What a notice says about itself.
     *
     * @param publishedAt  to the second (finer parts are cut off)
     * @param previousHash the hash of the previous version of the same village and program ({@link #GENESIS}
     *                     for version 1)
     */
    public record Header(Place village, Place town, Place county, String program, String programLabel,
                         int version, Instant publishedAt, Place publishedBy, String previousHash) {
        public Header {
            Objects.requireNonNull(village, "village");
            Objects.requireNonNull(town, "town");
            Objects.requireNonNull(county, "county");
            Objects.requireNonNull(program, "program");
            programLabel = programLabel == null ? "" : programLabel;
            if (version < 1) {
                throw new IllegalArgumentException("versions start at 1: " + version);
            }
            publishedAt = publishedAt.truncatedTo(ChronoUnit.SECONDS);
            Objects.requireNonNull(publishedBy, "publishedBy");
            if (previousHash == null || !previousHash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a previous hash has 64 lower-case hex digits: " + previousHash);
            }
        }
    }

    /** A notice: its header and its rows (in canonical order), with the totals. */
    public record Content(Header header, List<Row> rows) {
        public Content {
            rows = rows.stream().sorted(ORDER).toList();
        }

        public int households() {
            return rows.size();
        }

        public int coveredMembers() {
            return rows.stream().mapToInt(Row::coveredMembers).sum();
        }

        public BigDecimal monthlyTotal() {
            return rows.stream().map(Row::monthlyAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }
    }

    /** The canonical text. */
    public static String write(Content c) {
        Header h = c.header();
        StringBuilder out = new StringBuilder();
        line(out, MAGIC, Integer.toString(FORMAT_VERSION));
        line(out, "village", h.village().code(), h.village().name());
        line(out, "town", h.town().code(), h.town().name());
        line(out, "county", h.county().code(), h.county().name());
        line(out, "program", h.program(), h.programLabel());
        line(out, "version", Integer.toString(h.version()));
        line(out, "published_at", TIME.format(h.publishedAt()));
        line(out, "published_by", h.publishedBy().code(), h.publishedBy().name());
        line(out, "previous_hash", h.previousHash());
        line(out, "households", Integer.toString(c.households()));
        line(out, "covered_members", Integer.toString(c.coveredMembers()));
        line(out, "monthly_total", c.monthlyTotal().toPlainString());
        out.append('\n');
        out.append(ROWS_HEADER).append('\n');
        for (Row r : c.rows()) {
            line(out, r.maskedName(), Integer.toString(r.coveredMembers()), r.monthlyAmount().toPlainString());
        }
        return out.toString();
    }

    /** The canonical bytes (UTF-8). */
    public static byte[] bytes(Content c) {
        return write(c).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a text is exactly the canonical form of what it says. */
    public static boolean isCanonical(String text) {
        try {
            return write(parse(text)).equals(text);
        } catch (FormatException e) {
            return false;
        }
    }

    /**
     * Reads a notice. Lenient where a copy may have been handled by an editor (CR LF line ends, a byte order mark,
     * rows in another order, a missing last line end); strict about every field.
     *
     * @throws FormatException when the text is not a notice of this form
     */
    public static Content parse(String text) throws FormatException {
        String t = text;
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1);
        }
        List<List<String>> records = records(t);
        if (records.isEmpty() || records.get(0).size() != 2 || !MAGIC.equals(records.get(0).get(0))) {
            throw new FormatException("不是本平台发布的公示名单（第一行应为 " + MAGIC + ",1）",
                    "not a notice published by this platform (the first line must be " + MAGIC + ",1)");
        }
        if (!Integer.toString(FORMAT_VERSION).equals(records.get(0).get(1))) {
            throw new FormatException("不支持的格式版本：" + records.get(0).get(1),
                    "unsupported format version: " + records.get(0).get(1));
        }
        String[] keys = {"village", "town", "county", "program", "version", "published_at", "published_by",
            "previous_hash", "households", "covered_members", "monthly_total"};
        int[] sizes = {3, 3, 3, 3, 2, 2, 3, 2, 2, 2, 2};
        if (records.size() < 1 + keys.length + 2) {
            throw new FormatException("名单不完整", "the notice is incomplete");
        }
        List<List<String>> head = records.subList(1, 1 + keys.length);
        for (int i = 0; i < keys.length; i++) {
            List<String> r = head.get(i);
            if (!keys[i].equals(r.get(0)) || r.size() != sizes[i]) {
                throw new FormatException("第" + (i + 2) + "行应为 " + keys[i], "line " + (i + 2) + " must be "
                        + keys[i]);
            }
        }
        List<String> blank = records.get(1 + keys.length);
        List<String> columns = records.get(2 + keys.length);
        if (blank.size() != 1 || !blank.get(0).isEmpty()
                || !String.join(",", columns).equals(ROWS_HEADER)) {
            throw new FormatException("表头之后应为空行和“" + ROWS_HEADER + "”",
                    "the header must be followed by an empty line and \"" + ROWS_HEADER + "\"");
        }
        Header header;
        try {
            header = new Header(place(head.get(0)), place(head.get(1)), place(head.get(2)), head.get(3).get(1),
                    head.get(3).get(2), count(head.get(4).get(1)), Instant.from(TIME.parse(head.get(5).get(1))),
                    place(head.get(6)), head.get(7).get(1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new FormatException("表头有误：" + e.getMessage(), "the header is malformed: " + e.getMessage());
        }
        List<Row> rows = new ArrayList<>();
        for (List<String> r : records.subList(3 + keys.length, records.size())) {
            int line = rows.size() + 4 + keys.length;
            if (r.size() != 3) {
                throw new FormatException("第" + line + "行应有3列", "line " + line + " must have 3 fields");
            }
            try {
                rows.add(new Row(r.get(0), count(r.get(1)), amount(r.get(2))));
            } catch (IllegalArgumentException e) {
                throw new FormatException("第" + line + "行有误：" + e.getMessage(), "line " + line
                        + " is malformed: " + e.getMessage());
            }
        }
        Content c = new Content(header, rows);
        if (c.households() != count(head.get(8).get(1)) || c.coveredMembers() != count(head.get(9).get(1))
                || c.monthlyTotal().compareTo(amount(head.get(10).get(1))) != 0) {
            throw new FormatException("合计与名单不符", "the totals do not add up to the rows");
        }
        return c;
    }

    /** Strict UTF-8, or null when the bytes are not UTF-8. */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Compares two texts by Unicode code points (not by UTF-16 units, which differ beyond U+FFFF). */
    public static int compareCodePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return java.util.Arrays.compare(x, y);
    }

    /** A notice that cannot be read, with the reason in Chinese and English. */
    public static final class FormatException extends Exception {
        private final Reason reason;

        FormatException(String zh, String en) {
            super(en);
            this.reason = new Reason(zh, en);
        }

        public Reason reason() {
            return reason;
        }
    }

    private static Place place(List<String> r) {
        if (!r.get(1).matches("\\d{12}")) {
            throw new IllegalArgumentException("not a 12-digit region code: " + r.get(1));
        }
        return new Place(r.get(1), r.get(2));
    }

    private static int count(String s) {
        if (!s.matches("0|[1-9]\\d{0,8}")) {
            throw new IllegalArgumentException("not a count: " + s);
        }
        return Integer.parseInt(s);
    }

    private static BigDecimal amount(String s) {
        if (!s.matches("(0|[1-9]\\d{0,15})\\.\\d{2}")) {
            throw new IllegalArgumentException("not an amount with two decimals: " + s);
        }
        return new BigDecimal(s);
    }

    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields[i]));
        }
        out.append('\n');
    }

    static String field(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\r') < 0 && v.indexOf('\n') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    /** RFC 4180 records; CR LF and lone LF both end a record outside quotes; a last record without LF counts. */
    static List<List<String>> records(String t) throws FormatException {
        List<List<String>> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        int n = t.length();
        while (i < n) {
            char ch = t.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && t.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    continue;
                }
                field.append(ch);
                i++;
                continue;
            }
            if (ch == '"') {
                if (field.length() > 0 || wasQuoted) {
                    throw new FormatException("引号位置不正确", "a quote in the middle of a field");
                }
                quoted = true;
                wasQuoted = true;
                i++;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                i++;
            } else if (ch == '\n' || ch == '\r' && i + 1 < n && t.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                out.add(record);
                record = new ArrayList<>();
                i += ch == '\r' ? 2 : 1;
            } else {
                if (wasQuoted) {
                    throw new FormatException("引号之后不应有其他字符", "characters after a closing quote");
                }
                field.append(ch);
                i++;
            }
        }
        if (quoted) {
            throw new FormatException("引号没有闭合", "a quote is not closed");
        }
        if (field.length() > 0 || !record.isEmpty() || wasQuoted) {
            record.add(field.toString());
            out.add(record);
        }
        return out;
    }
}
