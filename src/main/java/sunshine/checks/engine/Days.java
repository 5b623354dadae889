package sunshine.checks.engine;

import java.time.LocalDate;

/** Days as the engine stores them: one int, the epoch day. {@link #NONE} stands for an empty date cell. */
public final class Days {

    /** An empty date. Smaller than every date. */
    public static final int NONE = Integer.MIN_VALUE;

    private Days() {
    }

    public static int of(LocalDate d) {
        return d == null ? NONE : (int) d.toEpochDay();
    }

    public static LocalDate toDate(int day) {
        return day == NONE ? null : LocalDate.ofEpochDay(day);
    }

    /** "2026-03-05"; empty for {@link #NONE}. */
    public static String iso(int day) {
        return day == NONE ? "" : LocalDate.ofEpochDay(day).toString();
    }

    /** "2026年3月5日". */
    public static String zh(int day) {
        if (day == NONE) {
            return "";
        }
        LocalDate d = LocalDate.ofEpochDay(day);
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
