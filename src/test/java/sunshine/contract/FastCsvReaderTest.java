package sunshine.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte-level CSV reader of the check against the contract's general reader: on every dataset, with tricky cells
 * of every value type and tricky files (BOM, CRLF, blank records, quotes, GB18030, bytes valid in no encoding, extra
 * and unnamed cells, missing columns), both give the same rows, values (equal, amounts of the same scale), row
 * numbers, errors, warnings and format, or fail the same way.
 */
class FastCsvReaderTest {

    private static final DataContract CONTRACT = DataContract.standard();
    private static final ValueParser PARSER = new ValueParser(CONTRACT, RegionDirectory.of(Map.of(
            "370000000000", "PROVINCE", "370100000000", "CITY", "370102000000", "COUNTY", "370102001000", "TOWN",
            "370102001003", "VILLAGE")));

    @TempDir
    Path dir;

    private static final String[] IDS = {"11010519491231002X", "11010519491231002x", "110105194912310021",
            "110105194912310020", "110105491231002", "11010519491331002X", "11010518991231002X", "11010519490229002X",
            "11010520000229002X", "11010519491231002", "11010519491231002XX", "1101051949123100２X", "1.10105E+17",
            "１１０１０５１９４９１２３１００２Ｘ", "A1010519491231002X", "'11010519491231002X", " 11010519491231002X",
            "11010519491231002X\t", "370102196601022758"};
    private static final String[] DATES = {"2026-10-05", "2026-02-29", "2024-02-29", "1900-02-29", "2000-02-29",
            "1899-12-31", "1900-01-01", "2100-12-31", "2101-01-01", "2026-00-10", "2026-13-01", "2026-04-31",
            "2026-10-00", "2026-1-05", "2026-10-5", "2026/10/05", "2026.10.05", "20261005", "2026年10月5日",
            "2026-10-05 12:30", "2026-10-05T12:30:00", "２０２６-10-05", "2026－10－05", "2026-10-0x", "+026-10-05",
            "0000-01-01", "9999-12-31", "2026-10-05x", "-2026-10-5", " 2026-10-05", "2026-10-31", "2026-09-31"};
    private static final String[] MONTHS = {"2026-10", "2026-1", "2026-00", "2026-13", "1899-12", "1900-01",
            "2100-12", "2101-01", "202610", "2026/10", "2026.10", "2026年10月", "2026-10-01", "2026-10-02", "2026-1x",
            "20x6-10", "2026--1", "2026-+1", "２０２６-10", "2026－10", "0000-01", " 2026-10"};
    private static final String[] MONEY = {"0", "0.0", "0.00", "00", "007.5", "603.48", "603.4", "603.", ".48",
            "603.480", "603.481", "1,234.50", "1,23.4", "¥1234.5", "￥12", "-1", "-0", "(12.00)", "12元", "1e3",
            "1E+2", "999999999999999", "999999999999999.99", "9999999999999999", "99999999999999999999.99", "+1",
            "1.2.3", "１２.5", "12．5", " 12", "NaN", "0x10", "1_000", "12.-5", "12.+5", "12.5 "};
    private static final String[] TEXTS = {"abc", " abc ", "张三", "a b", "\u3000张三\u3000", "ＡＢＣ", "a\u200Bb",
            "x".repeat(300), "长".repeat(300), "\u00A0", "é", "😀", "a\u007F", "\u0001b", "202511城市低保金",
            "BANK-1", "'x"};
    private static final String[] REGIONS = {"370102001003", "370102", "37", "3701", "370102001", "3701020010031",
            "37010200100a", " 370102001003", "999999999999", "370102001000", "３７０１０２００１００３", "3.70102E+11",
            "'370102001003"};
    private static final String[] NUMBERS = {"3", "-1", "3.0", "3.5", "99999999999999999999", "１", "1,234", "0",
            "44.00", "-1.5", "abc", " 7", "1e2"};

    private static String[] pool(Column c) {
        switch (c.type()) {
            case ID:
                return IDS;
            case DATE:
                return DATES;
            case MONTH:
                return MONTHS;
            case MONEY:
                return MONEY;
            case REGION:
                return REGIONS;
            case INTEGER:
            case DECIMAL:
                return NUMBERS;
            case ENUM: {
                EnumType t = CONTRACT.enumOf(c);
                List<String> out = new ArrayList<>();
                for (EnumType.Value v : t.values()) {
                    out.add(v.code());
                    out.add(v.code().toLowerCase());
                    out.addAll(v.labels());
                }
                out.add("BOGUS");
                out.add(" " + t.values().get(0).code());
                return out.toArray(new String[0]);
            }
            default:
                return TEXTS;
        }
    }

