package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.VILLAGE_2;
import static sunshine.checks.CheckFixture.id;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.CheckFixture;
import sunshine.checks.CheckResult;
import sunshine.checks.Clue;
import sunshine.checks.Severity;
import sunshine.checks.engine.Months;

/** B07 NONSTANDARD_REMARK on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class NonstandardRemarkTest {

    static final String ZHANG = id("37152619500101001");
    static final String WANG = id("37152619400404004");
    static final String ZHAO = id("37152619600505005");
    static final String SUN = id("37152619330303033");

    @TempDir
    Path dir;

    private static String pay(String id, String enrollment, String period, String channel, String card,
                              String remark) {
        return id + "," + enrollment + "," + period + ",500.00," + channel + "," + card + "," + period + "-06,"
                + remark + ",";
    }

    private CheckResult run() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",URBAN",
                        "H2," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H3," + VILLAGE_2 + "," + ZHAO + ",RURAL")
                .rows("persons", ZHANG + ",张三丰,H1", WANG + ",王建国,H2", ZHAO + ",赵六,H3", SUN + ",孙老汉,H3")
                .rows("enrollments",
                        "E1,DIBAO_URBAN,H1," + ZHANG + ",ACTIVE,2019-01-01,2019-01,,500.00,",
                        "E2,TEKUN,H2," + WANG + ",ACTIVE,2019-01-01,2019-01,,500.00,",
                        "E3,DISABILITY_LIVING,H3," + ZHAO + ",ACTIVE,2019-01-01,2019-01,,500.00,",
                        "E4,DISABILITY_CARE,H3," + SUN + ",ACTIVE,2019-01-01,2019-01,,500.00,")
                .rows("enrollment_members", "E1," + ZHANG, "E2," + WANG, "E3," + ZHAO, "E4," + SUN)
                .rows("payments",
                        // standard: keyword and month in one of the accepted forms
                        pay("OK1", "E1", "2026-03", "CARD", "6233000000000001", "2026年3月城市低保金"),
                        pay("OK2", "E1", "2026-10", "CARD", "6233000000000001", "202610低保金"),
                        pay("OK3", "E1", "2026-09", "CARD", "6233000000000001", "2026-09农村低保"),
                        pay("OK4", "E1", "2026-04", "CARD", "6233000000000001", "2026年04月农村低保"),
                        pay("OK5", "E1", "2026-01", "CASH", "", "2026年1月低保金"),
                        pay("OK6", "E3", "2026-05", "CARD", "6233000000000003", "2026年5月困难残疾人生活补贴"),
                        pay("OK7", "E4", "2026-05", "CARD", "6233000000000004", "2026年5月重度残疾人护理补贴"),
                        pay("OK8", "E2", "2025-11", "CARD", "6233000000000002", "2025年11月特困供养金"),
                        // lacking
                        pay("BOTH", "E1", "2026-02", "CARD", "6233000000000001", "补助发放"),
                        pay("EMPTY", "E1", "2026-05", "CASH", "", ""),
                        pay("NOMONTH", "E1", "2026-06", "CARD", "6233000000000001", "农村低保金"),
                        pay("NOKEY", "E1", "2026-07", "CARD", "6233000000000001", "2026年7月生活费"),
                        // the same remark as OK1, for another month and another program
                        pay("OTHERMONTH", "E1", "2026-08", "CARD", "6233000000000001", "2026年3月城市低保金"),
                        pay("OTHERPROGRAM", "E2", "2026-03", "CARD", "6233000000000002", "2026年3月城市低保金"),
                        // 2026年11月 does not contain 2026年1月
                        pay("ELEVEN", "E3", "2026-01", "CARD", "6233000000000003", "2026年11月生活补贴"),
                        // not made, or before W: not checked
                        pay("FAILED", "E2", "2026-06", "CARD", "6233000000000002", "补助发放"),
                        pay("OLD", "E2", "2025-10", "CARD", "6233000000000002", "补助发放"))
                .rows("bank_receipts", "FAILED,6233000000000002,500.00,FAILED,2026-06-07")
                .run(dir, "2026-10", new NonstandardRemark());
    }

    @Test
    void firesWhenTheKeywordOrTheMonthIsMissing() {
        Map<String, Clue> clues = run().clues().stream().collect(Collectors.toMap(Clue::subject, c -> c));
        assertThat(clues.keySet()).containsExactlyInAnyOrder("BOTH", "EMPTY", "NOMONTH", "NOKEY", "OTHERMONTH",
                "OTHERPROGRAM", "ELEVEN");

        Clue both = clues.get("BOTH");
        assertThat(both.rule()).isEqualTo("B07");
        assertThat(both.severity()).isEqualTo(Severity.LOW);
        assertThat(both.enrollmentId()).isEqualTo("E1");
        assertThat(both.householdId()).isEqualTo("H1");
        assertThat(both.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(both.idNo()).isEqualTo(ZHANG);
        assertThat(both.cardNo()).isEqualTo("6233000000000001");
        assertThat(both.periodFrom()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(both.periodTo()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(both.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(both.owed()).isNull();
        assertThat(both.explanation()).isEqualTo("2026年2月低保金的发放摘要“补助发放”缺少项目关键词“低保”和所属月份"
                + "（如2026年2月、2026年02月、202602、2026-02）");
        assertThat(both.evidence()).startsWith("{\"payment_id\":\"BOTH\",\"period\":\"2026-02\",\"program\":"
                + "\"DIBAO_URBAN\",\"remark\":\"补助发放\",\"lacks\":[\"keyword\",\"period\"],\"keyword\":\"低保\","
                + "\"period_forms\":[\"2026年2月\",\"2026年02月\",\"202602\",\"2026-02\"],\"paid_date\":\"2026-02-06\","
                + "\"channel\":\"CARD\"");

        Clue empty = clues.get("EMPTY");
        assertThat(empty.cardNo()).as("a cash payment has no card").isNull();
        assertThat(empty.explanation()).startsWith("2026年5月低保金的发放摘要为空，缺少项目关键词“低保”和所属月份");
        assertThat(empty.evidence()).contains("\"remark\":null,\"lacks\":[\"keyword\",\"period\"]");

        assertThat(clues.get("NOMONTH").evidence()).contains("\"lacks\":[\"period\"]");
        assertThat(clues.get("NOKEY").evidence()).contains("\"lacks\":[\"keyword\"]");
        assertThat(clues.get("NOKEY").explanation())
                .isEqualTo("2026年7月低保金的发放摘要“2026年7月生活费”缺少项目关键词“低保”");
        assertThat(clues.get("OTHERMONTH").evidence()).contains("\"lacks\":[\"period\"]");
        assertThat(clues.get("OTHERPROGRAM").evidence()).contains("\"lacks\":[\"keyword\"]")
                .contains("\"keyword\":\"特困\"");
        assertThat(clues.get("ELEVEN").evidence()).contains("\"lacks\":[\"period\"]");
    }

    @Test
    void everyAcceptedFormOfTheMonthAndEveryProgramsKeywordPasses() {
        assertThat(run().clues()).extracting(Clue::subject)
                .doesNotContain("OK1", "OK2", "OK3", "OK4", "OK5", "OK6", "OK7", "OK8");
    }

    @Test
    void failedPaymentsAndPaymentsBeforeTheWindowAreNotChecked() {
        assertThat(run().clues()).extracting(Clue::subject).doesNotContain("FAILED", "OLD");
    }

    @Test
    void theFormsOfAMonth() {
        assertThat(NonstandardRemark.periodForms(Months.of(2026, 10)))
                .containsExactly("2026年10月", "202610", "2026-10");
        assertThat(NonstandardRemark.periodForms(Months.of(2026, 1)))
                .containsExactly("2026年1月", "2026年01月", "202601", "2026-01");
    }
}
