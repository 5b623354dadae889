package sunshine.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import sunshine.imports.ImportResult;
import sunshine.imports.ImportService;
import sunshine.scenario.GenerateCommand;

/**
 * Loads the generated demo county into an empty embedded database after the server has started, in the background,
 * so the pages answer (and show the import's progress) while it loads.
 */
@Component
@ConditionalOnProperty(name = "sunshine.demo.load", havingValue = "true")
class DemoCountyLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoCountyLoader.class);
    static final String SEED = "1";

    private final ImportService imports;
    private final Path dataDir;
    private final String datasourceUrl;

    DemoCountyLoader(ImportService imports, @Value("${sunshine.data-dir}") Path dataDir,
                     @Value("${spring.datasource.url}") String datasourceUrl) {
        this.imports = imports;
        this.dataDir = dataDir;
        this.datasourceUrl = datasourceUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenEmpty() {
        if (!datasourceUrl.startsWith("jdbc:h2:")) {
            log.info("demo county not loaded: the database is not the embedded one");
            return;
        }
        if (!imports.recentRuns(1).isEmpty()) {
            return;
        }
        Thread loader = new Thread(this::load, "demo-county");
        loader.setDaemon(true);
        loader.start();
    }

    private void load() {
        try {
            Path dir = dataDir.resolve("demo").resolve("county-seed-" + SEED);
            if (!Files.isRegularFile(dir.resolve("scenario.txt"))) {
                log.info("生成演示县数据 generating the demo county into {}", dir.toAbsolutePath());
                int exit = GenerateCommand.run("--scale", "county", "--seed", SEED, "--out", dir.toString());
                if (exit != 0) {
                    log.error("the demo county could not be generated (exit code {})", exit);
                    return;
                }
            }
            log.info("导入演示县数据 importing the demo county from {}", dir.toAbsolutePath());
            ImportResult result = imports.importFolder(dir, "demo");
            log.info("{} / {}", result.message().zh(), result.message().en());
        } catch (RuntimeException e) {
            log.error("the demo county could not be loaded", e);
        }
    }
}
