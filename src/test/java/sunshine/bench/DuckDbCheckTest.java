package sunshine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sunshine.checks.CheckEngine;
import sunshine.checks.CheckResult;
import sunshine.checks.CheckSource;
import sunshine.checks.Clue;
import sunshine.scenario.GenerateCommand;

/**
 * DuckDB as a third, independent implementation of the rules: on generated scenarios, the clues of the SQL in
 * {@code duckdb/rules} equal the engine's clues (every column of clues.csv but the explanation and the evidence,
 * which the SQL keeps short) and the generator's ground truth (rule, subject, variant, amount at risk, owed).
 */
class DuckDbCheckTest {

    /** The columns both implementations must agree on: all of clues.csv but explanation and evidence. */
    static final List<String> COMPARED = DuckDbCheck.CLUE_COLUMNS.subList(0, DuckDbCheck.CLUE_COLUMNS.size() - 2);

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} seed {1}, {2} covered")
    @CsvSource({"county,1,28000", "county,3,9000"})
    void duckDbFindsWhatTheEngineAndTheGroundTruthFind(String scale, long seed, long covered) throws Exception {
        Path data = tmp.resolve(scale + seed);
        assertThat(GenerateCommand.run("--scale", scale, "--seed", Long.toString(seed), "--covered",
                Long.toString(covered), "--out", data.toString())).isZero();

        // the engine
        CheckEngine engine = CheckEngine.standard();
        CheckResult result;
        try (CheckSource source = CheckSource.folder(data)) {
            result = engine.run(source, YearMonth.of(2026, 10), engine.defaultParameters());
        }
        Map<String, String> byEngine = new TreeMap<>();
        for (Clue c : result.clues()) {
            byEngine.put(c.rule() + "|" + c.subject(), String.join("|", c.rule(), c.severity().name(), c.subject(),
                    c.variant(), text(c.enrollmentId()), text(c.householdId()), text(c.idNo()), text(c.cardNo()),
                    text(c.regionCode()), c.periodFrom() == null ? "" : c.periodFrom().toString(),
                    c.periodTo() == null ? "" : c.periodTo().toString(), c.amountAtRisk().toPlainString(),
                    c.owed() == null ? "" : c.owed().toPlainString()));
        }

        // DuckDB
        Path out = tmp.resolve(scale + seed + "-duckdb");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        DuckDbCheck.Result run = DuckDbCheck.check(DuckDbCheck.Options.parse(new String[] {"--data",
                data.toString(), "--period", "2026-10", "--threads", "2", "--out", out.toString()}),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        List<NamedCsvRecord> duck = read(out.resolve("clues.csv"));
        assertThat(run.clues()).isEqualTo(duck.size());
        Map<String, String> byDuckDb = new TreeMap<>();
        for (NamedCsvRecord r : duck) {
            byDuckDb.put(r.getField("rule") + "|" + r.getField("subject"),
                    String.join("|", COMPARED.stream().map(r::getField).toList()));
        }

        assertThat(differences(byEngine, byDuckDb)).as("DuckDB against the engine, every column but explanation and"
                + " evidence (" + String.join("|", COMPARED) + ")").isEmpty();

        // and both against the generator's ground truth
        Map<String, String> truth = new TreeMap<>();
        for (NamedCsvRecord r : read(data.resolve("ground_truth.csv"))) {
            truth.put(r.getField("rule") + "|" + r.getField("subject"), r.getField("variant") + "|"
                    + r.getField("amount_at_risk") + "|" + r.getField("owed"));
        }
        Map<String, String> duckTruth = new TreeMap<>();
        for (NamedCsvRecord r : duck) {
            duckTruth.put(r.getField("rule") + "|" + r.getField("subject"), r.getField("variant") + "|"
                    + r.getField("amount_at_risk") + "|" + r.getField("owed"));
        }
        assertThat(differences(truth, duckTruth)).as("DuckDB against ground_truth.csv").isEmpty();
        Set<String> fired = new TreeSet<>();
        duckTruth.keySet().forEach(k -> fired.add(k.substring(0, 3)));
        assertThat(fired).as("every rule fires in the scenario").isEqualTo(new TreeSet<>(DuckDbCheck.RULES));
        for (NamedCsvRecord d : read(data.resolve("decoys.csv"))) {
            assertThat(byDuckDb).as("decoy: " + d.getField("note"))
                    .doesNotContainKey(d.getField("rule") + "|" + d.getField("subject"));
        }

        // the file is written as the engine writes clues.csv: UTF-8 with a byte-order mark, CRLF, its header
        byte[] bytes = Files.readAllBytes(out.resolve("clues.csv"));
        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        String first = new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(String.join(",", DuckDbCheck.CLUE_COLUMNS)
                + "\r\n");
        assertThat(first).endsWith("evidence");
    }

    /** Per key: missing, extra, or both values; empty when the maps are equal. */
    static List<String> differences(Map<String, String> expected, Map<String, String> found) {
        List<String> out = new ArrayList<>();
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(found.keySet());
        for (String k : keys) {
            String e = expected.get(k);
            String f = found.get(k);
            if (e == null) {
                out.add("extra " + k + ": " + f);
            } else if (f == null) {
                out.add("missing " + k + ": " + e);
            } else if (!e.equals(f)) {
                out.add("different " + k + ": expected " + e + ", found " + f);
            }
        }
        return out;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    static List<NamedCsvRecord> read(Path file) throws IOException {
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().detectBomHeader(true).ofNamedCsvRecord(file)) {
            return r.stream().toList();
        }
    }
}
