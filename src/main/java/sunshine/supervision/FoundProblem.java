package sunshine.supervision;

import java.math.BigDecimal;
import sunshine.checks.Severity;

/**
 * A problem an inspection or a campaign found, for the ledger.
 *
 * @param rule       a rule code of rules.md (A01 ...) when it is one, else OTHER
 * @param regionCode where (village or town); null: the target's region
 */
public record FoundProblem(String rule, Severity severity, String regionCode, String program, String householdId,
                           String idNo, BigDecimal amountAtRisk, String description) {
}
