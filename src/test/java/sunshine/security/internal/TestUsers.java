package sunshine.security.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.test.web.servlet.request.RequestPostProcessor;
import sunshine.security.Actor;
import sunshine.security.Role;

/** MockMvc requests signed in as an actor, with the same principal a real sign-in gives (for any module's tests). */
public final class TestUsers {

    public static final String COUNTY = "371526000000";
    public static final String TOWN = "371526100000";
    public static final String OTHER_TOWN = "371526101000";

    private TestUsers() {
    }

    public static RequestPostProcessor as(Actor actor) {
        return user(new SignedInUser(actor.userId(), actor.displayName(), actor.role(), actor.regionCode(), true,
                null, "{noop}unused"));
    }

    public static RequestPostProcessor as(Role role, String regionCode) {
        return as(actor(role, regionCode));
    }

    public static Actor actor(Role role, String regionCode) {
        return new Actor(role.name().toLowerCase(java.util.Locale.ROOT) + "-" + regionCode, null, role, regionCode);
    }

    /** A county bureau user of the test fixtures' county, who may import. */
    public static RequestPostProcessor county() {
        return as(Role.COUNTY, COUNTY);
    }
}
