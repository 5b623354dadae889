package sunshine;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** The module walls: each top-level package is a capability that uses only the others' public API. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(SunshineApplication.class,
            // the walls are about production code; tests may reach across modules to set up their fixtures
            // (ArchUnit's DoNotIncludeTests only knows target/test-classes; builds may use another directory)
            location -> !location.contains("/test-classes/"));

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theExpectedCapabilitiesAreModules() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("contract", "registry", "imports", "scenario", "demo", "web", "security", "audit");
    }
}
