package sunshine.applications;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * An application as its users see it: the household, where the case is, what the checks and visits found, the
 * amount and how it was computed, the deadlines (overdue ones flagged) and the steps it allows now.
 *
 * @param applicationId     {@code A<county6><year><seq6>}
 * @param program           the program applied for
 * @param status            where the case is
 * @param regionCode        the household's village
 * @param urbanRural        URBAN or RURAL
 * @param householdId       the registry household (new households get {@code H<...>})
 * @param newHousehold      whether the household is new to the registry
 * @param address           the address
 * @param applicantIdNo     who applied
 * @param payeeIdNo         who is to be paid
 * @param cardNo            the payee's card as given, or null
 * @param declaredIncome    the household's monthly income, declared
 * @param verifiedIncome    as the home visit found it, or null
 * @param special           a special case (45 working days)
 * @param approvalLevel     who decides (one level up for staff and their relatives)
 * @param relativeCase      a covered member is staff or a staff member's close relative
 * @param complaints        complaints and objections so far
 * @param countyVisitReason why the county must visit (RELATIVE, COMPLAINT, RANDOM), or null
 * @param countyVisitDraw   the reproducible draw (0-9999; under 3000 is the random 30%), or null
 * @param countyVisited     whether the county's visit is recorded
 * @param monthlyAmount     the decided amount, or null before the decision
 * @param calculation       how the amount was computed (JSON), or null
 * @param overrideReason    why the decided amount differs from the computed one, or null
 * @param approvedDate      the decision's date, or null
 * @param startMonth        the first month paid (the month after the decision), or null
 * @param enrollmentId      the enrollment once ENROLLED, or null
 * @param noticeFrom        the running (or last) notice's first day, or null
 * @param noticeTo          its last day
 * @param rejectedFrom      the status it was rejected in, or null
 * @param rejectionReason   why, or null
 * @param refusalNotifiedOn when the applicant was told, or null
 * @param appeals           appeals used (at most one)
 * @param checkError        why the economic check could not run, or null
 * @param appliedAt         when it was made
 * @param updatedAt         its last change
 * @param members           the household
 * @param staffLinks        staff among the covered members, or staff whose relatives they are
 * @param findings          what the economic check found
 * @param visits            the home visits (the town's, and the county's)
 * @param notices           the notices and how they ended
 * @param deadlines         the time limits that apply, with their due dates
 * @param overdue           whether any deadline is missed
 * @param nextSteps         the steps the case allows now
 */
public record Application(String applicationId, String program, ApplicationStatus status, String regionCode,
                          String urbanRural, String householdId, boolean newHousehold, String address,
                          String applicantIdNo, String payeeIdNo, String cardNo, BigDecimal declaredIncome,
                          BigDecimal verifiedIncome, boolean special, Level approvalLevel, boolean relativeCase,
                          int complaints, String countyVisitReason, Integer countyVisitDraw, boolean countyVisited,
                          BigDecimal monthlyAmount, String calculation, String overrideReason, LocalDate approvedDate,
                          YearMonth startMonth, String enrollmentId, LocalDate noticeFrom, LocalDate noticeTo,
                          ApplicationStatus rejectedFrom, String rejectionReason, LocalDate refusalNotifiedOn,
                          int appeals, String checkError, OffsetDateTime appliedAt, OffsetDateTime updatedAt,
                          List<MemberView> members, List<StaffLink> staffLinks, List<Finding> findings,
                          List<VisitView> visits, List<NoticeView> notices, List<Deadline> deadlines, boolean overdue,
                          List<String> nextSteps) {

    /** The status as users read it. */
    @com.fasterxml.jackson.annotation.JsonProperty("statusZh")
    public String statusZh() {
        return status.labelZh();
    }

    /** A member. {@code inRegistry}: already in {@code persons} when the application was made. */
    public record MemberView(String idNo, String name, String relation, Integer disabilityLevel, boolean covered,
                             boolean inRegistry) {
    }

    /** A staff member linked to a covered member: {@code relation} SELF or the staff_relatives relation. */
    public record StaffLink(String memberIdNo, String staffIdNo, Level staffLevel, String relation, String filingId) {
    }

    /** A finding of the economic check (an A-rule of the check engine run on the household before anyone visits). */
    public record Finding(String rule, String ruleName, String severity, String variant, String idNo,
                          String explanation, String evidence) {
    }

    /** A home visit: TOWN (入户调查) or COUNTY (县级抽查入户). */
    public record VisitView(Level level, LocalDate date, List<String> investigators, String findings) {
    }

    /** A notice: PASSED when it ran out without objection, OBJECTED, or null while it runs. */
    public record NoticeView(ApplicationStatus kind, LocalDate from, LocalDate to, String outcome, String objection) {
    }

    /**
     * A time limit.
     *
     * @param kind    INVESTIGATION (3 working days from acceptance), COUNTY_DECISION (10 working days from the
     *                town's review reaching the county), WHOLE_CASE (30, 45 special, 20 where the town confirms),
     *                REFUSAL_NOTICE (3 working days from a refusal)
     * @param from    the day the clock started
     * @param due     the last day allowed
     * @param metOn   the day it was met, or null
     * @param overdue not met and past due
     */
    public record Deadline(String kind, LocalDate from, LocalDate due, LocalDate metOn, boolean overdue) {
    }
}
