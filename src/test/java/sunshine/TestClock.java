package sunshine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A clock the tests move, in Beijing time, starting at 09:00 on Monday 2 November 2026. Registered as a
 * {@code @Primary} bean by the modules' test configurations, it stands in for the system clock of every service
 * that takes deadlines, notices and escalations from a {@link Clock}.
 */
public class TestClock extends Clock {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    public static final Instant START = LocalDate.of(2026, 11, 2).atTime(9, 0).atZone(BEIJING).toInstant();

    private volatile Instant now = START;

    @Override
    public ZoneId getZone() {
        return BEIJING;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void set(Instant t) {
        now = t;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    /** 09:00 on a day. */
    public void setDay(LocalDate day) {
        now = day.atTime(LocalTime.of(9, 0)).atZone(BEIJING).toInstant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, BEIJING);
    }

    public void plusDays(int days) {
        setDay(today().plusDays(days));
    }
}
