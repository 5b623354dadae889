package sunshine.checks.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything a check reads, in memory: the registry datasets as compact tables with their indexes and derived facts
 * (made payments, members and payments of each enrollment, enrollments of each person), and the external datasets
 * reduced to the rows of registry persons, ordered by person. Built once per run by the loader; read-only after.
 * <p>
 * A dataset no rule of the run declared is not loaded; asking for it fails with a message saying so.
 */
public final class Snapshot {

    private final Map<String, Table> tables;
    private final Set<String> present;
    private final Regions regions;
    private final Households households;
    private final Persons persons;
    private final Enrollments enrollments;
    private final Payments payments;
    private final Receipts receipts;
    private final Cards cards;
    private final Standards standards;
    private final Staff staff;
    private final Filings filings;
    private final Submissions submissions;

    /** What the loader hands over. Façades of datasets that were not loaded are null. */
    public record Parts(Map<String, Table> tables, Set<String> present, Regions regions, Households households,
                        Persons persons, Enrollments enrollments, Payments payments, Receipts receipts, Cards cards,
                        Standards standards, Staff staff, Filings filings, Submissions submissions) {
    }

    public Snapshot(Parts p) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(p.tables()));
        this.present = Set.copyOf(p.present());
        this.regions = p.regions();
        this.households = p.households();
        this.persons = p.persons();
        this.enrollments = p.enrollments();
        this.payments = p.payments();
        this.receipts = p.receipts();
        this.cards = p.cards();
        this.standards = p.standards();
        this.staff = p.staff();
        this.filings = p.filings();
        this.submissions = p.submissions();
    }

    public Regions regions() {
        return regions;
    }

    public Households households() {
        return households;
    }

    public Persons persons() {
        return persons;
    }

    public Enrollments enrollments() {
        return enrollments;
    }

    public Payments payments() {
        return payments;
    }

    public Receipts receipts() {
        return receipts;
    }

    public Cards cards() {
        return loaded(cards, "cards");
    }

    public Standards standards() {
        return loaded(standards, "standards");
    }

    /** staff with staff_relatives (relatives only when that dataset was declared too). */
    public Staff staff() {
        return loaded(staff, "staff");
    }

    public Filings filings() {
        return loaded(filings, "filings");
    }

    public Submissions submissions() {
        return loaded(submissions, "payroll_submissions");
    }

    /**
     * Any loaded dataset as a table; for an external dataset, the rows of registry persons ordered by person (an
     * empty table when the dataset was absent from the input).
     */
    public Table table(String dataset) {
        Table t = tables.get(dataset);
        if (t == null) {
            throw new IllegalStateException(dataset + " is not loaded: add it to the rule's requires() or uses()");
        }
        return t;
    }

    /** Whether the input had the dataset. */
    public boolean present(String dataset) {
        return present.contains(dataset);
    }

    /** The loaded tables by dataset name. */
    public Map<String, Table> tables() {
        return tables;
    }

    private static <T> T loaded(T part, String dataset) {
        if (part == null) {
            throw new IllegalStateException(dataset + " is not loaded: add it to the rule's requires() or uses()");
        }
        return part;
    }
}
