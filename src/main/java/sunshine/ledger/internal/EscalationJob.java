package sunshine.ledger.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import sunshine.ledger.LedgerService;

/**
 * Escalates overdue items, by default every hour at minute 5 ({@code sunshine.ledger.escalation-cron}; "-"
 * switches it off).
 */
@Configuration
@EnableScheduling
class EscalationJob {

    private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

    private final LedgerService ledger;
    private final LedgerSettings settings;

    EscalationJob(LedgerService ledger, LedgerSettings settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    @Scheduled(cron = "${sunshine.ledger.escalation-cron:0 5 * * * *}", zone = "Asia/Shanghai")
    void escalate() {
        int n = ledger.escalateOverdue(settings.clock().instant());
        if (n > 0) {
            log.info("ledger: {} overdue items escalated one level up", n);
        }
    }
}
