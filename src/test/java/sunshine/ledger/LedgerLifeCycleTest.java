package sunshine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sunshine.ledger.LedgerStatus.ASSIGNED;
import static sunshine.ledger.LedgerStatus.CLOSED;
import static sunshine.ledger.LedgerStatus.CONFIRMED;
import static sunshine.ledger.LedgerStatus.DISMISSAL_REVIEW;
import static sunshine.ledger.LedgerStatus.DISMISSED;
import static sunshine.ledger.LedgerStatus.NEW;
import static sunshine.ledger.LedgerStatus.RECTIFYING;
import static sunshine.ledger.LedgerStatus.REVIEW;
import static sunshine.ledger.LedgerStatus.VERIFYING;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state machine on its own: exactly these moves, every other one refused in both languages. */
class LedgerLifeCycleTest {

    /** The whole table: status → step → status. */
    private static final Map<LedgerStatus, Map<LedgerStep, LedgerStatus>> ALLOWED = new EnumMap<>(LedgerStatus.class);

    static {
        for (LedgerStatus s : LedgerStatus.values()) {
            ALLOWED.put(s, new EnumMap<>(LedgerStep.class));
        }
        ALLOWED.get(NEW).put(LedgerStep.ASSIGN, ASSIGNED);
        ALLOWED.get(ASSIGNED).put(LedgerStep.START_VERIFICATION, VERIFYING);
        ALLOWED.get(VERIFYING).put(LedgerStep.CONFIRM, CONFIRMED);
        ALLOWED.get(VERIFYING).put(LedgerStep.REQUEST_DISMISSAL, DISMISSAL_REVIEW);
        ALLOWED.get(DISMISSAL_REVIEW).put(LedgerStep.APPROVE_DISMISSAL, DISMISSED);
        ALLOWED.get(DISMISSAL_REVIEW).put(LedgerStep.REJECT_DISMISSAL, VERIFYING);
        ALLOWED.get(CONFIRMED).put(LedgerStep.START_RECTIFICATION, RECTIFYING);
        ALLOWED.get(RECTIFYING).put(LedgerStep.SUBMIT_FOR_REVIEW, REVIEW);
        ALLOWED.get(REVIEW).put(LedgerStep.CLOSE, CLOSED);
        ALLOWED.get(REVIEW).put(LedgerStep.RETURN_FOR_RECTIFICATION, RECTIFYING);
        ALLOWED.get(CLOSED).put(LedgerStep.REOPEN, ASSIGNED);
        ALLOWED.get(DISMISSED).put(LedgerStep.REOPEN, ASSIGNED);
    }

    @Test
    void exactlyTheseTransitionsExist() {
        int legal = 0;
        for (LedgerStatus from : LedgerStatus.values()) {
            for (LedgerStep step : LedgerStep.values()) {
                LedgerStatus expected = ALLOWED.get(from).get(step);
                if (expected != null) {
                    assertThat(LedgerLifeCycle.next(from, step)).as(from + " " + step).isEqualTo(expected);
                    legal++;
                } else {
                    assertThatThrownBy(() -> LedgerLifeCycle.next(from, step)).as(from + " " + step)
                            .isInstanceOfSatisfying(LedgerException.class, e -> {
                                assertThat(e.kind()).isEqualTo(LedgerException.Kind.ILLEGAL_TRANSITION);
                                assertThat(e.reason().zh()).contains(from.labelZh()).contains(step.labelZh());
                                assertThat(e.reason().en()).contains(from.name()).contains(step.name());
                            });
                }
            }
            assertThat(LedgerLifeCycle.allowedSteps(from)).containsExactlyElementsOf(ALLOWED.get(from).keySet());
        }
        assertThat(legal).isEqualTo(12);
    }

    @Test
    void reviewsAndAssignmentAreTheCountys() {
        assertThat(LedgerStep.values()).filteredOn(s -> s.level() == LedgerStep.Level.COUNTY).containsExactly(
                LedgerStep.ASSIGN, LedgerStep.APPROVE_DISMISSAL, LedgerStep.REJECT_DISMISSAL, LedgerStep.CLOSE,
                LedgerStep.RETURN_FOR_RECTIFICATION, LedgerStep.REOPEN);
    }

    @Test
    void stagesOwnersAndOpenness() {
        assertThat(LedgerStatus.values()).filteredOn(s -> !s.isOpen()).containsExactly(DISMISSED, CLOSED);
        assertThat(LedgerStatus.values()).filteredOn(LedgerStatus::isConfirmed)
                .containsExactly(CONFIRMED, RECTIFYING, REVIEW, CLOSED);
        assertThat(ASSIGNED.stage()).isEqualTo(VERIFYING.stage());
        assertThat(CONFIRMED.stage()).isEqualTo(RECTIFYING.stage());
        assertThat(REVIEW.stage().ownedByCounty()).isTrue();
        assertThat(DISMISSAL_REVIEW.stage().ownedByCounty()).isTrue();
        assertThat(RECTIFYING.stage().ownedByCounty()).isFalse();
    }
}
