/**
 * Who may do what, where: users with roles and a region scope, sign-in, and the {@link sunshine.security.Actor}
 * every other module scopes its queries by.
 * <p>
 * Public API: {@link sunshine.security.Actor}, {@link sunshine.security.Role}, {@link sunshine.security.CurrentActor}
 * (the signed-in user of the request), {@link sunshine.security.UserAccounts} (create, reset or change a password,
 * unlock, list), {@link sunshine.security.Masking} (ID numbers 371526********1234, names 张* / 张*三), and
 * {@link sunshine.security.SecurityEvent}, published for the audit record (this module depends on no other).
 * REST: {@code /api/me}, {@code /api/admin/users} ({@code sunshine.security.web}).
 * <p>
 * Inside ({@code sunshine.security.internal}): Spring Security's configuration (paths, CSRF, headers, sign-in page,
 * session), the accounts in {@code user_account} with bcrypt hashes, and the lockout: {@code max-failures} wrong
 * passwords in a row (5) lock an account for {@code lock-duration} (15 minutes), during which its password is not
 * even checked. Settings: {@code sunshine.security.*} in {@code application.yaml}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security 权限", type =
        org.springframework.modulith.ApplicationModule.Type.OPEN)
package sunshine.security;
