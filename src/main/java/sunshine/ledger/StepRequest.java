package sunshine.ledger;

import java.math.BigDecimal;

/**
 * A step of the life cycle, as an actor asks for it.
 *
 * @param step            the step
 * @param version         the item's version the actor saw (a later change by someone else is a conflict)
 * @param reason          why (required for every step)
 * @param townCode        ASSIGN: the 12-digit code of the town
 * @param finding         CONFIRM: what verification established (required)
 * @param amountToRecover CONFIRM: the money to recover; null means the amount at risk (or what was already
 *                        recovered, if more)
 */
public record StepRequest(LedgerStep step, long version, String reason, String townCode, String finding,
                          BigDecimal amountToRecover) {

    public static StepRequest of(LedgerStep step, long version, String reason) {
        return new StepRequest(step, version, reason, null, null, null);
    }
}
