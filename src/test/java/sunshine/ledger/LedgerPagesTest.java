package sunshine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static sunshine.ledger.LedgerTestConfig.COUNTY_REVIEWER;
import static sunshine.ledger.LedgerTestConfig.COUNTY_STAFF;
import static sunshine.ledger.LedgerTestConfig.DISCIPLINE;
import static sunshine.ledger.LedgerTestConfig.OTHER_TOWN;
import static sunshine.ledger.LedgerTestConfig.TOWN_1;
import static sunshine.ledger.LedgerTestConfig.TOWN_STAFF;
import static sunshine.ledger.LedgerTestConfig.VILLAGE_1;
import static sunshine.ledger.LedgerTestConfig.VILLAGE_2;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import sunshine.checks.Clue;
import sunshine.checks.Severity;
import sunshine.registry.TestDatabases;

/**
 * The ledger's screens (/clues, /ledger, /ledger/{id}) on H2 with the real ledger behind them: lists within the
 * user's region, filters, forms for exactly the steps this user may take, a whole case worked to CLOSED through the
 * forms, refusals shown in both languages.
 */
@SpringBootTest(properties = {"sunshine.ledger.escalation-cron=-", "sunshine.checks.schedule.enabled=false"})
@Import(LedgerTestConfig.class)
class LedgerPagesTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    static final String ID_1 = "371526195001011234";
    static final String ID_2 = "371526196002022345";

    @Autowired
    org.springframework.web.context.WebApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ClueIntake intake;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerTestConfig.TestActor actor;

    MockMvc mvc;
    long deceased;
    long vehicle;

    @BeforeEach
    void twoTownsItems() {
        mvc = sunshine.security.SignedInMockMvc.of(context);
        LedgerTestConfig.clear(jdbc);
        intake.intake(1, List.of(
                clue("A01", "E001/" + ID_1, VILLAGE_1, "1200.00", Severity.HIGH, ID_1, "张*三 2026年3月死亡，此后仍发放"),
                clue("A03", "E002/" + ID_2, VILLAGE_2, "800.00", Severity.MEDIUM, ID_2, "李* 名下有车辆")));
        deceased = ledger.search(COUNTY_STAFF, new LedgerQuery(null, null, "A01", null, null, null, null)).get(0).id();
        vehicle = ledger.search(COUNTY_STAFF, new LedgerQuery(null, null, "A03", null, null, null, null)).get(0).id();
        actor.set(TOWN_STAFF);
    }

    static Clue clue(String rule, String subject, String region, String amount, Severity severity, String idNo,
                     String explanation) {
        return new Clue(rule, severity, subject, "", subject.split("/")[0], "H" + rule, idNo, null, region,
                YearMonth.of(2026, 1), YearMonth.of(2026, 10), new BigDecimal(amount), null, explanation,
                "{\"program\":\"DIBAO_RURAL\",\"idNo\":\"" + idNo + "\"}");
    }

    private Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theListsShowTheUsersRegionOnlyWithIdNumbersMasked() throws Exception {
        Document clues = page(mvc.perform(get("/clues")).andExpect(status().isOk()));
        assertThat(clues.select("tr[data-item]")).hasSize(1);
        assertThat(clues.select("tr[data-item]").attr("data-item")).isEqualTo(Long.toString(deceased));
        assertThat(clues.text()).contains("371526********1234", "张*三 2026年3月死亡").doesNotContain(ID_1, ID_2, "李*");

        actor.set(COUNTY_STAFF);
        assertThat(page(mvc.perform(get("/clues"))).select("tr[data-item]")).hasSize(2);
        assertThat(page(mvc.perform(get("/ledger"))).select("tr[data-item]")).hasSize(2);

        // regions by the registry's names where it holds them, by code where not
        jdbc.update("DELETE FROM regions WHERE import_id = -1");
        jdbc.update("INSERT INTO regions (code, name, level, parent_code, import_id, source_row) VALUES "
                + "(?, '清平镇', 'TOWN', '371526000000', -1, 1), (?, '前进村', 'VILLAGE', ?, -1, 2)", TOWN_1,
                VILLAGE_1, TOWN_1);
        try {
            Document list = page(mvc.perform(get("/ledger")));
            assertThat(list.select("tr[data-item=" + deceased + "] td[title=" + VILLAGE_1 + "]").text())
                    .isEqualTo("前进村");
            assertThat(list.select("tr[data-item=" + vehicle + "] td[title=" + VILLAGE_2 + "]").text())
                    .isEqualTo(VILLAGE_2);
            assertThat(page(mvc.perform(get("/ledger/" + deceased))).select("dl").text())
                    .contains("前进村 " + VILLAGE_1, "清平镇 " + TOWN_1);
        } finally {
            jdbc.update("DELETE FROM regions WHERE import_id = -1");
        }

        actor.set(OTHER_TOWN);
        Document other = page(mvc.perform(get("/ledger")).andExpect(status().isOk()));
        assertThat(other.select("tr[data-item]").eachAttr("data-item")).containsExactly(Long.toString(vehicle));
        // another town's item by its URL: not found, like one that does not exist; no change either
        mvc.perform(get("/ledger/" + deceased)).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(ID_1.substring(0, 6)))));
        mvc.perform(post("/ledger/" + deceased + "/steps").param("step", "START_VERIFICATION").param("version", "1")
                .param("reason", "越权")).andExpect(status().isNotFound());
        mvc.perform(multipart("/ledger/" + deceased + "/evidence")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", LedgerServiceTest.pdf()))
                        .header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/ledger/999999")).andExpect(status().isNotFound());
        assertThat(ledger.get(COUNTY_STAFF, deceased).status()).isEqualTo(LedgerStatus.ASSIGNED);
    }

    @Test
    void theListsFilterSortAndSpeakEnglish() throws Exception {
        actor.set(COUNTY_STAFF);
        assertThat(page(mvc.perform(get("/clues").param("rule", "A03"))).select("tr[data-item]").eachAttr("data-item"))
                .containsExactly(Long.toString(vehicle));
        assertThat(page(mvc.perform(get("/clues").param("severity", "HIGH").param("town", TOWN_1)))
                .select("tr[data-item]").eachAttr("data-item")).containsExactly(Long.toString(deceased));
        assertThat(page(mvc.perform(get("/clues").param("min", "900"))).select("tr[data-item]")
                .eachAttr("data-item")).containsExactly(Long.toString(deceased));
        assertThat(page(mvc.perform(get("/clues").param("q", "车辆"))).select("tr[data-item]")
                .eachAttr("data-item")).containsExactly(Long.toString(vehicle));
        assertThat(page(mvc.perform(get("/clues").param("q", ID_2))).select("tr[data-item]")
                .eachAttr("data-item")).containsExactly(Long.toString(vehicle));
        assertThat(page(mvc.perform(get("/clues").param("run", "1").param("sort", "amount").param("dir", "asc")))
                .select("tr[data-item]").eachAttr("data-item"))
                .containsExactly(Long.toString(vehicle), Long.toString(deceased));
        assertThat(page(mvc.perform(get("/clues").param("run", "2"))).select("tr[data-item]")).isEmpty();
        assertThat(page(mvc.perform(get("/clues").param("status", "VERIFYING"))).select("tr[data-item]")).isEmpty();
        assertThat(page(mvc.perform(get("/clues").param("program", "DIBAO_RURAL"))).select("tr[data-item]"))
                .hasSize(2);
        Document paged = page(mvc.perform(get("/clues").param("size", "1").param("sort", "amount")));
        assertThat(paged.select("tr[data-item]").eachAttr("data-item")).containsExactly(Long.toString(deceased));
        assertThat(paged.select("nav.pager a.next").attr("href")).contains("page=1", "sort=amount");
        assertThat(page(mvc.perform(get(paged.select("nav.pager a.next").attr("href")))).select("tr[data-item]")
                .eachAttr("data-item")).containsExactly(Long.toString(vehicle));

        Document bad = page(mvc.perform(get("/clues").param("min", "abc")).andExpect(status().isBadRequest()));
        assertThat(bad.select("#list-error").text()).contains("金额下限应为数字", "the lowest amount is a number");

        Document en = page(mvc.perform(get("/ledger").param("lang", "en")));
        assertThat(en.select("h1").text()).isEqualTo("Ledger");
        assertThat(en.text()).contains("For my unit", "Amount at risk");
    }

    @Test
    void aCaseIsWorkedToClosedThroughTheForms() throws Exception {
        // the town sees only the step its status allows it
        Document assigned = page(mvc.perform(get("/ledger/" + deceased)).andExpect(status().isOk()));
        assertThat(assigned.select("form.step[id^=step-]").eachAttr("id")).containsExactly("step-START_VERIFICATION");
        assertThat(assigned.select("#id-no").text()).isEqualTo("371526********1234");
        assertThat(assigned.html()).doesNotContain(ID_1);
        assertThat(assigned.select("#explanation").text()).isEqualTo("张*三 2026年3月死亡，此后仍发放");

        step(deceased, "START_VERIFICATION", "reason", "入户核查");
        // an illegal step (a stale page, a typed request): the ledger's message in both languages
        Document refused = page(mvc.perform(post("/ledger/" + deceased + "/steps").param("step", "CLOSE")
                .param("version", "2").param("reason", "销号")).andExpect(status().isConflict()));
        assertThat(refused.select("#item-error").text()).contains("状态为“核查中”的问题不能“审核销号”",
                "allowed now: CONFIRM, REQUEST_DISMISSAL");
        assertThat(page(mvc.perform(get("/ledger/" + deceased))).select("form.step[id^=step-]").eachAttr("id"))
                .containsExactly("step-CONFIRM", "step-REQUEST_DISMISSAL");

        // evidence through htmx: the page reloads on success
        mvc.perform(multipart("/ledger/" + deceased + "/evidence")
                        .file(new MockMultipartFile("file", "火化证明.pdf", "application/pdf", LedgerServiceTest.pdf()))
                        .param("note", "民政所调取").header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(header().string("HX-Redirect", "/ledger/" + deceased));
        String refusedFile = mvc.perform(multipart("/ledger/" + deceased + "/evidence")
                        .file(new MockMultipartFile("file", "x.exe", "application/pdf", new byte[] {'M', 'Z', 0, 1}))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(header().doesNotExist("HX-Redirect"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(refusedFile).select("#item-error").text()).isNotBlank();
        Document withFile = page(mvc.perform(get("/ledger/" + deceased)));
        assertThat(withFile.select("#evidence li[data-kind=FILE] a.evidence-file").text()).isEqualTo("火化证明.pdf");
        assertThat(withFile.select("#evidence li[data-kind=CLUE]")).hasSize(1);

        step(deceased, "CONFIRM", "reason", "属实", "finding", "2026年3月死亡，多发7个月", "amountToRecover", "1,000.00");
        step(deceased, "START_RECTIFICATION", "reason", "开始整改");
        action(deceased, "kind", "STOP_BENEFIT", "date", "2026-10-28", "reference", "停发〔2026〕1号");
        action(deceased, "kind", "RECOVERY", "date", "2026-10-29", "amount", "400.00", "reference", "收据001");
        // more than outstanding: refused, nothing kept
        Document tooMuch = page(mvc.perform(post("/ledger/" + deceased + "/actions").param("kind", "RECOVERY")
                .param("version", version(deceased)).param("date", "2026-10-30").param("amount", "600.01")
                .param("reference", "收据002")).andExpect(status().isBadRequest()));
        assertThat(tooMuch.select("#item-error").text()).contains("追回金额超过尚未追回的600.00元");
        action(deceased, "kind", "RECOVERY", "date", "2026-10-30", "amount", "600.00", "reference", "收据002");
        action(deceased, "kind", "DISCIPLINE_TRANSFER", "date", "2026-10-31", "reference", "移送〔2026〕9号");
        long transfer = ledger.actions(COUNTY_STAFF, deceased).stream()
                .filter(a -> a.kind() == ActionKind.DISCIPLINE_TRANSFER).findFirst().orElseThrow().id();
        mvc.perform(post("/ledger/" + deceased + "/actions/" + transfer + "/outcome").param("version",
                        version(deceased)).param("outcome", "村干部党内警告").param("date", "2026-11-01")
                .param("peopleHandled", "1")).andExpect(redirectedUrl("/ledger/" + deceased));
        Document rectified = page(mvc.perform(get("/ledger/" + deceased)));
        assertThat(rectified.select("#recovered").text()).isEqualTo("1,000.00");
        assertThat(rectified.select("#outstanding").text()).isEqualTo("0.00");
        assertThat(rectified.select("#actions tr[data-kind]")).hasSize(4);
        step(deceased, "SUBMIT_FOR_REVIEW", "reason", "整改完毕");

        // the town cannot close; the county can (and no form for its own request's review)
        assertThat(page(mvc.perform(get("/ledger/" + deceased))).select("form.step[id^=step-]")).isEmpty();
        actor.set(COUNTY_STAFF);
        assertThat(page(mvc.perform(get("/ledger/" + deceased))).select("form.step[id^=step-]").eachAttr("id"))
                .containsExactly("step-CLOSE", "step-RETURN_FOR_RECTIFICATION");
        // discipline inspection reads, and is offered nothing
        actor.set(DISCIPLINE);
        Document readOnly = page(mvc.perform(get("/ledger/" + deceased)).andExpect(status().isOk()));
        assertThat(readOnly.select("form.step")).isEmpty();
        assertThat(readOnly.select("#no-steps")).hasSize(1);

        actor.set(COUNTY_REVIEWER);
        step(deceased, "CLOSE", "reason", "县级审核通过");
        Document closed = page(mvc.perform(get("/ledger/" + deceased)));
        assertThat(closed.select("main").attr("data-status")).isEqualTo("CLOSED");
        assertThat(closed.select("#status-label").text()).isEqualTo("已销号");
        assertThat(closed.select("#history tr[data-action]").eachAttr("data-action")).containsExactly("CREATED",
                "ASSIGN", "START_VERIFICATION", "FILE_ADDED", "CONFIRM", "START_RECTIFICATION", "ACTION_RECORDED",
                "ACTION_RECORDED", "ACTION_RECORDED", "ACTION_RECORDED", "OUTCOME_RECORDED", "SUBMIT_FOR_REVIEW",
                "CLOSE");
        assertThat(closed.select("#history").text()).contains("县级审核通过", "乡镇 赵强", "属实");
        assertThat(closed.select("form.step[id^=step-]").eachAttr("id")).containsExactly("step-REOPEN");
        // every label has its message, in both languages
        assertThat(closed.html()).doesNotContain("??");
        Document english = page(mvc.perform(get("/ledger/" + deceased).param("lang", "en")));
        assertThat(english.html()).doesNotContain("??");
        assertThat(english.select("#status-label").text()).isEqualTo("Closed");
        assertThat(english.select("#history").text()).contains("Verification started", "Closed");
        for (String list : List.of("/clues", "/ledger")) {
            assertThat(page(mvc.perform(get(list).param("lang", "en"))).html()).as(list).doesNotContain("??");
            assertThat(page(mvc.perform(get(list).param("lang", "zh_CN"))).html()).as(list).doesNotContain("??");
        }
    }

    @Test
    void aDismissalNeedsEvidenceAndTheCountysReview() throws Exception {
        actor.set(OTHER_TOWN);
        step(vehicle, "START_VERIFICATION", "reason", "核查车辆");
        Document noFile = page(mvc.perform(post("/ledger/" + vehicle + "/steps").param("step", "REQUEST_DISMISSAL")
                .param("version", version(vehicle)).param("reason", "车辆已报废")).andExpect(status().isBadRequest()));
        assertThat(noFile.select("#item-error").text()).contains("申请排除须先上传至少一份证明材料",
                "a dismissal needs at least one evidence file attached first");
        mvc.perform(multipart("/ledger/" + vehicle + "/evidence")
                        .file(new MockMultipartFile("file", "报废证明.pdf", "application/pdf", LedgerServiceTest.pdf())))
                .andExpect(redirectedUrl("/ledger/" + vehicle));
        step(vehicle, "REQUEST_DISMISSAL", "reason", "车辆已于2025年报废");
        assertThat(page(mvc.perform(get("/ledger/" + vehicle))).select("form.step[id^=step-]")).isEmpty();

        actor.set(COUNTY_STAFF);
        assertThat(page(mvc.perform(get("/ledger/" + vehicle))).select("form.step[id^=step-]").eachAttr("id"))
                .containsExactly("step-APPROVE_DISMISSAL", "step-REJECT_DISMISSAL");
        step(vehicle, "APPROVE_DISMISSAL", "reason", "同意排除");
        assertThat(ledger.get(COUNTY_STAFF, vehicle).status()).isEqualTo(LedgerStatus.DISMISSED);
        assertThat(page(mvc.perform(get("/ledger").param("status", "DISMISSED"))).select("tr[data-item]")
                .eachAttr("data-item")).containsExactly(Long.toString(vehicle));
    }

    @Test
    void anOverdueItemIsRedAndInTheOverdueQueue(@Autowired LedgerTestConfig.MutableClock clock) throws Exception {
        try {
            clock.advance(java.time.Duration.ofDays(16));
            Document overdue = page(mvc.perform(get("/ledger").param("view", "overdue")));
            assertThat(overdue.select("tr.overdue[data-item]").eachAttr("data-item"))
                    .containsExactly(Long.toString(deceased));
            Document item = page(mvc.perform(get("/ledger/" + deceased)));
            assertThat(item.select("#deadline.bad").text()).contains("已超期");
            assertThat(page(mvc.perform(get("/ledger").param("view", "mine"))).select("tr[data-item]")).hasSize(1);
        } finally {
            clock.set(LedgerTestConfig.START);
        }
    }

    private String version(long id) {
        return Long.toString(ledger.get(COUNTY_STAFF, id).version());
    }

    private void step(long id, String step, String... params) throws Exception {
        var request = post("/ledger/" + id + "/steps").param("step", step).param("version", version(id));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        mvc.perform(request).andExpect(redirectedUrl("/ledger/" + id));
    }

    private void action(long id, String... params) throws Exception {
        var request = post("/ledger/" + id + "/actions").param("version", version(id));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        var answer = mvc.perform(request).andReturn().getResponse();
        assertThat(answer.getStatus() + " " + answer.getRedirectedUrl() + " "
                + Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8)).select("#item-error").text())
                .isEqualTo("302 /ledger/" + id + " ");
        mvc.perform(get("/ledger/" + id)).andExpect(status().isOk());
    }
}
