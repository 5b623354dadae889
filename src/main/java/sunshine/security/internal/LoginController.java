package sunshine.security.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import sunshine.security.CurrentActor;

/** The sign-in page (Chinese, English with {@code ?lang=en}); the form posts to Spring Security's {@code /login}. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LoginController {

    private final CurrentActor current;
    private final SecuritySettings settings;

    LoginController(CurrentActor current, SecuritySettings settings) {
        this.current = current;
        this.settings = settings;
    }

    @GetMapping("/login")
    String login(Model model) {
        if (current.find().isPresent()) {
            return "redirect:/";
        }
        model.addAttribute("maxFailures", settings.maxFailures());
        model.addAttribute("lockMinutes", settings.lockDuration().toMinutes());
        return "login";
    }
}
