package sunshine.applications;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static sunshine.benefits.BenefitTestConfig.AUDITOR;
import static sunshine.benefits.BenefitTestConfig.COUNTY_STAFF;
import static sunshine.benefits.BenefitTestConfig.OTHER_COUNTY_STAFF;
import static sunshine.benefits.BenefitTestConfig.TOWN_STAFF;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_1;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_STAFF;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.benefits.RegistryFixture;
import sunshine.registry.TestDatabases;
import sunshine.security.internal.TestUsers;

/**
 * The application and review endpoints, behind the real sign-in (H2; the workflow itself runs on both databases
 * in {@link ApplicationsTest}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApplicationControllerTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void registry() {
        RegistryFixture.clear(jdbc);
        new RegistryFixture(jdbc).regions().standards()
                .enrolledHousehold("E0000001", "DIBAO_RURAL", VILLAGE_1, 1, "500.00", "6230000000000001", 1);
    }

    @Test
    void anApplicationIsTakenAcceptedAndCheckedOverHttp() throws Exception {
        String head = RegistryFixture.id(LocalDate.of(1961, 3, 1), 1);
        String spouse = RegistryFixture.id(LocalDate.of(1962, 3, 1), 2);
        String body = """
                {"program":"DIBAO_RURAL","regionCode":"%s","urbanRural":"RURAL","address":"一村8号",
                 "applicantIdNo":"%s","payeeIdNo":"%s","cardNo":"6230000000000101","bank":"高唐县农村商业银行",
                 "declaredIncome":400,"special":false,
                 "members":[{"idNo":"%s","name":"王大山","relation":"HEAD","covered":true},
                            {"idNo":"%s","name":"李小花","relation":"SPOUSE","covered":true}]}
                """.formatted(VILLAGE_1, head, head, head, spouse);
        String created = mvc.perform(post("/api/applications").with(TestUsers.as(VILLAGE_STAFF)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.statusZh").value("申请"))
                .andExpect(jsonPath("$.members", hasSize(2)))
                .andExpect(jsonPath("$.nextSteps[0]").value("ACCEPT"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.applicationId");

        mvc.perform(post("/api/applications").with(TestUsers.as(VILLAGE_STAFF)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace(VILLAGE_1, "371526999999")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("INVALID"));
        mvc.perform(post("/api/applications/" + id + "/accept").with(TestUsers.as(AUDITOR)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/applications/" + id + "/accept").with(TestUsers.as(TOWN_STAFF)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CHECKED"))
                .andExpect(jsonPath("$.deadlines[0].kind").value("INVESTIGATION"));
        mvc.perform(post("/api/applications/" + id + "/notice").with(TestUsers.as(TOWN_STAFF)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("ILLEGAL_TRANSITION"));
        mvc.perform(post("/api/applications/" + id + "/visit").with(TestUsers.as(TOWN_STAFF)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"investigators":["%s","%s"],"findings":"属实"}""".formatted(
                                RegistryFixture.id(LocalDate.of(1985, 5, 5), 11),
                                RegistryFixture.id(LocalDate.of(1986, 6, 6), 12))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VISITED"))
                .andExpect(jsonPath("$.visits", hasSize(1)));
        mvc.perform(get("/api/applications/" + id + "/calculation").with(TestUsers.as(COUNTY_STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.formula").value(startsWith("max(0, 600.00 − 200.00) × 2")));
        mvc.perform(get("/api/applications/" + id + "/history").with(TestUsers.as(COUNTY_STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action").value(org.hamcrest.Matchers.contains("SUBMIT", "ACCEPT", "CHECK",
                        "VISIT")));
        mvc.perform(get("/api/applications/" + id).with(TestUsers.as(OTHER_COUNTY_STAFF)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/applications?status=VISITED").with(TestUsers.as(COUNTY_STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(get("/api/applications")).andExpect(status().isUnauthorized());
    }

    @Test
    void reviewsOverHttp() throws Exception {
        mvc.perform(get("/api/reviews?asOf=2026-11-02").with(TestUsers.as(TOWN_STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].enrollmentId").value("E0000001"))
                .andExpect(jsonPath("$[0].overdue").value(true));
        mvc.perform(post("/api/enrollments/E0000001/reviews").with(TestUsers.as(TOWN_STAFF)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"ADJUST\",\"reason\":\"家庭收入增加\",\"amount\":450}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.newAmount").value(450.00));
        mvc.perform(post("/api/enrollments/E0000001/reviews").with(TestUsers.as(TOWN_STAFF)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"MAYBE\",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/enrollments/E0000001/reviews").with(TestUsers.as(AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(post("/api/reviews/rerate?month=2026-12").with(TestUsers.as(COUNTY_STAFF)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].applied").value(false));
    }
}
