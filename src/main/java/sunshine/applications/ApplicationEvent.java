package sunshine.applications;

import java.time.OffsetDateTime;

/**
 * One decision on an application, as its history shows it: who, when, what, why.
 *
 * @param seq        1-based order within the application
 * @param at         when
 * @param userId     who (login)
 * @param userName   who (name)
 * @param userRole   their role
 * @param action     SUBMIT, ACCEPT, CHECK, VISIT, COUNTY_VISIT, APPRAISE, NOTICE, NOTICE_PASSED, OBJECTION,
 *                   COMPLAINT, TOWN_REVIEW, APPROVE, ENROLL, REJECT, REFUSAL_NOTIFIED, APPEAL
 * @param fromStatus the status before (null when made)
 * @param toStatus   the status after
 * @param reason     why, in the actor's words, or null
 * @param detail     what exactly (JSON)
 */
public record ApplicationEvent(int seq, OffsetDateTime at, String userId, String userName, String userRole,
                               String action, String fromStatus, String toStatus, String reason, String detail) {
}
