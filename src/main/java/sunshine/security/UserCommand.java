package sunshine.security;

import java.io.PrintStream;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The {@code user} command line, for the first administrator of a new installation (the demo aside, a fresh
 * database has no account) and for an administrator locked out of the web: it acts as the platform itself, so
 * only someone with the server's command line and database may run it.
 * <ul>
 *   <li>{@code user add NAME --role ROLE --region CODE [--name DISPLAY]}: creates an account with a random password,
 *       printed once</li>
 *   <li>{@code user reset NAME}: a new random password, printed once; ends a lockout too</li>
 * </ul>
 * Exit code 0 on success, 1 when refused (the reason is printed), 2 for a wrong command line. Both changes are in
 * the audit record, by {@code system}.
 */
@Component
public class UserCommand {

    static final String USAGE = """
            usage: sunshine user add NAME --role PROVINCE|CITY|COUNTY|TOWN|VILLAGE|DISCIPLINE|AUDIT|ADMIN \\
                                          --region CODE [--name DISPLAY_NAME]
                   sunshine user reset NAME
            """;

    private final UserAccounts accounts;

    UserCommand(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** Runs the command; the arguments are those after {@code user} (Spring's own options are ignored). */
    public int run(String[] args, PrintStream out, PrintStream err) {
        String verb = null;
        String name = null;
        String role = null;
        String region = null;
        String display = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--role" -> role = args[++i];
                    case "--region" -> region = args[++i];
                    case "--name" -> display = args[++i];
                    default -> {
                        if (a.startsWith("--")) {
                            if (!a.contains("=")) {
                                throw new IllegalArgumentException("unknown option: " + a);
                            }
                        } else if (verb == null) {
                            verb = a;
                        } else if (name == null) {
                            name = a;
                        } else {
                            throw new IllegalArgumentException("unexpected argument: " + a);
                        }
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            err.println("an option lacks its value");
            err.print(USAGE);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (name == null || !("add".equals(verb) && role != null && region != null || "reset".equals(verb))) {
            err.print(USAGE);
            return 2;
        }
        String password = UserAccounts.randomPassword();
        try {
            if ("add".equals(verb)) {
                Role r;
                try {
                    r = Role.valueOf(role.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    err.println("unknown role: " + role);
                    err.print(USAGE);
                    return 2;
                }
                if (!region.matches("\\d{12}")) {
                    err.println("a region code has 12 digits: " + region);
                    return 2;
                }
                accounts.create(Actor.system(region), new UserAccounts.NewUser(name, display, r, region), password);
            } else {
                UserAccount account = accounts.find(name).orElse(null);
                if (account == null) {
                    err.println("没有这个用户 / no such user: " + name);
                    return 1;
                }
                Actor system = Actor.system(account.regionCode());
                accounts.setPassword(system, name, password);
                accounts.unlock(system, name);
            }
        } catch (UserAccountException e) {
            err.println(e.zh() + " / " + e.en());
            return 1;
        }
        out.println(name + " " + password);
        out.println("密码只显示这一次，请登录后修改 / the password is shown only now: change it after signing in");
        return 0;
    }
}
