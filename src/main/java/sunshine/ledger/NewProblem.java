package sunshine.ledger;

import java.math.BigDecimal;
import sunshine.checks.Severity;

/**
 * A problem found by people rather than by the cross-check (a random inspection, a campaign's self-check), to
 * enter the ledger.
 *
 * @param source       INSPECTION or CAMPAIGN
 * @param reference    what found it, e.g. {@code I12/H000123} (inspection plan 12, target H000123): with a running
 *                     number it makes the item's subject
 * @param rule         the problem type: a rule code of rules.md (A01 ...) when it is one, else OTHER
 * @param severity     sets the deadline
 * @param regionCode   where (village or town; the item is assigned to its town)
 * @param amountAtRisk money possibly paid wrongly (≥ 0, yuan), or null for 0.00
 * @param description  what was found
 */
public record NewProblem(LedgerSource source, String reference, String rule, Severity severity, String regionCode,
                         String program, String householdId, String idNo, BigDecimal amountAtRisk,
                         String description) {
}
