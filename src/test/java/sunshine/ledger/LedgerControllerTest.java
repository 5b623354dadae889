package sunshine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static sunshine.ledger.LedgerTestConfig.COUNTY_STAFF;
import static sunshine.ledger.LedgerTestConfig.DISCIPLINE;
import static sunshine.ledger.LedgerTestConfig.OTHER_TOWN;
import static sunshine.ledger.LedgerTestConfig.TOWN_STAFF;
import static sunshine.ledger.LedgerTestConfig.VILLAGE_1;
import static sunshine.ledger.LedgerTestConfig.VILLAGE_2;
import static sunshine.ledger.LedgerTestConfig.clue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import sunshine.checks.Severity;
import sunshine.registry.TestDatabases;

/** The ledger's REST endpoints (H2; the behaviour itself runs on both databases in LedgerServiceTest). */
@SpringBootTest(properties = {"sunshine.ledger.escalation-cron=-", "sunshine.ledger.evidence.max-size=64KB",
        "sunshine.ledger.complaints.per-address=2"})
@AutoConfigureMockMvc
@Import(LedgerTestConfig.class)
class LedgerControllerTest {

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
    ClueIntake intake;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerTestConfig.TestActor actor;

    long item;

    @BeforeEach
    void signedInWithCsrf() {
        mvc = sunshine.security.SignedInMockMvc.of(context);
    }

    @BeforeEach
    void oneItem() {
        LedgerTestConfig.clear(jdbc);
        intake.intake(1, List.of(clue("A01", "E001/371526195001011234", VILLAGE_1, "1200.00", Severity.HIGH)));
        item = ledger.search(COUNTY_STAFF, LedgerQuery.all()).get(0).id();
        actor.set(TOWN_STAFF);
    }

