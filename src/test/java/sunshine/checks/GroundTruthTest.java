package sunshine.checks;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sunshine.scenario.GenerateCommand;

/**
 * The engine against the scenario generator's ground truth, which the generator derives from what it injected,
 * independently of the engine: on counties and a city of several seeds, every rule of rules.md finds exactly the
 * injected clues (precision and recall 1.0), with the same variant, amount at risk and owed amount to the cent, and
 * none of the near-miss decoys.
 */
class GroundTruthTest {

    /** Every rule of rules.md. */
    static final Set<String> RULES = new TreeSet<>(List.of("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08",
            "A09", "A10", "B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "C01", "C02", "C03", "C04", "C05",
            "C06", "C07", "C08", "C09", "D01", "D02", "D03", "D04", "E01", "E02", "E03"));

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"county,1,28000", "county,2,28000", "county,3,9000", "city,4,40000"})
    void everyRuleFindsExactlyTheGroundTruth(String scale, long seed, long covered) throws IOException {
        Path dir = tmp.resolve(scale + seed);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(GenerateCommand.run(new String[] {"--scale", scale, "--seed", Long.toString(seed), "--covered",
                Long.toString(covered), "--out", dir.toString()})).isZero();

        CheckEngine engine = CheckEngine.standard();
        assertThat(engine.rules()).extracting(RuleInfo::code).containsExactlyInAnyOrderElementsOf(RULES);
        CheckResult result;
        try (CheckSource source = CheckSource.folder(dir)) {
            result = engine.run(source, YearMonth.of(2026, 10), engine.defaultParameters());
        }

        Map<String, String> expected = new TreeMap<>();
        for (NamedCsvRecord r : read(dir, "ground_truth.csv")) {
            expected.put(r.getField("rule") + "|" + r.getField("subject"), r.getField("variant") + "|"
                    + r.getField("amount_at_risk") + "|" + r.getField("owed"));
        }
        Map<String, String> found = new TreeMap<>();
        for (Clue c : result.clues()) {
            found.put(c.rule() + "|" + c.subject(), c.variant() + "|" + c.amountAtRisk().toPlainString() + "|"
                    + (c.owed() == null ? "" : c.owed().toPlainString()));
        }
        assertThat(expected.keySet().stream().map(k -> k.substring(0, 3)).collect(Collectors.toSet()))
                .as("the scenario injects every rule").isEqualTo(RULES);

        // per rule: precision and recall 1.0, and every amount to the cent
        List<String> wrong = new ArrayList<>();
        for (String rule : RULES) {
            Map<String, String> e = only(expected, rule);
            Map<String, String> f = only(found, rule);
            if (!e.equals(f)) {
                Set<String> missed = new TreeSet<>(e.keySet());
                missed.removeAll(f.keySet());
                Set<String> extra = new TreeSet<>(f.keySet());
                extra.removeAll(e.keySet());
                List<String> differ = e.keySet().stream().filter(f::containsKey)
                        .filter(k -> !e.get(k).equals(f.get(k))).map(k -> k + " expected " + e.get(k) + " found "
                                + f.get(k)).toList();
                wrong.add(rule + ": missed " + missed + ", extra " + extra + ", different " + differ);
            }
        }
        assertThat(wrong).as("rules that differ from the ground truth").isEmpty();

        for (NamedCsvRecord d : read(dir, "decoys.csv")) {
            assertThat(found).as("decoy: " + d.getField("note"))
                    .doesNotContainKey(d.getField("rule") + "|" + d.getField("subject"));
        }
    }

    private static Map<String, String> only(Map<String, String> clues, String rule) {
        Map<String, String> m = new TreeMap<>();
        clues.forEach((k, v) -> {
            if (k.startsWith(rule + "|")) {
                m.put(k, v);
            }
        });
        return m;
    }

    private static List<NamedCsvRecord> read(Path dir, String file) throws IOException {
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(dir.resolve(file))) {
            return r.stream().toList();
        }
    }
}
