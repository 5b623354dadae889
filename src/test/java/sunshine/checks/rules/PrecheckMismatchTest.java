package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.OTHER_TOWN;
import static sunshine.checks.CheckFixture.OTHER_VILLAGE;
import static sunshine.checks.CheckFixture.TOWN;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.VILLAGE_2;
import static sunshine.checks.CheckFixture.id;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.CheckFixture;
import sunshine.checks.CheckResult;
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/**
 * C07 PRECHECK_MISMATCH on a tiny hand-written payroll: batch B1 of the town for 2026-10 (P = 2026-10, W =
 * 2025-11..2026-10), batch B2 of the other county's town, batch B0 for 2025-09, before W, and B3 for 2026-09. Enrollment Enn is of
 * household Hnn, its payee Pnn holds card 62280nn; all DIBAO_RURAL at 480.00 unless said.
 */
class PrecheckMismatchTest {

    static final String M04 = id("37152619700101999");
    static final String CADRE = id("37152619650505555");

    @TempDir
    Path dir;

    static String person(int i) {
        return id("37152619600101" + String.format("%03d", i));
    }

    static String card(int i) {
        return "62280" + String.format("%02d", i);
    }

    private CheckFixture fixture() {
        CheckFixture f = new CheckFixture()
                .rows("persons", M04 + ",李四妹,H04", CADRE + ",钱村官,H01")
                .table("cards", "card_no,bank,holder_id_no,status,purpose,custodian_id_no")
                .table("filings", "filing_id,kind,subject_id_no,related_id_no,card_no,filed_date,filed_level")
                .table("payroll_submissions", "batch_id,region_code,period,enrollment_id,payee_id_no,amount,card_no");
        String[] enrollments = {
            // 1 listed as it should be
            "ACTIVE,2024-12-20,2025-01,,480.00",
            // 2 listed at 630.00; 3 at 400.00
            "ACTIVE,2024-12-20,2025-01,,480.00", "ACTIVE,2024-12-20,2025-01,,480.00",
            // 4 listed with the other member as payee, at 500.00
            "ACTIVE,2024-12-20,2025-01,,480.00",
            // 5 listed with E01's card; 6 with a card in custody, filed; 7 with its payee's closed card
            "ACTIVE,2024-12-20,2025-01,,480.00", "ACTIVE,2024-12-20,2025-01,,480.00",
            "ACTIVE,2024-12-20,2025-01,,480.00",
            // 8 listed with its payee's card of purpose OTHER
            "ACTIVE,2024-12-20,2025-01,,480.00",
            // 9 listed twice
            "ACTIVE,2024-12-20,2025-01,,480.00",
            // 10 not listed: missing
            "ACTIVE,2024-12-20,2025-01,,480.00",
            // 11 not listed: approved after P
            "ACTIVE,2026-11-03,2026-10,,480.00",
            // 12 not listed: temporary assistance
            "ACTIVE,2026-10-03,2026-10,2026-10,2000.00",
            // 13 not listed: suspended
            "SUSPENDED,2024-12-20,2025-01,,480.00",
            // 14 in the other county, listed in B2
            "ACTIVE,2024-12-20,2025-01,,480.00",
            // 15 terminated after 2026-06, listed
            "TERMINATED,2024-12-20,2025-01,2026-06,480.00",
            // 16 temporary assistance, listed
            "ACTIVE,2026-10-03,2026-10,2026-10,2000.00",
            // 17 listed with a card in custody whose filing names someone not covered
            "ACTIVE,2024-12-20,2025-01,,480.00",
            // 18 not listed, ended before P: not due
            "ACTIVE,2024-12-20,2025-01,2026-09,480.00"};
        for (int i = 1; i <= enrollments.length; i++) {
            String n = String.format("%02d", i);
            String program = i == 12 || i == 16 ? "TEMP_ASSIST" : "DIBAO_RURAL";
            String village = i == 14 ? OTHER_VILLAGE : i % 2 == 1 ? VILLAGE_1 : VILLAGE_2;
            f.rows("households", "H" + n + "," + village + "," + person(i) + ",RURAL")
                    .rows("persons", person(i) + ",张" + n + "号,H" + n)
                    .rows("enrollments", "E" + n + "," + program + ",H" + n + "," + person(i) + ","
                            + enrollments[i - 1] + ",")
                    .rows("enrollment_members", "E" + n + "," + person(i))
                    .rows("cards", card(i) + ",农商银行," + person(i) + ","
                            + (i == 7 ? "CLOSED" : "ACTIVE") + "," + (i == 8 ? "OTHER" : "SUBSIDY") + ",");
        }
        f.rows("enrollment_members", "E04," + M04)
                .rows("cards",
                        "6228906,农商银行," + CADRE + ",ACTIVE,," + CADRE,
                        "6228917,农商银行," + CADRE + ",ACTIVE,SUBSIDY," + CADRE)
                .rows("filings",
                        "F1,CUSTODY," + person(6) + "," + CADRE + ",6228906,2024-01-01,TOWN",
                        "F2,CUSTODY," + person(1) + "," + CADRE + ",6228917,2024-01-01,TOWN");
        String b1 = "B1," + TOWN + ",2026-10,";
        return f.rows("payroll_submissions",
                b1 + "E01," + person(1) + ",480.00," + card(1),
                b1 + "E02," + person(2) + ",630.00," + card(2),
                b1 + "E03," + person(3) + ",400.00," + card(3),
                b1 + "E04," + M04 + ",500.00," + card(4),
                b1 + "E05," + person(5) + ",480.00," + card(1),
                b1 + "E06," + person(6) + ",480.00,6228906",
                b1 + "E07," + person(7) + ",480.00," + card(7),
                b1 + "E08," + person(8) + ",480.00," + card(8),
                b1 + "E09," + person(9) + ",480.00," + card(9),
                b1 + "E09," + person(9) + ",480.00," + card(9),
                b1 + "E15," + person(15) + ",480.00," + card(15),
                b1 + "E16," + person(16) + ",2000.00," + card(16),
                b1 + "E17," + person(17) + ",480.00,6228917",
                b1 + "E99," + CADRE + ",480.00,6228999",
                "B2," + OTHER_TOWN + ",2026-10,E14," + person(14) + ",480.00," + card(14),
                // before W: not checked, and no MISSING for it
                "B0," + TOWN + ",2025-09,E02," + person(2) + ",999.00," + card(2),
                // last month's list, already paid: not checked either (only P's list is about to be paid)
                "B3," + TOWN + ",2026-09,E02," + person(2) + ",999.00," + card(2));
    }

