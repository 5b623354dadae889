package sunshine.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * The transitions of the ledger's life cycle, each with who may take it. Every step needs a reason (why, in the
 * actor's words), which the history keeps.
 */
public enum LedgerStep {
    /** NEW → ASSIGNED: the county hands an item it could not assign automatically to a town (needs the town). */
    ASSIGN("交办", "assign", Level.COUNTY, LedgerStatus.ASSIGNED, LedgerStatus.NEW),
    /** ASSIGNED → VERIFYING: the town starts verifying. */
    START_VERIFICATION("开始核查", "start verification", Level.TOWN, LedgerStatus.VERIFYING, LedgerStatus.ASSIGNED),
    /** VERIFYING → CONFIRMED: a real problem (needs the finding; the amount to recover defaults to the amount at risk). */
    CONFIRM("确认问题", "confirm", Level.TOWN, LedgerStatus.CONFIRMED, LedgerStatus.VERIFYING),
    /** VERIFYING → DISMISSAL_REVIEW: not a problem, says the town (needs a reason and at least one evidence file). */
    REQUEST_DISMISSAL("申请排除", "request dismissal", Level.TOWN, LedgerStatus.DISMISSAL_REVIEW,
            LedgerStatus.VERIFYING),
    /** DISMISSAL_REVIEW → DISMISSED: the county agrees (not the person who asked for it). */
    APPROVE_DISMISSAL("同意排除", "approve dismissal", Level.COUNTY, LedgerStatus.DISMISSED,
            LedgerStatus.DISMISSAL_REVIEW),
    /** DISMISSAL_REVIEW → VERIFYING: the county disagrees and sends it back for verification. */
    REJECT_DISMISSAL("退回核查", "reject dismissal", Level.COUNTY, LedgerStatus.VERIFYING,
            LedgerStatus.DISMISSAL_REVIEW),
    /** CONFIRMED → RECTIFYING: the town starts rectifying (actions may be recorded from now on). */
    START_RECTIFICATION("开始整改", "start rectification", Level.TOWN, LedgerStatus.RECTIFYING,
            LedgerStatus.CONFIRMED),
    /** RECTIFYING → REVIEW: the town asks to close (needs at least one rectification action). */
    SUBMIT_FOR_REVIEW("提请销号", "submit for closing", Level.TOWN, LedgerStatus.REVIEW, LedgerStatus.RECTIFYING),
    /** REVIEW → CLOSED: the county closes (not the person who submitted; nothing left to recover). */
    CLOSE("审核销号", "close", Level.COUNTY, LedgerStatus.CLOSED, LedgerStatus.REVIEW),
    /** REVIEW → RECTIFYING: the county sends it back for more rectification. */
    RETURN_FOR_RECTIFICATION("退回整改", "return for rectification", Level.COUNTY, LedgerStatus.RECTIFYING,
            LedgerStatus.REVIEW),
    /** CLOSED or DISMISSED → ASSIGNED: the county reopens by hand (a recurrence found by a check reopens too). */
    REOPEN("重新启动", "reopen", Level.COUNTY, LedgerStatus.ASSIGNED, LedgerStatus.CLOSED, LedgerStatus.DISMISSED);

    /** The lowest level of staff that may take a step (higher levels may too, within their region). */
    public enum Level {
        /** town staff and above */
        TOWN,
        /** county staff and above: assignment and the reviews */
        COUNTY
    }

    private final String labelZh;
    private final String labelEn;
    private final Level level;
    private final LedgerStatus to;
    private final Set<LedgerStatus> from;

    LedgerStep(String labelZh, String labelEn, Level level, LedgerStatus to, LedgerStatus first,
               LedgerStatus... more) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.level = level;
        this.to = to;
        this.from = EnumSet.of(first, more);
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Who may take this step, at the least. */
    public Level level() {
        return level;
    }

    /** The status it leads to. */
    public LedgerStatus to() {
        return to;
    }

    /** The statuses it may be taken from. */
    public Set<LedgerStatus> from() {
        return from;
    }
}
