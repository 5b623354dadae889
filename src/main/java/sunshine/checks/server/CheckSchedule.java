package sunshine.checks.server;

import java.time.ZoneId;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import sunshine.checks.CheckException;
import sunshine.checks.CheckRunService;

/**
 * The monthly check run: by default on the 11th at 02:00 (Beijing time) for P = the current month, since a month's
 * payments are due by the 10th ({@code C05.deadline_day}). Started by {@code system} with the rules.md defaults.
 * <pre>
 * sunshine.checks.schedule.enabled = true         (false in the tests)
 * sunshine.checks.schedule.cron    = 0 0 2 11 * *  (second minute hour day month weekday)
 * sunshine.checks.schedule.zone    = Asia/Shanghai
 * </pre>
 * When a run is going on at that moment, the scheduled one is skipped with a warning (never queued).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "sunshine.checks.schedule", name = "enabled", havingValue = "true",
        matchIfMissing = true)
public class CheckSchedule {

    /** The default cron expression. */
    public static final String DEFAULT_CRON = "0 0 2 11 * *";

    private static final Logger log = LoggerFactory.getLogger(CheckSchedule.class);

    private final CheckRunService service;
    private final ZoneId zone;

    public CheckSchedule(CheckRunService service,
                         @Value("${sunshine.checks.schedule.zone:Asia/Shanghai}") String zone) {
        this.service = service;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(cron = "${sunshine.checks.schedule.cron:" + DEFAULT_CRON + "}",
            zone = "${sunshine.checks.schedule.zone:Asia/Shanghai}")
    public void monthly() {
        YearMonth period = YearMonth.now(zone);
        try {
            long id = service.startScheduled(period);
            log.info("monthly check run {} for {} started", id, period);
        } catch (CheckException e) {
            log.warn("monthly check run for {} not started: {}", period, e.reason().en());
        }
    }
}
