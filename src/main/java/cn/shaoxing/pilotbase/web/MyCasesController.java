package cn.shaoxing.pilotbase.web;

import cn.shaoxing.pilotbase.identity.WebappSession;
import cn.shaoxing.pilotbase.designation.Application;
import cn.shaoxing.pilotbase.designation.ApplicationService;
import cn.shaoxing.pilotbase.identity.AccessGuard;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.organisation.IndustryChain;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 我的申报: the curated view of one's own cases that replaces reading whole process instances
 * (docs/adr/0030-need-to-know.md). An applicant sees the applications its account filed, a district
 * or competent unit those filed through it: the step each stands at and the reason given to the
 * applicant, never expert names, scores or internal opinions.
 */
@Controller
public class MyCasesController {

  /** One application as its applicant or reviewer may see it. */
  public record CaseView(int year, String orgName, String creditCode, String reviewer, String industryChain,
      String status, String reason) {}

  private final ApplicationService applications;
  private final AccessGuard guard;

  public MyCasesController(ApplicationService applications, AccessGuard guard) {
    this.applications = applications;
    this.guard = guard;
  }

  @GetMapping("/my/cases")
  public String page(HttpServletRequest request, Model model) {
    UserAuthentication user = WebappSession.user(request);
    if (user == null) {
      return "redirect:" + WebappSession.LOGIN;
    }
    model.addAttribute("user", user.getIdentityId());
    model.addAttribute("cases", casesOf(user.getIdentityId(), user.getGroupIds()));
    return "my-cases";
  }

  @GetMapping("/api/my/cases")
  @ResponseBody
  public List<CaseView> api() {
    var auth = guard.current();
    return casesOf(auth.getUserId(), auth.getGroupIds());
  }

  List<CaseView> casesOf(String userId, Collection<String> groups) {
    List<Application> found = new ArrayList<>(applications.ofApplicant(userId));
    for (String g : groups == null ? List.<String>of() : groups) {
      if (Role.byGroupId(g).map(Role::isReviewer).orElse(false)) {
        found.addAll(applications.ofReviewerGroup(g));
      }
    }
    return found.stream().distinct().map(a -> new CaseView(a.roundYear(), a.orgName(), a.creditCode(),
        Role.byGroupId(a.reviewerGroup()).map(Role::chineseName).orElse(a.reviewerGroup()),
        IndustryChain.label(a.industryChain()), a.status().chineseName(),
        a.outcomeReason() == null ? "" : a.outcomeReason())).toList();
  }
}
