package sunshine.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static sunshine.security.internal.TestUsers.county;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import sunshine.registry.TestDatabases;

/** The REST endpoints of the importer (H2; the import itself is covered on both databases by ImportServiceTest). */
@SpringBootTest
@AutoConfigureMockMvc
class ImportControllerTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    private final Fixtures fx = new Fixtures();

    @BeforeEach
    void emptyDatabase() {
        TestDatabases.clear(jdbc);
    }

    private MockMultipartFile csv(String dataset, String fileName) {
        return new MockMultipartFile("file", fileName, "text/csv",
                (String.join("\r\n", fx.lines(dataset)) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUploadIsImportedAndItsRunListed() throws Exception {
        mvc.perform(multipart("/api/imports").file(csv("regions", "regions.csv")).with(county()).with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IMPORTED"))
                .andExpect(jsonPath("$.rows").value(fx.rows("regions")))
                .andExpect(jsonPath("$.files[0].dataset").value("regions"))
                .andExpect(jsonPath("$.files[0].file").value("regions.csv"))
                .andExpect(jsonPath("$.message.zh").value(containsString("已导入")));
        // any file name, with the dataset given
        mvc.perform(multipart("/api/imports").file(csv("households", "户籍名单.csv")).param("dataset", "households").with(county()).with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.files[0].dataset").value("households"));
        // the same again: unchanged
        mvc.perform(multipart("/api/imports").file(csv("regions", "regions.csv")).with(county()).with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNCHANGED"));

        mvc.perform(get("/api/imports").with(county()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].status").value("UNCHANGED"))
                .andExpect(jsonPath("$[1].fileName").value("户籍名单.csv"))
                .andExpect(jsonPath("$[2].status").value("IMPORTED"))
                .andExpect(jsonPath("$[2].archived").value(true));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM households", Long.class)).isEqualTo(fx.rows("households"));
    }

    @Test
    void aRejectedUploadComesWithItsReportsForDownload() throws Exception {
        mvc.perform(multipart("/api/imports").file(csv("regions", "regions.csv")).with(county()).with(csrf().asHeader())).andExpect(status().isOk());
        fx.replace("households", 3, "农村", "郊区").replace("households", 4, Fixtures.VILLAGE_2, "371526100099");

        MvcResult result = mvc.perform(multipart("/api/imports").file(csv("households", "households.csv")).with(county()).with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.errors").value(2))
                .andExpect(jsonPath("$.files[0].errorsCsv").exists())
                .andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = Long.parseLong(body.replaceAll("(?s).*\"importId\":(\\d+).*", "$1"));

        byte[] csv = mvc.perform(get("/api/imports/" + id + "/errors.csv").with(county()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF文件,行号,列,值,原因,reason");
        assertThat(text).contains("households.csv,3,urban_rural,郊区").contains("households.csv,4,region_code,371526100099");

        byte[] xlsx = mvc.perform(get("/api/imports/" + id + "/errors.xlsx").with(county()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1).getCellText(3)).isEqualTo("郊区");
        }

        mvc.perform(get("/api/imports/" + id).with(county()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.errorCount").value(2))
                .andExpect(jsonPath("$.errorsXlsx").value("/api/imports/" + id + "/errors.xlsx"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM households", Long.class)).isZero();
    }

    @Test
    void badRequestsAreAnsweredInBothLanguages() throws Exception {
        mvc.perform(multipart("/api/imports").file(csv("regions", "名单.csv")).with(county()).with(csrf().asHeader()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message.zh").value(containsString("数据集")))
                .andExpect(jsonPath("$.message.en").value(containsString("dataset")));
        mvc.perform(multipart("/api/imports").file(csv("regions", "regions.csv")).param("dataset", "nonsense").with(county()).with(csrf().asHeader()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/imports/987654").with(county())).andExpect(status().isNotFound());
        mvc.perform(get("/api/imports/987654/errors.csv").with(county())).andExpect(status().isNotFound());
        mvc.perform(get("/api/imports/progress").with(county()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.running").value(false))
                .andExpect(jsonPath("$.phase").value("IDLE"));
    }
}
