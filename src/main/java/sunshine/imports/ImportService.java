package sunshine.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import sunshine.contract.ContractFolder;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.contract.Reason;
import sunshine.imports.internal.ImportSettings;
import sunshine.imports.internal.Importer;
import sunshine.imports.internal.ProgressTracker;
import sunshine.imports.internal.RunStore;
import sunshine.registry.Regions;
import sunshine.security.Actor;

/**
 * Imports contract files into the registry tables: one file, or a whole folder in one transaction. See the
 * package documentation for what is checked, how files replace earlier imports and what is kept for audit.
 * Imports run one at a time; {@link #progress()} may be polled from any thread while one runs.
 */
@Service
public class ImportService {

    private static final List<String> EXTENSIONS = List.of("csv", "xlsx", "xls");

    private final DataContract contract = DataContract.standard();
    private final Importer importer;
    private final ProgressTracker progress;
    private final RunStore runs;
    private final ImportSettings settings;
    private final Regions regions;

    ImportService(Importer importer, ProgressTracker progress, RunStore runs, ImportSettings settings,
                  Regions regions) {
        this.regions = regions;
        this.importer = importer;
        this.progress = progress;
        this.runs = runs;
        this.settings = settings;
    }

    /**
     * Imports one file as a dataset, whole or not at all.
     *
     * @param file        the file (CSV in UTF-8 or GB18030, XLSX, XLS)
     * @param displayName the name the user knows it by (reports and records use it), e.g. the uploaded file name
     * @param datasetName the dataset; when empty, taken from the file name {@code <dataset>.csv|xlsx|xls}
     * @param user        who imports it
     * @throws ImportRequestException when the file does not exist or the dataset is unknown
     */
    public ImportResult importFile(Path file, String displayName, Optional<String> datasetName, String user) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new ImportRequestException(new Reason("文件不存在：" + file, "no such file: " + file));
        }
        String name = displayName == null || displayName.isBlank() ? file.getFileName().toString() : displayName;
        Dataset dataset = datasetName.filter(s -> !s.isBlank())
                .map(s -> dataset(s.strip()))
                .orElseGet(() -> datasetOfFileName(name));
        return importer.run(List.of(new Importer.FileRequest(dataset, file, name)), user);
    }

    /**
     * Imports every contract file of a folder ({@code <dataset>.csv|xlsx|xls}; other files are ignored), in
     * dependency order, in one transaction: the folder is imported whole or not at all.
     *
     * @throws ImportRequestException when the folder does not exist or holds no contract file
     */
    public ImportResult importFolder(Path dir, String user) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ImportRequestException(new Reason("文件夹不存在：" + dir, "no such folder: " + dir));
        }
        Map<Dataset, Path> found = ContractFolder.find(dir, contract);
        if (found.isEmpty()) {
            throw new ImportRequestException(new Reason(
                    "文件夹中没有数据文件（应为“数据集名.csv/xlsx/xls”，如payments.csv）：" + dir,
                    "no contract file in the folder (expected <dataset>.csv|xlsx|xls, such as payments.csv): " + dir));
        }
        List<Importer.FileRequest> files = new ArrayList<>();
        found.forEach((dataset, path) -> files.add(
                new Importer.FileRequest(dataset, path, path.getFileName().toString())));
        return importer.run(files, user);
    }

    /**
     * Imports an uploaded file: its content is stored in a temporary file (never held in memory), imported as
     * {@link #importFile} does, and deleted.
     *
     * @param content  the upload's bytes
     * @param fileName the name the user's file has (only its last path element is used)
     * @param datasetName the dataset; when empty, taken from the file name
     * @throws ImportRequestException when the dataset cannot be told (before anything is stored)
     */
    public ImportResult importUpload(InputStream content, String fileName, Optional<String> datasetName, String user)
            throws IOException {
        return upload(content, fileName, datasetName, user, null);
    }

    /**
     * Imports an uploaded file for a signed-in user, as {@link #importUpload(InputStream, String, Optional, String)}
     * does, when the user may: their role may import ({@link sunshine.security.Role#mayImport()}), and the database
     * will hold no region outside their region other than the regions above it (an import replaces data of the
     * whole database; a row of the regions file outside the region is an error of that row). The run records the
     * user's region.
     *
     * @throws AccessDeniedException when the user's role may not import
     */
    public ImportResult importUpload(InputStream content, String fileName, Optional<String> datasetName, Actor actor)
            throws IOException {
        if (actor == null || !actor.role().mayImport()) {
            throw new AccessDeniedException("the role may not import: " + (actor == null ? null : actor.role()));
        }
        return upload(content, fileName, datasetName, actor.userId(), actor);
    }

    private ImportResult upload(InputStream content, String fileName, Optional<String> datasetName, String user,
                                Actor actor) throws IOException {
        String name = fileName == null || fileName.isBlank()
                ? "upload" : Path.of(fileName.replace('\\', '/')).getFileName().toString();
        Dataset dataset = datasetName.filter(s -> !s.isBlank())
                .map(s -> dataset(s.strip()))
                .orElseGet(() -> datasetOfFileName(name));
        String ext = extension(name);
        Path tmp = settings.tmpDir().resolve("upload-" + UUID.randomUUID() + (ext.isEmpty() ? "" : "." + ext));
        try {
            Files.copy(content, tmp);
            return importer.run(List.of(new Importer.FileRequest(dataset, tmp, name)), user, actor);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** What the running import is doing, or {@link ImportProgress#idle()}. */
    public ImportProgress progress() {
        return progress.snapshot();
    }

    /** The most recent import runs, newest first. */
    public List<ImportRun> recentRuns(int limit) {
        return runs.recent(Math.max(1, Math.min(limit, 10_000)));
    }

    /** One import run. */
    public Optional<ImportRun> run(long id) {
        return runs.find(id);
    }

    /**
     * The most recent import runs an actor may see, newest first: the platform's own (command line, demo: the
     * whole database), those made within the actor's region, and those made for a region above it (a county's
     * import holds its towns' data).
     */
    public List<ImportRun> recentRuns(Actor actor, int limit) {
        return runs.recent(actor, Math.max(1, Math.min(limit, 10_000)));
    }

    /** One import run, if the actor may see it (see {@link #recentRuns(Actor, int)}). */
    public Optional<ImportRun> run(Actor actor, long id) {
        return runs.find(actor, id);
    }

    /**
     * Which runs' error reports an actor may download. A report holds rows of the imported file (ID numbers
     * masked, names and amounts not), so: roles that may import, and audit and discipline inspection; and only
     * reports of imports made within the actor's region, or for the platform's own imports (which concern the whole
     * database) only when the actor's region covers the whole database. Reads the regions once: make one per
     * request.
     */
    public Predicate<ImportRun> reportAccess(Actor actor) {
        if (!(actor.role().mayImport() || actor.role().readOnly())) {
            return run -> false;
        }
        Boolean[] known = {null};
        return run -> {
            if (run.regionCode() != null) {
                return actor.canSee(run.regionCode());
            }
            if (known[0] == null) {
                known[0] = regions.levels().keySet().stream().allMatch(actor::relatesTo);
            }
            return known[0];
        };
    }

    /**
     * The error report of a run (CSV or XLSX), for an actor who may see it (see {@link #reportAccess(Actor)}).
     *
     * @return empty when there is no such run (for this actor) or it has no report
     * @throws AccessDeniedException when the actor may see the run but not its report
     */
    public Optional<Path> report(Actor actor, long id, boolean xlsx) {
        Optional<ImportRun> run = run(actor, id);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        if (!reportAccess(actor).test(run.get())) {
            throw new AccessDeniedException("the actor may not read the error report of import " + id);
        }
        return Optional.ofNullable(xlsx ? run.get().reportXlsx() : run.get().reportCsv());
    }

    /** The dataset a file name stands for: {@code payments.csv} is payments. */
    public Optional<Dataset> datasetOf(String fileName) {
        String n = Path.of(fileName).getFileName().toString().strip();
        int dot = n.lastIndexOf('.');
        if (dot <= 0 || !EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String base = n.substring(0, dot).strip().toLowerCase(Locale.ROOT);
        return contract.hasDataset(base) ? Optional.of(contract.dataset(base)) : Optional.empty();
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.matches("[a-z0-9]{1,8}") ? ext : "";
    }

    private Dataset datasetOfFileName(String name) {
        return datasetOf(name).orElseThrow(() -> new ImportRequestException(new Reason(
                "无法从文件名“" + name + "”识别数据集：文件应命名为“数据集名.csv/xlsx/xls”（如payments.csv），或指定数据集",
                "cannot tell the dataset from the file name \"" + name
                        + "\": name it <dataset>.csv|xlsx|xls (such as payments.csv) or give the dataset")));
    }

    private Dataset dataset(String name) {
        if (!contract.hasDataset(name)) {
            throw new ImportRequestException(new Reason("未知的数据集：" + name, "unknown dataset: " + name));
        }
        return contract.dataset(name);
    }
}
