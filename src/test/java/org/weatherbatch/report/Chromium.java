package org.weatherbatch.report;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import tools.jackson.databind.json.JsonMapper;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs),
 * driven by Selenium with the driver given, so that Selenium Manager never looks for one
 * online. Where there is none the test is skipped, saying so; in CI it fails instead.
 */
final class Chromium {

    private static final Path BROWSER = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));

    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private static final JsonMapper JSON = new JsonMapper();

    private Chromium() {
    }

    /** A headless browser with a window of that size, logging the console and the network. */
    static ChromeDriver start(int width, int height) {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("No Chromium at " + BROWSER + " with its driver at " + DRIVER
                    + ": .ci/run installs them (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(present, "No Chromium at " + BROWSER + " with its driver at " + DRIVER
                + " (apt-get install chromium chromium-driver): the report's browser test is skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--hide-scrollbars", "--window-size=" + width + "," + height);
        if ("root".equals(System.getProperty("user.name"))) {
            options.addArguments("--no-sandbox"); // Chromium's sandbox refuses to run as root
        }
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName(),
                LogType.PERFORMANCE, Level.ALL.getName()));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
        return new ChromeDriver(service, options);
    }

    /** The console's errors since the last call. */
    static List<String> consoleErrors(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** The URLs of the requests the page sent since the last call (the DevTools protocol's Network events). */
    static List<String> requests(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(entry -> JSON.readTree(entry.getMessage()).path("message"))
                .filter(message -> message.path("method").asString().equals("Network.requestWillBeSent"))
                .map(message -> message.path("params").path("request").path("url").asString())
                .toList();
    }

    static String url(Path page) {
        return page.toAbsolutePath().toUri().toString();
    }
}
