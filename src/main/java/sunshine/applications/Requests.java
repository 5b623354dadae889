package sunshine.applications;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the steps of an application take. */
public final class Requests {

    private Requests() {
    }

    /**
     * A home visit (入户调查): at least two investigators, none of them a member or a member's staff relative.
     *
     * @param date           the day of the visit (null: today)
     * @param investigators  the investigators' ID numbers
     * @param findings       what they found
     * @param verifiedIncome the household's monthly income as the visit found it (means-tested programs), or null
     *                       to keep the declared one
     */
    public record Visit(LocalDate date, List<String> investigators, String findings, BigDecimal verifiedIncome) {
    }

    /** The democratic appraisal (民主评议): when, and its outcome in words (votes, opinions). */
    public record Appraisal(LocalDate date, String outcome) {
    }

    /** The town's review (乡镇审核): its opinion. */
    public record TownReview(String opinion) {
    }

    /**
     * The decision (审批).
     *
     * @param approverIdNo   the approver's ID number (recorded on the enrollment; may not be a member or a
     *                       member's staff relative)
     * @param amount         an amount other than the computed one, or null
     * @param overrideReason why, required with an amount
     * @param stable         whether the household is stable (reviewed yearly) rather than every six months; null:
     *                       the program's default
     */
    public record Approval(String approverIdNo, BigDecimal amount, String overrideReason, Boolean stable) {
    }

    /** A reason in words (reject, appeal, objection, complaint). */
    public record Text(String text) {
    }
}
