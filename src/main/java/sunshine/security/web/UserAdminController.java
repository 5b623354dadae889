package sunshine.security.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sunshine.security.CurrentActor;
import sunshine.security.Role;
import sunshine.security.UserAccount;
import sunshine.security.UserAccountException;
import sunshine.security.UserAccounts;

/**
 * The administration of accounts over HTTP (administrators only, within their region; CSRF token required):
 * <ul>
 *   <li>{@code GET /api/admin/users}: the accounts of the administrator's region and below</li>
 *   <li>{@code POST /api/admin/users} {@code {"username", "displayName", "role", "regionCode", "password"}}: creates
 *       one; without a password a random one is generated and returned once</li>
 *   <li>{@code POST /api/admin/users/{username}/password} {@code {"password"}}: sets a new password (a reset);
 *       without one a random one is generated and returned once</li>
 *   <li>{@code POST /api/admin/users/{username}/unlock}: ends a lockout</li>
 * </ul>
 * Refusals: 400 with the reason in Chinese and English; 403 outside the administrator's region.
 */
@RestController
@RequestMapping("/api/admin/users")
class UserAdminController {

    record UserJson(String username, String displayName, Role role, String roleLabel, String regionCode,
                    boolean enabled, boolean locked, Instant lockedUntil, int failedAttempts, Instant lastSignInAt,
                    Instant createdAt, String createdBy) {
        static UserJson of(UserAccount a) {
            return new UserJson(a.username(), a.displayName(), a.role(), a.role().label(), a.regionCode(),
                    a.enabled(), a.lockedAt(Instant.now()), a.lockedUntil(), a.failedAttempts(), a.lastSignInAt(),
                    a.createdAt(), a.createdBy());
        }
    }

    record CreateRequest(String username, String displayName, Role role, String regionCode, String password) {
    }

    record PasswordRequest(String password) {
    }

    /** The account, and the password when the server generated it (shown this once, never stored in clear). */
    record Created(UserJson user, String generatedPassword) {
    }

    private final UserAccounts accounts;
    private final CurrentActor current;

    UserAdminController(UserAccounts accounts, CurrentActor current) {
        this.accounts = accounts;
        this.current = current;
    }

    @GetMapping
    List<UserJson> list() {
        return accounts.list(current.get()).stream().map(UserJson::of).toList();
    }

    @PostMapping
    ResponseEntity<Created> create(@RequestBody CreateRequest request) {
        boolean generate = request.password() == null || request.password().isEmpty();
        String password = generate ? UserAccounts.randomPassword() : request.password();
        UserAccount account = accounts.create(current.get(), new UserAccounts.NewUser(request.username(),
                request.displayName(), request.role(), request.regionCode()), password);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Created(UserJson.of(account), generate ? password : null));
    }

    @PostMapping("/{username}/password")
    Map<String, String> password(@PathVariable("username") String username,
                                 @RequestBody(required = false) PasswordRequest request) {
        boolean generate = request == null || request.password() == null || request.password().isEmpty();
        String password = generate ? UserAccounts.randomPassword() : request.password();
        accounts.setPassword(current.get(), username, password);
        return generate ? Map.of("username", username, "generatedPassword", password) : Map.of("username", username);
    }

    @PostMapping("/{username}/unlock")
    UserJson unlock(@PathVariable("username") String username) {
        accounts.unlock(current.get(), username);
        return accounts.find(username).map(UserJson::of).orElseThrow();
    }

    @ExceptionHandler(UserAccountException.class)
    ResponseEntity<Map<String, Object>> refused(UserAccountException e) {
        return ResponseEntity.badRequest().body(Map.of("message", Map.of("zh", e.zh(), "en", e.en())));
    }
}
