package org.parkchain.node.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parkchain.primitives.UInt256;

/**
 * The issue's browser tests: Debian's headless Chromium, driven by Selenium through Debian's chromedriver, against a
 * --dev node after the park's story. Without chromium and chromedriver installed the tests are skipped with a loud
 * message (CI installs them: .ci/run). Screenshots go to target/explorer-screenshots; the ones in docs/ were taken
 * by these tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("parkchain.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("parkchain.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SHOTS = Path.of("target", "explorer-screenshots");

    private ExplorerStoryTest.StoryNode story;
    private WebDriver browser;
    private Path downloads;
    private Path profile;

    @BeforeAll
    void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "SKIPPING the explorer's browser tests: " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver; CI's .ci/run does)";
            System.err.println("\n*** " + message + " ***\n");
            Assumptions.abort(message);
        }
        story = ExplorerStoryTest.StoryNode.start();
        downloads = Files.createTempDirectory("explorer-downloads");
        profile = Files.createTempDirectory("explorer-chromium-profile");
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (story != null) {
            story.close();
        }
    }

    private void open(String path) {
        browser.get(story.base() + path);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void screenshot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void search(String query) {
        var box = browser.findElement(By.id("search"));
        box.clear();
        box.sendKeys(query, Keys.ENTER);
        waiting().until(d -> d.findElement(By.tagName("footer")) != null && !d.getCurrentUrl().endsWith("/"));
    }

    @Test
    void theHomePageShowsNewBlocksArrivingLive() throws IOException {
        open("/");
        waiting().until(d -> "yes".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
        // The script replaces the table's body when a block arrives: a row read in between is stale, read it again.
        long before = waiting().ignoring(StaleElementReferenceException.class).until(d ->
                Long.parseLong(d.findElement(By.cssSelector("#latest-blocks tbody tr td")).getText()));
        // A new block, without reloading the page: it must arrive over the WebSocket subscription.
        story.wallet().send(story.cast().koreanCompany(), story.cast().treasury(), UInt256.of(1), new byte[0],
                OptionalLong.of(21_000));
        waiting().ignoring(StaleElementReferenceException.class).until(d ->
                Long.parseLong(d.findElement(By.cssSelector("#latest-blocks tbody tr td")).getText()) > before);
        assertThat(text("head-number")).isEqualTo(Long.toString(story.node().chain().head().number()));
        assertThat(browser.findElements(By.cssSelector("#throughput canvas"))).isNotEmpty();
        waiting().until(d -> !d.findElement(By.id("health-status")).getText().equals("…"));
        // A lone --dev node is no cluster member: parkchain_clusterStatus answers an error and the card stays hidden.
        assertThat(browser.findElement(By.id("cluster")).isDisplayed()).isFalse();
        screenshot("explorer-home");
    }

    @Test
    void searchingATransactionHashOpensItWithDecodedEvents() throws IOException {
        open("/");
        search(story.txHash("finalize"));
        assertThat(text("tx-status")).isEqualTo("success");
        assertThat(text("decoded-input")).contains("finalize").contains("offeringId");
        String events = text("tx-events");
        assertThat(events).contains("LevyPaid").contains("OfferingFinalized").contains("levy (uint256)");
        screenshot("explorer-transaction");
    }

    @Test
    void aFailedTransactionShowsItsRevertReason() {
        open("/tx/" + story.txHash("toBlocked"));
        assertThat(text("tx-status")).isEqualTo("failed");
        assertThat(text("revert-reason")).isEqualTo("token: transfer to a blocked address");
    }

    @Test
    void aTransactionThroughAContractShowsItsInternalCalls() throws IOException {
        open("/tx/" + story.relayTx());
        assertThat(text("tx-status")).isEqualTo("success");
        List<org.openqa.selenium.WebElement> rows = browser.findElements(By.cssSelector("#internal-calls tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getAttribute("data-depth")).isEqualTo("1");
        assertThat(rows.get(0).getText()).contains("CALL").contains("park registry").contains("addBoardMember")
                .contains("execution reverted").contains("registry: board-only function, call it through a proposal");
        assertThat(rows.get(1).getText()).contains("STATICCALL").contains("MSL").contains("balanceOf").contains("ok");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('internal-calls').scrollIntoView()");
        screenshot("explorer-internal-calls");
    }

    @Test
    void aResidentsPageShowsRolesAndHistory() throws IOException {
        open("/");
        search("Capital Token");
        assertThat(text("resident-roles")).isEqualTo("ICO_ORGANISER, PLATFORM_OPERATOR");
        assertThat(text("resident-history")).contains("ResidencyApplied").contains("RolesChanged")
                .contains("ResidentStatusChanged");
        screenshot("explorer-resident");
    }

    @Test
    void theOfferingPageShowsTheOutcomeAndTheLevy() throws IOException {
        open("/park/offerings");
        browser.findElement(By.linkText("#" + story.outcome().offeringId())).click();
        waiting().until(d -> !d.findElements(By.id("offering-state")).isEmpty());
        assertThat(text("offering-state")).isEqualTo("Succeeded");
        assertThat(text("offering-levy")).startsWith("15 coin");
        assertThat(browser.findElements(By.cssSelector("#subscriptions tbody tr"))).hasSize(2);
        screenshot("explorer-offering");
    }

    @Test
    void aMarketsPageShowsItsTradesDepthAndCandles() throws IOException {
        open("/park/markets");
        browser.findElement(By.linkText("#" + story.outcome().trading().platformMarket())).click();
        waiting().until(d -> !d.findElements(By.id("market-trades")).isEmpty());
        assertThat(text("market-last")).isEqualTo("0.0012");
        List<org.openqa.selenium.WebElement> trades = browser.findElements(By.cssSelector("#market-trades tbody tr"));
        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).getText()).contains("0.0012").contains("40,000");
        assertThat(text("market-depth")).contains("ask 0.0012 60,000");
        waiting().until(d -> !d.findElements(By.cssSelector("#depth-chart canvas")).isEmpty()
                && !d.findElements(By.cssSelector("#candles-chart canvas")).isEmpty());
        // One candlestick per candle of the API, its body painted in the rising colour (open = close: one trade).
        int candles = story.api("/api/park/markets/" + story.outcome().trading().platformMarket()
                + "/candles?interval=1m").path("candles").size();
        waiting().until(d -> String.valueOf(candles).equals(
                d.findElement(By.id("candles-chart")).getAttribute("data-candles-drawn")));
        Long rising = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var c = document.querySelector('#candles-chart canvas');"
                + "var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                + "for (var i = 0; i < px.length; i += 4) if (px[i] === 43 && px[i + 1] === 138 && px[i + 2] === 62) n++;"
                + "return n;");
        assertThat(rising).isGreaterThan(20L);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('candles-chart').scrollIntoView()");
        screenshot("explorer-market");
    }

    @Test
    void theLevyCsvDownloadsWithTheRightRows() throws IOException {
        open("/park/levy?period=quarter");
        assertThat(browser.findElements(By.cssSelector("#levy-chart canvas"))).isNotEmpty();
        screenshot("explorer-levy");
        browser.findElement(By.id("levy-csv")).click();
        Path file = downloads.resolve("park-levy-by-quarter.csv");
        waiting().until(d -> Files.isRegularFile(file) && file.toFile().length() > 0);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("period,resident,resident_name,asset,revenue,levy,payments");
        // The offering's levy, then the trading act's: the platform operator's and the exchange office's fees.
        assertThat(lines.subList(1, 4)).anySatisfy(l -> assertThat(l).matches("\\d{4}-Q[1-4],0x[0-9a-fA-F]{40},"
                + "Minsk Software Labs,0x0{40},1500000000000000000000,15000000000000000000,1"))
                .anySatisfy(l -> assertThat(l).matches("\\d{4}-Q[1-4],0x[0-9a-fA-F]{40},"
                + "Capital Token Organiser,0x0{40},144000000000000000,1440000000000000,1"))
                .anySatisfy(l -> assertThat(l).matches("\\d{4}-Q[1-4],0x[0-9a-fA-F]{40},"
                + "Minsk Exchange Office,0x0{40},150000000000000000,1500000000000000,1"));
    }

    @Test
    void aBlockedAddressShowsAsBlocked() throws IOException {
        open("/");
        search(story.cast().blocked().toChecksumHex());
        assertThat(text("park-status")).startsWith("Blocked");
        open("/park/blocked");
        assertThat(text("blocked")).contains(story.cast().blocked().toChecksumHex()).contains("board proposal");
        screenshot("explorer-blocked");
    }

    @Test
    void aMissingHashShowsAFriendlyNotFoundPage() throws IOException {
        open("/");
        search("0x" + "ab".repeat(32));
        assertThat(text("not-found")).contains("Nothing on this chain matches").contains("Back to the latest blocks");
        screenshot("explorer-not-found");
    }

    @Test
    void aTokenNamedLikeAScriptIsShownAsTextAndNothingRuns() throws IOException {
        open("/token/" + story.xssToken().toChecksumHex());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(ExplorerStoryTest.XSS_NAME + " (<b>X</b>)");
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElements(By.cssSelector("main b"))).isEmpty();
    }

    @Test
    void pagesFitAPhoneScreen() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/park/residents");
            Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0L);
            screenshot("explorer-phone-residents");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }
}
