package sunshine.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sunshine.checks.engine.Rule;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.contract.DatasetWriter;
import sunshine.contract.IdNumbers;

/**
 * A tiny data set written as real contract files: one province, city and county with two towns (one of them in a
 * second county) and their villages. Tests add the rows they need as CSV text (header first, by dataset) and run
 * the engine on the written folder. Files are UTF-8 unless a test asks for GB18030 or XLSX.
 */
public final class CheckFixture {

    public static final String PROVINCE = "370000000000";
    public static final String CITY = "371500000000";
    public static final String COUNTY = "371526000000";
    public static final String TOWN = "371526100000";
    public static final String VILLAGE_1 = "371526100001";
    public static final String VILLAGE_2 = "371526100002";
    public static final String OTHER_COUNTY = "371502000000";
    public static final String OTHER_TOWN = "371502001000";
    public static final String OTHER_VILLAGE = "371502001001";

    private static final DataContract CONTRACT = DataContract.standard();

    private final Map<String, List<String>> lines = new LinkedHashMap<>();
    private final Map<String, String> formats = new HashMap<>();

    public CheckFixture() {
        table("regions", "code,name,level,parent_code,population",
                PROVINCE + ",山东省,PROVINCE,,",
                CITY + ",聊城市,CITY," + PROVINCE + ",",
                COUNTY + ",高唐县,COUNTY," + CITY + ",480000",
                TOWN + ",鱼邱湖街道,TOWN," + COUNTY + ",60000",
                VILLAGE_1 + ",新华社区,VILLAGE," + TOWN + ",3000",
                VILLAGE_2 + ",东关村,VILLAGE," + TOWN + ",1800",
                OTHER_COUNTY + ",东昌府区,COUNTY," + CITY + ",700000",
                OTHER_TOWN + ",古楼街道,TOWN," + OTHER_COUNTY + ",50000",
                OTHER_VILLAGE + ",米市社区,VILLAGE," + OTHER_TOWN + ",2000");
        table("households", "household_id,region_code,head_id_no,urban_rural");
        table("persons", "id_no,name,household_id");
        table("enrollments", "enrollment_id,program,household_id,payee_id_no,status,approved_date,start_month,"
                + "end_month,monthly_amount,per_capita_income");
        table("enrollment_members", "enrollment_id,id_no");
        table("payments", "payment_id,enrollment_id,period,amount,channel,card_no,paid_date,remark,batch_id");
        table("bank_receipts", "payment_id,card_no,amount,status,settled_date");
    }

    /** A valid 18-character ID number from its first 17 digits. */
    public static String id(String first17) {
        return IdNumbers.withCheckDigit(first17);
    }

    /** Sets a dataset's header and first rows (CSV text), replacing what it had. */
    public CheckFixture table(String dataset, String header, String... rows) {
        CONTRACT.dataset(dataset);
        List<String> l = new ArrayList<>();
        l.add(header);
        l.addAll(Arrays.asList(rows));
        lines.put(dataset, l);
        return this;
    }

    /** Appends rows (CSV text in the dataset's header order). */
    public CheckFixture rows(String dataset, String... rows) {
        List<String> l = lines.get(dataset);
        if (l == null) {
            throw new IllegalArgumentException(dataset + " has no header yet: use table()");
        }
        l.addAll(Arrays.asList(rows));
        return this;
    }

    /** Leaves a dataset out of the folder. */
    public CheckFixture remove(String dataset) {
        lines.remove(dataset);
        return this;
    }

    /** Writes the dataset as GB18030 CSV ("GB18030") or as XLSX through the contract's writer ("XLSX"). */
    public CheckFixture format(String dataset, String format) {
        formats.put(dataset, format);
        return this;
    }

    /** Payment rows (CASH, paid on the 5th) of one enrollment for every month from..to: ids {@code <enr>-<yyyy-MM>}. */
    public CheckFixture monthlyPayments(String enrollmentId, String from, String to, String amount) {
        for (YearMonth m = YearMonth.parse(from); !m.isAfter(YearMonth.parse(to)); m = m.plusMonths(1)) {
            rows("payments", enrollmentId + "-" + m + "," + enrollmentId + "," + m + "," + amount + ",CASH,,"
                    + m.atDay(5) + ",,");
        }
        return this;
    }

    /** Writes the files into the folder. */
    public Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, List<String>> e : lines.entrySet()) {
                String format = formats.getOrDefault(e.getKey(), "UTF-8");
                if (format.equals("XLSX")) {
                    writeXlsx(dir.resolve(e.getKey() + ".xlsx"), CONTRACT.dataset(e.getKey()), e.getValue());
                } else {
                    Charset cs = format.equals("GB18030") ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
                    Files.write(dir.resolve(e.getKey() + ".csv"),
                            (String.join("\r\n", e.getValue()) + "\r\n").getBytes(cs));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the folder and runs the rules for the period with default parameters (lookback 12). */
    public CheckResult run(Path dir, String period, Rule... rules) {
        CheckEngine engine = CheckEngine.of(List.of(rules));
        return run(dir, period, engine.defaultParameters(), rules);
    }

    public CheckResult run(Path dir, String period, CheckParameters parameters, Rule... rules) {
        write(dir);
        try (CheckSource source = CheckSource.folder(dir)) {
            return CheckEngine.of(List.of(rules)).run(source, YearMonth.parse(period), parameters);
        }
    }

    /** An XLSX file in the contract's column order, cells as text (the reader parses them like CSV cells). */
    private static void writeXlsx(Path file, Dataset d, List<String> csvLines) throws IOException {
        List<String> header = Arrays.asList(csvLines.get(0).split(",", -1));
        try (DatasetWriter w = DatasetWriter.xlsx(file, d)) {
            for (String line : csvLines.subList(1, csvLines.size())) {
                String[] cells = line.split(",", -1);
                String[] row = new String[d.columns().size()];
                for (int i = 0; i < header.size(); i++) {
                    row[d.indexOf(header.get(i))] = i < cells.length && !cells[i].isEmpty() ? cells[i] : null;
                }
                w.writeRaw(row);
            }
        }
    }
}
