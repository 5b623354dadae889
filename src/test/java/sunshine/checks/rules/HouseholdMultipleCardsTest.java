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

/** B02 HOUSEHOLD_MULTIPLE_CARDS on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class HouseholdMultipleCardsTest {

    static final String QIN = id("37152619600718313");
    static final String LI = id("37152619650623240");
    static final String WANG = id("37152619400404004");
    static final String WU = id("37152619410404014");
    static final String ZHAO = id("37152619600505005");
    static final String SUN = id("37152619900909009");

    @TempDir
    Path dir;

    private static String cardPayment(String id, String enrollment, String period, String amount, String card) {
        return id + "," + enrollment + "," + period + "," + amount + ",CARD," + card + "," + period + "-06,,";
    }

    private CheckResult run() {
        CheckFixture f = new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + QIN + ",URBAN",
                        "H2," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H3," + VILLAGE_2 + "," + ZHAO + ",RURAL",
                        "H4," + VILLAGE_2 + "," + SUN + ",RURAL")
                .rows("persons", QIN + ",秦玉超,H1", LI + ",李建桂,H1", WANG + ",王建国,H2", WU + ",吴秀兰,H2",
                        ZHAO + ",赵六,H3", SUN + ",孙小妹,H4")
                .rows("enrollments",
                        // the payee changed from the husband to the wife in 2026-05; both cards stay open
                        "E1,DIBAO_URBAN,H1," + LI + ",ACTIVE,2017-10-11,2017-11,,360.00,730.00",
                        // the card was replaced in 2026-03: the old one is closed
                        "E2,DIBAO_RURAL,H2," + WANG + ",ACTIVE,2019-01-01,2019-01,,500.00,",
                        // a second active card, but it was last paid before W
                        "E3,TEKUN,H3," + ZHAO + ",ACTIVE,2019-01-01,2019-01,,980.50,",
                        // a second active card, but the only payment to it failed
                        "E4,ORPHAN,H4," + SUN + ",ACTIVE,2019-01-01,2019-01,,1500.00,")
                .rows("enrollment_members", "E1," + QIN, "E1," + LI, "E2," + WANG, "E2," + WU, "E3," + ZHAO,
                        "E4," + SUN)
                .table("cards", "card_no,bank,holder_id_no,holder_name,opened_date,status,purpose,custodian_id_no",
                        "6233000000000700,农商银行," + QIN + ",秦玉超,2017-11-11,ACTIVE,,",
                        "6233000000000701,邮储银行," + LI + ",李建桂,2023-11-27,ACTIVE,,",
                        "6233000000000710,农商银行," + WANG + ",王建国,2015-01-01,CLOSED,,",
                        "6233000000000711,农商银行," + WANG + ",王建国,2026-02-20,ACTIVE,,",
                        "6233000000000720,农商银行," + ZHAO + ",赵六,2015-01-01,ACTIVE,,",
                        "6233000000000721,农商银行," + ZHAO + ",赵六,2025-01-01,ACTIVE,,",
                        "6233000000000730,农商银行," + SUN + ",孙小妹,2015-01-01,ACTIVE,,",
                        "6233000000000731,农商银行," + SUN + ",孙小妹,2025-01-01,ACTIVE,,");
        for (YearMonth m = YearMonth.of(2025, 11); !m.isAfter(YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
            boolean late = !m.isBefore(YearMonth.of(2026, 5));
            f.rows("payments", cardPayment("E1-" + m, "E1", m.toString(), "360.00",
                    late ? "6233000000000701" : "6233000000000700"));
            f.rows("payments", cardPayment("E2-" + m, "E2", m.toString(), "500.00",
                    m.isBefore(YearMonth.of(2026, 3)) ? "6233000000000710" : "6233000000000711"));
            f.rows("payments", cardPayment("E3-" + m, "E3", m.toString(), "980.50", "6233000000000720"));
            f.rows("payments", cardPayment("E4-" + m, "E4", m.toString(), "1500.00", "6233000000000730"));
        }
        f.rows("payments",
                cardPayment("E3-old", "E3", "2025-10", "980.50", "6233000000000721"),
                cardPayment("E4-extra", "E4", "2026-10", "1500.00", "6233000000000731"),
                // cash is not a payment to a card
                "E3-cash,E3,2026-10,10.00,CASH,,2026-10-20,,");
        f.rows("bank_receipts", "E4-extra,6233000000000731,1500.00,FAILED,2026-10-07");
        return f.run(dir, "2026-10", new HouseholdMultipleCards());
    }

    @Test
    void firesWhenTwoStillActiveCardsWerePaid() {
        List<Clue> clues = run().clues();
        assertThat(clues).extracting(Clue::subject).containsExactly("E1");
        Clue c = clues.get(0);
        assertThat(c.rule()).isEqualTo("B02");
        assertThat(c.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(c.enrollmentId()).isEqualTo("E1");
        assertThat(c.householdId()).isEqualTo("H1");
        assertThat(c.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(c.idNo()).as("the payee").isEqualTo(LI);
        assertThat(c.cardNo()).isNull();
        assertThat(c.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(c.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(c.owed()).isNull();
        assertThat(c.explanation()).isEqualTo("2025年11月至2026年10月，该户低保金发放至2张仍为正常状态的一卡通："
                + "6233000000000700（持卡人秦*超）、6233000000000701（持卡人李*桂），一户应只使用一张发放卡");
        assertThat(c.evidence()).contains("\"active_cards_paid\":2")
                .contains("\"card_no\":\"6233000000000700\"")
                .contains("\"payments\":6,\"first_period\":\"2025-11\",\"last_period\":\"2026-04\"")
                .contains("\"payments\":6,\"first_period\":\"2026-05\",\"last_period\":\"2026-10\"");
    }

    @Test
    void aReplacedCardThatIsClosedDoesNotFire() {
        assertThat(run().clues()).extracting(Clue::enrollmentId).doesNotContain("E2");
    }

    @Test
    void aCardPaidOnlyBeforeTheWindowOrOnlyByAFailedPaymentDoesNotCount() {
        assertThat(run().clues()).extracting(Clue::enrollmentId).doesNotContain("E3", "E4");
    }
}
