package sunshine.imports.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.contract.Column;
import sunshine.contract.ContractFileException;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.contract.DatasetReader;
import sunshine.contract.ParsedRow;
import sunshine.contract.Reason;
import sunshine.contract.RegionDirectory;
import sunshine.contract.RowError;
import sunshine.contract.ValueFormat;
import sunshine.contract.ValueParser;
import sunshine.contract.ValueType;
import sunshine.imports.ImportCompleted;
import sunshine.imports.ImportProgress.Phase;
import sunshine.imports.ImportRequestException;
import sunshine.imports.ImportResult;
import sunshine.imports.ImportStatus;
import sunshine.registry.Regions;
import sunshine.security.Actor;

/**
 * The one generic importer: imports a list of contract files (one file, or a folder in dependency order) in one
 * transaction, whole or not at all. Driven by the datasets' descriptions alone; see the package documentation
 * of {@code sunshine.imports} for what happens, in which order, and why.
 */
@Component
public class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    /** One file to import as a dataset; {@code displayName} is the name the user knows it by. */
    public record FileRequest(Dataset dataset, Path path, String displayName) {
    }

    private static final int PROGRESS_EVERY = 256;
    /** NUMERIC(14,2): 12 digits before the point, 2 after. */
    private static final int INTEGER_DIGITS = 12;
    private static final int DECIMALS = 2;

    private final DataContract contract = DataContract.standard();
    private final DataSource dataSource;
    private final PlatformTransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final RunStore runs;
    private final Regions regions;
    private final SqlChecks checks;
    private final ImportSettings settings;
    private final ProgressTracker progress;
    private final ApplicationEventPublisher events;
    private final ReentrantLock lock = new ReentrantLock(true);

    Importer(DataSource dataSource, PlatformTransactionManager transactions, JdbcTemplate jdbc, RunStore runs,
             Regions regions, SqlChecks checks, ImportSettings settings, ProgressTracker progress,
             ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.runs = runs;
        this.regions = regions;
        this.checks = checks;
        this.settings = settings;
        this.progress = progress;
        this.events = events;
    }

    /** Imports the files, in the order given (dependency order), whole or not at all. One import at a time. */
    public ImportResult run(List<FileRequest> files, String user) {
        return run(files, user, null);
    }

    /**
     * Imports the files for a user: as {@link #run(List, String)}, and the import is refused when the database
     * would then hold a region outside the user's region other than the regions above it (see
     * {@link #checkScope}); the runs record the user's region.
     *
     * @param actor the user, or null for the platform's own imports (no region check)
     */
    public ImportResult run(List<FileRequest> files, String user, Actor actor) {
        lock.lock();
        try {
            return runLocked(files, user == null || user.isBlank() ? "unknown" : user.strip(), actor);
        } finally {
            progress.stop();
            lock.unlock();
        }
    }

    private ImportResult runLocked(List<FileRequest> files, String user, Actor actor) {
        List<FileJob> jobs = new ArrayList<>();
        long total = 0;
        for (FileRequest f : files) {
            long size;
            try {
                size = Files.size(f.path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jobs.add(new FileJob(f.dataset(), f.path(), f.displayName(), size));
            total += size;
        }
        long batchId = runs.nextBatchId();
        for (FileJob job : jobs) {
            job.importId = runs.nextRunId();
        }
        progress.start(batchId, jobs.size(), total);
        OffsetDateTime started = now();

        // 1. the SM3 hash of every file: unchanged files are recognised before anything is read
        for (int i = 0; i < jobs.size(); i++) {
            FileJob job = jobs.get(i);
            progress.file(i + 1, job.name, job.dataset.name());
            try {
                job.hash = Sm3.of(job.path, progress::hashed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        // 2. load and check everything in one transaction
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition(
                TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        definition.setName("import batch " + batchId);
        TransactionStatus tx = transactions.getTransaction(definition);
        List<Path> newArchives = new ArrayList<>();
        boolean accepted;
        try {
            runs.lockImports();
            accepted = loadAndCheck(jobs, user, actor, batchId, started, newArchives);
            if (accepted) {
                transactions.commit(tx);
            } else {
                transactions.rollback(tx);
            }
        } catch (RuntimeException | Error e) {
            if (!tx.isCompleted()) {
                try {
                    transactions.rollback(tx);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            deleteQuietly(newArchives);
            recordFailure(jobs, user, actor, batchId, started, e);
            closeSpools(jobs);
            throw e;
        }

        // 3. a rejected import leaves its trace in a transaction of its own
        OffsetDateTime finished = now();
        if (!accepted) {
            for (FileJob job : jobs) {
                if (job.unchangedOf == null) {
                    job.status = ImportStatus.REJECTED;
                    job.message = job.errors() > 0
                            ? new Reason("发现" + job.errors() + "个错误，整个文件未导入（详见错误报告）",
                                    job.errors() + " errors: nothing of the file was imported (see the report)")
                            : new Reason("本文件没有错误，但同批导入的其他文件有错误，已一并撤销",
                                    "no errors in this file, but other files of the same import had errors: "
                                            + "nothing was imported");
                }
            }
            planReports(jobs);
            new TransactionTemplate(transactions).executeWithoutResult(s -> {
                for (FileJob job : jobs) {
                    runs.insert(record(job, batchId, user, actor, started, finished));
                }
                events.publishEvent(completed(jobs, batchId, ImportStatus.REJECTED, user, actor));
            });
        }

        // 4. the reports of errors and warnings
        progress.phase(Phase.REPORTING);
        Path batchCsv = null;
        Path batchXlsx = null;
        try {
            ReportWriter writer = new ReportWriter();
            for (FileJob job : jobs) {
                if (job.reportCsv != null) {
                    writer.write(List.of(job.spool), job.reportCsv, job.reportXlsx);
                }
            }
            List<FileJob> reported = jobs.stream().filter(j -> j.reportCsv != null).toList();
            if (reported.size() == 1 && jobs.size() == 1) {
                batchCsv = reported.get(0).reportCsv;
                batchXlsx = reported.get(0).reportXlsx;
            } else if (!reported.isEmpty()) {
                batchCsv = settings.reportDir().resolve("batch-" + batchId + ".csv");
                batchXlsx = settings.reportDir().resolve("batch-" + batchId + ".xlsx");
                writer.write(reported.stream().map(j -> j.spool).toList(), batchCsv, batchXlsx);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeSpools(jobs);
        }
        return result(jobs, batchId, batchCsv, batchXlsx);
    }

    /**
     * Everything inside the transaction: unchanged files, loading, SQL checks, and for an accepted import the
     * replacement bookkeeping, the archive and the run records. Returns whether the import is accepted.
     */
    private boolean loadAndCheck(List<FileJob> jobs, String user, Actor actor, long batchId,
                                 OffsetDateTime started, List<Path> newArchives) {
        long toRead = 0;
        for (FileJob job : jobs) {
            runs.currentImportWithHash(job.dataset.name(), job.hash).ifPresent(id -> job.unchangedOf = id);
            if (job.unchangedOf == null) {
                toRead += job.size;
            }
        }
        progress.phase(Phase.READING, toRead);

        Map<String, FileJob> byDataset = new LinkedHashMap<>();
        Set<String> loaded = new HashSet<>();
        for (FileJob job : jobs) {
            byDataset.put(job.dataset.name(), job);
            if (job.unchangedOf == null) {
                loaded.add(job.dataset.name());
            }
        }
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            RegionDirectory directory = null;
            Map<String, String> newRegions = null;
            long errors = 0;
            for (int i = 0; i < jobs.size(); i++) {
                FileJob job = jobs.get(i);
                if (job.unchangedOf != null) {
                    continue;
                }
                job.started = now();
                job.loaded = true;
                progress.file(i + 1, job.name, job.dataset.name());
                boolean isRegions = job.dataset.name().equals(SqlChecks.REGIONS);
                RegionDirectory dir;
                if (isRegions) {
                    // the regions file's own region columns need not be known
                    dir = regions.directory();
                } else {
                    if (directory == null) {
                        // a regions file of this import replaces the table: its codes are the directory
                        directory = newRegions != null ? RegionDirectory.of(newRegions) : regions.directory();
                    }
                    dir = directory;
                }
                Map<String, String> collected = load(con, job, dir, isRegions, errors);
                if (isRegions && collected != null) {
                    newRegions = collected;
                }
                progress.fileDone();
                if (job.complete) {
                    progress.relabel(Phase.CHECKING);
                    replace(job);
                    checks.keys(job, runs::fileName);
                    checks.references(job, target -> {
                        FileJob t = byDataset.get(target);
                        return t == null || t.unchangedOf != null || t.complete;
                    });
                    if (job.dataset.name().equals(SqlChecks.MEMBERS)) {
                        FileJob enrollments = byDataset.get(SqlChecks.ENROLLMENTS);
                        boolean enrollmentsLoaded = enrollments != null && enrollments.unchangedOf == null;
                        if (!enrollmentsLoaded || enrollments.complete) {
                            checks.membership(job, enrollmentsLoaded ? enrollments : null);
                        }
                    }
                    progress.relabel(Phase.READING);
                }
                errors = jobs.stream().mapToLong(FileJob::errors).sum();
                progress.errors(errors);
            }
            progress.phase(Phase.CHECKING);
            for (FileJob job : jobs) {
                if (job.loaded && job.complete) {
                    checks.inbound(job, loaded);
                }
            }
            errors = jobs.stream().mapToLong(FileJob::errors).sum();
            if (errors == 0 && actor != null) {
                checkScope(jobs, actor);
                errors = jobs.stream().mapToLong(FileJob::errors).sum();
            }
            progress.errors(errors);
            if (errors > 0) {
                return false;
            }

            // accepted: archive the originals, mark what they replaced, record the runs
            progress.phase(Phase.ARCHIVING);
            for (FileJob job : jobs) {
                if (!job.loaded) {
                    continue;
                }
                job.archive = archive(job, newArchives);
                String periods = job.dataset.periodColumn() == null ? null : String.join(",", job.periods);
                for (FileJob.Replaced r : job.replaced) {
                    runs.supersede(r.importId(), job.importId, periods, r.rows());
                }
                job.status = ImportStatus.IMPORTED;
                job.message = importedMessage(job);
            }
            planReports(jobs);
            OffsetDateTime finished = now();
            for (FileJob job : jobs) {
                runs.insert(record(job, batchId, user, actor, started, finished));
            }
            boolean allUnchanged = jobs.stream().allMatch(j -> j.unchangedOf != null);
            // the audit record (a listener) is written in this transaction: it commits with the import or not at all
            events.publishEvent(completed(jobs, batchId, allUnchanged ? ImportStatus.UNCHANGED : ImportStatus.IMPORTED,
                    user, actor));
            return true;
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    // ------------------------------------------------------------------ one file

    /**
     * Reads one file through the contract's reader, writing its errors to the job's spool and inserting its rows
     * until the first error (after which it only reads on, to report every bad row). For the regions file returns
     * the code and level of every row that has both (also rows with other errors, so that the rest of the import
     * is not flooded with follow-on "unknown region" errors); null when the file could not be read.
     */
    private Map<String, String> load(Connection con, FileJob job, RegionDirectory directory, boolean collectRegions,
                                     long errorsBefore) {
        Dataset d = job.dataset;
        job.spool = new ErrorSpool(settings.tmpDir(), d.columns().stream()
                .filter(c -> c.type() == ValueType.ID).map(Column::name).collect(Collectors.toSet()));
        ValueParser parser = new ValueParser(contract, directory);
        Map<String, String> regionLevels = collectRegions ? new HashMap<>() : null;
        int codeIndex = d.indexOf("code");
        int levelIndex = d.indexOf("level");
        int periodIndex = d.periodColumn() == null ? -1 : d.indexOf(d.periodColumn());
        boolean inserting = true;
        boolean readToEnd = false;
        Savepoint savepoint;
        TableLoader loader;
        try {
            savepoint = con.setSavepoint();
            loader = TableLoader.open(con, d, job.importId, settings.batchSize());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the insert into " + d.name(), e);
        }
        try (DatasetReader reader = DatasetReader.open(job.path, job.name, d, parser)) {
            List<RowError> warnings = reader.warnings();
            int warned = warnings.size();
            warnings.forEach(job.spool::warning);
            ParsedRow row;
            while ((row = reader.next()) != null) {
                job.rows++;
                Object[] values = row.values();
                List<RowError> errors = checkStorable(d, job.name, row);
                if (regionLevels != null && values[codeIndex] != null && values[levelIndex] != null) {
                    String level = values[levelIndex].toString();
                    regionLevels.put(values[codeIndex].toString(), level.intern());
                }
                if (!errors.isEmpty()) {
                    errors.forEach(job.spool::error);
                    if (inserting) {
                        inserting = false;
                        discard(loader);
                    }
                } else if (inserting) {
                    try {
                        loader.add(values, row.row());
                        if (periodIndex >= 0) {
                            job.periods.add(ValueFormat.format(ValueType.MONTH, values[periodIndex]));
                        }
                    } catch (SQLException e) {
                        inserting = false;
                        refused(con, savepoint, job, loader, e);
                    }
                }
                if (job.rows % PROGRESS_EVERY == 0) {
                    progress.current(reader.rowsRead(), reader.bytesRead());
                    progress.errors(errorsBefore + job.spool.errors());
                }
            }
            // a CSV file's encoding is final only once it is read to the end (decided at the first non-ASCII byte)
            job.format = reader.format();
            if (inserting) {
                try {
                    loader.flush();
                } catch (SQLException e) {
                    inserting = false;
                    refused(con, savepoint, job, loader, e);
                }
            }
            List<RowError> late = reader.warnings();
            for (int i = warned; i < late.size(); i++) {
                job.spool.warning(late.get(i));
            }
            progress.current(reader.rowsRead(), reader.bytesRead());
            readToEnd = true;
        } catch (ContractFileException e) {
            job.spool.error(new RowError(job.name, 0, "", "", e.reason()));
        } catch (UncheckedIOException e) {
            job.spool.error(unreadable(job, e.getCause()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // IOException of the reader (its signatures may declare any exception)
            job.spool.error(unreadable(job, e));
        } finally {
            try {
                loader.close();
            } catch (SQLException ignored) {
                // the statement is discarded with the transaction anyway
            }
        }
        job.complete = readToEnd && inserting && job.spool.errors() == 0;
        if (!readToEnd) {
            return null;
        }
        return regionLevels;
    }

    private static RowError unreadable(FileJob job, Throwable e) {
        String why = e == null ? "" : String.valueOf(e.getMessage());
        return new RowError(job.name, 0, "", "", new Reason("无法读取文件：" + why, "cannot read the file: " + why));
    }

    private static void discard(TableLoader loader) {
        try {
            loader.discard();
        } catch (SQLException ignored) {
            // nothing more is inserted from this file
        }
    }

    /** The database refused a batch (it should not, after the checks): undo the file's inserts and report it. */
    private void refused(Connection con, Savepoint savepoint, FileJob job, TableLoader loader, SQLException e) {
        log.warn("the database refused rows {} to {} of {}", loader.firstPendingRow(), loader.lastPendingRow(),
                job.name, e);
        try {
            con.rollback(savepoint);
        } catch (SQLException x) {
            e.addSuppressed(x);
            throw new IllegalStateException("cannot roll back to the savepoint of " + job.name, e);
        }
        discard(loader);
        String msg = String.valueOf(e.getMessage());
        job.spool.error(new RowError(job.name, loader.firstPendingRow(), "", "", new Reason(
                "数据库拒绝写入第" + loader.firstPendingRow() + "至" + loader.lastPendingRow() + "行之间的数据：" + msg,
                "the database refused the rows " + loader.firstPendingRow() + " to " + loader.lastPendingRow()
                        + ": " + msg)));
    }

    /**
     * The reader's errors plus what the table needs of a row: an empty ENUM cell with a default takes it; a
     * required value (or one required by a condition) must be there; money and decimals must fit NUMERIC(14,2).
     * Only adds an error for a column the reader has not already reported.
     */
    private static List<RowError> checkStorable(Dataset d, String file, ParsedRow row) {
        List<RowError> errors = row.errors();
        Object[] values = row.values();
        List<Column> columns = d.columns();
        List<RowError> extra = null;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Object v = values[i];
            if (v == null) {
                if (c.defaultValue() != null && !reported(errors, c)) {
                    values[i] = c.defaultValue();
                    continue;
                }
                boolean required = c.required();
                if (!required && c.requiredWhen() != null) {
                    int other = d.indexOf(c.requiredWhen().column());
                    required = other >= 0 && Objects.equals(String.valueOf(values[other]), c.requiredWhen().value());
                }
                if (required && !reported(errors, c)) {
                    extra = add(extra, new RowError(file, row.row(), c.name(), "", new Reason(
                            c.requiredWhen() != null && !c.required()
                                    ? c.label() + "不能为空（" + c.requiredWhen() + "时必填）"
                                    : c.label() + "不能为空",
                            c.requiredWhen() != null && !c.required()
                                    ? "missing " + c.name() + " (required when " + c.requiredWhen() + ")"
                                    : "missing required value")));
                }
            } else if ((c.type() == ValueType.MONEY || c.type() == ValueType.DECIMAL) && v instanceof BigDecimal) {
                BigDecimal s = ((BigDecimal) v).stripTrailingZeros();
                if ((s.scale() > DECIMALS || s.precision() - s.scale() > INTEGER_DIGITS) && !reported(errors, c)) {
                    extra = add(extra, new RowError(file, row.row(), c.name(), s.toPlainString(), new Reason(
                            "数值超出可保存的范围：最多" + INTEGER_DIGITS + "位整数、" + DECIMALS + "位小数",
                            "the number does not fit: at most " + INTEGER_DIGITS + " integer digits and "
                                    + DECIMALS + " decimals")));
                }
            }
        }
        if (extra == null) {
            return errors;
        }
        List<RowError> all = new ArrayList<>(errors);
        all.addAll(extra);
        return all;
    }

    private static boolean reported(List<RowError> errors, Column c) {
        for (RowError e : errors) {
            if (c.name().equals(e.column())) {
                return true;
            }
        }
        return false;
    }

    private static List<RowError> add(List<RowError> list, RowError e) {
        List<RowError> l = list == null ? new ArrayList<>() : list;
        l.add(e);
        return l;
    }

    /**
     * Deletes the rows the new file replaces: of a dataset with a period column, the rows of earlier imports in
     * the periods the file holds; of any other dataset, every row of earlier imports. Remembers whose rows went.
     * <p>
     * Works import by import through the {@code (import_id, source_row)} index, so the cost follows the earlier
     * imports' rows, not the new file's: a first import of a large file costs two index probes here (a condition
     * on the period alone made the database visit every row of the new file to read its import).
     */
    private void replace(FileJob job) {
        Dataset d = job.dataset;
        if (d.periodColumn() != null && job.periods.isEmpty()) {
            return;
        }
        // TRIM: a condition the period index cannot serve, so that the database stays on the import index (H2
        // otherwise picks the period index and visits the new file's rows of those periods too)
        String periods = d.periodColumn() == null ? "" : " AND TRIM(" + d.periodColumn() + ") IN ("
                + job.periods.stream().map(p -> "?").collect(Collectors.joining(", ")) + ")";
        for (long earlier : earlierImports(d, job.importId)) {
            List<Object> args = new ArrayList<>();
            args.add(earlier);
            args.addAll(job.periods);
            long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + d.name() + " WHERE import_id = ?" + periods,
                    Long.class, args.toArray());
            if (rows > 0) {
                job.replaced.add(new FileJob.Replaced(earlier, rows));
                jdbc.update("DELETE FROM " + d.name() + " WHERE import_id = ?" + periods, args.toArray());
            }
        }
    }

    /** The imports other than this one that have rows in the dataset's table, in order: one index probe each. */
    private List<Long> earlierImports(Dataset d, long importId) {
        List<Long> out = new ArrayList<>();
        long after = Long.MIN_VALUE;
        while (true) {
            List<Long> next = jdbc.queryForList("SELECT import_id FROM " + d.name()
                    + " WHERE import_id > ? ORDER BY import_id LIMIT 1", Long.class, after);
            if (next.isEmpty()) {
                return out;
            }
            after = next.get(0);
            if (after != importId) {
                out.add(after);
            }
        }
    }

    // ------------------------------------------------------------------ archive, records, result

    /**
     * Gzips the original file to {@code imports/<sm3>.<ext>.gz} (once per content: the name is the hash).
     * Returns the path relative to the data directory.
     */
    private String archive(FileJob job, List<Path> created) {
        String ext = extension(job.name);
        Path target = settings.archiveDir().resolve(job.hash + (ext.isEmpty() ? "" : "." + ext) + ".gz");
        if (!Files.exists(target)) {
            Path tmp = target.resolveSibling(target.getFileName() + ".part");
            try (InputStream in = Files.newInputStream(job.path);
                 OutputStream out = new FastGzip(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot archive " + job.name, e);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot archive " + job.name, e);
            }
            created.add(target);
        }
        return settings.relative(target);
    }

    /** gzip at the fastest level: archives are written once and rarely read. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    static String extension(String name) {
        String n = Path.of(name).getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Reason importedMessage(FileJob job) {
        String zh = "已导入" + job.rows + "行";
        String en = "imported " + job.rows + " rows";
        if (!job.replaced.isEmpty()) {
            String ids = job.replaced.stream().map(r -> "#" + r.importId()).collect(Collectors.joining("、"));
            String idsEn = job.replaced.stream().map(r -> "#" + r.importId()).collect(Collectors.joining(", "));
            long rows = job.replaced.stream().mapToLong(FileJob.Replaced::rows).sum();
            if (job.dataset.periodColumn() != null) {
                zh += "，替换了导入" + ids + "中" + String.join("、", job.periods) + "期间的" + rows + "行";
                en += ", replacing " + rows + " rows of import " + idsEn + " for " + String.join(", ", job.periods);
            } else {
                zh += "，替换了导入" + ids + "的全部" + rows + "行";
                en += ", replacing all " + rows + " rows of import " + idsEn;
            }
        }
        if (job.warnings() > 0) {
            zh += "；" + job.warnings() + "个警告";
            en += "; " + job.warnings() + " warnings";
        }
        return new Reason(zh, en);
    }

    /** Decides the report file names of the jobs that have something to report. */
    private void planReports(List<FileJob> jobs) {
        for (FileJob job : jobs) {
            if (job.spool != null && job.spool.entries() > 0) {
                job.reportCsv = settings.reportDir().resolve("import-" + job.importId + ".csv");
                job.reportXlsx = settings.reportDir().resolve("import-" + job.importId + ".xlsx");
            }
        }
    }

    private RunStore.RunRecord record(FileJob job, long batchId, String user, Actor actor, OffsetDateTime started,
                                      OffsetDateTime finished) {
        if (job.unchangedOf != null) {
            job.status = ImportStatus.UNCHANGED;
            job.message = new Reason("内容与当前的导入#" + job.unchangedOf + "完全相同（SM3一致），未做任何改动",
                    "same content (SM3) as the current import #" + job.unchangedOf + ": nothing changed");
        }
        Long replaced = job.replaced.isEmpty() ? null : job.replaced.get(job.replaced.size() - 1).importId();
        return new RunStore.RunRecord(job.importId, batchId, job.dataset.name(), job.name, job.size, job.hash,
                job.format, List.copyOf(job.periods), job.status, job.rows, job.errors(), job.warnings(),
                job.started != null ? job.started : started, finished, replaced, job.archive,
                job.reportCsv == null ? null : settings.relative(job.reportCsv),
                job.reportXlsx == null ? null : settings.relative(job.reportXlsx), job.message, user,
                actor == null ? null : actor.regionCode());
    }

    private void recordFailure(List<FileJob> jobs, String user, Actor actor, long batchId, OffsetDateTime started,
                               Throwable e) {
        try {
            OffsetDateTime finished = now();
            new TransactionTemplate(transactions).executeWithoutResult(s -> {
                for (FileJob job : jobs) {
                    if (job.unchangedOf == null) {
                        job.status = ImportStatus.REJECTED;
                        job.message = e instanceof ImportRequestException
                                ? ((ImportRequestException) e).reason()
                                : new Reason("导入中断，未导入任何数据：" + e, "the import failed, nothing was imported: " + e);
                        job.reportCsv = null;
                        job.reportXlsx = null;
                    }
                    job.replaced.clear();
                    job.archive = null;
                    runs.insert(record(job, batchId, user, actor, started, finished));
                }
                events.publishEvent(completed(jobs, batchId, ImportStatus.REJECTED, user, actor));
            });
        } catch (RuntimeException x) {
            e.addSuppressed(x);
        }
    }

    /**
     * An import replaces datasets for the whole database (a snapshot dataset entirely, a period dataset by period),
     * so a user may make one only when the database will hold no region outside the user's region afterwards,
     * other than the regions above it (a county's regions file names its city and province). A region of this
     * import's regions file outside it is an error of that row; one that stays from an earlier import is an error
     * of the import: the database is wider than the user's region, and its data must be imported from above.
     * Every other region column must name a region of the table, so checking the table checks them all.
     */
    private void checkScope(List<FileJob> jobs, Actor actor) {
        FileJob regionsJob = jobs.stream()
                .filter(j -> j.loaded && j.dataset.name().equals(SqlChecks.REGIONS)).findFirst().orElse(null);
        FileJob first = jobs.stream().filter(j -> j.loaded).findFirst().orElse(null);
        if (first == null) {
            return; // nothing is read: every file is unchanged
        }
        Reason outside = new Reason("区划不在您的管辖范围（" + actor.regionCode() + "）内",
                "the region lies outside your region (" + actor.regionCode() + ")");
        List<String> stay = new ArrayList<>();
        long[] stayCount = {0};
        jdbc.query("SELECT code, import_id, source_row FROM regions ORDER BY code", rs -> {
            String code = rs.getString(1);
            if (actor.relatesTo(code)) {
                return;
            }
            if (regionsJob != null && rs.getLong(2) == regionsJob.importId) {
                regionsJob.spool.error(new RowError(regionsJob.name, rs.getLong(3), "code", code, outside));
            } else {
                stayCount[0]++;
                if (stay.size() < 5) {
                    stay.add(code);
                }
            }
        });
        if (stayCount[0] > 0) {
            String examples = String.join(", ", stay) + (stayCount[0] > stay.size() ? " ..." : "");
            first.spool.error(new RowError(first.name, 0, "", "", new Reason(
                    "数据库中有" + stayCount[0] + "个区划不在您的管辖范围（" + actor.regionCode() + "）内（" + examples
                            + "）：导入会替换全库的数据，须由覆盖全库的上级导入",
                    "the database holds " + stayCount[0] + " regions outside your region (" + actor.regionCode()
                            + "): " + examples + "; an import replaces data of the whole database, so it must be "
                            + "made from a level that covers all of it")));
        }
    }

    /** The event that announces a decided import (the audit record listens). */
    private static ImportCompleted completed(List<FileJob> jobs, long batchId, ImportStatus status, String user,
                                             Actor actor) {
        List<ImportCompleted.FileOutcome> files = new ArrayList<>();
        for (FileJob job : jobs) {
            ImportStatus s = job.unchangedOf != null ? ImportStatus.UNCHANGED
                    : job.status != null ? job.status : status;
            files.add(new ImportCompleted.FileOutcome(job.importId, job.dataset.name(), job.name, s, job.rows,
                    job.errors(), job.hash == null ? "" : job.hash, List.copyOf(job.periods),
                    job.replaced.stream().map(FileJob.Replaced::importId).toList()));
        }
        return new ImportCompleted(batchId, status, user, actor, files);
    }

    private ImportResult result(List<FileJob> jobs, long batchId, Path csv, Path xlsx) {
        List<ImportResult.FileResult> files = new ArrayList<>();
        long errors = 0;
        long warnings = 0;
        boolean rejected = false;
        boolean allUnchanged = true;
        for (FileJob job : jobs) {
            errors += job.errors();
            warnings += job.warnings();
            rejected |= job.status == ImportStatus.REJECTED;
            allUnchanged &= job.status == ImportStatus.UNCHANGED;
            files.add(new ImportResult.FileResult(job.importId, job.name, job.dataset.name(), job.status, job.format,
                    job.hash, List.copyOf(job.periods), job.rows, job.errors(), job.warnings(),
                    job.replaced.stream().map(FileJob.Replaced::importId).toList(), job.reportCsv, job.reportXlsx,
                    job.message));
        }
        ImportStatus status = rejected ? ImportStatus.REJECTED
                : allUnchanged ? ImportStatus.UNCHANGED : ImportStatus.IMPORTED;
        long rows = jobs.stream().mapToLong(j -> j.rows).sum();
        Reason message;
        switch (status) {
            case REJECTED:
                message = new Reason("导入被拒绝：共发现" + errors + "个错误，未导入任何数据（详见错误报告）",
                        "import rejected: " + errors + " errors, nothing was imported (see the report)");
                break;
            case UNCHANGED:
                message = new Reason("内容与当前数据完全相同，未做任何改动", "same content as the current data: nothing changed");
                break;
            default:
                long imported = jobs.stream().filter(j -> j.status == ImportStatus.IMPORTED).count();
                message = new Reason("已导入" + imported + "个文件，共" + rows + "行"
                        + (warnings > 0 ? "；" + warnings + "个警告" : ""),
                        "imported " + imported + " files, " + rows + " rows"
                                + (warnings > 0 ? "; " + warnings + " warnings" : ""));
        }
        return new ImportResult(batchId, status, files, errors, warnings, csv, xlsx, message);
    }

    private static void closeSpools(List<FileJob> jobs) {
        for (FileJob job : jobs) {
            if (job.spool != null) {
                job.spool.close();
            }
        }
    }

    private static void deleteQuietly(List<Path> paths) {
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // an archive of a file that was not imported: harmless
            }
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
