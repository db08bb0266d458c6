package cn.shaoxing.pilotbase.progress;

import cn.shaoxing.pilotbase.platform.PlatformCalls;
import cn.shaoxing.pilotbase.documents.CaseRefs;
import cn.shaoxing.pilotbase.documents.DocumentInfo;
import cn.shaoxing.pilotbase.documents.DocumentService;

import cn.shaoxing.pilotbase.designation.Application;
import cn.shaoxing.pilotbase.designation.ApplicationService;
import cn.shaoxing.pilotbase.designation.ApplicationStatus;
import cn.shaoxing.pilotbase.designation.ApplicationWithdrawal;
import cn.shaoxing.pilotbase.designation.Round;
import cn.shaoxing.pilotbase.designation.RoundService;
import cn.shaoxing.pilotbase.evaluation.Cycle;
import cn.shaoxing.pilotbase.evaluation.CycleStatus;
import cn.shaoxing.pilotbase.evaluation.EvaluationService;
import cn.shaoxing.pilotbase.evaluation.Participation;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.progress.CaseProgress.Done;
import cn.shaoxing.pilotbase.progress.CaseProgress.Open;
import cn.shaoxing.pilotbase.progress.ProgressModel.Audience;
import cn.shaoxing.pilotbase.progress.ProgressModel.Step;
import cn.shaoxing.pilotbase.scoring.Grade;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Builds 办理进度 (issue 12): an applicant's applications and its base's evaluations, a district's (or
 * competent unit's) cases, from our tables and from the engine's runtime and history, read on the
 * platform's behalf. The viewer gets no grant on the engine (ADR 0030): this curated view, limited to
 * what {@link ProgressModel} tells its audience, is all it sees of a case.
 */
@Service
public class CaseProgressService {

  public static final String APPLICATION = "application";
  public static final String EVALUATION = "evaluation";
  static final ZoneId ZONE = cn.shaoxing.pilotbase.platform.AppClock.ZONE;

  /** Who asks. */
  public record Viewer(String userId, Collection<String> groups) {

    boolean bureau() {
      return groups != null && (groups.contains(Role.BUREAU.groupId()) || groups.contains(Role.ADMIN.groupId()));
    }

    List<String> reviewerGroups() {
      return groups == null ? List.of()
          : groups.stream().filter(g -> Role.byGroupId(g).map(Role::isReviewer).orElse(false)).toList();
    }
  }

  private final ApplicationService applications;
  private final ApplicationWithdrawal withdrawal;
  private final RoundService rounds;
  private final EvaluationService evaluations;
  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final DocumentService documents;

  public CaseProgressService(ApplicationService applications, ApplicationWithdrawal withdrawal, RoundService rounds,
      EvaluationService evaluations, HistoryService history, TaskService tasks, IdentityService identity,
      DocumentService documents) {
    this.documents = documents;
    this.applications = applications;
    this.withdrawal = withdrawal;
    this.rounds = rounds;
    this.evaluations = evaluations;
    this.history = history;
    this.tasks = tasks;
    this.identity = identity;
  }

  // ------------------------------------------------------------------ lists

  /**
   * The viewer's own cases (applicant / base) and those of its district or competent unit, without
   * the steps done (the list shows where each stands; {@link #one} has the steps).
   */
  public List<CaseProgress> casesOf(Viewer viewer) {
    return asPlatform(() -> {
      Map<String, Application> apps = new LinkedHashMap<>();
      applications.ofApplicant(viewer.userId()).forEach(a -> apps.put(a.id(), a));
      for (String g : viewer.reviewerGroups()) {
        applications.ofReviewerGroup(g).forEach(a -> apps.putIfAbsent(a.id(), a));
      }
      List<CaseProgress> out = new ArrayList<>();
      apps.values().forEach(a -> out.add(application(a, audience(viewer, a.applicantUserId(), a.reviewerGroup()), false)));
      Map<String, HistoricProcessInstance> evals = new LinkedHashMap<>();
      history.createHistoricProcessInstanceQuery().processDefinitionKey(ProgressModel.BASE_EVALUATION)
          .variableValueEquals("baseUser", viewer.userId()).orderByProcessInstanceStartTime().desc().list()
          .forEach(p -> evals.put(p.getId(), p));
      for (String g : viewer.reviewerGroups()) {
        history.createHistoricProcessInstanceQuery().processDefinitionKey(ProgressModel.BASE_EVALUATION)
            .variableValueEquals("reviewerGroup", g).orderByProcessInstanceStartTime().desc().list()
            .forEach(p -> evals.putIfAbsent(p.getId(), p));
      }
      for (HistoricProcessInstance p : evals.values()) {
        Map<String, Object> v = variables(p.getId());
        out.add(evaluation(p, v, audience(viewer, (String) v.get("baseUser"), (String) v.get("reviewerGroup")), false));
      }
      return out;
    });
  }

