package cn.shaoxing.pilotbase.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through Debian's chromedriver. Nothing is downloaded: when the
 * packages are missing the test FAILS with the install command (CI installs them in .ci/run).
 * Paths can be overridden with -Dbrowser.chromium=... and -Dbrowser.chromedriver=.... The browser is
 * set to Chinese (--lang=zh-CN, Accept-Language zh-CN) and to the time zone Asia/Shanghai.
 */
final class Chromium {

  static final String INSTALL_HINT =
      "apt-get install -y chromium chromium-driver fonts-noto-cjk";

  private Chromium() {}

  static ChromeDriver start() {
    File binary = new File(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    File driver = new File(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    if (!binary.canExecute() || !driver.canExecute()) {
      fail("浏览器测试需要 Debian 的 Chromium 和 ChromeDriver，但未找到 " + binary + " 或 " + driver
          + "。请先安装：" + INSTALL_HINT + "（.ci/run 会安装它们）");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("pilotbase-chromium-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1143" /* viewport 1400x1000 */, "--lang=zh-CN",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh,en"));
    // the page's console (errors, CSP refusals) for driver.manage().logs().get(LogType.BROWSER)
    org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
    logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driver)
        .usingAnyFreePort()
        .withLogFile(new File("target/chromedriver.log"))
        // the bureau's time zone, whatever the machine's: the webapps show dates in the browser's zone
        .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
        .build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return chrome;
  }
}
