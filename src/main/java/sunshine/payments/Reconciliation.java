package sunshine.payments;

import java.util.List;

/**
 * What a bank receipt file did: the receipts it added and, per batch, the C08 clues and the payments that failed.
 *
 * @param receipts  rows added to {@code bank_receipts} (0 when the same file was already imported)
 * @param unchanged whether the file had already been imported (nothing was added)
 * @param batches   the batches the file reported on, now RECONCILED
 * @param clues     C08 clues of those batches
 * @param failed    payments with a FAILED receipt and no SUCCESS one, not yet re-issued
 */
public record Reconciliation(int receipts, boolean unchanged, List<PaymentBatch> batches, List<BatchClue> clues,
                             List<String> failed) {
}
