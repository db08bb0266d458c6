package cn.shaoxing.pilotbase.documents;

import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.notification.AttachmentSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Issues, stores and hands out the official documents (ADR 0032). A process step calls
 * {@link #issue} inside its transaction (the engine's or its asynchronous continuation's): the
 * document is stored with the step and disappears with it if the step rolls back; a step that runs
 * again (a retried job) gets the document it made before, so there is one document per kind and case.
 *
 * <p>Who may read what ({@link #mayRead}): the bureau, the party committee and administrators every
 * document; anyone (also without signing in) the public kinds; otherwise the document's audience: the
 * applicant's or base's account and its district or competent unit.
 */
@Service
public class DocumentService implements AttachmentSource {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);
  private static final Set<String> STAFF = Set.of(Role.BUREAU.groupId(), Role.PARTY_COMMITTEE.groupId(),
      Role.ADMIN.groupId());
  private static final String COLUMNS = "id, kind, case_ref, base_ref, title, document_number, file_name,"
      + " created_at, sha256, size_bytes, public_document, audience_user, audience_group";

  /** A stored document with its bytes. */
  public record StoredDocument(DocumentInfo info, byte[] bytes) {}

  private record Row(DocumentInfo info, boolean publicDocument, String audienceUser, String audienceGroup) {}

  private final JdbcTemplate jdbc;

  public DocumentService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The document of {@code kind} for {@code caseRef}: made from {@code content} and stored, or the one
   * stored before for the same kind and case (then {@code content} is not rendered again).
   */
  public DocumentInfo issue(DocumentKind kind, String caseRef, String baseRef, OfficialDocument content,
      Audience audience) {
    Optional<DocumentInfo> existing = find(kind, caseRef);
    if (existing.isPresent()) {
      LOG.info("公文已存在，沿用：{} {}（{}）", kind.chineseName(), caseRef, existing.get().id());
      return existing.get();
    }
    long started = System.nanoTime();
    byte[] pdf = PdfLayout.render(content);
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now();
    String fileName = fileName(kind, content);
    jdbc.update("INSERT INTO doc_document (id, kind, case_ref, base_ref, title, document_number, file_name,"
            + " public_document, audience_user, audience_group, created_at, sha256, size_bytes, bytes)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, kind.name(), caseRef, baseRef, cut(content.title(), 300), blankToNull(content.documentNumber()),
        fileName, kind.isPublic(), kind.isPublic() ? null : audience.userId(),
        kind.isPublic() ? null : audience.groupId(), Timestamp.from(now), sha256(pdf), (long) pdf.length, pdf);
    LOG.info("公文已生成：{} {}，{}字节，{}毫秒", kind.chineseName(), caseRef, pdf.length,
        (System.nanoTime() - started) / 1_000_000);
    return find(kind, caseRef).orElseThrow();
  }

  public Optional<DocumentInfo> find(DocumentKind kind, String caseRef) {
    return jdbc.query("SELECT " + COLUMNS + " FROM doc_document WHERE kind = ? AND case_ref = ?",
        (rs, i) -> row(rs).info(), kind.name(), caseRef).stream().findFirst();
  }

  /** The documents of a case (or of a base) that this person may read, oldest first. */
  public List<DocumentInfo> visibleTo(String userId, Collection<String> groups, String caseRef) {
    List<DocumentInfo> out = new ArrayList<>();
    for (Row r : jdbc.query("SELECT " + COLUMNS + " FROM doc_document WHERE case_ref = ? OR base_ref = ?"
        + " ORDER BY created_at, id", (rs, i) -> row(rs), caseRef, caseRef)) {
      if (mayRead(r, userId, groups)) {
        out.add(r.info());
      }
    }
    return out;
  }

  /** Every document this person may read that is addressed to it or its group (not the public ones). */
  public List<DocumentInfo> addressedTo(String userId, Collection<String> groups) {
    List<String> gs = groups == null ? List.of() : List.copyOf(groups);
    List<DocumentInfo> out = new ArrayList<>();
    for (Row r : jdbc.query("SELECT " + COLUMNS + " FROM doc_document WHERE public_document = FALSE"
        + " ORDER BY created_at, id", (rs, i) -> row(rs))) {
      if ((userId != null && userId.equals(r.audienceUser()))
          || (r.audienceGroup() != null && gs.contains(r.audienceGroup()))) {
        out.add(r.info());
      }
    }
    return out;
  }

  /** The document with its bytes if this person may read it (anonymous: {@code userId} null). */
  public Optional<StoredDocument> readable(String id, String userId, Collection<String> groups) {
    Optional<Row> row = jdbc.query("SELECT " + COLUMNS + " FROM doc_document WHERE id = ?",
        (rs, i) -> row(rs), id).stream().findFirst();
    if (row.isEmpty() || !mayRead(row.get(), userId, groups)) {
      return Optional.empty();
    }
    return Optional.of(new StoredDocument(row.get().info(), bytes(id)));
  }

  /** For the mail dispatcher: attachments are read without a user (the outbox decided the recipient). */
  @Override
  public Optional<Attachment> attachment(String documentId) {
    return jdbc.query("SELECT file_name FROM doc_document WHERE id = ?", (rs, i) -> rs.getString(1), documentId)
        .stream().findFirst().map(name -> new Attachment(name, "application/pdf", bytes(documentId)));
  }

  private boolean mayRead(Row r, String userId, Collection<String> groups) {
    if (r.publicDocument()) {
      return true;
    }
    if (userId == null) {
      return false;
    }
    Collection<String> gs = groups == null ? List.of() : groups;
    if (gs.stream().anyMatch(STAFF::contains)) {
      return true;
    }
    return userId.equals(r.audienceUser()) || (r.audienceGroup() != null && gs.contains(r.audienceGroup()));
  }

  private byte[] bytes(String id) {
    return jdbc.queryForObject("SELECT bytes FROM doc_document WHERE id = ?", (rs, i) -> rs.getBytes(1), id);
  }

  private static Row row(ResultSet rs) throws SQLException {
    DocumentKind kind = DocumentKind.valueOf(rs.getString("kind"));
    return new Row(new DocumentInfo(rs.getString("id"), kind, kind.chineseName(), rs.getString("case_ref"),
        rs.getString("base_ref"), rs.getString("title"), rs.getString("document_number"),
        rs.getString("file_name"), rs.getTimestamp("created_at").toInstant(), rs.getString("sha256"),
        rs.getLong("size_bytes")), rs.getBoolean("public_document"), rs.getString("audience_user"),
        rs.getString("audience_group"));
  }

  /** e.g. 认定文件-绍市科〔2026〕12号.pdf; characters unsafe in file names become 「_」. */
  static String fileName(DocumentKind kind, OfficialDocument d) {
    String base = kind.chineseName()
        + (d.documentNumber() == null || d.documentNumber().isBlank() ? "-" + d.title() : "-" + d.documentNumber());
    String clean = base.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    return cut(clean, 150) + ".pdf";
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