  // ------------------------------------------------------------------ one case

  /** One case if the viewer may see it: 404 when there is no such case, 403 when it is another's. */
  public CaseProgress one(Viewer viewer, String kind, String id) {
    return asPlatform(() -> {
      if (APPLICATION.equals(kind)) {
        Application a = applications.find(id).orElseThrow(CaseProgressService::notFound);
        return application(a, allowed(viewer, a.applicantUserId(), a.reviewerGroup()), true)
            .withDocuments(documentsOf(viewer, CaseRefs.application(a.id()), CaseRefs.round(a.roundYear())));
      }
      if (EVALUATION.equals(kind)) {
        HistoricProcessInstance p = history.createHistoricProcessInstanceQuery().processInstanceId(id)
            .processDefinitionKey(ProgressModel.BASE_EVALUATION).singleResult();
        if (p == null) {
          throw notFound();
        }
        Map<String, Object> v = variables(p.getId());
        String cycleId = (String) v.get("cycleId");
        return evaluation(p, v, allowed(viewer, (String) v.get("baseUser"), (String) v.get("reviewerGroup")), true)
            .withDocuments(documentsOf(viewer, cycleId == null ? null : CaseRefs.cycle(cycleId),
                v.get("baseId") == null ? null : String.valueOf(v.get("baseId"))));
      }
      throw notFound();
    });
  }

  /**
   * The official documents (公文) of a case the viewer may read: its own (an outcome letter) and those of
   * its round or cycle or base (notices, a revocation decision), each checked by {@link DocumentService}.
   */
  private List<DocumentInfo> documentsOf(Viewer viewer, String... refs) {
    Map<String, DocumentInfo> found = new LinkedHashMap<>();
    for (String ref : refs) {
      if (ref != null) {
        documents.visibleTo(viewer.userId(), viewer.groups(), ref).forEach(d -> found.putIfAbsent(d.id(), d));
      }
    }
    return List.copyOf(found.values());
  }

  /** The audience the viewer belongs to for a case; null for the bureau; 403 for anyone else. */
  private static Audience allowed(Viewer viewer, String owner, String reviewerGroup) {
    if (viewer.userId() != null && viewer.userId().equals(owner)) {
      return Audience.OWNER;
    }
    if (reviewerGroup != null && viewer.reviewerGroups().contains(reviewerGroup)) {
      return Audience.REVIEWER;
    }
    if (viewer.bureau()) {
      return null;
    }
    throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看该案件的办理进度（只能查看本单位或本辖区的案件）");
  }

  private static Audience audience(Viewer viewer, String owner, String reviewerGroup) {
    return viewer.userId() != null && viewer.userId().equals(owner) ? Audience.OWNER
        : reviewerGroup != null && viewer.reviewerGroups().contains(reviewerGroup) ? Audience.REVIEWER : null;
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到该案件");
  }

  /** One application; {@code withSteps} false (the list) leaves out the steps done (no history read). */
  private CaseProgress application(Application a, Audience audience, boolean withSteps) {
    List<String> instances = new ArrayList<>();
    instances.add(a.processInstanceId());
    if (!endedBeforeTheRoundsReview(a.status())) {
      history.createHistoricProcessInstanceQuery().processDefinitionKey(ProgressModel.APPLICATION_REVIEW)
          .variableValueEquals("applicationId", a.id()).orderByProcessInstanceStartTime().asc().list()
          .forEach(p -> instances.add(p.getId()));
    }
    List<Done> done = new ArrayList<>();
    List<Open> current = new ArrayList<>();
    for (String pi : instances) {
      if (withSteps) {
        done.addAll(done(pi, audience));
      }
      current.addAll(current(pi, audience));
    }
    done.sort(Comparator.comparing(Done::at));
    Open next = current.isEmpty() ? roundStage(a) : null;
    String outcome = a.outcomeReason() == null || a.outcomeReason().isBlank() ? "" : a.outcomeReason();
    boolean withdrawable = audience == Audience.OWNER && withdrawal.possible(a);
    return new CaseProgress(APPLICATION, a.id(), "中试基地申报", a.orgName(), a.roundYear(),
        reviewerName(a.reviewerGroup()), a.status().chineseName(), outcome, done, current, next, withdrawable,
        List.of());
  }

