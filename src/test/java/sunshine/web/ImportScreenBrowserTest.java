package sunshine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sunshine.imports.Fixtures;
import sunshine.imports.ImportService;
import sunshine.registry.TestDatabases;
import sunshine.security.Actor;
import sunshine.security.Role;
import sunshine.security.UserAccounts;

/**
 * The screens in a real browser (Debian's Chromium) against the real server on H2, signed in through the real
 * login page: htmx requests carry the CSRF token, the content security policy lets the pages work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIf("sunshine.web.Browser#available")
class ImportScreenBrowserTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    @LocalServerPort
    int port;
    @Autowired
    ImportService imports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAccounts accounts;
    @TempDir
    Path tmp;

    private ChromeDriver browser;
    private WebDriverWait wait;

    static final String USER = "browser.county";
    static final String PASSWORD = "browser-county-2026";

    @BeforeEach
    void start() {
        TestDatabases.clear(jdbc);
        if (accounts.find(USER).isEmpty()) {
            accounts.create(Actor.system(Fixtures.PROVINCE),
                    new UserAccounts.NewUser(USER, "县局测试员", Role.COUNTY, Fixtures.COUNTY), PASSWORD);
        }
        browser = Browser.start();
        wait = Browser.waitFor(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the login page, as a user would. */
    private void signIn() {
        browser.get(url("/login"));
        typeCredentials(USER, PASSWORD);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "民政资金监管概览"));
    }

    private void typeCredentials(String user, String password) {
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#login button")).click();
    }

    /** The browser's session, for a download by another client. */
    private String sessionCookie() {
        return "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
    }

    @Test
    void aPageAskedForBeforeSigningInOpensAfterIt() {
        browser.get(url("/imports"));
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");

        typeCredentials(USER, "not-the-password-1");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error"))).getText())
                .contains("用户名或密码不正确");

        typeCredentials(USER, PASSWORD);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "数据导入"));
        assertThat(browser.findElement(By.id("me")).getText()).contains("县局测试员", "县级民政");

        browser.findElement(By.cssSelector("#logout button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-logout")));
        browser.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void aFullIdNumberIsShownOnRequestAndRecorded() {
        imports.importFolder(new Fixtures().write(tmp.resolve("county")), "tester");
        signIn();
        browser.get(url("/households"));
        browser.findElement(By.name("id")).sendKeys("H001");
        browser.findElement(By.cssSelector("form.search button")).click();

        WebElement spouse = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-2")));
        assertThat(spouse.getText()).contains(Fixtures.SPOUSE_1.substring(0, 6) + "********")
                .doesNotContain(Fixtures.SPOUSE_1);
        assertThat(browser.getPageSource()).doesNotContain(Fixtures.SPOUSE_1);
        spouse.findElement(By.cssSelector("button.reveal")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#members tr[data-member='2']"),
                Fixtures.SPOUSE_1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'ID_REVEALED' "
                + "AND actor_id = ?", Long.class, USER)).isGreaterThanOrEqualTo(1L);
    }

    @Test
    void theOverviewShowsTheImportedCounty() {
        imports.importFolder(new Fixtures().write(tmp.resolve("county")), "tester");

        signIn();
        browser.get(url("/"));

        WebElement urban = browser.findElement(By.cssSelector("#programs tr[data-program=DIBAO_URBAN]"));
        assertThat(urban.getText()).contains("城市低保", "1,240.00", "620.00");
        assertThat(browser.findElement(By.cssSelector("#datasets tr[data-dataset=payments]")).getText())
                .contains("6");
    }

    @Test
    void aBadUploadIsRejectedInPlaceAndItsReportDownloads() throws Exception {
        imports.importFolder(new Fixtures().write(tmp.resolve("county")), "tester");
        String badId = Fixtures.badCheckDigit(Fixtures.SPOUSE_1);
        Path bad = new Fixtures().replace("persons", 3, Fixtures.SPOUSE_1, badId).write(tmp.resolve("bad"))
                .resolve("persons.csv");

        signIn();
        browser.get(url("/imports"));
        browser.findElement(By.cssSelector("input[type=file]")).sendKeys(bad.toString());
        browser.findElement(By.cssSelector("#upload button")).click();

        WebElement outcome = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#outcome .message[data-status=REJECTED]")));
        assertThat(outcome.getText()).contains("persons.csv");
        String report = outcome.findElement(By.cssSelector("a.report")).getAttribute("href");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(report))
                        .header("Cookie", sessionCookie()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(200);
        // the report shows the ID number masked, like every screen: row and column find it in the file
        assertThat(csv.body()).contains(badId.substring(0, 6) + "********" + badId.substring(14), "校验位错误",
                "check digit wrong").doesNotContain(badId);
        // without the session: no report
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(report)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        // nothing of the rejected file was kept
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM persons WHERE id_no = ?", Long.class,
                Fixtures.SPOUSE_1)).isEqualTo(1L);
        assertThat(Files.exists(bad)).isTrue();
    }

    @Test
    void englishIsOneClickAway() {
        browser.get(url("/login"));
        browser.findElement(By.linkText("English")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Sign in"));
        typeCredentials(USER, PASSWORD);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Civil-affairs funds: overview"));
        browser.findElement(By.linkText("中文")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "民政资金监管概览"));

        browser.get(url("/imports"));
        browser.findElement(By.linkText("English")).click();

        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Imports"));
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Civil-affairs funds: overview");
    }
}
