package sunshine.ledger;

import java.math.BigDecimal;

/**
 * The items of one status within a region, added up by the database (an overview of any size costs one query).
 *
 * @param items           how many items have this status
 * @param overdue         how many of them are past their deadline (only open statuses can be)
 * @param amountAtRisk    Σ amount at risk, 0.00 when none
 * @param amountRecovered Σ amount recovered, 0.00 when none
 */
public record StatusTotals(LedgerStatus status, long items, long overdue, BigDecimal amountAtRisk,
                           BigDecimal amountRecovered) {
}