  /** Statuses in which the application never reached the round's review (no designation-evaluation). */
  private static boolean endedBeforeTheRoundsReview(ApplicationStatus s) {
    return s.beforeDistrictDecision() || s == ApplicationStatus.WITHDRAWN || s == ApplicationStatus.ABANDONED
        || s == ApplicationStatus.DISTRICT_REJECTED;
  }

  /** What the round does next once the application waits for no task of its own. */
  private Open roundStage(Application a) {
    Optional<Round> round = rounds.find(a.roundYear());
    if (round.isEmpty()) {
      return null;
    }
    Round r = round.get();
    ApplicationStatus s = a.status();
    if (s == ApplicationStatus.RECOMMENDED && r.applicationDeadline() != null) {
      return new Open("申报截止后，由区县（归口单位）择优推荐排序并报市科技局", "区县科技部门（归口单位）",
          r.applicationDeadline().atTime(LocalTime.of(23, 59)).atZone(ZONE).toInstant());
    }
    if (s == ApplicationStatus.EVALUATED || s == ApplicationStatus.PROPOSED || s == ApplicationStatus.NOT_CHOSEN
        || s == ApplicationStatus.OBJECTION_UPHELD) {
      return switch (r.status()) {
        case REVIEW -> new Open("市科技局研究提出拟评定名单", "市科技局", null);
        case PARTY_REVIEW -> new Open("市科技局党组会议审议拟评定名单", "市科技局党组", null);
        case PUBLICITY -> new Open("拟评定名单公示中（公示期满后发文公布）", "市科技局", r.publicityEnd());
        default -> null;
      };
    }
    return null;
  }

  private CaseProgress evaluation(HistoricProcessInstance p, Map<String, Object> v, Audience audience,
      boolean withSteps) {
    List<Done> done = withSteps ? new ArrayList<>(done(p.getId(), audience)) : new ArrayList<>();
    List<Open> current = current(p.getId(), audience);
    String cycleId = (String) v.get("cycleId");
    Optional<Cycle> cycle = cycleId == null ? Optional.empty() : evaluations.findCycle(cycleId);
    Participation part = cycle.isPresent() && v.get("baseId") != null
        ? evaluations.findParticipation(String.valueOf(v.get("participationId"))).orElse(null) : null;
    String status = part == null ? (p.getEndTime() == null ? "进行中" : "已结束") : part.status().chineseName();
    String outcome = "";
    Open next = null;
    if (cycle.isPresent()) {
      Cycle c = cycle.get();
      if (c.status() == CycleStatus.PUBLISHED && part != null && part.grade() != null) {
        outcome = "评价结果：" + gradeName(part.grade())
            + (c.documentNumber() == null ? "" : "（" + c.documentNumber() + "）");
      }
      if (current.isEmpty()) {
        next = switch (c.status()) {
          case SELF_EVALUATION, GRADING -> p.getEndTime() == null ? null
              : new Open("市科技局研究形成评价结果档次", "市科技局", null);
          case PARTY_REVIEW -> new Open("市科技局党组会议审定评价结果", "市科技局党组", null);
          case PUBLICITY -> new Open("评价结果公示中（公示期满后发文公布）", "市科技局", c.publicityEnd());
          default -> null;
        };
      }
    }
    int year = cycle.map(Cycle::year).orElse(0);
    String title = (String) v.getOrDefault("orgName", "");
    return new CaseProgress(EVALUATION, p.getId(),
        "基地绩效评价" + (v.get("cycleName") == null ? "" : "（" + v.get("cycleName") + "）"), title, year,
        reviewerName((String) v.get("reviewerGroup")), status, outcome, done, current, next, false, List.of());
  }

  private static String gradeName(String grade) {
    try {
      return Grade.valueOf(grade).chineseName();
    } catch (IllegalArgumentException e) {
      return grade;
    }
  }

  private static String reviewerName(String group) {
    return group == null ? "" : Role.byGroupId(group).map(Role::chineseName).orElse(group);
  }

