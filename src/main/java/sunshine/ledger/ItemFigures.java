package sunshine.ledger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The figures of one item that reporting tables add up (campaigns, overviews): one row per item, money exact.
 *
 * @param amountToRecover 0.00 before CONFIRMED
 * @param benefitActions  how many stop/adjust benefit decisions were recorded
 * @param disciplineTransfers how many transfers to discipline inspection
 * @param peopleHandled   Σ people handled by discipline inspection outcomes
 */
public record ItemFigures(long id, LedgerSource source, String rule, String regionCode, String program,
                          LedgerStatus status, OffsetDateTime createdAt, BigDecimal amountAtRisk,
                          BigDecimal amountToRecover, BigDecimal amountRecovered, int benefitActions,
                          int disciplineTransfers, int peopleHandled) {
}
