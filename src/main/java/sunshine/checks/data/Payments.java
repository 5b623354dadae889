package sunshine.checks.data;

/**
 * The {@code payments} dataset, with what the bank receipts say about each payment (derived once at load):
 * whether it is <b>made</b> (docs/rules-interpretation.md: not made only when a FAILED receipt exists and no
 * SUCCESS one), and its receipts. A payment's index is its code in the payment_id dictionary.
 */
public final class Payments {

    /** Receipt flags of a payment. */
    public static final byte SUCCESS_RECEIPT = 1;
    public static final byte FAILED_RECEIPT = 2;

    private final Table table;
    private final TextColumn id;
    private final TextColumn enrollment;
    private final IntColumn period;
    private final LongColumn amount;
    private final EnumColumn channel;
    private final byte card;
    private final TextColumn cardNo;
    private final IntColumn paidDate;
    private final TextColumn remark;
    private final TextColumn batch;
    private final byte[] receiptFlags;
    private final Receipts receipts;
    private volatile int[] receiptStart;
    private int[] receiptOrder;

    public Payments(Table table, byte[] receiptFlags, Receipts receipts) {
        this.table = table;
        this.id = table.texts("payment_id");
        this.enrollment = table.texts("enrollment_id");
        this.period = table.months("period");
        this.amount = table.money("amount");
        this.channel = table.enums("channel");
        this.card = channel.index("CARD");
        this.cardNo = table.texts("card_no");
        this.paidDate = table.dates("paid_date");
        this.remark = table.texts("remark");
        this.batch = table.texts("batch_id");
        this.receiptFlags = receiptFlags;
        this.receipts = receipts;
    }

    public Table table() {
        return table;
    }

    public int size() {
        return table.size();
    }

    public String id(int p) {
        return id.get(p);
    }

    /** The enrollment (index into {@link Enrollments}). */
    public int enrollment(int p) {
        return enrollment.code(p);
    }

    public int period(int p) {
        return period.get(p);
    }

    /** amount in cents. */
    public long amount(int p) {
        return amount.get(p);
    }

    /** CARD, CASH or OTHER. */
    public String channel(int p) {
        return channel.code(p);
    }

    public boolean isCard(int p) {
        return channel.raw(p) == card;
    }

    /** The card number's code in the card dictionary (see {@link Cards}), or -1 when empty. */
    public int card(int p) {
        return cardNo.code(p);
    }

    /** The card_no the row names (also on a payment by another channel, where the money went to no card). */
    public String cardNo(int p) {
        return cardNo.get(p);
    }

    /** The card the money went to: the card_no of a CARD payment, null for any other channel. */
    public String paidCardNo(int p) {
        return isCard(p) ? cardNo.get(p) : null;
    }

    public int paidDate(int p) {
        return paidDate.get(p);
    }

    /** The remark, or null when empty. */
    public String remark(int p) {
        return remark.get(p);
    }

    /** The batch's code in the batch dictionary, or -1. */
    public int batch(int p) {
        return batch.code(p);
    }

    public String batchId(int p) {
        return batch.get(p);
    }

    /** Made payment: not (a FAILED receipt and no SUCCESS receipt). A payment without receipts is made. */
    public boolean isMade(int p) {
        return (receiptFlags[p] & (SUCCESS_RECEIPT | FAILED_RECEIPT)) != FAILED_RECEIPT;
    }

    /** {@link #SUCCESS_RECEIPT} | {@link #FAILED_RECEIPT}: which kinds of receipt the payment has. */
    public byte receiptFlags(int p) {
        return receiptFlags[p];
    }

    // ------------------------------------------------------------------ receipts of a payment (built on first use)

    /** The receipts of p are {@link #receiptAt(int)} for i in [from, to), in file order. */
    public int receiptsFrom(int p) {
        return receiptIndex()[p];
    }

    public int receiptsTo(int p) {
        return receiptIndex()[p + 1];
    }

    /** A receipt (index into {@link Receipts}). */
    public int receiptAt(int i) {
        receiptIndex();
        return receiptOrder[i];
    }

    private int[] receiptIndex() {
        int[] start = receiptStart;
        if (start == null) {
            synchronized (this) {
                start = receiptStart;
                if (start == null) {
                    int n = receipts.size();
                    int[] paymentOf = new int[n];
                    for (int r = 0; r < n; r++) {
                        paymentOf[r] = receipts.payment(r);
                    }
                    int[] order = new int[n];
                    start = IntArrays.group(paymentOf, n, size(), order);
                    receiptOrder = order;
                    receiptStart = start;
                }
            }
        }
        return start;
    }
}
