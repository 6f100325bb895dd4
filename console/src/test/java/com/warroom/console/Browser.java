package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: headless Chromium from Debian's packages (chromium, chromium-driver; .ci/run installs them),
 * driven through chromedriver, at a phone's width (360 px) or a laptop's. Saves a screenshot of every page it
 * checks under target/screenshots/ and runs axe-core on it.
 */
final class Browser implements AutoCloseable {

    static final Dimension PHONE = new Dimension(360, 800);
    static final Dimension LAPTOP = new Dimension(1280, 900);
    // how long a page may take to show what a test waits for: a guard against a hang, not a timing assertion
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static String axeSource;

    private final ChromeDriver driver;
    private final RunningWarroom warroom;

    Browser(RunningWarroom warroom, Dimension size) {
        this.warroom = warroom;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(executable("chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(size);
    }

    private static String executable(String name, String debianPath) {
        if (Files.isExecutable(Path.of(debianPath))) {
            return debianPath;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is not installed: apt-get install chromium chromium-driver (.ci/run does)");
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens the console and signs in through its local sign-in page. */
    Browser signIn(String sub, String role) {
        driver.get(warroom.console().toString() + "#/sign-in");
        WebElement name = waitFor(By.id("sign-in-sub"));
        name.clear();
        name.sendKeys(sub);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sign-in-role"))).selectByValue(role);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.cssSelector("header .me"));
        return this;
    }

    Browser open(String route) {
        driver.get(warroom.console().toString() + "#" + route);
        waitFor(By.cssSelector("main h1"));
        return this;
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Waits until {@code condition} holds (what a page shows after an answer), within the same guard. */
    void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, WAIT).until(d -> condition.getAsBoolean());
    }

    void waitUntilGone(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Whether the page is wider than the window, so that a person would have to scroll sideways (on a phone: a layout bug). */
    boolean scrollsSideways() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    /** Scrolls so that the element is at the top of the window, for a screenshot of it. */
    void scrollTo(By by) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(by));
    }

    /** Saves target/screenshots/{name}.png. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** Runs axe-core (vendored for tests under src/test/resources/axe) on the page; returns its serious and critical violations. */
    List<String> seriousAccessibilityViolations() throws IOException {
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(axe()
                + ";const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)), e => done('ERROR ' + e));");
        String text = String.valueOf(result);
        assertThat(text).as("axe ran").doesNotStartWith("ERROR");
        List<String> serious = new ArrayList<>();
        for (JsonNode v : Json.readTree(text)) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> where = new ArrayList<>();
                v.path("nodes").forEach(n -> where.add(n.path("target").toString()));
                serious.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " at " + where);
            }
        }
        return serious;
    }

    private static synchronized String axe() throws IOException {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return axeSource;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
