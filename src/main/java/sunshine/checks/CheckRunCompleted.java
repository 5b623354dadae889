package sunshine.checks;

import java.time.YearMonth;

/**
 * Published (as a Spring application event) when a check run over the imported data has stored its clues. It is
 * published inside the transaction that stores them, so a {@code @TransactionalEventListener} (or Modulith's
 * {@code @ApplicationModuleListener}) hears it once, after the commit, and never for a run that was rolled back.
 * The problem ledger listens: it reads the run's clues through {@link CheckRuns#clues(long)} and turns them into
 * ledger items.
 *
 * @param runId     the stored run
 * @param period    its check month P
 * @param clueCount how many clues it stored
 */
public record CheckRunCompleted(long runId, YearMonth period, int clueCount) {
}
