package sunshine.security.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * The security settings ({@code sunshine.security.*} in {@code application.yaml}): how many wrong passwords in a
 * row lock an account, and for how long. The session timeout is Spring Boot's own
 * {@code server.servlet.session.timeout}.
 */
@Component
public class SecuritySettings {

    private final int maxFailures;
    private final Duration lockDuration;

    public SecuritySettings(@Value("${sunshine.security.max-failures:5}") int maxFailures,
                            @Value("${sunshine.security.lock-duration:15m}") String lockDuration) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("sunshine.security.max-failures must be at least 1: " + maxFailures);
        }
        this.maxFailures = maxFailures;
        this.lockDuration = DurationStyle.detectAndParse(lockDuration);
    }

    /** Wrong passwords in a row that lock an account. */
    public int maxFailures() {
        return maxFailures;
    }

    /** How long a lockout lasts. */
    public Duration lockDuration() {
        return lockDuration;
    }
}
