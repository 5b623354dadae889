package sunshine.ledger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import sunshine.checks.Severity;

/**
 * One problem of the ledger as an actor sees it.
 *
 * @param id                the item's number
 * @param source            where it came from
 * @param rule              the rule's code (A01 ...) for clues, COMPLAINT for complaints, the problem type otherwise
 * @param subject           the rule's subject (clues), the complaint number (TS000042), or the inspection reference
 * @param severity          how serious; sets the deadlines
 * @param variant           the rule's variant, or empty
 * @param status            where it stands
 * @param regionCode        the region it concerns (the household's village, a town, a county)
 * @param townCode          the town it is assigned to, null while NEW
 * @param responsibleRegion the unit that must act now: the town, the county for reviews and unassigned items,
 *                          one level further up for each escalation of the current stage
 * @param escalations       how often it was escalated for being overdue
 * @param deadline          when the responsible unit must have acted; null once DISMISSED or CLOSED
 * @param overdue           open and past its deadline (shown red)
 * @param program           the program, when known
 * @param amountAtRisk      money possibly paid wrongly, as the latest finding says (yuan)
 * @param owed              money owed to the beneficiary, when a rule found it, else null
 * @param amountToRecover   what verification decided must be recovered; null before CONFIRMED
 * @param amountRecovered   recovered so far (never more than amountToRecover)
 * @param outstanding       amountToRecover − amountRecovered (0.00 before CONFIRMED)
 * @param explanation       the one-line finding of the check, or the complaint's first words
 * @param finding           what verification established
 * @param recurrences       how often it fired again after it was closed
 * @param firstRunId        the check run that first found it, or null
 * @param lastRunId         the latest check run that found it, or null
 * @param version           the optimistic lock: pass it back with every change
 */
public record LedgerItem(
        long id,
        LedgerSource source,
        String rule,
        String subject,
        Severity severity,
        String variant,
        LedgerStatus status,
        String regionCode,
        String townCode,
        String responsibleRegion,
        int escalations,
        OffsetDateTime deadline,
        boolean overdue,
        String program,
        String enrollmentId,
        String householdId,
        String idNo,
        String cardNo,
        String periodFrom,
        String periodTo,
        BigDecimal amountAtRisk,
        BigDecimal owed,
        BigDecimal amountToRecover,
        BigDecimal amountRecovered,
        BigDecimal outstanding,
        String explanation,
        String finding,
        int recurrences,
        Long firstRunId,
        Long lastRunId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime closedAt,
        long version) {
}
