package sunshine.contract;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One dataset of the contract: a file {@code <name>.csv} or {@code <name>.xlsx}, and a database table of the
 * same name with the same column names.
 *
 * @param name          the dataset (and table) name, e.g. {@code payments}
 * @param label         its Chinese name
 * @param kind          registry or external
 * @param columns       its columns in contract order
 * @param key           the columns that identify a row (empty: rows need not be unique)
 * @param references    referential checks: column name to "dataset.column" that must hold the value
 * @param periodColumn  the MONTH column that scopes an import, or null when an import replaces the whole dataset
 */
public record Dataset(
        String name,
        String label,
        DatasetKind kind,
        List<Column> columns,
        List<String> key,
        Map<String, String> references,
        String periodColumn) {

    public Dataset {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        references = Map.copyOf(references);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** Position of a column in {@link #columns()} (and in a parsed row's values), or -1. */
    public int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
