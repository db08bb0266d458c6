package cn.shaoxing.pilotbase.web;

import cn.shaoxing.pilotbase.identity.WebappSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The evidence page (佐证材料) that the Camunda Forms embed in an iframe (docs/evidence.md, ADR 0014):
 * a shell rendered here; {@code /js/evidence.js} loads the case from {@code /api/evidence/...} with
 * the Tasklist session and does uploads, views, downloads and deletions there. Who may see what is
 * decided by that API alone: the shell carries nothing of the case but its reference from the URL.
 */
@Controller
public class EvidencePageController {

  static final Set<String> KINDS = Set.of("application", "evaluation", "objection", "revocation");
  static final Set<String> DRAFT_PURPOSES = Set.of("application", "objection", "revocation");
  static final Map<String, String> KIND_NAMES = Map.of("application", "中试基地申报", "evaluation", "基地绩效评价",
      "objection", "公示异议", "revocation", "撤销评定");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,80}");
  private static final Pattern SLOT = Pattern.compile("[A-Za-z0-9_]{1,64}");

  @GetMapping("/evidence/draft/{purpose}")
  public String draft(@PathVariable String purpose, @RequestParam(required = false) String slots,
      @RequestParam(required = false) String mode, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    if (!DRAFT_PURPOSES.contains(purpose)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return page("draft/" + purpose, KIND_NAMES.get(purpose) + "（填报中）", slots, mode, request, response, model);
  }

  @GetMapping("/evidence/{kind}/{id}")
  public String ofCase(@PathVariable String kind, @PathVariable String id,
      @RequestParam(required = false) String slots, @RequestParam(required = false) String mode,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!KINDS.contains(kind) || !ID.matcher(id).matches()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return page(kind + "/" + id, KIND_NAMES.get(kind), slots, mode, request, response, model);
  }

  private String page(String caseRef, String kindName, String slots, String mode, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    model.addAttribute("kindName", kindName);
    UserAuthentication user = WebappSession.user(request);
    if (user == null) {
      // inside a form's iframe a redirect would show Tasklist's login, which refuses to be framed
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      model.addAttribute("login", WebappSession.LOGIN);
      model.addAttribute("expired", WebappSession.LOGIN_EXPIRED.equals(WebappSession.login(request)));
      return "evidence-login";
    }
    model.addAttribute("user", user.getIdentityId());
    model.addAttribute("caseRef", caseRef);
    model.addAttribute("api", "/api/evidence/" + caseRef);
    model.addAttribute("view", "view".equals(mode));
    model.addAttribute("slots", slots(slots));
    return "evidence";
  }

  /** The slots asked for, comma separated; names that cannot be slots are dropped. */
  static String slots(String slots) {
    if (slots == null || slots.isBlank()) {
      return "";
    }
    return String.join(",", Arrays.stream(slots.split(",")).map(String::trim)
        .filter(s -> SLOT.matcher(s).matches()).distinct().toList());
  }
}
