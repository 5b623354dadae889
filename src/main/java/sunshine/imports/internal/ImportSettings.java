package sunshine.imports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the importer keeps its files, all under {@code sunshine.data-dir}: {@code imports/} (the archived original
 * of every accepted file), {@code reports/} (error reports), {@code tmp/} (spools and uploads while they are
 * worked on). Paths stored in {@code import_run} are relative to the data directory.
 */
@Component
public class ImportSettings {

    private final Path dataDir;
    private final int batchSize;

    public ImportSettings(@Value("${sunshine.data-dir:./data}") String dataDir,
                          @Value("${sunshine.imports.batch-size:1000}") int batchSize) {
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
        this.batchSize = batchSize;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path archiveDir() {
        return directory("imports");
    }

    public Path reportDir() {
        return directory("reports");
    }

    public Path tmpDir() {
        return directory("tmp");
    }

    /** Rows per JDBC batch. */
    public int batchSize() {
        return batchSize;
    }

    /** A path under the data directory as stored in the database: relative, with forward slashes. */
    public String relative(Path p) {
        return dataDir.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** A stored path resolved against the data directory; null stays null. */
    public Path resolve(String stored) {
        return stored == null ? null : dataDir.resolve(stored).normalize();
    }

    private Path directory(String name) {
        Path p = dataDir.resolve(name);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
