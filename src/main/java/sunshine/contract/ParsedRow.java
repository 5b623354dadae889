package sunshine.contract;

import java.util.List;

/**
 * One data row of a contract file after parsing.
 *
 * @param row     the spreadsheet row number (header = 1)
 * @param values  typed values in the dataset's column order (see {@link ValueType} for the Java types);
 *                null for empty cells and for cells that failed
 * @param errors  what was wrong with the row; empty when the row is good
 */
public record ParsedRow(long row, Object[] values, List<RowError> errors) {

    public boolean ok() {
        return errors.isEmpty();
    }

    public Object value(Dataset dataset, String column) {
        return values[dataset.indexOf(column)];
    }
}
