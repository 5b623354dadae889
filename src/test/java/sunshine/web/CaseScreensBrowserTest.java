package sunshine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
 * A case from the data to its closing, in a real browser (Debian's Chromium) against the real server on H2, signed
 * in through the login page: the county imports a file through /imports and runs a check from /checks (progress
 * polled by htmx), the town opens the clue and works it through the forms (verification, confirmation, stopping the
 * benefit, a recovery in two parts, an evidence file), the county closes it; a user of another town can neither see
 * nor reach the clue by any URL. Screenshots go to {@code <build dir>/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sunshine.checks.schedule.enabled=false", "sunshine.ledger.escalation-cron=-"})
@EnabledIf("sunshine.web.Browser#available")
class CaseScreensBrowserTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    static final String COUNTY_USER = "case.county";
    static final String TOWN_USER = "case.town";
    static final String OTHER_TOWN_USER = "case.town2";
    static final String PASSWORD = "case-screens-2026";

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

    @BeforeEach
    void start() {
        TestDatabases.clear(jdbc);
        browser = Browser.start();
        wait = Browser.waitFor(browser, Duration.ofSeconds(60));
    }

    private void account(String user, String name, Role role, String region) {
        if (accounts.find(user).isEmpty()) {
            accounts.create(Actor.system(Fixtures.PROVINCE), new UserAccounts.NewUser(user, name, role, region),
                    PASSWORD);
        }
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
        Path classes = Path.of(CaseScreensBrowserTest.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        return Files.createDirectories(classes.getParent().resolve("screenshots"));
    }

    private void screenshot(String name) throws Exception {
        Files.write(screenshots().resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** Signs in through the login page as a fresh session. */
    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#login button")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "民政资金监管概览"));
    }

    private HttpResponse<String> fetch(String path) throws Exception {
        String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Fills a form's field (input or textarea) by name. */
    private void fill(WebElement form, String name, String value) {
        WebElement field = form.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    /** Takes a step through its form and waits for the item's page to show the new status. */
    private void step(String step, String status, String... fields) {
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-" + step)));
        for (int i = 0; i < fields.length; i += 2) {
            fill(form, fields[i], fields[i + 1]);
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("main.case"), "data-status", status));
    }

    /** Records a rectification action through its form; waits for the page to list it. */
    private void action(String kind, String amount, String reference) {
        int before = browser.findElements(By.cssSelector("#actions tr[data-kind]")).size();
        WebElement form = browser.findElement(By.id("action-form"));
        new Select(form.findElement(By.name("kind"))).selectByValue(kind);
        if (amount != null) {
            fill(form, "amount", amount);
        }
        fill(form, "reference", reference);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#actions tr[data-kind]"), before + 1));
    }

    private static BigDecimal yuan(String text) {
        return new BigDecimal(text.replace(",", ""));
    }

    @Test
    void aClueIsFoundWorkedAndClosedThroughTheScreensAndStaysWithinItsTown() throws Exception {
        // a generated county (every dataset, anomalies for every rule) without its death register, which the county
        // then imports through the import screen
        Path county = Files.createDirectories(tmp.resolve("county"));
        try (var files = Files.list(sunshine.checks.CheckScenario.county())) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().startsWith("deaths")) {
                    Files.copy(f, county.resolve(f.getFileName()));
                }
            }
        }
        imports.importFolder(county, "tester");
        Path deaths = Files.createDirectories(tmp.resolve("deaths")).resolve("deaths.csv");
        Files.copy(sunshine.checks.CheckScenario.county().resolve("deaths.csv"), deaths);
        String countyCode = jdbc.queryForObject("SELECT MIN(code) FROM regions WHERE level = 'COUNTY'", String.class);
        account(COUNTY_USER, "县局 办案员", Role.COUNTY, countyCode);

        signIn(COUNTY_USER);
        browser.get(url("/imports"));
        browser.findElement(By.cssSelector("#upload input[type=file]")).sendKeys(deaths.toString());
        browser.findElement(By.cssSelector("#upload button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#outcome .message.good")));

        // a check run from the screen, its progress polled until it has finished
        browser.get(url("/checks"));
        WebElement form = browser.findElement(By.id("start-run"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-10'",
                form.findElement(By.name("period")));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("run"), "data-status", "COMPLETED"));
        String runId = browser.findElement(By.id("run")).getAttribute("data-run");
        assertThat(browser.findElement(By.cssSelector("#by-rule tr[data-rule=A01]")).getText()).contains("A01");
        assertThat(browser.findElement(By.id("inputs")).getText()).contains("deaths.csv");
        assertThat(browser.findElement(By.id("parameters")).getText()).contains("lookback");
        screenshot("cases-check-run");
        HttpResponse<String> csv = fetch(browser.findElement(By.cssSelector("#downloads a.download"))
                .getAttribute("href").replace(url(""), ""));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("A01");

        // the clues reach the ledger (taken in after the run, in the background)
        String item = null;
        for (int i = 0; i < 120 && item == null; i++) {
            browser.get(url("/clues?run=" + runId + "&rule=A01&sort=id&dir=asc"));
            var rows = browser.findElements(By.cssSelector("#items tr[data-item]"));
            if (!rows.isEmpty()) {
                item = rows.get(0).getAttribute("data-item");
            } else {
                Thread.sleep(500);
            }
        }
        assertThat(item).as("an A01 clue in the clue list").isNotNull();
        String page = "/ledger/" + item;
        var row = jdbc.queryForMap("SELECT town_code, subject, id_no FROM ledger_item WHERE id = ?", Long.valueOf(item));
        String town = (String) row.get("town_code");
        String subject = (String) row.get("subject");
        String idNo = (String) row.get("id_no");
        String otherTown = jdbc.queryForObject("SELECT MIN(code) FROM regions WHERE level = 'TOWN' AND code <> ?",
                String.class, town);
        account(TOWN_USER, "乡镇 核查员", Role.TOWN, town);
        account(OTHER_TOWN_USER, "另一乡镇 核查员", Role.TOWN, otherTown);
        assertThat(browser.getPageSource()).doesNotContain(idNo);
        assertThat(browser.findElement(By.id("items")).getText()).contains(sunshine.security.Masking.idNumber(idNo));
        screenshot("cases-clue-list");

        // the town works it
        signIn(TOWN_USER);
        browser.get(url("/clues?rule=A01&q=" + item));
        browser.findElement(By.cssSelector("#items tr[data-item='" + item + "'] a.item-link")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("main.case"), "data-status", "ASSIGNED"));
        assertThat(browser.findElement(By.id("explanation")).getText()).contains("死亡");
        assertThat(browser.findElements(By.cssSelector("form.step[id^=step-]"))).hasSize(1);
        step("START_VERIFICATION", "VERIFYING", "reason", "调取公安死亡信息，入户核实");

        Path proof = tmp.resolve("死亡证明.txt");
        Files.writeString(proof, "公安户籍注销证明：该对象已死亡。\n", StandardCharsets.UTF_8);
        WebElement upload = browser.findElement(By.id("evidence-form"));
        upload.findElement(By.name("file")).sendKeys(proof.toString());
        fill(upload, "note", "派出所出具");
        upload.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("evidence"), "死亡证明.txt"));

        step("CONFIRM", "CONFIRMED", "finding", "2026年6月死亡，7月起多发特困供养金", "reason", "核查属实");
        step("START_RECTIFICATION", "RECTIFYING", "reason", "停发并追缴");
        action("STOP_BENEFIT", null, "高民停〔2026〕12号");
        BigDecimal owed = yuan(browser.findElement(By.id("outstanding")).getText());
        assertThat(owed).isPositive();
        action("RECOVERY", "100.00", "收据0001");
        assertThat(yuan(browser.findElement(By.id("outstanding")).getText())).isEqualByComparingTo(
                owed.subtract(new BigDecimal("100.00")));
        action("RECOVERY", owed.subtract(new BigDecimal("100.00")).toPlainString(), "收据0002");
        assertThat(browser.findElement(By.id("outstanding")).getText()).isEqualTo("0.00");
        step("SUBMIT_FOR_REVIEW", "REVIEW", "reason", "已停发，资金全部追回");
        assertThat(browser.findElements(By.cssSelector("form.step[id^=step-]"))).isEmpty();
        screenshot("cases-item-town");

        // another town: not in its lists, not found by any URL
        signIn(OTHER_TOWN_USER);
        browser.get(url("/clues?rule=A01&q=" + item));
        assertThat(browser.findElements(By.cssSelector("#items tr[data-item]"))).isEmpty();
        browser.get(url("/ledger"));
        assertThat(browser.findElements(By.cssSelector("#items tr[data-item='" + item + "']"))).isEmpty();
        // the region column shows names; its title holds the code
        assertThat(browser.findElements(By.cssSelector("#items td:nth-child(6)")).stream()
                .map(td -> td.getAttribute("title")))
                .isNotEmpty()
                .allSatisfy(region -> assertThat(region).startsWith(otherTown.substring(0, 9)));
        browser.get(url(page));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("未找到");
        assertThat(browser.getPageSource()).doesNotContain(subject, "死亡");
        screenshot("cases-other-town-404");
        for (String path : new String[] {page, "/api/ledger/items/" + item, "/api/ledger/items/" + item + "/history",
                "/api/ledger/items/" + item + "/evidence", "/api/ledger/items/" + item + "/evidence/1/content"}) {
            assertThat(fetch(path).statusCode()).as(path).isEqualTo(404);
        }
        for (String path : new String[] {"/clues?run=" + runId, "/ledger?view=overdue",
                "/api/checks/runs/" + runId + "/clues", "/api/checks/runs/" + runId + "/clues.csv",
                "/api/ledger/items?limit=1000"}) {
            HttpResponse<String> answer = fetch(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.body()).as(path).doesNotContain(subject, "\"regionCode\":\"" + town.substring(0, 9),
                    "data-item=\"" + item + "\"");
        }

        // the county closes it (someone else than who submitted it)
        signIn(COUNTY_USER);
        browser.get(url(page));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("main.case"), "data-status", "REVIEW"));
        step("CLOSE", "CLOSED", "reason", "县级审核：已停发、已全额追回");
        assertThat(browser.findElement(By.id("status-label")).getText()).isEqualTo("已销号");
        assertThat(browser.findElement(By.id("history")).getText()).contains("乡镇 核查员", "县局 办案员",
                "调取公安死亡信息，入户核实", "县级审核：已停发、已全额追回");
        screenshot("cases-item-closed");

        browser.get(url("/ledger?status=CLOSED&lang=en"));
        assertThat(browser.findElement(By.cssSelector("#items tr[data-item='" + item + "']")).getText())
                .contains("Closed");
        browser.get(url("/clues?lang=zh_CN"));
    }
}
