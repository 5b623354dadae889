package sunshine.ledger;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sunshine.registry.TestDatabases;

/** {@link ClueListScaleTest} on PostgreSQL, in a schema of its own. */
@EnabledIf("sunshine.registry.TestDatabases#postgresAvailable")
class ClueListScalePostgresTest extends ClueListScaleTest {

    static final Path DATA = TestDatabases.newDataDir();
    static final String SCHEMA = TestDatabases.newSchema();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, DATA, SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabases.dropSchema(SCHEMA);
    }
}
