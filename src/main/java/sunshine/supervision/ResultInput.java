package sunshine.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * What the inspection of a sampled target found.
 *
 * @param findings      what was found (kept internal)
 * @param publicSummary what may be published about it (no personal data), optional
 * @param problems      problems found, each entering the ledger as an INSPECTION item; PROBLEM needs at least one
 */
public record ResultInput(String targetId, Outcome outcome, LocalDate inspectedOn, String findings,
                          String publicSummary, List<FoundProblem> problems) {

    public enum Outcome {
        NO_PROBLEM, PROBLEM
    }
}
