package cn.shaoxing.pilotbase.reports;

import cn.shaoxing.pilotbase.identity.AccessGuard;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.identity.WebappSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Excel downloads. {@code /exports/**} for people signed in to Tasklist or Cockpit (the webapp
 * session; without one, the login), {@code /api/exports/**} for programs (HTTP Basic). Bureau, party
 * committee and administrators only: the files name every applicant and, for the rounds and cycles,
 * the experts who scored (ADR 0030). The file is written straight to the response as it is read.
 */
@Controller
public class ExportsController {

  private static final Logger log = LoggerFactory.getLogger(ExportsController.class);

  static final Role[] READERS = {Role.BUREAU, Role.PARTY_COMMITTEE};
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final Exports exports;
  private final AccessGuard guard;

  public ExportsController(Exports exports, AccessGuard guard) {
    this.exports = exports;
    this.guard = guard;
  }

  @GetMapping("/exports/register.xlsx")
  public void registerPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
    page(request, response, exports::register);
  }

  @GetMapping("/exports/rounds/{year}/applications.xlsx")
  public void applicationsPage(@PathVariable String year, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    page(request, response, () -> exports.applications(year));
  }

  @GetMapping("/exports/cycles/{cycle}/scores.xlsx")
  public void scoresPage(@PathVariable String cycle, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    page(request, response, () -> exports.scores(cycle));
  }

  @GetMapping("/api/exports/register.xlsx")
  public void registerApi(HttpServletResponse response) throws IOException {
    api(response, exports::register);
  }

  @GetMapping("/api/exports/rounds/{year}/applications.xlsx")
  public void applicationsApi(@PathVariable String year, HttpServletResponse response) throws IOException {
    api(response, () -> exports.applications(year));
  }

  @GetMapping("/api/exports/cycles/{cycle}/scores.xlsx")
  public void scoresApi(@PathVariable String cycle, HttpServletResponse response) throws IOException {
    api(response, () -> exports.scores(cycle));
  }

  /** Webapp session: refusals as Chinese text (the person sees them in the browser tab). */
  private void page(HttpServletRequest request, HttpServletResponse response, Supplier<Exports.Download> what)
      throws IOException {
    UserAuthentication user = WebappSession.user(request);
    if (user == null) {
      response.sendRedirect(WebappSession.login(request));
      return;
    }
    if (!AccessGuard.hasAny(new Authentication(user.getIdentityId(), user.getGroupIds()), READERS)) {
      text(response, HttpServletResponse.SC_FORBIDDEN, "无权导出：仅市科技局、市科技局党组和系统管理员可下载");
      return;
    }
    Exports.Download download;
    try {
      download = what.get();
    } catch (ResponseStatusException e) {
      text(response, e.getStatusCode().value(), e.getReason());
      return;
    }
    send(response, download, user.getIdentityId());
  }

  /** HTTP Basic: refusals as the API's JSON errors. */
  private void api(HttpServletResponse response, Supplier<Exports.Download> what) throws IOException {
    Authentication auth = guard.requireAny(READERS);
    send(response, what.get(), auth.getUserId());
  }

  private static void send(HttpServletResponse response, Exports.Download download, String user)
      throws IOException {
    long start = System.nanoTime();
    response.setContentType(XLSX);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(download.fileName(), StandardCharsets.UTF_8).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    int rows = download.writer().write(response.getOutputStream());
    log.info("Export {} for {}: {} rows in {} ms", download.fileName(), user, rows,
        (System.nanoTime() - start) / 1_000_000);
  }

  private static void text(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write(message);
  }
}
