package sunshine.ledger;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sunshine.registry.TestDatabases;

/** {@link LedgerServiceTest} on H2 (PostgreSQL mode), the embedded default. */
class LedgerServiceH2Test extends LedgerServiceTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }
}
