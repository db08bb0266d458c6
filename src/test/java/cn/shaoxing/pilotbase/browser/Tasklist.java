package cn.shaoxing.pilotbase.browser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Tasklist 7.24 as a person uses it. */
public final class Tasklist {

  /** A row of the task list. */
  public record TaskRow(String id, String name, String process) {}

  private static final Pattern TASK_ID = Pattern.compile("[?&]task=([^&]+)");

  private final Browser browser;
  private final String baseUrl;
  private Runnable jobExecutor = () -> {};

  public Tasklist(Browser browser, String baseUrl) {
    this.browser = browser;
    this.baseUrl = baseUrl;
  }

  /**
   * What runs the steps a submission leaves to the job executor (off in the tests), after each
   * completed task or started process: usually {@code () -> AsyncSteps.settle(engine)}.
   */
  public Tasklist withJobExecutor(Runnable jobExecutor) {
    this.jobExecutor = jobExecutor;
    return this;
  }

  public String url() {
    return baseUrl + "/camunda/app/tasklist/default/";
  }

  /** Logs in through the login form (CSRF token and session cookie as for a person). */
  public Tasklist login(String user, String password) {
    browser.driver().manage().deleteAllCookies();
    browser.open(url() + "#/login");
    browser.signIn("Tasklist", user, password, d -> !d.getCurrentUrl().contains("/login")
        && !d.findElements(By.cssSelector(".task-filters")).isEmpty());
    waitForFilters();
    return this;
  }

  /** Logs in a demo user (password {@link cn.shaoxing.pilotbase.identity.DemoUsers#PASSWORD}). */
  public Tasklist login(String user) {
    return login(user, cn.shaoxing.pilotbase.identity.DemoUsers.PASSWORD);
  }

  public void logout() {
    browser.click(browser.visible(By.cssSelector("li.account .dropdown-toggle")));
    browser.click(browser.visible(By.cssSelector("li.logout a")));
    browser.visible(By.cssSelector("input[ng-model='username']"));
  }

  private void waitForFilters() {
    browser.waitFor("过滤器加载", d -> {
      List<WebElement> items = d.findElements(By.cssSelector(".task-filters .task-filter"));
      List<WebElement> none = d.findElements(By.cssSelector(".task-filters .well"));
      return items.stream().anyMatch(WebElement::isDisplayed) || none.stream().anyMatch(WebElement::isDisplayed);
    });
  }

  public List<String> filterNames() {
    waitForFilters();
    List<String> names = new ArrayList<>();
    for (WebElement f : browser.driver().findElements(By.cssSelector(".task-filters .task-filter h4.name a"))) {
      String t = f.getText().trim();
      // the focused filter shows its task count after the name
      names.add(t.replaceAll("\\s+\\d+$", ""));
    }
    return names;
  }

  /** Clicks a filter in the left column and waits for its task list. */
  public List<TaskRow> chooseFilter(String filterName) {
    waitForFilters();
    WebElement filter = browser.waitFor("过滤器“" + filterName + "”", d ->
        d.findElements(By.cssSelector(".task-filters .task-filter")).stream()
            .filter(f -> FormJs.norm(f.findElement(By.cssSelector("h4.name a")).getText())
                .replaceAll("\\s+\\d+$", "").equals(filterName))
            .findFirst().orElse(null));
    browser.click(filter.findElement(By.cssSelector("h4.name a")));
    browser.waitFor("过滤器“" + filterName + "”被选中", d -> filter.getAttribute("class").contains("active"));
    return tasks();
  }

