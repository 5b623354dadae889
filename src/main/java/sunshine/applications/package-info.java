/**
 * Applications for a benefit (三审三公示, workflows.md §1) and the periodic review of enrolled households.
 *
 * <h2>Public API</h2>
 * {@link sunshine.applications.Applications} (submit, accept, check, visit, countyVisit, appraise, postNotice,
 * object, complain, townReview, calculation, approve, enroll, enrollDue, reject, notifyRefusal, appeal, get, list,
 * history), {@link sunshine.applications.Reviews} (worklist, review, reviews), {@link sunshine.applications.Application},
 * {@link sunshine.applications.ApplicationStatus}, {@link sunshine.applications.ApplicationEvent},
 * {@link sunshine.applications.NewApplication}, {@link sunshine.applications.Requests},
 * {@link sunshine.applications.Level}, {@link sunshine.applications.ReviewItem},
 * {@link sunshine.applications.ReviewRecord}, {@link sunshine.applications.ApplicationException}. REST:
 * {@code /api/applications}, {@code /api/reviews}, {@code /api/enrollments/{id}/reviews}
 * ({@code sunshine.applications.web}).
 *
 * <h2>Data</h2>
 * The module's tables ({@code application} and its members, staff links, findings, visits, notices and history;
 * {@code application_open}; {@code enrollment_profile}, {@code enrollment_review}) are in {@code V6__benefits.sql}.
 * An enrolled case is written into the registry tables (households, persons, enrollments, enrollment_members,
 * cards, filings) as platform rows ({@link sunshine.registry.PlatformRows}); the monthly payment cycle
 * ({@code sunshine.payments}) pays it from there. The economic check runs the check engine's A-rules on the
 * registry through {@link sunshine.registry.RegistrySources}, with the household added; no rule is re-implemented
 * here. The amount is computed as rules.md C02 computes the expected amount.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications 申请审批")
package sunshine.applications;
