package sunshine.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sunshine.checks.CheckCommand;

/**
 * Not a test: the check of one folder run several times in one JVM (bench/check-warm.sh), as the server's monthly
 * runs are. The first run pays the JVM's start and its compiling of the engine; the later ones show the engine's
 * own cost. Each run is the whole {@code check} command (reading, SM3, rules, outputs), into its own folder.
 * <p>
 * {@code WarmCheck RUNS --data DIR --period 2026-10 --out DIR [other check options]}
 */
public final class WarmCheck {

    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        int out = rest.indexOf("--out");
        Path base = Path.of(rest.get(out + 1));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (int i = 1; i <= runs; i++) {
            rest.set(out + 1, base.resolve("run" + i).toString());
            System.gc();
            long start = System.nanoTime();
            int code = CheckCommand.run(rest.toArray(String[]::new), quiet, System.err);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %.2f s (exit %d)%n", i, seconds, code);
            if (code != 0) {
                System.exit(code);
            }
        }
    }
}
