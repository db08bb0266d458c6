package cn.shaoxing.pilotbase.migration;

import cn.shaoxing.pilotbase.migration.MigrationReport.Batch;
import cn.shaoxing.pilotbase.migration.MigrationReport.Execution;
import cn.shaoxing.pilotbase.migration.MigrationReport.Mapping;
import cn.shaoxing.pilotbase.migration.MigrationReport.SourcePlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running instances of a process to another deployed version of it (issue 13 item 3, M18), with
 * the engine's migration API: a generated plan ({@code mapEqualActivities().updateEventTriggers()}) plus
 * the administrator's explicit mappings, validated twice before anything changes — the plan by the
 * engine's plan validation, every selected instance by migrating it inside a transaction that is always
 * rolled back (the engine's own instance validation; the batch would otherwise only report it as failed
 * jobs afterwards). Only a valid plan is executed, as one batch per source version
 * ({@code executeAsync}, visible in Cockpit's Batches). Engine calls run as the signed-in user: only
 * administrators reach this service (docs/adr/0034-migrating-running-instances.md).
 */
@Service
public class MigrationService {

  private static final Logger log = LoggerFactory.getLogger(MigrationService.class);

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final TransactionTemplate dryRun;

  public MigrationService(RuntimeService runtime, RepositoryService repository, PlatformTransactionManager tx) {
    this.runtime = runtime;
    this.repository = repository;
    this.dryRun = new TransactionTemplate(tx);
  }

  /** A deployed process: its versions with their running instances, newest first. */
  public record ProcessVersions(String key, String name, int latestVersion, List<VersionCount> versions) {}

  public record VersionCount(int version, String definitionId, long running) {}

  /** Every process key with its versions and running instances (the page's first step). */
  public List<ProcessVersions> overview() {
    Map<String, List<ProcessDefinition>> byKey = new LinkedHashMap<>();
    for (ProcessDefinition d : repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc()
        .orderByProcessDefinitionVersion().desc().list()) {
      byKey.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(d);
    }
    List<ProcessVersions> result = new ArrayList<>();
    byKey.forEach((key, defs) -> result.add(new ProcessVersions(key, defs.get(0).getName(), defs.get(0).getVersion(),
        defs.stream().map(d -> new VersionCount(d.getVersion(), d.getId(),
            runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count())).toList())));
    return result;
  }

  /** Generates and validates the plan; changes nothing. */
  public MigrationReport validate(MigrationRequest request) {
    return prepare(request).report();
  }

  /** Validates, and only if valid starts one migration batch per source version. */
  public Execution execute(MigrationRequest request) {
    Prepared prepared = prepare(request);
    if (!prepared.report().valid()) {
      throw new MigrationRefusedException(prepared.report());
    }
    List<Batch> batches = new ArrayList<>();
    for (SourcePlan source : prepared.report().sources()) {
      if (source.processInstanceIds().isEmpty()) {
        continue;
      }
      MigrationPlan plan = prepared.plans().get(source.definitionId());
      var batch = runtime.newMigration(plan).processInstanceIds(source.processInstanceIds()).executeAsync();
      log.info("Migration batch {} started: {} v{} -> v{}, {} instances", batch.getId(), request.processKey(),
          source.version(), prepared.report().targetVersion(), source.processInstanceIds().size());
      batches.add(new Batch(batch.getId(), source.version(), source.processInstanceIds().size()));
    }
    return new Execution(prepared.report(), batches);
  }

  private record Prepared(MigrationReport report, Map<String, MigrationPlan> plans) {}

  private Prepared prepare(MigrationRequest request) {
    List<String> problems = new ArrayList<>();
    String key = request.processKey() == null ? "" : request.processKey().trim();
    if (key.isEmpty()) {
      return refused(key, null, "请选择流程（流程定义 key）");
    }
    List<ProcessDefinition> defs = repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .orderByProcessDefinitionVersion().asc().list();
    if (defs.isEmpty()) {
      return refused(key, null, "没有名为 " + key + " 的已部署流程");
    }
    ProcessDefinition latest = defs.get(defs.size() - 1);
    ProcessDefinition target = request.targetVersion() == null ? latest
        : defs.stream().filter(d -> d.getVersion() == request.targetVersion()).findFirst().orElse(null);
    if (target == null) {
      return refused(key, latest.getName(), "流程 " + key + " 没有版本 " + request.targetVersion()
          + "（已部署版本 1–" + latest.getVersion() + "）");
    }
    List<ProcessDefinition> sources = new ArrayList<>();
    if (request.sourceVersions().isEmpty()) {
      defs.stream().filter(d -> d.getVersion() < target.getVersion())
          .filter(d -> runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count() > 0)
          .forEach(sources::add);
    } else {
      for (int v : new java.util.TreeSet<>(request.sourceVersions())) {
        defs.stream().filter(d -> d.getVersion() == v).findFirst().ifPresentOrElse(d -> {
          if (d.getId().equals(target.getId())) {
            problems.add("源版本 " + v + " 与目标版本相同");
          } else {
            sources.add(d);
          }
        }, () -> problems.add("流程 " + key + " 没有版本 " + v));
      }
    }
    MigrationRequest.Parsed parsed = request.parsedMappings();
    problems.addAll(parsed.problems());

    BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
    problems.addAll(missingForms(target, targetModel));
    Set<String> requested = new HashSet<>(request.processInstanceIds());
    Set<String> found = new HashSet<>();
    List<SourcePlan> plans = new ArrayList<>();
    Map<String, MigrationPlan> built = new LinkedHashMap<>();
    for (ProcessDefinition source : sources) {
      BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
      MigrationMessages messages = new MigrationMessages(id -> name(sourceModel, targetModel, id));
      List<String> ids = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list().stream()
          .map(ProcessInstance::getId).filter(id -> requested.isEmpty() || requested.contains(id)).sorted().toList();
      found.addAll(ids);
      List<String> sourceProblems = new ArrayList<>();
      MigrationPlan plan = null;
      try {
        plan = plan(source, target, sourceModel, parsed.mappings());
      } catch (MigrationPlanValidationException e) {
        for (MigrationInstructionValidationReport r : e.getValidationReport().getInstructionReports()) {
          MigrationInstruction i = r.getMigrationInstruction();
          r.getFailures().forEach(f -> sourceProblems.add(
              messages.instruction(i.getSourceActivityId(), i.getTargetActivityId(), f)));
        }
        e.getValidationReport().getVariableReports().forEach((name, r) -> r.getFailures()
            .forEach(f -> sourceProblems.add("变量 " + name + "：" + f)));
        if (sourceProblems.isEmpty()) {
          sourceProblems.add("迁移计划未通过引擎校验（原文：" + e.getMessage() + "）");
        }
      } catch (ProcessEngineException e) {
        sourceProblems.add(planFailure(messages, e.getMessage()));
      }
      List<Mapping> mappings = List.of();
      if (plan != null) {
        mappings = plan.getInstructions().stream().map(i -> new Mapping(i.getSourceActivityId(),
            name(sourceModel, null, i.getSourceActivityId()), i.getTargetActivityId(),
            name(targetModel, null, i.getTargetActivityId()), i.isUpdateEventTrigger())).toList();
        sourceProblems.addAll(dryRun(plan, ids, messages));
        built.put(source.getId(), plan);
      }
      plans.add(new SourcePlan(source.getVersion(), source.getId(), ids, mappings, sourceProblems));
    }
    for (String id : request.processInstanceIds()) {
      if (!found.contains(id)) {
        problems.add("流程实例 " + id + " 不在所选的源版本上（或已结束）");
      }
    }
    if (sources.isEmpty() && problems.isEmpty()) {
      problems.add("流程 " + key + " 的旧版本上没有运行中的实例，无需迁移（目标版本 " + target.getVersion() + "）");
    } else if (problems.isEmpty() && plans.stream().allMatch(p -> p.processInstanceIds().isEmpty())) {
      problems.add("所选源版本上没有运行中的实例，无需迁移");
    }
    plans.sort(Comparator.comparingInt(SourcePlan::version));
    return new Prepared(new MigrationReport(key, target.getName(), target.getVersion(), target.getId(), plans, problems),
        built);
  }

  /**
   * Forms are bound by deployment (ADR 0002): a migrated task opens the form of the target version's own
   * deployment, so every form the target diagram names must have been deployed with it.
   */
  private List<String> missingForms(ProcessDefinition target, BpmnModelInstance model) {
    Set<String> deployed = new HashSet<>();
    for (String resource : repository.getDeploymentResourceNames(target.getDeploymentId())) {
      if (resource.endsWith(".form")) {
        try (var in = repository.getResourceAsStream(target.getDeploymentId(), resource)) {
          deployed.add(FORM_JSON.readTree(in).path("id").asText());
        } catch (java.io.IOException | RuntimeException e) {
          log.warn("Form {} of deployment {} not readable: {}", resource, target.getDeploymentId(), e.getMessage());
        }
      }
    }
    List<String> problems = new ArrayList<>();
    for (FlowElement e : model.getModelElementsByType(FlowElement.class)) {
      String formRef = e.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
      if (formRef != null && !deployed.contains(formRef)) {
        problems.add("目标版本 " + target.getVersion() + " 的部署中没有表单 " + formRef + "（环节“" + e.getName() + "”("
            + e.getId() + ") 使用）：迁移后该环节在任务列表中打不开。请在 Modeler 部署时把 forms/ 中的表单文件一并附上，重新部署后再迁移");
      }
    }
    return problems;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper FORM_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private static Prepared refused(String key, String name, String problem) {
    return new Prepared(new MigrationReport(key, name, null, null, List.of(), List.of(problem)), Map.of());
  }

  /**
   * The generated plan with the explicit mappings in place of the generated instruction for the same
   * source activity (the engine refuses two instructions for one source).
   */
  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, BpmnModelInstance sourceModel,
      Map<String, String> explicit) {
    MigrationPlan generated = runtime.createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities().updateEventTriggers().build();
    if (explicit.isEmpty()) {
      return generated;
    }
    MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
    for (MigrationInstruction i : generated.getInstructions()) {
      if (!explicit.containsKey(i.getSourceActivityId())) {
        var b = builder.mapActivities(i.getSourceActivityId(), i.getTargetActivityId());
        builder = i.isUpdateEventTrigger() ? b.updateEventTrigger() : b;
      }
    }
    for (Map.Entry<String, String> e : explicit.entrySet()) {
      var b = builder.mapActivities(e.getKey(), e.getValue());
      builder = hasEventTrigger(sourceModel.getModelElementById(e.getKey())) ? b.updateEventTrigger() : b;
    }
    return builder.build();
  }

  private static boolean hasEventTrigger(ModelElementInstance element) {
    if (element instanceof BoundaryEvent b) {
      return !b.getEventDefinitions().isEmpty();
    }
    if (element instanceof IntermediateCatchEvent c) {
      return !c.getEventDefinitions().isEmpty();
    }
    return element instanceof StartEvent s && !s.getEventDefinitions().isEmpty()
        && s.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.SubProcess;
  }

  /**
   * The engine's per-instance validation, without changing anything: every instance is migrated in a
   * transaction that is rolled back whatever happens (the engine's commands join the Spring transaction).
   */
  private List<String> dryRun(MigrationPlan plan, List<String> ids, MigrationMessages messages) {
    List<String> problems = new ArrayList<>();
    if (ids.isEmpty()) {
      return problems;
    }
    dryRun.executeWithoutResult(status -> {
      status.setRollbackOnly();
      for (String id : ids) {
        try {
          runtime.newMigration(plan).processInstanceIds(id).execute();
        } catch (MigratingProcessInstanceValidationException e) {
          problems.addAll(describe(e.getValidationReport(), messages));
        } catch (ProcessEngineException e) {
          problems.add(messages.processInstance(id, e.getMessage()));
        }
      }
    });
    return problems;
  }

  private static List<String> describe(MigratingProcessInstanceValidationReport report, MigrationMessages messages) {
    List<String> problems = new ArrayList<>();
    String pi = report.getProcessInstanceId();
    report.getFailures().forEach(f -> problems.add(messages.processInstance(pi, f)));
    for (MigratingActivityInstanceValidationReport a : report.getActivityInstanceReports()) {
      a.getFailures().forEach(f -> problems.add(messages.activityInstance(pi, a.getSourceScopeId(), f)));
    }
    for (MigratingTransitionInstanceValidationReport t : report.getTransitionInstanceReports()) {
      t.getFailures().forEach(f -> problems.add(messages.activityInstance(pi, t.getSourceScopeId(), f)));
    }
    return problems;
  }

  private static String planFailure(MigrationMessages messages, String message) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(Source|Target) activity '([^']*)' does not exist")
        .matcher(message == null ? "" : message);
    if (m.find()) {
      return messages.instruction(m.group(1).equals("Source") ? m.group(2) : null,
          m.group(1).equals("Target") ? m.group(2) : null, m.group());
    }
    return "迁移计划未通过引擎校验（原文：" + message + "）";
  }

  /** The Chinese name of an activity in the source version, else in the target version. */
  private static String name(BpmnModelInstance source, BpmnModelInstance target, String id) {
    for (BpmnModelInstance model : new BpmnModelInstance[] {source, target}) {
      if (model != null && id != null && model.getModelElementById(id) instanceof FlowElement e && e.getName() != null) {
        return e.getName();
      }
    }
    return null;
  }
}
