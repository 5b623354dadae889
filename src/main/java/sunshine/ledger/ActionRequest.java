package sunshine.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A rectification action to record (only while RECTIFYING).
 *
 * @param version   the item's version the actor saw
 * @param date      required: effective date, day of recovery, filing or transfer date
 * @param amount    RECOVERY: the amount (&gt; 0, at most the outstanding amount); ADJUST_BENEFIT: the new monthly
 *                  amount (≥ 0)
 * @param reference required: decision, receipt, filing or transfer number
 * @param body      FILING: the level filed with (required); DISCIPLINE_TRANSFER: the receiving body
 * @param note      why, or anything else worth keeping
 */
public record ActionRequest(ActionKind kind, long version, LocalDate date, BigDecimal amount, String reference,
                            String body, String note) {
}
