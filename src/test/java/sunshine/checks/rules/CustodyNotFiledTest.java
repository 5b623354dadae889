package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.TOWN;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.VILLAGE_2;
import static sunshine.checks.CheckFixture.id;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.CheckFixture;
import sunshine.checks.CheckResult;
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/** B05 CUSTODY_NOT_FILED on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class CustodyNotFiledTest {

    static final String MA = id("37152619300303003");
    static final String ZHOU = id("37152619310303013");
    static final String WANG = id("37152619400404004");
    static final String ZHAO = id("37152619600505005");
    static final String SUN = id("37152619330303033");
    static final String CADRE = id("37152619700808008");
    static final String NEIGHBOUR = id("37152619720909009");
    static final String STRANGER = id("11010519491231002");

    /** MA's card kept by the village cadre, not filed. */
    static final String K1 = "6233000000000001";
    /** ZHOU's card kept by a neighbour, not filed; closed since. */
    static final String K2 = "6233000000000002";
    /** WANG's card kept by the cadre, filed. */
    static final String K3 = "6233000000000003";
    /** ZHAO's card, custodian = holder. */
    static final String K4 = "6233000000000004";
    /** SUN's card kept by the neighbour, not filed, but nothing made in W. */
    static final String K5 = "6233000000000005";
    /** The card of someone outside the registry, kept by the neighbour. */
    static final String K6 = "6233000000000006";

    @TempDir
    Path dir;

    private static String pay(String id, String enrollment, String period, String amount, String card) {
        return id + "," + enrollment + "," + period + "," + amount + ",CARD," + card + "," + period + "-06,,";
    }

    private CheckResult run() {
        CheckFixture f = new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + MA + ",URBAN",
                        "H2," + VILLAGE_2 + "," + ZHOU + ",RURAL",
                        "H3," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H4," + VILLAGE_2 + "," + ZHAO + ",RURAL",
                        "H5," + VILLAGE_2 + "," + SUN + ",RURAL",
                        "H9," + VILLAGE_1 + "," + CADRE + ",URBAN")
                .rows("persons", MA + ",马桂兰,H1", ZHOU + ",周福,H2", WANG + ",王建国,H3", ZHAO + ",赵六,H4",
                        SUN + ",孙老汉,H5", CADRE + ",钱村官,H9", NEIGHBOUR + ",李邻居,H2")
                .rows("enrollments",
                        "E1,TEKUN,H1," + MA + ",ACTIVE,2019-01-01,2019-01,,920.00,",
                        "E2,TEKUN,H2," + ZHOU + ",ACTIVE,2019-01-01,2019-01,,920.00,",
                        "E3,TEKUN,H3," + WANG + ",ACTIVE,2019-01-01,2019-01,,920.00,",
                        "E4,TEKUN,H4," + ZHAO + ",ACTIVE,2019-01-01,2019-01,,920.00,",
                        "E5,TEKUN,H5," + SUN + ",ACTIVE,2019-01-01,2019-01,,920.00,")
                .rows("enrollment_members", "E1," + MA, "E2," + ZHOU, "E3," + WANG, "E4," + ZHAO, "E5," + SUN)
                .table("cards", "card_no,bank,holder_id_no,holder_name,opened_date,status,purpose,custodian_id_no",
                        K1 + ",农商银行," + MA + ",马桂兰,2020-01-01,ACTIVE,," + CADRE,
                        K2 + ",农商银行," + ZHOU + ",周福,2020-01-01,CLOSED,," + NEIGHBOUR,
                        K3 + ",农商银行," + WANG + ",王建国,2020-01-01,ACTIVE,," + CADRE,
                        K4 + ",农商银行," + ZHAO + ",赵六,2020-01-01,ACTIVE,," + ZHAO,
                        K5 + ",农商银行," + SUN + ",孙老汉,2020-01-01,ACTIVE,," + NEIGHBOUR,
                        K6 + ",农商银行," + STRANGER + ",路人甲,2020-01-01,ACTIVE,," + NEIGHBOUR)
                .table("filings", "filing_id,kind,subject_id_no,related_id_no,card_no,filed_date,filed_level",
                        "F1,CUSTODY," + WANG + "," + CADRE + "," + K3 + ",2020-02-01,TOWN",
                        // a RELATIVE filing is not a custody filing
                        "F2,RELATIVE," + MA + "," + CADRE + ",,2020-02-01,TOWN")
                .table("staff", "id_no,name,role,region_code,level,active_from,active_to",
                        CADRE + ",钱村官,VILLAGE_CADRE," + VILLAGE_1 + ",VILLAGE,,");
        for (YearMonth m = YearMonth.of(2025, 11); !m.isAfter(YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
            f.rows("payments",
                    pay("E1-" + m, "E1", m.toString(), "920.00", K1),
                    pay("E3-" + m, "E3", m.toString(), "920.00", K3),
                    pay("E4-" + m, "E4", m.toString(), "920.00", K4));
        }
        f.rows("payments",
                pay("E2-a", "E2", "2026-01", "920.00", K2),
                pay("E2-b", "E2", "2026-02", "920.00", K2),
                pay("E5-old", "E5", "2025-10", "920.00", K5),
                pay("E5-failed", "E5", "2026-10", "920.00", K5),
                "E5-cash,E5,2026-09,920.00,CASH,,2026-09-06,,",
                pay("E5-k6", "E5", "2026-03", "920.00", K6),
                pay("E4-k6", "E4", "2026-03", "10.00", K6));
        f.rows("bank_receipts", "E5-failed," + K5 + ",920.00,FAILED,2026-10-07");
        return f.run(dir, "2026-10", new CustodyNotFiled());
    }

    @Test
    void firesForAnUnfiledCustodyThatReceivedMoney() {
        List<Clue> clues = run().clues();
        assertThat(clues).extracting(Clue::subject).containsExactly(K1, K2, K6);

        Clue k1 = clues.get(0);
        assertThat(k1.rule()).isEqualTo("B05");
        assertThat(k1.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(k1.cardNo()).isEqualTo(K1);
        assertThat(k1.idNo()).as("the holder").isEqualTo(MA);
        assertThat(k1.enrollmentId()).isEqualTo("E1");
        assertThat(k1.householdId()).isEqualTo("H1");
        assertThat(k1.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(k1.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(k1.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(k1.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(k1.owed()).isNull();
        assertThat(k1.explanation()).isEqualTo("一卡通" + K1 + "（持卡人马*兰）由钱*官（村居干部）代管，"
                + "2025年11月至2026年10月仍收到12笔待遇资金共11,040.00元，但无代管备案");
        assertThat(k1.evidence())
                .contains("\"custodian_id_no\":\"" + CADRE + "\",\"custodian_is_staff\":true,\"custody_filing\":false")
                .contains("\"payments\":12,\"total\":11040.00,\"enrollments\":[\"E1\"]");
    }

    @Test
    void aClosedCardStillFiresWhenItWasPaidInW() {
        Clue k2 = run().clues().get(1);
        assertThat(k2.periodFrom()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(k2.periodTo()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(k2.householdId()).isEqualTo("H2");
        assertThat(k2.explanation()).isEqualTo("一卡通" + K2 + "（持卡人周*）由李*居代管，2026年1月至2026年2月仍收到2笔"
                + "待遇资金共1,840.00元，但无代管备案");
        assertThat(k2.evidence()).contains("\"custodian_is_staff\":false");
    }

    @Test
    void aHolderOutsideTheRegistryTakesTheSmallestEnrollmentsHousehold() {
        Clue k6 = run().clues().get(2);
        assertThat(k6.idNo()).isEqualTo(STRANGER);
        assertThat(k6.enrollmentId()).isEqualTo("E4");
        assertThat(k6.householdId()).isEqualTo("H4");
        assertThat(k6.regionCode()).isEqualTo(VILLAGE_2);
        assertThat(k6.regionCode()).startsWith(TOWN.substring(0, 9));
    }

    @Test
    void filedCustodyOwnCustodyAndCardsWithoutMadePaymentsInWDoNotFire() {
        assertThat(run().clues()).extracting(Clue::subject).doesNotContain(K3, K4, K5);
    }
}