    /** A file of the dataset with mostly good rows and tricky cells mixed in. */
    private String fileText(Dataset d, Random random, int rows, String newline) {
        StringBuilder sb = new StringBuilder();
        List<Column> cols = d.columns();
        for (int i = 0; i < cols.size(); i++) {
            sb.append(i > 0 ? "," : "").append(i % 3 == 1 ? cols.get(i).label() : cols.get(i).name());
        }
        sb.append(newline);
        for (int r = 0; r < rows; r++) {
            if (r % 17 == 5) {
                sb.append(newline); // a blank record
                continue;
            }
            if (r % 23 == 7) {
                sb.append(" ,\t,").append(newline);
                continue;
            }
            for (int i = 0; i < cols.size(); i++) {
                String[] pool = pool(cols.get(i));
                String v = random.nextInt(4) == 0 ? "" : pool[random.nextInt(random.nextBoolean() ? 1 : pool.length)];
                sb.append(i > 0 ? "," : "").append(v);
            }
            if (r % 29 == 3) {
                sb.append(",extra");
            }
            if (r % 31 == 4) {
                sb.append(", ");
            }
            sb.append(newline);
        }
        return sb.toString();
    }

    @Test
    void everyDatasetWithTrickyCellsReadsAsTheGeneralReaderReadsIt() throws IOException {
        Random random = new Random(11);
        for (Dataset d : CONTRACT.datasets()) {
            for (String newline : List.of("\n", "\r\n")) {
                String text = fileText(d, random, 400, newline);
                Path f = write(d.name() + ".csv", text.getBytes(StandardCharsets.UTF_8));
                assertSame(f, d, true);
            }
        }
    }

