package sunshine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static sunshine.ledger.LedgerTestConfig.COUNTY_STAFF;
import static sunshine.ledger.LedgerTestConfig.START;
import static sunshine.ledger.LedgerTestConfig.TOWN_STAFF;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import sunshine.ledger.LedgerTestConfig;
import sunshine.registry.TestDatabases;

/** The REST endpoints of inspections and campaigns (H2), public ones without a signed-in actor. */
@SpringBootTest(properties = "sunshine.ledger.escalation-cron=-")
@AutoConfigureMockMvc
@Import(LedgerTestConfig.class)
class SupervisionControllerTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    @Autowired
    org.springframework.web.context.WebApplicationContext context;
    /**
     * Signed in (as a plain user: the actor the services see is the test's {@code TestActor}) and sending the CSRF
     * token, as the screens do; the sign-in and CSRF rules themselves are tested in the security module.
     */
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerTestConfig.TestActor actor;
    @Autowired
    LedgerTestConfig.MutableClock clock;

    @BeforeEach
    void signedInWithCsrf() {
        mvc = sunshine.security.SignedInMockMvc.of(context);
    }

    @BeforeEach
    void empty() {
        LedgerTestConfig.clear(jdbc);
        clock.set(START);
        actor.set(COUNTY_STAFF);
    }

    /** The vector of docs/replay_draw.py, as the public would post it. */
    static String vectorJson() throws Exception {
        return Files.readString(Path.of("src/test/resources/supervision/draw-vector.json"));
    }

    @Test
    void anInspectionIsAnnouncedDrawnAndReplayedByAnyone() throws Exception {
        String plan = """
                {"name":"2026年第四季度低保双随机抽查","regionCode":"371526000000","targetKind":"HOUSEHOLD",
                 "announcement":%s,"drawDate":"2026-11-10","sample":{"mode":"FIXED","size":4},
                 "inspectorsPerTarget":2,"targets":%s,"inspectors":%s}""".formatted(
                quote(DrawTest.ANNOUNCEMENT), section("targets"), section("inspectors"));
        String created = mvc.perform(json(post("/api/inspections"), plan))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ANNOUNCED"))
                .andExpect(jsonPath("$.poolHash").value(
                        "8fb87c7a2a7eeeba79c13639d353b98bd97537021c45c6e888db5e05deeb9d2d"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = Long.parseLong(created.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));

        actor.set(null);
        mvc.perform(get("/api/public/inspections/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets", hasSize(10)))
                .andExpect(jsonPath("$.seed").value(nullValue()));
        mvc.perform(get("/api/inspections/" + id)).andExpect(status().isUnauthorized());

        actor.set(TOWN_STAFF);
        mvc.perform(get("/api/inspections/" + id)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("NOT_FOUND"));
        actor.set(COUNTY_STAFF);
        clock.set(START.plus(Duration.ofDays(8)));
        mvc.perform(json(post("/api/inspections/" + id + "/draw"), "{\"version\":1,\"beacon\":\""
                        + DrawTest.BEACON + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.draw.seed").value(
                        "7ebe5e782108e7162132cf01f522d43600b86108d4942a3efe660d30f1cfb8d2"))
                .andExpect(jsonPath("$.draw.assignments[0].targetId").value("H0009"));
        mvc.perform(json(post("/api/inspections/" + id + "/draw"), "{\"version\":2,\"beacon\":\"x\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("ILLEGAL_STATE"));

        actor.set(null);
        mvc.perform(get("/api/public/inspections/" + id + "/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.poolMatches").value(true))
                .andExpect(jsonPath("$.seedMatches").value(true))
                .andExpect(jsonPath("$.drawMatches").value(true));
        mvc.perform(json(post("/api/public/inspections/replay"), vectorJson()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seed").value("7ebe5e782108e7162132cf01f522d43600b86108d4942a3efe660d30f1cfb8d2"))
                .andExpect(jsonPath("$.assignments[3].inspectorIds[1]").value("I04"));
        mvc.perform(get("/api/public/inspections/987")).andExpect(status().isNotFound());
    }

    @Test
    void theSampleSizeIsAnswered() throws Exception {
        mvc.perform(json(post("/api/inspections/sample-size"),
                        "{\"population\":1000,\"confidence\":0.95,\"margin\":0.05}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(278));
        mvc.perform(json(post("/api/inspections/sample-size"), "{\"population\":1000,\"confidence\":1.5,"
                        + "\"margin\":0.05}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message.zh").value(containsString("置信水平")));
    }

    @Test
    void aCampaignsTablesDownloadAsAWorkbook() throws Exception {
        String created = mvc.perform(json(post("/api/campaigns"), """
                        {"name":"低保专项治理","regions":["371526000000"],"programs":[],"periodFrom":"2026-11-01",
                         "periodTo":"2026-12-31","stages":[{"kind":"SELF_CHECK","startsOn":"2026-11-01",
                         "endsOn":"2026-11-30"}]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.currentStage").value("SELF_CHECK"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = Long.parseLong(created.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
        mvc.perform(json(post("/api/campaigns/" + id + "/problems"), """
                        {"rule":"A05","severity":"HIGH","regionCode":"371526100201","amountAtRisk":1234.56,
                         "description":"财政供养人员享受低保"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.source").value("CAMPAIGN"));
        mvc.perform(get("/api/campaigns/" + id + "/report"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byRegion[3].level").value("TOTAL"))
                .andExpect(jsonPath("$.byRegion[3].figures.amountAtRisk").value(1234.56));

        byte[] xlsx = mvc.perform(get("/api/campaigns/" + id + "/report.xlsx"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            var rows = wb.getFirstSheet().read();
            assertThat(rows.get(rows.size() - 1).getCellAsNumber(7).orElseThrow()).isEqualByComparingTo("1234.56");
        }

        actor.set(TOWN_STAFF);
        mvc.perform(json(post("/api/campaigns"), "{\"name\":\"x\",\"regions\":[\"371526100000\"],"
                        + "\"periodFrom\":\"2026-11-01\",\"periodTo\":\"2026-12-31\"}"))
                .andExpect(status().isForbidden());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** The "targets" or "inspectors" array of the vector. */
    private static String section(String name) throws Exception {
        String v = vectorJson();
        int start = v.indexOf('[', v.indexOf("\"" + name + "\""));
        return v.substring(start, v.indexOf(']', start) + 1);
    }
}
