package sunshine.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sunshine.scenario.Model.Enrollment;
import sunshine.scenario.Model.Payment;
import sunshine.scenario.Model.Person;
import sunshine.scenario.Model.Region;

/**
 * The town indicators E01-E03 of a county, as rules.md defines them.
 * <p>
 * {@link #calibrate} sets them by design once the county is complete: each town's population is set so that its
 * coverage (E01) lies on an even band around the county's, and the baseline households' top-ups are shifted so
 * that its top-up per person (E03) does too; the designed outlier towns get 1.8 times the coverage and 1.6 times
 * the top-up. The anomalies and decoys, which do not scale down with the county, would otherwise make a small
 * town stand out by chance. Growth (E02) is kept flat by the anomalies' timing and the baseline's cap on recent
 * enrollments; the designed growth town has a quarter more beneficiaries in the last three months.
 * <p>
 * {@link #compute} then computes the indicators as the rules do, for the ground truth, and {@link #check} fails if
 * any town but the designed ones fires: that would mean the design did not work.
 */
final class TownIndicators {

    static final double Z = 3.5;
    static final int GROWTH_MONTHS = 3;
    static final double MIN_GROWTH = 0.10;

    private final CountyBuilder b;

    TownIndicators(CountyBuilder b) {
        this.b = b;
    }

    /** Per town: DIBAO persons ACTIVE at P, persons paid for P and for P-3, and the DIBAO amount paid for P. */
    private static final class TownFigures {
        final Set<String> coveredAtP = new HashSet<>();
        final Set<String> paidAtP = new HashSet<>();
        final Set<String> paidBefore = new HashSet<>();
        BigDecimal amountAtP = BigDecimal.ZERO;
    }

    private Map<String, TownFigures> figures() {
        Map<String, TownFigures> towns = new LinkedHashMap<>();
        for (String t : b.townRegions.keySet()) {
            towns.put(t, new TownFigures());
        }
        YearMonth p = b.period;
        YearMonth before = p.minusMonths(GROWTH_MONTHS);
        for (Enrollment e : b.data.enrollments) {
            if (!e.isDibao()) {
                continue;
            }
            TownFigures f = towns.get(e.household.town());
            if (e.status.equals("ACTIVE") && !e.startMonth.isAfter(p) && (e.endMonth == null
                    || !e.endMonth.isBefore(p))) {
                addMembers(f.coveredAtP, e);
            }
            for (Payment pay : e.payments) {
                if (!pay.made()) {
                    continue;
                }
                if (pay.period.equals(p)) {
                    addMembers(f.paidAtP, e);
                    f.amountAtP = f.amountAtP.add(pay.amount);
                } else if (pay.period.equals(before)) {
                    addMembers(f.paidBefore, e);
                }
            }
        }
        return towns;
    }

    /** Sets the towns' coverage and top-up level by design (see the class comment). */
    void calibrate(Baseline.TownDesign design) {
        Map<String, TownFigures> towns = figures();
        long covered = 0;
        long population = 0;
        BigDecimal paid = BigDecimal.ZERO;
        long persons = 0;
        for (Map.Entry<String, TownFigures> e : towns.entrySet()) {
            covered += e.getValue().coveredAtP.size();
            population += b.townRegions.get(e.getKey()).population;
            paid = paid.add(e.getValue().amountAtP);
            persons += e.getValue().paidAtP.size();
        }
        double coverage = (double) covered / population;
        double topUp = paid.doubleValue() / persons;
        for (Map.Entry<String, TownFigures> e : towns.entrySet()) {
            String town = e.getKey();
            TownFigures f = e.getValue();
            double c = coverage * (1 + (town.equals(design.coverageTown()) ? 0.8 : design.coverageSpread().get(town)));
            if (!f.coveredAtP.isEmpty()) {
                setPopulation(town, Math.round(f.coveredAtP.size() / c));
            }
            double target = topUp * (1 + (town.equals(design.topUpTown()) ? 0.6 : design.topUpSpread().get(town)));
            shiftTopUps(town, f, BigDecimal.valueOf(target));
        }
        long total = 0;
        for (Region t : b.townRegions.values()) {
            total += t.population;
        }
        b.data.regions.get(0).population = total;
    }

    /** The town's population, and its villages' in proportion. */
    private void setPopulation(String town, long population) {
        Region t = b.townRegions.get(town);
        long old = t.population;
        t.population = population;
        List<Region> villages = b.data.regions.stream().filter(r -> r.level.equals("VILLAGE")
                && town.equals(r.parentCode)).toList();
        long left = population;
        for (int i = 0; i < villages.size(); i++) {
            Region v = villages.get(i);
            long share = i == villages.size() - 1 ? left : Math.round((double) v.population * population / old);
            v.population = Math.max(0, Math.min(left, share));
            left -= v.population;
        }
    }

