package sunshine.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sunshine.applications.internal.WorkingCalendar;

/** Working days: Monday to Friday, holidays out, make-up working days in. */
class WorkingCalendarTest {

    @Test
    void countsWorkingDaysAfterADay() {
        WorkingCalendar plain = new WorkingCalendar(Set.of(), Set.of());
        assertThat(plain.plusWorkingDays(LocalDate.of(2026, 11, 5), 3)).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(plain.plusWorkingDays(LocalDate.of(2026, 11, 7), 1)).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(plain.plusWorkingDays(LocalDate.of(2026, 11, 2), 10)).isEqualTo(LocalDate.of(2026, 11, 16));
    }

    @Test
    void skipsHolidaysAndCountsMakeUpDays() {
        WorkingCalendar national = new WorkingCalendar(
                Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                        LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
                Set.of(LocalDate.of(2026, 10, 10)));
        assertThat(national.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(national.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue(); // a Saturday worked
        // Oct 8 and 9 are the first working days after the holidays, Saturday Oct 10 the third, Monday the fourth
        assertThat(national.plusWorkingDays(LocalDate.of(2026, 9, 30), 2)).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(national.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(national.plusWorkingDays(LocalDate.of(2026, 9, 30), 4)).isEqualTo(LocalDate.of(2026, 10, 12));
    }
}
