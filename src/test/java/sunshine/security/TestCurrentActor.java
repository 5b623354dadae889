package sunshine.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * For tests of other modules' services and controllers: the signed-in actor is whoever the test sets (registered
 * as a {@code @Primary} bean, it stands in for the security module's). Like the real one, it refuses when nobody
 * is signed in.
 */
public class TestCurrentActor implements CurrentActor {

    private volatile Actor actor;

    public TestCurrentActor() {
    }

    public TestCurrentActor(Actor initial) {
        this.actor = initial;
    }

    @Override
    public Actor get() {
        Actor a = actor;
        if (a == null) {
            throw new AccessDeniedException("nobody is signed in");
        }
        return a;
    }

    public void set(Actor a) {
        actor = a;
    }
}
