package sunshine.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a correct implementation of rules.md must find in a scenario ({@code ground_truth.csv}) and what it must
 * not ({@code decoys.csv}: near misses, each one step short of a rule).
 */
final class GroundTruth {

    /** A near miss: the rule must not produce a clue with this subject. */
    record Decoy(String rule, String subject, String note) {
    }

    final List<Clue> clues = new ArrayList<>();
    final List<Decoy> decoys = new ArrayList<>();

    void clue(String rule, String subject, String variant, BigDecimal amount, BigDecimal owed, String note) {
        clues.add(Clue.of(rule, subject, variant, amount, owed, note));
    }

    void clue(String rule, String subject, BigDecimal amount, String note) {
        clue(rule, subject, "", amount, null, note);
    }

    void decoy(String rule, String subject, String note) {
        decoys.add(new Decoy(rule, subject, note));
    }

    static String subject(Object... keys) {
        StringBuilder s = new StringBuilder();
        for (Object k : keys) {
            if (s.length() > 0) {
                s.append('/');
            }
            s.append(k);
        }
        return s.toString();
    }
}