    private Map<String, Clue> run() {
        CheckResult r = fixture().run(dir, "2026-10", new PrecheckMismatch());
        return r.clues().stream().collect(Collectors.toMap(Clue::subject, Function.identity()));
    }

    @Test
    void everyVariantFiresWithItsAmount() {
        Map<String, Clue> clues = run();
        assertThat(clues.keySet()).containsExactlyInAnyOrder("B1/E02", "B1/E03", "B1/E04", "B1/E05", "B1/E07",
                "B1/E08", "B1/E09", "B1/E10", "B1/E15", "B1/E16", "B1/E17", "B1/E99");
        assertThat(clues.values()).allSatisfy(c -> {
            assertThat(c.rule()).isEqualTo("C07");
            assertThat(c.severity()).isEqualTo(Severity.HIGH);
            assertThat(c.periodFrom()).isEqualTo(YearMonth.of(2026, 10));
            assertThat(c.periodTo()).isEqualTo(YearMonth.of(2026, 10));
            assertThat(c.explanation()).endsWith("该批次不得发放");
            assertThat(c.evidence()).contains("\"batch_must_not_be_paid\":true");
        });
        expect(clues.get("B1/E02"), "AMOUNT", "150.00", null);
        expect(clues.get("B1/E03"), "AMOUNT", "0.00", "80.00");
        expect(clues.get("B1/E04"), "PAYEE", "500.00", null);
        expect(clues.get("B1/E05"), "CARD", "0.00", null);
        expect(clues.get("B1/E07"), "CARD", "0.00", null);
        expect(clues.get("B1/E08"), "CARD", "0.00", null);
        expect(clues.get("B1/E09"), "DUPLICATE", "480.00", null);
        expect(clues.get("B1/E10"), "MISSING", "0.00", "480.00");
        expect(clues.get("B1/E15"), "INACTIVE", "480.00", null);
        expect(clues.get("B1/E16"), "INACTIVE", "2000.00", null);
        expect(clues.get("B1/E17"), "CARD", "0.00", null);
        expect(clues.get("B1/E99"), "UNKNOWN", "480.00", null);
    }

