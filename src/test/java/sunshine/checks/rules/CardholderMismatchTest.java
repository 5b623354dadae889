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

/** B03 CARDHOLDER_MISMATCH on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class CardholderMismatchTest {

    // E1 TEKUN: paid to a stranger's card (not in the registry) until 2026-01, then to his own
    static final String WANG = id("37152619400404004");
    static final String STRANGER = id("11010519491231002");
    // E2 DIBAO: paid to the spouse's card (a covered member): fine
    static final String ZHANG = id("37152619500101001");
    static final String LI = id("37152619520202002");
    // E3 TEKUN: paid to the daughter's card, custody filed
    static final String MA = id("37152619300303003");
    static final String DAUGHTER = id("37152619600606006");
    // E4 TEKUN: paid to the son's card; the only custody filing of that card names someone else
    static final String ZHOU = id("37152619310303013");
    static final String SON = id("37152619610606016");
    // E5 ORPHAN: the guardian is the payee (not covered) and is paid on his own card: fine
    static final String ORPHAN = id("37152620150707007");
    static final String GUARDIAN = id("37152619800808008");

    static final String CARD_STRANGER = "6233000000000001";
    static final String CARD_WANG = "6233000000000002";
    static final String CARD_LI = "6233000000000003";
    static final String CARD_DAUGHTER = "6233000000000004";
    static final String CARD_SON = "6233000000000005";
    static final String CARD_GUARDIAN = "6233000000000006";
    static final String CARD_ZHANG = "6233000000000007";

    @TempDir
    Path dir;

    private static String cardPayment(String id, String enrollment, String period, String amount, String card) {
        return id + "," + enrollment + "," + period + "," + amount + ",CARD," + card + "," + period + "-06,,";
    }

    private CheckResult run() {
        CheckFixture f = new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H2," + VILLAGE_1 + "," + ZHANG + ",URBAN",
                        "H3," + VILLAGE_1 + "," + MA + ",URBAN",
                        "H4," + VILLAGE_2 + "," + ZHOU + ",RURAL",
                        "H5," + VILLAGE_2 + "," + GUARDIAN + ",RURAL")
                .rows("persons", WANG + ",王建国,H1", ZHANG + ",张三丰,H2", LI + ",李秀英,H2", MA + ",马桂兰,H3",
                        DAUGHTER + ",马小红,H3", ZHOU + ",周福,H4", SON + ",周强,H4", ORPHAN + ",孙小妹,H5",
                        GUARDIAN + ",孙大伟,H5")
                .rows("enrollments",
                        "E1,TEKUN,H1," + WANG + ",ACTIVE,2019-01-01,2019-01,,920.00,",
                        "E2,DIBAO_URBAN,H2," + ZHANG + ",ACTIVE,2019-01-01,2019-01,,800.00,100.00",
                        "E3,TEKUN,H3," + MA + ",ACTIVE,2019-01-01,2019-01,,920.00,",
                        "E4,TEKUN,H4," + ZHOU + ",ACTIVE,2019-01-01,2019-01,,920.00,",
                        "E5,ORPHAN,H5," + GUARDIAN + ",ACTIVE,2019-01-01,2019-01,,1500.00,")
                .rows("enrollment_members", "E1," + WANG, "E2," + ZHANG, "E2," + LI, "E3," + MA, "E4," + ZHOU,
                        "E5," + ORPHAN)
                .table("cards", "card_no,bank,holder_id_no,holder_name,opened_date,status,purpose,custodian_id_no",
                        CARD_STRANGER + ",农商银行," + STRANGER + ",路人甲,2020-01-01,CLOSED,,",
                        CARD_WANG + ",农商银行," + WANG + ",王建国,2020-01-01,ACTIVE,,",
                        CARD_LI + ",农商银行," + LI + ",李秀英,2020-01-01,ACTIVE,,",
                        CARD_DAUGHTER + ",农商银行," + DAUGHTER + ",马小红,2020-01-01,ACTIVE,,",
                        CARD_SON + ",农商银行," + SON + ",周强,2020-01-01,ACTIVE,,",
                        CARD_GUARDIAN + ",农商银行," + GUARDIAN + ",孙大伟,2020-01-01,ACTIVE,,",
                        CARD_ZHANG + ",农商银行," + ZHANG + ",张三丰,2020-01-01,ACTIVE,,")
                .table("filings", "filing_id,kind,subject_id_no,related_id_no,card_no,filed_date,filed_level",
                        "F1,CUSTODY," + MA + "," + DAUGHTER + "," + CARD_DAUGHTER + ",2020-02-01,TOWN",
                        // names the son's card, but its subject is not E4's covered member
                        "F2,CUSTODY," + WANG + "," + SON + "," + CARD_SON + ",2020-02-01,TOWN",
                        // a RELATIVE filing is not a custody filing
                        "F3,RELATIVE," + ZHOU + "," + SON + ",,2020-02-01,TOWN");
        for (YearMonth m = YearMonth.of(2025, 11); !m.isAfter(YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
            f.rows("payments",
                    cardPayment("E1-" + m, "E1", m.toString(), "920.00",
                            m.isAfter(YearMonth.of(2026, 1)) ? CARD_WANG : CARD_STRANGER),
                    cardPayment("E2-" + m, "E2", m.toString(), "800.00",
                            m.isAfter(YearMonth.of(2026, 5)) ? CARD_LI : CARD_ZHANG),
                    cardPayment("E3-" + m, "E3", m.toString(), "920.00", CARD_DAUGHTER),
                    cardPayment("E5-" + m, "E5", m.toString(), "1500.00", CARD_GUARDIAN));
        }
        f.rows("payments",
                // before W: not counted
                cardPayment("E1-old", "E1", "2025-10", "920.00", CARD_STRANGER),
                // failed and never succeeded: not made, not counted
                cardPayment("E1-retry", "E1", "2026-01", "920.00", CARD_STRANGER),
                // a second card of someone else: a second clue for the same enrollment
                cardPayment("E1-extra", "E1", "2026-03", "100.01", CARD_GUARDIAN),
                // the son's card: F2 files its custody for WANG, E1's covered member
                cardPayment("E1-son", "E1", "2026-04", "50.00", CARD_SON),
                cardPayment("E4-2026-09", "E4", "2026-09", "920.00", CARD_SON),
                cardPayment("E4-2026-10", "E4", "2026-10", "920.00", CARD_SON),
                // cash: not a payment to a card
                "E4-cash,E4,2026-08,920.00,CASH,,2026-08-06,,");
        f.rows("bank_receipts", "E1-retry," + CARD_STRANGER + ",920.00,FAILED,2026-01-07");
        return f.run(dir, "2026-10", new CardholderMismatch());
    }

    @Test
    void firesPerEnrollmentAndCardWithTheSumOfThosePayments() {
        List<Clue> clues = run().clues();
        assertThat(clues).extracting(Clue::subject).containsExactly(
                "E1/" + CARD_STRANGER, "E1/" + CARD_GUARDIAN, "E4/" + CARD_SON);

        Clue stranger = clues.get(0);
        assertThat(stranger.rule()).isEqualTo("B03");
        assertThat(stranger.severity()).isEqualTo(Severity.HIGH);
        assertThat(stranger.enrollmentId()).isEqualTo("E1");
        assertThat(stranger.householdId()).isEqualTo("H1");
        assertThat(stranger.regionCode()).isEqualTo(VILLAGE_2);
        assertThat(stranger.idNo()).as("the payee").isEqualTo(WANG);
        assertThat(stranger.cardNo()).isEqualTo(CARD_STRANGER);
        assertThat(stranger.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(stranger.periodTo()).isEqualTo(YearMonth.of(2026, 1));
        // 2025-11, 2025-12, 2026-01 (the failed retry and the one before W do not count)
        assertThat(stranger.amountAtRisk()).isEqualByComparingTo("2760.00");
        assertThat(stranger.owed()).isNull();
        assertThat(stranger.explanation()).isEqualTo("2025年11月至2026年1月共3笔特困供养金2,760.00元发放至非登记人员的一卡通"
                + CARD_STRANGER + "，持卡人既非保障对象也非领款人，且无代管备案");
        assertThat(stranger.evidence())
                .contains("\"holder_id_no\":\"" + STRANGER + "\"")
                .contains("\"payee_id_no\":\"" + WANG + "\",\"covered_members\":[\"" + WANG + "\"]")
                .contains("\"custody_filing_for_a_covered_member\":false,\"custody_filing_for_someone_else\":false")
                .contains("{\"payment_id\":\"E1-2025-11\",\"period\":\"2025-11\",\"amount\":920.00,"
                        + "\"paid_date\":\"2025-11-06\"}")
                .doesNotContain("E1-old", "E1-retry")
                .contains("\"total\":2760.00");

        Clue extra = clues.get(1);
        assertThat(extra.amountAtRisk()).isEqualByComparingTo("100.01");
        assertThat(extra.periodFrom()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(extra.periodTo()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(extra.explanation()).startsWith("2026年3月共1笔特困供养金100.01元发放至孙*伟的一卡通");
    }

    @Test
    void aCustodyFilingCoversTheCardOnlyForItsSubject() {
        // F2 names the son's card with WANG as subject: fine for E1, not for E4
        assertThat(run().clues()).extracting(Clue::subject).doesNotContain("E1/" + CARD_SON);
        Clue son = run().clues().get(2);
        assertThat(son.subject()).isEqualTo("E4/" + CARD_SON);
        assertThat(son.amountAtRisk()).isEqualByComparingTo("1840.00");
        assertThat(son.evidence()).contains("\"custody_filing_for_someone_else\":true");
    }

    @Test
    void coveredMembersThePayeeAndFiledCustodyAreFine() {
        assertThat(run().clues()).extracting(Clue::enrollmentId).doesNotContain("E2", "E3", "E5");
    }
}
