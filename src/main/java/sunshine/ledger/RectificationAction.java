package sunshine.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A rectification action recorded on an item.
 *
 * @param date          the decision's effective date, the day the money came back, the filing or transfer date
 * @param amount        RECOVERY: the amount recovered; ADJUST_BENEFIT: the new monthly amount; else null
 * @param reference     the decision, receipt, filing or transfer number
 * @param body          FILING: the level filed with; DISCIPLINE_TRANSFER: the receiving body
 * @param outcome       DISCIPLINE_TRANSFER: what discipline inspection decided, once known
 * @param peopleHandled DISCIPLINE_TRANSFER: how many people it dealt with, once known
 */
public record RectificationAction(long id, long itemId, ActionKind kind, LocalDate date, BigDecimal amount,
                                  String reference, String body, String note, String recordedBy,
                                  OffsetDateTime recordedAt, String outcome, LocalDate outcomeDate,
                                  Integer peopleHandled) {
}
