package sunshine.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * For controller tests of other modules: every request signed in (as a plain user; the actor the services see is
 * the test's {@link TestCurrentActor}) and carrying the CSRF token, as the screens send it. Sign-in, roles and CSRF
 * themselves are tested in this module.
 */
public final class SignedInMockMvc {

    private SignedInMockMvc() {
    }

    public static MockMvc of(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .defaultRequest(get("/").with(user("tester")).with(csrf().asHeader()))
                .build();
    }
}
