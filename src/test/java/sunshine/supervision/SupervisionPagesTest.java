package sunshine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static sunshine.ledger.LedgerTestConfig.COUNTY;
import static sunshine.ledger.LedgerTestConfig.COUNTY_STAFF;
import static sunshine.ledger.LedgerTestConfig.DISCIPLINE;
import static sunshine.ledger.LedgerTestConfig.START;
import static sunshine.ledger.LedgerTestConfig.TOWN_1;
import static sunshine.ledger.LedgerTestConfig.TOWN_2;
import static sunshine.ledger.LedgerTestConfig.TOWN_STAFF;
import static sunshine.ledger.LedgerTestConfig.VILLAGE_1;
import static sunshine.ledger.LedgerTestConfig.VILLAGE_2;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import sunshine.checks.Severity;
import sunshine.ledger.LedgerTestConfig;
import sunshine.registry.TestDatabases;
import sunshine.security.SignedInMockMvc;

/**
 * The screens of random inspections and campaigns (H2), over the real services and ledger: a plan announced, drawn
 * with the town exclusions shown, results recorded and published; a campaign created and its tables, which add up
 * the ledger to the cent; region scope and the read-only roles.
 */
@SpringBootTest(properties = "sunshine.ledger.escalation-cron=-")
@Import(LedgerTestConfig.class)
class SupervisionPagesTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    @Autowired
    org.springframework.web.context.WebApplicationContext context;
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerTestConfig.TestActor actor;
    @Autowired
    LedgerTestConfig.MutableClock clock;
    @Autowired
    InspectionService inspections;
    @Autowired
    CampaignService campaigns;

    @BeforeEach
    void empty() {
        mvc = SignedInMockMvc.of(context);
        LedgerTestConfig.clear(jdbc);
        clock.set(START);
        actor.set(COUNTY_STAFF);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Six households in two towns; inspectors in each town and at the county. */
    static final String TARGETS = String.join("\n",
            "H01," + VILLAGE_1 + ",王家", "H02," + VILLAGE_1, "H03," + VILLAGE_1,
            "H04," + VILLAGE_2, "H05," + VILLAGE_2, "H06，" + VILLAGE_2);
    static final String INSPECTORS = String.join("\n",
            "T1A,甲," + TOWN_1, "T1B,乙," + TOWN_1, "T2A,丙," + TOWN_2, "T2B,丁," + TOWN_2, "C01,戊," + COUNTY);

    private long announce() throws Exception {
        String location = mvc.perform(post("/inspections")
                        .param("name", "2026年第四季度低保入户抽查").param("regionCode", COUNTY)
                        .param("targetKind", "HOUSEHOLD").param("announcement", "以2026年11月2日福彩3D开奖号码为随机数")
                        .param("drawDate", "2026-11-02").param("sampleMode", "FIXED").param("sampleSize", "4")
                        .param("confidence", "0.95").param("margin", "0.05").param("inspectorsPerTarget", "2")
                        .param("targets", TARGETS).param("inspectors", INSPECTORS))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/inspections/*"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void anInspectionIsAnnouncedDrawnRecordedAndPublishedOnItsPages() throws Exception {
        assertThat(page(get("/inspections/new"))).contains("id=\"inspection-form\"", "name=\"targets\"");
        long id = announce();
        InspectionDetail announced = inspections.get(COUNTY_STAFF, id);
        assertThat(announced.targets()).hasSize(6);
        assertThat(announced.targets().get(5).id()).isEqualTo("H06"); // a Chinese comma separates too

        String shown = page(get("/inspections/" + id));
        assertThat(shown).contains("已公告", announced.plan().poolHash(), "id=\"draw\"",
                "/api/public/inspections/" + id + "/verify", "从6个目标中抽取4个");
        assertThat(page(get("/inspections"))).contains("2026年第四季度低保入户抽查", "data-inspection=\"" + id + "\"");

        mvc.perform(post("/inspections/" + id + "/draw").param("version", "1").param("beacon", "3 7 1"))
                .andExpect(status().is3xxRedirection());
        InspectionDetail drawn = inspections.get(COUNTY_STAFF, id);
        assertThat(drawn.draw().assignments()).hasSize(4);
        String sample = page(get("/inspections/" + id));
        assertThat(sample).contains("已抽取", drawn.plan().seed(), "id=\"sample\"").doesNotContain("id=\"draw\"");
        for (Draw.Assignment a : drawn.draw().assignments()) {
            String town = a.regionCode().substring(0, 9);
            String row = sample.substring(sample.indexOf("data-target=\"" + a.targetId() + "\""));
            row = row.substring(0, row.indexOf("</tr>"));
            // the town's own inspectors are shown as excluded, and none of them was drawn for it
            List<String> own = drawn.inspectors().stream().filter(i -> i.regionCode().startsWith(town))
                    .map(Inspector::name).toList();
            String excluded = row.substring(row.indexOf("class=\"excluded\""));
            assertThat(own).hasSize(2).allSatisfy(n -> assertThat(excluded).contains(n));
            assertThat(a.inspectorIds()).hasSize(2).noneMatch(i -> i.startsWith(town.equals(TOWN_1.substring(0, 9))
                    ? "T1" : "T2"));
        }

        // results: a problem for the first target, none for the rest; the problem enters the ledger
        List<Draw.Assignment> sampled = drawn.draw().assignments();
        mvc.perform(post("/inspections/" + id + "/results").param("targetId", sampled.get(0).targetId())
                        .param("outcome", "PROBLEM").param("inspectedOn", "2026-11-02")
                        .param("findings", "家庭有经营性车辆未申报").param("publicSummary", "发现问题，已整改")
                        .param("rule", "A04").param("severity", "HIGH").param("amountAtRisk", "1234.50")
                        .param("description", "车辆未申报"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/inspections/" + id))).doesNotContain("id=\"publish\"");
        for (Draw.Assignment a : sampled.subList(1, sampled.size())) {
            mvc.perform(post("/inspections/" + id + "/results").param("targetId", a.targetId())
                            .param("outcome", "NO_PROBLEM").param("inspectedOn", "2026-11-02"))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.queryForObject("SELECT amount_at_risk FROM ledger_item WHERE source = 'INSPECTION'",
                BigDecimal.class)).isEqualByComparingTo("1234.50");
        String complete = page(get("/inspections/" + id));
        assertThat(complete).contains("id=\"publish\"", "已转入问题台账");
        long version = inspections.get(COUNTY_STAFF, id).plan().version();
        mvc.perform(post("/inspections/" + id + "/publish").param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/inspections/" + id).param("lang", "en"))).contains("published", "Excluded (same town)");
        assertThat(inspections.publicView(id).results()).hasSize(4);

        // a refusal is shown on the page, not as JSON: drawing again
        mvc.perform(post("/inspections/" + id + "/draw").param("version", String.valueOf(version + 1)))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).isNotNull());
    }

    @Test
    void theSampleSizeMayComeFromConfidenceAndMargin() throws Exception {
        mvc.perform(post("/inspections").param("name", "按置信水平抽查").param("regionCode", COUNTY)
                        .param("targetKind", "HOUSEHOLD").param("announcement", "以当日福彩3D开奖号码为随机数")
                        .param("drawDate", "2026-11-02").param("sampleMode", "COMPUTED").param("sampleSize", "")
                        .param("confidence", "0.90").param("margin", "0.20").param("inspectorsPerTarget", "2")
                        .param("targets", TARGETS).param("inspectors", INSPECTORS))
                .andExpect(status().is3xxRedirection());
        InspectionPlan plan = inspections.list(COUNTY_STAFF).get(0);
        assertThat(plan.sampleMode()).isEqualTo(Sample.Mode.COMPUTED);
        assertThat(plan.sampleSize()).isEqualTo(SampleSize.required(6, 0.90, 0.20, 0.5)).isLessThan(6);
        assertThat(page(get("/inspections/" + plan.id()))).contains("从6个目标中抽取5个（置信水平0.9，允许误差0.2）");
    }

    @Test
    void aBadPlanIsShownAgainWithTheReason() throws Exception {
        String again = mvc.perform(post("/inspections").param("name", "x").param("regionCode", COUNTY)
                        .param("targetKind", "HOUSEHOLD").param("announcement", "公告").param("drawDate", "2026-11-02")
                        .param("sampleMode", "FIXED").param("sampleSize", "2").param("targets", TARGETS)
                        .param("inspectors", "T1A,甲"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("id=\"error\"", "检查人员库第1行", "H06");
        assertThat(inspections.list(COUNTY_STAFF)).isEmpty();
    }

    @Test
    void townsSeeNoCountyInspectionAndReadOnlyRolesGetNoForms() throws Exception {
        long id = announce();
        actor.set(TOWN_STAFF);
        mvc.perform(get("/inspections/" + id)).andExpect(status().isNotFound());
        assertThat(page(get("/inspections"))).doesNotContain("data-inspection=").doesNotContain("id=\"new-inspection\"");
        mvc.perform(get("/inspections/new")).andExpect(status().isForbidden());

        actor.set(DISCIPLINE);
        assertThat(page(get("/inspections/" + id))).contains("2026年第四季度低保入户抽查")
                .doesNotContain("id=\"draw\"");
        mvc.perform(get("/inspections/new")).andExpect(status().isForbidden());
        // refused (by path for the read-only roles, else by the service): nothing is drawn
        mvc.perform(post("/inspections/" + id + "/draw").param("version", "1"));
        assertThat(inspections.get(COUNTY_STAFF, id).draw()).isNull();
        mvc.perform(get("/campaigns/new")).andExpect(status().isForbidden());
        mvc.perform(get("/inspections/98765")).andExpect(status().isNotFound());
    }

    @Test
    void aCampaignsTablesAddUpTheLedgerCountyCityProvince() throws Exception {
        assertThat(page(get("/campaigns/new"))).contains("id=\"campaign-form\"", "stageFrom[0]", "农村低保");
        String location = mvc.perform(post("/campaigns").param("name", "2026年农村低保专项治理")
                        .param("regions", COUNTY).param("programs", "DIBAO_RURAL")
                        .param("periodFrom", "2026-11-01").param("periodTo", "2027-01-31")
                        .param("stageFrom[0]", "2026-11-01").param("stageTo[0]", "2026-11-30")
                        .param("stageFrom[1]", "").param("stageTo[1]", "")
                        .param("stageFrom[3]", "2026-12-01").param("stageTo[3]", "2027-01-31"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Campaign c = campaigns.get(COUNTY_STAFF, id);
        assertThat(c.stages()).extracting(CampaignStage::kind)
                .containsExactly(CampaignStage.Kind.SELF_CHECK, CampaignStage.Kind.RECTIFICATION);
        assertThat(c.currentStage()).isEqualTo(CampaignStage.Kind.SELF_CHECK);

        Map<String, String> found = Map.of(VILLAGE_1, "1200.10", VILLAGE_2, "345.67");
        found.forEach((village, amount) -> campaigns.recordProblem(COUNTY_STAFF, id, new FoundProblem("A02",
                Severity.HIGH, village, "DIBAO_RURAL", null, null, new BigDecimal(amount), "专项排查发现")));
        campaigns.recordProblem(COUNTY_STAFF, id, new FoundProblem("OTHER", Severity.LOW, VILLAGE_1, "DIBAO_RURAL",
                null, null, new BigDecimal("0.01"), "台账不全"));
        BigDecimal ledgerTotal = jdbc.queryForObject("SELECT SUM(amount_at_risk) FROM ledger_item", BigDecimal.class);
        assertThat(ledgerTotal).isEqualByComparingTo("1545.78");

        String shown = page(get("/campaigns/" + id));
        assertThat(shown).contains("2026年农村低保专项治理", "自查自纠 ◀", "/api/campaigns/" + id + "/report.xlsx",
                "data-level=\"COUNTY\" data-region=\"371526000000\"", "data-level=\"CITY\" data-region=\"371500000000\"",
                "data-level=\"PROVINCE\" data-region=\"370000000000\"");
        for (String level : List.of("COUNTY", "CITY", "PROVINCE", "TOTAL")) {
            String row = shown.substring(shown.indexOf("data-level=\"" + level + "\""));
            assertThat(row.substring(0, row.indexOf("</tr>"))).as(level).contains("1,545.78");
        }
        // by problem type: each type's row, then the total
        String byType = shown.substring(shown.indexOf("id=\"report-byType\""));
        String a02 = byType.substring(byType.indexOf("data-rule=\"A02\""));
        assertThat(a02.substring(0, a02.indexOf("</tr>"))).contains("1,545.77").doesNotContain("合计");
        String typeTotal = byType.substring(byType.indexOf("data-level=\"TOTAL\""));
        assertThat(typeTotal.substring(0, typeTotal.indexOf("</tr>"))).contains("合计", "1,545.78");
        assertThat(page(get("/campaigns"))).contains("data-campaign=\"" + id + "\"", "农村低保", "自查自纠");
        mvc.perform(get("/api/campaigns/" + id + "/report.xlsx")).andExpect(status().isOk());

        // a town sees its own problems only
        actor.set(TOWN_STAFF);
        String town = page(get("/campaigns/" + id));
        String total = town.substring(town.indexOf("data-level=\"TOTAL\""));
        assertThat(total.substring(0, total.indexOf("</tr>"))).contains("1,200.11").doesNotContain("1,545.78");
        assertThat(page(get("/campaigns"))).doesNotContain("id=\"new-campaign\"");

        // English
        actor.set(COUNTY_STAFF);
        mvc.perform(get("/campaigns/" + id).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("By region (county → city → province)"),
                        containsString("self-check"), not(containsString("按问题类型")))));
    }
}
