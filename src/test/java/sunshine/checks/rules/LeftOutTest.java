package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.COUNTY;
import static sunshine.checks.CheckFixture.OTHER_VILLAGE;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.VILLAGE_2;
import static sunshine.checks.CheckFixture.id;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.CheckFixture;
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/** A09 LEFT_OUT on a tiny hand-written folder; P = 2026-10. */
class LeftOutTest {

    // H1 (no benefit): a son with a level-2 certificate; his father (level 1) gets the care subsidy
    static final String FATHER = id("37152619500101001");
    static final String SON = id("37152619900101002");
    // H2 DIBAO_URBAN (2): MEI has a level-4 certificate; NAN has level 1 and nothing at all
    static final String NAN = id("37152619600202003");
    static final String MEI = id("37152619620202004");
    // H3 DIBAO_RURAL with the living subsidy: nothing missing
    static final String FULL = id("37152619550303005");
    // H4: a revoked certificate, one issued after P, a milder one with a revoked severe one
    static final String REVOKED = id("37152619700404006");
    static final String LATER = id("37152619710404007");
    static final String MILD = id("37152619720404008");
    // H5: a care subsidy that ended in 2026-09; a DIBAO that is SUSPENDED
    static final String ENDED = id("37152619450505009");
    // H6 in the other county, where no standards are set
    static final String FAR = id("37150219800606001");
    // H7 DIBAO_URBAN in the other county, which sets only a living subsidy standard
    static final String FAR_DIBAO = id("37150219810707002");
    // H8: one died in 2026-08, one moved to another county, one moved within the county, one died after P
    static final String DEAD = id("37152619400808001");
    static final String GONE = id("37152619410808002");
    static final String STAYED = id("37152619420808003");
    static final String DIED_AFTER = id("37152619430808004");

    @TempDir
    Path dir;

