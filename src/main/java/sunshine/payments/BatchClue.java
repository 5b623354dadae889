package sunshine.payments;

import java.math.BigDecimal;

/**
 * A clue the check engine found about a batch: C07 at the pre-check, C08 at reconciliation.
 *
 * @param stage        PRECHECK or RECONCILE
 * @param rule         C07 or C08
 * @param variant      the rule's variant (UNKNOWN, AMOUNT, MISSING ... / AMOUNT, CARD, FAILED, MISSING)
 * @param severity     as the rule says
 * @param subject      the rule's subject ({@code batch/enrollment} for C07, {@code payment_id} for C08)
 * @param enrollmentId the enrollment, or null
 * @param amountAtRisk yuan
 * @param owed         yuan owed to the beneficiary, or null
 * @param explanation  the rule's one line of Chinese
 * @param evidence     the rule's evidence (JSON)
 * @param blocking     whether it blocks the batch (every C07 clue does, except the explained ones)
 * @param note         why a clue does not block, or null
 */
public record BatchClue(String stage, String rule, String variant, String severity, String subject,
                        String enrollmentId, BigDecimal amountAtRisk, BigDecimal owed, String explanation,
                        String evidence, boolean blocking, String note) {
}
