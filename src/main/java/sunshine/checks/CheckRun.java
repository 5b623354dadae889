package sunshine.checks;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import sunshine.contract.Reason;

/**
 * A check run the server started (on demand or by the monthly schedule), as stored in {@code check_run}.
 *
 * @param id           the run
 * @param period       the check month P
 * @param lookback     months of the window W ending at P
 * @param windowFrom   the first month of W
 * @param status       RUNNING, COMPLETED or FAILED
 * @param error        why it failed (Chinese and English), else null
 * @param errorDetail  for refused input: its first bad rows, one per line (file, row, column, value, reason); else
 *                     null
 * @param startedBy    the user's login, or {@code system} for the monthly schedule
 * @param startedAt    when it started
 * @param finishedAt   when it completed or failed; null while running
 * @param rules        the codes of the rules it ran
 * @param parameters   every parameter (lookback too) and its value as text
 * @param inputs       each import it read, with its SM3 hash (empty until it completed)
 * @param absent       datasets some rule reads that were never imported
 * @param clueCount    clues within the asking user's region (null unless COMPLETED)
 * @param amountAtRisk their amount at risk (null unless COMPLETED)
 * @param owed         their money owed (null unless COMPLETED)
 * @param progress     what it is doing, while it runs in this process; else null
 */
public record CheckRun(long id, YearMonth period, int lookback, YearMonth windowFrom, Status status, Reason error,
                       String errorDetail, String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                       List<String> rules, Map<String, String> parameters, List<Input> inputs, List<String> absent,
                       Integer clueCount, BigDecimal amountAtRisk, BigDecimal owed, CheckRunProgress progress) {

    /** What became of a run. */
    public enum Status {
        RUNNING, COMPLETED, FAILED
    }

    /**
     * One import whose rows a run read.
     *
     * @param dataset     the dataset
     * @param importId    the import ({@code import_run.id})
     * @param fileName    the imported file's name
     * @param contentHash its SM3 hash, as the importer recorded it
     * @param rows        the rows of it the run read
     */
    public record Input(String dataset, long importId, String fileName, String contentHash, long rows) {
    }

    /** The user who starts the monthly schedule's runs. */
    public static final String SYSTEM = "system";
}
