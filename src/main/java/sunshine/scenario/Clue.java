package sunshine.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;

/**
 * One row of {@code ground_truth.csv}: a clue that a correct implementation of rules.md must produce.
 *
 * @param rule     the rule code, e.g. A01
 * @param subject  the rule's subject keys joined by "/" in the order rules.md lists them
 * @param variant  the variant for rules that have variants (A06, A09, C01, C02, C07, C08), else empty
 * @param amount   amount at risk, to the cent
 * @param owed     money owed, for the rules that report it (docs/rules-interpretation.md), else null
 * @param note     how the clue came about (not compared)
 */
record Clue(String rule, String subject, String variant, BigDecimal amount, BigDecimal owed, String note) {

    static final Comparator<Clue> ORDER = Comparator.comparing(Clue::rule).thenComparing(Clue::subject)
            .thenComparing(Clue::variant);

    Clue {
        variant = variant == null ? "" : variant;
        amount = money(amount == null ? BigDecimal.ZERO : amount);
        owed = owed == null ? null : money(owed);
        note = note == null ? "" : note;
    }

    static Clue of(String rule, String subject, String variant, BigDecimal amount, BigDecimal owed, String note) {
        return new Clue(rule, subject, variant, amount, owed, note);
    }

    /** What an engine's clue must match: rule, subject, variant, amount and owed (not the note). */
    String key() {
        return rule + "|" + subject + "|" + variant + "|" + amount.toPlainString() + "|"
                + (owed == null ? "" : owed.toPlainString());
    }

    static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.UNNECESSARY);
    }
}
