package sunshine.disclosure;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sunshine.registry.TestDatabases;

/** {@link NoticeServiceTest} on PostgreSQL, in a schema of its own (publications cannot be changed there). */
@EnabledIf("sunshine.registry.TestDatabases#postgresAvailable")
class NoticeServicePostgresTest extends NoticeServiceTest {

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
