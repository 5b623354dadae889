package sunshine.checks.output;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import sunshine.checks.CheckParameters;
import sunshine.checks.CheckResult;
import sunshine.checks.CheckResult.Totals;
import sunshine.checks.Clue;
import sunshine.checks.InputInfo;
import sunshine.checks.ParameterSpec;
import sunshine.checks.RuleInfo;

/**
 * Writes a check's output into a folder: {@code clues.csv}, {@code summary_by_rule.csv}, {@code summary_by_town.csv},
 * {@code summary.xlsx} and {@code parameters.csv}. CSV files are UTF-8 with a byte-order mark (so Excel opens them),
 * RFC 4180, CRLF line ends; amounts are plain yuan with 2 decimals, months {@code 2026-10}.
 */
public final class CheckOutput {

    /** The columns of clues.csv, in order. */
    public static final List<String> CLUE_COLUMNS = List.of("rule", "severity", "subject", "variant",
            "enrollment_id", "household_id", "id_no", "card_no", "region_code", "period_from", "period_to",
            "amount_at_risk", "owed", "explanation", "evidence");

    private static final List<String> TOTAL_COLUMNS = List.of("clues", "critical", "high", "medium", "low",
            "amount_at_risk", "owed");

    private CheckOutput() {
    }

    /** Writes every output file into the folder (created when missing); returns the files written. */
    public static List<Path> write(CheckResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        files.add(writeClues(result, dir.resolve("clues.csv")));
        files.add(writeByRule(result, dir.resolve("summary_by_rule.csv")));
        files.add(writeByTown(result, dir.resolve("summary_by_town.csv")));
        files.add(writeXlsx(result, dir.resolve("summary.xlsx")));
        files.add(writeParameters(result, dir.resolve("parameters.csv")));
        return files;
    }

    static Path writeClues(CheckResult result, Path file) throws IOException {
        try (ClueCsv csv = clueCsv(Files.newOutputStream(file))) {
            for (Clue c : result.clues()) {
                csv.write(c);
            }
        }
        return file;
    }

    /**
     * clues.csv written clue by clue onto a stream (the server streams a stored run's clues from the database
     * without holding them): the header now, a row per {@link ClueCsv#write}; closing it closes the stream.
     */
    public static ClueCsv clueCsv(OutputStream out) throws IOException {
        ClueCsv csv = new ClueCsv(new Csv(out));
        csv.csv.row(CLUE_COLUMNS);
        return csv;
    }

    /** clues.csv being written (see {@link #clueCsv(OutputStream)}). */
    public static final class ClueCsv implements AutoCloseable {

        private final Csv csv;

        private ClueCsv(Csv csv) {
            this.csv = csv;
        }

        public void write(Clue c) {
            csv.row(List.of(c.rule(), c.severity().name(), c.subject(), c.variant(), text(c.enrollmentId()),
                    text(c.householdId()), text(c.idNo()), text(c.cardNo()), text(c.regionCode()),
                    month(c.periodFrom()), month(c.periodTo()), c.amountAtRisk().toPlainString(),
                    c.owed() == null ? "" : c.owed().toPlainString(), c.explanation(), c.evidence()));
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }

    static Path writeByRule(CheckResult result, Path file) throws IOException {
        Map<String, Totals> byRule = result.byRule();
        try (Csv csv = new Csv(file)) {
            List<String> header = new ArrayList<>(List.of("rule", "name", "name_zh", "severity"));
            header.addAll(TOTAL_COLUMNS);
            csv.row(header);
            for (RuleInfo r : result.rules()) {
                List<String> row = new ArrayList<>(List.of(r.code(), r.name(), r.nameZh(), r.severity().name()));
                row.addAll(totals(byRule.get(r.code())));
                csv.row(row);
            }
            List<String> total = new ArrayList<>(List.of("TOTAL", "", "合计", ""));
            total.addAll(totals(result.total()));
            csv.row(total);
        }
        return file;
    }

