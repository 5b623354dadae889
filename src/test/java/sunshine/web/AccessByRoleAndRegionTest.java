package sunshine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static sunshine.security.internal.TestUsers.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import sunshine.security.Role;

/**
 * Access by role and region on every endpoint there is, enforced by the server whatever URL is typed: households
 * and ID numbers within the region only, read-only roles send no change, imports by the bureaus within their
 * region, runs and error reports by region, the administrator sees no personal data.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessByRoleAndRegionTest {

    static final Path DATA = TestDatabases.newDataDir();

    // the fixtures' county and town, another town of it, another county
    static final String COUNTY = Fixtures.COUNTY;
    static final String TOWN = Fixtures.TOWN;
    static final String OTHER_TOWN = "371526101000";
    static final String OTHER_COUNTY = "371525000000";

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

    private final Fixtures fx = new Fixtures();

    @BeforeEach
    void county() {
        TestDatabases.clear(jdbc);
        imports.importFolder(fx.write(tmp.resolve("county")), "tester");
    }

    private MockMultipartFile csv(String dataset) {
        return new MockMultipartFile("file", dataset + ".csv", "text/csv",
                (String.join("\r\n", fx.lines(dataset)) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private long audited(String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = ?", Long.class, action);
    }

    // ------------------------------------------------------------------ households and ID numbers

    @Test
    void aTownUserSeesTheTownsHouseholdsWithMaskedIdNumbers() throws Exception {
        mvc.perform(get("/households/H001").with(as(Role.TOWN, TOWN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("张伟"),
                        containsString(Fixtures.HEAD_1.substring(0, 6) + "********" + Fixtures.HEAD_1.substring(14)),
                        not(containsString(Fixtures.HEAD_1)), not(containsString(Fixtures.SPOUSE_1)))));
        // the look-up form finds it too
        mvc.perform(get("/households").param("id", "H001").with(as(Role.TOWN, TOWN)))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aTownUserGets404ForAnotherTownsHouseholdAndItsIdNumbers() throws Exception {
        long before = audited("ID_REVEALED");
        mvc.perform(get("/households/H001").with(as(Role.TOWN, OTHER_TOWN))).andExpect(status().isNotFound());
        mvc.perform(get("/households").param("id", "H001").with(as(Role.TOWN, OTHER_TOWN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not-found")));
        mvc.perform(post("/households/H001/members/1/id-number").with(as(Role.TOWN, OTHER_TOWN)).with(csrf()))
                .andExpect(status().isNotFound());
        // a village user of the town sees only the village's households
        mvc.perform(get("/households/H002").with(as(Role.VILLAGE, Fixtures.VILLAGE_1)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/households/H001").with(as(Role.VILLAGE, Fixtures.VILLAGE_1))).andExpect(status().isOk());
        assertThat(audited("ID_REVEALED")).isEqualTo(before);
    }

    @Test
    void revealingAFullIdNumberIsRecorded() throws Exception {
        long before = audited("ID_REVEALED");
        mvc.perform(post("/households/H001/members/2/id-number").with(as(Role.TOWN, TOWN)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(Fixtures.SPOUSE_1)));
        assertThat(audited("ID_REVEALED")).isEqualTo(before + 1);
        String details = jdbc.queryForObject("SELECT details FROM audit_entry WHERE action = 'ID_REVEALED' "
                + "ORDER BY seq DESC LIMIT 1", String.class);
        assertThat(details).contains("\"household\":\"H001\"", "\"member\":2",
                Fixtures.SPOUSE_1.substring(0, 6) + "********").doesNotContain(Fixtures.SPOUSE_1);
        assertThat(jdbc.queryForObject("SELECT actor_id FROM audit_entry WHERE action = 'ID_REVEALED' "
                + "ORDER BY seq DESC LIMIT 1", String.class)).isEqualTo("town-" + TOWN);
        // without the CSRF token: refused, nothing revealed
        mvc.perform(post("/households/H001/members/2/id-number").with(as(Role.TOWN, TOWN)))
                .andExpect(status().isForbidden());
        assertThat(audited("ID_REVEALED")).isEqualTo(before + 1);
    }

    @Test
    void theAdministratorSeesNoPersonalData() throws Exception {
        mvc.perform(get("/households").with(as(Role.ADMIN, COUNTY))).andExpect(status().isForbidden());
        mvc.perform(get("/households/H001").with(as(Role.ADMIN, COUNTY))).andExpect(status().isForbidden());
        mvc.perform(post("/households/H001/members/1/id-number").with(as(Role.ADMIN, COUNTY)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/imports").file(csv("regions")).with(as(Role.ADMIN, COUNTY))
                .with(csrf().asHeader())).andExpect(status().isForbidden());
    }

    // ------------------------------------------------------------------ read-only roles

    @Test
    void readOnlyRolesReadButCannotPost() throws Exception {
        for (Role role : new Role[] {Role.DISCIPLINE, Role.AUDIT}) {
            mvc.perform(get("/").with(as(role, COUNTY))).andExpect(status().isOk());
            mvc.perform(get("/imports").with(as(role, COUNTY)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("id=\"no-import\""),
                            not(containsString("id=\"upload\"")))));
            mvc.perform(get("/api/imports").with(as(role, COUNTY))).andExpect(status().isOk());
            mvc.perform(multipart("/api/imports").file(csv("regions")).with(as(role, COUNTY))
                    .with(csrf().asHeader())).andExpect(status().isForbidden());
            mvc.perform(multipart("/imports").file(csv("regions")).with(as(role, COUNTY))
                    .with(csrf().asHeader())).andExpect(status().isForbidden());
            mvc.perform(post("/api/admin/users").with(as(role, COUNTY)).with(csrf())
                    .contentType("application/json").content("{}")).andExpect(status().isForbidden());
            // any other change, even to a path nobody serves: refused before it is looked up
            mvc.perform(post("/api/anything").with(as(role, COUNTY)).with(csrf())).andExpect(status().isForbidden());
            // reading a full ID number changes nothing but the audit record: allowed, and recorded
            mvc.perform(post("/households/H003/members/1/id-number").with(as(role, COUNTY)).with(csrf()))
                    .andExpect(status().isOk());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_run WHERE imported_by <> 'tester'", Long.class))
                .isZero();
    }

    // ------------------------------------------------------------------ imports

    @Test
    void townsAndVillagesDoNotImport() throws Exception {
        mvc.perform(multipart("/api/imports").file(csv("regions")).with(as(Role.TOWN, TOWN))
                .with(csrf().asHeader())).andExpect(status().isForbidden());
        mvc.perform(multipart("/imports").file(csv("regions")).with(as(Role.VILLAGE, Fixtures.VILLAGE_1))
                .with(csrf().asHeader())).andExpect(status().isForbidden());
        mvc.perform(get("/imports").with(as(Role.TOWN, TOWN)))
                .andExpect(content().string(not(containsString("id=\"upload\""))));
    }

    @Test
    void aCountyImportsItsOwnDataOnlyAndRunsAreShownByRegion() throws Exception {
        // another county's bureau: every region of the database lies outside it
        fx.replace("regions", 7, "东关村", "东关村委会");
        mvc.perform(multipart("/api/imports").file(csv("regions")).with(as(Role.COUNTY, OTHER_COUNTY))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.errors").value(4));   // the county, its town and two villages
        assertThat(jdbc.queryForObject("SELECT name FROM regions WHERE code = ?", String.class, Fixtures.VILLAGE_2))
                .isEqualTo("东关村");

        // the county's own bureau: accepted, recorded with its region
        mvc.perform(multipart("/api/imports").file(csv("regions")).with(as(Role.COUNTY, COUNTY))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IMPORTED"));
        long id = jdbc.queryForObject("SELECT MAX(id) FROM import_run WHERE status = 'IMPORTED'", Long.class);
        assertThat(jdbc.queryForObject("SELECT region_code FROM import_run WHERE id = ?", String.class, id))
                .isEqualTo(COUNTY);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'IMPORT' AND actor_id = ?",
                Long.class, "county-" + COUNTY)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'IMPORT_REJECTED' "
                + "AND actor_id = ?", Long.class, "county-" + OTHER_COUNTY)).isEqualTo(1L);

        // the county's import is seen by its towns, not by another county; the rejected one only by its county
        mvc.perform(get("/api/imports/" + id).with(as(Role.TOWN, TOWN))).andExpect(status().isOk());
        mvc.perform(get("/api/imports/" + id).with(as(Role.COUNTY, OTHER_COUNTY))).andExpect(status().isNotFound());
        mvc.perform(get("/api/imports").with(as(Role.COUNTY, OTHER_COUNTY)))
                // the platform's own import of the fixtures (the whole database) and its own rejected one
                .andExpect(jsonPath("$", hasSize(8 + 1)));
        long rejected = jdbc.queryForObject("SELECT id FROM import_run WHERE status = 'REJECTED'", Long.class);
        mvc.perform(get("/api/imports/" + rejected).with(as(Role.COUNTY, COUNTY))).andExpect(status().isNotFound());

        // its error report: the county that made it; not a town (403: the run is visible, its rows are not)
        mvc.perform(get("/api/imports/" + rejected + "/errors.csv").with(as(Role.COUNTY, OTHER_COUNTY)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/imports/" + rejected + "/errors.csv").with(as(Role.TOWN, "371525100000")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/imports/" + rejected + "/errors.csv").with(as(Role.COUNTY, COUNTY)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOverviewCountsOnlyTheUsersRegion() throws Exception {
        // E001 (城市低保, 1,240.00) is in village 1; E002 and E003 in village 2
        mvc.perform(get("/").with(as(Role.VILLAGE, Fixtures.VILLAGE_1)))
                .andExpect(content().string(allOf(containsString("1,240.00"), not(containsString("980.50")))));
        mvc.perform(get("/").with(as(Role.VILLAGE, Fixtures.VILLAGE_2)))
                .andExpect(content().string(allOf(not(containsString("1,240.00")), containsString("980.50"))));
        mvc.perform(get("/").with(as(Role.TOWN, OTHER_TOWN)))
                .andExpect(content().string(allOf(containsString("还没有待遇数据"), not(containsString("980.50")))));
    }
}
