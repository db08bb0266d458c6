package cn.shaoxing.pilotbase.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Cockpit 7.24 as the bureau uses it. */
public final class Cockpit {

  private final Browser browser;
  private final String baseUrl;

  public Cockpit(Browser browser, String baseUrl) {
    this.browser = browser;
    this.baseUrl = baseUrl;
  }

  public String url() {
    return baseUrl + "/camunda/app/cockpit/default/";
  }

  public Cockpit login(String user, String password) {
    browser.driver().manage().deleteAllCookies();
    browser.open(url() + "#/login");
    browser.signIn("Cockpit", user, password, d -> !d.getCurrentUrl().contains("/login")
        && d.findElements(By.cssSelector("input[ng-model='username']")).stream().noneMatch(WebElement::isDisplayed));
    return this;
  }

  /** Opens the processes page and then the definition with this name. */
  public void openProcessDefinition(String name) {
    browser.open(url() + "#/processes");
    WebElement link = browser.waitFor("Cockpit 流程定义“" + name + "”", d ->
        d.findElements(By.tagName("a")).stream()
            .filter(a -> a.isDisplayed() && a.getText().trim().equals(name)).findFirst().orElse(null));
    browser.click(link);
    browser.waitFor("流程定义页面", d -> d.getCurrentUrl().contains("/process-definition/"));
  }

  /** Waits until bpmn-js has drawn the diagram; returns the ids of the drawn BPMN elements. */
  public List<String> drawnElementIds() {
    browser.waitFor("流程图绘制", d -> d.findElements(By.cssSelector(".djs-container g.djs-element[data-element-id]")).size() > 3);
    return browser.driver().findElements(By.cssSelector(".djs-container g.djs-element[data-element-id]")).stream()
        .map(e -> e.getAttribute("data-element-id")).toList();
  }

  /** Badges bpmn-js overlays show for running instances (the token counts on activities). */
  public String overlaysText() {
    return browser.driver().findElements(By.cssSelector(".djs-overlay")).stream()
        .map(WebElement::getText).filter(t -> !t.isBlank()).reduce("", (a, b) -> a + " " + b);
  }
}
