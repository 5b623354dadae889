package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.VILLAGE_2;
import static sunshine.checks.CheckFixture.id;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.CheckFixture;
import sunshine.checks.CheckInputException;
import sunshine.checks.CheckResult;
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/** B01 MULTIPLE_CARDS on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class MultipleCardsTest {

    static final String ZHANG = id("37152619500101001");
    static final String LI = id("37152619520202002");
    static final String WANG = id("37152619400404004");
    static final String ZHAO = id("37152619600505005");
    static final String UNCOVERED = id("37152619300707007");
    static final String SUN = id("37152619900909009");
    static final String STRANGER = id("11010519491231002");

    @TempDir
    Path dir;

    private CheckFixture fixture() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",URBAN",
                        "H2," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H3," + VILLAGE_2 + "," + SUN + ",RURAL")
                .rows("persons", ZHANG + ",张三丰,H1", LI + ",李秀英,H1", UNCOVERED + ",张老四,H1",
                        WANG + ",王建国,H2", ZHAO + ",赵六,H2", SUN + ",孙小妹,H3")
                .rows("enrollments",
                        "E1,DIBAO_URBAN,H1," + ZHANG + ",ACTIVE,2024-12-20,2025-01,,1000.00,200.00",
                        "E2,TEKUN,H2," + WANG + ",ACTIVE,2020-03-01,2020-03,,980.50,",
                        // ended years ago, nothing paid in W: out of scope
                        "E3,ORPHAN,H2," + ZHAO + ",TERMINATED,2010-03-01,2010-03,2015-12,600.00,",
                        // SUN is registered in H3 but covered by enrollments of H1: an old one out of scope
                        // (smaller id "E0") and a current one
                        "E0,DISABILITY_CARE,H1," + SUN + ",TERMINATED,2012-01-01,2012-01,2013-12,80.00,",
                        "E7,DISABILITY_CARE,H1," + SUN + ",ACTIVE,2024-01-01,2024-01,,100.00,")
                .rows("enrollment_members", "E1," + ZHANG, "E1," + LI, "E2," + WANG, "E3," + ZHAO, "E0," + SUN,
                        "E7," + SUN)
                .table("cards", "card_no,bank,holder_id_no,holder_name,opened_date,status,purpose,custodian_id_no",
                        // ZHANG: two active subsidy cards (one with an empty purpose), listed out of number order
                        "6228000000000009,农商银行," + ZHANG + ",张三丰,2025-12-02,ACTIVE,SUBSIDY,",
                        "6228000000000001,邮储银行," + ZHANG + ",张三丰,2021-06-17,ACTIVE,,",
                        // LI: the second card is not a subsidy card
                        "6228000000000011,农商银行," + LI + ",李秀英,2021-06-17,ACTIVE,,",
                        "6228000000000012,建设银行," + LI + ",李秀英,2023-01-01,ACTIVE,OTHER,",
                        // WANG: the second subsidy card is closed
                        "6228000000000021,农商银行," + WANG + ",王建国,2019-01-01,CLOSED,SUBSIDY,",
                        "6228000000000022,农商银行," + WANG + ",王建国,2024-01-01,ACTIVE,SUBSIDY,",
                        // ZHAO: two active cards, but his only enrollment is out of scope
                        "6228000000000031,农商银行," + ZHAO + ",赵六,2010-01-01,ACTIVE,,",
                        "6228000000000032,农商银行," + ZHAO + ",赵六,2011-01-01,ACTIVE,,",
                        // not a covered member, and not in the registry at all
                        "6228000000000041,农商银行," + UNCOVERED + ",张老四,2010-01-01,ACTIVE,,",
                        "6228000000000042,农商银行," + UNCOVERED + ",张老四,2011-01-01,ACTIVE,,",
                        "6228000000000051,农商银行," + STRANGER + ",路人甲,2010-01-01,ACTIVE,,",
                        "6228000000000052,农商银行," + STRANGER + ",路人甲,2011-01-01,ACTIVE,,",
                        // SUN: three active subsidy cards, one of them kept by someone
                        "6228000000000061,农商银行," + SUN + ",孙小妹,2010-01-01,ACTIVE,,",
                        "6228000000000062,农商银行," + SUN + ",孙小妹,2011-01-01,ACTIVE,SUBSIDY," + LI,
                        "6228000000000063,农商银行," + SUN + ",孙小妹,2012-01-01,ACTIVE,,")
                .monthlyPayments("E1", "2025-11", "2026-10", "1000.00")
                .monthlyPayments("E2", "2025-11", "2026-10", "980.50");
    }

    private CheckResult run() {
        return fixture().run(dir, "2026-10", new MultipleCards());
    }

    @Test
    void firesForACoveredMemberWithTwoActiveSubsidyCards() {
        List<Clue> clues = run().clues();
        assertThat(clues).extracting(Clue::subject).containsExactly(ZHANG, SUN);

        Clue zhang = clues.get(0);
        assertThat(zhang.rule()).isEqualTo("B01");
        assertThat(zhang.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(zhang.variant()).isEmpty();
        assertThat(zhang.idNo()).isEqualTo(ZHANG);
        assertThat(zhang.enrollmentId()).isEqualTo("E1");
        assertThat(zhang.householdId()).isEqualTo("H1");
        assertThat(zhang.regionCode()).isEqualTo(VILLAGE_1);
        // in card_no order, not file order
        assertThat(zhang.cardNo()).isEqualTo("6228000000000001,6228000000000009");
        assertThat(zhang.periodFrom()).isNull();
        assertThat(zhang.periodTo()).isNull();
        assertThat(zhang.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(zhang.amountAtRisk().scale()).isEqualTo(2);
        assertThat(zhang.owed()).isNull();
        assertThat(zhang.explanation()).isEqualTo(
                "张*丰名下有2张正常状态的一卡通（卡号6228000000000001、6228000000000009），一人应只保留一张补贴发放卡");
        assertThat(zhang.evidence())
                .startsWith("{\"holder_id_no\":\"" + ZHANG + "\",\"active_subsidy_cards\":2,\"cards\":[{\"card_no\":"
                        + "\"6228000000000001\",\"bank\":\"邮储银行\",\"holder_id_no\":\"" + ZHANG + "\","
                        + "\"opened_date\":\"2021-06-17\",\"status\":\"ACTIVE\",\"purpose\":\"SUBSIDY\","
                        + "\"custodian_id_no\":null},{\"card_no\":\"6228000000000009\"")
                .endsWith("\"enrollments_in_scope\":[\"E1\"],\"parameters\":{\"period\":\"2026-10\","
                        + "\"lookback\":12}}");
    }

    @Test
    void takesTheHoldersOwnHouseholdAndTheSmallestEnrollmentInScope() {
        Clue sun = run().clues().get(1);
        assertThat(sun.cardNo()).isEqualTo("6228000000000061,6228000000000062,6228000000000063");
        // E0 is smaller but out of scope; E7 belongs to H1, but the holder is registered in H3
        assertThat(sun.enrollmentId()).isEqualTo("E7");
        assertThat(sun.householdId()).isEqualTo("H3");
        assertThat(sun.regionCode()).isEqualTo(VILLAGE_2);
        assertThat(sun.explanation()).startsWith("孙*妹名下有3张正常状态的一卡通");
        assertThat(sun.evidence()).contains("\"custodian_id_no\":\"" + LI + "\"")
                .contains("\"enrollments_in_scope\":[\"E7\"]");
    }

    @Test
    void closedCardsOtherPurposesAndPeopleOutOfScopeDoNotFire() {
        assertThat(run().clues()).extracting(Clue::idNo)
                .doesNotContain(LI, WANG, ZHAO, UNCOVERED, STRANGER);
    }

    @Test
    void withoutCardsTheCheckIsRefused() {
        CheckFixture f = fixture().remove("cards");
        assertThatThrownBy(() -> f.run(dir, "2026-10", new MultipleCards()))
                .isInstanceOf(CheckInputException.class)
                .hasMessageContaining("cards");
    }
}
