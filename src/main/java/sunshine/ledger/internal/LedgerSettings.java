package sunshine.ledger.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import sunshine.checks.Severity;

/**
 * The ledger's settings ({@code sunshine.ledger.*}) and its clock. Times are those of a {@link Clock} bean when the
 * application has exactly one (tests set the time with one), else the system clock in China Standard Time.
 */
@Component
public class LedgerSettings {

    /** The platform's time zone: dates users see and type are Beijing dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Map<Severity, Integer> deadlineDays = new EnumMap<>(Severity.class);
    private final Path evidenceDir;
    private final long evidenceMaxBytes;
    private final int complaintsPerAddress;
    private final int lookupsPerAddress;
    private final Duration rateWindow;
    private final Clock clock;

    public LedgerSettings(@Value("${sunshine.data-dir:./data}") String dataDir,
                          @Value("${sunshine.ledger.deadline-days.critical:7}") int critical,
                          @Value("${sunshine.ledger.deadline-days.high:15}") int high,
                          @Value("${sunshine.ledger.deadline-days.medium:30}") int medium,
                          @Value("${sunshine.ledger.deadline-days.low:60}") int low,
                          @Value("${sunshine.ledger.evidence.max-size:20MB}") DataSize evidenceMax,
                          @Value("${sunshine.ledger.complaints.per-address:5}") int complaintsPerAddress,
                          @Value("${sunshine.ledger.complaints.lookups-per-address:60}") int lookupsPerAddress,
                          @Value("${sunshine.ledger.complaints.window:PT1H}") Duration rateWindow,
                          ObjectProvider<Clock> clocks) {
        for (int d : new int[] {critical, high, medium, low}) {
            if (d < 1) {
                throw new IllegalArgumentException("sunshine.ledger.deadline-days must be at least 1 day: " + d);
            }
        }
        deadlineDays.put(Severity.CRITICAL, critical);
        deadlineDays.put(Severity.HIGH, high);
        deadlineDays.put(Severity.MEDIUM, medium);
        deadlineDays.put(Severity.LOW, low);
        this.evidenceDir = Path.of(dataDir).toAbsolutePath().normalize().resolve("evidence");
        this.evidenceMaxBytes = evidenceMax.toBytes();
        this.complaintsPerAddress = complaintsPerAddress;
        this.lookupsPerAddress = lookupsPerAddress;
        this.rateWindow = rateWindow;
        this.clock = clocks.getIfUnique(() -> Clock.system(ZONE));
    }

    /** Days the responsible unit has for one stage of an item of this severity. */
    public int deadlineDays(Severity s) {
        return deadlineDays.get(s);
    }

    /** Where evidence files are stored: {@code ${sunshine.data-dir}/evidence}. */
    public Path evidenceDir() {
        return evidenceDir;
    }

    public long evidenceMaxBytes() {
        return evidenceMaxBytes;
    }

    /** Complaints one address may submit per window. */
    public int complaintsPerAddress() {
        return complaintsPerAddress;
    }

    /** Tracking-code look-ups one address may make per window. */
    public int lookupsPerAddress() {
        return lookupsPerAddress;
    }

    public Duration rateWindow() {
        return rateWindow;
    }

    public Clock clock() {
        return clock;
    }

    /** Now, to the microsecond (what both databases keep), in Beijing time. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).atZoneSameInstant(ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.MICROS);
    }
}
