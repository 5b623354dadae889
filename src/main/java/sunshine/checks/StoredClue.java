package sunshine.checks;

/**
 * A clue as a stored run found it, with its stable identity.
 *
 * @param id         the clue's identity ({@code clue.id}): the same for the same rule and subject in every run
 * @param runId      the run that found it so
 * @param clue       what the run found
 * @param firstRunId the first run that found this rule + subject
 * @param lastRunId  the latest run that found it
 * @param runCount   how many runs found it
 */
public record StoredClue(long id, long runId, Clue clue, long firstRunId, long lastRunId, int runCount) {
}
