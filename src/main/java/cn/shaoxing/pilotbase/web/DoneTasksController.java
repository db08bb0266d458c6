package cn.shaoxing.pilotbase.web;

import cn.shaoxing.pilotbase.identity.WebappSession;
import cn.shaoxing.pilotbase.platform.AppClock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 已办: the tasks the signed-in person completed, newest first. A finished task is history, not a
 * task, so Tasklist cannot show it in a filter; this page can. Everyone sees only their own work.
 */
@Controller
public class DoneTasksController {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(AppClock.ZONE);

  /** One completed task as shown. */
  public record DoneTask(String process, String task, String businessKey, String finished, String outcome) {}

  private final HistoryService history;
  private final RepositoryService repository;

  public DoneTasksController(HistoryService history, RepositoryService repository) {
    this.history = history;
    this.repository = repository;
  }

  @GetMapping("/my/done")
  public String done(HttpServletRequest request, Model model) {
    UserAuthentication user = WebappSession.user(request);
    if (user == null) {
      return "redirect:" + WebappSession.login(request);
    }
    model.addAttribute("user", user.getIdentityId());
    model.addAttribute("tasks", doneBy(user.getIdentityId()));
    return "my-done";
  }

  List<DoneTask> doneBy(String userId) {
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
        .taskAssignee(userId).finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 200);
    Map<String, String> names = repository.createProcessDefinitionQuery().list().stream()
        .collect(Collectors.toMap(ProcessDefinition::getId, d -> d.getName() == null ? d.getKey() : d.getName(), (a, b) -> a));
    return tasks.stream().map(t -> new DoneTask(
            t.getProcessDefinitionId() == null ? "独立任务" : names.getOrDefault(t.getProcessDefinitionId(), ""),
            t.getName(),
            businessKey(t.getProcessInstanceId()),
            t.getEndTime() == null ? "" : TIME.format(t.getEndTime().toInstant()),
            "completed".equals(t.getDeleteReason()) ? "已办结" : "已终止"))
        .toList();
  }

  private String businessKey(String processInstanceId) {
    if (processInstanceId == null) {
      return "";
    }
    var pi = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return pi == null || pi.getBusinessKey() == null ? "" : pi.getBusinessKey();
  }
}
