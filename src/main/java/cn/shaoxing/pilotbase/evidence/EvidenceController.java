package cn.shaoxing.pilotbase.evidence;

import cn.shaoxing.pilotbase.identity.AccessGuard;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The REST API of docs/evidence.md: HTTP Basic, or the Tasklist session for our evidence page
 * (identity.SessionOrBasicAuthenticationFilter). Errors are JSON ({@code status, code, messages}).
 */
@RestController
@RequestMapping("/api/evidence")
public class EvidenceController {

  private static final Set<String> INLINE = Set.of("application/pdf", "image/png", "image/jpeg");

  /** The case as the contract names it: {@code case} is a Java keyword. */
  public record CaseJson(@JsonProperty("case") String caseRef, String title, boolean canUpload,
      List<EvidenceService.SlotView> slots) {}

  public record FileJson(String id, String name, long size, String contentType, String sha256, String uploadedBy,
      Instant uploadedAt, boolean sealed, String url, @JsonProperty("case") String caseRef, String slot) {}

  private final EvidenceService evidence;
  private final AccessGuard guard;

  public EvidenceController(EvidenceService evidence, AccessGuard guard) {
    this.evidence = evidence;
    this.guard = guard;
  }

  @GetMapping("/{kind}/{id}")
  public CaseJson list(@PathVariable String kind, @PathVariable String id,
      @RequestParam(name = "slots", required = false) String slots) {
    List<String> only = slots == null || slots.isBlank() ? List.of()
        : Arrays.stream(slots.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    EvidenceService.CaseView v = evidence.list(viewer(), kind, id, only);
    return new CaseJson(v.caseRef(), v.title(), v.canUpload(), v.slots());
  }

  @PostMapping("/{kind}/{id}/{slot}")
  public ResponseEntity<FileJson> upload(@PathVariable String kind, @PathVariable String id,
      @PathVariable String slot, @RequestParam(name = "file", required = false) MultipartFile file) {
    Viewer viewer = viewer();
    if (file == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请选择要上传的文件（表单字段 file）");
    }
    byte[] bytes;
    try {
      bytes = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EvidenceFile f = evidence.upload(viewer, kind, id, slot, file.getOriginalFilename(), bytes);
    EvidenceService.FileView v = EvidenceService.view(f);
    String shown = f.caseRef().startsWith("draft/") ? "draft/" + f.caseRef().split("/")[1] : f.caseRef();
    return ResponseEntity.status(HttpStatus.CREATED).body(new FileJson(v.id(), v.name(), v.size(), v.contentType(),
        v.sha256(), v.uploadedBy(), v.uploadedAt(), v.sealed(), v.url(), shown, f.slot()));
  }

  @DeleteMapping("/files/{fileId}")
  public ResponseEntity<Void> remove(@PathVariable String fileId) {
    evidence.remove(viewer(), fileId);
    return ResponseEntity.noContent().build();
  }

  /**
   * Downloads: no script, nothing from elsewhere, framed only by our pages; {@code object-src 'self'}
   * so the browser's own PDF viewer may show an inline PDF (the site-wide policy says 'none').
   */
  static final String DOWNLOAD_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
      + "object-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

  @GetMapping("/files/{fileId}")
  public ResponseEntity<byte[]> download(@PathVariable String fileId, HttpServletResponse response) {
    EvidenceService.Download d = evidence.download(viewer(), fileId);
    // set, not added: the security headers filter has already put the site-wide values
    response.setHeader("Content-Security-Policy", DOWNLOAD_CSP);
    response.setHeader("X-Content-Type-Options", "nosniff");
    String type = d.file().contentType();
    ContentDisposition disposition = (INLINE.contains(type) ? ContentDisposition.inline() : ContentDisposition.attachment())
        .filename(d.file().name(), StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .contentLength(d.bytes().length)
        .header("Content-Disposition", disposition.toString())
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(d.bytes());
  }

  @GetMapping("/{kind}/{id}/downloads")
  public List<EvidenceService.DownloadRecord> downloads(@PathVariable String kind, @PathVariable String id) {
    return evidence.downloads(viewer(), kind, id);
  }

  private Viewer viewer() {
    Authentication auth = guard.current();
    return Viewer.of(auth.getUserId(), auth.getGroupIds());
  }
}
