package sunshine.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static sunshine.benefits.BenefitTestConfig.AUDITOR;
import static sunshine.benefits.BenefitTestConfig.COUNTY_STAFF;
import static sunshine.benefits.BenefitTestConfig.OTHER_COUNTY_STAFF;
import static sunshine.benefits.BenefitTestConfig.TOWN_2_STAFF;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_3;

import java.nio.charset.Charset;
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
import sunshine.benefits.RegistryFixture;
import sunshine.registry.TestDatabases;
import sunshine.security.internal.TestUsers;

/**
 * The payment cycle's REST endpoints, behind the real sign-in (H2; the cycle itself runs on both databases in
 * {@link PaymentCycleTest}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PaymentControllerTest {

    static final Path DATA = TestDatabases.newDataDir();
    static final String BATCH = "B371526101-202611";

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
        RegistryFixture fx = new RegistryFixture(jdbc).regions().standards();
        fx.enrolledHousehold("E0000006", "DIBAO_RURAL", VILLAGE_3, 2, "1000.00", "6230000000000006", 6);
        fx.enrolledHousehold("E0000007", "DIBAO_URBAN", VILLAGE_3, 1, "790.00", "6230000000000007", 7);
    }

    @Test
    void aBatchIsGeneratedConfirmedCheckedApprovedAndExportedOverHttp() throws Exception {
        mvc.perform(post("/api/payments/batches/generate").with(TestUsers.as(COUNTY_STAFF)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2026-11\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].batchId").value(BATCH))
                .andExpect(jsonPath("$[0].lineCount").value(2))
                .andExpect(jsonPath("$[0].total").value(1790.00))
                .andExpect(jsonPath("$[0].statusZh").value("已生成"));
        mvc.perform(get("/api/payments/batches/" + BATCH + "/lines").with(TestUsers.as(AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].cardNo").value("6230000000000006"));
        // the auditor looks, never changes; another county does not even see it; the county does not confirm
        mvc.perform(post("/api/payments/batches/" + BATCH + "/confirm").with(TestUsers.as(AUDITOR)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/payments/batches/" + BATCH).with(TestUsers.as(OTHER_COUNTY_STAFF)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("NOT_FOUND"));
        mvc.perform(post("/api/payments/batches/" + BATCH + "/confirm").with(TestUsers.as(COUNTY_STAFF)).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message.zh").value(containsString("乡镇")));
        mvc.perform(get("/api/payments/batches/" + BATCH)).andExpect(status().isUnauthorized());

        // a list with a bad row: 400 with every bad row
        String bad = "batch_id,region_code,period,enrollment_id,payee_id_no,amount,card_no\r\n"
                + BATCH + ",371526101000,2026-13,E0000006,12345,1000.00,6230000000000006\r\n";
        mvc.perform(multipart("/api/payments/batches/" + BATCH + "/submission")
                        .file(new MockMultipartFile("file", "名册.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(TestUsers.as(TOWN_2_STAFF)).with(csrf().asHeader()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("INVALID"))
                .andExpect(jsonPath("$.rows", hasSize(2)))
                .andExpect(jsonPath("$.rows[0].row").value(2));

        mvc.perform(post("/api/payments/batches/" + BATCH + "/confirm").with(TestUsers.as(TOWN_2_STAFF)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.submission").value("CONFIRMED"));
        mvc.perform(post("/api/payments/batches/precheck").with(TestUsers.as(COUNTY_STAFF)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"batchIds\":[\"" + BATCH + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("PRECHECKED"));
        mvc.perform(post("/api/payments/batches/" + BATCH + "/approve").with(TestUsers.as(COUNTY_STAFF)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(post("/api/payments/batches/" + BATCH + "/export").with(TestUsers.as(COUNTY_STAFF)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"layout\":\"gbk\",\"payDate\":\"2026-11-05\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paymentCount").value(2))
                .andExpect(jsonPath("$.batch.status").value("EXPORTED"));
        mvc.perform(post("/api/payments/batches/" + BATCH + "/export").with(TestUsers.as(COUNTY_STAFF)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("CONFLICT"));
        byte[] csv = mvc.perform(get("/api/payments/batches/" + BATCH + "/bank-file").with(TestUsers.as(COUNTY_STAFF)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(BATCH + "-gbk.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, Charset.forName("GBK"))).startsWith("流水号,卡号,户名,身份证号,金额,摘要")
                .contains("2026年11月农村低保金");

        String receipts = "payment_id,card_no,amount,status,settled_date\r\n"
                + "P371526101-202611-0001,6230000000000006,1000.00,SUCCESS,2026-11-06\r\n"
                + "P371526101-202611-0002,6230000000000007,790.00,SUCCESS,2026-11-06\r\n";
        mvc.perform(multipart("/api/payments/receipts")
                        .file(new MockMultipartFile("file", "回单.csv", "text/csv",
                                receipts.getBytes(StandardCharsets.UTF_8)))
                        .with(TestUsers.as(COUNTY_STAFF)).with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.receipts").value(2))
                .andExpect(jsonPath("$.batches[0].status").value("RECONCILED"))
                .andExpect(jsonPath("$.clues", hasSize(0)));
        mvc.perform(get("/api/payments/batches/" + BATCH + "/history").with(TestUsers.as(COUNTY_STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].action").value("GENERATE"))
                .andExpect(jsonPath("$[0].userId").value(COUNTY_STAFF.userId()));
        mvc.perform(get("/api/payments/layouts").with(TestUsers.as(COUNTY_STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gbk").exists());
    }
}
