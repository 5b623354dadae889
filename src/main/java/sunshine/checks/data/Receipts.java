package sunshine.checks.data;

/** The {@code bank_receipts} dataset: what the bank actually paid for each payment. */
public final class Receipts {

    private final Table table;
    private final TextColumn payment;
    private final TextColumn cardNo;
    private final LongColumn amount;
    private final EnumColumn status;
    private final byte success;
    private final byte failed;
    private final IntColumn settled;

    public Receipts(Table table) {
        this.table = table;
        this.payment = table.texts("payment_id");
        this.cardNo = table.texts("card_no");
        this.amount = table.money("amount");
        this.status = table.enums("status");
        this.success = status.index("SUCCESS");
        this.failed = status.index("FAILED");
        this.settled = table.dates("settled_date");
    }

    public Table table() {
        return table;
    }

    public int size() {
        return table.size();
    }

    /** The payment (index into {@link Payments}). */
    public int payment(int r) {
        return payment.code(r);
    }

    /** The card number's code in the card dictionary (see {@link Cards}). */
    public int card(int r) {
        return cardNo.code(r);
    }

    public String cardNo(int r) {
        return cardNo.get(r);
    }

    /** amount in cents. */
    public long amount(int r) {
        return amount.get(r);
    }

    public boolean isSuccess(int r) {
        return status.raw(r) == success;
    }

    public boolean isFailed(int r) {
        return status.raw(r) == failed;
    }

    public int settledDate(int r) {
        return settled.get(r);
    }
}
