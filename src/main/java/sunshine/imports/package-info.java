/**
 * The one generic importer of the data contract: every dataset of {@code contract/datasets.yaml} is imported by
 * the same code, driven by the dataset's description (columns, key, references, period column); there is no
 * per-dataset code apart from the enrollment membership rule.
 *
 * <h2>Public API</h2>
 * {@link sunshine.imports.ImportService} ({@code importFile}, {@code importFolder}, {@code progress},
 * {@code recentRuns}, {@code run}), {@link sunshine.imports.ImportResult}, {@link sunshine.imports.ImportRun},
 * {@link sunshine.imports.ImportProgress}, {@link sunshine.imports.ImportStatus}. The REST endpoints
 * ({@code /api/imports}) live in {@code sunshine.imports.web}; the machinery in {@code sunshine.imports.internal}.
 *
 * <h2>What an import does, in order</h2>
 * <ol>
 *   <li><b>Hash.</b> The SM3 hash (GB/T 32905) of each file's bytes identifies it. A file whose hash equals the
 *       current (IMPORTED) import of its dataset is UNCHANGED: nothing is read, nothing touched.</li>
 *   <li><b>One transaction</b> for the file, or for the whole folder (files in dependency order): whole or not
 *       at all. A row lock on {@code import_lock} lets one import run at a time, also across processes.</li>
 *   <li><b>Types.</b> Each file is streamed through the contract's {@code DatasetReader}; its rows are inserted in
 *       JDBC batches of 1000 (nothing is collected in memory). Every error goes to a temporary spool file as it is
 *       found; from the first error on, the file's rows are no longer inserted, but the file is read to its end
 *       so that the report lists every bad row, not only the first.</li>
 *   <li><b>Region codes</b> are checked against the {@code regions} table; in an import that holds a regions
 *       file, against that file (it replaces the table), including rows of it that have errors elsewhere, so that
 *       one bad region row does not flood the report with follow-on errors.</li>
 *   <li><b>Replacement.</b> Once a file's rows are all in, the rows it replaces are deleted: for a dataset with
 *       a period column (payments, payroll_submissions, social_insurance, other_rolls) the rows of earlier imports
 *       in the periods the new file holds (rows of other periods stay); for every other dataset all rows of
 *       earlier imports.</li>
 *   <li><b>SQL checks</b>, on the file's complete rows: key duplicates over the whole table (every duplicate row
 *       of the file is reported with its row, also a clash with a row of an earlier import that stays);
 *       references (each value present in the target's table; a reference into a dataset that failed in the same
 *       import is not checked, it would only echo that dataset's errors); after enrollment_members, an enrollment
 *       of an individual program (ORPHAN, TEKUN, DISABILITY_LIVING, DISABILITY_CARE) has exactly one member and
 *       every enrollment at least one; finally, datasets the import did not touch must still find what they
 *       refer to in a replaced dataset (a new households file must not drop a household persons still name).
 *       Key and reference checks need the file's rows in the table, so a file with type errors gets them on the
 *       next attempt, once its types are right.</li>
 *   <li><b>Any error: rollback.</b> Nothing of the file (or folder) stays; the runs are recorded as REJECTED in
 *       a transaction of their own, with the report.</li>
 *   <li><b>No error: archive and commit.</b> See below.</li>
 *   <li><b>Report.</b> Every error and warning as CSV (UTF-8 with BOM, for Excel) and XLSX (streamed, continued
 *       on a further sheet past 1,048,575 rows) under {@code ${sunshine.data-dir}/reports/}: one per file
 *       ({@code import-<id>}), and for a folder one of all files ({@code batch-<batch>}).</li>
 * </ol>
 *
 * <h2>Kept for audit: the replaced import and its original file</h2>
 * A replaced import is never deleted from {@code import_run}: it is marked SUPERSEDED (also when only some of its
 * periods were replaced: its other rows stay in the table with its {@code import_id}) and points to the import
 * that replaced it ({@code superseded_by}); {@code import_replacement} says which periods and how many of its rows
 * went. Its rows are deleted from the dataset table, which always holds only the current data, so that every
 * check and report reads the current state without filtering. What was replaced stays retrievable exactly,
 * byte for byte: the original file of every accepted import is archived before the commit, gzip-compressed,
 * under {@code ${sunshine.data-dir}/imports/<sm3>.<ext>.gz}, named by its SM3 hash (which {@code import_run}
 * records, so the archive can be verified), and {@code import_run.archived_file} points to it. Re-importing the
 * archived file restores exactly the replaced data. We chose archived files over keeping old rows in the tables
 * (versioned rows) because the original file is what an auditor asks for, it is far smaller gzip-compressed
 * than rows with indexes, and the tables stay simple and fast for the cross-checks.
 *
 * <h2>Memory</h2>
 * Independent of file size: rows are streamed and inserted in batches, errors are spooled to disk, SQL check
 * results are streamed (fetch size 1000). What is held: the current batch, the set of periods of a file, and
 * the region directory (code to level; some 100,000 entries for a province).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports 数据导入")
package sunshine.imports;
