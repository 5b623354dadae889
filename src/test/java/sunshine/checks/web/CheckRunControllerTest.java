package sunshine.checks.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import sunshine.checks.CheckResult;
import sunshine.checks.CheckRunService;
import sunshine.checks.CheckScenario;
import sunshine.checks.CheckServerTestConfig;
import sunshine.checks.CheckSource;
import sunshine.checks.Clue;
import sunshine.checks.TestRule;
import sunshine.checks.output.CheckOutput;
import sunshine.imports.ImportService;
import sunshine.registry.TestDatabases;
import sunshine.security.Actor;
import sunshine.security.Role;

/**
 * The REST endpoints of the check runs (H2; storing and querying are covered on both databases by
 * CheckRunServiceTest): starting, polling, clues with filters and paging, summaries, downloads, and who may do and
 * see what.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CheckServerTestConfig.class)
class CheckRunControllerTest {

    static final Path DATA = TestDatabases.newDataDir();
    static final YearMonth P = YearMonth.of(2026, 10);

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
    ImportService imports;
    @Autowired
    CheckRunService checks;
    @Autowired
    CheckServerTestConfig.TestActor actor;
    @TempDir
    Path tmp;

    @BeforeEach
    void noRuns() {
        mvc = sunshine.security.SignedInMockMvc.of(context);
        TestRule.reset();
        for (String table : List.of("check_run_clue", "clue", "check_run_town", "check_run_input", "check_run")) {
            jdbc.update("DELETE FROM " + table);
        }
        actor.set(CheckServerTestConfig.county());
    }

    @AfterEach
    void release() {
        TestRule.reset();
    }

    void importCounty() {
        imports.importFolder(CheckScenario.county(), "tester");
    }

    long start(String body) throws Exception {
        MvcResult r = mvc.perform(post("/api/checks/runs").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isAccepted())
                // as it is when answered: a run without data may have failed already
                .andExpect(jsonPath("$.status").value(org.hamcrest.Matchers.oneOf("RUNNING", "FAILED")))
                .andExpect(jsonPath("$.startedBy").value("county-user"))
                .andReturn();
        long id = ((Number) JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();
        assertThat(r.getResponse().getHeader("Location")).isEqualTo("/api/checks/runs/" + id);
        return id;
    }

    /** Polls GET /runs/{id} until it is no longer RUNNING; returns its JSON. */
    String await(long id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            String json = mvc.perform(get("/api/checks/runs/" + id)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            if (!"RUNNING".equals(JsonPath.read(json, "$.status")) && checks.progress().isEmpty()) {
                return json;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + " still running");
    }

    byte[] download(String url) throws Exception {
        MvcResult started = mvc.perform(get(url)).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void aRunWithoutImportedDataFailsAndSaysWhy() throws Exception {
        TestDatabases.clear(jdbc);
        long id = start("{\"period\":\"2026-10\"}");
        String json = await(id);
        assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("FAILED");
        assertThat((String) JsonPath.read(json, "$.error.en")).contains("missing required dataset");
        assertThat((String) JsonPath.read(json, "$.error.zh")).contains("缺少必需的数据集");
        assertThat((String) JsonPath.read(json, "$.errorDetail")).isNull();
        mvc.perform(get("/api/checks/runs/" + id + "/clues.csv")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message.en").value(containsString("has not completed")));
    }

    @Test
    void aRunIsStartedPolledAndItsCluesListedSummarisedAndDownloaded() throws Exception {
        importCounty();
        TestRule.mode = TestRule.Mode.CENSUS;
        long id = start("{\"period\":\"2026-10\",\"lookback\":12,\"params\":{}}");
        String json = await(id);
        assertThat((String) JsonPath.read(json, "$.status")).as(json).isEqualTo("COMPLETED");

        CheckResult expected;
        try (CheckSource folder = CheckSource.folder(CheckScenario.county())) {
            expected = CheckServerTestConfig.engine().run(folder, P,
                    CheckServerTestConfig.engine().defaultParameters());
        }
        List<Clue> z98Low = expected.clues().stream()
                .filter(c -> c.rule().equals("Z98") && c.severity() == sunshine.checks.Severity.LOW).toList();

        mvc.perform(get("/api/checks/runs/" + id))
                .andExpect(jsonPath("$.period").value("2026-10"))
                .andExpect(jsonPath("$.windowFrom").value("2025-11"))
                .andExpect(jsonPath("$.clues").value(expected.clues().size()))
                .andExpect(jsonPath("$.amountAtRisk").value(expected.total().amountAtRisk().doubleValue()))
                .andExpect(jsonPath("$.parameters.lookback").value("12"))
                .andExpect(jsonPath("$.inputs[?(@.dataset == 'payments')].contentHash").value(
                        sunshine.checks.source.FolderSource.sm3(CheckScenario.county().resolve("payments.csv"))))
                .andExpect(jsonPath("$.links.cluesCsv").value("/api/checks/runs/" + id + "/clues.csv"))
                .andExpect(jsonPath("$.progress").doesNotExist());
        mvc.perform(get("/api/checks/runs"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].status").value("COMPLETED"));

        Clue biggest = z98Low.stream().max(java.util.Comparator.comparing(Clue::amountAtRisk)).orElseThrow();
        mvc.perform(get("/api/checks/runs/" + id + "/clues").param("rule", "Z98").param("severity", "low")
                        .param("sort", "amount").param("page", "0").param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(z98Low.size()))
                .andExpect(jsonPath("$.clues", hasSize(10)))
                .andExpect(jsonPath("$.pages").value((z98Low.size() + 9) / 10))
                .andExpect(jsonPath("$.clues[*].rule", everyItem(org.hamcrest.Matchers.is("Z98"))))
                .andExpect(jsonPath("$.clues[*].severity", everyItem(org.hamcrest.Matchers.is("LOW"))))
                .andExpect(jsonPath("$.clues[0].amountAtRisk").value(biggest.amountAtRisk().doubleValue()))
                .andExpect(jsonPath("$.clues[0].evidence.payment_id").exists())
                .andExpect(jsonPath("$.clues[0].firstRunId").value(id))
                .andExpect(jsonPath("$.clues[0].runCount").value(1));
        Clue a01 = expected.clues().stream().filter(c -> c.rule().equals("A01")).findFirst().orElseThrow();
        mvc.perform(get("/api/checks/runs/" + id + "/clues").param("rule", "A01,C01").param("q", a01.subject()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.clues[0].subject").value(a01.subject()))
                .andExpect(jsonPath("$.clues[0].amountAtRisk").value(a01.amountAtRisk().doubleValue()))
                .andExpect(jsonPath("$.clues[0].periodFrom").value(a01.periodFrom().toString()))
                .andExpect(jsonPath("$.clues[0].explanation").value(a01.explanation()));

        mvc.perform(get("/api/checks/runs/" + id + "/summary"))
                .andExpect(jsonPath("$.total.clues").value(expected.clues().size()))
                .andExpect(jsonPath("$.byRule[*].rule").value(org.hamcrest.Matchers.contains(
                        expected.rules().stream().map(r -> r.code()).toArray())))
                .andExpect(jsonPath("$.byTown[*].townCode", everyItem(startsWith("371526"))));

        // the downloads: clues.csv exactly as the check command writes it for the same files
        CheckOutput.write(expected, tmp);
        assertThat(download("/api/checks/runs/" + id + "/clues.csv"))
                .isEqualTo(Files.readAllBytes(tmp.resolve("clues.csv")));
        byte[] xlsx = download("/api/checks/runs/" + id + "/summary.xlsx");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             ReadableWorkbook want = new ReadableWorkbook(Files.newInputStream(tmp.resolve("summary.xlsx")))) {
            List<String> sheets = wb.getSheets().map(Sheet::getName).toList();
            assertThat(sheets).isEqualTo(want.getSheets().map(Sheet::getName).toList());
            for (int s = 0; s < 3; s++) {
                assertThat(text(wb.getSheets().toList().get(s))).as(sheets.get(s))
                        .isEqualTo(text(want.getSheets().toList().get(s)));
            }
        }
    }

    private static List<String> text(Sheet sheet) throws java.io.IOException {
        try (var rows = sheet.openStream()) {
            return rows.map(r -> r.stream().map(c -> c == null ? "" : c.getRawValue() == null ? "" : c.getRawValue())
                    .collect(Collectors.joining("|"))).toList();
        }
    }

    @Test
    void eachUserSeesTheirRegionAndOnlyCountyLevelAndAboveStart() throws Exception {
        importCounty();
        TestRule.mode = TestRule.Mode.CENSUS;
        long id = start("{\"period\":\"2026-10\"}");
        await(id);
        String town = jdbc.queryForObject("SELECT town_code FROM check_run_town WHERE run_id = ? "
                + "ORDER BY clue_count DESC, town_code LIMIT 1", String.class, id);
        long inTown = jdbc.queryForObject("SELECT clue_count FROM check_run_town WHERE run_id = ? AND town_code = ?",
                Long.class, id, town);

        actor.set(new Actor("town-user", null, Role.TOWN, town));
        mvc.perform(get("/api/checks/runs/" + id + "/clues").param("size", "1000"))
                .andExpect(jsonPath("$.total").value(inTown))
                .andExpect(jsonPath("$.clues[*].regionCode", everyItem(startsWith(town.substring(0, 9)))));
        mvc.perform(get("/api/checks/runs/" + id)).andExpect(jsonPath("$.clues").value(inTown));
        mvc.perform(get("/api/checks/runs/" + id + "/summary"))
                .andExpect(jsonPath("$.byTown", hasSize(1)))
                .andExpect(jsonPath("$.byTown[0].townCode").value(town))
                .andExpect(jsonPath("$.total.clues").value(inTown));
        String csv = new String(download("/api/checks/runs/" + id + "/clues.csv"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).count()).isEqualTo(inTown);
        mvc.perform(post("/api/checks/runs").contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2026-10\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message.zh").value(containsString("县级及以上")));

        actor.set(new Actor("auditor", null, Role.AUDIT, CheckServerTestConfig.COUNTY));
        mvc.perform(get("/api/checks/runs/" + id + "/clues")).andExpect(status().isOk());
        mvc.perform(post("/api/checks/runs").contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2026-10\"}"))
                .andExpect(status().isForbidden());

        actor.set(null);
        mvc.perform(get("/api/checks/runs")).andExpect(status().isUnauthorized());
    }

    @Test
    void badRequestsAndASecondRunAreRefused() throws Exception {
        importCounty();
        mvc.perform(post("/api/checks/runs").contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2026-13\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message.en").value(containsString("2026-10")));
        mvc.perform(post("/api/checks/runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":\"2026-10\",\"params\":{\"A02.nothing\":1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message.en").value(containsString("unknown parameter: A02.nothing")));
        mvc.perform(post("/api/checks/runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":\"2026-10\",\"lookback\":0}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/checks/runs/12345")).andExpect(status().isNotFound());
        mvc.perform(get("/api/checks/runs/12345/clues")).andExpect(status().isNotFound());
        mvc.perform(get("/api/checks/runs/12345/summary")).andExpect(status().isNotFound());
        mvc.perform(get("/api/checks/runs/12345/clues.csv")).andExpect(status().isNotFound());

        TestRule.mode = TestRule.Mode.BLOCK;
        long id = start("{\"period\":\"2026-10\"}");
        mvc.perform(get("/api/checks/runs/" + id + "/clues").param("sort", "size")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/checks/runs/" + id + "/clues").param("severity", "URGENT"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/checks/runs").contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2026-09\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.runningRun").value(id))
                .andExpect(jsonPath("$.message.zh").value(containsString("正在运行")));
        String running = mvc.perform(get("/api/checks/runs/" + id)).andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.progress.rulesTotal").value(checks.rules().size()))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(running, "$.progress.phase")).isIn("STARTING", "READING", "CHECKING");
        TestRule.release();
        assertThat((String) JsonPath.read(await(id), "$.status")).isEqualTo("COMPLETED");
    }
}
