package sunshine.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;

/** Every page knows who is signed in ({@code me}, null on the public pages): the header shows it. */
@ControllerAdvice
class CurrentUserAdvice {

    private final CurrentActor current;

    CurrentUserAdvice(CurrentActor current) {
        this.current = current;
    }

    @ModelAttribute("me")
    Actor me() {
        return current.find().orElse(null);
    }
}