  /** The rows of the current list, after it has loaded. */
  public List<TaskRow> tasks() {
    browser.waitFor("任务列表加载", d -> {
      WebElement list = d.findElement(By.cssSelector("[cam-tasks]"));
      boolean loading = list.findElements(By.cssSelector(".loader")).stream().anyMatch(WebElement::isDisplayed);
      boolean shown = !list.findElements(By.cssSelector("li.task")).isEmpty()
          || list.findElements(By.cssSelector(".well")).stream().anyMatch(WebElement::isDisplayed);
      return !loading && shown;
    });
    // read the rows in one script call (the list re-renders while Tasklist polls)
    List<TaskRow> rows = browser.waitFor("读取任务列表", d -> {
      @SuppressWarnings("unchecked")
      List<List<String>> raw = (List<List<String>>) browser.js("""
          return Array.from(document.querySelectorAll('[cam-tasks] li.task')).map(li => {
            const a = li.querySelector('h4.task a');
            const p = li.querySelector('h6.process-definition');
            return [a ? a.getAttribute('href') : '', a ? a.textContent.trim() : '', p ? p.textContent.trim() : ''];
          });""");
      Object counter = browser.js(
          "const c = document.querySelector('.task-filters .task-filter.active .counter');"
              + " return c ? c.textContent.trim() : null;");
      if (counter != null && !counter.toString().isEmpty()
          && Math.min(Integer.parseInt(counter.toString()), 15) != raw.size()) {
        return null; // list and counter not yet in step
      }
      List<TaskRow> r = new ArrayList<>();
      for (List<String> x : raw) {
        r.add(new TaskRow(taskId(x.get(0)), x.get(1), x.get(2)));
      }
      return r;
    });
    return rows;
  }

  static String taskId(String href) {
    if (href == null) {
      return null;
    }
    Matcher m = TASK_ID.matcher(URLDecoder.decode(href, StandardCharsets.UTF_8));
    return m.find() ? m.group(1) : null;
  }

  /** Opens a task of the current list by its id and waits for its form. */
  public FormJs openTask(String taskId) {
    for (int attempt = 1; ; attempt++) {
      WebElement a = browser.waitFor("列表中的任务 " + taskId, d ->
          d.findElements(By.cssSelector("[cam-tasks] li.task h4.task a")).stream()
              .filter(x -> taskId.equals(taskId(x.getAttribute("href")))).findFirst().orElse(null));
      try {
        browser.click(a);
        break;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        // Tasklist re-rendered its list between finding the link and clicking it: find it again
        if (attempt >= 3) {
          throw e;
        }
      }
    }
    browser.waitFor("任务详情 " + taskId, d -> d.getCurrentUrl().contains("task=" + taskId)
        && !d.findElements(By.cssSelector(".task-details h2.task")).isEmpty());
    return taskForm();
  }

  /** Opens a task by its address, as from a link in a notification mail. */
  public void openTaskByUrl(String taskId) {
    browser.open(url() + "#/?task=" + taskId);
  }

  public String openTaskName() {
    return browser.visible(By.cssSelector(".task-details h2.task")).getText().trim();
  }

  public FormJs taskForm() {
    WebElement form = browser.visible(By.cssSelector(".task-details .fjs-form"));
    browser.waitFor("表单渲染", d -> !form.findElements(By.cssSelector(".fjs-form-field")).isEmpty());
    return new FormJs(browser, form);
  }

  public boolean canClaim() {
    return !browser.all(By.cssSelector(".task-details button.claim")).isEmpty();
  }

  public void claim() {
    browser.click(browser.visible(By.cssSelector(".task-details button.claim")));
    browser.waitFor("认领完成", d -> browser.all(By.cssSelector(".task-details button.claim")).isEmpty()
        && !d.findElements(By.cssSelector(".task-details li.assignee")).isEmpty());
    taskForm();
  }

  /** Clicks 完成 (Complete) and waits until the task is gone; fails with the server's message. */
  public void complete() {
    dismissNotifications();
    String taskUrl = browser.driver().getCurrentUrl();
    WebElement button = browser.visible(By.cssSelector(".task-details .form-actions button.btn-primary"));
    browser.waitFor("“完成”按钮可用", d -> button.isEnabled());
    browser.click(button);
    try {
      waitForCompletion(taskUrl, java.time.Duration.ofSeconds(10));
    } catch (org.openqa.selenium.TimeoutException e) {
      // the click did not reach Angular (button under the page footer): click it as a script
      List<WebElement> again = browser.all(By.cssSelector(".task-details .form-actions button.btn-primary"));
      if (!again.isEmpty()) {
        browser.js("arguments[0].click();", again.get(0));
      }
      waitForCompletion(taskUrl, Browser.TIMEOUT);
    }
    jobExecutor.run();
  }

