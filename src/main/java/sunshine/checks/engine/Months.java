package sunshine.checks.engine;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Months as the engine stores them: one int, {@code year * 12 + (month - 1)}, so that month arithmetic is integer
 * arithmetic ({@code m + 1} is the next month, {@code b - a} the months between). {@link #NONE} stands for an empty
 * month cell.
 */
public final class Months {

    /** An empty month (an enrollment without end_month). Smaller than every month. */
    public static final int NONE = Integer.MIN_VALUE;

    private Months() {
    }

    public static int of(int year, int month) {
        return year * 12 + month - 1;
    }

    public static int of(YearMonth ym) {
        return ym == null ? NONE : of(ym.getYear(), ym.getMonthValue());
    }

    /** month(d): the month of an epoch day. */
    public static int ofDay(int epochDay) {
        if (epochDay == Days.NONE) {
            return NONE;
        }
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return of(d.getYear(), d.getMonthValue());
    }

    public static YearMonth toYearMonth(int m) {
        return m == NONE ? null : YearMonth.of(year(m), month(m));
    }

    public static int year(int m) {
        return Math.floorDiv(m, 12);
    }

    /** 1..12. */
    public static int month(int m) {
        return Math.floorMod(m, 12) + 1;
    }

    /** The first day of the month, as an epoch day. */
    public static int firstDay(int m) {
        return (int) LocalDate.of(year(m), month(m), 1).toEpochDay();
    }

    /** The last day of the month, as an epoch day ("the end of P"). */
    public static int lastDay(int m) {
        return firstDay(m + 1) - 1;
    }

    /** "2026-03", as clues and the contract write months; empty for {@link #NONE}. */
    public static String iso(int m) {
        if (m == NONE) {
            return "";
        }
        int mo = month(m);
        return year(m) + (mo < 10 ? "-0" : "-") + mo;
    }

    /** "2026年3月", as explanations write months. */
    public static String zh(int m) {
        return m == NONE ? "" : year(m) + "年" + month(m) + "月";
    }
}
