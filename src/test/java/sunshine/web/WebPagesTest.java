package sunshine.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static sunshine.security.internal.TestUsers.county;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.imports.Fixtures;
import sunshine.imports.ImportService;
import sunshine.registry.TestDatabases;

/** The overview and import screens render what the registry and the importer say, in Chinese and English. */
@SpringBootTest
@AutoConfigureMockMvc
class WebPagesTest {

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
    ImportService imports;
    @TempDir
    Path tmp;

    @BeforeEach
    void emptyDatabase() {
        TestDatabases.clear(jdbc);
    }

    @Test
    void anEmptyRegistrySaysSo() throws Exception {
        mvc.perform(get("/").with(county()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("民政资金监管概览"),
                        containsString("还没有待遇数据"), containsString("还没有导入记录"))));
    }

    @Test
    void theOverviewShowsCoverageByProgramAndTheImports() throws Exception {
        imports.importFolder(new Fixtures().write(tmp.resolve("county")), "tester");

        mvc.perform(get("/").with(county()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        // E001: DIBAO_URBAN, two covered members, 1,240.00 a month: 620.00 per person
                        containsString("城市低保"), containsString("1,240.00"), containsString("620.00"),
                        containsString("特困"), containsString("980.50"),
                        containsString("data-dataset=\"payments\""), containsString("已导入"),
                        not(containsString("还没有待遇数据")))));
    }

    @Test
    void englishOnRequest() throws Exception {
        imports.importFolder(new Fixtures().write(tmp.resolve("county")), "tester");

        mvc.perform(get("/").param("lang", "en").with(county()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Coverage (ACTIVE enrollments)"),
                        containsString("DIBAO_URBAN"), containsString("imported"))));
    }

    @Test
    void aRejectedUploadShowsTheReasonAndTheReportLinks() throws Exception {
        imports.importFolder(new Fixtures().write(tmp.resolve("county")), "tester");
        String persons = String.join("\r\n", new Fixtures()
                .replace("persons", 2, Fixtures.HEAD_1, Fixtures.badCheckDigit(Fixtures.HEAD_1)).lines("persons"));
        MockMultipartFile file = new MockMultipartFile("file", "persons.csv", "text/csv",
                persons.getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/imports").file(file).with(county()).with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-status=\"REJECTED\""),
                        containsString("errors.csv"), containsString("errors.xlsx"))));
    }

    @Test
    void anUploadWhoseDatasetCannotBeToldIsRefusedWithAReason() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "list.csv", "text/csv", "a,b\r\n".getBytes());

        mvc.perform(multipart("/imports").file(file).with(county()).with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("无法从文件名"),
                        containsString("cannot tell the dataset"))));
    }

    @Test
    void theImportPageListsEveryDatasetAndTheProgressFragmentAnswers() throws Exception {
        mvc.perform(get("/imports").with(county()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"social_insurance\""),
                        containsString("value=\"payroll_submissions\""), containsString("htmx.min.js"))));
        mvc.perform(get("/imports/progress").with(county())).andExpect(status().isOk());
        // public: no sign-in needed
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
    }
}
