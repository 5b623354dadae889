package sunshine.checks.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Program;
import sunshine.checks.engine.RegionCodes;

/**
 * The {@code standards} dataset and the one definition of Standard(program, region, urban_rural, month)
 * (docs/rules-interpretation.md, Terms): among the rows of the program whose region code (trailing zero segments
 * ignored) is a prefix of the region, whose urban_rural equals the household's or is empty, and whose effective_month
 * is not after the month: the longest region prefix; then the latest effective_month; then an exact urban_rural
 * before an empty one. No such row: unknown ({@link Money#NONE}).
 * <p>
 * A lookup costs a hash probe: for each (region, urban_rural, program) the answer is computed once as a timeline of
 * (from month, standard) steps and cached. Thread-safe.
 */
public final class Standards {

    private static final int[] LEVEL_DIGITS = {0, 2, 4, 6, 9, 12};

    private final int size;
    private final long[] region;
    private final int[] digits;
    private final byte[] program;
    /** -1 for empty (both), else the urban_rural enum position. */
    private final byte[] urbanRural;
    private final int[] effective;
    private final long[] amount;
    /** (region code, program) -> rows; the region code as given (its own significant prefix). */
    private final Map<Long, int[]> byRegionAndProgram = new HashMap<>();
    private final Map<Long, Timeline> cache = new ConcurrentHashMap<>();

    private record Timeline(int[] from, long[] standard) {
    }

    public Standards(Table table) {
        this.size = table.size();
        LongColumn r = table.regions("region_code");
        EnumColumn p = table.enums("program");
        EnumColumn ur = table.enums("urban_rural");
        IntColumn eff = table.months("effective_month");
        LongColumn std = table.money("monthly_standard");
        region = new long[size];
        digits = new int[size];
        program = new byte[size];
        urbanRural = new byte[size];
        effective = new int[size];
        amount = new long[size];
        Map<Long, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < size; i++) {
            region[i] = r.get(i);
            digits[i] = RegionCodes.significantDigits(region[i]);
            program[i] = (byte) Program.of(p.code(i)).ordinal();
            urbanRural[i] = ur.raw(i);
            effective[i] = eff.get(i);
            amount[i] = std.get(i);
            index.computeIfAbsent(key(RegionCodes.truncate(region[i], digits[i]), program[i]), k -> new ArrayList<>())
                    .add(i);
        }
        index.forEach((k, rows) -> byRegionAndProgram.put(k, rows.stream().mapToInt(Integer::intValue).toArray()));
    }

    public int size() {
        return size;
    }

    /**
     * The standard in cents for a program in a region (a household's village) for a month, or {@link Money#NONE}.
     *
     * @param urbanRuralRaw the household's urban_rural enum position (see {@link Households#urbanRuralRaw(int)})
     */
    public long lookup(Program p, long regionCode, byte urbanRuralRaw, int month) {
        long cacheKey = ((regionCode * 4 + (urbanRuralRaw + 1)) << 3) | p.ordinal();
        Timeline t = cache.computeIfAbsent(cacheKey, k -> timeline(p, regionCode, urbanRuralRaw));
        int i = Arrays.binarySearch(t.from, month);
        if (i < 0) {
            i = -i - 2;
        }
        return i < 0 ? Money.NONE : t.standard[i];
    }

    /** The rows that may apply to the region: its own code and every ancestor, for the program and urban_rural. */
    private Timeline timeline(Program p, long regionCode, byte ur) {
        List<Integer> candidates = new ArrayList<>();
        for (int d : LEVEL_DIGITS) {
            int[] rows = byRegionAndProgram.get(key(RegionCodes.truncate(regionCode, d), (byte) p.ordinal()));
            if (rows == null) {
                continue;
            }
            for (int row : rows) {
                if ((urbanRural[row] < 0 || urbanRural[row] == ur) && RegionCodes.covers(region[row], regionCode)) {
                    candidates.add(row);
                }
            }
        }
        int[] months = candidates.stream().mapToInt(row -> effective[row]).distinct().sorted().toArray();
        long[] standards = new long[months.length];
        for (int k = 0; k < months.length; k++) {
            int best = -1;
            for (int row : candidates) {
                if (effective[row] <= months[k] && (best < 0 || better(row, best))) {
                    best = row;
                }
            }
            standards[k] = amount[best];
        }
        return new Timeline(months, standards);
    }

    /** Longest region prefix, then latest effective month, then exact urban_rural before empty. */
    private boolean better(int a, int b) {
        if (digits[a] != digits[b]) {
            return digits[a] > digits[b];
        }
        if (effective[a] != effective[b]) {
            return effective[a] > effective[b];
        }
        return urbanRural[a] >= 0 && urbanRural[b] < 0;
    }

    private static long key(long regionPrefix, byte program) {
        return (regionPrefix << 3) | program;
    }
}
