package sunshine.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import sunshine.contract.Reason;

/**
 * The ledger's life cycle (workflows.md §3) as a whole:
 * <pre>
 * NEW → ASSIGNED → VERIFYING → DISMISSAL_REVIEW → DISMISSED
 *                      ↑  ↓            ↓ (rejected: back to VERIFYING)
 *                      CONFIRMED → RECTIFYING → REVIEW → CLOSED
 *                                       ↑  (returned) ↓
 * CLOSED, DISMISSED → ASSIGNED (reopened; a recurrence found by a check reopens a CLOSED item)
 * </pre>
 * Only the steps of {@link LedgerStep} exist; any other move is refused with a message in Chinese and English
 * naming what is allowed instead.
 */
public final class LedgerLifeCycle {

    private LedgerLifeCycle() {
    }

    /**
     * The status a step leads to from a status.
     *
     * @throws LedgerException ILLEGAL_TRANSITION when the step may not be taken from that status
     */
    public static LedgerStatus next(LedgerStatus from, LedgerStep step) {
        if (!step.from().contains(from)) {
            List<LedgerStep> allowed = allowedSteps(from);
            String zh = allowed.isEmpty() ? "无" : allowed.stream().map(s -> "“" + s.labelZh() + "”")
                    .collect(Collectors.joining("、"));
            String en = allowed.isEmpty() ? "none" : allowed.stream().map(Enum::name)
                    .collect(Collectors.joining(", "));
            throw new LedgerException(LedgerException.Kind.ILLEGAL_TRANSITION, new Reason(
                    "状态为“" + from.labelZh() + "”的问题不能“" + step.labelZh() + "”；此时可以：" + zh,
                    "an item that is " + from.name() + " cannot " + step.name() + " (" + step.labelEn()
                            + "); allowed now: " + en));
        }
        return step.to();
    }

    /** The steps that may be taken from a status, in declaration order. */
    public static List<LedgerStep> allowedSteps(LedgerStatus from) {
        return Arrays.stream(LedgerStep.values()).filter(s -> s.from().contains(from)).toList();
    }
}
