package cn.shaoxing.pilotbase.migration;

import cn.shaoxing.pilotbase.identity.AccessGuard;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.identity.WebappSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Migration of running instances to a changed diagram (issue 13 item 3). Administrators only: the page
 * {@code /migrations} uses the Camunda webapp session (same-origin POSTs), {@code /api/migrations/**}
 * HTTP Basic. The bureau is refused like every other role: migrating instances is an operation
 * (docs/adr/0030-need-to-know.md, 4.; docs/adr/0034-migrating-running-instances.md).
 */
@Controller
public class MigrationController {

  static final String REFUSED = "无权操作：仅系统管理员可以迁移流程实例";

  private final MigrationService migrations;
  private final AccessGuard guard;
  private final IdentityService identity;

  public MigrationController(MigrationService migrations, AccessGuard guard, IdentityService identity) {
    this.migrations = migrations;
    this.guard = guard;
    this.identity = identity;
  }

  // ------------------------------------------------------------------ API (HTTP Basic)

  @GetMapping(value = "/api/migrations", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public List<MigrationService.ProcessVersions> overview() {
    requireAdmin();
    return migrations.overview();
  }

  /** Generates and validates the plan; changes nothing. 200 with {@code valid} true or false. */
  @PostMapping(value = "/api/migrations/validate", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public Map<String, Object> validate(@RequestBody MigrationRequest request) {
    requireAdmin();
    return json(migrations.validate(request));
  }

  /** Validates and starts the batches: 202 with the batch ids; 400 with the Chinese report when refused. */
  @PostMapping(value = "/api/migrations", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> execute(@RequestBody MigrationRequest request) {
    requireAdmin();
    try {
      MigrationReport.Execution done = migrations.execute(request);
      Map<String, Object> body = json(done.report());
      body.put("batches", done.batches());
      body.put("migrating", done.instances());
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    } catch (MigrationRefusedException e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", 400);
      body.put("code", "migration-plan-invalid");
      body.put("messages", e.report().allProblems());
      body.putAll(json(e.report()));
      return ResponseEntity.badRequest().body(body);
    }
  }

  private void requireAdmin() {
    Authentication auth = guard.current();
    if (!AccessGuard.hasAny(auth)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, REFUSED);
    }
  }

  static Map<String, Object> json(MigrationReport r) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("valid", r.valid());
    body.put("problems", r.allProblems());
    body.put("processKey", r.processKey());
    body.put("processName", r.processName());
    body.put("targetVersion", r.targetVersion());
    body.put("targetDefinitionId", r.targetDefinitionId());
    body.put("instances", r.instances());
    body.put("sources", r.sources());
    return body;
  }

  // ------------------------------------------------------------------ page (webapp session)

  @GetMapping("/migrations")
  public String page(HttpServletRequest request, HttpServletResponse response, Model model) {
    UserAuthentication user = WebappSession.user(request);
    if (user == null) {
      return "redirect:" + WebappSession.LOGIN;
    }
    if (!isAdmin(user)) {
      return refused(response, model, 403, REFUSED);
    }
    model.addAttribute("form", new MigrationRequest(null, List.of(), null, "", List.of()));
    return show(user, model);
  }

  @PostMapping("/migrations")
  public String pagePost(@RequestParam(defaultValue = "validate") String action,
      @RequestParam(required = false) String processKey, @RequestParam(required = false) String sourceVersions,
      @RequestParam(required = false) String targetVersion, @RequestParam(required = false) String mappings,
      @RequestParam(required = false) String processInstanceIds, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    UserAuthentication user = WebappSession.user(request);
    if (user == null) {
      return "redirect:" + WebappSession.LOGIN;
    }
    if (!isAdmin(user)) {
      return refused(response, model, 403, REFUSED);
    }
    if (!WebappSession.sameOrigin(request)) {
      return refused(response, model, 403, "请求来源不是本平台页面，已拒绝（请在平台页面内操作）");
    }
    List<String> formProblems = new ArrayList<>();
    List<Integer> sources = versions(sourceVersions, "源版本", formProblems);
    List<Integer> target = versions(targetVersion, "目标版本", formProblems);
    MigrationRequest form = new MigrationRequest(processKey, sources, target.isEmpty() ? null : target.get(0),
        mappings, processInstanceIds == null ? List.of() : Arrays.asList(processInstanceIds.split("[\\s,，]+")));
    model.addAttribute("form", form);
    model.addAttribute("sourceVersions", sourceVersions);
    model.addAttribute("targetVersionText", targetVersion);
    model.addAttribute("instanceIdsText", processInstanceIds);
    if (!formProblems.isEmpty()) {
      response.setStatus(400);
      model.addAttribute("formProblems", formProblems);
      return show(user, model);
    }
    if ("execute".equals(action)) {
      try {
        MigrationReport.Execution done = as(user, () -> migrations.execute(form));
        model.addAttribute("report", done.report());
        model.addAttribute("execution", done);
      } catch (MigrationRefusedException e) {
        response.setStatus(400);
        model.addAttribute("report", e.report());
        model.addAttribute("refused", true);
      }
    } else {
      model.addAttribute("report", as(user, () -> migrations.validate(form)));
    }
    return show(user, model);
  }

  private String show(UserAuthentication user, Model model) {
    model.addAttribute("user", user.getIdentityId());
    model.addAttribute("processes", as(user, migrations::overview));
    return "migrations";
  }

  /** The engine call as the signed-in administrator (authorization checks and the user operation log). */
  private <T> T as(UserAuthentication user, Supplier<T> call) {
    Authentication before = identity.getCurrentAuthentication();
    identity.setAuthentication(user.getIdentityId(),
        user.getGroupIds() == null ? List.of() : new ArrayList<>(user.getGroupIds()),
        user.getTenantIds() == null ? List.of() : new ArrayList<>(user.getTenantIds()));
    try {
      return call.get();
    } finally {
      if (before == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(before);
      }
    }
  }

  private static boolean isAdmin(UserAuthentication user) {
    return user.getGroupIds() != null && user.getGroupIds().contains(Role.ADMIN.groupId());
  }

  private static List<Integer> versions(String text, String label, List<String> problems) {
    List<Integer> result = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return result;
    }
    for (String part : text.trim().split("[\\s,，]+")) {
      try {
        int v = Integer.parseInt(part);
        if (v < 1) {
          throw new NumberFormatException();
        }
        result.add(v);
      } catch (NumberFormatException e) {
        problems.add(label + "“" + part + "”不是版本号（应为正整数，多个用逗号分隔）");
      }
    }
    return result;
  }

  private static String refused(HttpServletResponse response, Model model, int status, String message) {
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("message", message);
    return "migrations-refused";
  }
}
