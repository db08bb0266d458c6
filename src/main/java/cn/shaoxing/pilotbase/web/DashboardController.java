package cn.shaoxing.pilotbase.web;

import cn.shaoxing.pilotbase.identity.WebappSession;
import cn.shaoxing.pilotbase.identity.AccessGuard;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.organisation.IndustryChain;
import cn.shaoxing.pilotbase.register.BaseStatus;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.scoring.Grade;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The bureau's dashboard and the register export. The page uses the Camunda webapp login (a
 * person signed in to Tasklist or Cockpit opens {@code /dashboard}); the same data is served to
 * programs under {@code /api/**} with HTTP Basic. Bureau, party committee and administrators only.
 */
@Controller
public class DashboardController {

  private static final Role[] VIEWERS = {Role.BUREAU, Role.PARTY_COMMITTEE};

  private final DashboardService dashboard;
  private final RegisterService register;
  private final AccessGuard guard;
  private final ObjectMapper json;

  public DashboardController(DashboardService dashboard, RegisterService register, AccessGuard guard,
      ObjectMapper json) {
    this.dashboard = dashboard;
    this.register = register;
    this.guard = guard;
    this.json = json;
  }

  @GetMapping("/dashboard")
  public Object page(HttpServletRequest request, Model model) {
    UserAuthentication user = WebappSession.user(request);
    if (user == null) {
      return "redirect:" + WebappSession.login(request);
    }
    if (!mayView(user.getGroupIds())) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
          .body("无权查看：仅市科技局、党组和系统管理员可查看工作看板");
    }
    DashboardService.Snapshot snapshot = dashboard.snapshot();
    model.addAttribute("s", snapshot);
    model.addAttribute("charts", DashboardCharts.of(snapshot));
    model.addAttribute("data", scriptData(snapshot));
    model.addAttribute("gradeNames", DashboardService.GRADES.stream().map(Grade::chineseName).toList());
    model.addAttribute("user", user.getIdentityId());
    return "dashboard";
  }

  @GetMapping("/dashboard/register.csv")
  public ResponseEntity<?> pageExport(HttpServletRequest request) {
    UserAuthentication user = WebappSession.user(request);
    if (user == null || !mayView(user.getGroupIds())) {
      return new ResponseEntity<>("无权导出", user == null ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN);
    }
    return csv();
  }

  @GetMapping(value = "/api/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public DashboardService.Snapshot api() {
    guard.requireAny(VIEWERS);
    return dashboard.snapshot();
  }

  @GetMapping("/api/register.csv")
  public ResponseEntity<byte[]> apiExport() {
    guard.requireAny(VIEWERS);
    return csv();
  }

  private ResponseEntity<byte[]> csv() {
    StringBuilder sb = new StringBuilder("\uFEFF"); // BOM: Excel opens UTF-8 Chinese correctly
    sb.append("基地名称,依托单位,统一社会信用代码,产业链,推荐单位,评定年度,文号,发文日期,状态,撤销原因\r\n");
    for (DesignatedBase b : register.list()) {
      sb.append(String.join(",", List.of(
          cell(b.baseName()), cell(b.orgName()), cell(b.creditCode()), cell(IndustryChain.label(b.industryChain())),
          cell(Role.byGroupId(b.reviewerGroup()).map(Role::chineseName).orElse(b.reviewerGroup())),
          String.valueOf(b.designationYear()), cell(b.documentNumber()), String.valueOf(b.documentDate()),
          b.status() == BaseStatus.ACTIVE ? "有效" : "已撤销", cell(b.revocationReason())))).append("\r\n");
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''%E4%B8%AD%E8%AF%95%E5%9F%BA%E5%9C%B0%E5%90%8D%E5%BD%95.csv")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The snapshot as JSON for the page's {@code <script type="application/json">} block (read by
   * static/js/dashboard.js; the CSP allows no inline script). {@code <}, {@code >} and {@code &} are
   * escaped so a name typed by an applicant cannot close the block.
   */
  String scriptData(DashboardService.Snapshot snapshot) {
    try {
      return json.writeValueAsString(snapshot)
          .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** First characters that make Excel, LibreOffice or WPS read a cell as a formula (or move on to one). */
  private static final String FORMULA_START = "=+-@\t\r\n";

  /**
   * CSV cell, always quoted (inner quotes doubled, so commas and line breaks stay in the cell). A cell
   * starting with = + - @, a tab or a line break gets a leading single quote, so a spreadsheet shows
   * the text instead of running it: the register holds names typed by applicants.
   */
  static String cell(String v) {
    if (v == null) {
      return "";
    }
    String s = !v.isEmpty() && FORMULA_START.indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static boolean mayView(List<String> groups) {
    return groups != null && (groups.contains(Role.ADMIN.groupId())
        || groups.contains(Role.BUREAU.groupId()) || groups.contains(Role.PARTY_COMMITTEE.groupId()));
  }

}