    /**
     * Shifts the top-up per person of the town's baseline households paid for P by one amount, so that the town's
     * DIBAO paid for P per person covered is the target (to the cent, as far as cents allow). Their monthly amount,
     * per-capita income and every payment move with it, so that they stay consistent (rule C02).
     */
    private void shiftTopUps(String town, TownFigures f, BigDecimal target) {
        long shifted = 0;
        for (Enrollment e : b.baselineDibao) {
            if (e.household.town().equals(town) && paidFor(e, b.period)) {
                shifted += e.members.size();
            }
        }
        if (shifted == 0 || f.paidAtP.isEmpty()) {
            return;
        }
        BigDecimal missing = target.multiply(BigDecimal.valueOf(f.paidAtP.size())).subtract(f.amountAtP);
        BigDecimal shift = missing.divide(BigDecimal.valueOf(shifted), 2, RoundingMode.HALF_UP);
        for (Enrollment e : b.baselineDibao) {
            if (!e.household.town().equals(town) || !paidFor(e, b.period)) {
                continue;
            }
            BigDecimal perHousehold = shift.multiply(BigDecimal.valueOf(e.members.size()));
            e.monthlyAmount = e.monthlyAmount.add(perHousehold);
            e.perCapitaIncome = e.perCapitaIncome.subtract(shift);
            if (e.perCapitaIncome.signum() < 0 || e.monthlyAmount.signum() <= 0) {
                throw new IllegalStateException("top-up calibration out of range for " + e.id);
            }
            for (Payment p : e.payments) {
                Anomalies.setAmount(p, p.amount.add(perHousehold));
            }
        }
    }

    private static boolean paidFor(Enrollment e, YearMonth m) {
        for (Payment p : e.payments) {
            if (p.period.equals(m) && p.made()) {
                return true;
            }
        }
        return false;
    }

    /** The clues, one per town and indicator that fires (rule/town to x and z). */
    Map<String, String> compute(GroundTruth truth) {
        Map<String, Double> coverage = new LinkedHashMap<>();
        Map<String, Double> growth = new LinkedHashMap<>();
        Map<String, Double> topUp = new LinkedHashMap<>();
        for (Map.Entry<String, TownFigures> e : figures().entrySet()) {
            String t = e.getKey();
            TownFigures f = e.getValue();
            Long population = b.townRegions.get(t).population;
            if (population != null && population > 0) {
                coverage.put(t, f.coveredAtP.size() / (double) population);
            }
            if (!f.paidBefore.isEmpty()) {
                growth.put(t, f.paidAtP.size() / (double) f.paidBefore.size() - 1);
            }
            if (!f.paidAtP.isEmpty()) {
                topUp.put(t, f.amountAtP.doubleValue() / f.paidAtP.size());
            }
        }
        Map<String, String> fired = new LinkedHashMap<>();
        fire("E01", coverage, Double.NEGATIVE_INFINITY, truth, fired);
        fire("E02", growth, MIN_GROWTH, truth, fired);
        fire("E03", topUp, Double.NEGATIVE_INFINITY, truth, fired);
        return fired;
    }

    /** Fails unless exactly the designed towns fire, each on its own indicator. */
    static void check(Map<String, String> fired, Baseline.TownDesign design, String county) {
        Set<String> expected = Set.of("E01/" + design.coverageTown(), "E02/" + design.growthTown(),
                "E03/" + design.topUpTown());
        if (!fired.keySet().equals(expected)) {
            throw new IllegalStateException("the town indicators of " + county + " fire on " + fired
                    + ", designed: " + expected);
        }
    }

    private static void addMembers(Set<String> s, Enrollment e) {
        for (Person p : e.members) {
            s.add(p.id);
        }
    }

    private static void fire(String rule, Map<String, Double> x, double minimum, GroundTruth truth,
                             Map<String, String> fired) {
        if (x.size() < 5) {
            throw new IllegalStateException(rule + ": fewer than five towns with a value");
        }
        double[] z = robustZ(x.values().stream().mapToDouble(Double::doubleValue).toArray());
        int i = 0;
        for (Map.Entry<String, Double> e : x.entrySet()) {
            if (!Double.isNaN(z[i]) && z[i] >= Z && e.getValue() >= minimum) {
                String note = String.format("x=%.4f z=%.2f", e.getValue(), z[i]);
                truth.clue(rule, e.getKey(), CountyBuilder.ZERO, note);
                fired.put(rule + "/" + e.getKey(), note);
            }
            i++;
        }
    }

    /** (x - median) / (1.4826 MAD); where MAD is 0, 1.2533 x the mean absolute deviation; NaN where that is 0. */
    static double[] robustZ(double[] x) {
        double median = median(x);
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dev[i] = Math.abs(x[i] - median);
        }
        double scale = 1.4826 * median(dev);
        if (scale == 0) {
            double mean = Arrays.stream(x).average().orElse(0);
            scale = 1.2533 * Arrays.stream(x).map(v -> Math.abs(v - mean)).average().orElse(0);
        }
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = scale == 0 ? Double.NaN : (x[i] - median) / scale;
        }
        return z;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
