package sunshine.applications;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sunshine.registry.TestDatabases;

/** {@link ApplicationsTest} on H2 (PostgreSQL mode), the embedded default. */
class ApplicationsH2Test extends ApplicationsTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }
}
