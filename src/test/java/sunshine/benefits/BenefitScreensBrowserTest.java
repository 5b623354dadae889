package sunshine.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.benefits.BenefitTestConfig.COUNTY;
import static sunshine.benefits.BenefitTestConfig.TOWN_1;
import static sunshine.benefits.BenefitTestConfig.VILLAGE_1;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sunshine.applications.Application;
import sunshine.applications.ApplicationStatus;
import sunshine.applications.Applications;
import sunshine.payments.BatchLine;
import sunshine.payments.PaymentCycle;
import sunshine.registry.TestDatabases;
import sunshine.security.Actor;
import sunshine.security.Role;
import sunshine.security.UserAccounts;
import sunshine.web.Browser;

/**
 * A town caseworker and the county bureau in a real browser (Debian's Chromium) against the real server on H2,
 * signed in through the login page: an application from the form to enrollment through every screen, then the
 * new household's first month paid: the batch generated, confirmed by the town, pre-checked, approved, exported,
 * the bank's receipts uploaded and reconciled, the failed payment re-issued. The server's clock is the test's, so
 * that notices can run out. Screenshots go to {@code <build dir>/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(BenefitPagesTest.Clock.class)
@EnabledIf("sunshine.web.Browser#available")
class BenefitScreensBrowserTest {

    static final Path DATA = TestDatabases.newDataDir();
    static final String TOWN_USER = "browser.town";
    static final String COUNTY_USER = "browser.county.bn";
    static final String PASSWORD = "browser-benefits-2026";
    static final String HEAD = RegistryFixture.id(LocalDate.of(1961, 3, 1), 1);
    static final String SPOUSE = RegistryFixture.id(LocalDate.of(1962, 3, 1), 2);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    BenefitTestConfig.MutableClock clock;
    @Autowired
    Applications applications;
    @Autowired
    PaymentCycle cycle;
    @TempDir
    Path tmp;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        RegistryFixture.clear(jdbc);
        new RegistryFixture(jdbc).regions().standards()
                .enrolledHousehold("E0000001", "DIBAO_RURAL", VILLAGE_1, 1, "500.00", "6230000000000001", 1);
        clock.setDay(LocalDate.of(2026, 11, 2)); // a Monday
        Actor admin = Actor.system("370000000000");
        if (accounts.find(TOWN_USER).isEmpty()) {
            accounts.create(admin, new UserAccounts.NewUser(TOWN_USER, "乡镇经办 周敏", Role.TOWN, TOWN_1), PASSWORD);
        }
        if (accounts.find(COUNTY_USER).isEmpty()) {
            accounts.create(admin, new UserAccounts.NewUser(COUNTY_USER, "县局经办 吴刚", Role.COUNTY, COUNTY), PASSWORD);
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

    /** Signs in through the login page (anyone signed in before is signed out). */
    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#login button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("me")));
    }

    private static Path screenshots() throws Exception {
        Path classes = Path.of(BenefitScreensBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.createDirectories(classes.getParent().resolve("screenshots"));
    }

    private void screenshot(String name) throws Exception {
        Files.write(screenshots().resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private void type(String css, String text) {
        WebElement e = browser.findElement(By.cssSelector(css));
        e.clear();
        e.sendKeys(text);
    }

    /** Clicks the step form's button and waits for the case to reach the status. */
    private void caseStep(String form, String status) {
        browser.findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", status));
    }

    private void batchStep(String form, String status) {
        browser.findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("batch-status"), "data-status", status));
    }

    /** Lets the running notice end: the day after its last day. */
    private void noticeRunsOut(String id) {
        Application a = applications.get(Actor.system("370000000000"), id);
        clock.setDay(a.noticeTo().plusDays(1));
        browser.navigate().refresh();
    }

    @Test
    void anApplicationIsEnrolledAndItsFirstMonthPaidThroughTheScreens() throws Exception {
        // ---- the town takes the application
        signIn(TOWN_USER);
        browser.get(url("/applications"));
        browser.findElement(By.id("new-application")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("application-form")));
        browser.findElement(By.id("add-member")).click(); // one more row, by benefits.js
        assertThat(browser.findElements(By.cssSelector("#members tr.member-row"))).hasSize(7);
        assertThat(browser.findElement(By.cssSelector("#members tr[data-row='6'] input[type=text]"))
                .getAttribute("name")).isEqualTo("members[6].idNo");
        new Select(browser.findElement(By.id("program"))).selectByValue("DIBAO_RURAL");
        new Select(browser.findElement(By.id("regionCode"))).selectByValue(VILLAGE_1);
        type("#address", "一村8号");
        type("#cardNo", "6230000000000101");
        type("#bank", "高唐县农村商业银行");
        type("#declaredIncome", "四百"); // not a number: refused, nothing typed is lost
        type("input[name='members[0].idNo']", HEAD);
        type("input[name='members[0].name']", "王大山");
        browser.findElement(By.cssSelector("input[name='members[0].covered']")).click();
        type("input[name='members[1].idNo']", SPOUSE);
        type("input[name='members[1].name']", "李小花");
        new Select(browser.findElement(By.cssSelector("select[name='members[1].relation']"))).selectByValue("SPOUSE");
        browser.findElement(By.cssSelector("input[name='members[1].covered']")).click();
        browser.findElement(By.id("submit-application")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).contains("申报月收入应为金额", "declared income");
        assertThat(browser.findElement(By.cssSelector("input[name='members[1].name']")).getAttribute("value"))
                .isEqualTo("李小花");
        assertThat(browser.findElement(By.id("address")).getAttribute("value")).isEqualTo("一村8号");
        screenshot("benefits-application-refused");
        type("#declaredIncome", "400");
        browser.findElement(By.id("submit-application")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "APPLIED"));
        String caseUrl = browser.getCurrentUrl();
        String id = caseUrl.substring(caseUrl.indexOf("/applications/") + "/applications/".length(),
                caseUrl.indexOf('?'));
        assertThat(browser.getPageSource()).doesNotContain(HEAD).contains(HEAD.substring(0, 6) + "********");

        // ---- accepted: the economic check runs at once; the home visit, the appraisal, the village notice
        caseStep("step-accept", "CHECKED");
        assertThat(browser.findElement(By.id("check-clean")).isDisplayed()).isTrue();
        type("#step-visit input[name=investigator1]", RegistryFixture.id(LocalDate.of(1985, 5, 5), 11));
        type("#step-visit input[name=investigator2]", RegistryFixture.id(LocalDate.of(1986, 6, 6), 12));
        type("#step-visit textarea[name=findings]", "家中无劳动力，收入属实");
        type("#step-visit input[name=verifiedIncome]", "400");
        caseStep("step-visit", "VISITED");
        type("#step-appraisal input[name=outcome]", "评议通过 7:0");
        caseStep("step-appraisal", "APPRAISED");
        caseStep("step-notice", "VILLAGE_NOTICE");
        noticeRunsOut(id);
        type("#step-town-review input[name=opinion]", "同意");
        caseStep("step-town-review", "TOWN_REVIEWED");
        caseStep("step-notice", "TOWN_NOTICE");
        noticeRunsOut(id);
        assertThat(browser.findElements(By.id("step-approve"))).isEmpty(); // the county decides

        // ---- the county visits when it must, and decides: the amount shown with its calculation
        signIn(COUNTY_USER);
        browser.get(caseUrl);
        if (!browser.findElements(By.id("step-county-visit")).isEmpty()) {
            type("#step-county-visit input[name=investigator1]", RegistryFixture.id(LocalDate.of(1975, 5, 5), 21));
            type("#step-county-visit input[name=investigator2]", RegistryFixture.id(LocalDate.of(1976, 6, 6), 22));
            type("#step-county-visit textarea[name=findings]", "县级核查属实");
            browser.findElement(By.cssSelector("#step-county-visit button[type=submit]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        }
        assertThat(browser.findElement(By.id("formula")).getText()).isEqualTo("max(0, 600.00 − 200.00) × 2 = 800.00");
        type("#step-approve input[name=approverIdNo]", RegistryFixture.id(LocalDate.of(1970, 7, 7), 13));
        caseStep("step-approve", "APPROVED");
        assertThat(browser.findElement(By.id("amount-value")).getText()).isEqualTo("800.00");
        screenshot("benefits-application-approved");

        // ---- the town posts the approval notice and enrolls the household
        signIn(TOWN_USER);
        browser.get(caseUrl);
        caseStep("step-notice", "APPROVAL_NOTICE");
        noticeRunsOut(id);
        caseStep("step-enroll", "ENROLLED");
        String enrollment = "E" + id.substring(1);
        assertThat(browser.findElement(By.id("enrollment")).getText()).isEqualTo(enrollment);
        List<String> actions = browser.findElements(By.cssSelector("#history tr[data-action]")).stream()
                .map(e -> e.getAttribute("data-action")).toList();
        assertThat(actions).containsSubsequence("SUBMIT", "ACCEPT", "CHECK", "VISIT", "APPRAISE", "NOTICE",
                "TOWN_REVIEW", "NOTICE", "APPROVE", "NOTICE", "ENROLL");
        screenshot("benefits-application-enrolled");
        assertThat(applications.get(Actor.system("370000000000"), id).status()).isEqualTo(ApplicationStatus.ENROLLED);

        // ---- December's payroll: the county generates, the town confirms
        signIn(COUNTY_USER);
        browser.get(url("/payroll"));
        type("#generate input[name=period]", "2026-12");
        new Select(browser.findElement(By.cssSelector("#generate select[name=town]"))).selectByValue(TOWN_1);
        browser.findElement(By.cssSelector("#generate button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("made")));
        String batch = "B371526100-202612";
        WebElement row = browser.findElement(By.cssSelector("#batches tr[data-batch='" + batch + "']"));
        assertThat(row.getText()).contains("2", "1,300.00");
        assertThat(browser.findElement(By.id("page-totals")).getText()).contains("1,300.00");
        screenshot("benefits-payroll-list");

        signIn(TOWN_USER);
        browser.get(url("/payroll/" + batch));
        assertThat(browser.findElement(By.id("lines")).getText()).contains(enrollment, "800.00", "E0000001");
        batchStep("step-confirm", "SUBMITTED");
        batchStep("step-precheck", "PRECHECKED");

        // ---- the county approves and exports: paid, and says it cannot be paid again
        signIn(COUNTY_USER);
        browser.get(url("/payroll/" + batch));
        batchStep("step-approve", "APPROVED");
        type("#step-export input[name=payDate]", "");
        batchStep("step-export", "EXPORTED");
        assertThat(browser.findElement(By.id("paid")).getText()).contains("不能再次发放");
        assertThat(browser.findElements(By.id("step-export"))).isEmpty();
        String bankFile = browser.findElement(By.id("bank-file-csv")).getAttribute("href");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bankFile))
                        .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue())
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("P371526100-202612-0001", "P371526100-202612-0002");

        // ---- the bank's receipts: one payment failed; reconciled (C08), the failed one re-issued
        List<BatchLine> lines = cycle.lines(Actor.system("370000000000"), batch);
        StringBuilder sb = new StringBuilder("发放流水号,卡号,金额,状态,入账日期,失败原因\r\n");
        for (BatchLine l : lines) {
            boolean fails = l.enrollmentId().equals("E0000001");
            sb.append(l.paymentId()).append(',').append(l.cardNo()).append(',').append(l.amount().toPlainString())
                    .append(',').append(fails ? "失败" : "成功").append(",2026-12-06,").append(fails ? "账户冻结" : "")
                    .append("\r\n");
        }
        Path receipts = tmp.resolve("回单.csv");
        Files.writeString(receipts, sb, Charset.forName("GBK"));
        browser.findElement(By.cssSelector("#step-receipts input[type=file]")).sendKeys(receipts.toString());
        batchStep("step-receipts", "RECONCILED");
        assertThat(browser.findElement(By.id("clues")).getText()).contains("C08");
        assertThat(browser.findElement(By.id("failed")).getText()).contains("P371526100-202612-");
        screenshot("benefits-payroll-reconciled");
        browser.findElement(By.cssSelector("#step-reissue button[type=submit]")).click();
        WebElement reissued = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reissued a")));
        assertThat(reissued.getText()).contains(batch + "-R1");
        reissued.click();
        wait.until(ExpectedConditions.attributeToBe(By.id("batch-status"), "data-status", "GENERATED"));
        assertThat(browser.findElement(By.id("lines")).getText()).contains("E0000001", "500.00");
        screenshot("benefits-payroll-reissue");
    }
}
