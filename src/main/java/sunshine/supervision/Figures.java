package sunshine.supervision;

import java.math.BigDecimal;

/**
 * One line of a campaign's reporting tables, money exact to the cent.
 *
 * @param found               problems found (ledger items in scope)
 * @param confirmed           of them, confirmed (CONFIRMED, RECTIFYING, REVIEW, CLOSED)
 * @param dismissed           of them, dismissed as not a problem
 * @param open                of them, still being worked
 * @param closed              of them, closed after rectification
 * @param amountAtRisk        Σ amount at risk (what the findings involve)
 * @param amountToRecover     Σ amount to recover (decided on confirmation)
 * @param amountRecovered     Σ amount recovered
 * @param outstanding         amountToRecover − amountRecovered
 * @param benefitActions      benefits stopped or adjusted (decisions recorded)
 * @param disciplineTransfers transfers to discipline inspection
 * @param peopleHandled       people handled by discipline inspection
 * @param progress            rectification progress: closed ÷ confirmed, in percent (one decimal), null when
 *                            nothing was confirmed
 */
public record Figures(int found, int confirmed, int dismissed, int open, int closed, BigDecimal amountAtRisk,
                      BigDecimal amountToRecover, BigDecimal amountRecovered, BigDecimal outstanding,
                      int benefitActions, int disciplineTransfers, int peopleHandled, BigDecimal progress) {
}
