package sunshine.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.security.Actor;
import sunshine.security.Role;
import sunshine.security.UserAccounts;

/**
 * On the first start of the server with the demo county (the embedded database, no account yet), creates one demo
 * account per role, scoped to the demo county's regions, through {@link UserAccounts} like any other account. Each
 * gets a random password, printed once to the console and written to {@code data/demo-users.txt} (readable by the
 * owner only); nothing is hard-coded and nothing is created again on later starts.
 */
@Component
@ConditionalOnProperty(name = "sunshine.demo.load", havingValue = "true")
class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    static final String PROVINCE = "370000000000";   // 山东省
    static final String CITY = "371500000000";       // 聊城市
    static final String COUNTY = "371526000000";     // 高唐县, the demo county (seed 1)
    static final String TOWN = "371526001000";       // 鱼邱湖街道, a town of it
    static final String VILLAGE = "371526001001";    // 鱼丘湖社区居委会, a village of that town

    /** One demo account. */
    record Demo(String username, String displayName, Role role, String regionCode) {
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("demo.province", "省厅演示用户", Role.PROVINCE, PROVINCE),
            new Demo("demo.city", "市局演示用户", Role.CITY, CITY),
            new Demo("demo.county", "县局演示用户", Role.COUNTY, COUNTY),
            new Demo("demo.town", "街道演示用户", Role.TOWN, TOWN),
            new Demo("demo.village", "社区演示用户", Role.VILLAGE, VILLAGE),
            new Demo("demo.discipline", "县纪委监委演示用户", Role.DISCIPLINE, COUNTY),
            new Demo("demo.audit", "县审计局演示用户", Role.AUDIT, COUNTY),
            new Demo("demo.admin", "系统管理员（演示）", Role.ADMIN, PROVINCE));

    private final UserAccounts accounts;
    private final TransactionTemplate transaction;
    private final Path dataDir;
    private final String datasourceUrl;

    DemoUsers(UserAccounts accounts, PlatformTransactionManager transactions,
              @Value("${sunshine.data-dir}") Path dataDir, @Value("${spring.datasource.url}") String datasourceUrl) {
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(transactions);
        this.dataDir = dataDir;
        this.datasourceUrl = datasourceUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createOnFirstStart() {
        if (!datasourceUrl.startsWith("jdbc:h2:")) {
            return; // never on the production database
        }
        if (accounts.any()) {
            return; // not the first start: the accounts exist (their passwords were shown then)
        }
        List<String> lines = create(System.out);
        Path file = dataDir.resolve("demo-users.txt");
        try {
            Files.createDirectories(dataDir);
            Files.write(file, lines, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
        } catch (IOException e) {
            log.error("the demo accounts could not be written to {}", file.toAbsolutePath(), e);
        }
    }

    /** Creates the accounts (all or none) and prints them; returns the lines printed. */
    List<String> create(PrintStream out) {
        Actor system = Actor.system(PROVINCE);
        List<String> lines = new ArrayList<>();
        lines.add("阳光 Sunshine — 演示账户 demo accounts (created once; passwords shown only now)");
        lines.add(String.format("%-18s %-18s %-12s %s", "username", "password", "role", "region"));
        transaction.executeWithoutResult(s -> {
            for (Demo d : ACCOUNTS) {
                String password = UserAccounts.randomPassword();
                accounts.create(system, new UserAccounts.NewUser(d.username(), d.displayName(), d.role(),
                        d.regionCode()), password);
                lines.add(String.format("%-18s %-18s %-12s %s", d.username(), password, d.role(), d.regionCode()));
            }
        });
        out.println();
        out.println("=".repeat(78));
        lines.forEach(out::println);
        out.println("(also in " + dataDir.resolve("demo-users.txt").toAbsolutePath() + ")");
        out.println("=".repeat(78));
        out.println();
        return lines;
    }
}
