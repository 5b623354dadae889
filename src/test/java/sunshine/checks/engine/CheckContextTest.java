package sunshine.checks.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.COUNTY;
import static sunshine.checks.CheckFixture.PROVINCE;
import static sunshine.checks.CheckFixture.TOWN;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.VILLAGE_2;
import static sunshine.checks.CheckFixture.id;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.CheckFixture;
import sunshine.checks.Probe;

/** The Terms of docs/rules-interpretation.md as CheckContext defines them, on a tiny folder; P = 2026-10. */
class CheckContextTest {

    static final String A = id("37152619500101001");
    static final String B = id("37152619520202002");
    static final String C = id("37152619800303003");
    static final String D = id("37152619400404004");
    static final String S1 = id("37152619700808008");
    static final String S2 = id("37152619710909009");
    static final String S3 = id("37152619721010010");
    /** A town whose code, read digit by digit with trailing zeros stripped (3715261), town 100 would prefix. */
    static final String TOWN_101 = "371526101000";
    static final String VILLAGE_101 = "371526101001";

    @TempDir
    Path dir;

    Probe probe;
    CheckContext ctx;

    @BeforeEach
    void run() {
        probe = new Probe(Set.of("standards", "staff"), Set.of());
        new CheckFixture()
                .rows("regions", TOWN_101 + ",清平镇,TOWN," + COUNTY + ",30000",
                        VILLAGE_101 + ",清平村,VILLAGE," + TOWN_101 + ",1000")
                .rows("households",
                        "H1," + VILLAGE_1 + "," + A + ",URBAN",
                        "H2," + VILLAGE_2 + "," + C + ",RURAL",
                        "H3," + VILLAGE_101 + "," + D + ",RURAL")
                .rows("persons", A + ",甲,H1", B + ",乙,H1", C + ",丙,H2", D + ",丁,H3")
                .rows("enrollments",
                        "ACT,DIBAO_URBAN,H1," + A + ",ACTIVE,2025-01-10,2025-02,,1000.00,",
                        "SUS,DIBAO_RURAL,H2," + C + ",SUSPENDED,2025-01-10,2025-02,,500.00,",
                        "ENDED,TEKUN,H2," + C + ",ACTIVE,2020-01-10,2020-02,2026-09,900.00,",
                        "OLD,ORPHAN,H2," + C + ",TERMINATED,2015-01-10,2015-02,2020-12,700.00,",
                        "LATE,DIBAO_RURAL,H3," + D + ",ACTIVE,2026-09-10,2026-11,,300.00,",
                        "FAIL,DISABILITY_CARE,H3," + D + ",TERMINATED,2020-01-10,2020-02,2026-01,100.00,")
                .rows("enrollment_members", "ACT," + A, "ACT," + B, "SUS," + C, "ENDED," + C, "OLD," + C,
                        "LATE," + D, "FAIL," + D)
                .rows("payments",
                        "P1,ACT,2026-10,1000.00,CASH,,2026-10-05,,",
                        "P2,ACT,2026-10,1.00,CASH,,2026-10-06,,",
                        "P3,ACT,2026-09,1000.00,CASH,,2026-09-05,,",
                        "P4,ACT,2026-08,999.00,CASH,,2026-08-05,,",
                        "P5,SUS,2026-01,500.00,CASH,,2026-01-05,,",
                        "P6,OLD,2020-12,700.00,CASH,,2020-12-05,,",
                        "P7,FAIL,2026-01,100.00,CASH,,2026-01-05,,",
                        "P8,ACT,2025-10,1000.00,CASH,,2025-10-05,,")
                .rows("bank_receipts", "P4,C1,999.00,FAILED,2026-08-06", "P7,C1,100.00,FAILED,2026-01-06")
                .table("standards", "region_code,program,urban_rural,effective_month,monthly_standard",
                        PROVINCE + ",DIBAO_URBAN,,2025-01,800.00",
                        PROVINCE + ",DIBAO_URBAN,,2026-06,1100.00",
                        COUNTY + ",DIBAO_URBAN,,2026-01,900.00",
                        COUNTY + ",DIBAO_URBAN,URBAN,2026-01,950.00",
                        COUNTY + ",DIBAO_RURAL,,2026-01,600.00",
                        TOWN + ",DIBAO_RURAL,RURAL,2026-07,650.00",
                        TOWN + ",DIBAO_RURAL,URBAN,2026-08,9999.00")
                .table("staff", "id_no,name,role,region_code,level,active_from,active_to",
                        S1 + ",钱一,CASEWORKER," + TOWN + ",TOWN,2026-01-01,2026-06-30",
                        S2 + ",钱二,VILLAGE_CADRE," + VILLAGE_1 + ",VILLAGE,,",
                        S3 + ",钱三,COUNTY_OFFICIAL," + COUNTY + ",COUNTY,,2025-10-31")
                .run(dir, "2026-10", probe);
        ctx = probe.ctx;
    }

