package sunshine.checks;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sunshine.checks.output.CheckOutput;
import sunshine.checks.source.FolderSource;
import sunshine.contract.ContractFileException;
import sunshine.contract.RowError;

/**
 * The {@code check} command line (runs without Spring):
 * <pre>
 * sunshine check --data DIR --period 2026-10 [--lookback 12] [--param NAME=VALUE ...] [--rules A01,C01] --out DIR
 * </pre>
 * Reads the folder's contract files, runs the rules, writes clues.csv, summary_by_rule.csv, summary_by_town.csv,
 * summary.xlsx and parameters.csv into the output folder. Progress goes to stderr, the outcome to stdout. Exit code
 * 0 when the check ran (with or without clues), 1 when the input was refused (missing dataset, bad rows: each named
 * by file, row, column), 2 for a wrong command line or parameter.
 */
public final class CheckCommand {

    static final String USAGE = """
            usage: sunshine check --data DIR --period 2026-10 [--lookback 12] [--param NAME=VALUE ...]
                                  [--rules A01,C01] --out DIR
              --data DIR       a folder of contract files (<dataset>.csv / .xlsx / .xls)
              --period YYYY-MM the check month P
              --lookback N     months of the window W ending at P (default 12)
              --param N=V      override a parameter, e.g. --param A02.enterprise_capital=50000 (repeatable)
              --rules LIST     run only these rules (default: all)
              --out DIR        where clues.csv, summary_by_rule.csv, summary_by_town.csv, summary.xlsx and
                               parameters.csv are written
            """;

    /** Errors listed on stderr before "... and N more". */
    static final int ERRORS_SHOWN = 50;

    private CheckCommand() {
    }

    /** Runs the command with the process's streams; the arguments are those after {@code check}. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CheckEngine engine = CheckEngine.standard();
        Options options;
        CheckParameters parameters;
        try {
            options = Options.parse(args);
            parameters = engine.defaultParameters();
            if (options.lookback != null) {
                parameters = parameters.with("lookback", options.lookback);
            }
            for (String p : options.params) {
                parameters = parameters.withAssignment(p);
            }
            if (!options.rules.isEmpty()) {
                engine = engine.only(options.rules);
            }
        } catch (CheckException e) {
            err.println(e.reason().zh());
            err.println(e.reason().en());
            err.print(USAGE);
            return 2;
        }
        StderrProgress progress = new StderrProgress(err);
        CheckResult result;
        try (FolderSource source = new FolderSource(options.data)) {
            for (Path unknown : source.unknownFiles()) {
                err.println("warning: " + unknown.getFileName() + " is not a contract file, ignored / 不是约定的数据文件，已忽略");
            }
            err.println("check " + options.period + " (window of " + parameters.lookback() + " months) of "
                    + source.describe());
            result = engine.run(source, options.period, parameters, progress);
        } catch (CheckInputException e) {
            printErrors(e, err);
            return 1;
        } catch (ContractFileException e) {
            err.println(e.file() + ": " + e.reason().zh());
            err.println(e.file() + ": " + e.reason().en());
            return 1;
        } catch (java.io.UncheckedIOException e) {
            err.println("无法读取输入 / cannot read the input: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            return 1;
        }
        try {
            CheckOutput.write(result, options.out);
        } catch (IOException e) {
            err.println("无法写入输出文件夹 / cannot write the output folder " + options.out + ": " + e.getMessage());
            return 1;
        }
        CheckResult.Totals total = result.total();
        out.printf(Locale.ROOT, "比对月份 period %s, 窗口 window %s..%s, 规则 rules %d%n", result.period(),
                result.windowFrom(), result.windowTo(), result.rules().size());
        out.printf(Locale.ROOT, "线索 clues: %d (严重 critical %d, 高 high %d, 中 medium %d, 低 low %d)%n",
                total.clues(), total.critical(), total.high(), total.medium(), total.low());
        out.println("涉及金额 amount at risk: " + yuan(total.amountAtRisk()) + " 元; 应补发 owed: "
                + yuan(total.owed()) + " 元");
        out.printf(Locale.ROOT, "读取 load %s, 规则 rules %s%n", seconds(result.loadTime()),
                seconds(result.ruleTime()));
        out.println("输出 output: " + options.out.toAbsolutePath());
        return 0;
    }

    private static void printErrors(CheckInputException e, PrintStream err) {
        err.println(e.reason().zh());
        err.println(e.reason().en());
        List<RowError> errors = e.errors();
        for (int i = 0; i < errors.size() && i < ERRORS_SHOWN; i++) {
            RowError r = errors.get(i);
            StringBuilder sb = new StringBuilder("  ").append(r.file());
            if (r.row() > 0) {
                sb.append(" 第").append(r.row()).append("行 row ").append(r.row());
            }
            if (!r.column().isEmpty()) {
                sb.append(" 列 column ").append(r.column());
            }
            if (!r.value().isEmpty()) {
                sb.append(" \"").append(r.value()).append('"');
            }
            sb.append(": ").append(r.reason().zh()).append(" / ").append(r.reason().en());
            err.println(sb);
        }
        long more = e.errorCount() - Math.min(errors.size(), ERRORS_SHOWN);
        if (more > 0 && !errors.isEmpty()) {
            err.println("  …另有" + more + "处错误 / and " + more + " more");
        }
    }

    private static String yuan(BigDecimal v) {
        return sunshine.checks.engine.Money.format(v);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%d.%03ds", d.toSeconds(), d.toMillisPart());
    }

    /** The command line, parsed. */
    record Options(Path data, YearMonth period, String lookback, List<String> params, List<String> rules, Path out) {

