package sunshine.checks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Rule;
import sunshine.checks.rules.Rules;
import sunshine.contract.IdNumbers;

/**
 * Not a test: a benchmark to run by hand. {@code generate DIR COVERED} writes a synthetic county-style folder
 * (regions, households, persons, enrollments, members, 12 months of payments and receipts, deaths with many
 * outsiders); {@code run DIR} checks it for 2026-10 with every rule and reports load rate and heap held by the
 * snapshot.
 */
public final class CheckBench {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("generate")) {
            generate(Path.of(args[1]), Integer.parseInt(args[2]));
        } else if (args[0].equals("read")) {
            readOnly(Path.of(args[1]));
        } else {
            run(Path.of(args[1]));
        }
    }

    static void run(Path dir) {
        long[] heap = {0};
        Rule memory = new Rule() {
            public String code() {
                return "Z00";
            }

            public String name() {
                return "HEAP";
            }

            public String nameZh() {
                return "内存";
            }

            public Severity severity() {
                return Severity.LOW;
            }

            public Set<String> uses() {
                return Set.of("deaths");
            }

            public void run(CheckContext ctx, Clues out) {
                System.gc();
                Runtime rt = Runtime.getRuntime();
                heap[0] = rt.totalMemory() - rt.freeMemory();
            }
        };
        List<Rule> rules = new ArrayList<>(Rules.all());
        rules.add(memory);
        CheckEngine engine = CheckEngine.of(rules);
        CheckCommand.StderrProgress progress = new CheckCommand.StderrProgress(System.err);
        long t0 = System.nanoTime();
        CheckResult r;
        try (CheckSource source = CheckSource.folder(dir)) {
            r = engine.run(source, YearMonth.of(2026, 10), engine.defaultParameters(), progress);
            long rows = source.inputs().stream().mapToLong(InputInfo::rows).sum();
            System.out.printf("rows %,d; load %s (%,.0f rows/s); rules %s; clues %,d; heap with snapshot %,d MB; "
                            + "total %s%n", rows, r.loadTime(), rows / (r.loadTime().toNanos() / 1e9), r.ruleTime(),
                    r.clues().size(), heap[0] >> 20, Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    /** The contract reader alone (rows parsed and thrown away): the ceiling of the folder source. */
    static void readOnly(Path dir) throws IOException {
        try (CheckSource source = CheckSource.folder(dir)) {
            for (String name : List.of("payments", "bank_receipts", "deaths")) {
                long t0 = System.nanoTime();
                long[] n = {0};
                source.read(sunshine.contract.DataContract.standard().dataset(name), new CheckSource.Rows() {
                    public void row(long row, Object[] values) {
                        n[0]++;
                    }

                    public void error(sunshine.contract.RowError e) {
                    }

                    public void warning(sunshine.contract.RowError w) {
                    }
                });
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("%s: %,d rows in %.1fs (%,.0f rows/s)%n", name, n[0], s, n[0] / s);
            }
        }
    }

    static void generate(Path dir, int covered) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(1);
        int towns = 20;
        int villagesPerTown = 20;
        try (BufferedWriter w = writer(dir, "regions", "code,name,level,parent_code,population")) {
            w.write("370000000000,省,PROVINCE,,\n371500000000,市,CITY,370000000000,\n");
            w.write("371526000000,县,COUNTY,371500000000,500000\n");
            for (int t = 1; t <= towns; t++) {
                String town = String.format("371526%03d000", t);
                w.write(town + ",镇" + t + ",TOWN,371526000000,25000\n");
                for (int v = 1; v <= villagesPerTown; v++) {
                    w.write(String.format("371526%03d%03d", t, v) + ",村" + v + ",VILLAGE," + town + ",1200\n");
                }
            }
        }
        // households of 1..4 covered persons; persons = covered * 5/3 (household members not covered)
        List<String> ids = new ArrayList<>();
        LocalDate base = LocalDate.of(1930, 1, 1);
        int seq = 0;
        int households = covered * 2 / 3;
        try (BufferedWriter hh = writer(dir, "households", "household_id,region_code,head_id_no,urban_rural");
             BufferedWriter pp = writer(dir, "persons", "id_no,name,household_id");
             BufferedWriter en = writer(dir, "enrollments", "enrollment_id,program,household_id,payee_id_no,status,"
                     + "approved_date,start_month,end_month,monthly_amount,per_capita_income");
             BufferedWriter me = writer(dir, "enrollment_members", "enrollment_id,id_no");
             BufferedWriter pay = writer(dir, "payments", "payment_id,enrollment_id,period,amount,channel,card_no,"
                     + "paid_date,remark,batch_id");
             BufferedWriter rec = writer(dir, "bank_receipts", "payment_id,card_no,amount,status,settled_date");
             BufferedWriter de = writer(dir, "deaths", "id_no,name,death_date,source")) {
            long payment = 0;
            int coveredSoFar = 0;
            for (int h = 0; coveredSoFar < covered; h++) {
                String hid = "H" + h;
                String village = String.format("371526%03d%03d", 1 + rnd.nextInt(towns), 1 + rnd.nextInt(villagesPerTown));
                int size = 1 + rnd.nextInt(4);
                int members = Math.max(1, size - rnd.nextInt(2));
                String[] people = new String[size];
                for (int i = 0; i < size; i++) {
                    LocalDate birth = base.plusDays(seq / 900 % 28000);
                    people[i] = IdNumbers.withCheckDigit(String.format("371526%s%03d",
                            birth.toString().replace("-", ""), seq % 900 + 100));
                    seq++;
                    pp.write(people[i] + ",张三丰,H" + h + "\n");
                }
                hh.write(hid + "," + village + "," + people[0] + "," + (rnd.nextBoolean() ? "URBAN" : "RURAL") + "\n");
                String eid = "E" + h;
                boolean dibao = rnd.nextInt(10) < 7;
                String program = dibao ? "DIBAO_RURAL" : "TEKUN";
                int n = dibao ? members : 1;
                long monthly = (dibao ? 400 * n : 980) * 100L + rnd.nextInt(100);
                en.write(eid + "," + program + "," + hid + "," + people[0] + ",ACTIVE,2024-03-10,2024-04,,"
                        + money(monthly) + ",200.00\n");
                for (int i = 0; i < n; i++) {
                    me.write(eid + "," + people[i] + "\n");
                }
                coveredSoFar += n;
                for (YearMonth m = YearMonth.of(2025, 11); !m.isAfter(YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
                    long amount = rnd.nextInt(200) == 0 ? monthly + 1000 : monthly;
                    String pid = "P" + (payment++);
                    String card = "62284800" + h;
                    pay.write(pid + "," + eid + "," + m + "," + money(amount) + ",CARD," + card + "," + m.atDay(8)
                            + "," + m.getYear() + "年" + m.getMonthValue() + "月低保金,B" + m + "\n");
                    rec.write(pid + "," + card + "," + money(amount) + "," + (rnd.nextInt(300) == 0 ? "FAILED"
                            : "SUCCESS") + "," + m.atDay(9) + "\n");
                }
                if (rnd.nextInt(100) == 0) {
                    de.write(people[0] + ",张三丰,2026-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(10) + ",POLICE\n");
                }
                for (int k = 0; k < 3; k++) {
                    // outsiders: valid IDs from another county, not in the registry
                    de.write(IdNumbers.withCheckDigit(String.format("110105%s%03d",
                            base.plusDays(rnd.nextInt(28000)).toString().replace("-", ""), rnd.nextInt(900) + 100))
                            + ",李四,2025-05-05,CREMATION\n");
                }
            }
        }
        System.out.println("written " + dir);
    }

    private static BufferedWriter writer(Path dir, String dataset, String header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(dir.resolve(dataset + ".csv"), StandardCharsets.UTF_8);
        w.write(header + "\n");
        return w;
    }

    private static String money(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }
}
