package sunshine.contract;

/**
 * One bad cell or row, as the error report lists it.
 *
 * @param file    the file name as the user uploaded it
 * @param row     the row number as a spreadsheet shows it: the header is row 1, the first data row is row 2;
 *                0 for a problem of the whole file (a missing column, an encoding)
 * @param column  the column's English name, or empty for a problem of the whole row
 * @param value   the cell as it was in the file (empty for a missing value)
 * @param reason  why it was refused, in Chinese and English
 */
public record RowError(String file, long row, String column, String value, Reason reason) {
}
