package sunshine.checks.data;

/**
 * The {@code payroll_submissions} dataset (a town's payment list before the bank pays). Its enrollment_id is a code
 * in the enrollments' dictionary; a code at or above the number of enrollments is an enrollment that does not exist.
 */
public final class Submissions {

    private final Table table;
    private final int enrollmentCount;
    private final TextColumn batch;
    private final LongColumn town;
    private final IntColumn period;
    private final TextColumn enrollment;
    private final LongColumn payee;
    private final LongColumn amount;
    private final TextColumn card;

    public Submissions(Table table, int enrollmentCount) {
        this.table = table;
        this.enrollmentCount = enrollmentCount;
        this.batch = table.texts("batch_id");
        this.town = table.regions("region_code");
        this.period = table.months("period");
        this.enrollment = table.texts("enrollment_id");
        this.payee = table.ids("payee_id_no");
        this.amount = table.money("amount");
        this.card = table.texts("card_no");
    }

    public Table table() {
        return table;
    }

    public int size() {
        return table.size();
    }

    /** The batch's code in the batch dictionary (shared with payments.batch_id). */
    public int batch(int s) {
        return batch.code(s);
    }

    public String batchId(int s) {
        return batch.get(s);
    }

    /** The town code of the batch. */
    public long town(int s) {
        return town.get(s);
    }

    public int period(int s) {
        return period.get(s);
    }

    /** The enrollment (index into {@link Enrollments}), or -1 when no such enrollment exists. */
    public int enrollment(int s) {
        int code = enrollment.code(s);
        return code < enrollmentCount ? code : -1;
    }

    /** The enrollment_id as submitted (also when unknown). */
    public String enrollmentId(int s) {
        return enrollment.get(s);
    }

    public long payeeKey(int s) {
        return payee.get(s);
    }

    public long amount(int s) {
        return amount.get(s);
    }

    /** The card code (card dictionary, see {@link Cards}). */
    public int card(int s) {
        return card.code(s);
    }

    public String cardNo(int s) {
        return card.get(s);
    }
}
