package org.weatherbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.weatherbatch.location.ZipcodeCoordinates;

/**
 * Opens a report of every zipcode of the bundled table (the page at its full size) from disk
 * in a real headless Chromium: it draws without a console error or a single request, a dot
 * per zipcode and its charts. Screenshots go to target/report-screenshots.
 */
class ReportInBrowserTest {

    private static final Logger log = LoggerFactory.getLogger(ReportInBrowserTest.class);

    private static final Path OUT = Path.of("target", "report-screenshots");

    private static final long MAX_PAGE_BYTES = 2_000_000;

    /** The ZCTAs of Guam, the Northern Mariana Islands and American Samoa, which are not on the map. */
    private static final int PACIFIC_TERRITORIES = 11;

    private static ChromeDriver browser;

    private static ReportPage page;

    private static Path file;

    @BeforeAll
    static void writeTheReportAndStartTheBrowser() throws Exception {
        browser = Chromium.start(1100, 4300);
        Files.createDirectories(OUT);
        page = SyntheticNight.page(ZipcodeCoordinates.load());
        file = OUT.resolve("zipcodes-2026-11-27-report.html");
        new PageTemplate().write("report.html", page, file);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aNightOfEveryZipcodeOpensFromDiskWithoutTheNetwork() throws Exception {
        assertThat(Files.size(file)).as("the page of %d zipcodes", page.map().dots()).isLessThan(MAX_PAGE_BYTES);

        browser.get(Chromium.url(file));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        String readyMs = browser.findElement(By.tagName("body")).getDomAttribute("data-ready-ms");
        log.info("The report of {} zipcodes ({} bytes) was drawn {} ms after its navigation started",
                page.map().dots(), Files.size(file), readyMs);

        assertThat(Chromium.consoleErrors(browser)).isEmpty();
        assertThat(Chromium.requests(browser)).as("nothing but the page itself")
                .allMatch(url -> url.equals(Chromium.url(file)) || url.startsWith("data:"));
        assertThat(browser.findElements(By.cssSelector("#map .zip"))).as("a dot per zipcode of the table")
                .hasSize(ZipcodeCoordinates.load().size() - PACIFIC_TERRITORIES);
        assertThat(browser.findElements(By.cssSelector("#map rect.failed"))).hasSize(page.map().failedX().size());
        for (String chart : new String[] { "chart-rate", "chart-events", "chart-latency", "chart-nights" }) {
            assertThat(drawnPixels(chart)).as("pixels drawn in " + chart).isGreaterThan(2000);
        }
        assertThat(browser.findElements(By.cssSelector("#nights tr"))).as("a header and 30 nights").hasSize(31);
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("COMPLETED").contains("open-meteo");

        Files.write(OUT.resolve("report-33000.png"), browser.getScreenshotAs(OutputType.BYTES));
        int last = page.map().failedX().size() - 1;
        new Actions(browser).moveToElement(browser.findElement(By.cssSelector("#map rect[data-f='" + last + "']")))
                .perform();
        assertThat(browser.findElement(By.id("tip")).getText()).as("the top dot's zipcode and reason")
                .isEqualTo(page.map().failedZips().substring(last * 5) + ": failed, " + page.map().reasons()
                        .get(page.map().failedReasons().get(last)).code());
    }

    /** Pixels that a chart's canvas has drawn on: uPlot clears it to transparent first. */
    private long drawnPixels(String chart) {
        return (Long) browser.executeScript("""
                const canvas = document.querySelector('#' + arguments[0] + ' canvas');
                if (!canvas) return 0;
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let drawn = 0;
                for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) drawn++;
                return drawn;""", chart);
    }
}
