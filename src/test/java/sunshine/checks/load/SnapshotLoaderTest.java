package sunshine.checks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sunshine.checks.CheckFixture.TOWN;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.id;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.CheckFixture;
import sunshine.checks.CheckInputException;
import sunshine.checks.Probe;
import sunshine.checks.data.Table;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Money;
import sunshine.contract.RowError;

/** Reading a folder into the snapshot: what is kept, what is refused. P = 2026-10, W = 2025-11..2026-10. */
class SnapshotLoaderTest {

    static final String A = id("37152619500101001");
    static final String B = id("37152619520202002");
    static final String OUTSIDER = id("11010519491231002");

    @TempDir
    Path dir;

    private CheckFixture base() {
        return new CheckFixture()
                .rows("households", "H1," + VILLAGE_1 + "," + A + ",URBAN")
                .rows("persons", A + ",甲,H1", B + ",乙,H1")
                .rows("enrollments", "E1,DIBAO_URBAN,H1," + A + ",ACTIVE,2025-01-10,2025-02,,1000.00,")
                .rows("enrollment_members", "E1," + A, "E1," + B)
                .rows("payments", "P1,E1,2026-10,1000.00,CARD,C1,2026-10-05,,")
                .table("cards", "card_no,bank,holder_id_no,status", "C1,农业银行," + A + ",ACTIVE");
    }

    @Test
    void externalDatasetsKeepOnlyRegistryPersonsAndPeriodsOfTheWindow() {
        Probe probe = new Probe(Set.of(), Set.of("social_insurance", "deaths"));
        base().table("social_insurance", "id_no,period,kind,monthly_amount",
                        B + ",2026-10,PENSION,100.00",
                        A + ",2026-10,PENSION,200.00",
                        A + ",2025-10,PENSION,300.00",
                        OUTSIDER + ",2026-10,PENSION,400.00",
                        A + ",2025-11,WAGE_BASE,500.00",
                        B + ",2026-11,PENSION,600.00")
                .table("deaths", "id_no,death_date,source", OUTSIDER + ",2026-01-01,POLICE", B + ",1999-01-01,POLICE")
                .run(dir, "2026-10", probe);
        Table si = probe.ctx.facts("social_insurance");
        assertThat(si.size()).isEqualTo(3);
        int a = probe.ctx.persons().indexOf(A);
        int b = probe.ctx.persons().indexOf(B);
        assertThat(si.to(a) - si.from(a)).isEqualTo(2);
        assertThat(si.money("monthly_amount").get(si.from(a))).isEqualTo(20_000);
        assertThat(si.enums("kind").code(si.from(a) + 1)).isEqualTo("WAGE_BASE");
        assertThat(Months.iso(si.months("period").get(si.from(b)))).isEqualTo("2026-10");
        assertThat(si.to(b) - si.from(b)).isEqualTo(1);
        assertThat(si.has("id_no")).isFalse();

        Table deaths = probe.ctx.facts("deaths");
        assertThat(deaths.size()).as("no window for datasets without a period").isEqualTo(1);
        assertThat(deaths.person(0)).isEqualTo(b);
        assertThat(probe.ctx.present("deaths")).isTrue();
    }

    @Test
    void cardNumbersShareOneDictionary() {
        Probe probe = new Probe(Set.of("cards", "payroll_submissions"), Set.of());
        base().rows("bank_receipts", "P1,C9,1000.00,SUCCESS,2026-10-06")
                .table("payroll_submissions", "batch_id,region_code,period,enrollment_id,payee_id_no,amount,card_no",
                        "B1," + TOWN + ",2026-10,E1," + A + ",1000.00,C1",
                        "B1," + TOWN + ",2026-10,E404," + A + ",1000.00,C1")
                .run(dir, "2026-10", probe);
        var ctx = probe.ctx;
        int p1 = probe.payment("P1");
        assertThat(ctx.cards().isRegistered(ctx.payments().card(p1))).isTrue();
        assertThat(ctx.cards().holderKey(ctx.payments().card(p1))).isEqualTo(ctx.persons().key(ctx.persons().indexOf(A)));
        int receipt = ctx.payments().receiptAt(ctx.payments().receiptsFrom(p1));
        assertThat(ctx.receipts().cardNo(receipt)).isEqualTo("C9");
        assertThat(ctx.cards().isRegistered(ctx.receipts().card(receipt))).isFalse();
        assertThat(ctx.cards().isSubsidy(0)).as("empty purpose is SUBSIDY").isTrue();

        var s = ctx.submissions();
        assertThat(s.enrollment(0)).isEqualTo(probe.enrollment("E1"));
        assertThat(s.enrollment(1)).isEqualTo(-1);
        assertThat(s.enrollmentId(1)).isEqualTo("E404");
        assertThat(s.card(0)).isEqualTo(ctx.payments().card(p1));
        assertThat(ctx.enrollments().perCapitaIncome(0)).isEqualTo(Money.NONE);
    }

