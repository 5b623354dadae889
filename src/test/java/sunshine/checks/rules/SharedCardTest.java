package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
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

/** B04 SHARED_CARD on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class SharedCardTest {

    static final String ZHANG = id("37152619500101001");
    static final String WANG = id("37152619400404004");
    static final String WU = id("37152619410404014");
    static final String ZHAO = id("37152619600505005");
    static final String SUN = id("37152620150606006");
    static final String QIAN = id("37152619700707007");
    static final String LIU = id("37152619800808008");
    static final String STRANGER = id("11010519491231002");

    /** ZHANG's card: his household's money, and money of two other households. */
    static final String K1 = "6233000000000001";
    /** A card of someone outside the registry: two households. */
    static final String K2 = "6233000000000002";
    /** LIU's card (LIU is registered in H6, which has no enrollment): two households. */
    static final String K3 = "6233000000000003";
    /** WANG's card: two enrollments of one household. */
    static final String K4 = "6233000000000004";
    /** ZHAO's card: another household paid only before W and by a failed payment. */
    static final String K5 = "6233000000000005";

    @TempDir
    Path dir;

    private static String pay(String id, String enrollment, String period, String amount, String card) {
        return id + "," + enrollment + "," + period + "," + amount + ",CARD," + card + "," + period + "-06,,";
    }

    private CheckResult run() {
        CheckFixture f = new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",URBAN",
                        "H2," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H3," + VILLAGE_2 + "," + ZHAO + ",RURAL",
                        "H4," + VILLAGE_2 + "," + SUN + ",RURAL",
                        "H5," + VILLAGE_1 + "," + QIAN + ",URBAN",
                        "H6," + VILLAGE_2 + "," + LIU + ",RURAL")
                .rows("persons", ZHANG + ",张三丰,H1", WANG + ",王建国,H2", WU + ",吴秀兰,H2", ZHAO + ",赵六,H3",
                        SUN + ",孙小妹,H4", QIAN + ",钱多多,H5", LIU + ",刘洋,H6")
                .rows("enrollments",
                        "E1,DIBAO_URBAN,H1," + ZHANG + ",ACTIVE,2019-01-01,2019-01,,1000.00,",
                        "E2,TEKUN,H2," + WANG + ",ACTIVE,2019-01-01,2019-01,,480.00,",
                        "E10,DISABILITY_LIVING,H2," + WU + ",ACTIVE,2019-01-01,2019-01,,90.00,",
                        "E3,DISABILITY_CARE,H3," + ZHAO + ",ACTIVE,2019-01-01,2019-01,,100.50,",
                        "E9,ORPHAN,H4," + SUN + ",ACTIVE,2019-01-01,2019-01,,300.00,",
                        "E5,TEMP_ASSIST,H5," + QIAN + ",ACTIVE,2026-01-01,2026-01,2026-12,200.00,")
                .rows("enrollment_members", "E1," + ZHANG, "E2," + WANG, "E10," + WU, "E3," + ZHAO, "E9," + SUN,
                        "E5," + QIAN)
                .table("cards", "card_no,bank,holder_id_no,holder_name,opened_date,status,purpose,custodian_id_no",
                        K1 + ",农商银行," + ZHANG + ",张三丰,2020-01-01,ACTIVE,,",
                        K2 + ",农商银行," + STRANGER + ",路人甲,2020-01-01,ACTIVE,,",
                        K3 + ",农商银行," + LIU + ",刘洋,2020-01-01,CLOSED,,",
                        K4 + ",农商银行," + WANG + ",王建国,2020-01-01,ACTIVE,,",
                        K5 + ",农商银行," + ZHAO + ",赵六,2020-01-01,ACTIVE,,");
        for (YearMonth m = YearMonth.of(2025, 11); !m.isAfter(YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
            boolean late = m.isAfter(YearMonth.of(2026, 7));
            f.rows("payments",
                    pay("E1-" + m, "E1", m.toString(), "1000.00", K1),
                    pay("E2-" + m, "E2", m.toString(), "480.00", late ? K1 : K4),
                    pay("E10-" + m, "E10", m.toString(), "90.00", K4));
        }
        f.rows("payments",
                pay("E3-a", "E3", "2026-09", "100.50", K5),
                pay("E3-b", "E3", "2026-10", "100.50", K1),
                pay("E9-a", "E9", "2026-05", "300.00", K2),
                pay("E9-b", "E9", "2026-06", "300.00", K2),
                pay("E5-a", "E5", "2026-02", "200.00", K2),
                pay("E9-c", "E9", "2026-09", "300.00", K3),
                pay("E5-b", "E5", "2026-07", "150.00", K3),
                // another household onto ZHAO's card: before W, and failed
                pay("E9-old", "E9", "2025-10", "300.00", K5),
                pay("E5-failed", "E5", "2026-08", "150.00", K5),
                // cash is not a payment to a card
                "E9-cash,E9,2026-10,300.00,CASH,,2026-10-06,,");
        f.rows("bank_receipts", "E5-failed," + K5 + ",150.00,FAILED,2026-08-07");
        return f.run(dir, "2026-10", new SharedCard());
    }

    @Test
    void amountCountsOnlyHouseholdsOtherThanTheHolders() {
        List<Clue> clues = run().clues();
        assertThat(clues).extracting(Clue::subject).containsExactly(K1, K2, K3);

        Clue k1 = clues.get(0);
        assertThat(k1.rule()).isEqualTo("B04");
        assertThat(k1.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(k1.cardNo()).isEqualTo(K1);
        assertThat(k1.idNo()).as("the holder").isEqualTo(ZHANG);
        assertThat(k1.householdId()).as("the holder's household").isEqualTo("H1");
        assertThat(k1.regionCode()).isEqualTo(VILLAGE_1);
        // E1, E10, E2, E3 ... smallest by text among E1, E2, E3
        assertThat(k1.enrollmentId()).isEqualTo("E1");
        assertThat(k1.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(k1.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        // E2 2026-08..10: 3 x 480.00, E3 2026-10: 100.50; ZHANG's own E1 is not at risk
        assertThat(k1.amountAtRisk()).isEqualByComparingTo("1540.50");
        assertThat(k1.owed()).isNull();
        assertThat(k1.explanation()).isEqualTo("一卡通" + K1 + "（持卡人张*丰）2025年11月至2026年10月收到3户的待遇资金，"
                + "其中非持卡人本户的2户共计1,540.50元");
        assertThat(k1.evidence())
                .contains("\"holder_household_id\":\"H1\",\"households\":3")
                .contains("{\"household_id\":\"H1\",\"holder_household\":true,\"total\":12000.00")
                .contains("{\"household_id\":\"H2\",\"holder_household\":false,\"total\":1440.00")
                .contains("{\"payment_id\":\"E3-b\",\"enrollment_id\":\"E3\",\"program\":\"DISABILITY_CARE\","
                        + "\"period\":\"2026-10\",\"amount\":100.50}")
                .contains("\"other_households_total\":1540.50");
    }

    @Test
    void aHolderInNoneOfTheHouseholdsPutsAllOfItAtRisk() {
        List<Clue> clues = run().clues();
        Clue k2 = clues.get(1);
        assertThat(k2.amountAtRisk()).isEqualByComparingTo("800.00");
        assertThat(k2.idNo()).isEqualTo(STRANGER);
        // the holder is not in persons: the household of the smallest enrollment_id involved ("E5" < "E9")
        assertThat(k2.enrollmentId()).isEqualTo("E5");
        assertThat(k2.householdId()).isEqualTo("H5");
        assertThat(k2.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(k2.periodFrom()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(k2.periodTo()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(k2.explanation()).isEqualTo("一卡通" + K2 + "（持卡人非登记人员）2026年2月至2026年6月收到2户的待遇资金，"
                + "均非持卡人本户，共计800.00元");
        assertThat(k2.evidence()).contains("\"holder_household_id\":null");

        Clue k3 = clues.get(2);
        // LIU is registered in H6, which received nothing: all of it, and H6 is the clue's household
        assertThat(k3.amountAtRisk()).isEqualByComparingTo("450.00");
        assertThat(k3.householdId()).isEqualTo("H6");
        assertThat(k3.regionCode()).isEqualTo(VILLAGE_2);
        assertThat(k3.enrollmentId()).isEqualTo("E5");
    }

    @Test
    void oneHouseholdOrOtherHouseholdsOnlyOutsideWOrByFailedPaymentsDoNotFire() {
        assertThat(run().clues()).extracting(Clue::subject).doesNotContain(K4, K5);
    }
}
