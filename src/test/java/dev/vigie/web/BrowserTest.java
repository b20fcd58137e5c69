package dev.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigie.demo.AggregateXml;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app in a real headless Chromium (the system's, driven by the system chromedriver; never a
 * downloaded browser): sign in with TOTP, onboard a client and a domain, upload a report, read the
 * domain page and the simulator, and a client viewer's restricted view. Screenshots go to
 * target/screenshots. Skipped when chromium or chromedriver is not installed (.ci/run installs
 * them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static TestServer server;
  static WebDriver browser;
  static final Path SHOTS = Path.of("target", "screenshots");

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "browser tests skipped: install chromium and chromium-driver (Debian) to run them");
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--disable-gpu", "--window-size=1280,1000", "--lang=en-GB");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, o);
    server = new TestServer();
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  static void open(String path) {
    browser.get(server.base + path);
  }

  static void shot(String name) throws IOException {
    File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Waits for the navigation a click started (sign-in takes an Argon2 verification). */
  static void waitForUrl(String suffix) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(
        ExpectedConditions.urlMatches(java.util.regex.Pattern.quote(suffix) + "(\\?.*)?$"));
  }

  static String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  @Test
  @Order(1)
  void signIn_withTotp() throws IOException {
    open("/login");
    shot("01-sign-in");
    browser.findElement(By.id("email")).sendKeys(server.adminA.email());
    browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    waitForUrl("/login/totp");
    shot("02-totp");
    browser.findElement(By.id("code")).sendKeys(server.nextCode(server.adminA));
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitForUrl("/overview");
    assertThat(text("h1")).isEqualTo("Overview of all clients");
    shot("03-overview");
  }

  @Test
  @Order(2)
  void onboard_clientAndDomain() throws IOException {
    open("/onboarding");
    new Select(browser.findElement(By.id("client"))).selectByValue("new");
    browser.findElement(By.id("name")).sendKeys("Fleuriste Rose");
    browser.findElement(By.id("domain")).sendKeys("rose.example");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitForUrl("/domains/rose.example/setup");
    assertThat(text("#dmarc-record")).contains("_dmarc.rose.example")
        .contains("rua=mailto:dmarc@reports.msp.example");
    assertThat(text("#auth-record")).contains("rose.example._report._dmarc.reports.msp.example")
        .contains("v=DMARC1");
    shot("04-onboarding-records");
  }

  @Test
  @Order(3)
  void upload_thenDomainPage_showsTheNumbers() throws IOException {
    LocalDate yesterday = LocalDate.now(server.clock.withZone(ZoneOffset.UTC)).minusDays(1);
    Instant begin = yesterday.atStartOfDay().toInstant(ZoneOffset.UTC);
    byte[] report = AggregateXml.gzip(new AggregateXml.Header("google.com",
        "noreply-dmarc-support@google.com", "browser-1", begin, begin.plusSeconds(86399),
        "rose.example", "none", null, null), List.of(
        new AggregateXml.Row("209.85.220.41", 120, "none", "pass", "pass", "rose.example",
            "rose.example", List.of(new AggregateXml.Auth("rose.example", "google", "pass")),
            List.of(new AggregateXml.Auth("rose.example", "mfrom", "pass"))),
        new AggregateXml.Row("203.0.113.66", 30, "none", "fail", "fail", "rose.example",
            "spammer.example", List.of(), List.of(new AggregateXml.Auth("spammer.example",
                "mfrom", "fail")))));
    Path file = Files.createTempFile("google-rose", ".xml.gz");
    Files.write(file, report);
    open("/upload");
    browser.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.results")));
    assertThat(text("ul.results")).contains("1 new report(s)");
    shot("05-upload");
    open("/domains/rose.example");
    assertThat(text("figure figcaption")).contains("150 messages").contains("80.0 %");
    assertThat(text("#services")).contains("120").contains("30");
    shot("06-domain");
    open("/domains/rose.example/simulate?policy=reject&days=30");
    assertThat(text("#sim-messages .big")).isEqualTo("150");
    assertThat(text("#sim-affected .big")).isEqualTo("30");
    shot("07-simulator");
  }

  @Test
  @Order(4)
  void clientViewer_seesOnlyTheirOwnDomains_inFrench() throws IOException {
    open("/account");
    browser.findElement(By.cssSelector("header form[action='/logout'] button")).click();
    waitForUrl("/login");
    open("/login");
    browser.findElement(By.id("email")).sendKeys(server.viewerA1.email());
    browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitForUrl("/clients/" + server.clientA1);
    assertThat(text("h1")).isEqualTo("Boulangerie Dupont");
    assertThat(browser.getPageSource()).contains("dupont.example")
        .doesNotContain("Garage Martin").doesNotContain("Ajouter un domaine");
    assertThat(text("nav")).doesNotContain("Vue d'ensemble").contains("Mes domaines");
    shot("08-viewer-client");
    open("/overview");
    assertThat(text("h1")).isEqualTo("Non autorisé");
    open("/domains/martin.example");
    assertThat(text("h1")).isEqualTo("Introuvable");
    shot("09-viewer-refused");
  }
}
