package cn.shaoxing.pilotbase.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The evidence page (docs/evidence.md) as a person uses it: inside the iframe of a Camunda Form
 * ({@link #enter}) or opened on its own ({@link #openPage}). Reads the slots and files it shows,
 * uploads through a slot's file input, opens an image in its viewer, and fetches a file's address
 * with the browser's session (what 查看/下载 load).
 */
public final class EvidenceFrame {

  private final Browser browser;

  private EvidenceFrame(Browser browser) {
    this.browser = browser;
  }

  /** Switches into the evidence iframe of the form and waits until the page has loaded its case. */
  public static EvidenceFrame enter(Browser browser, FormJs form) {
    WebElement frame = browser.waitFor("佐证材料窗口", d -> form.root().findElements(By.cssSelector("iframe.fjs-iframe"))
        .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    browser.scrollTo(frame);
    browser.driver().switchTo().frame(frame);
    EvidenceFrame e = new EvidenceFrame(browser);
    e.waitLoaded();
    return e;
  }

  /** Opens the page at its own address (as from a link) and waits until it has loaded or refused. */
  public static EvidenceFrame openPage(Browser browser, String url) {
    browser.open(url);
    EvidenceFrame e = new EvidenceFrame(browser);
    e.waitLoaded();
    return e;
  }

  /** Back to the Tasklist page. */
  public void leave() {
    browser.driver().switchTo().defaultContent();
  }

  private void waitLoaded() {
    browser.waitFor("佐证材料加载", d -> {
      List<WebElement> root = d.findElements(By.cssSelector("#evidence[data-state]"));
      return !root.isEmpty();
    });
  }

  public String state() {
    return browser.driver().findElement(By.id("evidence")).getAttribute("data-state");
  }

  /** HTTP status of the case's API when the page could not load it (e.g. "403"). */
  public String status() {
    return browser.driver().findElement(By.id("evidence")).getAttribute("data-status");
  }

  public String text() {
    return browser.driver().findElement(By.tagName("body")).getText();
  }

  public String errorText() {
    return browser.driver().findElement(By.id("ev-error")).getText();
  }

  /** Slot element by its slot name. */
  public WebElement slot(String slot) {
    return browser.waitFor("材料栏 " + slot, d -> d.findElements(By.cssSelector(".ev-slot[data-slot='" + slot + "']"))
        .stream().findFirst().orElse(null));
  }

  /** The status mark of a slot: 缺少, 已上传 or 未上传. */
  public String mark(String slot) {
    return slot(slot).findElement(By.cssSelector(".ev-mark")).getText().trim();
  }

  /** The file names listed in a slot. */
  public List<String> fileNames(String slot) {
    return slot(slot).findElements(By.cssSelector("tr[data-file] td:first-child a")).stream()
        .map(a -> a.getText().trim()).toList();
  }

  /** Uploads files through the slot's file input (one request per file) and waits until all are listed. */
  public EvidenceFrame upload(String slot, Path... files) {
    WebElement input = slot(slot).findElement(By.cssSelector("input[type=file]"));
    StringBuilder paths = new StringBuilder();
    for (Path p : files) {
      paths.append(paths.length() == 0 ? "" : "\n").append(p.toAbsolutePath());
    }
    input.sendKeys(paths.toString());
    browser.waitFor("上传完成 " + slot, d -> {
      String error = slot(slot).findElement(By.cssSelector(".ev-slot-error")).getText();
      if (!error.isBlank()) {
        throw new AssertionError("上传失败：" + error);
      }
      List<String> names = fileNames(slot);
      for (Path p : files) {
        if (!names.contains(p.getFileName().toString())) {
          return false;
        }
      }
      return true;
    });
    return this;
  }

  /** The file's address as the page links it. */
  public String fileUrl(String slot, String name) {
    for (WebElement row : slot(slot).findElements(By.cssSelector("tr[data-file]"))) {
      WebElement a = row.findElement(By.cssSelector("td:first-child a"));
      if (a.getText().trim().equals(name)) {
        return a.getAttribute("href");
      }
    }
    throw new AssertionError("材料栏 " + slot + " 没有文件 " + name);
  }

  /** Clicks 查看 of an image and waits until the viewer shows it decoded; closes the viewer. */
  public void viewImage(String slot, String name) {
    WebElement row = slot(slot).findElements(By.cssSelector("tr[data-file]")).stream()
        .filter(r -> r.findElement(By.cssSelector("td:first-child a")).getText().trim().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("没有文件 " + name));
    WebElement view = row.findElements(By.cssSelector("button.ev-link")).stream()
        .filter(b -> b.getText().trim().equals("查看")).findFirst().orElseThrow(() -> new AssertionError(name + " 没有“查看”"));
    browser.click(view);
    browser.waitFor("图片显示 " + name, d -> Boolean.TRUE.equals(browser.js(
        "const i = document.getElementById('ev-viewer-img'); return !document.getElementById('ev-viewer').hidden"
            + " && i.complete && i.naturalWidth > 0;")));
  }

  public void closeViewer() {
    browser.click(browser.visible(By.id("ev-viewer-close")));
  }

  /** GET of an address with the browser's session (same origin): status and Content-Type. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> fetch(String url) {
    return (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'})
          .then(r => r.arrayBuffer().then(b => done({status: r.status, type: r.headers.get('Content-Type') || '',
              disposition: r.headers.get('Content-Disposition') || '', bytes: b.byteLength})))
          .catch(e => done({status: -1, type: String(e)}));""", url);
  }
}
