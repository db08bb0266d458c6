package cn.shaoxing.pilotbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/**
 * Conventions every diagram in processes/ keeps, so an administrator's Modeler edit that breaks one
 * is caught by the build: due dates in working days, a role on every user task, version-safe forms,
 * a history time-to-live, Chinese names, and layout (DI) for every element.
 */
class ProcessModelConventionsTest {

  static List<Path> diagrams() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("processes"))) {
      return s.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  static Set<String> formIds() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("forms"))) {
      return s.filter(p -> p.toString().endsWith(".form")).map(p -> {
        try {
          return new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.toFile()).path("id").asText();
        } catch (Exception e) {
          throw new IllegalStateException(p + " 不是合法的表单JSON", e);
        }
      }).collect(Collectors.toSet());
    }
  }

  @Test
  void everyDiagramFollowsTheConventions() throws Exception {
    Set<String> forms = formIds();
    List<String> problems = new ArrayList<>();
    assertThat(diagrams()).isNotEmpty();
    for (Path p : diagrams()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(new File(p.toString()));
      String f = p.getFileName().toString();
      for (Process proc : model.getModelElementsByType(Process.class)) {
        if (proc.isExecutable() && proc.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(f + ": process " + proc.getId() + " has no historyTimeToLive");
        }
        if (proc.getName() == null || !proc.getName().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
          problems.add(f + ": process " + proc.getId() + " needs a Chinese name");
        }
      }
      for (UserTask t : model.getModelElementsByType(UserTask.class)) {
        String id = f + ": " + t.getId();
        // Either computed in place, or a *Due variable computed with workingDays by a delegate and
        // shared with the task's deadline timer.
        String due = t.getCamundaDueDate();
        if (due == null || !(due.contains("workingDays") || due.matches("\\$\\{\\w+Due}"))) {
          problems.add(id + " has no working-day due date");
        }
        if (t.getCamundaAssignee() == null && t.getCamundaCandidateGroups() == null && t.getCamundaCandidateUsers() == null) {
          problems.add(id + " is assigned to nobody");
        }
        checkForm(id, t.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"),
            t.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding"), forms, problems);
        if (t.getName() == null || t.getName().isBlank()) {
          problems.add(id + " has no name");
        }
      }
      for (StartEvent s : model.getModelElementsByType(StartEvent.class)) {
        String ref = s.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        if (ref != null) {
          checkForm(f + ": " + s.getId(), ref, s.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding"),
              forms, problems);
        }
      }
      Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
          .map(BpmnShape::getBpmnElement).filter(e -> e != null).map(BaseElement::getId).collect(Collectors.toSet());
      Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
          .map(BpmnEdge::getBpmnElement).filter(e -> e != null).map(BaseElement::getId).collect(Collectors.toSet());
      Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
      nodes.stream().filter(n -> !shapes.contains(n.getId())).forEach(n -> problems.add(f + ": " + n.getId() + " has no shape (DI)"));
      model.getModelElementsByType(SequenceFlow.class).stream().filter(s -> !edges.contains(s.getId()))
          .forEach(s -> problems.add(f + ": " + s.getId() + " has no edge (DI)"));
    }
    assertThat(problems).isEmpty();
  }

  private static void checkForm(String id, String ref, String binding, Set<String> forms, List<String> problems) {
    if (ref == null) {
      problems.add(id + " has no Camunda Form (camunda:formRef)");
    } else if (!forms.contains(ref)) {
      problems.add(id + " references missing form " + ref);
    }
    if (ref != null && !"deployment".equals(binding)) {
      problems.add(id + " must bind its form by deployment (formRefBinding=\"deployment\")");
    }
  }
}
