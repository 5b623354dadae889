package sunshine.imports;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import sunshine.contract.Reason;

/**
 * One recorded import run (a row of {@code import_run}): a file an import looked at and what became of it.
 *
 * @param id               the run; the rows it loaded carry it as {@code import_id}
 * @param batchId          the call of the importer it belonged to (a folder import has one batch for all files)
 * @param dataset          the dataset
 * @param fileName         the file name as the user gave it
 * @param fileSize         its size in bytes
 * @param contentHash      SM3 of its bytes, 64 lower-case hex digits
 * @param format           UTF-8, GB18030, XLSX or XLS; null when it was not read
 * @param periods          the periods the file holds (datasets with a period column)
 * @param status           see {@link ImportStatus}
 * @param rowCount         data rows read
 * @param errorCount       errors found
 * @param warningCount     warnings
 * @param startedAt        when the import began
 * @param finishedAt       when it ended
 * @param replacedImportId the latest earlier import whose rows it replaced, or null
 * @param supersededBy     the later import that replaced its rows, or null
 * @param archivedFile     the gzip of the original file (accepted imports), or null
 * @param reportCsv        the error report (CSV), or null
 * @param reportXlsx       the error report (XLSX), or null
 * @param message          what happened
 * @param importedBy       the user
 * @param regionCode       the region of the user who imported (12 digits), or null for the platform's own imports
 *                         (command line, demo), which concern the whole database
 */
public record ImportRun(
        long id,
        long batchId,
        String dataset,
        String fileName,
        long fileSize,
        String contentHash,
        String format,
        List<String> periods,
        ImportStatus status,
        long rowCount,
        long errorCount,
        long warningCount,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        Long replacedImportId,
        Long supersededBy,
        Path archivedFile,
        Path reportCsv,
        Path reportXlsx,
        Reason message,
        String importedBy,
        String regionCode) {

    public ImportRun {
        periods = List.copyOf(periods);
    }
}
