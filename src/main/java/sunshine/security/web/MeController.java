package sunshine.security.web;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;
import sunshine.security.Role;
import sunshine.security.UserAccountException;
import sunshine.security.UserAccounts;

/**
 * The signed-in user over HTTP.
 * <ul>
 *   <li>{@code GET /api/me}: who is signed in, and the CSRF header and token an API client sends with every
 *       change</li>
 *   <li>{@code POST /api/me/password} {@code {"currentPassword", "newPassword"}}: changes one's own password</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/me")
class MeController {

    record MeJson(String username, String displayName, Role role, String roleLabel, String regionCode,
                  String csrfHeader, String csrfToken) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    private final CurrentActor current;
    private final UserAccounts accounts;

    MeController(CurrentActor current, UserAccounts accounts) {
        this.current = current;
        this.accounts = accounts;
    }

    @GetMapping
    MeJson me(CsrfToken csrf) {
        Actor a = current.get();
        return new MeJson(a.userId(), a.displayName(), a.role(), a.role().label(), a.regionCode(),
                csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getToken());
    }

    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange change) {
        accounts.changeOwnPassword(current.get(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(UserAccountException.class)
    ResponseEntity<Map<String, Object>> refused(UserAccountException e) {
        return ResponseEntity.badRequest().body(Map.of("message", Map.of("zh", e.zh(), "en", e.en())));
    }
}
