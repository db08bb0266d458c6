package cn.shaoxing.pilotbase.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * In Tasklist's form-js 1.8.7, text typed into a text field or text area inside a group that has
 * a show/hide condition is lost (found in the browser walk: the expert's 加分理由 never reached the
 * server). Conditions go on the fields themselves, never on a group holding text inputs.
 */
class ConditionalGroupTest {

  private static final List<String> TEXT_INPUTS = List.of("textfield", "textarea");

  @Test
  void noEditableTextInputSitsInAConditionalGroup() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path f : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        collect(f.getFileName().toString(), new ObjectMapper().readTree(f.toFile()).path("components"), false,
            offenders);
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void theCheckFindsATextAreaInAConditionalGroup() throws IOException {
    JsonNode bad = new ObjectMapper().readTree("""
        [{"type":"group","conditional":{"hide":"=x"},"components":[{"type":"textarea","key":"why"}]}]""");
    List<String> offenders = new ArrayList<>();
    collect("bad.form", bad, false, offenders);
    assertThat(offenders).containsExactly("bad.form: why");
  }

  private static void collect(String form, JsonNode components, boolean inConditionalGroup, List<String> out) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (inConditionalGroup && TEXT_INPUTS.contains(type) && !c.path("disabled").asBoolean(false)) {
        out.add(form + ": " + c.path("key").asText());
      }
      if (c.has("components")) {
        collect(form, c.path("components"), inConditionalGroup || c.has("conditional"), out);
      }
    }
  }
}
