package sunshine.checks;

import java.time.Duration;

/** What a long check tells while it runs (the command prints it on stderr). Every method may be called often. */
public interface CheckProgress {

    default void datasetStarted(String dataset) {
    }

    /** Rows read so far of the dataset being read (called every few thousand rows). */
    default void rows(String dataset, long rowsRead) {
    }

    /** @param kept rows kept in memory (external datasets keep only the rows of registry persons) */
    default void datasetDone(String dataset, long rowsRead, long kept, Duration took) {
    }

    default void ruleStarted(String code, String name) {
    }

    default void ruleDone(String code, int clues, Duration took) {
    }

    /** A line worth telling (warnings about the input, memory used). */
    default void message(String text) {
    }

    static CheckProgress none() {
        return new CheckProgress() {
        };
    }
}