    static Path writeByTown(CheckResult result, Path file) throws IOException {
        try (Csv csv = new Csv(file)) {
            List<String> header = new ArrayList<>(List.of("town_code", "town_name"));
            header.addAll(TOTAL_COLUMNS);
            csv.row(header);
            for (Map.Entry<String, Totals> e : result.byTown().entrySet()) {
                List<String> row = new ArrayList<>(List.of(e.getKey(), text(result.townNames().get(e.getKey()))));
                row.addAll(totals(e.getValue()));
                csv.row(row);
            }
            List<String> total = new ArrayList<>(List.of("TOTAL", "合计"));
            total.addAll(totals(result.total()));
            csv.row(total);
        }
        return file;
    }

    static Path writeParameters(CheckResult result, Path file) throws IOException {
        try (Csv csv = new Csv(file)) {
            csv.row(List.of("section", "name", "value", "default", "description", "rows", "bytes", "hash"));
            csv.row(List.of("run", "source", result.source(), "", "比对数据来源 / what was checked", "", "", ""));
            csv.row(List.of("run", "period", month(result.period()), "", "比对月份P / check month P", "", "", ""));
            csv.row(List.of("run", "window", month(result.windowFrom()) + ".." + month(result.windowTo()), "",
                    "比对窗口W / window W", "", "", ""));
            csv.row(List.of("run", "rules", String.join(",", result.rules().stream().map(RuleInfo::code).toList()),
                    "", "运行的规则 / rules run", "", "", ""));
            csv.row(List.of("run", "clues", Integer.toString(result.clues().size()), "", "线索数 / clues", "", "",
                    ""));
            CheckParameters p = result.parameters();
            for (ParameterSpec s : p.specs()) {
                csv.row(List.of("parameter", s.name(), p.text(s.name()), s.format(s.parse(s.defaultValue())),
                        s.descriptionZh() + " / " + s.description(), "", "", ""));
            }
            for (InputInfo in : result.inputs()) {
                csv.row(List.of("input", in.dataset(), in.location(), "", in.format(), Long.toString(in.rows()),
                        Long.toString(in.bytes()), in.hash().isEmpty() ? "" : in.hashAlgorithm() + ":" + in.hash()));
            }
            for (String d : result.absent()) {
                csv.row(List.of("input", d, "(absent 缺失)", "", "数据集缺失，依赖它的规则不产生线索 / absent: the rules "
                        + "that read it find nothing in it", "0", "0", ""));
            }
        }
        return file;
    }

    static Path writeXlsx(CheckResult result, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeXlsx(result, out);
        }
        return file;
    }

