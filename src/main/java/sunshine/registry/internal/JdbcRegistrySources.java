package sunshine.registry.internal;

import java.io.IOException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import sunshine.checks.CheckSource;
import sunshine.checks.InputInfo;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.contract.DatasetKind;
import sunshine.contract.RowError;
import sunshine.registry.RegistrySources;

/**
 * {@link RegistrySources} over the check engine's own database source ({@link CheckSource#database}: one consistent
 * snapshot of the tables, typed as the contract reader types them), with the overlay's rows appended after each
 * table's and the external datasets narrowed to the overlay's people. Registry datasets are always present (an
 * empty table is an empty record), external ones when they were imported.
 */
@Component
class JdbcRegistrySources implements RegistrySources {

    private final DataSource dataSource;

    JdbcRegistrySources(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public CheckSource open(Overlay overlay) {
        return new WithOverlay(CheckSource.database(dataSource), overlay);
    }

    /** The database source, plus additional rows, minus other people's external rows. */
    private static final class WithOverlay implements CheckSource {

        private final CheckSource database;
        private final Overlay overlay;

        WithOverlay(CheckSource database, Overlay overlay) {
            this.database = database;
            this.overlay = overlay;
        }

        @Override
        public String describe() {
            return database.describe() + (overlay.extraRows().isEmpty() ? "" : " with additional rows");
        }

        @Override
        public String location(String dataset) {
            return database.location(dataset);
        }

        /**
         * A registry dataset is always there: its table is the platform's own record, and an empty one says there is
         * none (no payment yet, no filing). An external dataset is there when the database source has it (imported).
         */
        @Override
        public boolean has(String dataset) {
            return DataContract.standard().dataset(dataset).kind() == DatasetKind.REGISTRY || database.has(dataset)
                    || !overlay.extra(dataset).isEmpty();
        }

        @Override
        public void read(Dataset dataset, Rows rows) throws IOException {
            boolean narrow = dataset.kind() == DatasetKind.EXTERNAL && overlay.onlyPersons() != null;
            int idNo = dataset.indexOf("id_no");
            if (database.has(dataset.name())) {
                database.read(dataset, new Rows() {
                    @Override
                    public void row(long row, Object[] values) {
                        if (!narrow || idNo < 0 || overlay.onlyPersons().contains((String) values[idNo])) {
                            rows.row(row, values);
                        }
                    }

                    @Override
                    public void error(RowError error) {
                        rows.error(error);
                    }

                    @Override
                    public void warning(RowError warning) {
                        rows.warning(warning);
                    }
                });
            }
            long row = -1;
            for (Object[] extra : overlay.extra(dataset.name())) {
                if (extra.length != dataset.columns().size()) {
                    throw new IllegalArgumentException(dataset.name() + " has " + dataset.columns().size()
                            + " columns, an additional row has " + extra.length);
                }
                rows.row(row--, extra.clone());
            }
        }

        @Override
        public List<InputInfo> inputs() {
            return database.inputs();
        }

        @Override
        public void close() {
            database.close();
        }
    }
}
