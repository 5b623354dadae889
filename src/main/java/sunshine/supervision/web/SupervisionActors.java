package sunshine.supervision.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;
import sunshine.supervision.SupervisionException;

/** The actor of the current request, from the security module's {@link CurrentActor}. */
@Component
class SupervisionActors {

    private final ObjectProvider<CurrentActor> current;

    SupervisionActors(ObjectProvider<CurrentActor> current) {
        this.current = current;
    }

    Actor get() {
        CurrentActor c = current.getIfAvailable();
        Actor a = c == null ? null : c.find().orElse(null);
        if (a == null) {
            throw new SupervisionException(SupervisionException.Kind.UNAUTHENTICATED, "请先登录", "sign in first");
        }
        return a;
    }
}
