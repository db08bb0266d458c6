package cn.shaoxing.pilotbase.documents;

import cn.shaoxing.pilotbase.notification.MailAttachment;
import java.time.Instant;

/** A stored document without its bytes: what listings and links show. */
public record DocumentInfo(String id, DocumentKind kind, String kindName, String caseRef, String baseRef,
    String title, String documentNumber, String fileName, Instant createdAt, String sha256, long sizeBytes) {

  /** The address a signed-in person downloads it from (page session). */
  public String href() {
    return "/documents/" + id;
  }

  /** For public kinds: the address anyone may download it from, without signing in. */
  public String publicHref() {
    return kind.isPublic() ? "/public/documents/" + id : null;
  }

  public MailAttachment asAttachment() {
    return new MailAttachment(id, title);
  }
}
