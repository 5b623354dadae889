package sunshine.checks;

import java.util.List;

/**
 * What a running check is doing (polled by the screens while it runs).
 *
 * @param phase        STARTING, READING the registry, CHECKING (running the rules), STORING the clues
 * @param dataset      the dataset being read (READING), else null
 * @param rowsRead     rows read of that dataset so far
 * @param datasetsRead datasets read completely
 * @param rowsTotal    rows read of all datasets so far
 * @param rulesRunning the codes of the rules running now (CHECKING)
 * @param rulesDone    rules finished
 * @param rulesTotal   rules to run
 * @param cluesFound   clues found by the finished rules
 * @param cluesStored  clues stored so far (STORING)
 */
public record CheckRunProgress(Phase phase, String dataset, long rowsRead, int datasetsRead, long rowsTotal,
                               List<String> rulesRunning, int rulesDone, int rulesTotal, long cluesFound,
                               long cluesStored) {

    /** The steps of a run, in order. */
    public enum Phase {
        STARTING, READING, CHECKING, STORING
    }
}
