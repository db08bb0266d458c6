package cn.shaoxing.pilotbase.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Text typed by a person must never reach another person's form as markdown (security issue
 * "Trust", item 6). form-js 1.8.7 fills the {@code {{ … }}} templates of a {@code text} component
 * into its markdown without escaping, so an applicant's {@code ![x](https://…)} or
 * {@code [请点此核验](https://…)} would become an image or a link inside an official form. Values
 * a person typed are shown in {@code disabled: true} fields instead (form-js does not submit
 * disabled fields, and the server-side {@link FormSchema} skips them).
 *
 * <p>This test reads every {@code forms/*.form} and allows templates in {@code text} components
 * (and in the URL of {@code image}/{@code iframe} components) only for the variables in
 * {@link #SYSTEM_VARIABLES}; {@code html} components may not template at all.
 */
class FormTextSafetyTest {

  /**
   * Variables computed by the system from fixed vocabularies, never from anything a person typed;
   * the only ones a text component may template. Add one only after checking where it is set.
   */
  static final Map<String, String> SYSTEM_VARIABLES = Map.of(
      "industryChainLabel", "IndustryChain.label(code): fixed Chinese label of a code chosen from static select options"
          + " (ApplicationReviewSteps.loadApplication)",
      "reviewerName", "Role.chineseName() of the reviewer group, chosen from static select options"
          + " (ApplicationReviewSteps.loadApplication, BaseEvaluationSteps)",
      "causeLabel", "RevocationCause.chineseName() (RevocationSteps)",
      "currentGrade", "Grade.chineseName() (EvaluationObjections, objection start)",
      "anonymousFlag", "one of two fixed sentences (DesignationObjections, objection start)",
      "ineligibilityText", "reasons output by designation-eligibility.dmn: string literals only"
          + " (ApplicationSteps.checkEligibility)",
      "tieDescription", "counts, scores and fixed words (GradingService: TieGroup description)",
      "indicatorTableVersion", "version number of the bureau's indicator table (RoundSteps.openRound)",
      "gradeOverview", "counts and a percentage in fixed words (EvaluationService.gradeOverview)");

  /**
   * Case ids the system generates (UUIDs or sequence keys, never typed by a person): an {@code iframe}
   * URL may template them to name the evidence case it shows (docs/evidence.md, ADR 0014).
   */
  static final Map<String, String> CASE_IDS = Map.of(
      "applicationId", "ApplicationIntake.register: dsg_application.id (ApplicationSteps.registerApplication)",
      "participationId", "EvaluationService.openCycle: eva_participation.id (BaseEvaluationSteps.loadBase)",
      "objectionId", "DesignationObjections / EvaluationObjections: the objection row's id",
      "revocationCaseId", "RevocationService.open: rev_case.id (RevocationSteps)");

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_$?][A-Za-z0-9_$?]*");
  /** Block helpers of feelers templates: {{#if x}}, {{#loop x}}, {{/if}}, {{else}}. */
  private static final Pattern HELPER = Pattern.compile("^\\s*(?:#(?:if|loop)\\b|/(?:if|loop)\\b|else\\b)");
  private static final Set<String> FEEL_WORDS = Set.of("and", "or", "not", "true", "false", "null", "if", "then",
      "else", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function");
  /** Loop-context accessors of feelers: the name after them is what is read. */
  private static final Set<String> CONTEXT_ACCESSORS = Set.of("this", "parent", "_this_", "_parent_");

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void textComponentsTemplateOnlySystemComputedVariables() throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, JsonNode> forms = forms();
    assertThat(forms).as("forms/*.form").hasSizeGreaterThan(30);
    forms.forEach((file, root) -> problems.addAll(problems(file, root)));
    assertThat(problems).as("用户填写的内容不得在表单文本（markdown）中显示，请改用只读（disabled）字段").isEmpty();
  }

  @Test
  void valuesShownForReadingAreNeverInputsOfTheForm() throws IOException {
    // The server validates exactly FormSchema's fields; a displayed (disabled) value must not be one.
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : forms().entrySet()) {
      Set<String> inputs = new LinkedHashSet<>();
      FormSchema.parse(e.getValue()).fields().forEach(f -> inputs.add(f.key()));
      for (JsonNode c : components(e.getValue())) {
        if (c.path("disabled").asBoolean(false) && c.hasNonNull("key") && inputs.contains(c.path("key").asText())) {
          problems.add(e.getKey() + ": disabled field " + c.path("key").asText() + " is also an input of the form");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void detectorFindsUserVariablesInTemplates() {
    assertThat(templatedVariables("**{{orgName}}**（统一社会信用代码 {{ creditCode }}）"))
        .containsExactly("orgName", "creditCode");
    assertThat(templatedVariables("{{#if partyComments}}**退回意见：** {{partyComments}}{{/if}}"))
        .containsExactly("partyComments");
    assertThat(templatedVariables("{{#loop rows}}{{this.orgName}}｜{{score}}{{/loop}}"))
        .containsExactly("rows", "orgName", "score");
    assertThat(templatedVariables("{{if x = \"a b\" then string(applicant.name) else \"否\"}}"))
        .containsExactly("x", "applicant");
    assertThat(templatedVariables("=\"基地：\" + orgName")).containsExactly("orgName");
    assertThat(templatedVariables("## 标题\n没有模板的说明文字。")).isEmpty();
    assertThat(templatedVariables("推荐单位：**{{reviewerName}}**")).containsExactly("reviewerName");
  }

  @Test
  void aFormTemplatingTypedTextFails() throws IOException {
    JsonNode bad = mapper.readTree("""
        {"id": "bad-form", "components": [
          {"type": "text", "id": "T1", "text": "## 审核\\n类型：{{anonymousFlag}}"},
          {"type": "group", "id": "G1", "components": [
            {"type": "text", "id": "T2", "text": "**场地设备**：{{facilitiesDescription}}"}]},
          {"type": "html", "id": "H1", "content": "<p>{{causeLabel}}</p>"},
          {"type": "image", "id": "I1", "source": "=evidenceUrl"},
          {"type": "iframe", "id": "F2", "url": "/evidence/application/{{applicationId}}?mode=view"},
          {"type": "iframe", "id": "F3", "url": "/evidence/application/{{orgName}}"},
          {"type": "iframe", "id": "F4", "url": "https://example.cn/x"},
          {"type": "textfield", "id": "F1", "key": "orgName", "label": "单位名称", "disabled": true}]}""");
    assertThat(problems("bad.form", bad)).containsExactly(
        "bad.form: text T2 templates facilitiesDescription",
        "bad.form: html H1 templates variables (causeLabel); html components may not template",
        "bad.form: image I1 templates evidenceUrl",
        "bad.form: iframe F3 templates orgName",
        "bad.form: iframe F4 shows https://example.cn/x; only our evidence page /evidence/… may be framed");
  }

  // ------------------------------------------------------------------------------------------

  private List<String> problems(String file, JsonNode root) {
    List<String> problems = new ArrayList<>();
    for (JsonNode c : components(root)) {
      String type = c.path("type").asText("");
      String id = c.path("id").asText("?");
      switch (type) {
        case "text" -> notAllowed(c.path("text").asText("")).forEach(v ->
            problems.add(file + ": text " + id + " templates " + v));
        case "html" -> {
          String content = c.path("content").asText("");
          if (isTemplate(content)) {
            problems.add(file + ": html " + id + " templates variables ("
                + String.join(", ", templatedVariables(content)) + "); html components may not template");
          }
        }
        case "image" -> notAllowed(c.path("source").asText("")).forEach(v ->
            problems.add(file + ": image " + id + " templates " + v));
        case "iframe" -> {
          String url = c.path("url").asText("");
          templatedVariables(url).stream()
              .filter(v -> !SYSTEM_VARIABLES.containsKey(v) && !CASE_IDS.containsKey(v))
              .forEach(v -> problems.add(file + ": iframe " + id + " templates " + v));
          if (!url.startsWith("/evidence/")) {
            problems.add(file + ": iframe " + id + " shows " + url + "; only our evidence page /evidence/… may be framed");
          }
        }
        default -> { }
      }
    }
    return problems;
  }

  private static List<String> notAllowed(String template) {
    return templatedVariables(template).stream().filter(v -> !SYSTEM_VARIABLES.containsKey(v)).toList();
  }

  /** Same test as form-js 1.8's FeelersTemplating.isTemplate. */
  static boolean isTemplate(String s) {
    return s.startsWith("=") || TEMPLATE.matcher(s).find();
  }

  /**
   * The variables a feelers template (form-js templating) reads: every name in every
   * {@code {{ … }}} (or the whole FEEL expression after a leading {@code =}), minus FEEL keywords,
   * names of called functions and string literals; for {@code a.b} the root {@code a}, for
   * {@code this.b}/{@code parent.b} the {@code b}. Errs on the side of reporting too much (a FEEL
   * function with a space in its name, such as {@code upper case(x)}, reports {@code upper}).
   */
  static List<String> templatedVariables(String template) {
    List<String> expressions = new ArrayList<>();
    if (template.startsWith("=")) {
      expressions.add(template.substring(1));
    } else {
      Matcher m = TEMPLATE.matcher(template);
      while (m.find()) {
        expressions.add(HELPER.matcher(m.group(1)).replaceFirst(" "));
      }
    }
    Set<String> names = new LinkedHashSet<>();
    for (String e : expressions) {
      String expr = STRING_LITERAL.matcher(e).replaceAll(" ");
      Matcher n = NAME.matcher(expr);
      boolean afterAccessor = false;
      while (n.find()) {
        String name = n.group();
        int before = n.start() - 1;
        while (before >= 0 && Character.isWhitespace(expr.charAt(before))) {
          before--;
        }
        boolean member = before >= 0 && expr.charAt(before) == '.';
        int after = n.end();
        while (after < expr.length() && Character.isWhitespace(expr.charAt(after))) {
          after++;
        }
        boolean call = after < expr.length() && expr.charAt(after) == '(';
        boolean accessorSegment = member && afterAccessor;
        afterAccessor = CONTEXT_ACCESSORS.contains(name) && !member;
        if (afterAccessor || call || FEEL_WORDS.contains(name) || (member && !accessorSegment)) {
          continue;
        }
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  private Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> forms = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        forms.put(p.getFileName().toString(), mapper.readTree(Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    return forms;
  }

  /** All components of a form, groups and dynamic lists included, depth first. */
  private static List<JsonNode> components(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    collect(root.path("components"), out);
    return out;
  }

  private static void collect(JsonNode components, List<JsonNode> out) {
    for (JsonNode c : components) {
      out.add(c);
      collect(c.path("components"), out);
    }
  }
}
