package sunshine.checks.data;

import sunshine.checks.engine.Ids;

/**
 * The {@code persons} dataset, with the index from ID number to person, and for each person the enrollments that
 * cover them (from {@code enrollment_members}).
 */
public final class Persons {

    private final Table table;
    private final LongColumn id;
    private final TextColumn name;
    private final TextColumn household;
    private final LongIntMap byKey;
    private final int[] enrollmentStart;
    private final int[] enrollments;

    public Persons(Table table, LongIntMap byKey, int[] enrollmentStart, int[] enrollments) {
        this.table = table;
        this.id = table.ids("id_no");
        this.name = table.texts("name");
        this.household = table.texts("household_id");
        this.byKey = byKey;
        this.enrollmentStart = enrollmentStart;
        this.enrollments = enrollments;
    }

    public Table table() {
        return table;
    }

    public int size() {
        return table.size();
    }

    /** The person's ID key (see {@link Ids}). */
    public long key(int p) {
        return id.get(p);
    }

    public String idNo(int p) {
        return Ids.idNo(id.get(p));
    }

    public String name(int p) {
        return name.get(p);
    }

    /** The person's household (index into {@link Households}). */
    public int household(int p) {
        return household.code(p);
    }

    /** The person with this ID key, or -1 when the ID is not in {@code persons}. */
    public int indexOf(long idKey) {
        return idKey == Ids.NONE ? -1 : byKey.get(idKey);
    }

    /** The person with this ID number, or -1. */
    public int indexOf(String idNo) {
        return idNo == null ? -1 : indexOf(Ids.key(idNo));
    }

    /** Whether the ID is a registry person: the filter every external dataset goes through. */
    public boolean contains(long idKey) {
        return indexOf(idKey) >= 0;
    }

    /** The enrollments covering person p are {@link #enrollmentAt(int)} for i in [from, to). */
    public int enrollmentsFrom(int p) {
        return enrollmentStart[p];
    }

    public int enrollmentsTo(int p) {
        return enrollmentStart[p + 1];
    }

    public int enrollmentAt(int i) {
        return enrollments[i];
    }
}