    @Test
    void theWindowEndsAtThePeriod() {
        assertThat(Months.iso(ctx.windowFrom())).isEqualTo("2025-11");
        assertThat(Months.iso(ctx.windowTo())).isEqualTo("2026-10");
        assertThat(Days.iso(ctx.endOfPeriod())).isEqualTo("2026-10-31");
        assertThat(Days.iso(ctx.firstDayOfWindow())).isEqualTo("2025-11-01");
        assertThat(ctx.inWindow(Months.of(2025, 10))).isFalse();
        assertThat(ctx.inWindow(Months.of(2025, 11))).isTrue();
        assertThat(ctx.inWindow(Months.of(2026, 11))).isFalse();
    }

    @Test
    void madePaymentsAndPaid() {
        assertThat(ctx.isMade(probe.payment("P4"))).isFalse();
        assertThat(ctx.isMade(probe.payment("P1"))).isTrue();
        int act = probe.enrollment("ACT");
        // ordered by period, then as in the file; P4 failed, P8 is before W
        assertThat(Arrays.stream(ctx.madePaymentsInWindow(act)).mapToObj(p -> ctx.payments().id(p)))
                .containsExactly("P3", "P1", "P2");
        assertThat(ctx.paid(act, Months.of(2026, 10))).isEqualTo(100_100);
        assertThat(ctx.paid(act, Months.of(2026, 8))).isZero();
    }

    @Test
    void sharesSplitHouseholdProgramsOnly() {
        assertThat(ctx.covered(probe.enrollment("ACT"))).isEqualTo(2);
        assertThat(Money.yuanOfUnits(ctx.share(probe.payment("P1")))).isEqualByComparingTo("500.00");
        assertThat(ctx.share(probe.payment("P2"))).isEqualTo(5_000_000_000L); // 1.00 / 2 = 0.50 yuan
        assertThat(Money.yuanOfUnits(ctx.share(probe.payment("P6")))).isEqualByComparingTo("700.00");
    }

    @Test
    void activeAtAndInScope() {
        int p = ctx.period();
        assertThat(ctx.isActiveAt(probe.enrollment("ACT"), p)).isTrue();
        assertThat(ctx.isActiveAt(probe.enrollment("SUS"), p)).isFalse();
        assertThat(ctx.isActiveAt(probe.enrollment("ENDED"), p)).isFalse();
        assertThat(ctx.isActiveAt(probe.enrollment("ENDED"), p - 1)).isTrue();
        assertThat(ctx.isActiveAt(probe.enrollment("LATE"), p)).isFalse();

        assertThat(ctx.inScope(probe.enrollment("ACT"))).isTrue();
        assertThat(ctx.inScope(probe.enrollment("SUS"))).as("made payment in W").isTrue();
        assertThat(ctx.inScope(probe.enrollment("ENDED"))).as("ended, nothing paid in W").isFalse();
        assertThat(ctx.inScope(probe.enrollment("OLD"))).isFalse();
        assertThat(ctx.inScope(probe.enrollment("LATE"))).as("starts after P").isFalse();
        assertThat(ctx.inScope(probe.enrollment("FAIL"))).as("its only payment in W failed").isFalse();
    }

    @Test
    void standardsTakeTheLongestPrefixThenTheLatestMonthThenExactUrbanRural() {
        int act = probe.enrollment("ACT");
        assertThat(ctx.standard(act, Months.of(2024, 12))).isEqualTo(Money.NONE);
        assertThat(ctx.standard(act, Months.of(2025, 6))).isEqualTo(80_000);
        // county rows from 2026-01: the exact URBAN one before the one for both
        assertThat(ctx.standard(act, Months.of(2026, 1))).isEqualTo(95_000);
        // the province's later row does not beat the county's longer prefix
        assertThat(ctx.standard(act, Months.of(2026, 8))).isEqualTo(95_000);

        int h2 = ctx.enrollments().household(probe.enrollment("SUS"));
        assertThat(ctx.standard(Program.DIBAO_RURAL, h2, Months.of(2026, 3))).isEqualTo(60_000);
        // the town's RURAL row from 2026-07; its URBAN row never applies to a RURAL household
        assertThat(ctx.standard(Program.DIBAO_RURAL, h2, Months.of(2026, 7))).isEqualTo(65_000);
        assertThat(ctx.standard(Program.DIBAO_RURAL, h2, Months.of(2026, 9))).isEqualTo(65_000);
        // town 100's row does not apply in town 101 (segments, not digits)
        assertThat(ctx.standard(probe.enrollment("LATE"), Months.of(2026, 9))).isEqualTo(60_000);
        assertThat(ctx.standard(Program.TEKUN, h2, Months.of(2026, 9))).isEqualTo(Money.NONE);
    }

