package sunshine.checks;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;

/**
 * One clue (疑点线索): what a rule found, about one subject, with its evidence. Identity: {@code rule + subject}
 * (stable across re-runs of the same data, so the problem ledger can follow it).
 *
 * @param rule         the rule's code, e.g. A01
 * @param severity     how serious
 * @param subject      the rule's subject keys joined by "/" in rules.md's order, e.g. {@code E000123/37152619...}
 * @param variant      the variant for rules that have variants, else empty
 * @param enrollmentId the enrollment, or null
 * @param householdId  the household, or null
 * @param idNo         the person, or null
 * @param cardNo       the card, or null
 * @param regionCode   the household's village (the town for town indicators); never null
 * @param periodFrom   the first period the clue is about, or null
 * @param periodTo     the last period the clue is about, or null
 * @param amountAtRisk money in W paid, or maybe paid, wrongly: yuan, scale 2, 0.00 when the rule says 0
 * @param owed         money owed to the beneficiary for the rules that find it, scale 2, else null
 * @param explanation  one line of Chinese
 * @param evidence     JSON: the facts that made the rule fire and the parameters used
 */
public record Clue(String rule, Severity severity, String subject, String variant, String enrollmentId,
                   String householdId, String idNo, String cardNo, String regionCode, YearMonth periodFrom,
                   YearMonth periodTo, BigDecimal amountAtRisk, BigDecimal owed, String explanation,
                   String evidence) {

    /** The order of clues.csv: by rule, then subject. */
    public static final Comparator<Clue> ORDER = Comparator.comparing(Clue::rule).thenComparing(Clue::subject);

    public Clue {
        if (rule == null || subject == null || subject.isEmpty() || severity == null || amountAtRisk == null) {
            throw new IllegalArgumentException("a clue needs rule, severity, subject and amount at risk");
        }
        if (amountAtRisk.scale() != 2 || (owed != null && owed.scale() != 2)) {
            throw new IllegalArgumentException("amounts are yuan with scale 2: " + amountAtRisk + ", " + owed);
        }
        variant = variant == null ? "" : variant;
    }

    /** rule + subject: what the ledger follows across runs. */
    public String identity() {
        return rule + "|" + subject;
    }
}
