package sunshine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.contract.DataContract;
import sunshine.contract.IdNumbers;

/** The generator's output, read back from its files: complete, valid, calibrated, deterministic. */
class ScenarioGeneratorTest {

    /** Every rule of rules.md. */
    static final List<String> RULES = List.of("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "A10",
            "B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "C01", "C02", "C03", "C04", "C05", "C06", "C07",
            "C08", "C09", "D01", "D02", "D03", "D04", "E01", "E02", "E03");

    @TempDir
    static Path tmp;
    static Path county;

    @BeforeAll
    static void generate() {
        county = tmp.resolve("county");
        assertThat(run("--scale", "county", "--seed", "11", "--out", county.toString())).isZero();
    }

    static int run(String... args) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return GenerateCommand.run(args, quiet, quiet);
    }

    static List<NamedCsvRecord> read(Path dir, String file) throws IOException {
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(dir.resolve(file))) {
            return r.stream().toList();
        }
    }

    @Test
    void everyDatasetOfTheContractIsWritten() {
        for (var d : DataContract.standard().datasets()) {
            assertThat(county.resolve(d.name() + ".csv")).as(d.name()).exists();
        }
        assertThat(county.resolve("ground_truth.csv")).exists();
        assertThat(county.resolve("decoys.csv")).exists();
    }

    @Test
    void theGroundTruthHasEveryRuleAndNoDecoy() throws IOException {
        List<NamedCsvRecord> truth = read(county, "ground_truth.csv");
        Set<String> rules = new HashSet<>();
        Set<String> clues = new HashSet<>();
        for (NamedCsvRecord r : truth) {
            rules.add(r.getField("rule"));
            assertThat(clues.add(r.getField("rule") + "|" + r.getField("subject")))
                    .as("one clue per rule and subject: " + r).isTrue();
            assertThat(r.getField("amount_at_risk")).matches("\\d+\\.\\d{2}");
        }
        assertThat(rules).containsExactlyInAnyOrderElementsOf(RULES);
        List<NamedCsvRecord> decoys = read(county, "decoys.csv");
        assertThat(decoys).hasSizeGreaterThan(30);
        for (NamedCsvRecord d : decoys) {
            assertThat(clues).as("decoy " + d).doesNotContain(d.getField("rule") + "|" + d.getField("subject"));
        }
    }

    @Test
    void idNumbersAreValidAndBelongToTheCountyOfTheirHousehold() throws IOException {
        Map<String, String> regionOfHousehold = new HashMap<>();
        for (NamedCsvRecord h : read(county, "households.csv")) {
            regionOfHousehold.put(h.getField("household_id"), h.getField("region_code"));
        }
        List<NamedCsvRecord> persons = read(county, "persons.csv");
        assertThat(persons).hasSizeGreaterThan(25_000);
        Set<String> ids = new HashSet<>();
        for (NamedCsvRecord p : persons) {
            String id = p.getField("id_no");
            assertThat(IdNumbers.isValid(id)).as(id).isTrue();
            assertThat(ids.add(id)).as("unique " + id).isTrue();
            assertThat(id.substring(0, 6)).isEqualTo(regionOfHousehold.get(p.getField("household_id"))
                    .substring(0, 6));
            assertThat(IdNumbers.birthDate(id).toString()).isEqualTo(p.getField("birth_date"));
            assertThat(Integer.parseInt(id.substring(16, 17)) % 2 == 1).isEqualTo(p.getField("gender").equals("M"));
            assertThat(p.getField("name")).matches("[\\p{IsHan}·]{2,4}");
        }
        // the contract's test vector holds for the generator's check digits too
        assertThat(IdNumbers.isValid("11010519491231002X")).isTrue();
    }

    @Test
    void sizesAreCalibratedToTheRealCounty() throws IOException {
        Map<String, String> programOf = new HashMap<>();
        for (NamedCsvRecord e : read(county, "enrollments.csv")) {
            programOf.put(e.getField("enrollment_id"), e.getField("program"));
        }
        Map<String, Set<String>> covered = new TreeMap<>();
        for (NamedCsvRecord m : read(county, "enrollment_members.csv")) {
            covered.computeIfAbsent(programOf.get(m.getField("enrollment_id")), k -> new HashSet<>())
                    .add(m.getField("id_no"));
        }
        // 4,870 urban and 17,983 rural beneficiaries, plus the few households the anomalies and decoys add, and
        // (rural) the recent quarter's growth of the town designed to stand out on indicator E02
        assertThat(covered.get("DIBAO_URBAN").size()).isBetween(4_870, 4_970);
        assertThat(covered.get("DIBAO_RURAL").size()).isBetween(17_983, 18_900);
        assertThat(covered.keySet()).containsExactlyInAnyOrder("DIBAO_URBAN", "DIBAO_RURAL", "TEKUN", "ORPHAN",
                "DISABILITY_LIVING", "DISABILITY_CARE", "TEMP_ASSIST");
        long payments = read(county, "payments.csv").size();
        assertThat(payments).isBetween(150_000L, 250_000L);
        // twelve months of payments, ending at the check month
        Set<String> periods = new HashSet<>();
        read(county, "payments.csv").forEach(p -> periods.add(p.getField("period")));
        assertThat(periods).hasSize(12).contains("2025-11", "2026-10");
    }

    @Test
    void theRegionsAreRealShandongCodes() throws IOException {
        Map<String, String> names = new HashMap<>();
        for (NamedCsvRecord r : read(county, "regions.csv")) {
            names.put(r.getField("code"), r.getField("name"));
        }
        assertThat(names).containsEntry("370000000000", "山东省").containsEntry("371500000000", "聊城市")
                .containsEntry("371526000000", "高唐县").containsEntry("371526101000", "梁村镇");
    }

    @Test
    void theSameSeedGivesTheSameFilesAndAnotherSeedOthers() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        assertThat(run("--scale", "county", "--seed", "5", "--covered", "3000", "--out", a.toString())).isZero();
        assertThat(run("--scale", "county", "--seed", "5", "--covered", "3000", "--out", b.toString())).isZero();
        assertThat(run("--scale", "county", "--seed", "6", "--covered", "3000", "--out", c.toString())).isZero();
        assertThat(hashes(a)).isEqualTo(hashes(b)).isNotEqualTo(hashes(c));
    }

    @Test
    void aCityHasItsCountiesEachWithAllRules() throws IOException {
        Path city = tmp.resolve("city");
        assertThat(run("--scale", "city", "--seed", "2", "--covered", "24000", "--out", city.toString())).isZero();
        Map<String, Set<String>> rulesByCounty = new TreeMap<>();
        List<NamedCsvRecord> truth = read(city, "ground_truth.csv");
        for (NamedCsvRecord r : truth) {
            if (r.getField("rule").startsWith("E")) {
                rulesByCounty.computeIfAbsent(r.getField("subject").substring(0, 6), k -> new HashSet<>())
                        .add(r.getField("rule"));
            }
        }
        assertThat(rulesByCounty).hasSize(8);
        rulesByCounty.values().forEach(rules -> assertThat(rules).containsExactlyInAnyOrder("E01", "E02", "E03"));
    }

    @Test
    void badCommandLinesAreRefusedWithUsage() {
        assertThat(run("--scale", "country", "--seed", "1", "--out", tmp.resolve("x").toString())).isEqualTo(2);
        assertThat(run("--scale", "county", "--out", tmp.resolve("x").toString())).isEqualTo(2);
        assertThat(run("--scale", "county", "--seed", "1", "--out", tmp.resolve("x").toString(), "--period",
                "2026-13")).isEqualTo(2);
        assertThat(run("--scale", "county", "--seed", "1", "--out", tmp.resolve("x").toString(), "--covered",
                "10")).isEqualTo(2);
    }

    private static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                try {
                    m.put(f.getFileName().toString(), HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return m;
    }
}
