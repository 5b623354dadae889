package sunshine.checks.data;

import java.util.Arrays;
import sunshine.checks.engine.Ids;

/**
 * The {@code staff} dataset with {@code staff_relatives}: who is staff, where, at which level and when in office,
 * and whose relatives are whom. "In office" and "covers a household" are defined in
 * {@link sunshine.checks.engine.CheckContext}.
 */
public final class Staff {

    private final Table table;
    private final LongColumn id;
    private final TextColumn name;
    private final EnumColumn role;
    private final LongColumn region;
    private final EnumColumn level;
    private final IntColumn activeFrom;
    private final IntColumn activeTo;
    private final LongIntMap byKey;
    private final Table relativesTable;
    private final LongColumn relativeStaff;
    private final LongColumn relative;
    private final EnumColumn relation;
    /** Relative rows ordered by staff key, and by relative key. */
    private final int[] byStaff;
    private final long[] byStaffKeys;
    private final int[] byRelative;
    private final long[] byRelativeKeys;

    public Staff(Table table, LongIntMap byKey, Table relatives) {
        this.table = table;
        this.id = table.ids("id_no");
        this.name = table.texts("name");
        this.role = table.enums("role");
        this.region = table.regions("region_code");
        this.level = table.enums("level");
        this.activeFrom = table.dates("active_from");
        this.activeTo = table.dates("active_to");
        this.byKey = byKey;
        this.relativesTable = relatives;
        if (relatives != null) {
            relativeStaff = relatives.ids("staff_id_no");
            relative = relatives.ids("relative_id_no");
            relation = relatives.enums("relation");
            int n = relatives.size();
            byStaff = order(relativeStaff, n);
            byStaffKeys = keys(relativeStaff, byStaff);
            byRelative = order(relative, n);
            byRelativeKeys = keys(relative, byRelative);
        } else {
            relativeStaff = null;
            relative = null;
            relation = null;
            byStaff = byRelative = new int[0];
            byStaffKeys = byRelativeKeys = new long[0];
        }
    }

    public Table table() {
        return table;
    }

    /** The staff_relatives rows (null when the dataset was not loaded). */
    public Table relativesTable() {
        return relativesTable;
    }

    public int size() {
        return table.size();
    }

    public long key(int s) {
        return id.get(s);
    }

    public String idNo(int s) {
        return Ids.idNo(id.get(s));
    }

    public String name(int s) {
        return name.get(s);
    }

    /** CASEWORKER, VILLAGE_CADRE, TOWN_OFFICIAL or COUNTY_OFFICIAL. */
    public String role(int s) {
        return role.code(s);
    }

    public long region(int s) {
        return region.get(s);
    }

    /** VILLAGE, TOWN, COUNTY or CITY. */
    public String level(int s) {
        return level.code(s);
    }

    /** active_from as an epoch day, or {@link sunshine.checks.engine.Days#NONE} (always). */
    public int activeFrom(int s) {
        return activeFrom.get(s);
    }

    /** active_to as an epoch day, or {@link sunshine.checks.engine.Days#NONE} (still in office). */
    public int activeTo(int s) {
        return activeTo.get(s);
    }

    /** The staff row of an ID key, or -1: "is staff" is {@code indexOf(key) >= 0}, whatever the dates. */
    public int indexOf(long idKey) {
        return idKey == Ids.NONE ? -1 : byKey.get(idKey);
    }

    public boolean isStaff(long idKey) {
        return indexOf(idKey) >= 0;
    }

    // ------------------------------------------------------------------ relatives

    /** The staff_relatives rows with this staff_id_no: ids of relatives via {@link #relativeKey(int)}. */
    public int[] relativeRowsOfStaff(long staffKey) {
        return rows(byStaff, byStaffKeys, staffKey);
    }

    /** The staff_relatives rows with this relative_id_no: whose relative the person is. */
    public int[] relativeRowsOfRelative(long relativeKey) {
        return rows(byRelative, byRelativeKeys, relativeKey);
    }

    public long relativeStaffKey(int row) {
        return relativeStaff.get(row);
    }

    public long relativeKey(int row) {
        return relative.get(row);
    }

    /** SPOUSE, PARENT, CHILD ... */
    public String relation(int row) {
        return relation.code(row);
    }

    private static int[] order(LongColumn c, int n) {
        Integer[] rows = new Integer[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        Arrays.sort(rows, (a, b) -> Long.compare(c.get(a), c.get(b)));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = rows[i];
        }
        return out;
    }

    private static long[] keys(LongColumn c, int[] order) {
        long[] k = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            k[i] = c.get(order[i]);
        }
        return k;
    }

    private static int[] rows(int[] order, long[] sortedKeys, long key) {
        int lo = Arrays.binarySearch(sortedKeys, key);
        if (lo < 0) {
            return new int[0];
        }
        while (lo > 0 && sortedKeys[lo - 1] == key) {
            lo--;
        }
        int hi = lo;
        while (hi < sortedKeys.length && sortedKeys[hi] == key) {
            hi++;
        }
        return Arrays.copyOfRange(order, lo, hi);
    }
}
