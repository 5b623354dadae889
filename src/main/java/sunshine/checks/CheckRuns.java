package sunshine.checks;

import java.util.List;

/** Check runs stored by the server, and their clues (implemented by {@link CheckRunService}). */
public interface CheckRuns {

    /** The clues a stored run found, in {@link Clue#ORDER}. */
    List<Clue> clues(long runId);
}
