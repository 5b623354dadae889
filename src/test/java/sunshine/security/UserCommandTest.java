package sunshine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sunshine.registry.TestDatabases;

/** The first administrator of a new installation, and a locked-out one, from the command line. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class UserCommandTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    @Autowired
    UserCommand command;
    @Autowired
    UserAccounts accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printedPassword(String name) {
        String line = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(name + " "))
                .findFirst().orElseThrow();
        return line.substring(name.length() + 1);
    }

    @Test
    void addsAnAdministratorAndResetsALockedOne() {
        assertThat(run("add", "first.admin", "--role", "admin", "--region", "370000000000", "--name", "管理员"))
                .isZero();
        String password = printedPassword("first.admin");
        assertThat(encoder.matches(password, users.loadUserByUsername("first.admin").getPassword())).isTrue();
        assertThat(accounts.find("first.admin").orElseThrow().role()).isEqualTo(Role.ADMIN);

        jdbc.update("UPDATE user_account SET locked_until = ? WHERE username = 'first.admin'",
                java.time.OffsetDateTime.now().plusMinutes(10));
        assertThat(run("reset", "first.admin")).isZero();
        String next = printedPassword("first.admin");
        assertThat(next).isNotEqualTo(password);
        assertThat(encoder.matches(next, users.loadUserByUsername("first.admin").getPassword())).isTrue();
        assertThat(accounts.find("first.admin").orElseThrow().lockedAt(Instant.now())).isFalse();
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE subject = 'user:first.admin' "
                + "ORDER BY seq", String.class)).containsExactly("USER_CREATED", "PASSWORD_SET", "USER_UNLOCKED");
    }

    @Test
    void refusesWhatItCannotDo() {
        assertThat(run("add", "x.y")).isEqualTo(2);
        assertThat(run("add", "x.y", "--role", "KING", "--region", "370000000000")).isEqualTo(2);
        assertThat(run("add", "x.y", "--role", "TOWN", "--region", "3700")).isEqualTo(2);
        assertThat(run("reset", "no.such.user")).isEqualTo(1);
        assertThat(run("add", "a", "--role", "TOWN", "--region", "371526100000")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a username has 3 to 64");
    }
}