        static Options parse(String[] args) {
            Path data = null;
            YearMonth period = null;
            String lookback = null;
            Path out = null;
            List<String> params = new ArrayList<>();
            List<String> rules = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String inline = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    inline = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "--data" -> data = Path.of(inline != null ? inline : value(args, ++i, a));
                    case "--period" -> period = month(inline != null ? inline : value(args, ++i, a));
                    case "--lookback" -> lookback = inline != null ? inline : value(args, ++i, a);
                    case "--param" -> params.add(inline != null ? inline : value(args, ++i, a));
                    case "--rules" -> {
                        for (String r : (inline != null ? inline : value(args, ++i, a)).split(",")) {
                            if (!r.isBlank()) {
                                rules.add(r.strip().toUpperCase(Locale.ROOT));
                            }
                        }
                    }
                    case "--out" -> out = Path.of(inline != null ? inline : value(args, ++i, a));
                    default -> unknown.add(args[i]);
                }
            }
            if (!unknown.isEmpty()) {
                throw new CheckException("未知选项：" + String.join(" ", unknown),
                        "unknown option: " + String.join(" ", unknown));
            }
            List<String> missing = new ArrayList<>();
            if (data == null) {
                missing.add("--data");
            }
            if (period == null) {
                missing.add("--period");
            }
            if (out == null) {
                missing.add("--out");
            }
            if (!missing.isEmpty()) {
                throw new CheckException("缺少选项：" + String.join(" ", missing),
                        "missing option: " + String.join(" ", missing));
            }
            return new Options(data, period, lookback, params, rules, out);
        }

        private static YearMonth month(String text) {
            try {
                return YearMonth.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new CheckException("比对月份应写作2026-10：" + text, "the period is written 2026-10: " + text);
            }
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new CheckException(option + " 缺少值", option + " needs a value");
            }
            return args[i];
        }
    }

    /** Progress on stderr: datasets as they are read (rows, rows/s, every few seconds), rules as they run. */
    static final class StderrProgress implements CheckProgress {

        private final PrintStream err;
        private final long started = System.nanoTime();
        private long datasetStarted;
        private long lastPrinted;

        StderrProgress(PrintStream err) {
            this.err = err;
        }

        private synchronized void line(String text) {
            err.printf(Locale.ROOT, "[%5.1fs] %s%n", (System.nanoTime() - started) / 1e9, text);
        }

        @Override
        public void datasetStarted(String dataset) {
            datasetStarted = System.nanoTime();
            lastPrinted = datasetStarted;
            line("reading " + dataset);
        }

        @Override
        public void rows(String dataset, long rowsRead) {
            long now = System.nanoTime();
            if (now - lastPrinted >= 3_000_000_000L) {
                lastPrinted = now;
                line(String.format(Locale.ROOT, "  %s: %,d rows (%,.0f rows/s)", dataset, rowsRead,
                        rowsRead / Math.max(1e-9, (now - datasetStarted) / 1e9)));
            }
        }

        @Override
        public void datasetDone(String dataset, long rowsRead, long kept, Duration took) {
            double s = Math.max(1e-9, took.toNanos() / 1e9);
            line(String.format(Locale.ROOT, "  %s: %,d rows in %.1fs (%,.0f rows/s)%s", dataset, rowsRead, s,
                    rowsRead / s, kept == rowsRead ? "" : String.format(Locale.ROOT, ", %,d kept", kept)));
        }

        @Override
        public void ruleStarted(String code, String name) {
            line("rule " + code + " " + name);
        }

        @Override
        public void ruleDone(String code, int clues, Duration took) {
            line(String.format(Locale.ROOT, "  %s: %,d clues in %.2fs", code, clues, took.toNanos() / 1e9));
        }

        @Override
        public void message(String text) {
            line(text);
        }
    }
}
