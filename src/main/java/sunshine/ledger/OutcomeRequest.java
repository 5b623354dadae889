package sunshine.ledger;

import java.time.LocalDate;

/**
 * The outcome of a transfer to discipline inspection, recorded when it is known (in any status).
 *
 * @param version       the item's version the actor saw
 * @param outcome       what was decided (required)
 * @param date          when (required)
 * @param peopleHandled how many people it dealt with (≥ 0)
 */
public record OutcomeRequest(long version, String outcome, LocalDate date, int peopleHandled) {
}
