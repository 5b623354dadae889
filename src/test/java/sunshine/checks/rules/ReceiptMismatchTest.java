package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.VILLAGE_2;
import static sunshine.checks.CheckFixture.id;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.CheckFixture;
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/**
 * C08 RECEIPT_MISMATCH on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. Payment Pnn is of
 * enrollment Enn (DIBAO_RURAL, 480.00 a month) of household Hnn, paid by card 62280nn; batch B1 has receipts,
 * batch B2 has none yet.
 */
class ReceiptMismatchTest {

    @TempDir
    Path dir;

    static String person(int i) {
        return id("37152619600101" + String.format("%03d", i));
    }

    static String card(int i) {
        return "62280" + String.format("%02d", i);
    }

    private Map<String, Clue> run() {
        CheckFixture f = new CheckFixture();
        for (int i = 1; i <= 13; i++) {
            String n = String.format("%02d", i);
            f.rows("households", "H" + n + "," + (i % 2 == 1 ? VILLAGE_1 : VILLAGE_2) + "," + person(i) + ",RURAL")
                    .rows("persons", person(i) + ",王" + n + ",H" + n)
                    .rows("enrollments", "E" + n + ",DIBAO_RURAL,H" + n + "," + person(i)
                            + ",ACTIVE,2024-12-20,2025-01,,480.00,")
                    .rows("enrollment_members", "E" + n + "," + person(i));
        }
        String may = ",2026-05,480.00,CARD,";
        return f.rows("payments",
                        "P01,E01" + may + card(1) + ",2026-05-05,,B1",
                        "P02,E02" + may + card(2) + ",2026-05-05,,B1",
                        "P03,E03" + may + card(3) + ",2026-05-05,,B1",
                        "P04,E04" + may + card(4) + ",2026-05-05,,B1",
                        "P05,E05" + may + card(5) + ",2026-05-05,,B1",
                        "P06,E06" + may + card(6) + ",2026-05-03,,B1",
                        "P07,E06" + may + card(6) + ",2026-05-09,,B1-R1",
                        "P08,E08" + may + card(8) + ",2026-05-05,,B1",
                        "P09,E09" + may + card(9) + ",2026-05-05,,B2",
                        "P10,E10" + may + card(10) + ",2026-05-05,,",
                        "P11,E11,2026-05,480.00,CASH,,2026-05-05,,B1",
                        "P12,E12,2025-10,480.00,CARD," + card(12) + ",2025-10-05,,B0",
                        "P13,E13" + may + card(13) + ",2026-05-05,,B1",
                        "P14,E13,2026-05,480.00,CASH,,2026-05-20,,")
                .rows("bank_receipts",
                        "P01," + card(1) + ",480.00,SUCCESS,2026-05-05",
                        "P02," + card(2) + ",500.00,SUCCESS,2026-05-05",
                        "P03," + card(3) + ",450.00,SUCCESS,2026-05-05",
                        "P04,6228999,490.00,SUCCESS,2026-05-05",
                        "P05," + card(5) + ",480.00,FAILED,2026-05-05",
                        "P06," + card(6) + ",480.00,FAILED,2026-05-03",
                        "P07," + card(6) + ",480.00,SUCCESS,2026-05-09",
                        "P11," + card(11) + ",500.00,SUCCESS,2026-05-05",
                        "P12,6228999,480.00,SUCCESS,2025-10-05",
                        "P13," + card(13) + ",480.00,FAILED,2026-05-05")
                .run(dir, "2026-10", new ReceiptMismatch()).clues().stream()
                .collect(Collectors.toMap(Clue::subject, Function.identity()));
    }

    @Test
    void everyVariantFires() {
        Map<String, Clue> clues = run();
        assertThat(clues.keySet()).containsExactlyInAnyOrder("P02", "P03", "P04", "P05", "P08");
        expect(clues.get("P02"), "AMOUNT", Severity.MEDIUM, "20.00", null);
        expect(clues.get("P03"), "AMOUNT", Severity.MEDIUM, "0.00", "30.00");
        expect(clues.get("P04"), "CARD", Severity.HIGH, "480.00", null);
        expect(clues.get("P05"), "FAILED", Severity.MEDIUM, "0.00", null);
        expect(clues.get("P08"), "MISSING", Severity.MEDIUM, "0.00", null);
        assertThat(clues.values()).allSatisfy(c -> {
            assertThat(c.rule()).isEqualTo("C08");
            assertThat(c.periodFrom()).isEqualTo(YearMonth.of(2026, 5));
            assertThat(c.periodTo()).isEqualTo(YearMonth.of(2026, 5));
        });
    }

    @Test
    void theClueFieldsAndTheEvidence() {
        Clue c = run().get("P04");
        assertThat(c.enrollmentId()).isEqualTo("E04");
        assertThat(c.householdId()).isEqualTo("H04");
        assertThat(c.idNo()).isEqualTo(person(4));
        assertThat(c.cardNo()).isEqualTo(card(4));
        assertThat(c.regionCode()).isEqualTo(VILLAGE_2);
        assertThat(c.explanation())
                .isEqualTo("2026年5月低保金480.00元（卡号6228004）的银行回单显示入账到另一张卡6228999，资金去向不明");
        assertThat(c.evidence()).isEqualTo("{\"payment_id\":\"P04\",\"period\":\"2026-05\",\"amount\":480.00,"
                + "\"card_no\":\"6228004\",\"batch_id\":\"B1\",\"paid_date\":\"2026-05-05\","
                + "\"variants\":[\"CARD\",\"AMOUNT\"],\"receipts\":[{\"status\":\"SUCCESS\",\"card_no\":\"6228999\","
                + "\"amount\":490.00,\"settled_date\":\"2026-05-05\",\"failure_reason\":null}],"
                + "\"parameters\":{\"period\":\"2026-10\",\"lookback\":12}}");
        assertThat(c.owed()).as("a CARD clue owes nothing").isNull();

        assertThat(run().get("P02").explanation())
                .isEqualTo("2026年5月低保金480.00元（卡号6228002）的银行回单入账金额为500.00元，多付20.00元");
        assertThat(run().get("P03").explanation())
                .isEqualTo("2026年5月低保金480.00元（卡号6228003）的银行回单入账金额为450.00元，少付30.00元");
        assertThat(run().get("P05").explanation())
                .isEqualTo("2026年5月低保金480.00元（卡号6228005）银行发放失败，当月未重新发放");
        assertThat(run().get("P08").explanation())
                .isEqualTo("2026年5月低保金480.00元（卡号6228008）没有银行回单，而同批次B1的其他发放已有回单");
    }

    @Test
    void nearMissesDoNotFire() {
        // P01 as paid; P06 failed then re-issued (P07); P09 its batch awaits the bank; P10 no batch; P11 not by
        // card; P12 before W; P13 failed but paid in cash for the period
        assertThat(run().keySet()).doesNotContain("P01", "P06", "P07", "P09", "P10", "P11", "P12", "P13", "P14");
    }

    private static void expect(Clue c, String variant, Severity severity, String amount, String owed) {
        assertThat(c.variant()).as(c.subject()).isEqualTo(variant);
        assertThat(c.severity()).as(c.subject()).isEqualTo(severity);
        assertThat(c.amountAtRisk()).as(c.subject()).isEqualByComparingTo(amount);
        if (owed == null) {
            assertThat(c.owed()).as(c.subject()).isNull();
        } else {
            assertThat(c.owed()).as(c.subject()).isEqualByComparingTo(owed);
        }
    }
}
