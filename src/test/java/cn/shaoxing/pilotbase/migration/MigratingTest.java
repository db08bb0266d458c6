package cn.shaoxing.pilotbase.migration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.ChangedDiagram;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.MigrationBatches;
import cn.shaoxing.pilotbase.support.RestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every migration test does: deploy a changed diagram as the Modeler does, migrate chosen instances
 * through {@code /api/migrations} as {@code admin}, run the batch, and remove the test's versions
 * afterwards (cascade), so that other tests start their processes on the diagrams of processes/.
 */
abstract class MigratingTest extends IntegrationTest {

  static final ObjectMapper JSON = new ObjectMapper();

  RestClient rest;
  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void migratingSetUp() {
    rest = new RestClient(baseUrl());
  }

  @AfterEach
  void removeChangedVersions() {
    // cascade: the instances migrated to the test's versions and their history go too
    for (int i = deployments.size() - 1; i >= 0; i--) {
      engine.getRepositoryService().deleteDeployment(deployments.get(i), true, true);
    }
    deployments.clear();
  }

  ProcessDefinition deploy(ChangedDiagram diagram) {
    String deployment = diagram.deploy(rest);
    deployments.add(deployment);
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult();
  }

  /** Validates and executes the migration of {@code cases} to the latest version as admin, then runs the batch. */
  JsonNode migrate(String key, List<ProcessInstance> cases, String... mappings) throws Exception {
    String body = request(key, cases, mappings);
    JsonNode report = JSON.readTree(ok(rest.postJson("/api/migrations/validate", "admin", body), 200));
    assertThat(report.path("valid").asBoolean()).as(report.toString()).isTrue();
    JsonNode done = JSON.readTree(ok(rest.postJson("/api/migrations", "admin", body), 202));
    assertThat(done.path("batches")).isNotEmpty();
    for (JsonNode batch : done.path("batches")) {
      assertThat(engine.getManagementService().createBatchQuery().batchId(batch.path("batchId").asText()).count())
          .as("a batch, as Cockpit's Batches shows it").isOne();
      MigrationBatches.run(engine, batch.path("batchId").asText());
    }
    return done;
  }

  static String request(String key, List<ProcessInstance> cases, String... mappings) throws Exception {
    return JSON.writeValueAsString(Map.of("processKey", key,
        "processInstanceIds", cases.stream().map(ProcessInstance::getId).toList(),
        "mappings", String.join("\n", mappings)));
  }

  static String ok(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return r.body();
  }

  ProcessInstance instance(ProcessInstance pi) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
  }

  void assertEndedThrough(ProcessInstance pi, String... activities) {
    assertThat(instance(pi)).as("ended").isNull();
    for (String a : activities) {
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
          .activityId(a).finished().count()).as("passed " + a).isPositive();
    }
  }

  /** The open task {@code key} of an instance, asserted to be on {@code definition}. */
  Task taskOn(ProcessInstance pi, String key, ProcessDefinition definition) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
    assertThat(tasks).as(key + " open in " + pi.getId()).isNotEmpty();
    tasks.forEach(t -> assertThat(t.getProcessDefinitionId()).as(key).isEqualTo(definition.getId()));
    return tasks.get(0);
  }
}
