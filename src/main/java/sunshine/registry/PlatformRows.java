package sunshine.registry;

/**
 * Rows the platform's own business writes into the registry tables (an enrollment created by an application, the
 * payments of an exported batch, bank receipts, a town's payroll list) rather than an import: they carry
 * {@code import_id} {@value #IMPORT_ID} (no import run has that id; import ids start at 1) and a {@code source_row}
 * from the sequence {@value #ROW_SEQUENCE}, so they are told apart from imported rows at a glance and the check
 * engine reads them like any other row.
 * <p>
 * The importer replaces a dataset by import (snapshot datasets: every row of earlier imports; period datasets: the
 * rows of the periods a new file holds), and platform rows are rows of an earlier "import" in that sense: a new
 * enrollments file from the old business system replaces the enrollments the platform created. Once the platform
 * runs the business, those datasets are no longer imported from elsewhere.
 */
public final class PlatformRows {

    /** The {@code import_id} of platform rows. */
    public static final long IMPORT_ID = 0;

    /** The database sequence that numbers platform rows ({@code source_row}). */
    public static final String ROW_SEQUENCE = "platform_row_seq";

    private PlatformRows() {
    }
}
