package sunshine.registry;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SchemaMatchesContractTest} on H2 (PostgreSQL mode), the embedded default. */
class SchemaMatchesContractH2Test extends SchemaMatchesContractTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }
}
