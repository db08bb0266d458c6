package cn.shaoxing.pilotbase.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The input fields of a Camunda Form (form-js JSON) with their validation settings, flattened out of
 * groups. Only what the server must re-check is kept.
 */
public record FormSchema(String id, List<Field> fields) {

  /** Static option values of a select/radio/checklist/taglist; empty when the options are dynamic. */
  public record Field(
      String key,
      String label,
      String type,
      boolean required,
      Double min,
      Double max,
      Integer minLength,
      Integer maxLength,
      String pattern,
      String validationType,
      String dateSubtype,
      boolean conditional,
      List<String> options,
      List<Field> children,
      Integer decimalDigits) {}

  private static final List<String> INPUT_TYPES =
      List.of("textfield", "textarea", "number", "datetime", "checkbox", "checklist", "radio", "select", "taglist");

  /** Keys a submission of this form may carry: its editable fields (disabled/readonly ones are shown, not sent). */
  public java.util.Set<String> keys() {
    java.util.Set<String> keys = new java.util.HashSet<>();
    fields.forEach(f -> keys.add(f.key()));
    return keys;
  }

  public static FormSchema parse(JsonNode root) {
    List<Field> fields = new ArrayList<>();
    collect(root.path("components"), fields);
    return new FormSchema(root.path("id").asText(null), List.copyOf(fields));
  }

  private static void collect(JsonNode components, List<Field> out) {
    for (JsonNode c : components) {
      String type = c.path("type").asText("");
      if (c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false)) {
        continue;
      }
      if ("group".equals(type) && !c.hasNonNull("path")) {
        collect(c.path("components"), out);
      } else if ("dynamiclist".equals(type) && c.hasNonNull("path")) {
        List<Field> children = new ArrayList<>();
        collect(c.path("components"), children);
        out.add(new Field(c.path("path").asText(), c.path("label").asText(c.path("path").asText()), type,
            false, null, null, null, null, null, null, null, c.has("conditional"), List.of(), List.copyOf(children), null));
      } else if (INPUT_TYPES.contains(type) && c.hasNonNull("key")) {
        JsonNode v = c.path("validate");
        List<String> options = new ArrayList<>();
        for (JsonNode o : c.path("values")) {
          options.add(o.path("value").asText());
        }
        out.add(new Field(
            c.path("key").asText(),
            // a datetime field names itself by dateLabel
            c.path("label").asText(c.path("dateLabel").asText(c.path("key").asText())),
            type,
            v.path("required").asBoolean(false),
            v.hasNonNull("min") ? v.path("min").asDouble() : null,
            v.hasNonNull("max") ? v.path("max").asDouble() : null,
            v.hasNonNull("minLength") ? v.path("minLength").asInt() : null,
            v.hasNonNull("maxLength") ? v.path("maxLength").asInt() : null,
            v.hasNonNull("pattern") ? v.path("pattern").asText() : null,
            v.hasNonNull("validationType") ? v.path("validationType").asText() : null,
            c.path("subtype").asText(null),
            c.has("conditional"),
            List.copyOf(options),
            List.of(),
            c.hasNonNull("decimalDigits") ? c.path("decimalDigits").asInt() : null));
      }
    }
  }
}
