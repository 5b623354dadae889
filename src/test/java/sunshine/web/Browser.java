package sunshine.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's ChromeDriver, headless. Never a downloaded browser: both paths are given, so
 * Selenium Manager is not asked for one. Browser tests run when both are installed, and must run (fail instead of
 * being skipped) when {@code SUNSHINE_REQUIRE_BROWSER=true}, as CI sets it.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SUNSHINE_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("SUNSHINE_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /** For {@code @EnabledIf("sunshine.web.Browser#available")}. */
    public static boolean available() {
        return "true".equalsIgnoreCase(System.getenv("SUNSHINE_REQUIRE_BROWSER"))
                || Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static ChromeDriver start() {
        return start(false);
    }

    /**
     * @param consoleLog keep the page's console messages (script errors, refusals by the content security policy)
     *                   for {@code driver.manage().logs().get(LogType.BROWSER)}
     */
    public static ChromeDriver start(boolean consoleLog) {
        try {
            ChromeOptions options = new ChromeOptions();
            if (consoleLog) {
                options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            }
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                    "--user-data-dir=" + Files.createTempDirectory("sunshine-chromium-"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A wait that looks again when the page replaced the element it was reading (a step's form posts and the page
     * reloads while the condition is being checked).
     */
    public static WebDriverWait waitFor(WebDriver browser, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
