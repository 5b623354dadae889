package sunshine.checks.data;

import sunshine.checks.engine.Ids;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Program;

/**
 * The {@code enrollments} dataset with its covered members (from {@code enrollment_members}) and its payments
 * (ordered by period, then as in the file). An enrollment's index is its code in the enrollment_id dictionary.
 */
public final class Enrollments {

    private final Table table;
    private final TextColumn id;
    private final EnumColumn program;
    private final Program[] programOfIndex;
    private final TextColumn household;
    private final LongColumn payee;
    private final EnumColumn status;
    private final byte active;
    private final IntColumn approved;
    private final IntColumn start;
    private final IntColumn end;
    private final LongColumn monthlyAmount;
    private final LongColumn perCapitaIncome;
    private final LongColumn approver;
    private final LongColumn investigator;
    private final int[] memberStart;
    private final int[] members;
    private final int[] paymentStart;
    private final int[] payments;

    public Enrollments(Table table, int[] memberStart, int[] members, int[] paymentStart, int[] payments) {
        this.table = table;
        this.id = table.texts("enrollment_id");
        this.program = table.enums("program");
        this.programOfIndex = new Program[program.type().values().size()];
        for (int i = 0; i < programOfIndex.length; i++) {
            programOfIndex[i] = Program.of(program.type().values().get(i).code());
        }
        this.household = table.texts("household_id");
        this.payee = table.ids("payee_id_no");
        this.status = table.enums("status");
        this.active = status.index("ACTIVE");
        this.approved = table.dates("approved_date");
        this.start = table.months("start_month");
        this.end = table.months("end_month");
        this.monthlyAmount = table.money("monthly_amount");
        this.perCapitaIncome = table.money("per_capita_income");
        this.approver = table.ids("approver_id_no");
        this.investigator = table.ids("investigator_id_no");
        this.memberStart = memberStart;
        this.members = members;
        this.paymentStart = paymentStart;
        this.payments = payments;
    }

    public Table table() {
        return table;
    }

    public int size() {
        return table.size();
    }

    public String id(int e) {
        return id.get(e);
    }

    public Program program(int e) {
        return programOfIndex[program.raw(e)];
    }

    /** The household (index into {@link Households}). */
    public int household(int e) {
        return household.code(e);
    }

    public long payeeKey(int e) {
        return payee.get(e);
    }

    public String payeeIdNo(int e) {
        return Ids.idNo(payee.get(e));
    }

    /** ACTIVE, SUSPENDED or TERMINATED. */
    public String status(int e) {
        return status.code(e);
    }

    /** status = ACTIVE (whatever the months; see CheckContext.isActiveAt for "ACTIVE at month m"). */
    public boolean hasActiveStatus(int e) {
        return status.raw(e) == active;
    }

    /** approved_date as an epoch day. */
    public int approvedDate(int e) {
        return approved.get(e);
    }

    /** month(approved_date). */
    public int approvedMonth(int e) {
        return Months.ofDay(approved.get(e));
    }

    public int startMonth(int e) {
        return start.get(e);
    }

    /** end_month, or {@link Months#NONE} when empty. */
    public int endMonth(int e) {
        return end.get(e);
    }

    /** monthly_amount in cents. */
    public long monthlyAmount(int e) {
        return monthlyAmount.get(e);
    }

    /** per_capita_income in cents, or {@link sunshine.checks.engine.Money#NONE} when empty. */
    public long perCapitaIncome(int e) {
        return perCapitaIncome.get(e);
    }

    public long approverKey(int e) {
        return approver.get(e);
    }

    public long investigatorKey(int e) {
        return investigator.get(e);
    }

    // ------------------------------------------------------------------ covered members

    /** covered: the number of covered members. */
    public int covered(int e) {
        return memberStart[e + 1] - memberStart[e];
    }

    /** The covered members of e are {@link #memberAt(int)} for i in [from, to), in file order. */
    public int membersFrom(int e) {
        return memberStart[e];
    }

    public int membersTo(int e) {
        return memberStart[e + 1];
    }

    /** A covered member (index into {@link Persons}). */
    public int memberAt(int i) {
        return members[i];
    }

    /** Whether person p is a covered member of e. */
    public boolean covers(int e, int p) {
        for (int i = memberStart[e]; i < memberStart[e + 1]; i++) {
            if (members[i] == p) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ payments

    /** The payments of e (made or not, any period) are {@link #paymentAt(int)} for i in [from, to), by period. */
    public int paymentsFrom(int e) {
        return paymentStart[e];
    }

    public int paymentsTo(int e) {
        return paymentStart[e + 1];
    }

    /** A payment (index into {@link Payments}). */
    public int paymentAt(int i) {
        return payments[i];
    }
}
