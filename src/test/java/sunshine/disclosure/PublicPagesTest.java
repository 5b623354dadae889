package sunshine.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static sunshine.disclosure.NoticeFixture.AUDITOR;
import static sunshine.disclosure.NoticeFixture.COUNTY;
import static sunshine.disclosure.NoticeFixture.COUNTY_STAFF;
import static sunshine.disclosure.NoticeFixture.OTHER_TOWN_STAFF;
import static sunshine.disclosure.NoticeFixture.OTHER_VILLAGE;
import static sunshine.disclosure.NoticeFixture.TOWN;
import static sunshine.disclosure.NoticeFixture.TOWN_STAFF;
import static sunshine.disclosure.NoticeFixture.VILLAGE;
import static sunshine.security.internal.TestUsers.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import sunshine.disclosure.internal.NoticeKeys;
import sunshine.registry.TestDatabases;

/**
 * The public pages through the real security configuration (MockMvc, H2): no sign-in needed, nothing forbidden on
 * any page or file, the verification page's answers, staff publishing, and the complaint form end to end with its
 * refusals in Chinese and English.
 */
@SpringBootTest(properties = {"sunshine.ledger.complaints.per-address=3", "sunshine.disclosure.verify.per-address=8"})
@AutoConfigureMockMvc
class PublicPagesTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NoticeService notices;

    NoticeFixture fixture;
    private static int address;

    @BeforeEach
    void registry() {
        NoticeFixture.clear(jdbc);
        jdbc.execute("TRUNCATE TABLE ledger_history");
        jdbc.update("DELETE FROM ledger_complaint");
        jdbc.update("DELETE FROM ledger_item");
        fixture = new NoticeFixture(jdbc).write();
    }

    /** A client address of its own for each use, so the per-address limits do not carry over between tests. */
    private static RequestPostProcessor from(String a) {
        return r -> {
            r.setRemoteAddr(a);
            return r;
        };
    }

    private static RequestPostProcessor fresh() {
        return from("198.51.100." + (++address % 250 + 1));
    }

    private String html(String url) throws Exception {
        return mvc.perform(get(url).with(fresh())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The page without the signature and key blocks (Base64 may hold any short letter-digit run). */
    private static String visible(String html) {
        return html.replaceAll("(?s)<code class=\"signature\">.*?</code>", "")
                .replaceAll("(?s)<pre class=\"pem\">.*?</pre>", "");
    }

    @Test
    void everyPublicPageAndFileOpensWithoutSigningIn() throws Exception {
        Notice n = notices.publish(TOWN_STAFF, VILLAGE, "DIBAO_URBAN").notice();
        String base = "/public/notices/" + VILLAGE + "/DIBAO_URBAN/v1";
        for (String url : new String[] {"/public", "/public?q=新华", "/public/regions/" + COUNTY, "/public/regions/" + TOWN,
            "/public/notices/" + VILLAGE, base, "/public/notices/verify", "/public/notices/verify/howto",
            "/public/complaints/new", "/public/complaints/new?region=" + VILLAGE, "/public/complaints",
            "/public/disclosure.css", "/public/verify_notice.py"}) {
            mvc.perform(get(url).with(fresh())).andExpect(status().isOk());
        }
        byte[] csv = mvc.perform(get(base + ".csv")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("notice-" + VILLAGE
                        + "-DIBAO_URBAN-v1.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] sig = mvc.perform(get(base + ".sig")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        String key = mvc.perform(get("/public/notices/key")).andExpect(status().isOk())
                .andExpect(header().string("X-Key-Fingerprint-SM3", n.keyFingerprint()))
                .andReturn().getResponse().getContentAsString();
        // what anyone downloads is the signed text, and verifies with the published key
        assertThat(csv).isEqualTo(n.bytes());
        assertThat(NoticeKeys.verify(key, csv, sig)).isTrue();
        mvc.perform(get(base + ".json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.hash").value(n.hash()))
                .andExpect(jsonPath("$.previousHash").value(NoticeFormat.GENESIS))
                .andExpect(jsonPath("$.signature").value(n.signature()))
                .andExpect(jsonPath("$.content").value(n.content()));
        mvc.perform(get("/public/notices/key/" + n.keyFingerprint())).andExpect(status().isOk());

        // reading makes no session (nothing to remember about a reader); the complaint form needs one, for its token
        for (String url : new String[] {"/public", "/public/regions/" + TOWN, "/public/notices/" + VILLAGE, base,
            base + ".csv", "/public/notices/verify"}) {
            assertThat(mvc.perform(get(url)).andReturn().getRequest().getSession(false)).as(url).isNull();
        }
        assertThat(mvc.perform(get("/public/complaints/new?region=" + VILLAGE)).andReturn().getRequest()
                .getSession(false)).isNotNull();

        mvc.perform(get("/public/notices/" + OTHER_VILLAGE)).andExpect(status().isOk())
                .andExpect(content().string(containsString("尚未发布公示名单")));
        mvc.perform(get("/public/notices/371526100099")).andExpect(status().isNotFound());
        mvc.perform(get(base.replace("v1", "v9") + ".csv")).andExpect(status().isNotFound());
        mvc.perform(get("/public/regions/" + VILLAGE)).andExpect(status().isNotFound());
        // staff pages still need signing in
        mvc.perform(get("/disclosure")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void noForbiddenFieldIsOnAnyPageOrInAnyFile() throws Exception {
        notices.publishAll(COUNTY_STAFF);
        Notice dibao = notices.latest(VILLAGE).stream().filter(x -> x.program().equals("DIBAO_URBAN")).findFirst()
                .orElseThrow();
        String village = html("/public/notices/" + VILLAGE);
        String version = html("/public/notices/" + VILLAGE + "/DIBAO_URBAN/v1");
        String json = mvc.perform(get("/public/notices/" + VILLAGE + "/DIBAO_URBAN/v1.json")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8).replaceAll("\"signature\":\"[^\"]*\"", "")
                .replaceAll("\"publicKey\":\"[^\"]*\"", "");
        String csv = mvc.perform(get("/public/notices/" + VILLAGE + "/DIBAO_URBAN/v1.csv")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String verified = mvc.perform(multipart("/public/notices/verify").file(new MockMultipartFile("file",
                        "list.csv", "text/csv", dibao.bytes())).with(fresh())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(village).contains("张*", "阿******提", "欧**仁", "王*国", "1,240.00", "1,860.00", "3,100.00",
                dibao.hash(), dibao.signature());
        for (String text : new String[] {visible(village), visible(version), json, csv, visible(verified)}) {
            for (String forbidden : NoticeFixture.forbidden()) {
                assertThat(text).as(forbidden).doesNotContain(forbidden);
            }
        }
    }

    @Test
    void theVerificationPageAnswersForAFileAPastedTextAndAHash() throws Exception {
        Notice n = notices.publish(TOWN_STAFF, VILLAGE, "DIBAO_URBAN").notice();
        String forged = n.content().replace("households,2", "households,3").replace("covered_members,5",
                "covered_members,6").replace("monthly_total,3100.00", "monthly_total,3700.00") + "李*,1,600.00\n";

        // a plain upload form: no CSRF token needed (it changes nothing)
        mvc.perform(multipart("/public/notices/verify").file(new MockMultipartFile("file", "list.csv", "text/csv",
                        n.bytes())).with(fresh()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-outcome=\"MATCH\""),
                        containsString("一个字节都没有改动"), containsString("这是该名单的最新版本"))));
        mvc.perform(multipart("/public/notices/verify").file(new MockMultipartFile("file", "list.csv", "text/csv",
                        forged.getBytes(StandardCharsets.UTF_8))).with(fresh()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-outcome=\"CHANGED\""),
                        containsString("您的名单中有这一行，发布的没有：李*,1,600.00"))));
        mvc.perform(multipart("/public/notices/verify").param("text", n.content().replace("\n", "\r\n"))
                        .param("lang", "en").with(fresh()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-outcome=\"MATCH_AFTER_NORMALIZING\""),
                        containsString("Same content"))));
        mvc.perform(post("/public/notices/verify").param("hash", " " + n.hash() + " ").with(fresh()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-outcome=\"HASH_FOUND\"")));
        mvc.perform(post("/public/notices/verify").param("hash", "f".repeat(64)).with(fresh()))
                .andExpect(content().string(containsString("data-outcome=\"HASH_UNKNOWN\"")));
        mvc.perform(post("/public/notices/verify").param("hash", "not a hash").with(fresh()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("64位十六进制")));
        mvc.perform(post("/public/notices/verify").with(fresh())).andExpect(status().isBadRequest());

        // limits: per address, and the size of what is sent
        String one = "203.0.113.77";
        for (int i = 0; i < 8; i++) {
            mvc.perform(post("/public/notices/verify").param("hash", n.hash()).with(from(one)))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/public/notices/verify").param("hash", n.hash()).with(from(one)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("核验过于频繁")));
        mvc.perform(multipart("/public/notices/verify").file(new MockMultipartFile("file", "big.csv", "text/csv",
                        new byte[2 * 1024 * 1024])).with(fresh()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("提交的内容过大（不能超过1 MB）")));
        // declared too large: refused before anything is read
        mvc.perform(post("/public/notices/verify").contentType("multipart/form-data; boundary=x")
                        .content(new byte[2 * 1024 * 1024]).with(fresh()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(allOf(containsString("提交的内容过大"), containsString("too large"))));
    }

    @Test
    void staffPublishFromThePagesWithinTheirRegionOnly() throws Exception {
        mvc.perform(get("/public/notices/" + VILLAGE).with(as(TOWN_STAFF)))
                .andExpect(content().string(containsString("id=\"publish\"")));
        mvc.perform(get("/public/notices/" + VILLAGE).with(as(OTHER_TOWN_STAFF)))
                .andExpect(content().string(not(containsString("id=\"publish\""))));
        mvc.perform(get("/public/notices/" + VILLAGE))
                .andExpect(content().string(not(containsString("id=\"publish\""))));

        // the token is required
        mvc.perform(post("/disclosure/publish").param("village", VILLAGE).with(as(TOWN_STAFF)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/disclosure/publish").param("village", VILLAGE).param("back", "village")
                        .with(as(TOWN_STAFF)).with(csrf()))
                .andExpect(redirectedUrl("/public/notices/" + VILLAGE))
                .andExpect(flash().attributeExists("outcomes"));
        assertThat(notices.latest(VILLAGE)).hasSize(3);

        // another town's staff: refused, nothing published
        mvc.perform(post("/disclosure/publish").param("village", VILLAGE).with(as(OTHER_TOWN_STAFF)).with(csrf()))
                .andExpect(redirectedUrl("/disclosure"))
                .andExpect(flash().attributeExists("refusal"));
        // audit changes nothing
        mvc.perform(post("/disclosure/publish").param("village", VILLAGE).with(as(AUDITOR)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(notices.chain(VILLAGE, "DIBAO_URBAN").versions()).hasSize(1);

        // the staff page lists the town's villages, not another town's
        mvc.perform(get("/disclosure").with(as(TOWN_STAFF)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-village=\"" + VILLAGE + "\""),
                        containsString("东关村"), not(containsString("data-village=\"" + OTHER_VILLAGE + "\"")))));
        mvc.perform(post("/disclosure/publish-all").with(as(OTHER_TOWN_STAFF)).with(csrf()))
                .andExpect(redirectedUrl("/disclosure"));
        assertThat(notices.latest(OTHER_VILLAGE)).hasSize(1);

        // the JSON API
        fixture.setAmount("E001", "1300.00");
        mvc.perform(post("/api/disclosure/notices").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"village\":\"" + VILLAGE + "\",\"program\":\"DIBAO_URBAN\"}")
                        .with(as(COUNTY_STAFF)).with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("PUBLISHED"))
                .andExpect(jsonPath("$[0].version").value(2))
                .andExpect(jsonPath("$[0].previousHash").value(notices.find(VILLAGE, "DIBAO_URBAN", 1).orElseThrow()
                        .hash()));
        mvc.perform(post("/api/disclosure/notices").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"village\":\"" + VILLAGE + "\"}").with(as(OTHER_TOWN_STAFF))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("FORBIDDEN"));
    }

    @Test
    void theComplaintFormWorksEndToEnd() throws Exception {
        String form = mvc.perform(get("/public/complaints/new").param("region", VILLAGE).with(fresh()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("name=\"_csrf\"", "新华社区", "hx-get=\"/public/complaints/keepalive\"");

        String content = "新华社区有一户人家开着小汽车还在领取低保金，请核查。";
        mvc.perform(post("/public/complaints").param("region", VILLAGE).param("content", content).with(fresh()))
                .andExpect(status().isForbidden());
        MvcResult sent = mvc.perform(post("/public/complaints").param("region", VILLAGE).param("content", content)
                        .param("program", "DIBAO_URBAN").param("aboutName", "张伟").param("contact", "13900000000")
                        .with(fresh()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/public/complaints/received"))
                .andExpect(flash().attributeExists("trackingCode"))
                .andReturn();
        String code = (String) sent.getFlashMap().get("trackingCode");
        assertThat(code).matches("TS-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

        mvc.perform(get("/public/complaints/received").flashAttr("trackingCode", code))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(code), containsString("只显示这一次"))));
        // reloaded: the code is not shown again
        mvc.perform(get("/public/complaints/received")).andExpect(redirectedUrl("/public/complaints"));
        mvc.perform(get("/public/complaints").param("code", code.toLowerCase()))
                .andExpect(redirectedUrl("/public/complaints/" + code.toLowerCase()));
        mvc.perform(get("/public/complaints/" + code.toLowerCase()).with(fresh()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-stage=\"RECEIVED\""), containsString("已受理"),
                        not(containsString(content)), not(containsString("13900000000")))));
        mvc.perform(get("/public/complaints/" + code).param("lang", "en").with(fresh()))
                .andExpect(content().string(containsString("received")));
        mvc.perform(get("/public/complaints/TS-0000-0000-0000-0000").with(fresh()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("没有找到这个查询码")));

        // in the ledger, assigned to the village's town, with what the citizen said
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_item WHERE source = 'COMPLAINT' AND region_code = ? "
                + "AND town_code = ? AND program = 'DIBAO_URBAN'", Long.class, VILLAGE, TOWN)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT content FROM ledger_complaint", String.class)).isEqualTo(content);
    }

    @Test
    void theComplaintFormSaysClearlyWhatIsWrong() throws Exception {
        // too short: the form again, with what was typed
        mvc.perform(post("/public/complaints").param("region", VILLAGE).param("content", "太短了").param("name", "老李")
                        .with(fresh()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("data-kind=\"INVALID\""), containsString("至少10个字"),
                        containsString("value=\"老李\""))));
        // too long: 413 and the reason, in Chinese and in English
        String longText = "很".repeat(2001);
        mvc.perform(post("/public/complaints").param("region", VILLAGE).param("content", longText).with(fresh())
                        .with(csrf()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(allOf(containsString("data-kind=\"TOO_LARGE\""),
                        containsString("请删减到2000字以内"), containsString(longText))));
        mvc.perform(post("/public/complaints").param("region", VILLAGE).param("content", longText).param("lang", "en")
                        .with(fresh()).with(csrf()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("shorten it to 2,000 characters")));
        // far too large: refused before it is read
        mvc.perform(post("/public/complaints").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("region=" + VILLAGE + "&content=" + "x".repeat(70 * 1024)).with(fresh()).with(csrf()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("提交的内容过大")));
        // too many from one address (3 per hour in this test): 429, and what was typed is kept
        String one = "192.0.2.55";
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/public/complaints").param("region", TOWN).param("content", "第" + i + "次举报：有人冒领补贴金")
                    .with(from(one)).with(csrf())).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/public/complaints").param("region", TOWN).param("content", "第四次举报：有人冒领补贴金")
                        .with(from(one)).with(csrf()))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(allOf(containsString("提交过于频繁"), containsString("第四次举报"))));
        mvc.perform(post("/public/complaints").param("region", TOWN).param("content", "第五次举报：有人冒领补贴金")
                        .param("lang", "en").with(from(one)).with(csrf()))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many reports from your address")));
        // a region that is not one
        mvc.perform(post("/public/complaints").param("region", "371526199999").param("content", "有人冒领补贴金很多年了")
                        .with(fresh()).with(csrf()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void thePagesSpeakEnglishOnRequest() throws Exception {
        notices.publishVillage(TOWN_STAFF, VILLAGE);
        mvc.perform(get("/public/notices/" + VILLAGE).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Public notices of 新华社区"),
                        containsString("Urban minimum living guarantee"), containsString("Signature valid"),
                        containsString("lang=\"en\""))));
        mvc.perform(get("/public").param("lang", "en"))
                .andExpect(content().string(containsString("Choose a county")));
        mvc.perform(get("/public/notices/" + VILLAGE))
                .andExpect(content().string(allOf(containsString("新华社区公示名单"), containsString("城市最低生活保障"),
                        containsString("签名有效"))));
    }
}
