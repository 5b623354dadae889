package sunshine.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.id;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.source.FolderSource;

/**
 * The {@code check} command end to end on a tiny folder: households in GB18030, persons in XLSX (written by the
 * contract's writer), the rest UTF-8 CSV; every output file checked.
 */
class CheckCommandTest {

    static final String ZHANG = id("37152619500101001");
    static final String LI = id("37152619520202002");

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CheckFixture folder() {
        return new CheckFixture()
                .table("households", "户编号,所在村居,户主身份证号,城乡",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",城市")
                .format("households", "GB18030")
                .rows("persons", ZHANG + ",张三丰,H1", LI + ",李秀英,H1")
                .format("persons", "XLSX")
                .rows("enrollments", "E1,DIBAO_URBAN,H1," + ZHANG + ",ACTIVE,2026-01-10,2026-01,,1260.00,300.00")
                .rows("enrollment_members", "E1," + ZHANG, "E1," + LI)
                .rows("payments",
                        "P07,E1,2026-07,1260.00,CASH,,2026-07-05,2026年7月低保金,B07",
                        "P08,E1,2026-08,1260.00,CASH,,2026-08-05,2026年8月低保金,B08",
                        "P09,E1,2026-09,1260.00,CASH,,2026-09-05,2026年9月低保金,B09",
                        "P10,E1,2026-10,1300.00,CASH,,2026-10-05,2026年10月低保金,B10")
                .table("deaths", "id_no,name,death_date,source", ZHANG + ",张三丰,2026-08-03,POLICE")
                // required by the rules that compare with the standard (A06, A09 ...)
                .table("standards", "region_code,program,urban_rural,effective_month,monthly_standard",
                        "371526000000,DIBAO_URBAN,URBAN,2025-01,890.00");
    }

