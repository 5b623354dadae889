package sunshine.imports;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import sunshine.imports.ImportResult.FileResult;

/**
 * The {@code import} command line: {@code import --data DIR} imports a folder of contract files whole or not at
 * all; {@code import --file F [--dataset D]} one file. Progress goes to stderr every few seconds, the outcome of
 * each file and where the error report is to stdout. Exit code 0 when the data is in the database (imported or
 * unchanged), 1 when it was rejected, 2 for a wrong command line.
 */
@Component
public class ImportCommand {

    static final String USAGE = """
            usage: sunshine import --data DIR [--user NAME]
                   sunshine import --file FILE [--dataset NAME] [--user NAME]
            """;

    private final ImportService imports;

    ImportCommand(ImportService imports) {
        this.imports = imports;
    }

    /** Runs the command; the arguments are those after {@code import} (Spring's own --x=y options are ignored). */
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "import-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> printProgress(err), 2, 5, TimeUnit.SECONDS);
        ImportResult result;
        try {
            result = options.folder != null
                    ? imports.importFolder(options.folder, options.user)
                    : imports.importFile(options.file, null, Optional.ofNullable(options.dataset), options.user);
        } catch (ImportRequestException e) {
            err.println(e.reason().zh() + " / " + e.reason().en());
            return 2;
        } finally {
            ticker.shutdownNow();
        }
        print(result, out);
        return result.accepted() ? 0 : 1;
    }

    private void printProgress(PrintStream err) {
        ImportProgress p = imports.progress();
        if (!p.running()) {
            return;
        }
        long seconds = p.startedAt() == null ? 0 : Duration.between(p.startedAt(), Instant.now()).toSeconds();
        err.printf(Locale.ROOT, "[%4ds] %-9s file %d/%d %s: %,d rows, %,d MB of %,d MB (%.0f%%), %,d errors%n",
                seconds, p.phase(), p.fileNumber(), p.fileCount(), p.file() == null ? "" : p.file(), p.rowsRead(),
                p.bytesRead() >> 20, p.totalBytes() >> 20, p.fraction() * 100, p.errors());
    }

    static void print(ImportResult result, PrintStream out) {
        for (FileResult f : result.files()) {
            out.printf(Locale.ROOT, "%-9s %-24s %-28s %,12d rows %,8d errors %,6d warnings%n", f.status(),
                    f.dataset(), f.file(), f.rows(), f.errors(), f.warnings());
        }
        out.println(result.message().zh());
        out.println(result.message().en());
        if (result.reportCsv() != null) {
            out.println("报告 report: " + result.reportCsv().toAbsolutePath());
            out.println("             " + result.reportXlsx().toAbsolutePath());
        }
    }

    /** The command line, parsed. */
    record Options(Path folder, Path file, String dataset, String user) {

        static Options parse(String[] args) {
            Path folder = null;
            Path file = null;
            String dataset = null;
            String user = System.getProperty("user.name", "cli");
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("--spring.") || a.startsWith("--sunshine.") || a.startsWith("--logging.")) {
                    continue;
                }
                switch (a) {
                    case "--data" -> folder = Path.of(value(args, ++i, a));
                    case "--file" -> file = Path.of(value(args, ++i, a));
                    case "--dataset" -> dataset = value(args, ++i, a);
                    case "--user" -> user = value(args, ++i, a);
                    default -> unknown.add(a);
                }
            }
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("未知参数 unknown option: " + String.join(" ", unknown));
            }
            if ((folder == null) == (file == null)) {
                throw new IllegalArgumentException("请给出 --data 文件夹 或 --file 文件（二选一） / "
                        + "give either --data DIR or --file FILE");
            }
            if (dataset != null && file == null) {
                throw new IllegalArgumentException("--dataset 只能与 --file 一起使用 / --dataset goes with --file");
            }
            return new Options(folder, file, dataset, user);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(option + " 缺少值 / needs a value");
            }
            return args[i];
        }
    }
}
