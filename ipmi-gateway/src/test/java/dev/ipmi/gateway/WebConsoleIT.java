package dev.ipmi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.testing.Closeables;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real headless Chromium (Debian's chromium and chromium-driver, driven by
 * Selenium): log in, see the BMCs, power one on, open its console, type, see the echo. The page
 * loads xterm.js from the gateway itself; the browser has no network besides loopback.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WebConsoleIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static VirtualBmcs bmcs;
    private static GatewayFixture gw;
    private static WebDriver driver;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String msg = "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)";
            if (Boolean.getBoolean("ipmi.it.required")) {
                throw new AssertionError(msg);
            }
            Assumptions.abort(msg);
        }
        bmcs = VirtualBmcs.start(2);
        gw = GatewayFixture.start(GatewayVirtualBmcIT.bmc("node01", bmcs.port(0), "{rack: r1}")
                + GatewayVirtualBmcIT.bmc("node02", bmcs.port(1), "{rack: r2}"), "",
                Map.of("BMC_PASSWORD", VirtualBmcs.PASSWORD));
        profile = Files.createTempDirectory("gw-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        Closeables.closeAll(gw, bmcs);
        if (profile != null) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void logInPowerOnOpenTheConsoleTypeAndSeeTheEcho() throws Exception {
        // the BMC table is rebuilt after every action: elements found in an older copy go stale
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        driver.get("http://127.0.0.1:" + gw.port() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("alice");
        driver.findElement(By.id("password")).sendKeys(GatewayFixture.ALICE_PASSWORD);
        driver.findElement(By.id("login-button")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-bmc='node02']")));
        assertThat(driver.findElements(By.cssSelector("#bmcs tbody tr"))).hasSize(2);
        wait.until(d -> "off".equals(powerCell("node01")));

        // off asks first; dismissing the confirmation sends nothing
        click(wait, "node02", "off");
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();

        click(wait, "node01", "on");
        wait.until(d -> "on".equals(powerCell("node01")));
        assertThat(bmcs.powerOn(0)).isTrue();
        assertThat(bmcs.powerOn(1)).isFalse();

        click(wait, "node01", "console");
        wait.until(d -> rowsText().contains("vbmc login:"));
        assertThat(driver.findElement(By.id("console-role")).getText()).contains("writer");
        WebElement input = driver.findElement(By.cssSelector("#terminal .xterm-helper-textarea"));
        input.sendKeys("hello browser");
        input.sendKeys(Keys.ENTER);
        wait.until(d -> rowsText().contains("you typed: hello browser"));

        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "web-console.png"), png);

        click(wait, "node01", "detail");
        wait.until(d -> !d.findElements(By.cssSelector("#sensors tbody tr")).isEmpty());
    }

    private static void click(WebDriverWait wait, String bmc, String action) {
        wait.until(d -> {
            row(bmc).findElement(By.cssSelector("button[data-action='" + action + "']")).click();
            return true;
        });
    }

    private static WebElement row(String bmc) {
        return driver.findElement(By.cssSelector("tr[data-bmc='" + bmc + "']"));
    }

    private static String powerCell(String bmc) {
        return row(bmc).findElement(By.cssSelector("td.power")).getText();
    }

    private static String rowsText() {
        return driver.findElement(By.cssSelector("#terminal .xterm-rows")).getText();
    }
}
