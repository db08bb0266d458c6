package cn.shaoxing.pilotbase.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Fills a Camunda Form (form-js, as rendered by Tasklist 7.24) the way a person does: a field is
 * found by the label a person reads, not by its key.
 */
public final class FormJs {

  /** Field container (div.fjs-form-field) whose own label reads {@code label} (asterisk ignored). */
  private static final String FIND_FIELD = """
      const [root, label] = arguments;
      const norm = s => (s || '').replace(/\\*/g, '').replace(/\\s+/g, ' ').trim();
      for (const f of root.querySelectorAll('.fjs-form-field')) {
        const l = f.querySelector('label');
        if (l && norm(l.textContent) === label && l.closest('.fjs-form-field') === f) return f;
      }
      return null;""";

  private final Browser browser;
  private final WebElement root;

  FormJs(Browser browser, WebElement root) {
    this.browser = browser;
    this.root = root;
  }

  public WebElement root() {
    return root;
  }

  public WebElement field(String label) {
    return browser.waitFor("表单字段“" + label + "”", d -> {
      Object f = browser.js(FIND_FIELD, root, label);
      return f instanceof WebElement w && w.isDisplayed() ? w : null;
    });
  }

  public boolean hasVisibleField(String label) {
    Object f = browser.js(FIND_FIELD, root, label);
    return f instanceof WebElement w && w.isDisplayed();
  }

  /**
   * Text field, text area or number field. form-js updates its state from typing with a short
   * delay; a re-render in between (another field changing) can put the old value back. So the typed
   * value must stay in the field for a moment, else it is typed again (seen under load).
   */
  public FormJs text(String label, Object value) {
    String expected = String.valueOf(value);
    for (int attempt = 1; ; attempt++) {
      WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
      browser.scrollTo(input);
      input.click();
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(expected);
      if (settled(label, expected) || attempt == 3) {
        return this;
      }
    }
  }