    @Test
    void staffInOfficeAndCovering() {
        var staff = ctx.staff();
        int s1 = staff.indexOf(Ids.key(S1));
        int s2 = staff.indexOf(Ids.key(S2));
        int s3 = staff.indexOf(Ids.key(S3));
        assertThat(ctx.inOffice(s1, Days.of(java.time.LocalDate.of(2026, 6, 30)))).isTrue();
        assertThat(ctx.inOffice(s1, Days.of(java.time.LocalDate.of(2026, 7, 1)))).isFalse();
        assertThat(ctx.inOffice(s2, Days.of(java.time.LocalDate.of(1990, 1, 1)))).isTrue();
        assertThat(ctx.inOfficeDuringWindow(s1)).isTrue();
        assertThat(ctx.inOfficeDuringWindow(s3)).as("left on 2025-10-31, W starts 2025-11-01").isFalse();
        assertThat(ctx.isStaff(Ids.key(S3))).isTrue();
        assertThat(ctx.isStaff(Ids.key(A))).isFalse();

        int h1 = ctx.enrollments().household(probe.enrollment("ACT"));
        int h3 = ctx.enrollments().household(probe.enrollment("LATE"));
        assertThat(ctx.staffCovers(s1, h1)).isTrue();
        assertThat(ctx.staffCovers(s2, h1)).isTrue();
        assertThat(ctx.staffCovers(s1, h3)).as("town 100 does not cover town 101").isFalse();
        assertThat(ctx.staffCovers(s3, h3)).isTrue();
        assertThat(ctx.town(ctx.region(h3))).isEqualTo(Long.parseLong(TOWN_101));
        assertThat(ctx.county(ctx.region(h3))).isEqualTo(371526);
    }

    // ================================================================== rules-de additions (D01-D03, E02-E03)

    @Test
    void relativesOfAStaffMemberAndMadePaymentsForAPeriod(@TempDir Path other) {
        Probe p = new Probe(Set.of("staff", "staff_relatives"), Set.of());
        new CheckFixture()
                .rows("households", "H1," + VILLAGE_1 + "," + A + ",URBAN")
                .rows("persons", A + ",甲,H1", B + ",乙,H1")
                .rows("enrollments", "E1,DIBAO_URBAN,H1," + A + ",ACTIVE,2025-01-10,2025-02,,1000.00,")
                .rows("enrollment_members", "E1," + A, "E1," + B)
                .rows("payments",
                        "P1,E1,2026-07,0.00,CASH,,2026-07-05,,",
                        "P2,E1,2026-08,1000.00,CASH,,2026-08-05,,",
                        "P3,E1,2026-08,1000.00,CASH,,2026-08-06,,",
                        "P4,E1,2026-09,1000.00,CASH,,2026-09-05,,",
                        "P5,E1,2024-01,1000.00,CASH,,2024-01-05,,")
                .rows("bank_receipts", "P2,C1,1000.00,FAILED,2026-08-06", "P4,C1,1000.00,FAILED,2026-09-06")
                .table("staff", "id_no,name,role,region_code,level,active_from,active_to",
                        S1 + ",钱一,CASEWORKER," + TOWN + ",TOWN,,",
                        S2 + ",钱二,VILLAGE_CADRE," + VILLAGE_1 + ",VILLAGE,,")
                .table("staff_relatives", "staff_id_no,relative_id_no,relation",
                        S1 + "," + A + ",SPOUSE",
                        S2 + "," + C + ",CHILD",
                        S1 + "," + C + ",PARENT")
                .run(other, "2026-10", p);
        CheckContext c = p.ctx;
        int s1 = c.staff().indexOf(Ids.key(S1));
        int s2 = c.staff().indexOf(Ids.key(S2));
        assertThat(Arrays.stream(c.relativesOf(s1)).mapToObj(r -> c.staff().relation(r)))
                .containsExactlyInAnyOrder("SPOUSE", "PARENT");
        assertThat(c.isRelativeOf(Ids.key(A), s1)).isTrue();
        assertThat(c.isRelativeOf(Ids.key(C), s1)).isTrue();
        assertThat(c.isRelativeOf(Ids.key(B), s1)).isFalse();
        assertThat(c.isRelativeOf(Ids.key(A), s2)).as("relatives are per staff member").isFalse();

        int e1 = p.enrollment("E1");
        assertThat(c.hasMadePayment(e1, Months.of(2026, 7))).as("a made payment of 0.00 is a payment").isTrue();
        assertThat(c.hasMadePayment(e1, Months.of(2026, 8))).as("P2 failed, P3 was made").isTrue();
        assertThat(c.hasMadePayment(e1, Months.of(2026, 9))).as("its only payment failed").isFalse();
        assertThat(c.hasMadePayment(e1, Months.of(2026, 10))).isFalse();
        assertThat(c.hasMadePayment(e1, Months.of(2024, 1))).as("whatever W").isTrue();
    }

