package sunshine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static sunshine.security.internal.TestUsers.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import sunshine.registry.TestDatabases;

/**
 * Signing in and what protects the pages: the login page, redirects and 401s, lockout after five wrong passwords,
 * CSRF on forms and the JSON API, security headers, account administration.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInTest {

    static final Path DATA = TestDatabases.newDataDir();
    static final String COUNTY = "371526000000";
    static final Actor SYSTEM = Actor.system("370000000000");
    static final AtomicInteger NAMES = new AtomicInteger();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    /** A new account of a role in the county; returns its name (the password is {@link #PASSWORD}). */
    private String newUser(Role role) {
        String name = role.name().toLowerCase() + "." + NAMES.incrementAndGet();
        accounts.create(SYSTEM, new UserAccounts.NewUser(name, "测试用户", role, COUNTY), PASSWORD);
        return name;
    }

    static final String PASSWORD = "correct-horse-42";

    private List<String> auditActions(String user) {
        return jdbc.queryForList("SELECT action FROM audit_entry WHERE subject = ? ORDER BY seq", String.class,
                "user:" + user);
    }

    // ------------------------------------------------------------------ login page, redirects

    @Test
    void theLoginPageSpeaksChineseAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("登录"), containsString("用户名"),
                        containsString("name=\"_csrf\""), containsString("连续输错密码5次将锁定账户15分钟"))));
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sign in"), containsString("Username"))));
    }

    @Test
    void pagesNeedASignInAndTheApiAnswers401() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/imports")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/imports")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/admin/users")).andExpect(status().isUnauthorized());
        // an htmx fragment after the session ended: the whole page goes to the login
        mvc.perform(get("/imports/progress").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login?expired"));
        // public paths and assets need no sign-in (nothing is there yet: 404, not 401 or a redirect)
        mvc.perform(get("/public/notices")).andExpect(status().isNotFound());
        mvc.perform(get("/api/public/notices")).andExpect(status().isNotFound());
        mvc.perform(get("/sunshine.css")).andExpect(status().isOk());
        mvc.perform(get("/sunshine.js")).andExpect(status().isOk());
    }

    @Test
    void aUserSignsInIsRecordedAndSignsOut() throws Exception {
        String name = newUser(Role.COUNTY);

        MvcResult result = mvc.perform(formLogin("/login").user(name).password(PASSWORD))
                .andExpect(authenticated().withUsername(name).withRoles("COUNTY"))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        mvc.perform(get("/").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("测试用户")));
        mvc.perform(get("/api/me").session(session))
                .andExpect(jsonPath("$.username").value(name))
                .andExpect(jsonPath("$.role").value("COUNTY"))
                .andExpect(jsonPath("$.regionCode").value(COUNTY))
                .andExpect(jsonPath("$.csrfHeader").value("X-CSRF-TOKEN"));
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        assertThat(auditActions(name)).containsExactly("USER_CREATED", "SIGN_IN", "SIGN_OUT");
        assertThat(accounts.find(name).orElseThrow().lastSignInAt()).isNotNull();
    }

    // ------------------------------------------------------------------ lockout

    @Test
    void fiveWrongPasswordsLockTheAccountAndAnAdministratorUnlocksIt() throws Exception {
        String name = newUser(Role.TOWN);
        for (int i = 1; i <= 4; i++) {
            mvc.perform(formLogin("/login").user(name).password("wrong-password-" + i))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
            assertThat(accounts.find(name).orElseThrow().failedAttempts()).isEqualTo(i);
        }
        mvc.perform(formLogin("/login").user(name).password("wrong-password-5"))
                .andExpect(unauthenticated());
        UserAccount locked = accounts.find(name).orElseThrow();
        assertThat(locked.lockedAt(Instant.now())).isTrue();
        assertThat(locked.lockedUntil()).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(16 * 60));

        // locked: even the right password is refused, and the page says why
        mvc.perform(formLogin("/login").user(name).password(PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/login").param("locked", ""))
                .andExpect(content().string(containsString("账户已被临时锁定")));
        assertThat(auditActions(name)).containsExactly("USER_CREATED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
                "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "ACCOUNT_LOCKED", "SIGN_IN_FAILED");
        assertThat(jdbc.queryForObject("SELECT details FROM audit_entry WHERE subject = ? AND action = "
                + "'SIGN_IN_FAILED' ORDER BY seq DESC LIMIT 1", String.class, "user:" + name))
                .contains("\"reason\":\"LOCKED\"");

        mvc.perform(post("/api/admin/users/" + name + "/unlock").with(as(Role.ADMIN, COUNTY)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locked").value(false));
        mvc.perform(formLogin("/login").user(name).password(PASSWORD)).andExpect(authenticated());
        assertThat(auditActions(name)).endsWith("USER_UNLOCKED", "SIGN_IN");
    }

    @Test
    void anUnknownNameFailsLikeAWrongPasswordAndIsRecorded() throws Exception {
        mvc.perform(formLogin("/login").user("nobody.here").password("whatever-123"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.queryForObject("SELECT details FROM audit_entry WHERE subject = 'user:nobody.here'",
                String.class)).contains("UNKNOWN_USER");
    }

    // ------------------------------------------------------------------ CSRF, headers

    @Test
    void changesWithoutTheCsrfTokenAreRefused() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "regions.csv", "text/csv",
                "code,name,level\r\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/imports").file(file).with(as(Role.COUNTY, COUNTY)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/imports").file(file).with(as(Role.COUNTY, COUNTY)).with(csrf().useInvalidToken()
                .asHeader())).andExpect(status().isForbidden());
        // an upload's token counts only in the header: the body of a large upload is never read before the check
        mvc.perform(multipart("/api/imports").file(file).with(as(Role.COUNTY, COUNTY)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/users").with(as(Role.ADMIN, COUNTY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"x.csrf\",\"role\":\"TOWN\",\"regionCode\":\"371526100000\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(as(Role.COUNTY, COUNTY))).andExpect(status().isForbidden());
        assertThat(accounts.find("x.csrf")).isEmpty();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (var request : List.of(get("/login"), get("/").with(as(Role.COUNTY, COUNTY)),
                get("/api/imports").with(as(Role.COUNTY, COUNTY)))) {
            mvc.perform(request)
                    .andExpect(header().string("Content-Security-Policy", allOf(
                            containsString("default-src 'self'"), containsString("script-src 'self'"),
                            containsString("frame-ancestors 'none'"), containsString("object-src 'none'"))))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().string("Cache-Control", containsString("no-store")));
        }
    }

    // ------------------------------------------------------------------ accounts

    @Test
    void anAdministratorCreatesAccountsOfTheirRegionOnly() throws Exception {
        mvc.perform(post("/api/admin/users").with(as(Role.ADMIN, COUNTY)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"town.new\",\"displayName\":\"新乡镇用户\",\"role\":\"TOWN\","
                                + "\"regionCode\":\"371526100000\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.user.role").value("TOWN"))
                .andExpect(jsonPath("$.generatedPassword").isString());
        assertThat(jdbc.queryForObject("SELECT password_hash FROM user_account WHERE username = 'town.new'",
                String.class)).startsWith("{bcrypt}$2");
        // another county: refused
        mvc.perform(post("/api/admin/users").with(as(Role.ADMIN, COUNTY)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"town.other\",\"role\":\"TOWN\",\"regionCode\":\"371525100000\"}"))
                .andExpect(status().isForbidden());
        // a weak password, a taken name: 400 with the reason
        mvc.perform(post("/api/admin/users").with(as(Role.ADMIN, COUNTY)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"town.weak\",\"role\":\"TOWN\",\"regionCode\":\"371526100000\","
                                + "\"password\":\"12345\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message.zh").value(containsString("密码至少")));
        mvc.perform(post("/api/admin/users").with(as(Role.ADMIN, COUNTY)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"TOWN.NEW\",\"role\":\"TOWN\",\"regionCode\":\"371526100000\"}"))
                .andExpect(status().isBadRequest());
        // only administrators
        mvc.perform(get("/api/admin/users").with(as(Role.PROVINCE, "370000000000")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/users").with(as(Role.ADMIN, COUNTY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem("town.new")));
        assertThatThrownBy(() -> accounts.create(new Actor("c", null, Role.COUNTY, COUNTY),
                new UserAccounts.NewUser("x.by.county", null, Role.TOWN, COUNTY), PASSWORD))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aUserChangesTheirOwnPasswordKnowingTheCurrentOne() throws Exception {
        String name = newUser(Role.AUDIT);
        Actor self = accounts.find(name).orElseThrow().actor();
        // read-only roles may still change their own password
        mvc.perform(post("/api/me/password").with(as(self)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"wrong-one-123\",\"newPassword\":\"another-horse-43\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/me/password").with(as(self)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another-horse-43\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(formLogin("/login").user(name).password("another-horse-43")).andExpect(authenticated());
        assertThat(auditActions(name)).contains("PASSWORD_CHANGED");
    }
}
