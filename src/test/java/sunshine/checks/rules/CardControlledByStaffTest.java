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

/** B06 CARD_CONTROLLED_BY_STAFF on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class CardControlledByStaffTest {

    static final String MA = id("37152619300303003");
    static final String ZHOU = id("37152619310303013");
    static final String WANG = id("37152619400404004");
    static final String ZHAO = id("37152619600505005");
    static final String SUN = id("37152619330303033");
    static final String CADRE = id("37152619700808008");
    static final String CADRE_2 = id("37152619710808018");
    static final String RETIRED = id("37152619500808028");
    static final String NEIGHBOUR = id("37152619720909009");
    static final String NEIGHBOUR_2 = id("37152619730909019");
    /** A town official who is not in persons. */
    static final String OFFICIAL = id("37150219650101012");

    /** The village cadre's own card: an old man's support (and the cadre's own subsidy). */
    static final String K1 = "6233000000000001";
    /** ZHOU's own card kept by the cadre: only ZHOU's money. */
    static final String K2 = "6233000000000002";
    /** The neighbour's card kept by a retired official: WANG's support. */
    static final String K3 = "6233000000000003";
    /** Another neighbour's card, nobody is staff: ZHAO's support (B03's business, not B06's). */
    static final String K4 = "6233000000000004";
    /** The second cadre's card: SUN's support, but only before W and by a failed payment. */
    static final String K5 = "6233000000000005";
    /** The town official's card: SUN's support. */
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
                        "H5," + VILLAGE_1 + "," + SUN + ",URBAN",
                        "H9," + VILLAGE_2 + "," + CADRE + ",RURAL")
                .rows("persons", MA + ",马老汉,H1", ZHOU + ",周福,H2", WANG + ",王建国,H3", ZHAO + ",赵六,H4",
                        SUN + ",孙老汉,H5", CADRE + ",钱村官,H9", CADRE_2 + ",吴村官,H9", RETIRED + ",郑退休,H9",
                        NEIGHBOUR + ",李邻居,H2", NEIGHBOUR_2 + ",何邻居,H4")
                .rows("enrollments",
                        "E1,TEKUN,H1," + MA + ",ACTIVE,2019-01-01,2019-01,,920.00,",
                        "E2,TEKUN,H2," + ZHOU + ",ACTIVE,2019-01-01,2019-01,,920.00,",
                        "E3,TEKUN,H3," + WANG + ",ACTIVE,2019-01-01,2019-01,,920.00,",
                        "E4,TEKUN,H4," + ZHAO + ",ACTIVE,2019-01-01,2019-01,,920.00,",
                        "E5,TEKUN,H5," + SUN + ",ACTIVE,2019-01-01,2019-01,,920.00,",
                        "E9,DISABILITY_CARE,H9," + CADRE + ",ACTIVE,2019-01-01,2019-01,,100.00,")
                .rows("enrollment_members", "E1," + MA, "E2," + ZHOU, "E3," + WANG, "E4," + ZHAO, "E5," + SUN,
                        "E9," + CADRE)
                .table("cards", "card_no,bank,holder_id_no,holder_name,opened_date,status,purpose,custodian_id_no",
                        K1 + ",农商银行," + CADRE + ",钱村官,2020-01-01,ACTIVE,,",
                        K2 + ",农商银行," + ZHOU + ",周福,2020-01-01,ACTIVE,," + CADRE,
                        K3 + ",农商银行," + NEIGHBOUR + ",李邻居,2020-01-01,ACTIVE,," + RETIRED,
                        K4 + ",农商银行," + NEIGHBOUR_2 + ",何邻居,2020-01-01,ACTIVE,,",
                        K5 + ",农商银行," + CADRE_2 + ",吴村官,2020-01-01,ACTIVE,,",
                        K6 + ",农商银行," + OFFICIAL + ",冯官员,2020-01-01,CLOSED,,")
                .table("staff", "id_no,name,role,region_code,level,active_from,active_to",
                        CADRE + ",钱村官,VILLAGE_CADRE," + VILLAGE_1 + ",VILLAGE,,",
                        CADRE_2 + ",吴村官,VILLAGE_CADRE," + VILLAGE_1 + ",VILLAGE,,",
                        // left office long ago: "is staff" does not look at dates
                        RETIRED + ",郑退休,TOWN_OFFICIAL," + TOWN + ",TOWN,2000-01-01,2010-12-31",
                        OFFICIAL + ",冯官员,TOWN_OFFICIAL," + TOWN + ",TOWN,2015-01-01,");
        for (YearMonth m = YearMonth.of(2025, 11); !m.isAfter(YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
            f.rows("payments",
                    pay("E1-" + m, "E1", m.toString(), "920.00", K1),
                    pay("E2-" + m, "E2", m.toString(), "920.00", K2),
                    pay("E9-" + m, "E9", m.toString(), "100.00", K1));
        }
        f.rows("payments",
                pay("E3-a", "E3", "2026-09", "920.00", K3),
                pay("E3-b", "E3", "2026-10", "920.00", K3),
                pay("E4-a", "E4", "2026-10", "920.00", K4),
                pay("E5-old", "E5", "2025-10", "920.00", K5),
                pay("E5-failed", "E5", "2026-10", "920.00", K5),
                pay("E5-a", "E5", "2026-04", "920.00", K6),
                pay("E5-b", "E5", "2026-05", "920.00", K6));
        f.rows("bank_receipts", "E5-failed," + K5 + ",920.00,FAILED,2026-10-07",
                "E5-a," + K6 + ",920.00,SUCCESS,2026-04-07");
        return f.run(dir, "2026-10", new CardControlledByStaff());
    }

    @Test
    void firesForOthersMoneyOnAStaffMembersOwnCard() {
        List<Clue> clues = run().clues();
        assertThat(clues).extracting(Clue::subject).containsExactly(K1, K3, K6);

        Clue k1 = clues.get(0);
        assertThat(k1.rule()).isEqualTo("B06");
        assertThat(k1.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(k1.cardNo()).isEqualTo(K1);
        assertThat(k1.idNo()).as("the holder").isEqualTo(CADRE);
        assertThat(k1.householdId()).as("the holder's household").isEqualTo("H9");
        assertThat(k1.regionCode()).isEqualTo(VILLAGE_2);
        assertThat(k1.enrollmentId()).isEqualTo("E1");
        assertThat(k1.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(k1.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        // 12 x 920.00 of MA's support; the cadre's own care subsidy (E9 covers him) is not at risk
        assertThat(k1.amountAtRisk()).isEqualByComparingTo("11040.00");
        assertThat(k1.owed()).isNull();
        assertThat(k1.explanation()).isEqualTo("村居干部钱*官本人的一卡通" + K1
                + "，2025年11月至2026年10月收到1项不保障持卡人的待遇12笔，共计11,040.00元");
        assertThat(k1.evidence())
                .contains("\"holder_is_staff\":true,\"custodian_is_staff\":false")
                .contains("\"holder_staff\":{\"id_no\":\"" + CADRE + "\",\"role\":\"VILLAGE_CADRE\","
                        + "\"level\":\"VILLAGE\",\"region_code\":\"" + VILLAGE_1 + "\"")
                .contains("\"enrollments_not_covering_holder\":[\"E1\"]")
                .doesNotContain("E9-2026")
                .contains("\"total\":11040.00");
    }

    @Test
    void firesForACardKeptByStaffWhateverTheirDatesInOffice() {
        Clue k3 = run().clues().get(1);
        assertThat(k3.idNo()).isEqualTo(NEIGHBOUR);
        assertThat(k3.householdId()).isEqualTo("H2");
        assertThat(k3.enrollmentId()).isEqualTo("E3");
        assertThat(k3.amountAtRisk()).isEqualByComparingTo("1840.00");
        assertThat(k3.explanation()).isEqualTo("乡镇干部郑*休代管的一卡通" + K3 + "（持卡人李*居），2026年9月至2026年10月"
                + "收到1项不保障持卡人的待遇2笔，共计1,840.00元");
        assertThat(k3.evidence()).contains("\"holder_is_staff\":false,\"custodian_is_staff\":true")
                .contains("\"active_to\":\"2010-12-31\"");
    }

    @Test
    void aStaffHolderOutsideTheRegistryTakesTheSmallestEnrollmentsHousehold() {
        Clue k6 = run().clues().get(2);
        assertThat(k6.idNo()).isEqualTo(OFFICIAL);
        assertThat(k6.enrollmentId()).isEqualTo("E5");
        assertThat(k6.householdId()).isEqualTo("H5");
        assertThat(k6.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(k6.amountAtRisk()).isEqualByComparingTo("1840.00");
        assertThat(k6.explanation()).isEqualTo("乡镇干部冯*员本人的一卡通" + K6
                + "，2026年4月至2026年5月收到1项不保障持卡人的待遇2笔，共计1,840.00元");
    }

    @Test
    void aCadreKeepingACoveredPersonsCardOrCardsWithoutStaffOrWithoutMadePaymentsDoNotFire() {
        assertThat(run().clues()).extracting(Clue::subject).doesNotContain(K2, K4, K5);
    }
}