    @Test
    void relativesNeedTheirDatasetLoaded() {
        int s1 = ctx.staff().indexOf(Ids.key(S1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ctx.relativesOf(s1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("staff_relatives");
    }

    // ================================================================== rules-b additions (B01-B08: cards)

    @Test
    void cardTerms() {
        String stranger = id("11010519491231002");
        String k1 = "6233000000000001";
        String k2 = "6233000000000002";
        String k3 = "6233000000000003";
        String k4 = "6233000000000004";
        Probe cards = new Probe(Set.of("cards"), Set.of());
        new CheckFixture()
                .rows("households", "H1," + VILLAGE_1 + "," + A + ",URBAN", "H2," + VILLAGE_2 + "," + C + ",RURAL")
                .rows("persons", A + ",甲,H1", B + ",乙,H1", C + ",丙,H2")
                .rows("enrollments",
                        "E9,DIBAO_URBAN,H1," + A + ",ACTIVE,2025-01-10,2025-02,,1000.00,",
                        "E10,TEKUN,H2," + C + ",ACTIVE,2025-01-10,2025-02,,900.00,")
                .rows("enrollment_members", "E9," + A, "E9," + B, "E10," + C)
                .table("cards", "card_no,bank,holder_id_no,holder_name,opened_date,status,purpose,custodian_id_no",
                        k1 + ",农商银行," + A + ",甲,2020-01-01,ACTIVE,,",
                        k2 + ",农商银行," + B + ",乙,2020-01-01,ACTIVE,OTHER,",
                        k3 + ",农商银行," + stranger + ",路人,2020-01-01,CLOSED,SUBSIDY,",
                        k4 + ",农商银行," + C + ",丙,2020-01-01,ACTIVE,SUBSIDY,")
                .rows("payments",
                        "Q1,E9,2026-10,1000.00,CARD," + k1 + ",2026-10-05,,",
                        "Q2,E10,2026-09,900.00,CARD," + k1 + ",2026-09-05,,",
                        "Q3,E9,2026-08,1000.00,CARD," + k1 + ",2026-08-05,,",
                        // a cash payment that names a card did not go to it
                        "Q4,E9,2026-07,1000.00,CASH," + k3 + ",2026-07-05,,",
                        "Q5,E10,2026-10,900.00,CARD," + k3 + ",2026-10-05,,",
                        // failed; before W
                        "Q6,E10,2026-06,900.00,CARD," + k1 + ",2026-06-05,,",
                        "Q7,E10,2025-10,900.00,CARD," + k1 + ",2025-10-05,,",
                        "Q8,E10,2026-05,900.00,CARD," + k4 + ",2026-05-05,,")
                .rows("bank_receipts", "Q6," + k1 + ",900.00,FAILED,2026-06-06")
                .run(dir.resolve("cards"), "2026-10", cards);
        CheckContext c = cards.ctx;
        int card1 = cardCode(c, k1);
        int card2 = cardCode(c, k2);
        int card3 = cardCode(c, k3);
        int card4 = cardCode(c, k4);

        assertThat(c.paidCard(cards.payment("Q1"))).isEqualTo(card1);
        assertThat(c.paidCard(cards.payment("Q4"))).as("cash").isEqualTo(-1);
        assertThat(c.paidCard(cards.payment("Q5"))).isEqualTo(card3);

        assertThat(c.isActiveSubsidyCard(card1)).as("empty purpose is SUBSIDY").isTrue();
        assertThat(c.isActiveSubsidyCard(card2)).as("purpose OTHER").isFalse();
        assertThat(c.isActiveSubsidyCard(card3)).as("closed").isFalse();
        assertThat(c.isActiveSubsidyCard(card4)).isTrue();

        int e9 = cards.enrollment("E9");
        int e10 = cards.enrollment("E10");
        assertThat(c.smallerEnrollmentId(e9, e10)).as("text order: E10 < E9").isEqualTo(e10);
        assertThat(c.smallerEnrollmentId(e10, e9)).isEqualTo(e10);
        assertThat(c.smallerEnrollmentId(-1, e9)).isEqualTo(e9);
        assertThat(c.smallerEnrollmentId(e9, -1)).isEqualTo(e9);
        assertThat(c.smallerEnrollmentId(-1, -1)).isEqualTo(-1);

        int h1 = c.enrollments().household(e9);
        int h2 = c.enrollments().household(e10);
        assertThat(c.holderHousehold(Ids.key(B), e10)).as("the holder's own").isEqualTo(h1);
        assertThat(c.holderHousehold(Ids.key(stranger), e10)).as("not in persons").isEqualTo(h2);
        assertThat(c.holderHousehold(Ids.key(stranger), -1)).isEqualTo(-1);

        java.util.BitSet wanted = new java.util.BitSet();
        wanted.set(card1);
        wanted.set(card2);
        wanted.set(card3);
        CardPayments byCard = c.madeCardPaymentsInWindow(wanted);
        // card2 received nothing; card4 was not asked for
        assertThat(byCard.size()).isEqualTo(2);
        assertThat(byCard.card(0)).isEqualTo(card1);
        assertThat(byCard.card(1)).isEqualTo(card3);
        assertThat(java.util.stream.IntStream.range(byCard.from(0), byCard.to(0))
                .mapToObj(j -> c.payments().id(byCard.payment(j))))
                .as("by period; not the failed one, not the one before W").containsExactly("Q3", "Q2", "Q1");
        assertThat(java.util.stream.IntStream.range(byCard.from(1), byCard.to(1))
                .mapToObj(j -> c.payments().id(byCard.payment(j))))
                .as("not the cash payment that names the card").containsExactly("Q5");
    }

    private static int cardCode(CheckContext c, String number) {
        for (int i = 0; i < c.cards().size(); i++) {
            if (c.cards().number(i).equals(number)) {
                return i;
            }
        }
        throw new IllegalArgumentException(number);
    }

    // ------------------------------------------------------------------ rules-c additions (C02-C09)

    @Test
    void hasMadePaymentIgnoresFailedPaymentsButNotTheWindow() {
        int act = probe.enrollment("ACT");
        assertThat(ctx.hasMadePayment(act, Months.of(2026, 10))).isTrue();
        assertThat(ctx.hasMadePayment(act, Months.of(2026, 8))).as("P4 failed, never succeeded").isFalse();
        assertThat(ctx.hasMadePayment(act, Months.of(2025, 10))).as("any period, also before W").isTrue();
        assertThat(ctx.hasMadePayment(act, Months.of(2026, 7))).as("nothing paid").isFalse();
        assertThat(ctx.hasMadePayment(probe.enrollment("FAIL"), Months.of(2026, 1))).isFalse();
        assertThat(ctx.hasMadePayment(probe.enrollment("SUS"), Months.of(2026, 1))).isTrue();
    }

    // ================================================================== rules A02-A10 (branch rules-a): additions

    @Test
    void paidInWindowGivesPaidForEveryMonthOfTheWindow() {
        int act = probe.enrollment("ACT");
        long[] paid = ctx.paidInWindow(act);
        assertThat(paid).hasSize(12);
        // index 0 is 2025-11; P8 (2025-10) is before W, P4 (2026-08) failed
        assertThat(paid[Months.of(2026, 10) - ctx.windowFrom()]).isEqualTo(100_100).isEqualTo(
                ctx.paid(act, Months.of(2026, 10)));
        assertThat(paid[Months.of(2026, 9) - ctx.windowFrom()]).isEqualTo(100_000);
        assertThat(paid[Months.of(2026, 8) - ctx.windowFrom()]).isZero();
        assertThat(Arrays.stream(paid).sum()).isEqualTo(200_100);
        for (int m = ctx.windowFrom(); m <= ctx.windowTo(); m++) {
            assertThat(paid[m - ctx.windowFrom()]).isEqualTo(ctx.paid(act, m));
        }
        // its only payment in W failed
        assertThat(ctx.paidInWindow(probe.enrollment("FAIL"))).containsOnly(0L);
    }
}
