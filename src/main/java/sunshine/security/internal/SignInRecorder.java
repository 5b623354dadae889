package sunshine.security.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import sunshine.security.Actor;
import sunshine.security.SecurityEvent;
import sunshine.security.UserAccount;

/**
 * Keeps count of sign-ins: a success clears the failed attempts; a wrong password counts one, and the last one
 * allowed ({@code sunshine.security.max-failures}) locks the account for {@code sunshine.security.lock-duration}.
 * Every sign-in, failure, lockout and sign-out is published as a {@link SecurityEvent} for the audit record.
 * While an account is locked its password is not even checked (Spring Security refuses a locked account first),
 * so a lockout cannot be used to go on guessing.
 */
@Component
class SignInRecorder {

    private static final Logger log = LoggerFactory.getLogger(SignInRecorder.class);

    private final JdbcUserAccounts accounts;
    private final ApplicationEventPublisher events;

    SignInRecorder(JdbcUserAccounts accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    @EventListener
    void success(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof SignedInUser user)) {
            return;
        }
        accounts.signedIn(user.getUsername());
        Actor actor = user.actor();
        events.publishEvent(SecurityEvent.of(SecurityEvent.SIGN_IN, actor, "user:" + actor.userId(),
                details(event.getAuthentication()), Instant.now()));
    }

    @EventListener
    void badCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String name = attempted(event.getAuthentication());
        Optional<UserAccount> account = accounts.find(name);
        Map<String, Object> details = details(event.getAuthentication());
        if (account.isEmpty()) {
            details.put("reason", "UNKNOWN_USER");
            events.publishEvent(new SecurityEvent(SecurityEvent.SIGN_IN_FAILED, name, null, null, "user:" + name,
                    details, Instant.now()));
            return;
        }
        JdbcUserAccounts.Failure failure = accounts.failedSignIn(name);
        details.put("reason", "BAD_PASSWORD");
        details.put("attempt", failure.attempts());
        Actor actor = account.get().actor();
        events.publishEvent(SecurityEvent.of(SecurityEvent.SIGN_IN_FAILED, actor, "user:" + name, details,
                Instant.now()));
        if (failure.lockedUntil() != null) {
            log.warn("account {} locked until {} after {} wrong passwords", name, failure.lockedUntil(),
                    failure.attempts());
            Map<String, Object> lock = details(event.getAuthentication());
            lock.put("failures", failure.attempts());
            lock.put("lockedUntil", failure.lockedUntil().toString());
            events.publishEvent(SecurityEvent.of(SecurityEvent.ACCOUNT_LOCKED, actor, "user:" + name, lock,
                    Instant.now()));
        }
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        String reason;
        if (event instanceof AuthenticationFailureLockedEvent) {
            reason = "LOCKED";
        } else if (event instanceof AuthenticationFailureDisabledEvent) {
            reason = "DISABLED";
        } else {
            return; // bad credentials: above; other failures do not reach a form sign-in
        }
        String name = attempted(event.getAuthentication());
        Map<String, Object> details = details(event.getAuthentication());
        details.put("reason", reason);
        Optional<UserAccount> account = accounts.find(name);
        events.publishEvent(account
                .map(a -> SecurityEvent.of(SecurityEvent.SIGN_IN_FAILED, a.actor(), "user:" + name, details,
                        Instant.now()))
                .orElseGet(() -> new SecurityEvent(SecurityEvent.SIGN_IN_FAILED, name, null, null, "user:" + name,
                        details, Instant.now())));
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null
                && event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            events.publishEvent(SecurityEvent.of(SecurityEvent.SIGN_OUT, user.actor(), "user:" + user.getUsername(),
                    details(event.getAuthentication()), Instant.now()));
        }
    }

    /** The name that was tried, cut to the column's width (anything may be typed into the form). */
    private static String attempted(Authentication authentication) {
        String name = authentication == null || authentication.getName() == null ? "" : authentication.getName();
        name = name.strip();
        if (name.isEmpty()) {
            return "-";
        }
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static Map<String, Object> details(Authentication authentication) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails web
                && web.getRemoteAddress() != null) {
            details.put("remoteAddress", web.getRemoteAddress());
        }
        return details;
    }
}