    @Test
    void trickyFilesReadAsTheGeneralReaderReadsThem() throws IOException {
        Dataset d = CONTRACT.dataset("payments");
        Random random = new Random(5);
        String body = fileText(d, random, 300, "\n");
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        assertSame(write("bom.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8)), d, true);
        assertSame(write("utf16.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, utf8)), d, false);
        assertSame(write("empty.csv", new byte[0]), d, false);
        assertSame(write("blank.csv", "\n\n , \n".getBytes(StandardCharsets.UTF_8)), d, false);
        String header = body.substring(0, body.indexOf('\n') + 1);
        assertSame(write("header-only.csv", header.getBytes(StandardCharsets.UTF_8)), d, true);
        assertSame(write("no-newline.csv", body.strip().getBytes(StandardCharsets.UTF_8)), d, true);
        assertSame(write("missing.csv", "payment_id,amount\nP1,3\n".getBytes(StandardCharsets.UTF_8)), d, false);
        assertSame(write("twice.csv", (header.strip() + ",amount\n").getBytes(StandardCharsets.UTF_8)), d, false);
        // an unnamed header cell between named ones, and an unknown column
        String[] h = header.strip().split(",");
        String odd = String.join(",", h[0], "", "unknown", String.join(",", java.util.Arrays.copyOfRange(h, 1,
                h.length))) + "\n";
        StringBuilder rows = new StringBuilder(odd);
        for (String line : body.split("\n", -1)) {
            if (line.isEmpty() || line == body.split("\n")[0]) {
                continue;
            }
            String[] c = line.split(",", -1);
            rows.append(c[0]).append(",v").append(rows.length() % 3).append(",u,")
                    .append(String.join(",", java.util.Arrays.copyOfRange(c, 1, c.length))).append('\n');
        }
        assertSame(write("unnamed.csv", rows.toString().getBytes(StandardCharsets.UTF_8)), d, true);

        // the fast path hands over to the general reader mid-file
        int middle = body.indexOf('\n', body.length() / 2) + 1;
        String quoted = body.substring(0, middle) + "\"P9\",\"E1\",2026-10,\"1,234.00\",CARD,\"62\n33\",2026-10-05,,B1\n"
                + body.substring(middle);
        assertSame(write("quoted.csv", quoted.getBytes(StandardCharsets.UTF_8)), d, true);
        String lone = body.substring(0, middle) + "P9,E1,2026-10,12.00,CARD,6233,2026-10-05,,B1\rP8,E1,2026-10,1,CASH,,"
                + "2026-10-05,,B1\n" + body.substring(middle);
        assertSame(write("cr.csv", lone.getBytes(StandardCharsets.UTF_8)), d, true);
        byte[] bad = concat(concat(body.substring(0, middle).getBytes(StandardCharsets.UTF_8),
                new byte[] {'P', '9', ',', (byte) 0xFF, (byte) 0xFE, '\n'}), body.substring(middle)
                .getBytes(StandardCharsets.UTF_8));
        assertSame(write("invalid.csv", bad), d, false);
        // ASCII first, Chinese in GB18030 (what Excel saves) later: the encoding is decided at the first Chinese byte
        String ascii = header + "P1,E1,2026-10,12.00,CASH,,2026-10-05,,B1\n".repeat(2000);
        Charset gb = Charset.forName("GB18030");
        assertSame(write("gbk.csv", concat(ascii.getBytes(gb),
                "P2,E1,2026-10,12.00,CASH,,2026-10-05,城市低保,B1\n".repeat(50).getBytes(gb))), d, true);
        // valid UTF-8 first, then within the look-ahead bytes valid in neither: the general reader takes GB18030
        assertSame(write("mixed.csv", concat(concat(ascii.getBytes(StandardCharsets.UTF_8),
                "P2,E1,2026-10,12.00,CASH,,2026-10-05,城市低保,B1\n".getBytes(StandardCharsets.UTF_8)),
                "P3,E1,2026-10,12.00,CASH,,2026-10-05,城市低保,B1\n".getBytes(gb))), d, false);
        // a long file: buffers refilled, a multi-byte character across a buffer boundary
        StringBuilder big = new StringBuilder(header);
        for (int i = 0; big.length() < 9 << 20; i++) {
            big.append("P").append(i).append(",E").append(i % 977).append(",2026-").append(String.format("%02d",
                    i % 12 + 1)).append(',').append(i % 100000).append('.').append(i % 100 < 10 ? "0" : "")
                    .append(i % 100).append(",CARD,62").append(i).append(",2026-10-0").append(i % 9 + 1)
                    .append(',').append(i % 7 == 0 ? "城市低保金" : "remark").append(",B").append(i % 13).append('\n');
        }
        assertSame(write("big.csv", big.toString().getBytes(StandardCharsets.UTF_8)), d, true);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** Reads the file with both readers; everything they give or throw must be the same. */
    private static void assertSame(Path f, Dataset d, boolean expectRows) throws IOException {
        List<String> general = readAll(f, d, false);
        List<String> fast = readAll(f, d, true);
        assertThat(fast).as(f.getFileName().toString()).containsExactlyElementsOf(general);
        if (expectRows) {
            assertThat(general.size()).as(f.getFileName().toString()).isGreaterThan(1);
        }
    }

    private static List<String> readAll(Path f, Dataset d, boolean fast) throws IOException {
        List<String> out = new ArrayList<>();
        String name = String.valueOf(f.getFileName());
        try {
            if (fast) {
                try (FastCsvReader r = FastCsvReader.open(f, name, d, PARSER)) {
                    out.add("warnings " + r.warnings());
                    ParsedRow row;
                    try {
                        while ((row = r.next()) != null) {
                            out.add(describe(row));
                        }
                    } catch (ContractFileException e) {
                        out.add("failed " + e.file() + " " + e.reason());
                    }
                    out.add("warnings " + r.warnings() + " rows " + r.rowsRead() + " format " + r.format());
                }
            } else {
                try (DatasetReader r = DatasetReader.open(f, name, d, PARSER)) {
                    out.add("warnings " + r.warnings());
                    ParsedRow row;
                    try {
                        while ((row = r.next()) != null) {
                            out.add(describe(row));
                        }
                    } catch (ContractFileException e) {
                        out.add("failed " + e.file() + " " + e.reason());
                    }
                    out.add("warnings " + r.warnings() + " rows " + r.rowsRead() + " format " + r.format());
                }
            }
        } catch (ContractFileException e) {
            out.add("refused " + e.file() + " " + e.reason());
        }
        return out;
    }

    private static String describe(ParsedRow row) {
        StringBuilder sb = new StringBuilder().append(row.row()).append(':');
        for (Object v : row.values()) {
            sb.append(v == null ? "null" : v.getClass().getSimpleName() + "=" + v).append('|');
            if (v instanceof java.math.BigDecimal) {
                sb.append("scale").append(((java.math.BigDecimal) v).scale()).append('|');
            }
        }
        return sb.append(Objects.toString(row.errors())).toString();
    }
}
