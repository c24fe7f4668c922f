package keel.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in real headless Chromium (Debian's chromium and chromedriver, paths given, no
 * download): log in, see the queue, override with a reason, and find the ledger entry it produced.
 * Skipped when Chromium is missing, except under CI=true, where that fails.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserReviewTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    @TempDir
    static Path dir;
    private TestHome home;
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing; expected Debian's "
                    + "chromium and chromium-driver (./run-tests installs them)");
        }
        Assumptions.assumeTrue(present, "Chromium is not installed (apt-get install chromium chromium-driver)");
        home = new TestHome(dir);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (home != null) home.close();
    }

    private void logIn(String id) {
        browser.get(home.base() + "/login");
        browser.findElement(By.id("id")).sendKeys(id);
        browser.findElement(By.id("password")).sendKeys(id + "-demo");
        browser.findElement(By.id("log-in")).click();
    }

    @Test
    void an_owner_logs_in_overrides_with_a_reason_and_the_auditor_sees_the_ledger_entry() {
        logIn("olivia");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/queue"));
        var firstItem = browser.findElement(By.cssSelector("#queue a.item"));
        assertThat(firstItem.getText()).isEqualTo("item-00");
        assertThat(browser.findElement(By.id("queue")).getText()).contains("value at stake");

        firstItem.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#forecast-chart .uplot")).isEmpty());
        assertThat(browser.findElement(By.id("alternatives")).getText()).contains("chosen", "rejected: naive policy");
        browser.findElement(By.id("quantity")).sendKeys("33");
        new Select(browser.findElement(By.id("reasonCode"))).selectByVisibleText("promotion");
        browser.findElement(By.id("comment")).sendKeys("school holidays start");
        browser.findElement(By.id("override")).click();

        // the form posts and the page is replaced: wait for the new page, not the old one's elements
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("status")).getText().equals("overridden"));
        assertThat(browser.findElement(By.id("final-quantity")).getText()).startsWith("33");
        assertThat(browser.findElement(By.id("reviews")).getText()).contains("olivia", "override", "promotion");

        browser.findElement(By.id("log-out")).click();
        logIn("audrey");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().endsWith("/login"));
        browser.get(home.base() + "/ledger?subject=" + TestHome.awaiting(TestHome.ONLINE, 0));
        String ledger = browser.findElement(By.id("ledger")).getText();
        assertThat(ledger).contains("REVIEW", "\"action\":\"OVERRIDE\"", "\"actor\":\"olivia\"", "\"reasonCode\":\"promotion\"",
                "school holidays start");
        assertThat(browser.findElement(By.id("verification")).getAttribute("class")).isEqualTo("ok");
    }
}
