package sunshine.applications.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days (工作日): Monday to Friday, except configured public holidays, plus configured make-up working days
 * on weekends (调休). The time limits of the 2021 rules are counted in working days.
 */
public final class WorkingCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkdays;

    public WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> extraWorkdays) {
        this.holidays = Set.copyOf(holidays);
        this.extraWorkdays = Set.copyOf(extraWorkdays);
    }

    public boolean isWorkingDay(LocalDate d) {
        if (extraWorkdays.contains(d)) {
            return true;
        }
        if (holidays.contains(d)) {
            return false;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The n-th working day after {@code from} (the day itself does not count): the last day a limit allows. */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        LocalDate d = from;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }
}
