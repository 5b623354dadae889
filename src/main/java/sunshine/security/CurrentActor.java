package sunshine.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * The actor of the current request: the signed-in user. Controllers of every module ask this (a bean of the
 * security module) and pass the {@link Actor} on to their services, which scope every query by it.
 */
public interface CurrentActor {

    /**
     * @throws org.springframework.security.access.AccessDeniedException when nobody is signed in
     */
    Actor get();

    /** The signed-in actor, or empty when nobody is (public pages, the login page). */
    default Optional<Actor> find() {
        try {
            return Optional.of(get());
        } catch (AccessDeniedException e) {
            return Optional.empty();
        }
    }
}
