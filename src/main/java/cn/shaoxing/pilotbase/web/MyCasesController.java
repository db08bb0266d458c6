package cn.shaoxing.pilotbase.web;

import cn.shaoxing.pilotbase.designation.ApplicationWithdrawal;
import cn.shaoxing.pilotbase.identity.AccessGuard;
import cn.shaoxing.pilotbase.identity.WebappSession;
import cn.shaoxing.pilotbase.platform.InvalidInputException;
import cn.shaoxing.pilotbase.progress.CaseProgress;
import cn.shaoxing.pilotbase.progress.CaseProgressService;
import cn.shaoxing.pilotbase.progress.CaseProgressService.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * 办理进度 (formerly 我的申报): the curated view of one's own cases that replaces reading whole process
 * instances (docs/adr/0030-need-to-know.md, issue 12). Pages use the Tasklist session; {@code /api/my/**}
 * answers HTTP Basic. An applicant sees its applications and its base's evaluations, a district or
 * competent unit those of its district, the bureau may open any; withdrawal of an application is an
 * action here (a same-origin POST), not a task.
 */
@Controller
public class MyCasesController {

  /** URL segment of each kind of case. */
  static final Map<String, String> KINDS = Map.of("applications", CaseProgressService.APPLICATION,
      "evaluations", CaseProgressService.EVALUATION);

  private final CaseProgressService progress;
  private final ApplicationWithdrawal withdrawal;
  private final AccessGuard guard;

  public MyCasesController(CaseProgressService progress, ApplicationWithdrawal withdrawal, AccessGuard guard) {
    this.progress = progress;
    this.withdrawal = withdrawal;
    this.guard = guard;
  }

  // ------------------------------------------------------------------ pages (Tasklist session)

  @GetMapping("/my/cases")
  public String page(HttpServletRequest request, Model model) {
    UserAuthentication user = WebappSession.user(request);
    if (user == null) {
      return "redirect:" + WebappSession.login(request);
    }
    model.addAttribute("user", user.getIdentityId());
    model.addAttribute("dates", DATES);
    model.addAttribute("cases", progress.casesOf(viewer(user)).stream().map(CaseProgress::summary).toList());
    return "my-cases";
  }

  @GetMapping("/my/cases/{kind}/{id}")
  public String casePage(@PathVariable String kind, @PathVariable String id, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    UserAuthentication user = WebappSession.user(request);
    if (user == null) {
      return "redirect:" + WebappSession.login(request);
    }
    return detail(user, kind, id, response, model);
  }

  @PostMapping("/my/cases/applications/{id}/withdraw")
  public String withdrawPage(@PathVariable String id, @RequestParam(required = false) String reason,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    UserAuthentication user = WebappSession.user(request);
    if (user == null) {
      return "redirect:" + WebappSession.login(request);
    }
    model.addAttribute("reason", reason == null ? "" : reason);
    if (!WebappSession.sameOrigin(request)) {
      return refused(response, model, 403, "请求来源不是本平台页面，已拒绝（请在平台页面内操作）");
    }
    try {
      withdrawal.withdraw(id, user.getIdentityId(), reason);
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", String.join("；", e.problems()));
      return detail(user, "applications", id, response, model);
    } catch (ResponseStatusException e) {
      if (e.getStatusCode().value() == 409) {
        response.setStatus(409);
        model.addAttribute("error", e.getReason());
        return detail(user, "applications", id, response, model);
      }
      return refused(response, model, e.getStatusCode().value(), e.getReason());
    }
    return "redirect:/my/cases/applications/" + id + "?withdrawn";
  }

  /** Dates as the pages show them: Beijing time, minutes. */
  public static final class Dates {
    private static final java.time.format.DateTimeFormatter F =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(cn.shaoxing.pilotbase.platform.AppClock.ZONE);

    public String of(java.time.Instant t) {
      return t == null ? "—" : F.format(t);
    }
  }

  private static final Dates DATES = new Dates();

  private String detail(UserAuthentication user, String kind, String id, HttpServletResponse response, Model model) {
    model.addAttribute("user", user.getIdentityId());
    model.addAttribute("dates", DATES);
    String k = KINDS.get(kind);
    if (k == null) {
      return refused(response, model, 404, "未找到该案件");
    }
    try {
      CaseProgress c = progress.one(viewer(user), k, id);
      model.addAttribute("c", c);
      model.addAttribute("urlKind", kind);
      model.addAttribute("maxReason", ApplicationWithdrawal.MAX_REASON);
      return "my-case";
    } catch (ResponseStatusException e) {
      return refused(response, model, e.getStatusCode().value(), e.getReason());
    }
  }

  private static String refused(HttpServletResponse response, Model model, int status, String message) {
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("message", message);
    return "my-case-refused";
  }

  private static Viewer viewer(UserAuthentication user) {
    return new Viewer(user.getIdentityId(), user.getGroupIds() == null ? List.of() : new ArrayList<>(user.getGroupIds()));
  }

  // ------------------------------------------------------------------ API (HTTP Basic)

  @GetMapping("/api/my/cases")
  @ResponseBody
  public List<CaseProgress.Summary> api() {
    return progress.casesOf(apiViewer()).stream().map(CaseProgress::summary).toList();
  }

  @GetMapping("/api/my/cases/{kind}/{id}")
  @ResponseBody
  public CaseProgress apiCase(@PathVariable String kind, @PathVariable String id) {
    Viewer viewer = apiViewer();
    String k = KINDS.get(kind);
    if (k == null) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "未找到该案件");
    }
    return progress.one(viewer, k, id);
  }

  /** The withdrawal for programs: {@code {"reason": "…"}}; same checks as the page. */
  public record WithdrawalRequest(String reason) {}

  @PostMapping("/api/my/cases/applications/{id}/withdraw")
  @ResponseBody
  public Map<String, Object> apiWithdraw(@PathVariable String id, @RequestBody(required = false) WithdrawalRequest body) {
    var auth = guard.current();
    withdrawal.withdraw(id, auth.getUserId(), body == null ? null : body.reason());
    return Map.of("id", id, "status", "WITHDRAWN", "message", "已撤回申报");
  }

  private Viewer apiViewer() {
    var auth = guard.current();
    return new Viewer(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
  }
}
