package sunshine.ledger.internal;

import java.math.BigDecimal;
import sunshine.checks.Severity;
import sunshine.ledger.LedgerSource;

/** What a new item is made of, before it is numbered, assigned and given a deadline. */
public record Draft(LedgerSource source, String rule, String subject, Severity severity, String variant,
                    String regionCode, String program, String enrollmentId, String householdId, String idNo,
                    String cardNo, String periodFrom, String periodTo, BigDecimal amountAtRisk, BigDecimal owed,
                    String explanation, Long runId) {

    /** The same draft with another subject (items whose subject is made from their number). */
    public Draft withSubject(String s) {
        return new Draft(source, rule, s, severity, variant, regionCode, program, enrollmentId, householdId, idNo,
                cardNo, periodFrom, periodTo, amountAtRisk, owed, explanation, runId);
    }
}
