package cn.shaoxing.pilotbase.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class (a JUnit extension: register it with
 * {@code @RegisterExtension static final Browser browser = new Browser();}). Every {@link #shot}
 * is saved as {@code target/screenshots/<TestClass>/NN-description.png}, numbered in the order
 * taken, so the folder reads as the story; a failing test adds {@code NN-FAILED-<test>.png} and
 * the page source next to it.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, TestWatcher {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private WebDriver driver;
  private Path dir;
  private int counter;
  private boolean failed;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Path.of("target", "screenshots", context.getRequiredTestClass().getSimpleName());
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
    driver = Chromium.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    failed = true;
    if (driver == null) {
      return;
    }
    String name = "FAILED-" + context.getRequiredTestMethod().getName();
    try {
      Path png = shot(name);
      Files.writeString(png.resolveSibling(png.getFileName().toString().replace(".png", ".html")),
          driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (RuntimeException | IOException e) {
      cause.addSuppressed(e);
    }
  }

  /** Whether a test of this class has failed (ordered walks stop there). */
  public boolean hasFailed() {
    return failed;
  }

  public WebDriver driver() {
    return driver;
  }

  /** Saves a screenshot of the whole window; the description becomes part of the file name. */
  public Path shot(String description) {
    String safe = description.replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
    Path file = dir.resolve(String.format("%02d-%s.png", ++counter, safe));
    try {
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  public int screenshotCount() {
    return counter;
  }

  public void open(String url) {
    driver.get(url);
  }

  public <T> T waitFor(String what, Function<WebDriver, T> condition) {
    return waitFor(what, TIMEOUT, condition);
  }

  public <T> T waitFor(String what, Duration timeout, Function<WebDriver, T> condition) {
    WebDriverWait wait = new WebDriverWait(driver, timeout);
    wait.ignoring(StaleElementReferenceException.class);
    wait.withMessage("等待超时：" + what);
    return wait.until(condition);
  }

  /** The first displayed element matching, waiting for it. */
  /**
   * Signs in through a Camunda webapp login form like a person. The AngularJS form can still be
   * re-rendering when the page looks ready and may drop what was typed, so the typed values are
   * read back, and the whole attempt is repeated (up to three times) if the login page stays.
   */
  public void signIn(String app, String user, String password, Function<WebDriver, Boolean> signedIn) {
    By nameField = By.cssSelector("input[ng-model='username']");
    By passwordField = By.cssSelector("input[ng-model='password']");
    RuntimeException last = null;
    for (int attempt = 1; attempt <= 4; attempt++) {
      if (attempt > 1 && Boolean.TRUE.equals(signedIn.apply(driver()))) {
        return; // the previous attempt went through after all
      }
      try {
        type(nameField, user);
        type(passwordField, password);
        click(visible(By.cssSelector("form[name='signinForm'] button[type='submit']")));
        waitFor(user + " 登录 " + app, Duration.ofSeconds(attempt < 4 ? 15 : 30), signedIn);
        return;
      } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException
          | org.openqa.selenium.ElementNotInteractableException e) {
        last = e; // the form was re-rendered or the login did not go through: try again
      }
    }
    throw last;
  }

  /** Types into the field found by {@code by} until it reads back the value (the form may re-render). */
  private void type(By by, String value) {
    for (int i = 0; i < 5; i++) {
      try {
        WebElement field = visible(by);
        if (value.equals(field.getAttribute("value"))) {
          return;
        }
        field.clear();
        field.sendKeys(value);
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        // re-rendered between finding and typing: find it again
      } catch (org.openqa.selenium.ElementNotInteractableException e) {
        // shown but not yet accepting input (the login form still animating in): wait a moment, find it again
        try {
          Thread.sleep(300);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  public WebElement visible(By by) {
    return waitFor("可见 " + by, d -> d.findElements(by).stream().filter(WebElement::isDisplayed)
        .findFirst().orElse(null));
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by).stream().filter(WebElement::isDisplayed).toList();
  }

  public void click(WebElement e) {
    scrollTo(e);
    try {
      e.click();
    } catch (org.openqa.selenium.ElementClickInterceptedException ex) {
      js("arguments[0].click();", e);
    }
  }

  public void scrollTo(WebElement e) {
    js("arguments[0].scrollIntoView({block: 'center'});", e);
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }
}
