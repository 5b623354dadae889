package sunshine.imports;

/** What became of one file an import looked at (column {@code import_run.status}). */
public enum ImportStatus {
    /** Its rows are in the dataset's table. */
    IMPORTED,
    /** Nothing of it was kept: it had errors, or another file of the same folder import had. */
    REJECTED,
    /** Same content (SM3 hash) as the current import of its dataset: nothing was touched. */
    UNCHANGED,
    /** A later import replaced its rows (all, or those of the periods the later file holds); kept for audit. */
    SUPERSEDED
}
