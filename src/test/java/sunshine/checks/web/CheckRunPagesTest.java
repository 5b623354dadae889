package sunshine.checks.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import sunshine.checks.CheckRun;
import sunshine.checks.CheckRunService;
import sunshine.checks.CheckServerTestConfig;
import sunshine.registry.TestDatabases;
import sunshine.security.Actor;
import sunshine.security.Role;

/**
 * The check runs screen on H2: who is offered the form, a run started from it and shown with its outcome, refusals
 * in both languages. (A run over real data, its clues and downloads: {@code CaseScreensBrowserTest}.)
 */
@SpringBootTest(properties = "sunshine.checks.schedule.enabled=false")
@Import(CheckServerTestConfig.class)
class CheckRunPagesTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    static final Actor TOWN = new Actor("town-user", "乡镇", Role.TOWN, "371526100000");
    static final Actor AUDITOR = new Actor("audit-user", "审计", Role.AUDIT, CheckServerTestConfig.COUNTY);

    @Autowired
    org.springframework.web.context.WebApplicationContext context;
    @Autowired
    CheckServerTestConfig.TestActor actor;
    @Autowired
    CheckRunService checks;
    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;

    @BeforeEach
    void signedIn() {
        mvc = sunshine.security.SignedInMockMvc.of(context);
        actor.set(CheckServerTestConfig.county());
    }

    private Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theFormIsOfferedToThoseWhoMayStartARun() throws Exception {
        Document county = page(mvc.perform(get("/checks")).andExpect(status().isOk()));
        assertThat(county.select("#start-run input[name=period]")).hasSize(1);
        assertThat(county.select("#start-run input[name=lookback]").attr("value")).isEqualTo("12");

        for (Actor reader : new Actor[] {TOWN, AUDITOR}) {
            actor.set(reader);
            Document page = page(mvc.perform(get("/checks")).andExpect(status().isOk()));
            assertThat(page.select("#start-run")).isEmpty();
            assertThat(page.select("#no-start").text()).contains("县级及以上");
        }
        actor.set(TOWN);
        Document refused = page(mvc.perform(post("/checks/runs").param("period", "2026-10"))
                .andExpect(status().isForbidden()));
        assertThat(refused.select("#run-refusal").text()).contains("只有县级及以上民政部门或系统管理员可以发起比对",
                "only county, city or province staff");
        // htmx gets the refusal as the fragment it puts in place
        Document fragment = page(mvc.perform(post("/checks/runs").param("period", "2026-10")
                .header("HX-Request", "true")).andExpect(status().isOk()));
        assertThat(fragment.select("#run-refusal").text()).contains("only county, city or province staff");
    }

    @Test
    void aRunStartedFromTheScreenIsShownWithItsOutcome() throws Exception {
        Document bad = page(mvc.perform(post("/checks/runs").param("period", "2026/10"))
                .andExpect(status().isBadRequest()));
        assertThat(bad.select("#run-refusal").text()).contains("比对月份应写作2026-10", "the period is written 2026-10");

        // the database holds no data: the run starts and fails, and says why
        Document started = page(mvc.perform(post("/checks/runs").param("period", "2026-10").param("lookback", "6")
                .header("HX-Request", "true")).andExpect(status().isOk()));
        String progress = started.select("#run-progress").attr("hx-get");
        assertThat(progress).matches("/checks/runs/\\d+/progress");
        long id = Long.parseLong(progress.replaceAll("\\D+", " ").strip());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (checks.run(id, CheckServerTestConfig.county()).orElseThrow().status() == CheckRun.Status.RUNNING
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        mvc.perform(get(progress).header("HX-Request", "true")).andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/checks?run=" + id));

        Document shown = page(mvc.perform(get("/checks").param("run", Long.toString(id))));
        assertThat(shown.select("#run").attr("data-status")).isEqualTo("FAILED");
        assertThat(shown.select("#run-error").text()).contains("缺少必需的数据集", "missing required datasets");
        assertThat(shown.select("#parameters").text()).contains("lookback 6");
        assertThat(shown.select("#runs tr[data-run=" + id + "]").text()).contains("2026-10", "失败");
        assertThat(shown.select("#downloads")).isEmpty();

        Document en = page(mvc.perform(get("/checks").param("run", Long.toString(id)).param("lang", "en")));
        assertThat(en.select("#run-status").text()).isEqualTo("Failed");
        assertThat(en.select("h1").text()).isEqualTo("Checks");

        mvc.perform(get("/checks").param("run", "99999")).andExpect(status().isNotFound());
        mvc.perform(get("/checks/runs/99999/progress")).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM check_run", Long.class)).isEqualTo(1L);
    }
}
