package sunshine.ledger;

/**
 * What the complainant is given: the tracking code to look the complaint up with later (kept by the platform
 * only as its hash: it cannot be told again), and for staff the ledger item.
 *
 * @param item null for complaints from the public
 */
public record ComplaintReceipt(String trackingCode, LedgerItem item) {
}
