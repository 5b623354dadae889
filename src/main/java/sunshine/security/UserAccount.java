package sunshine.security;

import java.time.Instant;

/**
 * A user account as the administration sees it (never its password hash).
 *
 * @param username       the login name
 * @param displayName    the name shown in histories
 * @param role           what the user may do
 * @param regionCode     the region the user acts within (12 digits)
 * @param enabled        false for a disabled account (cannot sign in)
 * @param failedAttempts wrong passwords since the last successful sign-in or lockout
 * @param lockedUntil    when a lockout ends, or null when the account is not locked (a past time: no longer locked)
 * @param lastSignInAt   the last successful sign-in, or null
 * @param createdAt      when the account was created
 * @param createdBy      who created it ({@code system} for the platform's own)
 */
public record UserAccount(String username, String displayName, Role role, String regionCode, boolean enabled,
                          int failedAttempts, Instant lockedUntil, Instant lastSignInAt, Instant createdAt,
                          String createdBy) {

    /** Whether the account is locked at the given time. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The account as an actor. */
    public Actor actor() {
        return new Actor(username, displayName, role, regionCode);
    }
}