    @Test
    void keysAndReferencesAreChecked() {
        CheckFixture f = base()
                .rows("enrollment_members", "E1," + A)
                .rows("payments", "P1,E1,2026-09,1.00,CASH,,2026-09-05,,", "P2,E1,2026-09,1.00,CARD,C2,2026-09-05,,")
                .rows("bank_receipts", "P3,C1,1.00,SUCCESS,2026-09-06")
                .rows("enrollments", "E2,TEKUN,H7," + A + ",ACTIVE,2025-01-10,2025-02,,1000.00,");
        CheckInputException e = (CheckInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> f.run(dir, "2026-10", new Probe(Set.of("cards"), Set.of())));
        assertThat(e).isNotNull();
        assertThat(e.errorCount()).isEqualTo(5);
        assertThat(e.errors()).extracting(RowError::file, RowError::row, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple("enrollments.csv", 3L, "household_id"),
                org.assertj.core.groups.Tuple.tuple("enrollment_members.csv", 4L, ""),
                org.assertj.core.groups.Tuple.tuple("payments.csv", 3L, "payment_id"),
                org.assertj.core.groups.Tuple.tuple("payments.csv", 4L, "card_no"),
                org.assertj.core.groups.Tuple.tuple("bank_receipts.csv", 2L, "payment_id"));
        assertThat(e.errors().get(1).reason().en()).isEqualTo(
                "duplicate row: the same enrollment_id, id_no as an earlier row");
    }

    @Test
    void everyEnrollmentHasMembersAndIndividualProgramsExactlyOne() {
        CheckFixture f = base()
                .rows("enrollments", "E2,TEKUN,H1," + A + ",ACTIVE,2025-01-10,2025-02,,980.00,",
                        "E3,DIBAO_URBAN,H1," + A + ",ACTIVE,2025-01-10,2025-02,,980.00,")
                .rows("enrollment_members", "E2," + A, "E2," + B);
        CheckInputException e = (CheckInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> f.run(dir, "2026-10", new Probe(Set.of(), Set.of())));
        assertThat(e.errors()).extracting(RowError::file, RowError::row, RowError::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("enrollment_members.csv", 4L, "E2"),
                org.assertj.core.groups.Tuple.tuple("enrollment_members.csv", 5L, "E2"),
                org.assertj.core.groups.Tuple.tuple("enrollments.csv", 4L, "E3"));
        assertThat(e.errors().get(0).reason().en())
                .isEqualTo("TEKUN is an individual program: enrollment E2 must have exactly one member, it has 2");
    }

    @Test
    void withoutTheCardsDatasetCardNumbersAreNotChecked() {
        Probe probe = new Probe(Set.of(), Set.of());
        base().remove("cards").run(dir, "2026-10", probe);
        assertThat(probe.ctx.payments().cardNo(0)).isEqualTo("C1");
        assertThatThrownBy(() -> probe.ctx.cards()).hasMessageContaining("cards is not loaded");
    }

    @Test
    void badFilesAndUnknownRegionsAreRefused() {
        CheckFixture f = base()
                .rows("households", "H2,371526100099," + A + ",URBAN")
                .table("deaths", "id_no,source", A + ",POLICE");
        CheckInputException e = (CheckInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> f.run(dir, "2026-10", new Probe(Set.of(), Set.of("deaths"))));
        assertThat(e.errors()).extracting(RowError::file, RowError::row, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple("households.csv", 3L, "region_code"),
                org.assertj.core.groups.Tuple.tuple("deaths.csv", 0L, ""));
        assertThat(e.errors().get(1).reason().en()).contains("death_date");
    }
}
