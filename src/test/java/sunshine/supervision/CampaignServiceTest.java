package sunshine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.ledger.LedgerTestConfig.COUNTY;
import static sunshine.ledger.LedgerTestConfig.COUNTY_STAFF;
import static sunshine.ledger.LedgerTestConfig.OTHER_COUNTY;
import static sunshine.ledger.LedgerTestConfig.PROVINCE;
import static sunshine.ledger.LedgerTestConfig.PROVINCE_STAFF;
import static sunshine.ledger.LedgerTestConfig.START;
import static sunshine.ledger.LedgerTestConfig.TOWN_STAFF;
import static sunshine.ledger.LedgerTestConfig.VILLAGE_1;
import static sunshine.ledger.LedgerTestConfig.VILLAGE_2;
import static sunshine.ledger.LedgerTestConfig.VILLAGE_B;
import static sunshine.ledger.LedgerTestConfig.VILLAGE_C;
import static sunshine.ledger.LedgerTestConfig.clue;
import static sunshine.supervision.InspectionServiceTest.assertRefused;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import sunshine.checks.Clue;
import sunshine.checks.Severity;
import sunshine.ledger.ActionKind;
import sunshine.ledger.ActionRequest;
import sunshine.ledger.ClueIntake;
import sunshine.ledger.Complaint;
import sunshine.ledger.ComplaintService;
import sunshine.ledger.LedgerItem;
import sunshine.ledger.LedgerQuery;
import sunshine.ledger.LedgerService;
import sunshine.ledger.LedgerStep;
import sunshine.ledger.LedgerTestConfig;
import sunshine.ledger.OutcomeRequest;
import sunshine.ledger.StepRequest;
import sunshine.security.Actor;
import sunshine.security.Role;
import sunshine.supervision.SupervisionException.Kind;

