package sunshine.security.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import sunshine.security.Actor;
import sunshine.security.Role;

/** The principal of a signed-in session: the account's actor, and (until sign-in completes) its password hash. */
final class SignedInUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String username;
    private final String displayName;
    private final Role role;
    private final String regionCode;
    private final boolean enabled;
    private final Instant lockedUntil;
    private String passwordHash;

    SignedInUser(String username, String displayName, Role role, String regionCode, boolean enabled,
                 Instant lockedUntil, String passwordHash) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.regionCode = regionCode;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.passwordHash = passwordHash;
    }

    Actor actor() {
        return new Actor(username, displayName, role, regionCode);
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedInUser other && other.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username + " (" + role + ", " + regionCode + ")";
    }
}
