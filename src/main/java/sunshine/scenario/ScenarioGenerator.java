package sunshine.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sunshine.scenario.Model.Card;
import sunshine.scenario.Model.Enrollment;
import sunshine.scenario.Model.Person;
import sunshine.scenario.Model.Region;
import sunshine.scenario.Model.Submission;
import sunshine.scenario.RegionAtlas.Division;

/**
 * Generates a scenario county by county: the clean county ({@link Baseline}), the anomalies of every rule
 * ({@link Anomalies}), the near misses ({@link Decoys}), the payroll for the check month, the town indicators'
 * ground truth, and the other departments' records of everyone else ({@link ExternalNoise}).
 */
final class ScenarioGenerator {

    /** What was written. */
    record Summary(int counties, Map<String, Long> rows, int clues, int decoys, long coveredPersons) {
    }

    private final ScenarioSettings settings;
    private final PrintStream progress;

    ScenarioGenerator(ScenarioSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    Summary generate() throws IOException {
        RegionAtlas atlas = RegionAtlas.shandong();
        List<Division> counties = settings.counties(atlas);
        double factor = (double) settings.coveredPersons() / counties.size() / ScenarioSettings.COUNTY_COVERED;
        GroundTruth truth = new GroundTruth();
        long covered = 0;
        try (ScenarioWriter out = new ScenarioWriter(settings.out())) {
            out.write(upperRegions(atlas, counties), "regions");
            int n = 0;
            for (Division county : counties) {
                n++;
                long start = System.nanoTime();
                CountyBuilder b = new CountyBuilder(settings, atlas, county, factor);
                covered += county(b, truth);
                out.write(b.data);
                new ExternalNoise(b, out).write();
                if (progress != null) {
                    progress.printf("  [%d/%d] %s %s: %,d persons, %,d enrollments, %,d payments (%.1f s)%n", n,
                            counties.size(), county.code().substring(0, 6), county.name(), b.data.persons.size(),
                            b.data.enrollments.size(), b.data.payments.size(), (System.nanoTime() - start) / 1e9);
                }
            }
            out.groundTruth(truth.clues);
            out.decoys(truth.decoys);
            return new Summary(counties.size(), out.rowCounts(), truth.clues.size(), truth.decoys.size(), covered);
        }
    }

    /** One county, complete; returns its number of covered persons. */
    private long county(CountyBuilder b, GroundTruth truth) {
        Baseline.TownDesign design = Baseline.TownDesign.random(b);
        b.regionsAndStandards();
        b.staff();
        new Baseline(b, design).build();
        Anomalies anomalies = new Anomalies(b, truth);
        anomalies.inject();
        Decoys decoys = new Decoys(b, truth, anomalies);
        decoys.place();
        TownIndicators towns = new TownIndicators(b);
        towns.calibrate(design);
        payroll(b);
        anomalies.alterPayroll();
        decoys.unreconciledBatch();
        TownIndicators.check(towns.compute(truth), design, b.county.name());
        Set<String> persons = new HashSet<>();
        for (Enrollment e : b.data.enrollments) {
            for (Person p : e.members) {
                persons.add(p.id);
            }
        }
        return persons.size();
    }

    /**
     * The payroll each town submits for P: every enrollment due that month (ACTIVE, started, not ended, not
     * temporary assistance), with the payee, the approved amount and the payee's subsidy card.
     */
    static void payroll(CountyBuilder b) {
        YearMonth p = b.period;
        for (Division town : b.towns) {
            String batch = CountyBuilder.batchId(town.code(), p);
            for (Enrollment e : b.data.enrollments) {
                if (!e.household.town().equals(town.code()) || e.program.equals("TEMP_ASSIST")
                        || !e.status.equals("ACTIVE") || e.startMonth.isAfter(p)
                        || (e.endMonth != null && e.endMonth.isBefore(p))) {
                    continue;
                }
                Card card = b.subsidyCardOf.get(e.payee.id);
                if (card == null || !card.status.equals("ACTIVE")) {
                    throw new IllegalStateException("payee of " + e.id + " has no active subsidy card");
                }
                b.data.submissions.add(new Submission(batch, town.code(), p, e.id, e.payee.id, e.payee.name,
                        e.monthlyAmount, card.cardNo));
            }
        }
    }

    /** The province and the cities above the counties, written once. */
    private static List<Region> upperRegions(RegionAtlas atlas, List<Division> counties) {
        Division province = atlas.province();
        Set<String> cities = new java.util.LinkedHashSet<>();
        for (Division c : counties) {
            cities.add(c.parentCode());
        }
        List<Region> rows = new java.util.ArrayList<>();
        rows.add(new Region(province.code(), province.name(), "PROVINCE", null, null));
        for (String city : cities) {
            Division d = atlas.division(city);
            rows.add(new Region(d.code(), d.name(), "CITY", province.code(), null));
        }
        return rows;
    }
}
