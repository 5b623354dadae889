package sunshine.checks.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sunshine.checks.ParameterSpec;
import sunshine.checks.Severity;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Households;
import sunshine.checks.data.Persons;
import sunshine.checks.data.Regions;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.ClueBuilder;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Rule;

/**
 * What the town indicators E01-E03 share (docs/rules-interpretation.md, E): the towns, counting distinct covered
 * persons per town, and the robust z-score that decides which towns fire.
 * <p>
 * Towns are the TOWN regions of the registry; a town's county is its first 6 digits. A rule gives each town its x
 * ({@link Double#NaN} where x is not defined); the towns of a county with a defined x form the distribution, unless
 * the county has fewer than 5 of them, in which case every town (of every county) with a defined x does.
 * z = (x − median) ÷ (1.4826 × MAD); where MAD is 0, the scale is 1.2533 × the mean absolute deviation from the
 * mean; where that is 0 too, nothing in that distribution fires. A town fires when z ≥ {@code E.z} (high side only)
 * and the rule's own condition holds. x and z are statistics (double), as rules.md allows; the counts and money they
 * come from are exact and go into the evidence.
 */
abstract class TownIndicator implements Rule {

    static final ParameterSpec Z = ParameterSpec.decimal("E.z", "3.5",
            "robust z-score from which a town indicator fires (high side only)", "乡镇指标稳健z值阈值（仅偏高触发）");

    /** Fewer towns with a value than this in a county: the distribution is every town. */
    static final int MIN_TOWNS = 5;

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    // ------------------------------------------------------------------ towns

    /** The TOWN regions: their region rows, and the town (index into rows) of each household, -1 if none. */
    record Towns(int[] rows, int[] ofHousehold) {

        int size() {
            return rows.length;
        }

        static Towns of(CheckContext ctx) {
            Regions regions = ctx.regions();
            int[] townOfRegionRow = new int[regions.size()];
            Arrays.fill(townOfRegionRow, -1);
            int n = 0;
            int[] rows = new int[regions.size()];
            for (int r = 0; r < regions.size(); r++) {
                if (regions.isTown(r)) {
                    townOfRegionRow[r] = n;
                    rows[n++] = r;
                }
            }
            Households h = ctx.households();
            int[] ofHousehold = new int[h.size()];
            for (int i = 0; i < h.size(); i++) {
                int r = regions.indexOf(ctx.town(h.region(i)));
                ofHousehold[i] = r < 0 ? -1 : townOfRegionRow[r];
            }
            return new Towns(Arrays.copyOf(rows, n), ofHousehold);
        }

        long code(CheckContext ctx, int town) {
            return ctx.regions().code(rows[town]);
        }

        String name(CheckContext ctx, int town) {
            return ctx.regions().name(rows[town]);
        }
    }

    /** Which enrollments count for a person count (e.g. DIBAO and ACTIVE at P). */
    interface EnrollmentFilter {
        boolean test(int enrollment);
    }

    /**
     * Per town: the distinct persons covered by the enrollments that pass the filter, counting an enrollment in the
     * town of its household (a person covered in two towns counts in both, once in each).
     */
    static long[] distinctPersons(CheckContext ctx, Towns towns, EnrollmentFilter counts) {
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();
        long[] count = new long[towns.size()];
        int[] seen = new int[8];
        for (int p = 0; p < persons.size(); p++) {
            int n = 0;
            for (int i = persons.enrollmentsFrom(p); i < persons.enrollmentsTo(p); i++) {
                int e = persons.enrollmentAt(i);
                int t = towns.ofHousehold()[en.household(e)];
                if (t < 0 || !counts.test(e)) {
                    continue;
                }
                boolean again = false;
                for (int k = 0; k < n && !again; k++) {
                    again = seen[k] == t;
                }
                if (!again) {
                    if (n == seen.length) {
                        seen = Arrays.copyOf(seen, n * 2);
                    }
                    seen[n++] = t;
                    count[t]++;
                }
            }
        }
        return count;
    }

    // ------------------------------------------------------------------ robust z

    /** The distribution a town was measured against. */
    record Stats(int towns, boolean allCounties, double median, double mad, double scale, boolean meanDeviation) {

