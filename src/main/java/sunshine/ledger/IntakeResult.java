package sunshine.ledger;

/**
 * What the intake of one check run's clues did.
 *
 * @param created       new items
 * @param evidenceAdded open (or dismissed) items that got the run's clue as further evidence
 * @param reopened      closed items that fired again and were reopened as recurrences
 * @param unchanged     clues this run had already delivered (an intake may be repeated safely)
 */
public record IntakeResult(long runId, int created, int evidenceAdded, int reopened, int unchanged) {
}
