package cn.shaoxing.pilotbase.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Cockpit (bpmn-js) can draw: every flow node and sequence flow has its layout, and the
 * content of a collapsed sub-process sits on the sub-process's own plane (as Camunda Modeler saves
 * it). Content of a collapsed sub-process placed on the main plane is silently not drawn, so the
 * tasks inside (e.g. 区县科技部门审核推荐) never show in Cockpit. The browser walk checks the drawing
 * itself; this test checks every diagram without a browser.
 */
class DiagramDrawabilityTest {

  static Stream<Path> diagrams() throws IOException {
    return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyElementIsDrawableInCockpit(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Set<String> mainPlane = new HashSet<>();
    for (BpmnPlane plane : model.getModelElementsByType(BpmnPlane.class)) {
      if (!(plane.getBpmnElement() instanceof SubProcess)) {
        plane.getDiagramElements().forEach(d -> mainPlane.add(idOf(d)));
      }
    }
    for (FlowElement e : model.getModelElementsByType(FlowElement.class)) {
      if (!(e instanceof FlowNode || e instanceof SequenceFlow)) {
        continue;
      }
      if (e.getParentElement() instanceof SubProcess sub && !isExpanded(model, sub)) {
        BpmnPlane own = model.getModelElementsByType(BpmnPlane.class).stream()
            .filter(p -> p.getBpmnElement() == sub).findFirst().orElse(null);
        assertThat(own).as("%s: 折叠子流程 %s 需要自己的图层（BPMNPlane）", file, sub.getId()).isNotNull();
        List<String> onOwn = own.getDiagramElements().stream().map(DiagramElementIds::of).toList();
        assertThat(onOwn).as("%s: %s 应画在子流程 %s 的图层上", file, e.getId(), sub.getId()).contains(e.getId());
      } else {
        assertThat(mainPlane).as("%s: %s 缺少布局（DI）", file, e.getId()).contains(e.getId());
      }
    }
  }

  static boolean isExpanded(BpmnModelInstance model, SubProcess sub) {
    return model.getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> s.getBpmnElement() == sub).anyMatch(s -> Boolean.TRUE.equals(s.isExpanded()));
  }

  static String idOf(DiagramElement d) {
    return DiagramElementIds.of(d);
  }

  /** The id of the BPMN element a shape or edge draws. */
  static final class DiagramElementIds {
    static String of(DiagramElement d) {
      if (d instanceof BpmnShape s && s.getBpmnElement() != null) {
        return s.getBpmnElement().getId();
      }
      if (d instanceof org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge e && e.getBpmnElement() != null) {
        return e.getBpmnElement().getId();
      }
      return "";
    }
  }
}