  // ------------------------------------------------------------------ from the engine

  /** The steps of one instance done so far that {@code audience} may see, with their decisions. */
  private List<Done> done(String processInstanceId, Audience audience) {
    HistoricProcessInstance p = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    if (p == null) {
      return List.of();
    }
    String process = p.getProcessDefinitionKey();
    List<HistoricActivityInstance> acts = history.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).finished().orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc().list();
    Map<String, List<HistoricVariableUpdate>> updates = null;
    List<Done> out = new ArrayList<>();
    String previousKey = null;
    for (HistoricActivityInstance act : acts) {
      Optional<Step> step = ProgressModel.step(process, act.getActivityId());
      if (step.isEmpty() || !step.get().visibleTo(audience) || act.isCanceled()) {
        continue;
      }
      Step s = step.get();
      Map<String, Object> values = new HashMap<>();
      if (!s.disclosures().isEmpty()) {
        if (updates == null) {
          updates = updates(processInstanceId);
        }
        for (String name : s.variables()) {
          values.put(name, valueAt(updates.getOrDefault(name, List.of()), act));
        }
      }
      Done d = new Done(s.name(), s.actor(), act.getEndTime().toInstant(), s.disclose(values, audience));
      if (s.key().equals(previousKey) && s.disclosures().isEmpty() && !out.isEmpty()) {
        out.set(out.size() - 1, d); // parallel experts: one line, dated by the last to finish
      } else {
        out.add(d);
      }
      previousKey = s.key();
    }
    return out;
  }

  /** The open tasks of one instance, one line per step, with the earliest due date. */
  private List<Open> current(String processInstanceId, Audience audience) {
    Map<String, Open> out = new LinkedHashMap<>();
    for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).active()
        .orderByTaskCreateTime().asc().list()) {
      String process = t.getProcessDefinitionId().split(":")[0];
      ProgressModel.step(process, t.getTaskDefinitionKey()).filter(s -> s.visibleTo(audience) && s.waiting() != null)
          .ifPresent(s -> out.merge(s.key(), new Open(s.waiting(), s.actor(),
              t.getDueDate() == null ? null : t.getDueDate().toInstant()),
              (a, b) -> a.due() == null || (b.due() != null && b.due().isBefore(a.due())) ? b : a));
    }
    return List.copyOf(out.values());
  }

  /** Updates of the variables the model discloses, oldest first. */
  private Map<String, List<HistoricVariableUpdate>> updates(String processInstanceId) {
    Set<String> names = ProgressModel.disclosedVariables();
    Map<String, List<HistoricVariableUpdate>> out = new HashMap<>();
    for (HistoricDetail d : history.createHistoricDetailQuery().processInstanceId(processInstanceId)
        .variableUpdates().disableBinaryFetching().orderByTime().asc().orderPartiallyByOccurrence().asc()
        .list()) {
      if (d instanceof HistoricVariableUpdate u && names.contains(u.getVariableName())) {
        out.computeIfAbsent(u.getVariableName(), k -> new ArrayList<>()).add(u);
      }
    }
    return out;
  }

  /**
   * The value a step saw: the last update made within that activity instance, else the last one made
   * up to its end (a message's payload is set just before its boundary event).
   */
  static Object valueAt(List<HistoricVariableUpdate> updates, HistoricActivityInstance act) {
    HistoricVariableUpdate within = null;
    HistoricVariableUpdate before = null;
    for (HistoricVariableUpdate u : updates) {
      if (act.getId().equals(u.getActivityInstanceId())) {
        within = u;
      }
      if (act.getEndTime() != null && !u.getTime().after(act.getEndTime())) {
        before = u;
      }
    }
    HistoricVariableUpdate u = within != null ? within : before;
    return u == null ? null : u.getValue();
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> v = new HashMap<>();
    for (HistoricVariableInstance i : history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableNameIn("baseUser", "reviewerGroup", "orgName", "cycleName", "cycleId", "baseId", "participationId")
        .list()) {
      if (i.getValue() != null) {
        v.put(i.getName(), i.getValue());
      }
    }
    return v;
  }

  /** Our own reading of the engine, neither limited nor widened by the viewer's grants. */
  private <T> T asPlatform(Supplier<T> work) {
    return PlatformCalls.asPlatform(identity, work);
  }
}