    /**
     * summary.xlsx onto a stream (left open): by rule, by town, town × rule and the parameters. Only the clues'
     * rule, severity, region code and amounts are read.
     */
    public static void writeXlsx(CheckResult result, OutputStream stream) throws IOException {
        OutputStream out = new BufferedOutputStream(stream, 1 << 16);
        Workbook wb = new Workbook(out, "Sunshine", "1.0");
        Worksheet byRule = wb.newWorksheet("按规则 by rule");
        header(byRule, List.of("规则 rule", "名称 name", "中文名称", "严重程度 severity", "线索 clues",
                "严重 critical", "高 high", "中 medium", "低 low", "涉及金额 amount at risk", "应补发 owed"));
        Map<String, Totals> totals = result.byRule();
        int r = 1;
        for (RuleInfo info : result.rules()) {
            byRule.value(r, 0, info.code());
            byRule.value(r, 1, info.name());
            byRule.value(r, 2, info.nameZh());
            byRule.value(r, 3, info.severity().name());
            totalCells(byRule, r++, 4, totals.get(info.code()));
        }
        byRule.value(r, 0, "合计 total");
        totalCells(byRule, r, 4, result.total());
        byRule.finish();

        Worksheet byTown = wb.newWorksheet("按乡镇 by town");
        header(byTown, List.of("乡镇代码 town_code", "乡镇 town", "线索 clues", "严重 critical", "高 high",
                "中 medium", "低 low", "涉及金额 amount at risk", "应补发 owed"));
        r = 1;
        for (Map.Entry<String, Totals> e : result.byTown().entrySet()) {
            byTown.value(r, 0, e.getKey());
            byTown.value(r, 1, text(result.townNames().get(e.getKey())));
            totalCells(byTown, r++, 2, e.getValue());
        }
        byTown.value(r, 0, "合计 total");
        totalCells(byTown, r, 2, result.total());
        byTown.finish();

        Worksheet matrix = wb.newWorksheet("乡镇×规则 town×rule");
        List<String> codes = result.rules().stream().map(RuleInfo::code).toList();
        List<String> head = new ArrayList<>(List.of("乡镇代码 town_code", "乡镇 town"));
        for (String code : codes) {
            head.add(code + " 线索");
            head.add(code + " 金额");
        }
        header(matrix, head);
        r = 1;
        for (Map.Entry<String, Map<String, Totals>> e : result.byTownAndRule().entrySet()) {
            matrix.value(r, 0, e.getKey());
            matrix.value(r, 1, text(result.townNames().get(e.getKey())));
            int c = 2;
            for (String code : codes) {
                Totals t = e.getValue().get(code);
                matrix.value(r, c++, t == null ? 0 : t.clues());
                matrix.value(r, c, t == null ? BigDecimal.ZERO.setScale(2) : t.amountAtRisk());
                matrix.style(r, c++).format("#,##0.00").set();
            }
            r++;
        }
        matrix.finish();

        Worksheet params = wb.newWorksheet("参数 parameters");
        header(params, List.of("名称 name", "值 value", "默认 default", "说明 description"));
        r = 1;
        params.value(r, 0, "period");
        params.value(r++, 1, month(result.period()));
        for (ParameterSpec s : result.parameters().specs()) {
            params.value(r, 0, s.name());
            params.value(r, 1, result.parameters().text(s.name()));
            params.value(r, 2, s.format(s.parse(s.defaultValue())));
            params.value(r++, 3, s.descriptionZh() + " / " + s.description());
        }
        params.finish();
        wb.finish();
        out.flush();
    }

    private static void header(Worksheet ws, List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            ws.value(0, c, names.get(c));
            ws.style(0, c).bold().set();
        }
    }

    private static void totalCells(Worksheet ws, int r, int c, Totals t) {
        ws.value(r, c, t.clues());
        ws.value(r, c + 1, t.critical());
        ws.value(r, c + 2, t.high());
        ws.value(r, c + 3, t.medium());
        ws.value(r, c + 4, t.low());
        ws.value(r, c + 5, t.amountAtRisk());
        ws.style(r, c + 5).format("#,##0.00").set();
        ws.value(r, c + 6, t.owed());
        ws.style(r, c + 6).format("#,##0.00").set();
    }

    private static List<String> totals(Totals t) {
        return List.of(Integer.toString(t.clues()), Integer.toString(t.critical()), Integer.toString(t.high()),
                Integer.toString(t.medium()), Integer.toString(t.low()), t.amountAtRisk().toPlainString(),
                t.owed().toPlainString());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String month(YearMonth m) {
        return m == null ? "" : m.toString();
    }

    /** A UTF-8 CSV file with a byte-order mark. */
    private static final class Csv implements AutoCloseable {

        private final CsvWriter csv;

        Csv(Path file) throws IOException {
            this(Files.newOutputStream(file));
        }

        Csv(OutputStream out) throws IOException {
            Writer w = new OutputStreamWriter(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
            w.write('\uFEFF');
            this.csv = CsvWriter.builder().fieldSeparator(',').quoteCharacter('"').lineDelimiter(LineDelimiter.CRLF)
                    .bufferSize(1 << 16).build(w);
        }

        void row(List<String> cells) {
            csv.writeRecord(cells);
        }

        @Override
        public void close() throws IOException {
            try {
                csv.close();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
