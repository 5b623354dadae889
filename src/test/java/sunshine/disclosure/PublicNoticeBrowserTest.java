package sunshine.disclosure;

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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
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
import sunshine.registry.TestDatabases;
import sunshine.web.Browser;

/**
 * A citizen in a real browser (Debian's Chromium) against the real server on H2, never signed in: finds the
 * village from the county, reads its list, downloads it and has it verified, sees a changed copy caught, reports a
 * problem through the form (CSRF token and all) and tracks it. Screenshots go to {@code <build dir>/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIf("sunshine.web.Browser#available")
class PublicNoticeBrowserTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NoticeService notices;
    @TempDir
    Path tmp;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        NoticeFixture.clear(jdbc);
        new NoticeFixture(jdbc).write();
        notices.publishAll(NoticeFixture.COUNTY_STAFF);
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

    /** {@code <build dir>/screenshots}: next to the test classes, wherever the build puts them. */
    private static Path screenshots() throws Exception {
        Path classes = Path.of(PublicNoticeBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.createDirectories(classes.getParent().resolve("screenshots"));
    }

    private void screenshot(String name) throws Exception {
        Files.write(screenshots().resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aCitizenFindsAListVerifiesItAndReportsAProblem() throws Exception {
        // county → town → village
        browser.get(url("/public"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "民政资金公示"));
        browser.findElement(By.cssSelector("#counties li[data-region='" + NoticeFixture.COUNTY + "'] a")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "高唐县"));
        browser.findElement(By.cssSelector("#children li[data-region='" + NoticeFixture.TOWN + "'] a")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "鱼邱湖街道"));
        browser.findElement(By.cssSelector("#children li[data-region='" + NoticeFixture.VILLAGE + "'] a")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "新华社区公示名单"));

        WebElement dibao = browser.findElement(By.id("list-DIBAO_URBAN"));
        assertThat(dibao.findElement(By.cssSelector("table.notice-rows tbody")).getText())
                .contains("张*", "1,240.00", "阿******提", "1,860.00");
        assertThat(dibao.getText()).contains("签名有效", "历次版本的摘要链完整");
        assertThat(browser.getPageSource()).doesNotContain(NoticeFixture.ZHANG, "张伟", NoticeFixture.PHONE);
        screenshot("public-notice-village");

        // the same page on a phone
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-DIBAO_URBAN")));
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        screenshot("public-notice-village-phone");
        browser.manage().window().setSize(new Dimension(1400, 1000));

        // download the list (as the link says) and have it verified
        String csvUrl = browser.findElement(By.cssSelector("#list-DIBAO_URBAN a.download-csv")).getAttribute("href");
        byte[] csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(csvUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        Path file = Files.write(tmp.resolve("notice.csv"), csv);
        browser.get(url("/public/notices/verify"));
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#verify button")).click();
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        assertThat(result.getAttribute("data-outcome")).isEqualTo("MATCH");
        assertThat(result.getText()).contains("一致", "新华社区");
        screenshot("public-notice-verified");

        // a copy someone changed (an amount raised, the total fixed up)
        String text = new String(csv, StandardCharsets.UTF_8);
        Path changed = Files.writeString(tmp.resolve("changed.csv"), text.replace("张*,2,1240.00", "张*,2,1840.00")
                .replace("monthly_total,3100.00", "monthly_total,3700.00"), StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(changed.toString());
        browser.findElement(By.cssSelector("#verify button")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("result"), "data-outcome", "CHANGED"));
        assertThat(browser.findElement(By.cssSelector("#result ul.differences")).getText())
                .contains("张*,2,1240.00", "张*,2,1840.00");
        screenshot("public-notice-changed");

        // report a problem from the village's page: the region is chosen already
        browser.get(url("/public/notices/" + NoticeFixture.VILLAGE));
        browser.findElement(By.cssSelector("p.complain a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint")));
        assertThat(browser.findElement(By.id("chosen")).getText()).contains("高唐县", "鱼邱湖街道", "新华社区");
        browser.findElement(By.id("content")).sendKeys("新华社区有一户人家开着小汽车还在领取低保金，请核查。");
        browser.findElement(By.id("program")).sendKeys("城市最低生活保障");
        screenshot("public-complaint-form");
        browser.findElement(By.cssSelector("#complaint button")).click();
        WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code")));
        String tracking = code.getText();
        assertThat(tracking).matches("TS-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        screenshot("public-complaint-received");

        browser.findElement(By.id("track")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
        assertThat(browser.findElement(By.id("stage")).getText()).isEqualTo("已受理");
        browser.findElement(By.linkText("English")).click();
        wait.until(ExpectedConditions.textToBe(By.id("stage"), "received"));
        screenshot("public-complaint-status");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_item WHERE source = 'COMPLAINT'", Long.class))
                .isGreaterThanOrEqualTo(1L);
    }
}
