package cn.shaoxing.pilotbase.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A diagram of processes/ changed as an administrator changes it in the Modeler (Camunda model API:
 * rename a task, change a due date, add a user task, rename an id) and deployed as the Modeler deploys:
 * {@code POST /engine-rest/deployment/create} as {@code admin}, together with the forms the diagram
 * references (form binding "deployment").
 */
public final class ChangedDiagram {

  /** Id of the user task the changed versions add. */
  public static final String ADDED_TASK = "Task_MigrationAdded";
  public static final String ADDED_NAME = "核对迁移后的办理结果（新增环节）";

  private final BpmnModelInstance model;
  private final String key;

  private ChangedDiagram(String key, BpmnModelInstance model) {
    this.key = key;
    this.model = model;
  }

  /** processes/{key}.bpmn as it is in the sources. */
  public static ChangedDiagram of(String key) {
    try (InputStream in = Files.newInputStream(Path.of("processes", key + ".bpmn"))) {
      return new ChangedDiagram(key, Bpmn.readModelFromStream(in));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public ChangedDiagram rename(String taskId, String newName) {
    UserTask t = model.getModelElementById(taskId);
    t.setName(newName);
    return this;
  }

  public ChangedDiagram dueDate(String taskId, String expression) {
    UserTask t = model.getModelElementById(taskId);
    t.setCamundaDueDate(expression);
    return this;
  }

  /** A user task for {@code group} on the incoming flow of {@code nodeId} (before that node). */
  public ChangedDiagram addTaskBefore(String nodeId, String group) {
    FlowNode node = model.getModelElementById(nodeId);
    SequenceFlow incoming = node.getIncoming().iterator().next();
    ModelElementInstance scope = incoming.getParentElement();
    UserTask task = model.newInstance(UserTask.class);
    task.setId(ADDED_TASK);
    task.setName(ADDED_NAME);
    task.setCamundaCandidateGroups(group);
    scope.addChildElement(task);
    SequenceFlow out = model.newInstance(SequenceFlow.class);
    out.setId("Flow_MigrationAdded");
    scope.addChildElement(out);
    out.setSource(task);
    out.setTarget(node);
    incoming.setTarget(task);
    return this;
  }

  /** Gives an element a new id (what "changed id" means for a migration plan). */
  public ChangedDiagram changeId(String oldId, String newId) {
    ModelElementInstance e = model.getModelElementById(oldId);
    e.setAttributeValue("id", newId, true);
    return this;
  }

  /** Any other edit. */
  public ChangedDiagram edit(Consumer<BpmnModelInstance> change) {
    change.accept(model);
    return this;
  }

  public String xml() {
    Bpmn.validateModel(model);
    return Bpmn.convertToString(model);
  }

  /** Deploys the changed diagram with every form of forms/ through the REST API as admin; the deployment id. */
  public String deploy(RestClient rest) {
    return deploy(rest, true);
  }

  /** As {@link #deploy(RestClient)}; {@code withForms} false deploys the diagram alone (a forgotten attachment). */
  public String deploy(RestClient rest, boolean withForms) {
    String boundary = "----migration" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "deployment-name", null, ("migration-test-" + key).getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "deployment-source", null, "Camunda Modeler".getBytes(StandardCharsets.UTF_8));
    part(body, boundary, key + ".bpmn", key + ".bpmn", xml().getBytes(StandardCharsets.UTF_8));
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path f : withForms ? forms.sorted().toList() : List.<Path>of()) {
        part(body, boundary, f.getFileName().toString(), f.getFileName().toString(), Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = rest.send(HttpRequest.newBuilder(URI.create(rest.baseUrl() + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), "admin");
    assertThat(r.statusCode()).as("deploy " + key + ": " + r.body()).isEqualTo(200);
    try {
      return new ObjectMapper().readTree(r.body()).path("id").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] bytes) {
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
        + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  /** Ids of the user tasks of a diagram in processes/ (what the tests must cover). */
  public static List<String> userTasks(String key) {
    List<String> ids = new ArrayList<>();
    of(key).model.getModelElementsByType(UserTask.class).forEach(t -> ids.add(t.getId()));
    return ids;
  }
}
