package sunshine.registry;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RegistrySourcesTest} on H2 (PostgreSQL mode), the embedded default. */
class RegistrySourcesH2Test extends RegistrySourcesTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }
}
