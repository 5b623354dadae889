package sunshine.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sunshine.security.Actor;
import sunshine.security.Role;
import sunshine.security.SecurityEvent;
import sunshine.security.UserAccount;
import sunshine.security.UserAccountException;
import sunshine.security.UserAccounts;

/**
 * The accounts in the {@code user_account} table: {@link UserAccounts} for the rest of the platform, the
 * {@link UserDetailsService} Spring Security signs users in with, and the bookkeeping of failed sign-ins and
 * lockouts.
 */
@Component
class JdbcUserAccounts implements UserAccounts, UserDetailsService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    private static final String COLUMNS = "username, display_name, role, region_code, enabled, failed_attempts, "
            + "locked_until, last_sign_in_at, created_at, created_by";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final SecuritySettings settings;

    JdbcUserAccounts(JdbcTemplate jdbc, PasswordEncoder encoder, ApplicationEventPublisher events,
                     SecuritySettings settings) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.events = events;
        this.settings = settings;
    }

    // ------------------------------------------------------------------ UserAccounts

    @Override
    @Transactional
    public UserAccount create(Actor by, NewUser user, String password) {
        if (user == null || user.username() == null || !USERNAME.matcher(user.username()).matches()) {
            throw new UserAccountException("用户名须为3至64个字母、数字或 . _ -",
                    "a username has 3 to 64 letters, digits or . _ -");
        }
        if (user.role() == null) {
            throw new UserAccountException("请指定角色", "a role is required");
        }
        if (user.regionCode() == null || !user.regionCode().matches("\\d{12}")) {
            throw new UserAccountException("区划代码须为12位数字", "a region code has 12 digits");
        }
        mayManage(by, user.regionCode());
        checkStrength(user.username(), password);
        if (exists(user.username())) {
            throw new UserAccountException("用户名已存在：" + user.username(),
                    "the username is taken: " + user.username());
        }
        String displayName = user.displayName() == null || user.displayName().isBlank()
                ? user.username() : user.displayName().strip();
        OffsetDateTime now = now();
        jdbc.update("INSERT INTO user_account (username, display_name, password_hash, role, region_code, enabled, "
                        + "failed_attempts, password_changed_at, created_at, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, TRUE, 0, ?, ?, ?)",
                user.username(), truncate(displayName, 100), encoder.encode(password), user.role().name(),
                user.regionCode(), now, now, by.userId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("role", user.role().name());
        details.put("region", user.regionCode());
        details.put("displayName", displayName);
        events.publishEvent(SecurityEvent.of(SecurityEvent.USER_CREATED, by, "user:" + user.username(), details,
                now.toInstant()));
        return find(user.username()).orElseThrow();
    }

    @Override
    @Transactional
    public void setPassword(Actor by, String username, String newPassword) {
        UserAccount account = managed(by, username);
        checkStrength(account.username(), newPassword);
        OffsetDateTime now = now();
        jdbc.update("UPDATE user_account SET password_hash = ?, password_changed_at = ?, failed_attempts = 0 "
                + "WHERE username = ?", encoder.encode(newPassword), now, account.username());
        events.publishEvent(SecurityEvent.of(SecurityEvent.PASSWORD_SET, by, "user:" + account.username(),
                Map.of(), now.toInstant()));
    }

    @Override
    @Transactional
    public void changeOwnPassword(Actor self, String currentPassword, String newPassword) {
        String hash = jdbc.queryForList("SELECT password_hash FROM user_account WHERE username = ?", String.class,
                self.userId()).stream().findFirst().orElseThrow(() -> noSuchUser(self.userId()));
        if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
            throw new UserAccountException("当前密码不正确", "the current password is wrong");
        }
        checkStrength(self.userId(), newPassword);
        if (encoder.matches(newPassword, hash)) {
            throw new UserAccountException("新密码不能与当前密码相同", "the new password must differ from the current one");
        }
        OffsetDateTime now = now();
        jdbc.update("UPDATE user_account SET password_hash = ?, password_changed_at = ? WHERE username = ?",
                encoder.encode(newPassword), now, self.userId());
        events.publishEvent(SecurityEvent.of(SecurityEvent.PASSWORD_CHANGED, self, "user:" + self.userId(),
                Map.of(), now.toInstant()));
    }

    @Override
    @Transactional
    public void unlock(Actor by, String username) {
        UserAccount account = managed(by, username);
        OffsetDateTime now = now();
        jdbc.update("UPDATE user_account SET locked_until = NULL, failed_attempts = 0 WHERE username = ?",
                account.username());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("wasLocked", account.lockedAt(now.toInstant()));
        events.publishEvent(SecurityEvent.of(SecurityEvent.USER_UNLOCKED, by, "user:" + account.username(),
                details, now.toInstant()));
    }

    @Override
    public List<UserAccount> list(Actor by) {
        if (by.role() != Role.ADMIN) {
            throw new AccessDeniedException("only administrators list accounts");
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM user_account WHERE region_code LIKE ? ORDER BY username",
                this::account, by.regionPrefix() + "%");
    }

    @Override
    public Optional<UserAccount> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM user_account WHERE username = ?", this::account, username)
                .stream().findFirst();
    }

    @Override
    public boolean any() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM user_account", Long.class) > 0;
    }

    // ------------------------------------------------------------------ sign-in

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.query("SELECT username, display_name, role, region_code, enabled, locked_until, password_hash "
                        + "FROM user_account WHERE username = ?", (rs, i) -> new SignedInUser(
                        rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        rs.getString("region_code"), rs.getBoolean("enabled"), instant(rs, "locked_until"),
                        rs.getString("password_hash")), username)
                .stream().findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** A successful sign-in: the failed attempts start again from zero. */
    @Transactional
    void signedIn(String username) {
        jdbc.update("UPDATE user_account SET failed_attempts = 0, last_sign_in_at = ? WHERE username = ?", now(),
                username);
    }

    /**
     * A wrong password for an existing account: counts it, and locks the account when it was the last one allowed.
     *
     * @return the account's failed attempts now (0 after a lockout) and the end of the lockout it caused, if any
     */
    @Transactional
    Failure failedSignIn(String username) {
        OffsetDateTime now = now();
        int updated = jdbc.update("UPDATE user_account SET failed_attempts = failed_attempts + 1, last_failure_at = ? "
                + "WHERE username = ?", now, username);
        if (updated == 0) {
            return new Failure(0, null);
        }
        int failures = jdbc.queryForObject("SELECT failed_attempts FROM user_account WHERE username = ?",
                Integer.class, username);
        if (failures < settings.maxFailures()) {
            return new Failure(failures, null);
        }
        OffsetDateTime until = now.plus(settings.lockDuration());
        jdbc.update("UPDATE user_account SET locked_until = ?, failed_attempts = 0 WHERE username = ?", until,
                username);
        return new Failure(failures, until.toInstant());
    }

    /** What a failed sign-in did to the account. */
    record Failure(int attempts, Instant lockedUntil) {
    }

    // ------------------------------------------------------------------ helpers

    private static void mayManage(Actor by, String regionCode) {
        if (by == null || by.role() != Role.ADMIN || !by.canSee(regionCode)) {
            throw new AccessDeniedException("only an administrator of the region manages its accounts");
        }
    }

    /** An account that {@code by} may manage: an administrator's own region and below. */
    private UserAccount managed(Actor by, String username) {
        if (by == null || by.role() != Role.ADMIN) {
            throw new AccessDeniedException("only administrators manage accounts");
        }
        return find(username).filter(a -> by.canSee(a.regionCode())).orElseThrow(() -> noSuchUser(username));
    }

    private static UserAccountException noSuchUser(String username) {
        return new UserAccountException("没有这个用户：" + username, "no such user: " + username);
    }

    private boolean exists(String username) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE LOWER(username) = LOWER(?)", Long.class,
                username) > 0;
    }

    /** At least {@value #MIN_PASSWORD_LENGTH} characters, letters and digits, not the username. */
    static void checkStrength(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)
                || password.equalsIgnoreCase(username)) {
            throw new UserAccountException(
                    "密码至少" + MIN_PASSWORD_LENGTH + "位，须同时包含字母和数字，且不能与用户名相同",
                    "a password has at least " + MIN_PASSWORD_LENGTH
                            + " characters, letters and digits, and is not the username");
        }
        if (password.length() > 128) {
            throw new UserAccountException("密码不能超过128位", "a password has at most 128 characters");
        }
    }

    private UserAccount account(ResultSet rs, int rowNum) throws SQLException {
        return new UserAccount(rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("region_code"), rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), instant(rs, "locked_until"), instant(rs, "last_sign_in_at"),
                instant(rs, "created_at"), rs.getString("created_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
