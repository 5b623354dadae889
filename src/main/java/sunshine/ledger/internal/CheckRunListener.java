package sunshine.ledger.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import sunshine.checks.CheckRunCompleted;
import sunshine.ledger.ClueIntake;
import sunshine.ledger.IntakeResult;
import sunshine.ledger.LedgerException;

/**
 * Takes in the clues of every completed check run, once the run's transaction has committed (or at once when it
 * was published outside one), in the background so that the check's caller does not wait. An intake that meets a
 * concurrent change of one of its items is tried again (it is whole or nothing, and idempotent).
 */
@Component
class CheckRunListener {

    private static final Logger log = LoggerFactory.getLogger(CheckRunListener.class);

    private final ClueIntake intake;

    CheckRunListener(ClueIntake intake) {
        this.intake = intake;
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    public void on(CheckRunCompleted event) {
        for (int attempt = 1; ; attempt++) {
            try {
                IntakeResult r = intake.intakeRun(event.runId());
                log.info("ledger intake of check run {} ({}): {} new, {} with further evidence, {} reopened, "
                        + "{} already taken in", r.runId(), event.period(), r.created(), r.evidenceAdded(),
                        r.reopened(), r.unchanged());
                return;
            } catch (LedgerException e) {
                if (e.kind() != LedgerException.Kind.CONFLICT || attempt == 3) {
                    log.error("ledger intake of check run {} failed: {}", event.runId(), e.reason(), e);
                    return;
                }
            } catch (RuntimeException e) {
                log.error("ledger intake of check run {} failed", event.runId(), e);
                return;
            }
        }
    }
}
