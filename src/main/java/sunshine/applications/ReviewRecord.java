package sunshine.applications;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * A periodic review's outcome, as recorded.
 *
 * @param reviewId     its number
 * @param enrollmentId the enrollment
 * @param reviewedOn   the day of the review
 * @param outcome      CONTINUE, ADJUST, SUSPEND, RESUME or TERMINATE
 * @param reason       why
 * @param oldStatus    the enrollment's status before
 * @param newStatus    after
 * @param oldAmount    the monthly amount before
 * @param newAmount    after
 * @param endMonth     the last month paid (TERMINATE), or null
 * @param stable       the household's review rhythm from now on
 * @param at           when it was recorded
 * @param userId       by whom
 * @param userName     by whom (name)
 */
public record ReviewRecord(long reviewId, String enrollmentId, LocalDate reviewedOn, String outcome, String reason,
                           String oldStatus, String newStatus, BigDecimal oldAmount, BigDecimal newAmount,
                           YearMonth endMonth, boolean stable, OffsetDateTime at, String userId, String userName) {

    /**
     * A review as it is made.
     *
     * @param outcome  CONTINUE (no change), ADJUST (a new amount), SUSPEND, RESUME, TERMINATE
     * @param reason   why (required)
     * @param amount   the new monthly amount (ADJUST)
     * @param endMonth the last month paid (TERMINATE; null: the current month)
     * @param stable   the rhythm from now on (null: unchanged)
     */
    public record Request(String outcome, String reason, BigDecimal amount, YearMonth endMonth, Boolean stable) {
    }
}
