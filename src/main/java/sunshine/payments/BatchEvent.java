package sunshine.payments;

import java.time.OffsetDateTime;

/**
 * One decision about a batch, as its history shows it: who, when, what, why.
 *
 * @param seq        1-based order within the batch
 * @param at         when
 * @param userId     who (login)
 * @param userName   who (name)
 * @param userRole   their role
 * @param action     GENERATE, CONFIRM, UPLOAD, PRECHECK, APPROVE, EXPORT, RECEIPTS, REISSUE, REGENERATE, CANCEL
 * @param fromStatus the status before (null when created)
 * @param toStatus   the status after
 * @param reason     why, in the actor's words, or null
 * @param detail     what exactly (JSON)
 */
public record BatchEvent(int seq, OffsetDateTime at, String userId, String userName, String userRole, String action,
                         String fromStatus, String toStatus, String reason, String detail) {
}
