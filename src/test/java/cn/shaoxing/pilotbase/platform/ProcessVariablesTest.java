package cn.shaoxing.pilotbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every variable a diagram or a form uses is a form key or a declared variable of its process
 * (issue 9: "an administrator's diagram edit that breaks a name fails the build").
 */
class ProcessVariablesTest {

  private static Map<String, String> files(String dir, String suffix) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      for (Path p : s.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
        out.put(p.getFileName().toString(), Files.readString(p));
      }
    }
    return out;
  }

  private static List<String> check(Map<String, String> diagrams, Map<String, String> formFiles)
      throws Exception {
    List<String> problems = new ArrayList<>();
    Map<String, ProcessVariableCheck.Form> forms = new HashMap<>();
    formFiles.values().forEach(json -> {
      ProcessVariableCheck.Form f = ProcessVariableCheck.form(json);
      forms.put(f.id(), f);
    });
    ProcessVariableCheck check = new ProcessVariableCheck(
        ProcessVariableCheck.declarations(problems), forms, ExpressionSandbox.PROCESS_BEANS);
    for (Map.Entry<String, String> d : diagrams.entrySet()) {
      check.checkDiagram(d.getKey(), d.getValue());
    }
    problems.addAll(check.problems);
    return problems;
  }

  @Test
  void everyVariableOfEveryDiagramAndFormIsAFormKeyOrDeclared() throws Exception {
    Map<String, String> diagrams = files("processes", ".bpmn");
    assertThat(diagrams).hasSizeGreaterThanOrEqualTo(10);
    assertThat(check(diagrams, files("forms", ".form"))).isEmpty();
  }

  @Test
  void aRenamedVariableInAConditionFailsTheCheck() throws Exception {
    Map<String, String> diagrams = files("processes", ".bpmn");
    String objection = diagrams.get("objection.bpmn");
    assertThat(objection).contains("${verifyAction == 'consult'}");
    diagrams.put("objection.bpmn",
        objection.replace("${verifyAction == 'consult'}", "${verifyActoin == 'consult'}"));
    assertThat(check(Map.of("objection.bpmn", diagrams.get("objection.bpmn")), files("forms", ".form")))
        .anySatisfy(p -> assertThat(p).contains("verifyActoin").contains("objection.bpmn"));
  }

  @Test
  void aValueThatIsNotAnOptionFailsTheCheck() throws Exception {
    String objection = files("processes", ".bpmn").get("objection.bpmn");
    String broken = objection.replace("${verifyAction == 'consult'}", "${verifyAction == 'consulted'}");
    assertThat(check(Map.of("objection.bpmn", broken), files("forms", ".form")))
        .anySatisfy(p -> assertThat(p).contains("consulted").contains("verifyAction"));
  }

  @Test
  void aFormTemplateWithAnUnknownVariableFailsTheCheck() throws Exception {
    Map<String, String> forms = files("forms", ".form");
    String consult = forms.get("objection-consult.form");
    assertThat(consult).contains("orgName");
    forms.put("objection-consult.form", consult.replaceFirst("\"text\": \"", "\"text\": \"{{orgNmae}} "));
    String objection = files("processes", ".bpmn").get("objection.bpmn");
    assertThat(check(Map.of("objection.bpmn", objection), forms))
        .anySatisfy(p -> assertThat(p).contains("orgNmae").contains("objection-consult"));
  }

  @Test
  void aVariableDeclaredTwiceForOneProcessIsReported() {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Set<String>>> declared = ProcessVariableCheck.declarations(problems);
    assertThat(problems).isEmpty();
    assertThat(declared.get("objection")).containsKey("verifyAction");
    assertThat(declared.get("objection").get("verifyAction")).contains("consult", "upheld", "dismissed");
  }
}
