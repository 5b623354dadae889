package sunshine.applications.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import sunshine.applications.ApplicationException;
import sunshine.contract.Reason;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;

/** The actor of the current request, from the security module's {@link CurrentActor}. */
@Component("applicationActors")
class Actors {

    private final ObjectProvider<CurrentActor> current;

    Actors(ObjectProvider<CurrentActor> current) {
        this.current = current;
    }

    Actor get() {
        CurrentActor c = current.getIfAvailable();
        Actor a = c == null ? null : c.find().orElse(null);
        if (a == null) {
            throw new ApplicationException(ApplicationException.Kind.UNAUTHENTICATED, new Reason("请先登录", "sign in first"));
        }
        return a;
    }
}