    @Test
    void theClueFieldsOfARowAboutAKnownEnrollment() {
        Clue c = run().get("B1/E02");
        assertThat(c.enrollmentId()).isEqualTo("E02");
        assertThat(c.householdId()).isEqualTo("H02");
        assertThat(c.idNo()).isEqualTo(person(2));
        assertThat(c.cardNo()).isEqualTo(card(2));
        assertThat(c.regionCode()).isEqualTo(VILLAGE_2);
        assertThat(c.explanation()).isEqualTo("批次B1报送的农村低保待遇E02报送金额630.00元，核定月发放金额480.00元，"
                + "多报150.00元，该批次不得发放");
        assertThat(c.evidence()).isEqualTo("{\"batch_id\":\"B1\",\"town\":\"" + TOWN + "\",\"enrollment_id\":\"E02\","
                + "\"enrollment_known\":true,\"variants\":[\"AMOUNT\"],\"program\":\"DIBAO_RURAL\","
                + "\"status\":\"ACTIVE\",\"start_month\":\"2025-01\",\"end_month\":null,"
                + "\"payee_id_no\":\"" + person(2) + "\",\"monthly_amount\":480.00,\"rows\":[{\"period\":\"2026-10\","
                + "\"payee_id_no\":\"" + person(2) + "\",\"amount\":630.00,\"card_no\":\"" + card(2) + "\","
                + "\"active_at_period\":true,\"card_ok\":true}],\"batch_must_not_be_paid\":true,"
                + "\"parameters\":{\"period\":\"2026-10\",\"lookback\":12}}");
    }

    @Test
    void theFirstVariantNamesTheClueAndTheEvidenceListsThemAll() {
        Clue payee = run().get("B1/E04");
        assertThat(payee.idNo()).as("the enrollment's payee").isEqualTo(person(4));
        assertThat(payee.explanation()).isEqualTo("批次B1报送的农村低保待遇E04领款人与待遇登记的领款人张**号不一致，"
                + "报送金额500.00元，该批次不得发放");
        assertThat(payee.evidence()).contains("\"variants\":[\"PAYEE\",\"AMOUNT\"]");
        Clue twice = run().get("B1/E09");
        assertThat(twice.evidence()).contains("\"variants\":[\"DUPLICATE\"]");
        assertThat(twice.explanation()).isEqualTo("批次B1报送的农村低保待遇E09在同一批次中重复列入2次，多报480.00元，该批次不得发放");
        assertThat(run().get("B1/E15").explanation()).isEqualTo("批次B1报送的农村低保待遇E15在2026年10月不处于正常享受状态"
                + "（状态终止，终止月份2026年6月），报送金额480.00元，该批次不得发放");
        assertThat(run().get("B1/E16").explanation()).isEqualTo("批次B1报送的临时救助待遇E16为临时救助，不应列入月度发放名册，"
                + "报送金额2,000.00元，该批次不得发放");
        assertThat(run().get("B1/E16").evidence()).contains("\"variants\":[\"INACTIVE\"]", "\"active_at_period\":false");
    }

    @Test
    void anUnknownEnrollmentTakesTheBatchsTownAndTheSubmittedPayee() {
        Clue c = run().get("B1/E99");
        assertThat(c.enrollmentId()).isNull();
        assertThat(c.householdId()).isNull();
        assertThat(c.regionCode()).isEqualTo(TOWN);
        assertThat(c.idNo()).isEqualTo(CADRE);
        assertThat(c.cardNo()).isEqualTo("6228999");
        assertThat(c.explanation()).isEqualTo("批次B1报送的待遇E99在待遇库中不存在，报送金额480.00元，该批次不得发放");
        assertThat(c.evidence()).contains("\"enrollment_known\":false", "\"variants\":[\"UNKNOWN\"]");
    }

    @Test
    void aMissingEnrollmentIsOwedItsMonthlyAmount() {
        Clue c = run().get("B1/E10");
        assertThat(c.enrollmentId()).isEqualTo("E10");
        assertThat(c.householdId()).isEqualTo("H10");
        assertThat(c.idNo()).isEqualTo(person(10));
        assertThat(c.cardNo()).isNull();
        assertThat(c.regionCode()).isEqualTo(VILLAGE_2);
        assertThat(c.explanation()).isEqualTo("农村低保待遇E10在2026年10月应发480.00元，未列入批次B1的发放名册，该批次不得发放");
        assertThat(c.evidence()).contains("\"variants\":[\"MISSING\"]", "\"periods\":[\"2026-10\"]");
    }

    @Test
    void nearMissesDoNotFire() {
        // E01 as it should be; E06 a filed custody card; E11 approved after P; E12 temporary assistance; E13
        // suspended; E14 in another town's batch; E18 ended; B0 before W; B3 a month before P
        assertThat(run().keySet()).doesNotContain("B1/E01", "B1/E06", "B1/E11", "B1/E12", "B1/E13", "B1/E14",
                "B2/E14", "B1/E18", "B0/E02", "B0/E01", "B3/E02", "B3/E01");
    }

    private static void expect(Clue c, String variant, String amount, String owed) {
        assertThat(c.variant()).as(c.subject()).isEqualTo(variant);
        assertThat(c.amountAtRisk()).as(c.subject()).isEqualByComparingTo(amount);
        if (owed == null) {
            assertThat(c.owed()).as(c.subject()).isNull();
        } else {
            assertThat(c.owed()).as(c.subject()).isEqualByComparingTo(owed);
        }
    }
}
