package sunshine.security;

import java.time.Instant;
import java.util.Map;

/**
 * Something the security module did that the audit record keeps: a sign-in, a failed one, a lockout, a sign-out,
 * a change of an account. Published as a Spring application event, synchronously, inside the transaction of the
 * change where there is one (so the record and the change commit together). The security module knows nothing
 * of the audit module; the audit module listens.
 *
 * @param action    one of the constants below
 * @param actorId   who did it (for a failed sign-in: the name that was tried)
 * @param actorRole their role, or null when unknown (a failed sign-in with an unknown name)
 * @param actorRegion their region, or null when unknown
 * @param subject   what it concerns ({@code user:zhangsan})
 * @param details   further facts (the remote address, the role of a new account ...)
 * @param at        when
 */
public record SecurityEvent(String action, String actorId, Role actorRole, String actorRegion, String subject,
                            Map<String, Object> details, Instant at) {

    public static final String SIGN_IN = "SIGN_IN";
    public static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";
    public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    public static final String SIGN_OUT = "SIGN_OUT";
    public static final String USER_CREATED = "USER_CREATED";
    public static final String PASSWORD_SET = "PASSWORD_SET";
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String USER_UNLOCKED = "USER_UNLOCKED";

    public SecurityEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** An event whose actor is known. */
    public static SecurityEvent of(String action, Actor actor, String subject, Map<String, Object> details,
                                   Instant at) {
        return new SecurityEvent(action, actor.userId(), actor.role(), actor.regionCode(), subject, details, at);
    }
}
