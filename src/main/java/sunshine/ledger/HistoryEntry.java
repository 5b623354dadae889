package sunshine.ledger;

import java.time.OffsetDateTime;
/**
 * One line of an item's history: who did what, when and why. Never changed, never deleted.
 *
 * @param actorRole a {@link sunshine.security.Role} name, or PUBLIC for a citizen's complaint
 * @param action  a {@link LedgerStep} name, or CREATED, EVIDENCE_ADDED, FILE_ADDED, ACTION_RECORDED,
 *                OUTCOME_RECORDED, AMOUNT_TO_RECOVER_CHANGED, REOPENED_RECURRENCE, ESCALATED
 * @param from    the status before (null when the action did not change it)
 * @param to      the status after (null when the action did not change it)
 * @param reason  why, in the actor's words
 * @param details what, as JSON
 */
public record HistoryEntry(long id, long itemId, OffsetDateTime at, String actorId, String actorName, String actorRole,
                           String actorRegion, String action, LedgerStatus from, LedgerStatus to, String reason,
                           String details) {
}
