package sunshine.imports;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import sunshine.contract.Column;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;

/**
 * Test utility: copies a scenario folder and injects known corruptions, returning exactly the errors an import
 * must report for them:
 * <ul>
 *   <li>bad check digits in three ID numbers of persons</li>
 *   <li>two broken dates (2026-02-30) in enrollments</li>
 *   <li>two unknown region codes in households</li>
 *   <li>a missing required column in an external dataset's file (the file is rejected: one error, row 0)</li>
 *   <li>a file re-encoded to GBK, which must still be read (no error from it)</li>
 * </ul>
 * Corruptions are chosen so that none causes follow-on errors in other files.
 */
final class ScenarioCorruptor {

    /** An injected error as the report must list it: "file|row|column|value". */
    record Injected(String file, long row, String column, String value) {
        String where() {
            return file + "|" + row + "|" + column + "|" + value;
        }
    }

    /** What was done to the copy. */
    record Result(Path folder, List<Injected> errors, String gbkFile, String missingColumnFile) {
    }

    private static final Charset GBK = Charset.forName("GBK");
    private static final DataContract CONTRACT = DataContract.standard();

    private ScenarioCorruptor() {
    }

    static Result corrupt(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
        }
        List<Injected> errors = new ArrayList<>();

        // bad check digits: three persons
        Table persons = Table.read(target, "persons");
        int id = persons.column("id_no");
        for (int row : persons.pick(3, id)) {
            String good = persons.cell(row, id);
            char c = good.charAt(17);
            String bad = good.substring(0, 17) + (c == '0' ? '1' : '0');
            persons.set(row, id, bad);
            // the report shows ID numbers masked
            errors.add(new Injected("persons.csv", row, "id_no", sunshine.security.Masking.idNumber(bad)));
        }
        persons.write();

        // broken dates: two enrollments
        Table enrollments = Table.read(target, "enrollments");
        int approved = enrollments.column("approved_date");
        for (int row : enrollments.pick(2, approved)) {
            enrollments.set(row, approved, "2026-02-30");
            errors.add(new Injected("enrollments.csv", row, "approved_date", "2026-02-30"));
        }
        enrollments.write();

        // unknown regions: two households
        Set<String> known = new HashSet<>();
        Table regions = Table.read(target, "regions");
        int code = regions.column("code");
        for (int row = 2; row <= regions.lastRow(); row++) {
            known.add(regions.cell(row, code));
        }
        Table households = Table.read(target, "households");
        int region = households.column("region_code");
        for (int row : households.pick(2, region)) {
            String original = households.cell(row, region);
            String unknown = null;
            for (int n = 999; n > 0 && unknown == null; n--) {
                String candidate = original.substring(0, 9) + String.format("%03d", n);
                if (!known.contains(candidate)) {
                    unknown = candidate;
                }
            }
            households.set(row, region, unknown);
            errors.add(new Injected("households.csv", row, "region_code", unknown));
        }
        households.write();

        // a missing required column in an external dataset
        String missingColumnFile = null;
        for (String dataset : List.of("vehicles", "deaths", "businesses", "properties", "public_employees")) {
            if (Files.exists(target.resolve(dataset + ".csv"))) {
                Table t = Table.read(target, dataset);
                String drop = CONTRACT.dataset(dataset).columns().stream()
                        .filter(c -> c.required() && !c.name().equals("id_no")).findFirst().orElseThrow().name();
                t.dropColumn(t.column(drop));
                t.write();
                missingColumnFile = dataset + ".csv";
                errors.add(new Injected(missingColumnFile, 0, "", ""));
                break;
            }
        }
        if (missingColumnFile == null) {
            throw new IllegalStateException("the scenario has no external dataset to drop a column from");
        }

        // a file re-encoded to GBK: one with Chinese text that GBK can hold, not otherwise corrupted
        String gbkFile = null;
        for (String dataset : List.of("cards", "staff", "filings", "bank_receipts", "payments", "deaths")) {
            Path f = target.resolve(dataset + ".csv");
            if (!Files.exists(f) || (dataset + ".csv").equals(missingColumnFile)) {
                continue;
            }
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.chars().anyMatch(ch -> ch > 0x7F) && GBK.newEncoder().canEncode(text)) {
                Files.write(f, text.getBytes(GBK));
                gbkFile = dataset + ".csv";
                break;
            }
        }
        if (gbkFile == null) {
            throw new IllegalStateException("no file of the scenario can be re-encoded to GBK");
        }
        return new Result(target, errors, gbkFile, missingColumnFile);
    }

    /** Data records of a CSV contract file (the header not counted). */
    static long dataRows(Path csv) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv, charsetOf(csv))) {
            long n = 0;
            for (CsvRecord ignored : reader) {
                n++;
            }
            return Math.max(0, n - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Charset charsetOf(Path csv) throws IOException {
        byte[] bytes = Files.readAllBytes(csv);
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (java.nio.charset.CharacterCodingException e) {
            return Charset.forName("GB18030");
        }
    }

    /** A CSV contract file in memory (a county's files are small enough for a test). */
    private static final class Table {
        private final Path file;
        private final Dataset dataset;
        private final List<List<String>> records = new ArrayList<>();
        private final boolean bom;

        private Table(Path file, Dataset dataset, boolean bom) {
            this.file = file;
            this.dataset = dataset;
            this.bom = bom;
        }

        static Table read(Path dir, String dataset) throws IOException {
            Path file = dir.resolve(dataset + ".csv");
            if (!Files.exists(file)) {
                throw new IllegalStateException("the scenario has no " + file.getFileName());
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            boolean bom = text.startsWith("\uFEFF");
            Table t = new Table(file, CONTRACT.dataset(dataset), bom);
            for (CsvRecord r : CsvReader.builder().ofCsvRecord(bom ? text.substring(1) : text)) {
                t.records.add(new ArrayList<>(r.getFields()));
            }
            return t;
        }

        /** The index of a column by its English name or any of its Chinese headers. */
        int column(String name) {
            Column c = dataset.column(name).orElseThrow();
            List<String> header = records.get(0);
            for (int i = 0; i < header.size(); i++) {
                if (c.headers().contains(header.get(i).strip())) {
                    return i;
                }
            }
            throw new IllegalStateException(file.getFileName() + " has no column " + name);
        }

        /** Spreadsheet row numbers of n rows spread over the file whose cell in the column is not empty. */
        List<Integer> pick(int n, int column) {
            List<Integer> rows = new ArrayList<>();
            int data = records.size() - 1;
            if (data < n) {
                throw new IllegalStateException(file.getFileName() + " has only " + data + " rows");
            }
            for (int k = 0; k < n; k++) {
                int row = 2 + (int) ((long) data * (2L * k + 1) / (2L * n));
                while (cell(row, column).isBlank() || rows.contains(row)) {
                    row++;
                }
                rows.add(row);
            }
            return rows;
        }

        String cell(int row, int column) {
            List<String> r = records.get(row - 1);
            return column < r.size() ? r.get(column) : "";
        }

        void set(int row, int column, String value) {
            records.get(row - 1).set(column, value);
        }

        int lastRow() {
            return records.size();
        }

        void dropColumn(int column) {
            for (List<String> r : records) {
                if (column < r.size()) {
                    r.remove(column);
                }
            }
        }

        void write() throws IOException {
            try (OutputStream out = Files.newOutputStream(file)) {
                if (bom) {
                    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                }
                try (CsvWriter w = CsvWriter.builder().build(out, StandardCharsets.UTF_8)) {
                    for (List<String> r : records) {
                        w.writeRecord(r);
                    }
                }
            }
        }
    }
}
