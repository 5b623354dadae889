package sunshine.imports;

import java.util.List;
import sunshine.security.Actor;

/**
 * Published (as a Spring application event, synchronously) when an import has been decided: an accepted import
 * inside its transaction, just before the commit; a rejected one inside the transaction that records its runs.
 * A listener that writes to the database (the audit record) thus commits with the import's own records, or not at
 * all; a listener that throws undoes the import.
 *
 * @param batchId the import ({@code import_run.batch_id})
 * @param status  IMPORTED, UNCHANGED or REJECTED, as {@link ImportResult#status()}
 * @param user    who imported, by name
 * @param actor   who imported, with role and region; null for the platform's own imports (command line, demo)
 * @param files   what became of each file
 */
public record ImportCompleted(long batchId, ImportStatus status, String user, Actor actor, List<FileOutcome> files) {

    public ImportCompleted {
        files = List.copyOf(files);
    }

    /**
     * One file of the import.
     *
     * @param importId          its run ({@code import_run.id})
     * @param dataset           the dataset
     * @param fileName          the file name as the user gave it
     * @param status            IMPORTED, UNCHANGED or REJECTED
     * @param rows              data rows read
     * @param errors            errors found
     * @param contentHash       SM3 of its bytes
     * @param periods           the periods it holds (datasets with a period column)
     * @param replacedImportIds the earlier imports whose rows it replaced
     */
    public record FileOutcome(long importId, String dataset, String fileName, ImportStatus status, long rows,
                              long errors, String contentHash, List<String> periods, List<Long> replacedImportIds) {

        public FileOutcome {
            periods = List.copyOf(periods);
            replacedImportIds = List.copyOf(replacedImportIds);
        }
    }
}
