package sunshine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sunshine.checks.CheckRun;
import sunshine.checks.CheckRunService;
import sunshine.checks.CheckScenario;
import sunshine.imports.ImportService;
import sunshine.registry.TestDatabases;
import sunshine.security.Actor;
import sunshine.security.Role;
import sunshine.security.UserAccounts;

/**
 * The dashboard, random inspections and campaigns in a real browser (Debian's Chromium) against the real server on
 * H2, over a generated county that was imported and checked: the charts are drawn (canvas) under the content
 * security policy without a console error, an inspection is announced and drawn on its pages, a campaign is
 * created and its tables download as XLSX. Screenshots go to {@code <build dir>/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sunshine.checks.schedule.enabled=false", "sunshine.ledger.escalation-cron=-"})
@EnabledIf("sunshine.web.Browser#available")
class DashboardBrowserTest {

    static final Path DATA = TestDatabases.newDataDir();
    static final String COUNTY = "371526000000";
    static final String USER = "browser.dashboard";
    static final String PASSWORD = "browser-dashboard-2026";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    @LocalServerPort
    int port;
    @Autowired
    ImportService imports;
    @Autowired
    CheckRunService checks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAccounts accounts;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void checkedCountyAndBrowser() throws Exception {
        if (accounts.find(USER).isEmpty()) {
            accounts.create(Actor.system("370000000000"),
                    new UserAccounts.NewUser(USER, "县局看板测试员", Role.COUNTY, COUNTY), PASSWORD);
        }
        Actor county = new Actor(USER, "县局", Role.COUNTY, COUNTY);
        if (checks.runs(1, county).isEmpty()) {
            imports.importFolder(CheckScenario.county(), "tester");
            long id = checks.start(YearMonth.of(2026, 10), Map.of(), county).id();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (checks.run(id, county).orElseThrow().status() == CheckRun.Status.RUNNING
                    || jdbc.queryForObject("SELECT COUNT(*) FROM ledger_item", Long.class) == 0) {
                assertThat(System.nanoTime()).as("check run and ledger intake").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
        browser = Browser.start(true);
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

    private static Path screenshots() throws Exception {
        Path classes = Path.of(DashboardBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.createDirectories(classes.getParent().resolve("screenshots"));
    }

    private void screenshot(String name) throws Exception {
        Files.write(screenshots().resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The console's warnings and errors since the last call (script errors, content security policy refusals). */
    private List<String> consoleProblems() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                // the browser asks for /favicon.ico by itself; the platform has none
                .filter(e -> !e.getMessage().contains("/favicon.ico"))
                .map(LogEntry::toString).toList();
    }

    @Test
    void theDashboardDrawsItsChartsAndAnInspectionAndACampaignRunOnTheirPages() throws Exception {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(USER);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#login button")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "民政资金监管概览"));

        // the charts: drawn from /api/dashboard by dashboard.js into canvases, beside their tables
        wait.until(ExpectedConditions.attributeToBe(By.id("dashboard"), "data-charts", "drawn"));
        for (String chart : List.of("chart-rules", "chart-towns", "chart-indicators", "chart-ledger")) {
            WebElement canvas = browser.findElement(By.cssSelector("#" + chart + " canvas"));
            assertThat(canvas.getSize().getWidth()).as(chart).isGreaterThan(100);
        }
        assertThat(browser.findElements(By.cssSelector("#dash-rules tbody tr"))).isNotEmpty();
        assertThat(browser.findElement(By.id("dash-run")).getText()).contains("2026-10");
        screenshot("dashboard");
        assertThat(consoleProblems()).as("console of the overview").isEmpty();

        // an inspection: announced, then drawn at once (the draw date is today)
        browser.get(url("/inspections"));
        browser.findElement(By.id("new-inspection")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inspection-form")));
        browser.findElement(By.name("name")).sendKeys("浏览器测试抽查");
        new Select(browser.findElement(By.name("targetKind"))).selectByValue("HOUSEHOLD");
        browser.findElement(By.name("announcement")).sendKeys("以当日福彩3D开奖号码为公开随机数");
        browser.findElement(By.name("sampleSize")).sendKeys("3");
        browser.findElement(By.name("targets")).sendKeys(String.join("\n", "H01,371526001001",
                "H02,371526001002", "H03,371526002001", "H04,371526002002", "H05,371526003001"));
        browser.findElement(By.name("inspectors")).sendKeys(String.join("\n", "P1,张一,371526001000",
                "P2,李二,371526002000", "P3,王三,371526003000", "P4,赵四,371526000000"));
        browser.findElement(By.cssSelector("#inspection-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "浏览器测试抽查"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已公告");
        browser.findElement(By.name("beacon")).sendKeys("4 1 7");
        browser.findElement(By.cssSelector("#draw button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sample")));
        List<WebElement> sampled = browser.findElements(By.cssSelector("#sample tr[data-target]"));
        assertThat(sampled).hasSize(3);
        for (WebElement row : sampled) {
            // every target of a town has that town's inspector excluded, and not assigned
            String excluded = row.findElement(By.cssSelector(".excluded")).getText();
            String assigned = row.findElement(By.cssSelector(".assigned")).getText();
            assertThat(excluded).isNotEqualTo("—");
            assertThat(assigned).doesNotContain(excluded);
        }
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已抽取");
        String verify = browser.findElement(By.id("verify-link")).getAttribute("href");
        HttpResponse<String> replay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(verify))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"drawMatches\":true");
        screenshot("inspection-drawn");

        // a campaign over the county, and its tables as XLSX
        browser.get(url("/campaigns/new"));
        browser.findElement(By.name("name")).sendKeys("浏览器测试专项治理");
        browser.findElement(By.cssSelector("#campaign-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "浏览器测试专项治理"));
        assertThat(browser.findElement(By.cssSelector("#report-byRegion tr[data-level=TOTAL]")).getText())
                .contains("合计");
        screenshot("campaign");
        String xlsx = browser.findElement(By.id("xlsx")).getAttribute("href");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(xlsx))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(new String(download.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        assertThat(consoleProblems()).as("console of the inspection and campaign pages").isEmpty();
    }
}