  private void waitForCompletion(String taskUrl, java.time.Duration timeout) {
    browser.waitFor("任务完成", timeout, d -> {
      String error = errorNotification();
      // TASK_NOT_EXIST in English or in the zh-Hans labels main ships for Chinese browsers
      if (error != null && (error.contains("does not exist anymore") || error.contains("任务已不存在"))) {
        return true; // Tasklist re-read the task it just completed: it is gone
      }
      if (error != null) {
        throw new AssertionError("完成任务失败：" + error);
      }
      return !d.getCurrentUrl().equals(taskUrl) || d.findElements(By.cssSelector(".task-details h2.task")).isEmpty();
    });
  }

  /** Closes notifications still on screen, so the next action's message is read, not an old one. */
  public void dismissNotifications() {
    for (WebElement close : browser.all(By.cssSelector(".notifications .alert .close, .notifications .alert button"))) {
      try {
        close.click();
      } catch (RuntimeException ignored) {
        // already gone
      }
    }
    browser.waitFor("通知已关闭", d -> browser.all(By.cssSelector(".notifications .alert-danger")).isEmpty());
  }

  /** Text of a visible error notification, if any. */
  public String errorNotification() {
    List<WebElement> alerts = browser.all(By.cssSelector(".notifications .alert-danger, .alert-danger"));
    return alerts.stream().map(WebElement::getText).filter(t -> !t.isBlank()).findFirst().orElse(null);
  }

  /** Opens the start dialog, chooses a process by its name, and waits for its start form. */
  public FormJs startProcess(String processName) {
    browser.click(browser.visible(By.cssSelector(".start-process-action a")));
    // The list can re-render while it loads and swallow the click: click the entry until the form
    // opens (up to three times), as a person would.
    for (int attempt = 1; ; attempt++) {
      WebElement link = browser.waitFor("可启动的流程“" + processName + "”", d ->
          d.findElements(By.cssSelector(".modal ul.processes li a")).stream()
              .filter(a -> a.isDisplayed() && a.getText().trim().equals(processName)).findFirst().orElse(null));
      try {
        browser.click(link);
        browser.waitFor("启动表单出现", java.time.Duration.ofSeconds(10),
            d -> !d.findElements(By.cssSelector(".modal .fjs-form")).isEmpty());
        break;
      } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt >= 3) {
          throw e;
        }
      }
    }
    WebElement form = browser.visible(By.cssSelector(".modal .fjs-form"));
    browser.waitFor("启动表单渲染", d -> !form.findElements(By.cssSelector(".fjs-form-field")).isEmpty());
    return new FormJs(browser, form);
  }

  public List<String> startableProcesses() {
    browser.click(browser.visible(By.cssSelector(".start-process-action a")));
    browser.waitFor("可启动流程列表", d -> !browser.all(By.cssSelector(".modal ul.processes li a")).isEmpty()
        || browser.all(By.cssSelector(".modal .modal-body .well")).size() > 0);
    List<String> names = browser.all(By.cssSelector(".modal ul.processes li a")).stream()
        .map(a -> a.getText().trim()).toList();
    browser.click(browser.visible(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(@class,'btn-link')]")));
    browser.waitFor("关闭对话框", d -> browser.all(By.cssSelector(".modal")).isEmpty());
    return names;
  }

  /** Clicks Start in the start dialog and waits for it to close; fails with the server's message. */
  public void submitStartForm() {
    dismissNotifications();
    WebElement start = browser.visible(By.cssSelector(".modal .modal-footer button.btn-primary"));
    browser.waitFor("“启动”按钮可用", d -> start.isEnabled());
    browser.click(start);
    try {
      waitForStartDialogToClose(java.time.Duration.ofSeconds(10));
    } catch (org.openqa.selenium.TimeoutException e) {
      // the click did not reach Angular (button at the edge of the dialog): click it as a script
      if (!browser.all(By.cssSelector(".modal .modal-footer button.btn-primary")).isEmpty()) {
        browser.js("arguments[0].click();", start);
      }
      waitForStartDialogToClose(Browser.TIMEOUT);
    }
    jobExecutor.run();
  }

  private void waitForStartDialogToClose(java.time.Duration timeout) {
    browser.waitFor("流程已启动", timeout, d -> {
      List<WebElement> errors = browser.all(By.cssSelector(".modal .alert-danger"));
      if (!errors.isEmpty()) {
        throw new AssertionError("启动流程失败：" + errors.get(0).getText());
      }
      return browser.all(By.cssSelector(".modal")).isEmpty();
    });
  }
}
