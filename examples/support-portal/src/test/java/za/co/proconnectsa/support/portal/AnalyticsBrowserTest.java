package za.co.proconnectsa.support.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The analytics page in headless Chromium: Chart.js from the portal itself draws every chart. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = PortalBrowserTest.PROPERTIES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsBrowserTest {

    private static final List<String> CHARTS = List.of("chart-channels", "chart-requests", "chart-response",
            "chart-sla", "chart-backlog", "chart-words");

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = Browser.start(port);
    }

    @AfterAll
    void stopBrowser() throws Exception {
        browser.close();
    }

    @Test
    void theAnalyticsPageDrawsItsChartsWithChartJsServedByThePortal() throws Exception {
        browser.signIn("sipho", PortalBrowserTest.PASSWORD);
        browser.open("/admin/analytics?days=30");
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> "true".equals(
                d.findElement(By.id("charts")).getAttribute("data-ready")));

        Object version = browser.driver.executeScript("return window.Chart && window.Chart.version;");
        assertThat(version).isEqualTo("4.4.1");
        @SuppressWarnings("unchecked")
        List<String> scripts = (List<String>) browser.driver.executeScript(
                "return Array.from(document.scripts).map(function (s) { return s.src; });");
        assertThat(scripts).allSatisfy(src -> assertThat(src).startsWith("http://localhost:" + port + "/"))
                .anySatisfy(src -> assertThat(src).endsWith("/webjars/chart.js/4.4.1/dist/chart.umd.js"));
        for (String id : CHARTS) {
            WebElement canvas = browser.find("#" + id);
            assertThat(canvas.getAttribute("data-drawn")).as(id).isEqualTo("true");
            assertThat(canvas.getSize().getWidth()).as(id).isGreaterThan(100);
            assertThat(canvas.getSize().getHeight()).as(id).isGreaterThan(50);
            Object painted = browser.driver.executeScript(
                    "var c = arguments[0], d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                            + "for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { return true; } } return false;",
                    canvas);
            assertThat(painted).as(id + " has pixels drawn").isEqualTo(true);
        }
        assertThat(browser.driver.findElements(By.id("charts-error"))).isEmpty();
        Object words = browser.driver.executeScript("var c = document.getElementById('chart-words').chart;"
                + "return c.data.labels.length + ':' + c.data.datasets[0].data.reduce(function (a, b) { return a + b; }, 0);");
        assertThat(String.valueOf(words)).as("common words drawn").matches("[1-9][0-9]*:[1-9][0-9]*");
        assertThat(browser.text("#advice-strategy")).isNotBlank();
        // The whole page, charts included, in one picture
        browser.driver.manage().window().setSize(new Dimension(1280, 3300));
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> browser.find("#chart-words")
                .getSize().getWidth() > 1000);
        browser.screenshot("analytics");
        browser.driver.manage().window().setSize(new Dimension(1280, 1000));

        new Select(browser.find("#period-days")).selectByValue("7");
        browser.find("#period-preset").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> "true".equals(
                d.findElement(By.id("charts")).getAttribute("data-ready")));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/analytics?days=7");
        Object bars = browser.driver.executeScript(
                "return document.getElementById('chart-requests').chart.data.labels.length;");
        assertThat(bars).isEqualTo(7L);
    }

    @Test
    void theDataSubjectsPageAsksBeforeErasing() throws Exception {
        browser.signIn("lerato", PortalBrowserTest.PASSWORD);
        browser.open("/admin/data-subjects");
        browser.waitFor("#subject-form");
        browser.screenshot("data-subjects");
        browser.type("#requesterId", "nobody-known");
        browser.type("#reason", "Erasure request by phone");
        browser.find("#erase").click();
        browser.waitFor("#erase-form");
        assertThat(browser.text("#erase-requester")).isEqualTo("nobody-known");
        browser.screenshot("data-subject-erase");
        browser.find("#erase-cancel").click();
        browser.waitFor("#subject-form");
    }
}
