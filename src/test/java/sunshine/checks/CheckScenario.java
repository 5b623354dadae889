package sunshine.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import sunshine.registry.TestDatabases;
import sunshine.scenario.GenerateCommand;

/** The small county scenario the server's check tests import and check: generated once per test run. */
public final class CheckScenario {

    private static Path county;

    private CheckScenario() {
    }

    /** County scale, seed 3, 3,000 covered persons: every dataset of the contract, anomalies for every rule. */
    public static synchronized Path county() {
        if (county == null) {
            Path dir = TestDatabases.newDataDir().resolve("county");
            int exit = GenerateCommand.run("--scale", "county", "--seed", "3", "--covered", "3000", "--out",
                    dir.toString());
            assertThat(exit).as("generate exit code").isZero();
            county = dir;
        }
        return county;
    }
}
