package sunshine;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableAsync;
import sunshine.imports.ImportCommand;
import sunshine.security.UserCommand;

/**
 * Sunshine's single entry point. The first argument names the job; without one the server starts.
 * Jobs that need no database (generate, check) run without starting Spring at all.
 */
@SpringBootApplication
@EnableAsync
public class SunshineApplication {

    static final String USAGE = """
            Sunshine 阳光 — supervision of civil-affairs funds

            usage: sunshine [command] [options]
              serve                         start the server (default); the first start on the embedded
                                            database loads a generated demo county
              generate --scale county|city|province --seed N --out DIR [--period 2026-10] [--lookback 12] [--covered N]
                                            write a scenario: every dataset of the data contract + ground_truth.csv
              import --data DIR | --file FILE [--dataset NAME] [--user NAME]
                                            import a folder of contract files, whole or not at all
              check --data DIR --period 2026-10 [--lookback 12] [--param NAME=VALUE ...] [--rules A01,C01] --out DIR
                                            run the cross-check rules on a folder of contract files; writes
                                            clues.csv, summaries (CSV and XLSX) and parameters.csv into DIR
              user add NAME --role ROLE --region CODE [--name DISPLAY_NAME]
                                            create an account (the first administrator of a new installation);
                                            prints a random password once
              user reset NAME               a new random password for an account, printed once; ends a lockout
              help                          this text

            database: the embedded H2 file under ./data by default; --spring.profiles.active=postgres with
            SUNSHINE_DB_URL / SUNSHINE_DB_USER / SUNSHINE_DB_PASSWORD for PostgreSQL.
            """;

    public static void main(String[] args) {
        String command = args.length == 0 || args[0].startsWith("--") ? "serve" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("--") ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "serve" -> serve(rest);
            case "generate" -> System.exit(sunshine.scenario.GenerateCommand.run(rest));
            case "import" -> System.exit(importData(rest));
            case "check" -> System.exit(sunshine.checks.CheckCommand.run(rest));
            case "user" -> System.exit(users(rest));
            case "help", "-h" -> System.out.print(USAGE);
            default -> {
                System.err.println("unknown command: " + command);
                System.err.print(USAGE);
                System.exit(2);
            }
        }
    }

    /** The server; on the embedded database its first start loads the demo county (see sunshine.demo). */
    private static void serve(String[] args) {
        SpringApplication app = new SpringApplication(SunshineApplication.class);
        app.setDefaultProperties(Map.of("sunshine.demo.load", "true"));
        app.run(args);
    }

    /** The import command, in a Spring context without a web server. */
    private static int importData(String[] args) {
        SpringApplication app = new SpringApplication(SunshineApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(Map.of("logging.level.root", "WARN", "logging.level.org.flywaydb", "WARN"));
        String[] springArgs = Arrays.stream(args).filter(SunshineApplication::isSpringOption).toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(springArgs)) {
            return context.getBean(ImportCommand.class).run(args, System.out, System.err);
        }
    }

    /** The user command, in a Spring context without a web server. */
    private static int users(String[] args) {
        try (ConfigurableApplicationContext context = quiet().run(
                Arrays.stream(args).filter(SunshineApplication::isSpringOption).toArray(String[]::new))) {
            return context.getBean(UserCommand.class).run(args, System.out, System.err);
        }
    }

    private static SpringApplication quiet() {
        SpringApplication app = new SpringApplication(SunshineApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(Map.of("logging.level.root", "WARN", "logging.level.org.flywaydb", "WARN"));
        return app;
    }

    private static boolean isSpringOption(String arg) {
        return arg.startsWith("--spring.") || arg.startsWith("--sunshine.") || arg.startsWith("--logging.")
                || arg.startsWith("--server.");
    }
}