    private List<Clue> run() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + FATHER + ",RURAL",
                        "H2," + VILLAGE_2 + "," + NAN + ",URBAN",
                        "H3," + VILLAGE_2 + "," + FULL + ",RURAL",
                        "H4," + VILLAGE_1 + "," + REVOKED + ",RURAL",
                        "H5," + VILLAGE_1 + "," + ENDED + ",RURAL",
                        "H6," + OTHER_VILLAGE + "," + FAR + ",URBAN",
                        "H7," + OTHER_VILLAGE + "," + FAR_DIBAO + ",URBAN",
                        "H8," + VILLAGE_2 + "," + DEAD + ",RURAL")
                .rows("persons", FATHER + ",张父,H1", SON + ",张子,H1", NAN + ",李男,H2", MEI + ",李美,H2",
                        FULL + ",王全,H3", REVOKED + ",赵撤,H4", LATER + ",赵迟,H4", MILD + ",赵轻,H4",
                        ENDED + ",孙止,H5", FAR + ",周远,H6", FAR_DIBAO + ",吴远,H7", DEAD + ",钱故,H8",
                        GONE + ",钱迁,H8", STAYED + ",钱留,H8", DIED_AFTER + ",钱后,H8")
                .rows("enrollments",
                        "E1,DISABILITY_CARE,H1," + FATHER + ",ACTIVE,2020-01-10,2020-02,,125.00,",
                        "E2,DIBAO_URBAN,H2," + NAN + ",ACTIVE,2020-01-10,2020-02,,600.00,590.00",
                        "E3,DIBAO_RURAL,H3," + FULL + ",ACTIVE,2020-01-10,2020-02,,300.00,410.00",
                        "E4,DISABILITY_LIVING,H3," + FULL + ",ACTIVE,2020-01-10,2020-02,,105.00,",
                        "E5,DISABILITY_CARE,H5," + ENDED + ",ACTIVE,2020-01-10,2020-02,2026-09,125.00,",
                        "E6,DIBAO_RURAL,H5," + ENDED + ",SUSPENDED,2020-01-10,2020-02,,300.00,410.00",
                        "E7,DIBAO_URBAN,H7," + FAR_DIBAO + ",ACTIVE,2020-01-10,2020-02,,300.00,600.00")
                .rows("enrollment_members", "E1," + FATHER, "E2," + NAN, "E2," + MEI, "E3," + FULL, "E4," + FULL,
                        "E5," + ENDED, "E6," + ENDED, "E7," + FAR_DIBAO)
                .table("standards", "region_code,program,urban_rural,effective_month,monthly_standard",
                        COUNTY + ",DISABILITY_CARE,,2025-01,125.00",
                        COUNTY + ",DISABILITY_LIVING,,2025-01,105.00",
                        COUNTY + ",DISABILITY_LIVING,,2026-11,110.00",
                        "371502000000,DISABILITY_LIVING,,2025-01,100.00")
                .table("disability_certificates", "id_no,level,kind,issued_date,status",
                        FATHER + ",1,PHYSICAL,2015-01-01,ACTIVE",
                        SON + ",2,INTELLECTUAL,2019-10-30,ACTIVE",
                        MEI + ",4,VISUAL,2018-07-30,ACTIVE",
                        NAN + ",1,PHYSICAL,2024-03-01,ACTIVE",
                        FULL + ",3,HEARING,2016-01-01,ACTIVE",
                        REVOKED + ",1,PHYSICAL,2016-01-01,REVOKED",
                        LATER + ",2,PHYSICAL,2026-11-05,ACTIVE",
                        MILD + ",2,MENTAL,2010-01-01,REVOKED",
                        MILD + ",3,MENTAL,2018-01-01,ACTIVE",
                        ENDED + ",2,MULTIPLE,2010-01-01,ACTIVE",
                        FAR + ",2,SPEECH,2020-06-01,ACTIVE",
                        FAR_DIBAO + ",1,PHYSICAL,2021-06-01,ACTIVE",
                        DEAD + ",1,PHYSICAL,2012-01-01,ACTIVE",
                        GONE + ",2,PHYSICAL,2012-01-01,ACTIVE",
                        STAYED + ",2,PHYSICAL,2012-01-01,ACTIVE",
                        DIED_AFTER + ",1,PHYSICAL,2012-01-01,ACTIVE")
                .table("deaths", "id_no,name,death_date,source",
                        DEAD + ",钱故,2026-08-03,POLICE",
                        DIED_AFTER + ",钱后,2026-11-02,HEALTH")
                .table("residency_events", "id_no,event,event_date,to_region",
                        GONE + ",MOVED_OUT,2026-05-20,370102001000",
                        STAYED + ",MOVED_OUT,2026-05-20," + VILLAGE_1)
                .run(dir, "2026-10", new LeftOut())
                .clues();
    }

    @Test
    void careForSevereDisabilityWithoutTheCareSubsidy() {
        Clue son = byId(run(), SON);
        assertThat(son.rule()).isEqualTo("A09");
        assertThat(son.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(son.subject()).isEqualTo(SON);
        assertThat(son.variant()).isEqualTo("CARE");
        assertThat(son.enrollmentId()).as("no enrollment for CARE").isNull();
        assertThat(son.householdId()).isEqualTo("H1");
        assertThat(son.idNo()).isEqualTo(SON);
        assertThat(son.cardNo()).isNull();
        assertThat(son.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(son.periodFrom()).isNull();
        assertThat(son.periodTo()).isNull();
        assertThat(son.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(son.owed()).isEqualByComparingTo("125.00");
        assertThat(son.explanation()).isEqualTo("张*持有效二级残疾人证（2019年10月30日发证），未享受重度残疾人护理补贴"
                + "（标准每月125.00元）");
        assertThat(son.evidence()).startsWith("{\"lowest_level\":2,\"certificates\":[{\"level\":2,\"kind\":"
                + "\"INTELLECTUAL\",\"issued_date\":\"2019-10-30\",\"status\":\"ACTIVE\",\"counts\":true}],"
                + "\"care_missing\":true,\"living_missing\":false,\"dibao_enrollment_id\":null,"
                + "\"care_standard\":125.00,\"living_standard\":null");
    }

    @Test
    void livingForADibaoMemberWithAnyCertificate() {
        Clue mei = byId(run(), MEI);
        assertThat(mei.variant()).isEqualTo("LIVING");
        assertThat(mei.enrollmentId()).isEqualTo("E2");
        assertThat(mei.householdId()).isEqualTo("H2");
        assertThat(mei.regionCode()).isEqualTo(VILLAGE_2);
        // the standard at P, not the one effective from 2026-11
        assertThat(mei.owed()).isEqualByComparingTo("105.00");
        assertThat(mei.explanation()).isEqualTo("李*享受城市低保，持有效四级残疾人证（2018年7月30日发证），"
                + "未享受困难残疾人生活补贴（标准每月105.00元）");
    }

    @Test
    void bothVariantsMakeOneClueOwingBothStandards() {
        Clue nan = byId(run(), NAN);
        assertThat(nan.variant()).isEqualTo("CARE+LIVING");
        assertThat(nan.enrollmentId()).isEqualTo("E2");
        assertThat(nan.owed()).isEqualByComparingTo("230.00");
        assertThat(nan.explanation()).endsWith("未享受重度残疾人护理补贴（标准每月125.00元）和困难残疾人生活补贴"
                + "（标准每月105.00元）");
    }

    @Test
    void anUnknownStandardAddsNothingToOwed() {
        Clue far = byId(run(), FAR);
        assertThat(far.variant()).isEqualTo("CARE");
        assertThat(far.owed()).isNull();
        assertThat(far.regionCode()).isEqualTo(OTHER_VILLAGE);
        assertThat(far.explanation()).endsWith("未享受重度残疾人护理补贴（当地标准未设定）");

        // both missing, only the living subsidy's standard known: owed is what is known
        Clue both = byId(run(), FAR_DIBAO);
        assertThat(both.variant()).isEqualTo("CARE+LIVING");
        assertThat(both.enrollmentId()).isEqualTo("E7");
        assertThat(both.owed()).isEqualByComparingTo("100.00");
        assertThat(both.evidence()).contains("\"care_standard\":null,\"living_standard\":100.00");
    }

    @Test
    void aSubsidyThatEndedBeforePDoesNotCoverAndASuspendedDibaoDoesNotEntitle() {
        Clue ended = byId(run(), ENDED);
        assertThat(ended.variant()).isEqualTo("CARE");
        assertThat(ended.enrollmentId()).isNull();
    }

    @Test
    void coveredRevokedLaterAndMilderCertificatesDoNotFire() {
        List<Clue> clues = run();
        assertThat(clues).extracting(Clue::idNo).containsExactlyInAnyOrder(SON, MEI, NAN, ENDED, FAR, FAR_DIBAO,
                STAYED, DIED_AFTER);
        assertThat(clues).extracting(Clue::idNo).doesNotContain(FATHER, FULL, REVOKED, LATER, MILD);
    }

    @Test
    void nobodyIsLeftOutWhoDiedOrLeftTheCountyByTheEndOfP() {
        List<Clue> clues = run();
        assertThat(clues).extracting(Clue::idNo).doesNotContain(DEAD, GONE)
                .as("a move within the county, a death after P").contains(STAYED, DIED_AFTER);
    }

    private static Clue byId(List<Clue> clues, String idNo) {
        return clues.stream().filter(c -> c.idNo().equals(idNo)).findFirst().orElseThrow();
    }
}