/**
 * Campaigns against a real database: scope, stages, and reporting tables that reconcile with the ledger to the
 * cent at every level, also in the XLSX export read back. Abstract: {@link CampaignServiceH2Test},
 * {@link CampaignServicePostgresTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "sunshine.ledger.escalation-cron=-")
@Import(LedgerTestConfig.class)
abstract class CampaignServiceTest {

    static final Actor REVIEWER = new Actor("prov2", "省民政厅 复核", Role.PROVINCE, PROVINCE);
    static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);

    @Autowired
    CampaignService campaigns;
    @Autowired
    LedgerService ledger;
    @Autowired
    ClueIntake intake;
    @Autowired
    ComplaintService complaints;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerTestConfig.MutableClock clock;

    private final AtomicLong runs = new AtomicLong(500);

    @BeforeEach
    void ledgerOfThreeCountiesInTwoCities() {
        LedgerTestConfig.clear(jdbc);
        // before the campaign's period: not counted
        clock.set(START.minus(Duration.ofDays(13)));
        newItem(clue("A03", "E900/371526196001011111", VILLAGE_1, "500.00", Severity.MEDIUM));
        clock.set(START);

        LedgerItem a = newItem(clue("A01", "E001/371526195001011234", VILLAGE_1, "1200.50", Severity.HIGH));
        a = confirm(a, "1200.50");
        a = act(a, ActionKind.RECOVERY, "300.25");
        act(a, ActionKind.RECOVERY, "0.01");

        LedgerItem b = newItem(clue("C01", "P1001", VILLAGE_2, "80.00", Severity.HIGH));
        b = confirm(b, "80.00");
        b = act(b, ActionKind.STOP_BENEFIT, null);
        b = act(b, ActionKind.RECOVERY, "80.00");
        b = act(b, ActionKind.DISCIPLINE_TRANSFER, null);
        long transfer = ledger.actions(PROVINCE_STAFF, b.id()).get(2).id();
        b = ledger.recordOutcome(PROVINCE_STAFF, b.id(), transfer, new OutcomeRequest(b.version(), "给予党内警告处分",
                LocalDate.of(2026, 11, 2), 2));
        b = step(PROVINCE_STAFF, b, LedgerStep.SUBMIT_FOR_REVIEW);
        step(REVIEWER, b, LedgerStep.CLOSE);

        LedgerItem c = newItem(clue("A01", "E002/371525195501011234", VILLAGE_B, "999.99", Severity.HIGH));
        c = step(PROVINCE_STAFF, c, LedgerStep.START_VERIFICATION);
        ledger.addEvidence(PROVINCE_STAFF, c.id(), new ByteArrayInputStream("死亡记录系重名误报".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), "说明.txt", null);
        c = step(PROVINCE_STAFF, c, LedgerStep.REQUEST_DISMISSAL);
        step(REVIEWER, c, LedgerStep.APPROVE_DISMISSAL);

        LedgerItem d = newItem(clue("B04", "6228480001", VILLAGE_C, "12345.67", Severity.CRITICAL));
        d = confirm(d, "10000.00");
        d = act(d, ActionKind.RECOVERY, "3333.33");
        act(d, ActionKind.RECOVERY, "3333.33");

        complaints.submitHotline(PROVINCE_STAFF, new Complaint(VILLAGE_C, "来电反映村干部代领多户补贴资金", null, null,
                null, null, null, Severity.HIGH));

        newItem(new Clue("C02", Severity.MEDIUM, "E777", "OVER", "E777", "H777", null, null, VILLAGE_1,
                YearMonth.of(2026, 10), YearMonth.of(2026, 10), new BigDecimal("55.55"), null, "特困金额计算错误",
                "{\"program\":\"TEKUN\"}"));
    }

    private Campaign provinceCampaign(List<String> programs) {
        return campaigns.create(PROVINCE_STAFF, new NewCampaign("2026年农村低保专项治理", List.of(PROVINCE), programs,
                FROM, TO, List.of(
                new CampaignStage(CampaignStage.Kind.SELF_CHECK, FROM, LocalDate.of(2026, 11, 15)),
                new CampaignStage(CampaignStage.Kind.FULL_INSPECTION, LocalDate.of(2026, 11, 16),
                        LocalDate.of(2026, 11, 30)),
                new CampaignStage(CampaignStage.Kind.KEY_SPOT_CHECK, LocalDate.of(2026, 12, 1),
                        LocalDate.of(2026, 12, 15)),
                new CampaignStage(CampaignStage.Kind.RECTIFICATION, LocalDate.of(2026, 12, 16),
                        LocalDate.of(2027, 3, 31)))));
    }

    @Test
    void theTablesRollUpCountyCityProvinceAndReconcileWithTheLedgerToTheCent() throws Exception {
        Campaign c = provinceCampaign(List.of());
        assertThat(c.currentStage()).isEqualTo(CampaignStage.Kind.SELF_CHECK);
        assertThat(c.stages()).hasSize(4);

        CampaignReport r = campaigns.report(PROVINCE_STAFF, c.id());

        assertThat(r.byRegion()).extracting(ReportRow::level, ReportRow::regionCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PROVINCE", "370000000000"),
                org.assertj.core.groups.Tuple.tuple("CITY", "371400000000"),
                org.assertj.core.groups.Tuple.tuple("COUNTY", "371402000000"),
                org.assertj.core.groups.Tuple.tuple("CITY", "371500000000"),
                org.assertj.core.groups.Tuple.tuple("COUNTY", "371525000000"),
                org.assertj.core.groups.Tuple.tuple("COUNTY", "371526000000"),
                org.assertj.core.groups.Tuple.tuple("TOTAL", null));
        Figures total = r.total();
        assertThat(total.found()).isEqualTo(6);
        assertThat(total.confirmed()).isEqualTo(3);
        assertThat(total.dismissed()).isEqualTo(1);
        assertThat(total.closed()).isEqualTo(1);
        assertThat(total.open()).isEqualTo(4);
        assertThat(total.amountAtRisk()).isEqualByComparingTo("14681.71");   // 1200.50+80+999.99+12345.67+0+55.55
        assertThat(total.amountToRecover()).isEqualByComparingTo("11280.50");
        assertThat(total.amountRecovered()).isEqualByComparingTo("7046.92");  // 300.26 + 80 + 6666.66
        assertThat(total.outstanding()).isEqualByComparingTo("4233.58");
        assertThat(total.benefitActions()).isEqualTo(1);
        assertThat(total.disciplineTransfers()).isEqualTo(1);
        assertThat(total.peopleHandled()).isEqualTo(2);
        assertThat(total.progress()).isEqualByComparingTo("33.3");

        // to the cent with the ledger itself
        OffsetDateTime from = FROM.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
        assertThat(total.amountRecovered()).isEqualByComparingTo(jdbc.queryForObject("SELECT SUM(a.amount) FROM "
                + "ledger_action a JOIN ledger_item i ON i.id = a.item_id WHERE a.kind = 'RECOVERY' "
                + "AND i.created_at >= ?", BigDecimal.class, from));
        assertThat(total.amountAtRisk()).isEqualByComparingTo(jdbc.queryForObject(
                "SELECT SUM(amount_at_risk) FROM ledger_item WHERE created_at >= ?", BigDecimal.class, from));
        assertThat(total.amountToRecover()).isEqualByComparingTo(jdbc.queryForObject(
                "SELECT SUM(amount_to_recover) FROM ledger_item WHERE created_at >= ?", BigDecimal.class, from));
        assertThat(total.found()).isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(*) FROM ledger_item WHERE created_at >= ?", Integer.class, from));

        // every level is the sum of the one below
        Map<String, Figures> rows = r.byRegion().stream().filter(x -> x.regionCode() != null)
                .collect(Collectors.toMap(ReportRow::regionCode, ReportRow::figures));
        assertSum(rows.get("370000000000"), List.of(rows.get("371400000000"), rows.get("371500000000")));
        assertSum(rows.get("371500000000"), List.of(rows.get("371525000000"), rows.get("371526000000")));
        assertSum(rows.get("371400000000"), List.of(rows.get("371402000000")));
        assertSum(total, List.of(rows.get("370000000000")));
        assertThat(rows.get("371526000000").amountRecovered()).isEqualByComparingTo("380.26");
        assertThat(rows.get("371402000000").amountToRecover()).isEqualByComparingTo("10000.00");
        assertThat(rows.get("371526000000").progress()).isEqualByComparingTo("50.0");
        assertThat(rows.get("371525000000").progress()).isNull();

        // by type and county × type add up to the same
        ReportRow typeTotal = r.byType().get(r.byType().size() - 1);
        assertSum(typeTotal.figures(), List.of(total));
        assertSum(total, r.byType().subList(0, r.byType().size() - 1).stream().map(ReportRow::figures).toList());
        assertThat(r.byType()).extracting(ReportRow::rule).containsExactly("A01", "B04", "C01", "C02", "COMPLAINT",
                null);
        assertThat(r.byType().get(0).ruleName()).isEqualTo("死亡人员仍领取");
        assertThat(r.byType().get(0).figures().found()).isEqualTo(2);
        assertThat(r.byType().get(4).ruleName()).isEqualTo("信访举报");
        assertSum(total, r.detail().stream().map(ReportRow::figures).toList());
        for (ReportRow county : r.byRegion()) {
            if (county.level().equals("COUNTY")) {
                assertSum(county.figures(), r.detail().stream().filter(x -> x.regionCode().equals(county.regionCode()))
                        .map(ReportRow::figures).toList());
            }
        }

        // the XLSX says the same, to the cent
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        campaigns.writeXlsx(r, out);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("按地区汇总", "按问题类型", "县×类型明细", "说明");
            List<Row> region = sheets.get(0).read();
            assertThat(region).hasSize(1 + r.byRegion().size());
            assertThat(region.get(0).getCellText(7)).isEqualTo("涉及金额（元）");
            for (int i = 0; i < r.byRegion().size(); i++) {
                assertRow(region.get(i + 1), 2, r.byRegion().get(i).figures());
            }
            assertThat(region.get(1).getCellText(1)).isEqualTo("370000000000");
            assertThat(region.get(r.byRegion().size()).getCellText(1)).isEqualTo("合计");
            List<Row> type = sheets.get(1).read();
            for (int i = 0; i < r.byType().size(); i++) {
                assertRow(type.get(i + 1), 2, r.byType().get(i).figures());
            }
            List<Row> detail = sheets.get(2).read();
            assertThat(detail).hasSize(1 + r.detail().size());
            for (int i = 0; i < r.detail().size(); i++) {
                assertRow(detail.get(i + 1), 3, r.detail().get(i).figures());
            }
            assertThat(sheets.get(3).read().get(0).getCellText(1)).isEqualTo("2026年农村低保专项治理");
        }
    }

    @Test
    void programsPeriodAndTheAskersRegionDecideWhatCounts() {
        Campaign dibao = provinceCampaign(List.of("DIBAO_RURAL"));
        Figures f = campaigns.report(PROVINCE_STAFF, dibao.id()).total();
        assertThat(f.found()).as("no TEKUN item, no complaint without a program").isEqualTo(4);

        Campaign all = provinceCampaign(List.of());
        CampaignReport county = campaigns.report(COUNTY_STAFF, all.id());
        assertThat(county.byRegion()).extracting(ReportRow::regionCode).containsExactly("370000000000",
                "371500000000", "371526000000", null);
        assertThat(county.total().found()).isEqualTo(3);
        assertThat(county.total().amountRecovered()).isEqualByComparingTo("380.26");
        assertThat(campaigns.report(TOWN_STAFF, all.id()).total().found()).isEqualTo(2);

        // a county's own campaign: the neighbouring county neither sees it nor its rows
        Campaign own = campaigns.create(COUNTY_STAFF, new NewCampaign("高唐县自查", List.of(COUNTY), List.of(), FROM, TO,
                List.of()));
        assertThat(campaigns.report(COUNTY_STAFF, own.id()).total().found()).isEqualTo(3);
        assertThat(campaigns.list(OTHER_COUNTY)).extracting(Campaign::id).containsExactly(all.id(), dibao.id());
        assertRefused(() -> campaigns.get(OTHER_COUNTY, own.id()), Kind.NOT_FOUND, "不存在", "no such campaign");
        assertThat(campaigns.list(TOWN_STAFF)).hasSize(3);

        assertRefused(() -> campaigns.create(TOWN_STAFF, new NewCampaign("x", List.of(COUNTY), List.of(), FROM, TO,
                List.of())), Kind.FORBIDDEN, "县级", "county");
        assertRefused(() -> campaigns.create(COUNTY_STAFF, new NewCampaign("x", List.of(PROVINCE), List.of(), FROM,
                TO, List.of())), Kind.FORBIDDEN, "管辖范围", "outside");
        assertRefused(() -> campaigns.create(COUNTY_STAFF, new NewCampaign("x", List.of(COUNTY), List.of(), TO, FROM,
                List.of())), Kind.INVALID, "起止日期", "period");
    }

    @Test
    void aProblemFoundInTheCampaignEntersTheLedgerAndItsTables() {
        Campaign c = provinceCampaign(List.of());
        LedgerItem item = campaigns.recordProblem(COUNTY_STAFF, c.id(), new FoundProblem("D01", Severity.HIGH,
                VILLAGE_2, "DIBAO_RURAL", "H0456", null, new BigDecimal("2400.00"), "村干部近亲属享受低保未备案"));
        assertThat(item.source()).isEqualTo(sunshine.ledger.LedgerSource.CAMPAIGN);
        assertThat(item.subject()).startsWith("C" + c.id() + "#");
        assertThat(item.townCode()).isEqualTo("371526101000");
        CampaignReport r = campaigns.report(PROVINCE_STAFF, c.id());
        assertThat(r.total().found()).isEqualTo(7);
        assertThat(r.total().amountAtRisk()).isEqualByComparingTo("17081.71");
    }

    // ---------------------------------------------------------------- helpers

    private static void assertSum(Figures whole, List<Figures> parts) {
        Function<Function<Figures, BigDecimal>, BigDecimal> sum = g -> parts.stream().map(g)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(whole.amountAtRisk()).isEqualByComparingTo(sum.apply(Figures::amountAtRisk));
        assertThat(whole.amountToRecover()).isEqualByComparingTo(sum.apply(Figures::amountToRecover));
        assertThat(whole.amountRecovered()).isEqualByComparingTo(sum.apply(Figures::amountRecovered));
        assertThat(whole.outstanding()).isEqualByComparingTo(sum.apply(Figures::outstanding));
        assertThat(whole.found()).isEqualTo(parts.stream().mapToInt(Figures::found).sum());
        assertThat(whole.confirmed()).isEqualTo(parts.stream().mapToInt(Figures::confirmed).sum());
        assertThat(whole.closed()).isEqualTo(parts.stream().mapToInt(Figures::closed).sum());
        assertThat(whole.peopleHandled()).isEqualTo(parts.stream().mapToInt(Figures::peopleHandled).sum());
    }

    private static void assertRow(Row row, int first, Figures f) {
        assertThat(row.getCellAsNumber(first).orElseThrow().intValue()).isEqualTo(f.found());
        assertThat(row.getCellAsNumber(first + 1).orElseThrow().intValue()).isEqualTo(f.confirmed());
        assertThat(row.getCellAsNumber(first + 4).orElseThrow().intValue()).isEqualTo(f.closed());
        assertThat(row.getCellAsNumber(first + 5).orElseThrow()).isEqualByComparingTo(f.amountAtRisk());
        assertThat(row.getCellAsNumber(first + 6).orElseThrow()).isEqualByComparingTo(f.amountToRecover());
        assertThat(row.getCellAsNumber(first + 7).orElseThrow()).isEqualByComparingTo(f.amountRecovered());
        assertThat(row.getCellAsNumber(first + 8).orElseThrow()).isEqualByComparingTo(f.outstanding());
        assertThat(row.getCellAsNumber(first + 11).orElseThrow().intValue()).isEqualTo(f.peopleHandled());
        if (f.progress() == null) {
            assertThat(row.getCellText(first + 12)).isEqualTo("—");
        } else {
            assertThat(row.getCellAsNumber(first + 12).orElseThrow()).isEqualByComparingTo(f.progress());
        }
    }

    private LedgerItem newItem(Clue clue) {
        intake.intake(runs.incrementAndGet(), List.of(clue));
        return ledger.search(PROVINCE_STAFF, new LedgerQuery(null, null, clue.rule(), clue.regionCode(), null, null,
                null)).stream().filter(i -> i.subject().equals(clue.subject())).findFirst().orElseThrow();
    }

    private LedgerItem confirm(LedgerItem item, String toRecover) {
        item = step(PROVINCE_STAFF, item, LedgerStep.START_VERIFICATION);
        item = ledger.step(PROVINCE_STAFF, item.id(), new StepRequest(LedgerStep.CONFIRM, item.version(), "属实", null,
                "核查属实", new BigDecimal(toRecover)));
        return step(PROVINCE_STAFF, item, LedgerStep.START_RECTIFICATION);
    }

    private LedgerItem step(Actor actor, LedgerItem item, LedgerStep step) {
        return ledger.step(actor, item.id(), StepRequest.of(step, item.version(), "办理"));
    }

    private LedgerItem act(LedgerItem item, ActionKind kind, String amount) {
        return ledger.act(PROVINCE_STAFF, item.id(), new ActionRequest(kind, item.version(), LocalDate.of(2026, 11, 2),
                amount == null ? null : new BigDecimal(amount), "文号" + item.version(), null, null));
    }
}
