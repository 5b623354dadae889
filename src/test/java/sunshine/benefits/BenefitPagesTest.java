package sunshine.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static sunshine.benefits.BenefitTestConfig.AUDITOR;
import static sunshine.benefits.BenefitTestConfig.COUNTY_STAFF;
import static sunshine.benefits.BenefitTestConfig.OTHER_COUNTY_STAFF;
import static sunshine.benefits.BenefitTestConfig.TOWN_1;
import static sunshine.benefits.BenefitTestConfig.TOWN_2_STAFF;
import static sunshine.benefits.BenefitTestConfig.TOWN_STAFF;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_1;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_2;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_3;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_STAFF;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import sunshine.applications.Application;
import sunshine.applications.ApplicationStatus;
import sunshine.applications.Applications;
import sunshine.payments.BatchLine;
import sunshine.payments.BatchStatus;
import sunshine.payments.PaymentCycle;
import sunshine.registry.TestDatabases;
import sunshine.security.Actor;
import sunshine.security.internal.TestUsers;

/**
 * The benefits screens (/applications, /payroll) behind the real sign-in, on H2: the pages a caseworker uses, the
 * forms each role gets, bad input re-shown with its values and a bilingual reason, and region scope by URL.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(BenefitPagesTest.Clock.class)
class BenefitPagesTest {

    static final Path DATA = TestDatabases.newDataDir();
    static final String INVESTIGATOR_1 = RegistryFixture.id(LocalDate.of(1985, 5, 5), 11);
    static final String INVESTIGATOR_2 = RegistryFixture.id(LocalDate.of(1986, 6, 6), 12);
    static final String APPROVER = RegistryFixture.id(LocalDate.of(1970, 7, 7), 13);
    static final String HEAD = RegistryFixture.id(LocalDate.of(1961, 3, 1), 1);
    static final String SPOUSE = RegistryFixture.id(LocalDate.of(1962, 3, 1), 2);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    /** Only the clock is the test's: the actor comes from the real sign-in. */
    @TestConfiguration
    static class Clock {
        @Bean
        @Primary
        BenefitTestConfig.MutableClock pagesClock() {
            return new BenefitTestConfig.MutableClock();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BenefitTestConfig.MutableClock clock;
    @Autowired
    Applications applications;
    @Autowired
    PaymentCycle cycle;

    RegistryFixture fx;

    @BeforeEach
    void registry() {
        RegistryFixture.clear(jdbc);
        fx = new RegistryFixture(jdbc).regions().standards();
        clock.setDay(LocalDate.of(2026, 11, 2)); // a Monday
    }

    private MockHttpServletRequestBuilder form(String url, Actor actor, String... pairs) {
        MockHttpServletRequestBuilder b = post(url).with(TestUsers.as(actor)).with(csrf());
        for (int i = 0; i < pairs.length; i += 2) {
            b.param(pairs[i], pairs[i + 1]);
        }
        return b;
    }

    private String page(String url, Actor actor) throws Exception {
        return mvc.perform(get(url).with(TestUsers.as(actor))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Takes an application through the form, as the village does; returns its id. */
    private String submit() throws Exception {
        MvcResult r = mvc.perform(form("/applications", VILLAGE_STAFF, "program", "DIBAO_RURAL",
                        "regionCode", VILLAGE_1, "urbanRural", "RURAL", "address", "一村8号", "cardNo", "6230000000000101",
                        "bank", "高唐县农村商业银行", "declaredIncome", "400",
                        "members[0].idNo", HEAD, "members[0].name", "王大山", "members[0].relation", "HEAD",
                        "members[0].covered", "true",
                        "members[1].idNo", SPOUSE, "members[1].name", "李小花", "members[1].relation", "SPOUSE",
                        "members[1].covered", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/applications/A*?done=SUBMIT"))
                .andReturn();
        String url = r.getResponse().getRedirectedUrl();
        return url.substring("/applications/".length(), url.indexOf('?'));
    }

    private void step(String id, String step, Actor actor, String... pairs) throws Exception {
        mvc.perform(form("/applications/" + id + "/" + step, actor, pairs))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/applications/" + id + "?done=*"));
    }

    private void afterNotice(String id) {
        Application a = applications.get(COUNTY_STAFF, id);
        clock.setDay(a.noticeTo().plusDays(1));
    }

    @Test
    void anApplicationGoesFromTheFormToEnrollmentThroughThePages() throws Exception {
        String id = submit();
        String applied = page("/applications/" + id, TOWN_STAFF);
        assertThat(applied).contains("id=\"step-accept\"", "申请", "王大山")
                .contains(HEAD.substring(0, 6) + "********").doesNotContain(HEAD);
        // the village may not accept; the auditor sees the case and no form at all
        assertThat(page("/applications/" + id, VILLAGE_STAFF)).doesNotContain("id=\"step-accept\"");
        assertThat(page("/applications/" + id, AUDITOR)).contains("id=\"no-steps\"").doesNotContain("<form id=\"step-");

        step(id, "accept", TOWN_STAFF);
        assertThat(page("/applications/" + id, TOWN_STAFF)).contains("id=\"check-clean\"", "经济状况核对",
                "id=\"step-visit\"");

        // one investigator is not enough: the reason in both languages, the typed findings kept
        mvc.perform(form("/applications/" + id + "/visit", TOWN_STAFF, "investigator1", INVESTIGATOR_1,
                        "findings", "家中无劳动力，收入属实", "verifiedIncome", "400"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"error\""), containsString("2"),
                        containsString("家中无劳动力，收入属实"), containsString("value=\"" + INVESTIGATOR_1 + "\""))));
        step(id, "visit", TOWN_STAFF, "investigator1", INVESTIGATOR_1, "investigator2", INVESTIGATOR_2,
                "findings", "家中无劳动力，收入属实", "verifiedIncome", "400");
        step(id, "appraisal", VILLAGE_STAFF, "outcome", "评议通过 7:0");
        step(id, "notice", VILLAGE_STAFF);
        assertThat(page("/applications/" + id, TOWN_STAFF)).contains("id=\"step-objection\"")
                .doesNotContain("id=\"step-town-review\"");
        afterNotice(id);
        step(id, "town-review", TOWN_STAFF, "opinion", "同意");
        Application a = applications.get(COUNTY_STAFF, id);
        if (a.countyVisitReason() != null) {
            assertThat(page("/applications/" + id, TOWN_STAFF)).doesNotContain("id=\"step-county-visit\"");
            step(id, "county-visit", COUNTY_STAFF, "investigator1", INVESTIGATOR_1, "investigator2", INVESTIGATOR_2,
                    "findings", "县级核查属实");
        }
        step(id, "notice", TOWN_STAFF);
        afterNotice(id);

        // the amount with its calculation before the decision; the town may not decide
        String county = page("/applications/" + id, COUNTY_STAFF);
        assertThat(county).contains("id=\"step-approve\"", "max(0, 600.00 − 200.00) × 2 = 800.00");
        assertThat(page("/applications/" + id, TOWN_STAFF)).doesNotContain("id=\"step-approve\"");
        // another amount needs a reason: refused, what was typed is still there
        mvc.perform(form("/applications/" + id + "/approve", COUNTY_STAFF, "approverIdNo", APPROVER, "amount", "750"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("调整核定金额须说明理由"),
                        containsString("an amount other than the computed one needs a reason"),
                        containsString("value=\"750\""), containsString("value=\"" + APPROVER + "\""))));
        step(id, "approve", COUNTY_STAFF, "approverIdNo", APPROVER, "amount", "750", "overrideReason", "家庭有赡养费收入");
        step(id, "notice", TOWN_STAFF);
        afterNotice(id);
        step(id, "enroll", TOWN_STAFF);

        String enrolled = page("/applications/" + id, COUNTY_STAFF);
        assertThat(enrolled).contains("data-status=\"ENROLLED\"", "纳入保障", "家庭有赡养费收入",
                "max(0, 600.00 − 200.00) × 2 = 800.00", "750.00", "E" + id.substring(1), "id=\"no-steps\"");
        for (String action : List.of("SUBMIT", "ACCEPT", "CHECK", "VISIT", "APPRAISE", "NOTICE", "TOWN_REVIEW",
                "APPROVE", "ENROLL")) {
            assertThat(enrolled).contains("data-action=\"" + action + "\"");
        }
        assertThat(enrolled).contains("村委会 冯涛", "乡镇 赵强", "县民政局 李明");
        assertThat(applications.get(COUNTY_STAFF, id).status()).isEqualTo(ApplicationStatus.ENROLLED);

        // English on request
        assertThat(page("/applications/" + id + "?lang=en", COUNTY_STAFF)).contains("Enrolled", "History");
    }

    @Test
    void theEconomicCheckShowsTheEnginesFindingsBeforeTheVisit() throws Exception {
        fx.death(SPOUSE, LocalDate.of(2026, 5, 20));
        String id = submit();
        step(id, "accept", TOWN_STAFF);
        String checked = page("/applications/" + id, TOWN_STAFF);
        assertThat(checked).contains("data-rule=\"A01\"", "死亡人员仍领取", "id=\"step-visit\"")
                .doesNotContain(SPOUSE);
    }

    @Test
    void aStaffRelativeIsFiledAndDecidedOneLevelUpAndTheFormsFollow() throws Exception {
        String official = RegistryFixture.id(LocalDate.of(1960, 4, 1), 51);
        String old = RegistryFixture.id(LocalDate.of(1940, 4, 1), 52);
        fx.staff(official, "县干部", "COUNTY_OFFICIAL", BenefitTestConfig.COUNTY, "COUNTY");
        fx.relative(official, old, "SIBLING");
        MvcResult r = mvc.perform(form("/applications", TOWN_STAFF, "program", "TEKUN", "regionCode", VILLAGE_1,
                        "urbanRural", "RURAL", "address", "一村9号", "cardNo", "6230000000000201", "bank", "银行",
                        "declaredIncome", "0", "members[0].idNo", old, "members[0].name", "老人",
                        "members[0].relation", "HEAD", "members[0].covered", "true"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String url = r.getResponse().getRedirectedUrl();
        String id = url.substring("/applications/".length(), url.indexOf('?'));
        assertThat(page("/applications/" + id, COUNTY_STAFF)).contains("id=\"staff-links\"", "市级",
                "工作人员近亲属，必须入户", official.substring(0, 6) + "********").doesNotContain(official);

        step(id, "accept", TOWN_STAFF);
        step(id, "visit", TOWN_STAFF, "investigator1", INVESTIGATOR_1, "investigator2", INVESTIGATOR_2,
                "findings", "属实");
        step(id, "notice", TOWN_STAFF);
        afterNotice(id);
        step(id, "town-review", TOWN_STAFF, "opinion", "同意，报县");
        step(id, "notice", TOWN_STAFF);
        afterNotice(id);
        // the county visits but does not decide; the city decides, and not by the applicant's sibling
        assertThat(page("/applications/" + id, COUNTY_STAFF)).contains("id=\"step-county-visit\"")
                .doesNotContain("id=\"step-approve\"");
        step(id, "county-visit", COUNTY_STAFF, "investigator1", INVESTIGATOR_1, "investigator2", INVESTIGATOR_2,
                "findings", "县级入户核查属实");
        assertThat(page("/applications/" + id, BenefitTestConfig.CITY_STAFF)).contains("id=\"step-approve\"");
        mvc.perform(form("/applications/" + id + "/approve", BenefitTestConfig.CITY_STAFF, "approverIdNo", official))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"error\""),
                        containsString("value=\"" + official + "\""))));
        step(id, "approve", BenefitTestConfig.CITY_STAFF, "approverIdNo", APPROVER, "stable", "true");
        step(id, "notice", TOWN_STAFF);
        afterNotice(id);
        step(id, "enroll", TOWN_STAFF);
        String enrolled = page("/applications/" + id, COUNTY_STAFF);
        assertThat(enrolled).contains("data-status=\"ENROLLED\"", "1000.00");
        assertThat(applications.get(COUNTY_STAFF, id).staffLinks()).allSatisfy(l ->
                assertThat(enrolled).contains(l.filingId()));
    }

    @Test
    void anObjectionSendsTheCaseBackAndARefusalIsExplainedNotifiedAndAppealedOnce() throws Exception {
        String id = submit();
        step(id, "accept", TOWN_STAFF);
        step(id, "visit", TOWN_STAFF, "investigator1", INVESTIGATOR_1, "investigator2", INVESTIGATOR_2,
                "findings", "属实");
        step(id, "appraisal", VILLAGE_STAFF, "outcome", "评议通过");
        step(id, "notice", VILLAGE_STAFF);
        // an objection during the notice: back to the visit, the notice marked, the county must visit
        step(id, "objection", VILLAGE_STAFF, "text", "该户有一辆货车");
        String objected = page("/applications/" + id, COUNTY_STAFF);
        assertThat(objected).contains("data-status=\"VISITED\"", "该户有一辆货车", "有异议", "有投诉或异议，必须入户",
                "id=\"step-county-visit\"");

        // a refusal needs its reasons: refused in both languages
        mvc.perform(form("/applications/" + id + "/reject", TOWN_STAFF, "text", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("须填写不予批准的理由"),
                        containsString("the reason is required"))));
        step(id, "reject", TOWN_STAFF, "text", "家庭财产超过规定");
        String rejected = page("/applications/" + id, TOWN_STAFF);
        assertThat(rejected).contains("data-status=\"REJECTED\"", "家庭财产超过规定", "id=\"step-refusal-notified\"",
                "id=\"step-appeal\"", "0 / 1", "data-kind=\"REFUSAL_NOTICE\"");
        step(id, "refusal-notified", TOWN_STAFF, "date", "2026-11-03");
        step(id, "appeal", TOWN_STAFF, "text", "货车已于上月出售");
        assertThat(page("/applications/" + id, TOWN_STAFF)).contains("data-status=\"VISITED\"");
        step(id, "reject", TOWN_STAFF, "text", "仍不符合条件");
        assertThat(page("/applications/" + id, TOWN_STAFF)).contains("data-status=\"REJECTED\"", "1 / 1")
                .doesNotContain("id=\"step-appeal\"");
        mvc.perform(form("/applications/" + id + "/appeal", TOWN_STAFF, "text", "再次申诉"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"error\""), containsString("再次申诉"))));
    }

    @Test
    void theListFiltersAndPagesWithinTheRegionAndAnotherTownsCaseIsNotFound() throws Exception {
        String id = submit();
        assertThat(page("/applications", COUNTY_STAFF)).contains(id, "一村");
        assertThat(page("/applications?town=" + TOWN_1 + "&program=DIBAO_RURAL&status=APPLIED", TOWN_STAFF))
                .contains(id);
        // a city types the town's code: no list of every town of the city
        assertThat(page("/applications?town=" + TOWN_1, BenefitTestConfig.CITY_STAFF)).contains(id, "name=\"town\"");
        assertThat(page("/applications/new", BenefitTestConfig.CITY_STAFF)).contains("name=\"regionCode\"");
        assertThat(page("/applications/new", TOWN_STAFF)).contains("一村", "二村").doesNotContain("三村");
        assertThat(page("/payroll", BenefitTestConfig.CITY_STAFF)).contains("id=\"generate\"");
        assertThat(page("/applications?status=ENROLLED", COUNTY_STAFF)).doesNotContain(id).contains("id=\"no-cases\"");
        assertThat(page("/applications?overdue=true", COUNTY_STAFF)).doesNotContain(id);
        // another town: not in its list, not by URL, not by a step, not by a filter naming the town
        assertThat(page("/applications", TOWN_2_STAFF)).doesNotContain(id);
        assertThat(page("/applications?town=" + TOWN_1, TOWN_2_STAFF)).doesNotContain(id);
        mvc.perform(get("/applications/" + id).with(TestUsers.as(TOWN_2_STAFF))).andExpect(status().isNotFound());
        mvc.perform(get("/applications/" + id).with(TestUsers.as(OTHER_COUNTY_STAFF))).andExpect(status().isNotFound());
        mvc.perform(form("/applications/" + id + "/accept", TOWN_2_STAFF)).andExpect(status().isNotFound());
        assertThat(applications.get(COUNTY_STAFF, id).status()).isEqualTo(ApplicationStatus.APPLIED);

        // overdue shows red: 31 working days later the whole case is late
        step(id, "accept", TOWN_STAFF);
        clock.setDay(LocalDate.of(2026, 12, 28));
        assertThat(page("/applications?overdue=true", COUNTY_STAFF)).contains(id, "class=\"overdue\"");

        // paging: 21 more cases make a second page
        for (int i = 0; i < 21; i++) {
            String head = RegistryFixture.id(LocalDate.of(1970, 1, 1).plusDays(i), 100 + i);
            applications.submit(TOWN_STAFF, new sunshine.applications.NewApplication("TEKUN", null,
                    i % 2 == 0 ? VILLAGE_1 : VILLAGE_2, "RURAL", "x", head, head, "62300000000002" + (10 + i), "银行",
                    java.math.BigDecimal.ZERO, false, null, List.of(new sunshine.applications.NewApplication.Member(head, "某" + i, "HEAD",
                    null, true))));
        }
        String first = page("/applications", COUNTY_STAFF);
        assertThat(first).contains("id=\"next-page\"").doesNotContain("id=\"prev-page\"");
        assertThat(page("/applications?page=2", COUNTY_STAFF)).contains("id=\"prev-page\"", id);
    }

    @Test
    void badInputReShowsTheFormWithEverythingTyped() throws Exception {
        mvc.perform(form("/applications", VILLAGE_STAFF, "program", "DIBAO_RURAL", "regionCode", VILLAGE_1,
                        "urbanRural", "RURAL", "address", "一村九号院", "declaredIncome", "四百",
                        "members[0].idNo", HEAD, "members[0].name", "王大山", "members[0].relation", "HEAD",
                        "members[0].covered", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"error\""), containsString("申报月收入应为金额"),
                        containsString("declared income must be an amount"), containsString("value=\"一村九号院\""),
                        containsString("value=\"四百\""), containsString("value=\"" + HEAD + "\""),
                        containsString("value=\"王大山\""))));
        String badId = HEAD.substring(0, 17) + (HEAD.charAt(17) == '1' ? "2" : "1");
        mvc.perform(form("/applications", VILLAGE_STAFF, "program", "DIBAO_RURAL", "regionCode", VILLAGE_1,
                        "urbanRural", "RURAL", "address", "一村九号院", "declaredIncome", "400",
                        "members[0].idNo", badId, "members[0].name", "王大山", "members[0].relation", "HEAD",
                        "members[0].covered", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"error\""), containsString("value=\"" + badId + "\""))));
        // the auditor changes nothing: not even the form's POST goes through
        mvc.perform(form("/applications", AUDITOR, "program", "DIBAO_RURAL"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application", Integer.class)).isZero();
    }

    @Test
    void theReviewWorklistListsEnrolledHouseholdsAndRecordsAReview() throws Exception {
        fx.enrolledHousehold("E0000001", "DIBAO_RURAL", VILLAGE_1, 1, "500.00", "6230000000000001", 1);
        fx.enrolledHousehold("E0000006", "DIBAO_RURAL", VILLAGE_3, 1, "500.00", "6230000000000006", 6);
        String list = page("/applications/reviews", TOWN_STAFF);
        assertThat(list).contains("data-enrollment=\"E0000001\"").doesNotContain("E0000006");
        mvc.perform(get("/applications/reviews/E0000006").with(TestUsers.as(TOWN_STAFF)))
                .andExpect(status().isNotFound());
        mvc.perform(form("/applications/reviews/E0000001", TOWN_STAFF, "outcome", "ADJUST", "reason", "收入增加",
                        "amount", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"error\""), containsString("value=\"收入增加\""))));
        mvc.perform(form("/applications/reviews/E0000001", TOWN_STAFF, "outcome", "CONTINUE", "reason", "情况未变"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/applications/reviews/E0000001", TOWN_STAFF)).contains("情况未变", "继续保障");
    }

    @Test
    void aNewStandardIsPreviewedThenAppliedByTheCountyOnly() throws Exception {
        payrollFixture();
        jdbc.update("UPDATE enrollments SET monthly_amount = 480.00 WHERE enrollment_id = 'E0000002'");
        fx.standard(BenefitTestConfig.COUNTY, "DIBAO_RURAL", "RURAL", "2027-01", "650.00");

        // the preview changes nothing: on the formula → the new amount; off it → for a person to look at
        Document preview = Jsoup.parse(page("/applications/rerate?month=2027-01", COUNTY_STAFF));
        assertThat(preview.select("#rerate-rows tr[data-enrollment]").eachAttr("data-enrollment"))
                .containsExactly("E0000001", "E0000002", "E0000006");
        assertThat(preview.select("tr[data-enrollment=E0000001]").text()).contains("1,500.00", "1,650.00", "待调整");
        assertThat(preview.select("tr[data-enrollment=E0000002]").text()).contains("480.00", "550.00", "需人工复核");
        assertThat(preview.select("#rerate-apply")).hasSize(1);
        assertThat(amount("E0000001")).isEqualByComparingTo("1500.00");

        // the town sees its own households and no button; applying is refused
        Document town = Jsoup.parse(page("/applications/rerate?month=2027-01", TOWN_STAFF));
        assertThat(town.select("#rerate-rows tr[data-enrollment]").eachAttr("data-enrollment"))
                .containsExactly("E0000001", "E0000002");
        assertThat(town.select("#rerate-apply")).isEmpty();
        mvc.perform(form("/applications/rerate", TOWN_STAFF, "month", "2027-01")).andExpect(status().isForbidden());
        assertThat(amount("E0000001")).isEqualByComparingTo("1500.00");

        // a bad month is said, nothing changes
        assertThat(Jsoup.parse(mvc.perform(form("/applications/rerate", COUNTY_STAFF, "month", "2027-13"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .select("#error").text()).contains("2027-13");

        Document done = Jsoup.parse(mvc.perform(form("/applications/rerate", COUNTY_STAFF, "month", "2027-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(done.select("#rerate-done").text()).contains("2027-01", "2");
        assertThat(done.select("tr[data-applied=true]").eachAttr("data-enrollment"))
                .containsExactly("E0000001", "E0000006");
        assertThat(amount("E0000001")).isEqualByComparingTo("1650.00");
        assertThat(amount("E0000006")).isEqualByComparingTo("1100.00");
        assertThat(amount("E0000002")).isEqualByComparingTo("480.00");
        assertThat(Jsoup.parse(page("/applications/rerate?month=2027-01", COUNTY_STAFF))
                .select("#rerate-rows tr[data-enrollment]").eachAttr("data-enrollment")).containsExactly("E0000002");
        assertThat(page("/applications/reviews/E0000001", COUNTY_STAFF)).contains("2027-01起执行新保障标准");
    }

    private BigDecimal amount(String enrollmentId) {
        return jdbc.queryForObject("SELECT monthly_amount FROM enrollments WHERE enrollment_id = ?", BigDecimal.class,
                enrollmentId);
    }

    // ================================================================== payroll

    private void payrollFixture() {
        fx.enrolledHousehold("E0000001", "DIBAO_RURAL", VILLAGE_1, 3, "1500.00", "6230000000000001", 1);
        fx.enrolledHousehold("E0000002", "DIBAO_RURAL", VILLAGE_1, 1, "500.00", "6230000000000002", 2);
        fx.enrolledHousehold("E0000005", "ORPHAN", VILLAGE_2, 1, "1200.00", null, 5);
        fx.enrolledHousehold("E0000006", "DIBAO_RURAL", VILLAGE_3, 2, "1000.00", "6230000000000006", 6);
    }

    private void batchStep(String batch, String step, Actor actor, String... pairs) throws Exception {
        mvc.perform(form("/payroll/" + batch + "/" + step, actor, pairs))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/payroll/" + batch + "?done=*"));
    }

    @Test
    void aBatchRunsFromGenerationToReconciliationThroughThePages() throws Exception {
        payrollFixture();
        String b1 = "B" + TOWN_1.substring(0, 9) + "-202611";
        String b2 = "B371526101-202611";
        // a bad month is refused and kept
        mvc.perform(form("/payroll/generate", COUNTY_STAFF, "period", "2026-13", "town", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"error\""), containsString("2026-12"))));
        mvc.perform(form("/payroll/generate", COUNTY_STAFF, "period", "2026-11", "town", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/payroll?period=2026-11&made=2"));
        String list = page("/payroll?period=2026-11", COUNTY_STAFF);
        assertThat(list).contains("data-batch=\"" + b1 + "\"", "data-batch=\"" + b2 + "\"", "2,000.00");

        // the other town sees neither the batch in its list nor by URL
        assertThat(page("/payroll", TOWN_2_STAFF)).contains(b2).doesNotContain(b1);
        mvc.perform(get("/payroll/" + b1).with(TestUsers.as(TOWN_2_STAFF))).andExpect(status().isNotFound());
        mvc.perform(get("/payroll/" + b1 + "/bank-file").with(TestUsers.as(TOWN_2_STAFF)))
                .andExpect(status().isNotFound());
        mvc.perform(form("/payroll/" + b1 + "/confirm", TOWN_2_STAFF)).andExpect(status().isNotFound());

        // the town confirms; the pre-check blocks: the orphan is due but has no card
        assertThat(page("/payroll/" + b1, COUNTY_STAFF)).doesNotContain("id=\"step-confirm\"");
        assertThat(page("/payroll/" + b1, TOWN_STAFF)).contains("id=\"step-confirm\"", "id=\"step-upload\"");
        batchStep(b1, "confirm", TOWN_STAFF);
        batchStep(b1, "precheck", COUNTY_STAFF);
        String blocked = page("/payroll/" + b1, COUNTY_STAFF);
        assertThat(blocked).contains("data-status=\"BLOCKED\"", "id=\"blocked\"", "data-rule=\"C07\"",
                "data-variant=\"MISSING\"", "data-blocking=\"true\"").doesNotContain("id=\"step-approve\"");
        mvc.perform(form("/payroll/" + b1 + "/approve", COUNTY_STAFF))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"error\"")));

        // resolved: a card is registered, the list generated again, confirmed, checked, approved, exported
        fx.card("6230000000000005", jdbc.queryForObject("SELECT payee_id_no FROM enrollments WHERE enrollment_id = "
                + "'E0000005'", String.class), "户主5", "ACTIVE");
        batchStep(b1, "regenerate", COUNTY_STAFF, "reason", "登记了孤儿的一卡通");
        batchStep(b1, "confirm", TOWN_STAFF);
        batchStep(b1, "precheck", TOWN_STAFF);
        assertThat(page("/payroll/" + b1, TOWN_STAFF)).contains("data-status=\"PRECHECKED\"")
                .doesNotContain("id=\"step-approve\"");
        batchStep(b1, "approve", COUNTY_STAFF);
        batchStep(b1, "export", COUNTY_STAFF, "layout", "standard", "payDate", "2026-11-05");
        String paid = page("/payroll/" + b1, COUNTY_STAFF);
        assertThat(paid).contains("data-status=\"EXPORTED\"", "id=\"paid\"", "已发放，不能再次发放", "id=\"bank-file-csv\"")
                .doesNotContain("id=\"step-export\"");
        // a second export is refused, and says why
        mvc.perform(form("/payroll/" + b1 + "/export", COUNTY_STAFF, "layout", "standard"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"error\""), containsString("不能重复发放"))));
        String csv = mvc.perform(get("/payroll/" + b1 + "/bank-file?format=csv").with(TestUsers.as(COUNTY_STAFF)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("P371526100-202611-0001");

        // the bank's receipts: one payment failed; reconciled, C08 finds it, it is re-issued in a new batch
        List<BatchLine> lines = cycle.lines(COUNTY_STAFF, b1);
        StringBuilder sb = new StringBuilder("发放流水号,卡号,金额,状态,入账日期,失败原因\r\n");
        for (BatchLine l : lines) {
            boolean fails = l.lineNo() == 1;
            sb.append(l.paymentId()).append(',').append(l.cardNo()).append(',').append(l.amount().toPlainString())
                    .append(',').append(fails ? "失败" : "成功").append(",2026-11-06,").append(fails ? "账户冻结" : "")
                    .append("\r\n");
        }
        mvc.perform(multipart("/payroll/" + b1 + "/receipts").file(new MockMultipartFile("file", "回单.csv",
                        "text/csv", sb.toString().getBytes(Charset.forName("GBK")))).with(TestUsers.as(COUNTY_STAFF))
                        .with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/payroll/" + b1 + "?done=RECEIPTS&receipts=" + lines.size() + "*"));
        String reconciled = page("/payroll/" + b1, COUNTY_STAFF);
        assertThat(reconciled).contains("data-status=\"RECONCILED\"", "data-rule=\"C08\"", "id=\"failed\"",
                lines.get(0).paymentId(), "id=\"step-reissue\"", "已发放，不能再次发放");
        org.jsoup.nodes.Element history = Jsoup.parse(reconciled).getElementById("batch-history");
        assertThat(history.select("tr[data-action=RECEIPTS]").text()).contains("导入银行回单", "→ 已对账");
        assertThat(history.select("tr[data-action]").eachAttr("data-action")).startsWith("GENERATE");
        mvc.perform(form("/payroll/" + b1 + "/reissue", COUNTY_STAFF))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/payroll/" + b1 + "?done=REISSUE&reissued=" + b1 + "-R1"));
        assertThat(page("/payroll/" + b1 + "-R1", COUNTY_STAFF)).contains("data-status=\"GENERATED\"", b1);
        assertThat(page("/payroll?period=2026-11", COUNTY_STAFF)).contains(b1 + "-R1");
        assertThat(cycle.batch(COUNTY_STAFF, b1).status()).isEqualTo(BatchStatus.RECONCILED);
        assertThat(page("/payroll/" + b1 + "?lang=en", COUNTY_STAFF)).contains("Reconciled",
                "Paid: cannot be paid again", "Control totals");
    }

    @Test
    void aTownsOwnListWithBadRowsIsRefusedRowByRow() throws Exception {
        payrollFixture();
        cycle.generate(COUNTY_STAFF, TOWN_1, YearMonth.of(2026, 11));
        String b1 = "B371526100-202611";
        String file = "批次号,乡镇,所属月份,待遇编号,领款人身份证号,姓名,金额,卡号\r\n"
                + b1 + ",371526100,2026年11月,E0000001,NOT-AN-ID,户主1,abc,6230000000000001\r\n";
        mvc.perform(multipart("/payroll/" + b1 + "/upload").file(new MockMultipartFile("file", "名册.csv", "text/csv",
                        file.getBytes(Charset.forName("GBK")))).with(TestUsers.as(TOWN_STAFF)).with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"error\""), containsString("id=\"row-errors\""))));
        // no file at all
        mvc.perform(multipart("/payroll/" + b1 + "/upload").with(TestUsers.as(TOWN_STAFF)).with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("请选择文件"), containsString("choose a file"))));
        assertThat(cycle.batch(COUNTY_STAFF, b1).status()).isEqualTo(BatchStatus.GENERATED);
        // a good list: taken, its totals beside the platform's
        StringBuilder good = new StringBuilder("批次号,乡镇,所属月份,待遇编号,领款人身份证号,姓名,金额,卡号\r\n");
        for (BatchLine l : cycle.lines(COUNTY_STAFF, b1)) {
            good.append(b1).append(",371526100,2026年11月,").append(l.enrollmentId()).append(',')
                    .append(l.payeeIdNo()).append(',').append(l.payeeName()).append(',')
                    .append(l.amount().toPlainString()).append(',').append(l.cardNo()).append("\r\n");
        }
        mvc.perform(multipart("/payroll/" + b1 + "/upload").file(new MockMultipartFile("file", "名册.csv", "text/csv",
                        good.toString().getBytes(Charset.forName("GBK")))).with(TestUsers.as(TOWN_STAFF))
                        .with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/payroll/" + b1 + "?done=UPLOAD"));
        assertThat(page("/payroll/" + b1, TOWN_STAFF)).contains("data-status=\"SUBMITTED\"", "乡镇上报名册",
                "id=\"town-totals\"");
        // the auditor reads the batch and is offered nothing
        assertThat(page("/payroll/" + b1, AUDITOR)).contains("id=\"no-actions\"")
                .doesNotContain("id=\"step-");
        assertThat(page("/payroll", AUDITOR)).doesNotContain("id=\"generate\"");
        assertThat(page("/payroll", TOWN_STAFF)).doesNotContain(VILLAGE_3).contains(b1);
        assertThat(page("/payroll/" + b1, TOWN_STAFF)).doesNotContain(
                jdbc.queryForObject("SELECT payee_id_no FROM enrollments WHERE enrollment_id = 'E0000001'", String.class));
    }
}