    private int check(Path data, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--data", data.toString(), "--period", "2026-10",
                "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(more));
        if (!args.contains("--rules")) {
            // the rules this folder is made for: other rules require datasets it does not have (cards, staff ...)
            args.addAll(List.of("--rules", "A01,C01"));
        }
        return CheckCommand.run(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String csv(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void writesTheCluesAndTheRecordOfTheRun() throws IOException {
        Path data = folder().write(tmp.resolve("data"));
        assertThat(data.resolve("persons.xlsx")).exists();

        int code = check(data, "--lookback", "12", "--rules", "A01,C01");

        assertThat(code).as(stderr()).isZero();
        Path o = tmp.resolve("out");
        assertThat(csv(o.resolve("clues.csv"))).isEqualTo(
                "rule,severity,subject,variant,enrollment_id,household_id,id_no,card_no,region_code,period_from,"
                        + "period_to,amount_at_risk,owed,explanation,evidence\r\n"
                        + "A01,HIGH,E1/" + ZHANG + ",,E1,H1," + ZHANG + ",," + VILLAGE_1 + ",2026-09,2026-10,1280.00,,"
                        + "\"张*丰 2026年8月死亡，此后仍发放2个月低保金，按其份额（户内保障2人）计1,280.00元\","
                        + "\"{\"\"death_date\"\":\"\"2026-08-03\"\",\"\"death_records\"\":[{\"\"death_date\"\":"
                        + "\"\"2026-08-03\"\",\"\"source\"\":\"\"POLICE\"\"}],\"\"program\"\":\"\"DIBAO_URBAN\"\","
                        + "\"\"covered\"\":2,\"\"share_rule\"\":\"\"amount / covered\"\",\"\"payments\"\":["
                        + "{\"\"payment_id\"\":\"\"P09\"\",\"\"period\"\":\"\"2026-09\"\",\"\"amount\"\":1260.00,"
                        + "\"\"share\"\":630.00},{\"\"payment_id\"\":\"\"P10\"\",\"\"period\"\":\"\"2026-10\"\","
                        + "\"\"amount\"\":1300.00,\"\"share\"\":650.00}],\"\"parameters\"\":{\"\"period\"\":"
                        + "\"\"2026-10\"\",\"\"lookback\"\":12}}\"\r\n"
                        + "C01,HIGH,P10,OVER,E1,H1," + ZHANG + ",," + VILLAGE_1 + ",2026-10,2026-10,40.00,,"
                        + "\"2026年10月低保金实发1,300.00元，核定月发放金额1,260.00元，多发40.00元\","
                        + "\"{\"\"payment_id\"\":\"\"P10\"\",\"\"period\"\":\"\"2026-10\"\",\"\"amount\"\":1300.00,"
                        + "\"\"monthly_amount\"\":1260.00,\"\"difference\"\":40.00,\"\"program\"\":\"\"DIBAO_URBAN\"\","
                        + "\"\"approved_date\"\":\"\"2026-01-10\"\",\"\"paid_date\"\":\"\"2026-10-05\"\","
                        + "\"\"channel\"\":\"\"CASH\"\",\"\"parameters\"\":{\"\"period\"\":\"\"2026-10\"\","
                        + "\"\"lookback\"\":12}}\"\r\n");

        assertThat(csv(o.resolve("summary_by_rule.csv"))).isEqualTo(
                "rule,name,name_zh,severity,clues,critical,high,medium,low,amount_at_risk,owed\r\n"
                        + "A01,DECEASED_PAID,死亡人员仍领取,HIGH,1,0,1,0,0,1280.00,0.00\r\n"
                        + "C01,AMOUNT_MISMATCH,发放金额与核定不符,HIGH,1,0,1,0,0,40.00,0.00\r\n"
                        + "TOTAL,,合计,,2,0,2,0,0,1320.00,0.00\r\n");
        assertThat(csv(o.resolve("summary_by_town.csv"))).isEqualTo(
                "town_code,town_name,clues,critical,high,medium,low,amount_at_risk,owed\r\n"
                        + "371526100000,鱼邱湖街道,2,0,2,0,0,1320.00,0.00\r\n"
                        + "TOTAL,合计,2,0,2,0,0,1320.00,0.00\r\n");

        String parameters = csv(o.resolve("parameters.csv"));
        assertThat(parameters)
                .startsWith("section,name,value,default,description,rows,bytes,hash\r\n")
                .contains("run,period,2026-10,")
                .contains("run,window,2025-11..2026-10,")
                .contains("run,rules,\"A01,C01\",")
                .contains("parameter,lookback,12,12,")
                .contains("input,households,households.csv,,GB18030,1,")
                .contains("input,persons,persons.xlsx,,XLSX,2,")
                .contains("input,deaths,deaths.csv,,UTF-8,1," + Files.size(data.resolve("deaths.csv")) + ",SM3:"
                        + sm3(data.resolve("deaths.csv")) + "\r\n");
        try (Stream<String> lines = parameters.lines()) {
            assertThat(lines.filter(l -> l.startsWith("input,")).count()).isEqualTo(8);
        }

        try (InputStream in = Files.newInputStream(o.resolve("summary.xlsx"));
             ReadableWorkbook wb = new ReadableWorkbook(in)) {
            Sheet byRule = wb.getSheets().filter(s -> s.getName().equals("按规则 by rule")).findFirst().orElseThrow();
            List<Row> rows = byRule.read();
            assertThat(rows.get(1).getCellText(0)).isEqualTo("A01");
            assertThat(rows.get(1).getCellAsNumber(9).orElseThrow()).isEqualByComparingTo("1280.00");
            Sheet byTown = wb.getSheets().filter(s -> s.getName().equals("按乡镇 by town")).findFirst().orElseThrow();
            assertThat(byTown.read().get(1).getCellText(1)).isEqualTo("鱼邱湖街道");
        }

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(stdout).contains("线索 clues: 2").contains("1,320.00");
        assertThat(stderr()).contains("reading payments").contains("rule A01 DECEASED_PAID");
    }

    @Test
    void absentExternalDatasetsAreRecordedAndTheirRulesFindNothing() throws IOException {
        Path data = folder().remove("deaths").write(tmp.resolve("data"));
        assertThat(check(data, "--rules", "A01,C01")).as(stderr()).isZero();
        assertThat(csv(tmp.resolve("out/clues.csv"))).doesNotContain("A01,");
        assertThat(csv(tmp.resolve("out/parameters.csv"))).contains("input,deaths,(absent 缺失),");
    }

    @Test
    void aMissingRequiredDatasetIsRefused() {
        Path data = folder().remove("bank_receipts").write(tmp.resolve("data"));
        assertThat(check(data, "--rules", "A01,C01")).isEqualTo(1);
        assertThat(stderr()).contains("缺少必需的数据集：bank_receipts（银行回单）")
                .contains("missing required dataset: bank_receipts");
        assertThat(tmp.resolve("out/clues.csv")).doesNotExist();
    }

    @Test
    void badRowsAreRefusedNamingFileRowAndColumn() {
        Path data = folder()
                .rows("payments", "P11,E1,2026-10,abc,CASH,,2026-10-05,,", "P12,E9,2026-10,1.00,CASH,,2026-10-05,,")
                .rows("persons", ZHANG + ",重复,H1")
                .write(tmp.resolve("data"));
        assertThat(check(data, "--rules", "A01,C01")).isEqualTo(1);
        assertThat(stderr())
                .contains("the input has 3 errors")
                .contains("payments.csv 第6行 row 6 列 column amount \"abc\"")
                .contains("payments.csv 第7行 row 7 列 column enrollment_id \"E9\": 待遇编号“E9”在enrollments.enrollment_id中不存在"
                        + " / enrollment_id E9 is not in enrollments.enrollment_id")
                .contains("persons.xlsx 第4行 row 4 列 column id_no \"" + ZHANG + "\"")
                .contains("duplicate id_no");
        assertThat(tmp.resolve("out/clues.csv")).doesNotExist();
    }

    @Test
    void unknownParametersAreRefusedInChineseAndEnglish() {
        Path data = folder().write(tmp.resolve("data"));
        assertThat(check(data, "--param", "Z99.nothing=1")).isEqualTo(2);
        assertThat(stderr()).contains("未知参数：Z99.nothing（可用参数：lookback")
                .contains("unknown parameter: Z99.nothing (known parameters: lookback");
    }

    @Test
    void aParameterOverrideIsUsedAndRecorded() throws IOException {
        Path data = folder().write(tmp.resolve("data"));
        assertThat(check(data, "--param", "lookback=2", "--rules", "C01")).as(stderr()).isZero();
        String parameters = csv(tmp.resolve("out/parameters.csv"));
        assertThat(parameters).contains("parameter,lookback,2,12,").contains("run,window,2026-09..2026-10,")
                .contains("run,rules,C01,");
        assertThat(csv(tmp.resolve("out/clues.csv"))).contains("\"\"lookback\"\":2}}").doesNotContain("A01,");
    }

    @Test
    void theFileHashIsSm3() throws IOException {
        Path f = tmp.resolve("abc.txt");
        Files.writeString(f, "abc", StandardCharsets.US_ASCII);
        // GB/T 32905 test vector
        assertThat(FolderSource.sm3(f)).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    private static String sm3(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        SM3Digest d = new SM3Digest();
        d.update(bytes, 0, bytes.length);
        byte[] h = new byte[32];
        d.doFinal(h, 0);
        return HexFormat.of().formatHex(h);
    }
}
