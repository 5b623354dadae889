package sunshine.supervision.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The time: a {@link Clock} bean when the application has exactly one, else the system clock in Beijing. */
@Component
public class SupervisionClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    public SupervisionClock(ObjectProvider<Clock> clocks) {
        this.clock = clocks.getIfUnique(() -> Clock.system(ZONE));
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).atZoneSameInstant(ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.MICROS);
    }
}