        /** z of x, or NaN when the scale is 0 (nothing fires). */
        double z(double x) {
            return scale == 0 ? Double.NaN : (x - median) / scale;
        }

        Evidence evidence() {
            return Evidence.object()
                    .put("towns", towns)
                    .put("scope", allCounties ? "ALL_TOWNS" : "COUNTY")
                    .put("scale", decimal(scale, 6))
                    .put("scale_rule", meanDeviation ? "1.2533 * mean absolute deviation" : "1.4826 * MAD");
        }

        /** "全县乡镇" or "全部乡镇": what the town was compared with, for explanations. */
        String peersZh() {
            return allCounties ? "全部" + towns + "个乡镇" : "本县" + towns + "个乡镇";
        }
    }

    static Stats stats(double[] values) {
        double median = median(values);
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - median);
        }
        double mad = median(dev);
        double scale = 1.4826 * mad;
        boolean meanDeviation = false;
        if (scale == 0) {
            double mean = Arrays.stream(values).average().orElse(0);
            scale = 1.2533 * Arrays.stream(values).map(v -> Math.abs(v - mean)).average().orElse(0);
            meanDeviation = true;
        }
        return new Stats(values.length, false, median, mad, scale, meanDeviation);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** What fires: a town with its x, z and the distribution. */
    record Outlier(int town, double x, double z, Stats stats) {
    }

    /**
     * The towns whose x (NaN: undefined) has z ≥ {@code E.z}, by county (or over every town where a county has fewer
     * than {@link #MIN_TOWNS} towns with a value).
     */
    static List<Outlier> outliers(CheckContext ctx, Towns towns, double[] x) {
        double threshold = ctx.decimal(Z).doubleValue();
        int n = towns.size();
        int[] county = new int[n];
        for (int t = 0; t < n; t++) {
            county[t] = ctx.county(towns.code(ctx, t));
        }
        // towns with a value, ordered by county, then as in regions
        long[] keys = new long[n];
        int m = 0;
        for (int t = 0; t < n; t++) {
            if (!Double.isNaN(x[t])) {
                keys[m++] = (long) county[t] << 32 | t;
            }
        }
        Arrays.sort(keys, 0, m);
        int[] defined = new int[m];
        double[] all = new double[m];
        for (int i = 0; i < m; i++) {
            defined[i] = (int) keys[i];
            all[i] = x[defined[i]];
        }
        Stats whole = null;
        List<Outlier> out = new ArrayList<>();
        for (int from = 0; from < defined.length; ) {
            int to = from;
            while (to < defined.length && county[defined[to]] == county[defined[from]]) {
                to++;
            }
            Stats s;
            if (to - from >= MIN_TOWNS) {
                s = stats(Arrays.copyOfRange(all, from, to));
            } else {
                if (whole == null) {
                    Stats w = stats(all);
                    whole = new Stats(w.towns(), true, w.median(), w.mad(), w.scale(), w.meanDeviation());
                }
                s = whole;
            }
            for (int i = from; i < to; i++) {
                double z = s.z(all[i]);
                if (!Double.isNaN(z) && z >= threshold) {
                    out.add(new Outlier(defined[i], all[i], z, s));
                }
            }
            from = to;
        }
        return out;
    }

    /** A town's clue: region, severity and the statistics in the evidence; the rule adds the rest. */
    static ClueBuilder clue(CheckContext ctx, Clues out, Towns towns, Outlier o, Evidence facts) {
        long code = towns.code(ctx, o.town());
        return out.clue()
                .subject(sunshine.checks.engine.RegionCodes.text(code))
                .region(code)
                .evidence(facts
                        .put("x", decimal(o.x(), 6))
                        .put("median", decimal(o.stats().median(), 6))
                        .put("mad", decimal(o.stats().mad(), 6))
                        .put("z", decimal(o.z(), 4))
                        .put("distribution", o.stats().evidence()));
    }

    static BigDecimal decimal(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
    }

    /** "7.76%": a ratio as a percentage with 2 decimals. */
    static String percent(double ratio) {
        return decimal(ratio * 100, 2).toPlainString() + "%";
    }
}
