package cn.shaoxing.pilotbase.documents;

import cn.shaoxing.pilotbase.identity.AccessGuard;
import cn.shaoxing.pilotbase.identity.WebappSession;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Downloads of the official documents: {@code /documents/{id}} for people signed in to Tasklist (a
 * link on a page; without a session they are sent to the login), {@code /api/documents/{id}} and the
 * listing {@code /api/documents?case=round/2026} for programs (HTTP Basic), {@code /public/documents/{id}}
 * for everybody, public kinds only. A document the person may not read answers 404, as one that does
 * not exist (its existence is not disclosed).
 */
@RestController
public class DocumentController {

  private final DocumentService documents;
  private final AccessGuard guard;

  public DocumentController(DocumentService documents, AccessGuard guard) {
    this.documents = documents;
    this.guard = guard;
  }

  @GetMapping("/documents/{id}")
  public ResponseEntity<byte[]> page(@PathVariable String id, HttpServletRequest request) {
    UserAuthentication user = WebappSession.user(request);
    if (user == null) {
      return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, WebappSession.LOGIN).build();
    }
    return pdf(id, user.getIdentityId(), user.getGroupIds());
  }

  @GetMapping("/api/documents/{id}")
  public ResponseEntity<byte[]> api(@PathVariable String id) {
    Authentication auth = guard.current();
    return pdf(id, auth.getUserId(), auth.getGroupIds());
  }

  @GetMapping(value = "/api/documents", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<DocumentInfo> list(@RequestParam("case") String caseRef) {
    Authentication auth = guard.current();
    return documents.visibleTo(auth.getUserId(), auth.getGroupIds(), caseRef);
  }

  @GetMapping("/public/documents/{id}")
  public ResponseEntity<byte[]> anonymous(@PathVariable String id) {
    return pdf(id, null, List.of());
  }

  private ResponseEntity<byte[]> pdf(String id, String userId, Collection<String> groups) {
    DocumentService.StoredDocument d = documents.readable(id, userId, groups)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有该文件，或无权查看"));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(d.info().fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-SHA256", d.info().sha256())
        .body(d.bytes());
  }
}
