package cn.shaoxing.pilotbase.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vendored Chinese labels (webapp-i18n/<app>/zh.json) against the English labels of the Camunda
 * version on the classpath (the webjar's en.json): every English key has a Chinese label, the label
 * keeps every placeholder ({{count}}, {{ name }}, {}) of the English text, and it is Chinese (a
 * label without a Chinese character is allowed only where the English is a symbol, a product name or
 * a format; an English label of two-letter words such as "ID" may stay). A Camunda upgrade that adds labels fails here until they are translated.
 */
class WebappLabelsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|\\{}");
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  private static final Pattern LETTERS = Pattern.compile("[A-Za-z]{3,}");
  /** labels that stay as they are in Chinese too: names, formats, placeholders of null values */
  private static final Set<String> VERBATIM = Set.of("APP_VENDOR", "CAM_WIDGET_VARIABLES_TABLE_NULL",
      "CAM_WIDGET_VARIABLE_NULL", "CAM_WIDGET_VARIABLE_UNDEFINED", "PLGN_BTCH_SET_REMOVAL_TIME_ABSOLUTE_PLACEHOLDER",
      "PLGN_REP_CSV", "PLGN_REP_JSON", "PLGN_MOD_OUT_OF" /* "3 out of 10" = "3 / 10" */);
  /** the Camunda 8 migration banner: replaced by nothing (and hidden by styles/user-styles.css) */
  private static final String BANNER = "BANNER_CE_EOL_TEXT";

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishLabelHasAChineseOneWithItsPlaceholders(String app) throws IOException {
    JsonNode english = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json").path("labels");
    JsonNode chinese = read("webapp-i18n/" + app + "/zh.json").path("labels");
    assertThat(english.size()).as("英文标签数").isGreaterThan(100);
    List<String> missing = new ArrayList<>();
    List<String> placeholders = new ArrayList<>();
    List<String> notChinese = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = english.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String en = e.getValue().asText();
      JsonNode zh = chinese.get(key);
      if (key.equals(BANNER)) {
        assertThat(zh).as(BANNER).isNotNull();
        assertThat(zh.asText()).as("迁移到 Camunda 8 的横幅不显示任何文字").isEmpty();
        continue;
      }
      if (zh == null || (zh.asText().isBlank() && !en.isBlank())) {
        missing.add(key + " = " + en);
        continue;
      }
      if (!placeholders(en).equals(placeholders(zh.asText()))) {
        placeholders.add(key + ": " + en + " => " + zh.asText());
      }
      if (!VERBATIM.contains(key) && LETTERS.matcher(en).find() && !CHINESE.matcher(zh.asText()).find()) {
        notChinese.add(key + " = " + zh.asText());
      }
    }
    assertThat(missing).as(app + "：缺少中文标签的键").isEmpty();
    assertThat(placeholders).as(app + "：中文标签丢失或改动了占位符").isEmpty();
    assertThat(notChinese).as(app + "：中文标签中没有中文").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void datesAreChinese(String app) throws IOException {
    JsonNode dates = read("webapp-i18n/" + app + "/zh.json").path("dateLocales");
    assertThat(dates.path("relativeTime").path("future").asText()).isEqualTo("%s后");
    assertThat(dates.path("relativeTime").path("dd").asText()).isEqualTo("%d天");
    assertThat(dates.path("longDateFormat").path("LLL").asText()).isEqualTo("YYYY年M月D日 HH:mm");
    assertThat(dates.path("months")).hasSize(12);
  }

  static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1) == null ? "{}" : m.group(1));
    }
    found.sort(null);
    return found;
  }

  private static JsonNode read(String path) throws IOException {
    try (InputStream in = WebappLabelsTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return MAPPER.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }
}
