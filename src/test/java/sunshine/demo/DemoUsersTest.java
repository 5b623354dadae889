package sunshine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.test.context.DynamicPropertySource;
import sunshine.registry.TestDatabases;
import sunshine.security.Role;
import sunshine.security.UserAccount;
import sunshine.security.UserAccounts;

/** The demo accounts: one per role, scoped to the demo county, random passwords shown once, created once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DemoUsersTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    @Autowired
    UserAccounts accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private DemoUsers demo(String url) {
        return new DemoUsers(accounts, transactions, DATA, url);
    }

    @Test
    void createdOnceWithRandomPasswordsThatSignIn() throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // production: never
            demo("jdbc:postgresql://db/sunshine").createOnFirstStart();
            assertThat(accounts.any()).isFalse();

            demo("jdbc:h2:file:" + DATA.resolve("sunshine")).createOnFirstStart();
        } finally {
            System.setOut(console);
        }

        Map<Role, UserAccount> byRole = DemoUsers.ACCOUNTS.stream()
                .map(d -> accounts.find(d.username()).orElseThrow())
                .collect(Collectors.toMap(UserAccount::role, a -> a));
        assertThat(byRole).containsOnlyKeys(Role.values());
        assertThat(byRole.get(Role.PROVINCE).regionCode()).isEqualTo("370000000000");
        assertThat(byRole.get(Role.CITY).regionCode()).isEqualTo("371500000000");
        assertThat(byRole.get(Role.COUNTY).regionCode()).isEqualTo("371526000000");
        assertThat(byRole.get(Role.TOWN).regionCode()).startsWith("371526").isNotEqualTo("371526000000");
        assertThat(byRole.get(Role.VILLAGE).regionCode()).startsWith(byRole.get(Role.TOWN).regionCode()
                .substring(0, 9));
        assertThat(byRole.get(Role.DISCIPLINE).regionCode()).isEqualTo("371526000000");
        assertThat(byRole.get(Role.AUDIT).regionCode()).isEqualTo("371526000000");

        // the passwords: printed, written to data/demo-users.txt (owner only), each signs its account in
        Path file = DATA.resolve("demo-users.txt");
        List<String> lines = Files.readAllLines(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String console1 = printed.toString(StandardCharsets.UTF_8);
        java.util.Set<String> passwords = new java.util.HashSet<>();
        for (DemoUsers.Demo d : DemoUsers.ACCOUNTS) {
            String line = lines.stream().filter(l -> l.startsWith(d.username() + " ")).findFirst().orElseThrow();
            String password = line.split("\\s+")[1];
            assertThat(password).hasSize(16);
            assertThat(console1).contains(line);
            assertThat(encoder.matches(password, users.loadUserByUsername(d.username()).getPassword())).isTrue();
            passwords.add(password);
        }
        assertThat(passwords).hasSize(DemoUsers.ACCOUNTS.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'USER_CREATED'",
                Long.class)).isEqualTo(DemoUsers.ACCOUNTS.size());

        // the second start: nothing is created, nothing printed, the file stays
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        System.setOut(new PrintStream(again, true, StandardCharsets.UTF_8));
        try {
            demo("jdbc:h2:file:" + DATA.resolve("sunshine")).createOnFirstStart();
        } finally {
            System.setOut(console);
        }
        assertThat(again.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.readAllLines(file)).isEqualTo(lines);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_account", Long.class))
                .isEqualTo(DemoUsers.ACCOUNTS.size());
    }
}
