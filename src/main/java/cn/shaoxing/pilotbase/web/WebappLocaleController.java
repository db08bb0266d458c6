package cn.shaoxing.pilotbase.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simplified Chinese labels for Camunda Tasklist, Cockpit, Admin and the welcome page: the English
 * labels shipped with this Camunda version overlaid with the Chinese ones vendored under
 * {@code webapp-i18n/<app>/zh.json} (see its NOTICE.md), so that a label a later Camunda version
 * adds shows in English rather than as a raw key ({@code WebappLabelsTest} fails until it is
 * translated). The apps' {@code config.js} offer "zh" to browsers set to Chinese; the file's
 * {@code dateLocales} make the apps' relative and absolute dates Chinese.
 */
@RestController
public class WebappLocaleController {

  public static final Set<String> APPS = Set.of("tasklist", "cockpit", "admin", "welcome");

  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  @GetMapping("/camunda/app/{app}/locales/zh.json")
  public ResponseEntity<String> chinese(@PathVariable String app) {
    if (!APPS.contains(app)) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok().contentType(new MediaType("application", "json", StandardCharsets.UTF_8))
        .body(cache.computeIfAbsent(app, this::merge));
  }

  private String merge(String app) {
    try {
      ObjectNode english = (ObjectNode) read("META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json");
      JsonNode chinese = read("webapp-i18n/" + app + "/zh.json");
      ObjectNode labels = (ObjectNode) english.path("labels");
      chinese.path("labels").fields().forEachRemaining(e -> {
        if (labels.has(e.getKey())) {
          labels.set(e.getKey(), e.getValue());
        }
      });
      english.set("dateLocales", chinese.get("dateLocales"));
      return mapper.writeValueAsString(english);
    } catch (IOException e) {
      throw new IllegalStateException("无法生成" + app + "的中文界面文本", e);
    }
  }

  private JsonNode read(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return mapper.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }
}
