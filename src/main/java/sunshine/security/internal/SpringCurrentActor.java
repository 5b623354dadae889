package sunshine.security.internal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;

/** {@link CurrentActor} from Spring Security's context: the principal of the signed-in session. */
@Component
class SpringCurrentActor implements CurrentActor {

    @Override
    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof SignedInUser user) {
            return user.actor();
        }
        throw new AccessDeniedException("nobody is signed in");
    }
}