    @Test
    void itemsAreListedAndShownWithinTheActorsRegionOnly() throws Exception {
        mvc.perform(get("/api/ledger/items"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].rule").value("A01"))
                .andExpect(jsonPath("$[0].amountAtRisk").value(1200.00));
        mvc.perform(get("/api/ledger/items/" + item))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item.status").value("ASSIGNED"))
                .andExpect(jsonPath("$.statusZh").value("已交办"))
                .andExpect(jsonPath("$.allowedSteps[0]").value("START_VERIFICATION"));
        mvc.perform(get("/api/ledger/items/" + item + "/history")).andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(get("/api/ledger/items/" + item + "/evidence")).andExpect(jsonPath("$[0].kind").value("CLUE"));

        actor.set(OTHER_TOWN);
        mvc.perform(get("/api/ledger/items")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        for (String path : List.of("", "/history", "/evidence", "/actions")) {
            mvc.perform(get("/api/ledger/items/" + item + path))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.error").value("NOT_FOUND"))
                    .andExpect(jsonPath("$.message.zh").value("问题不存在：" + item));
        }
        mvc.perform(get("/api/ledger/items/999999")).andExpect(status().isNotFound());

        actor.set(null);
        mvc.perform(get("/api/ledger/items")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message.en").value("sign in first"));
    }

    @Test
    void stepsAreTakenAndRefusedWithTheirStatus() throws Exception {
        mvc.perform(json(post("/api/ledger/items/" + item + "/steps"),
                        "{\"step\":\"START_VERIFICATION\",\"version\":1,\"reason\":\"入户核查\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item.status").value("VERIFYING"))
                .andExpect(jsonPath("$.item.version").value(2))
                .andExpect(jsonPath("$.allowedSteps", hasSize(2)));
        // the same again, with the old version: someone (ourselves) changed it meanwhile
        mvc.perform(json(post("/api/ledger/items/" + item + "/steps"),
                        "{\"step\":\"CONFIRM\",\"version\":1,\"reason\":\"属实\",\"finding\":\"死亡\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("CONFLICT"))
                .andExpect(jsonPath("$.message.zh").value(containsString("已被他人修改")));
        mvc.perform(json(post("/api/ledger/items/" + item + "/steps"),
                        "{\"step\":\"CLOSE\",\"version\":2,\"reason\":\"销号\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("ILLEGAL_TRANSITION"))
                .andExpect(jsonPath("$.message.en").value(containsString("allowed now: CONFIRM, REQUEST_DISMISSAL")));
        mvc.perform(json(post("/api/ledger/items/" + item + "/steps"),
                        "{\"step\":\"CONFIRM\",\"version\":2,\"reason\":\"属实\",\"finding\":\"死亡后仍发放\","
                                + "\"amountToRecover\":999.99}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item.amountToRecover").value(999.99));
        mvc.perform(json(post("/api/ledger/items/" + item + "/steps"),
                        "{\"step\":\"START_RECTIFICATION\",\"version\":3,\"reason\":\"整改\"}"))
                .andExpect(status().isOk());
        mvc.perform(json(post("/api/ledger/items/" + item + "/actions"),
                        "{\"kind\":\"RECOVERY\",\"version\":4,\"date\":\"2026-11-01\",\"amount\":500.5,"
                                + "\"reference\":\"收据1\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item.amountRecovered").value(500.50))
                .andExpect(jsonPath("$.item.outstanding").value(499.49));
        mvc.perform(json(post("/api/ledger/items/" + item + "/actions"),
                        "{\"kind\":\"RECOVERY\",\"version\":5,\"date\":\"2026-11-01\",\"amount\":500.00,"
                                + "\"reference\":\"收据2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("INVALID"));

        actor.set(DISCIPLINE);
        mvc.perform(get("/api/ledger/items/" + item + "/actions")).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(json(post("/api/ledger/items/" + item + "/actions"),
                        "{\"kind\":\"DISCIPLINE_TRANSFER\",\"version\":5,\"date\":\"2026-11-01\","
                                + "\"reference\":\"移送1号\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("FORBIDDEN"));
    }

    @Test
    void evidenceIsUploadedCheckedAndSentBackSafely() throws Exception {
        byte[] pdf = LedgerServiceTest.pdf();
        String body = mvc.perform(multipart("/api/ledger/items/" + item + "/evidence")
                        .file(new MockMultipartFile("file", "<script>.pdf", "text/html", pdf))
                        .param("note", "火化证明"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mediaType").value("application/pdf"))
                .andExpect(jsonPath("$.originalName").value("<script>.pdf"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = Long.parseLong(body.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));

        byte[] back = mvc.perform(get("/api/ledger/items/" + item + "/evidence/" + id + "/content"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(pdf);

        // streamed as the raw body
        mvc.perform(post("/api/ledger/items/" + item + "/evidence").param("name", "笔录.txt")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content("询问笔录：存折由村会计保管".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mediaType").value("text/plain;charset=UTF-8"));
        mvc.perform(post("/api/ledger/items/" + item + "/evidence").param("name", "a.pdf")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(new byte[] {'M', 'Z', 0, 0}))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("UNSUPPORTED_TYPE"));
        mvc.perform(post("/api/ledger/items/" + item + "/evidence").param("name", "big.txt")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(new byte[70_000]))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.message.zh").value(containsString("64 KB的大小限制")));

        // refused by its declared length before anything is read (a multipart body would be spooled whole)
        mvc.perform(post("/api/ledger/items/" + item + "/evidence").param("name", "big.pdf")
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(new byte[200_000]))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.error").value("TOO_LARGE"))
                .andExpect(jsonPath("$.message.en").value("the file exceeds the size limit of 64 KB"));
        assertThat(ledger.evidence(TOWN_STAFF, item)).filteredOn(e -> e.kind() == Evidence.Kind.FILE).hasSize(2);

        actor.set(OTHER_TOWN);
        mvc.perform(get("/api/ledger/items/" + item + "/evidence/" + id + "/content"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theHotlineEntersAComplaint() throws Exception {
        actor.set(COUNTY_STAFF);
        mvc.perform(json(post("/api/ledger/complaints"), "{\"regionCode\":\"" + VILLAGE_2
                        + "\",\"content\":\"来电反映村干部亲属享受低保未备案\",\"severity\":\"HIGH\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trackingCode").value(containsString("TS-")))
                .andExpect(jsonPath("$.item.status").value("ASSIGNED"))
                .andExpect(jsonPath("$.item.severity").value("HIGH"));
    }

    @Test
    void thePublicComplainsWithoutSigningInWithinLimits() throws Exception {
        actor.set(null);
        String form = "{\"regionCode\":\"" + VILLAGE_2 + "\",\"content\":\"我村有人死亡多年仍在领取低保金\","
                + "\"severity\":\"CRITICAL\",\"unknownField\":1}";
        String body = mvc.perform(json(post("/api/public/complaints"), form).with(from("192.0.2.10")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.trackingCode").value(containsString("TS-")))
                .andExpect(jsonPath("$.messageZh").value(containsString("查询码")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String code = body.replaceAll("(?s).*\"trackingCode\":\"([^\"]+)\".*", "$1");

        mvc.perform(get("/api/public/complaints/" + code).with(from("198.51.100.1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("RECEIVED"))
                .andExpect(jsonPath("$.labelZh").value("已受理"));
        mvc.perform(get("/api/public/complaints/TS-0000-0000-0000-0000").with(from("198.51.100.1")))
                .andExpect(status().isNotFound());

        mvc.perform(json(post("/api/public/complaints"), form).with(from("192.0.2.10")))
                .andExpect(status().isCreated());
        mvc.perform(json(post("/api/public/complaints"), form).with(from("192.0.2.10")))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error").value("RATE_LIMITED"))
                .andExpect(jsonPath("$.message.zh").value(containsString("频繁")));
        mvc.perform(json(post("/api/public/complaints"), form).with(from("192.0.2.11")))
                .andExpect(status().isCreated());

        String huge = "{\"regionCode\":\"" + VILLAGE_2 + "\",\"content\":\"" + "很".repeat(6000) + "\"}";
        mvc.perform(json(post("/api/public/complaints"), huge).with(from("192.0.2.12")))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(json(post("/api/public/complaints"), "{not json").with(from("192.0.2.13")))
                .andExpect(status().isBadRequest());

        actor.set(COUNTY_STAFF);
        assertThat(ledger.search(COUNTY_STAFF, new LedgerQuery(null, LedgerSource.COMPLAINT, null, null, null, null,
                null))).hasSize(3).allSatisfy(i -> assertThat(i.severity()).isEqualTo(Severity.MEDIUM));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }
}