  private boolean settled(String label, String expected) {
    for (int i = 0; i < 4; i++) {
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      String now = field(label).findElement(By.cssSelector("input, textarea")).getAttribute("value");
      if (!expected.equals(now) && !(now != null && isNumber(expected) && numericallyEqual(expected, now))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean numericallyEqual(String a, String b) {
    try {
      return Double.parseDouble(a) == Double.parseDouble(b);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public FormJs checkbox(String label, boolean checked) {
    WebElement input = field(label).findElement(By.cssSelector("input[type=checkbox]"));
    if (input.isSelected() != checked) {
      browser.click(input);
    }
    browser.waitFor("复选框“" + label + "”", d -> input.isSelected() == checked);
    return this;
  }

  /** Radio group or checklist: the option with this visible label. */
  public FormJs option(String label, String optionLabel) {
    return option(label, optionLabel, false);
  }

  /** Checklist or radio option whose label starts with {@code prefix} (labels with a score etc.). */
  public FormJs optionStartingWith(String label, String prefix) {
    return option(label, prefix, true);
  }

  private FormJs option(String label, String optionLabel, boolean prefix) {
    WebElement f = field(label);
    WebElement input = optionInput(f, optionLabel, prefix);
    if (!input.isSelected()) {
      browser.click(input);
    }
    browser.waitFor("选项“" + optionLabel + "”", d -> input.isSelected());
    return this;
  }

  private WebElement optionInput(WebElement f, String optionLabel, boolean prefix) {
    List<WebElement> labels = f.findElements(By.cssSelector("label"));
    for (WebElement l : labels.subList(1, labels.size())) {
      String t = norm(l.getText());
      if (prefix ? t.startsWith(optionLabel) : t.equals(optionLabel)) {
        List<WebElement> inside = l.findElements(By.cssSelector("input"));
        if (!inside.isEmpty()) {
          return inside.get(0);
        }
        String forId = l.getAttribute("for");
        if (forId != null && !forId.isEmpty()) {
          return browser.driver().findElement(By.id(forId));
        }
      }
    }
    throw new AssertionError("字段“" + field(f) + "”没有选项“" + optionLabel + "”");
  }

  private String field(WebElement f) {
    return f.findElement(By.cssSelector("label")).getText();
  }

  /** Select (drop-down): opens it and picks the option with this visible label. */
  public FormJs select(String label, String optionLabel) {
    WebElement f = field(label);
    WebElement group = f.findElement(By.cssSelector(".fjs-input-group"));
    browser.scrollTo(group);
    WebElement item = null;
    for (int attempt = 0; attempt < 3 && item == null; attempt++) {
      // form-js opens the list on mousedown and picks an item on mousedown: real mouse events
      if (f.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty()) {
        new Actions(browser.driver()).moveToElement(group).clickAndHold().release().perform();
      }
      try {
        item = browser.waitFor("下拉选项“" + optionLabel + "”", java.time.Duration.ofSeconds(5), d ->
            f.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(i -> norm(i.getAttribute("textContent")).equals(optionLabel)).findFirst().orElse(null));
      } catch (org.openqa.selenium.TimeoutException e) {
        List<String> shown = f.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
            .map(i -> i.getAttribute("textContent")).toList();
        if (attempt == 2) {
          throw new AssertionError("下拉框“" + label + "”没有选项“" + optionLabel + "”，列出的是 " + shown, e);
        }
      }
    }
    browser.scrollTo(item);
    new Actions(browser.driver()).moveToElement(item).clickAndHold().release().perform();
    browser.waitFor("已选择“" + optionLabel + "”", d ->
        norm(f.findElement(By.cssSelector(".fjs-select-display")).getAttribute("textContent")).equals(optionLabel));
    return this;
  }

  /**
   * Tag list: picks the options with these visible labels one after the other (the order of
   * selection is the order of the list, e.g. a ranking), by typing in its search and choosing the
   * item from the drop-down with the mouse as a person does.
   */
  public FormJs tags(String label, List<String> optionLabels) {
    WebElement f = field(label);
    for (String optionLabel : optionLabels) {
      WebElement input = f.findElement(By.cssSelector("input.fjs-taglist-input"));
      browser.scrollTo(input);
      input.click();
      input.sendKeys(optionLabel);
      WebElement item = browser.waitFor("标签选项“" + optionLabel + "”", d ->
          f.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
              .filter(i -> norm(i.getAttribute("textContent")).equals(optionLabel)).findFirst().orElse(null));
      new Actions(browser.driver()).moveToElement(item).clickAndHold().release().perform();
      browser.waitFor("已选择标签“" + optionLabel + "”", d -> tags(label).contains(optionLabel));
    }
    return this;
  }

  /** The tags a tag list shows, in their order. */
  public List<String> tags(String label) {
    return field(label).findElements(By.cssSelector(".fjs-taglist-tag-label")).stream()
        .map(t -> norm(t.getAttribute("textContent"))).toList();
  }

  /** Date field (form-js datetime, subtype date) by its date label; {@code isoDate} = yyyy-MM-dd. */
  public FormJs date(String label, String isoDate) {
    WebElement input = field(label).findElement(By.cssSelector("input"));
    browser.scrollTo(input);
    String[] p = isoDate.split("-");
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(p[1] + "/" + p[2] + "/" + p[0]);
    input.sendKeys(Keys.ENTER);
    if (!browser.all(By.cssSelector(".flatpickr-calendar.open")).isEmpty()) {
      input.sendKeys(Keys.ESCAPE);
    }
    String shown = p[1].replaceFirst("^0", "") + "/" + p[2].replaceFirst("^0", "") + "/" + p[0];
    browser.waitFor("日期“" + label + "”", d -> {
      String v = input.getAttribute("value");
      return v.equals(shown) || v.equals(p[1] + "/" + p[2] + "/" + p[0]);
    });
    return this;
  }

  /** Validation messages form-js shows under fields. */
  public List<String> errors() {
    return root.findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .filter(WebElement::isDisplayed).map(WebElement::getText).filter(t -> !t.isBlank()).toList();
  }

  /** The text of the form: headings and explanations, not what is inside fields (see {@link #value}). */
  public String text() {
    return root.getText();
  }

  /**
   * What a field shows: the value of a text field or text area (also a disabled one, where forms
   * show what another person typed), or the chosen option of a drop-down.
   * Of a table: the text of its shown page (header and rows).
   */
  public String value(String label) {
    WebElement f = field(label);
    List<WebElement> table = f.findElements(By.cssSelector("table.fjs-table"));
    if (!table.isEmpty()) {
      return norm(table.get(0).getAttribute("textContent"));
    }
    List<WebElement> select = f.findElements(By.cssSelector(".fjs-select-display"));
    if (!select.isEmpty()) {
      return norm(select.get(0).getAttribute("textContent"));
    }
    return f.findElement(By.cssSelector("input, textarea")).getAttribute("value");
  }

  /** Everything a person reads in the form: its text and the values in its text fields and areas. */
  public String shownText() {
    StringBuilder sb = new StringBuilder(root.getText());
    for (WebElement input : root.findElements(By.cssSelector("input.fjs-input, textarea"))) {
      if (input.isDisplayed()) {
        sb.append('\n').append(input.getAttribute("value"));
      }
    }
    return sb.toString();
  }

  static String norm(String s) {
    return s == null ? "" : s.replace("*", "").replaceAll("\\s+", " ").trim();
  }
}
