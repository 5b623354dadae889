package sunshine.contract;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/** Helpers shared by the record sources and the dataset reader: blank cells, cell text, Excel numbers and dates. */
final class RecordCells {

    /** Excel shows (and computes with) at most 15 significant digits. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RecordCells() {
    }

    /**
     * Turns the empty cells of a CSV record into null (a missing value) and tells whether any cell has content: a
     * record of blank cells only is skipped by both CSV readers.
     */
    static boolean emptyCellsToNull(String[] record) {
        boolean blank = true;
        for (int i = 0; i < record.length; i++) {
            String cell = record[i];
            if (cell.isEmpty()) {
                record[i] = null;
            } else if (blank && !isBlank(cell)) {
                blank = false;
            }
        }
        return !blank;
    }

    /** Whether a cell is empty: null, or text of nothing but whitespace (including full-width spaces and BOMs). */
    static boolean isBlank(Object cell) {
        if (cell == null) {
            return true;
        }
        if (!(cell instanceof String)) {
            return false;
        }
        String s = (String) cell;
        for (int i = 0; i < s.length(); i++) {
            if (!ValueText.isTrimmed(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether every cell of a record is blank. */
    static boolean isBlank(Object[] record) {
        for (Object cell : record) {
            if (!isBlank(cell)) {
                return false;
            }
        }
        return true;
    }

    /** The text of a cell as a user would see it, for error reports and headers ("" for null). */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof String) {
            return (String) cell;
        }
        if (cell instanceof BigDecimal) {
            return ((BigDecimal) cell).toPlainString();
        }
        if (cell instanceof LocalDateTime) {
            LocalDateTime t = (LocalDateTime) cell;
            return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.format(DATE_TIME);
        }
        if (cell instanceof Boolean) {
            return ((Boolean) cell) ? "TRUE" : "FALSE";
        }
        return cell.toString();
    }

    /**
     * A numeric Excel cell as the exact decimal Excel shows: at most 15 significant digits (so that 0.1+0.2 stored
     * as 0.30000000000000004 reads as 0.3), without trailing zeros and never in exponent form.
     */
    static BigDecimal excelNumber(BigDecimal v) {
        BigDecimal d = v.precision() > 15 ? v.round(EXCEL_PRECISION) : v;
        d = d.stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** {@link #excelNumber(BigDecimal)} of a binary floating point cell value (XLS). */
    static BigDecimal excelNumber(double v) {
        return excelNumber(new BigDecimal(Double.toString(v)));
    }

    /**
     * Whether a cell's number format shows a date or time. Besides the international built-in formats and custom
     * format strings, the built-in formats 27-36 and 50-58 are dates (年/月/日) in the Chinese versions of Excel;
     * their format string is not stored in the file (or stored as "reserved-0x..").
     */
    static boolean isDateFormat(int formatId, String formatString) {
        boolean chineseBuiltIn = (formatId >= 27 && formatId <= 36) || (formatId >= 50 && formatId <= 58);
        if (chineseBuiltIn && (formatString == null || formatString.isEmpty() || formatString.startsWith("reserved"))) {
            return true;
        }
        return DateUtil.isADateFormat(formatId, formatString);
    }
}
