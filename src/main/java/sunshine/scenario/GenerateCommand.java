package sunshine.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * {@code generate --scale county|city|province --seed N --out DIR [--period 2026-10] [--lookback 12]
 * [--covered N]}: writes a deterministic scenario, every dataset of the data contract plus
 * {@code ground_truth.csv} and {@code decoys.csv}. Runs without Spring.
 */
public final class GenerateCommand {

    static final String USAGE = """
            usage: generate --scale county|city|province --seed N --out DIR [--period 2026-10] [--lookback 12]
                            [--covered N]
              county    高唐县, some 28,000 covered persons      city  聊城市, eight counties
              province  山东省, 3,000,000 covered persons (--covered changes the total for any scale)
            """;

    private GenerateCommand() {
    }

    public static int run(String... args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        ScenarioSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("generate: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        long start = System.nanoTime();
        try {
            err.printf("Generating the %s scenario (seed %d, check month %s, %d months) into %s%n",
                    settings.scale().name().toLowerCase(Locale.ROOT), settings.seed(), settings.period(),
                    settings.lookback(), settings.out());
            ScenarioGenerator.Summary s = new ScenarioGenerator(settings, err).generate();
            long rows = s.rows().values().stream().mapToLong(Long::longValue).sum();
            out.printf("%d counties, %,d covered persons, %,d rows in %d files, %,d ground-truth clues, %,d decoys"
                    + " (%.1f s)%n", s.counties(), s.coveredPersons(), rows, s.rows().size(), s.clues(), s.decoys(),
                    (System.nanoTime() - start) / 1e9);
            for (Map.Entry<String, Long> e : s.rows().entrySet()) {
                out.printf("  %-24s %,12d%n", e.getKey(), e.getValue());
            }
            return 0;
        } catch (IOException e) {
            err.println("generate: cannot write / 无法写入 " + settings.out() + ": " + e.getMessage());
            return 1;
        }
    }

    static ScenarioSettings parse(String[] args) {
        ScenarioSettings.Scale scale = null;
        Long seed = null;
        Path out = null;
        YearMonth period = YearMonth.of(2026, 10);
        int lookback = 12;
        Long covered = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument / 无法识别的参数: " + a);
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--scale" -> scale = ScenarioSettings.Scale.valueOf(v.toUpperCase(Locale.ROOT));
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--out" -> out = Path.of(v);
                    case "--period" -> period = YearMonth.parse(v);
                    case "--lookback" -> lookback = Integer.parseInt(v);
                    case "--covered" -> covered = Long.parseLong(v.replace(",", "").replace("_", ""));
                    default -> throw new IllegalArgumentException("unknown option / 未知选项: " + a);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("bad value / 取值错误 " + a + " " + v);
            }
        }
        if (scale == null || seed == null || out == null) {
            throw new IllegalArgumentException("--scale, --seed and --out are required / 必须给出 --scale、--seed 和 --out");
        }
        if (Files.isRegularFile(out)) {
            throw new IllegalArgumentException("--out is a file / --out 须为目录: " + out);
        }
        int counties = scale == ScenarioSettings.Scale.COUNTY ? 1 : scale == ScenarioSettings.Scale.CITY ? 8 : 140;
        return new ScenarioSettings(scale, seed, out, period, lookback,
                covered != null ? covered : scale.defaultCovered(counties));
    }
}
