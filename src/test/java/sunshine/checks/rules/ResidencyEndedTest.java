package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.OTHER_VILLAGE;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.VILLAGE_2;
import static sunshine.checks.CheckFixture.id;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.CheckFixture;
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/** A10 RESIDENCY_ENDED on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class ResidencyEndedTest {

    // H1 DIBAO_RURAL (2): B's registration cancelled 2026-03-03
    static final String A = id("37152619600101001");
    static final String B = id("37152619620101002");
    // H2 DIBAO_URBAN (2): C moved to another county 2026-07-06; D moved within the county
    static final String C = id("37152619690202003");
    static final String D = id("37152619700202004");
    // H3 TEKUN: moved out, destination unknown, 2026-04-08; 2026-06 failed
    static final String WANG = id("37152619400404004");
    // H4 DIBAO_RURAL: cancelled in the month of the last payment
    static final String E = id("37152619500505005");
    // H5 DIBAO_RURAL: moved within the county in 2025-12, cancelled 2026-09-20
    static final String F = id("37152619510606006");
    // H6 ORPHAN: moved to another county
    static final String KID = id("37152620150707007");
    static final String GRANNY = id("37152619550707008");
    // H7 DIBAO_RURAL household of the other county: moved into this county
    static final String G = id("37150219600808009");

    @TempDir
    Path dir;

    private List<Clue> run() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + A + ",RURAL",
                        "H2," + VILLAGE_2 + "," + C + ",URBAN",
                        "H3," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H4," + VILLAGE_1 + "," + E + ",RURAL",
                        "H5," + VILLAGE_1 + "," + F + ",RURAL",
                        "H6," + VILLAGE_2 + "," + GRANNY + ",RURAL",
                        "H7," + OTHER_VILLAGE + "," + G + ",RURAL")
                .rows("persons", A + ",甲一,H1", B + ",甲二,H1", C + ",乙一,H2", D + ",乙二,H2", WANG + ",王建国,H3",
                        E + ",丙一,H4", F + ",丁一,H5", KID + ",戊小,H6", GRANNY + ",戊奶,H6", G + ",己一,H7")
                .rows("enrollments",
                        "E1,DIBAO_RURAL,H1," + A + ",ACTIVE,2020-01-10,2020-02,,400.00,510.00",
                        "E2,DIBAO_URBAN,H2," + C + ",ACTIVE,2020-01-10,2020-02,,600.00,590.00",
                        "E3,TEKUN,H3," + WANG + ",ACTIVE,2020-01-10,2020-02,,920.00,",
                        "E4,DIBAO_RURAL,H4," + E + ",TERMINATED,2020-01-10,2020-02,2026-10,300.00,410.00",
                        "E5,DIBAO_RURAL,H5," + F + ",ACTIVE,2020-01-10,2020-02,,300.00,410.00",
                        "E6,ORPHAN,H6," + GRANNY + ",ACTIVE,2020-01-10,2020-02,,1500.00,",
                        "E7,DIBAO_RURAL,H7," + G + ",ACTIVE,2020-01-10,2020-02,,300.00,410.00")
                .rows("enrollment_members", "E1," + A, "E1," + B, "E2," + C, "E2," + D, "E3," + WANG, "E4," + E,
                        "E5," + F, "E6," + KID, "E7," + G)
                .monthlyPayments("E1", "2025-11", "2026-10", "400.00")
                .monthlyPayments("E2", "2025-11", "2026-10", "600.00")
                .monthlyPayments("E3", "2025-11", "2026-10", "920.00")
                .monthlyPayments("E4", "2025-11", "2026-10", "300.00")
                .monthlyPayments("E5", "2025-11", "2026-10", "300.00")
                .monthlyPayments("E6", "2025-11", "2026-10", "1500.00")
                .monthlyPayments("E7", "2025-11", "2026-10", "300.00")
                .rows("bank_receipts", "E3-2026-06,6228,920.00,FAILED,2026-06-06")
                .table("residency_events", "id_no,event,event_date,to_region",
                        B + ",CANCELLED,2026-03-03,",
                        C + ",迁出,2026-07-06," + OTHER_VILLAGE,
                        D + ",MOVED_OUT,2026-02-01," + VILLAGE_1,
                        WANG + ",MOVED_OUT,2026-04-08,",
                        E + ",注销,2026-10-15,",
                        F + ",MOVED_OUT,2025-12-01," + VILLAGE_2,
                        F + ",CANCELLED,2026-09-20,",
                        KID + ",MOVED_OUT,2026-08-01,130102000000",
                        G + ",MOVED_OUT,2026-01-10," + VILLAGE_1)
                .run(dir, "2026-10", new ResidencyEnded())
                .clues();
    }

    @Test
    void firesForPaymentsAfterTheMonthOfTheEvent() {
        List<Clue> clues = run();
        assertThat(clues).extracting(Clue::subject)
                .containsExactly("E1/" + B, "E2/" + C, "E3/" + WANG, "E5/" + F, "E6/" + KID, "E7/" + G);

        Clue cancelled = clues.get(0);
        assertThat(cancelled.rule()).isEqualTo("A10");
        assertThat(cancelled.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(cancelled.variant()).isEmpty();
        assertThat(cancelled.enrollmentId()).isEqualTo("E1");
        assertThat(cancelled.householdId()).isEqualTo("H1");
        assertThat(cancelled.idNo()).isEqualTo(B);
        assertThat(cancelled.cardNo()).isNull();
        assertThat(cancelled.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(cancelled.periodFrom()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(cancelled.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        // 7 x 400.00 / 2
        assertThat(cancelled.amountAtRisk()).isEqualByComparingTo("1400.00");
        assertThat(cancelled.owed()).isNull();
        assertThat(cancelled.explanation()).isEqualTo("甲*于2026年3月3日户籍已注销；此后仍发放低保金7个月，"
                + "按其份额（户内保障2人）计1,400.00元");
        assertThat(cancelled.evidence()).startsWith("{\"event_date\":\"2026-03-03\",\"event\":\"CANCELLED\","
                + "\"residency_events\":[{\"event\":\"CANCELLED\",\"event_date\":\"2026-03-03\",\"to_region\":null}],"
                + "\"program\":\"DIBAO_RURAL\",\"covered\":2,\"share_rule\":\"amount / covered\","
                + "\"payments\":[{\"payment_id\":\"E1-2026-04\",\"period\":\"2026-04\",\"amount\":400.00,"
                + "\"share\":200.00},");
    }

    @Test
    void movingToAnotherCountyOrToAnUnknownPlaceCounts() {
        List<Clue> clues = run();
        Clue moved = clues.get(1);
        assertThat(moved.amountAtRisk()).isEqualByComparingTo("900.00");
        assertThat(moved.periodFrom()).isEqualTo(YearMonth.of(2026, 8));
        assertThat(moved.explanation()).startsWith("乙*于2026年7月6日户籍已迁往东昌府区；");

        Clue unknown = clues.get(2);
        // 2026-05..10 without the failed 2026-06: 5 x 920.00, the whole amount
        assertThat(unknown.amountAtRisk()).isEqualByComparingTo("4600.00");
        assertThat(unknown.explanation()).isEqualTo("王*国于2026年4月8日户籍已迁出（迁往地不详）；此后仍发放特困供养金5个月，"
                + "共计4,600.00元");

        Clue orphan = clues.get(4);
        assertThat(orphan.amountAtRisk()).isEqualByComparingTo("3000.00");
        assertThat(orphan.idNo()).isEqualTo(KID);
        assertThat(orphan.explanation()).startsWith("戊*于2026年8月1日户籍已迁往外县（130102000000）；");
    }

    @Test
    void theEarliestQualifyingEventCountsAndTheHouseholdsCountyDecides() {
        List<Clue> clues = run();
        // a move within the county in 2025-12 does not count; the cancellation of 2026-09-20 does
        Clue f = clues.get(3);
        assertThat(f.periodFrom()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(f.amountAtRisk()).isEqualByComparingTo("300.00");
        // a household of county 371502 moving to this county moved to another county
        Clue g = clues.get(5);
        assertThat(g.periodFrom()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(g.amountAtRisk()).isEqualByComparingTo("2700.00");
    }

    @Test
    void movesWithinTheCountyAndEventsInTheMonthOfTheLastPaymentDoNotFire() {
        assertThat(run()).extracting(Clue::idNo).doesNotContain(D, E, A, GRANNY);
    }
}
