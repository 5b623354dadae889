package sunshine.payments;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sunshine.registry.TestDatabases;

/** {@link PaymentCycleTest} on H2 (PostgreSQL mode), the embedded default. */
class PaymentCycleH2Test extends PaymentCycleTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }
}
