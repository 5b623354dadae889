package sunshine.applications;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An enrolled household due for its periodic review (复核).
 *
 * @param enrollmentId  the enrollment
 * @param program       its program
 * @param householdId   the household
 * @param regionCode    the household's village
 * @param payeeIdNo     the payee
 * @param monthlyAmount the current amount
 * @param stable        reviewed yearly (true) or every six months
 * @param lastReview    the last review, or the approval when never reviewed
 * @param due           when the next review is due
 * @param overdue       past due
 */
public record ReviewItem(String enrollmentId, String program, String householdId, String regionCode,
                         String payeeIdNo, BigDecimal monthlyAmount, boolean stable, LocalDate lastReview,
                         LocalDate due, boolean overdue) {
}
