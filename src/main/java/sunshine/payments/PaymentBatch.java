package sunshine.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * A payment batch as its users see it.
 *
 * @param batchId        {@code B<town9>-<yyyyMM>}, with {@code -S<n>} for a supplement and {@code -R<n>} for a re-issue
 * @param kind           regular, supplement or re-issue
 * @param townCode       the town (12 digits)
 * @param period         the month paid
 * @param status         where it is in its life
 * @param lineCount      control total: the platform's list, number of payments
 * @param total          control total: the platform's list, sum of amounts
 * @param submission     CONFIRMED (the town confirmed the platform's list) or UPLOADED (its own list), or null
 * @param submittedCount the submitted list's number of rows, or null
 * @param submittedTotal the submitted list's sum, or null
 * @param blocking       C07 clues that block it (after the last pre-check)
 * @param unpaid         due enrollments the platform could not list (no usable subsidy card)
 * @param reissueOf      the batch whose failed payments a re-issue pays again, or null
 * @param payDate        the date paid (exported batches), or null
 * @param createdAt      when it was generated
 * @param createdBy      by whom
 * @param updatedAt      its last change
 * @param version        changes so far (optimistic lock)
 */
public record PaymentBatch(String batchId, BatchKind kind, String townCode, YearMonth period, BatchStatus status,
                           int lineCount, BigDecimal total, String submission, Integer submittedCount,
                           BigDecimal submittedTotal, int blocking, int unpaid, String reissueOf, LocalDate payDate,
                           OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, long version) {

    /** The status as users read it. */
    @com.fasterxml.jackson.annotation.JsonProperty("statusZh")
    public String statusZh() {
        return status.labelZh();
    }
}
