package sunshine.checks.engine;

/**
 * Made payments in W that went to some cards ({@link CheckContext#madeCardPaymentsInWindow}), grouped by card:
 * group i is the card {@link #card(int)} (cards in ascending code order) and its payments are
 * {@link #payment(int)} for j in [{@link #from(int)}, {@link #to(int)}), ordered by period, then as in the file.
 * Primitive arrays only; built for the few cards a rule has already singled out.
 */
public final class CardPayments {

    private final int[] cards;
    private final int[] start;
    private final int[] payments;

    CardPayments(int[] cards, int[] start, int[] payments) {
        this.cards = cards;
        this.start = start;
        this.payments = payments;
    }

    /** The number of cards that received at least one of the payments. */
    public int size() {
        return cards.length;
    }

    /** The card code of group i. */
    public int card(int i) {
        return cards[i];
    }

    public int from(int i) {
        return start[i];
    }

    public int to(int i) {
        return start[i + 1];
    }

    /** A payment (index into Payments). */
    public int payment(int j) {
        return payments[j];
    }
}
