package cn.shaoxing.pilotbase.evidence;

import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.platform.InvalidInputException;
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
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Evidence materials (docs/evidence.md): upload with the checks of the contract, list, audited
 * download, removal before sealing, sealing when a step completes, drafts of start forms moved to the
 * new case, and the required files a submission still lacks.
 */
@Service
public class EvidenceService {

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceService.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern SLOT = Pattern.compile("[A-Za-z0-9_]{1,64}");

  /** A case as the API shows it. */
  public record CaseView(String caseRef, String title, boolean canUpload, List<SlotView> slots) {}

  public record SlotView(String slot, String label, boolean required, boolean present, boolean canUpload,
      List<FileView> files) {}

  public record FileView(String id, String name, long size, String contentType, String sha256,
      String uploadedBy, Instant uploadedAt, boolean sealed, String url) {}

  public record Download(EvidenceFile file, byte[] bytes) {}

  public record DownloadRecord(String fileId, String fileName, String slot, String userId, Instant downloadedAt) {}

  /** A case found and its ref as stored (drafts: per user). */
  record Resolved(String kind, String shownRef, String storedRef, EvidenceCase c) {}

  private final JdbcTemplate jdbc;
  private final EvidenceStore store;
  private final EvidenceProperties props;
  private final List<EvidenceCases> providers;
  private final TransactionTemplate newTransaction;

  public EvidenceService(JdbcTemplate jdbc, EvidenceStore store, EvidenceProperties props,
      List<EvidenceCases> providers, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.store = store;
    this.props = props;
    this.providers = List.copyOf(providers);
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  // ------------------------------------------------------------------ cases

  /** The case {@code kind/id} (draft: {@code draft/purpose} of the viewer), or 404. */
  Resolved resolve(String kind, String id, Viewer viewer) {
    if (kind == null || id == null || !ID.matcher(id).matches()) {
      throw notFound();
    }
    if ("draft".equals(kind)) {
      Optional<Role> uploader = Drafts.uploader(id);
      if (uploader.isEmpty()) {
        throw notFound();
      }
      List<Slot> slots = Drafts.APPLICATION.equals(id)
          ? providers.stream().filter(p -> p.kind().equals(Drafts.APPLICATION))
              .map(EvidenceCases::draftSlots).filter(s -> !s.isEmpty()).findFirst().orElse(List.of())
          : Drafts.fixedSlots(id);
      Role role = uploader.get();
      EvidenceCase draft = new EvidenceCase() {
        @Override
        public String title() {
          return Drafts.title(id);
        }

        @Override
        public List<Slot> slots() {
          return slots;
        }

        @Override
        public boolean mayRead(Viewer v) {
          return v.is(role) || v.admin();
        }

        @Override
        public boolean mayUpload(Viewer v, String slot) {
          return v.is(role);
        }
      };
      return new Resolved(kind, "draft/" + id, Drafts.ref(id, viewer.userId()), draft);
    }
    for (EvidenceCases p : providers) {
      if (p.kind().equals(kind)) {
        Optional<EvidenceCase> c = p.find(id);
        if (c.isPresent()) {
          return new Resolved(kind, kind + "/" + id, kind + "/" + id, c.get());
        }
      }
    }
    throw notFound();
  }

  /** The case, if the viewer may read it (else 403). */
  Resolved readable(String kind, String id, Viewer viewer) {
    Resolved r = resolve(kind, id, viewer);
    boolean draft = "draft".equals(kind);
    if (!(draft ? r.c().mayRead(viewer) : viewer.readsEverything() || r.c().mayRead(viewer))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看该案件的佐证材料");
    }
    return r;
  }

  /** The files of a case by slot, with what the viewer may do. */
  public CaseView list(Viewer viewer, String kind, String id, Collection<String> onlySlots) {
    Resolved r = readable(kind, id, viewer);
    List<EvidenceFile> files = filesOf(r.storedRef());
    List<SlotView> slots = new ArrayList<>();
    boolean any = false;
    for (Slot s : r.c().slots()) {
      if (onlySlots != null && !onlySlots.isEmpty() && !onlySlots.contains(s.slot())) {
        continue;
      }
      boolean up = !r.c().closed() && r.c().mayUpload(viewer, s.slot());
      any |= up;
      List<FileView> fs = files.stream().filter(f -> f.slot().equals(s.slot())).map(EvidenceService::view).toList();
      slots.add(new SlotView(s.slot(), s.label(), s.required(), !fs.isEmpty(), up, fs));
    }
    return new CaseView(r.shownRef(), r.c().title(), any, slots);
  }

  static FileView view(EvidenceFile f) {
    return new FileView(f.id(), f.name(), f.size(), f.contentType(), f.sha256(), f.uploadedBy(),
        f.uploadedAt(), f.sealed(), "/api/evidence/files/" + f.id());
  }

  // ------------------------------------------------------------------ upload

  /**
   * Stores one file in {@code slot} of the case after the contract's checks (rights, size, type by
   * content, extension, name); a refused upload stores nothing. Uploads to one case are serialised
   * (a row lock per case), so concurrent uploads keep the case's size limit.
   */
  @Transactional
  public EvidenceFile upload(Viewer viewer, String kind, String id, String slot, String originalName,
      byte[] bytes) {
    Resolved r = readable(kind, id, viewer);
    if (slot == null || !SLOT.matcher(slot).matches()
        || r.c().slots().stream().noneMatch(s -> s.slot().equals(slot))) {
      throw invalid("EVIDENCE_SLOT", "该案件没有此类材料（" + (slot == null ? "" : slot) + "）");
    }
    if (r.c().closed()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "该案件已办结，不能再上传材料");
    }
    if (!r.c().mayUpload(viewer, slot)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "当前环节您无权上传此类材料");
    }
    ContentCheck.Kind type = check(originalName, bytes);
    String name = ContentCheck.sanitise(originalName);

    lockCase(r.storedRef());
    long used = jdbc.queryForObject(
        "SELECT COALESCE(SUM(size_bytes), 0) FROM evd_file WHERE case_ref=? AND removed_at IS NULL",
        Long.class, r.storedRef());
    long maxCase = props.getMaxCaseSize().toBytes();
    if (used + bytes.length > maxCase) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "该案件的材料总量超过上限（"
          + mb(maxCase) + "），已用 " + mb(used) + "，本文件 " + mb(bytes.length));
    }
    String fileId = UUID.randomUUID().toString();
    String sha = sha256(bytes);
    Timestamp now = AppClock.timestamp();
    if (store.writesBeforeRow()) {
      store.put(fileId, sha, bytes);
    }
    jdbc.update("INSERT INTO evd_file (id, case_ref, slot, file_name, content_type, size_bytes, sha256, store,"
        + " uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        fileId, r.storedRef(), slot, name, type.contentType(), (long) bytes.length, sha, store.name(),
        viewer.userId(), now);
    if (!store.writesBeforeRow()) {
      store.put(fileId, sha, bytes);
    }
    LOG.info("佐证材料已上传：{} {} {}（{} 字节，{}）由 {}", r.storedRef(), slot, fileId, bytes.length, type.label(),
        viewer.userId());
    return get(fileId).orElseThrow();
  }

  /** The contract's content checks; throws 400 / 413 with a Chinese message. */
  ContentCheck.Kind check(String originalName, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw invalid("EVIDENCE_EMPTY", "文件为空，请选择有内容的文件");
    }
    long max = props.getMaxFileSize().toBytes();
    if (bytes.length > max) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
          "文件过大：单个文件不能超过 " + mb(max) + "（本文件 " + mb(bytes.length) + "）");
    }
    if (ContentCheck.looksLikePath(originalName)) {
      throw invalid("EVIDENCE_NAME", "文件名不能包含路径（/、\\ 或 ..）");
    }
    String name = ContentCheck.sanitise(originalName);
    if (name == null) {
      throw invalid("EVIDENCE_NAME", "文件名无效");
    }
    ContentCheck.Kind type = ContentCheck.detect(bytes);
    if (type == null) {
      throw invalid("EVIDENCE_TYPE", "不支持的文件类型：只能上传 " + ContentCheck.ALLOWED
          + " 文件（按文件内容识别；可执行文件、脚本和压缩包不能上传）");
    }
    String ext = ContentCheck.extension(name);
    if (!type.extensions().contains(ext)) {
      throw invalid("EVIDENCE_EXTENSION", "文件扩展名与文件内容不符：内容为 " + type.label() + " 文件，扩展名应为 ."
          + String.join(" 或 .", type.extensions()) + (ext.isEmpty() ? "（当前没有扩展名）" : "（当前为 ." + ext + "）"));
    }
    return type;
  }

  /** Row lock of a case until the transaction ends (the row is created on first use). */
  private void lockCase(String caseRef) {
    Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM evd_case_lock WHERE case_ref=?", Integer.class, caseRef);
    if (exists == null || exists == 0) {
      try {
        newTransaction.executeWithoutResult(s -> jdbc.update(
            "INSERT INTO evd_case_lock (case_ref, created_at) VALUES (?, ?)", caseRef, AppClock.timestamp()));
      } catch (DataIntegrityViolationException e) {
        // created meanwhile by a concurrent upload
      }
    }
    jdbc.queryForList("SELECT case_ref FROM evd_case_lock WHERE case_ref=? FOR UPDATE", String.class, caseRef);
  }

  // ------------------------------------------------------------------ download, remove, audit

  /** The bytes of a file the viewer may read (as its case); the download is recorded. */
  @Transactional
  public Download download(Viewer viewer, String fileId) {
    EvidenceFile f = visibleFile(viewer, fileId);
    if (f.removed()) {
      throw new ResponseStatusException(HttpStatus.GONE, "该文件已被上传人删除");
    }
    byte[] bytes = store.get(f.id(), f.sha256());
    jdbc.update("INSERT INTO evd_download (id, file_id, case_ref, user_id, downloaded_at) VALUES (?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), f.id(), f.caseRef(), viewer.userId(), AppClock.timestamp());
    return new Download(f, bytes);
  }

  /** Removes a file: only its uploader, only while not sealed (409). The row stays for the record. */
  @Transactional
  public void remove(Viewer viewer, String fileId) {
    EvidenceFile f = visibleFile(viewer, fileId);
    if (!f.uploadedBy().equals(viewer.userId())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只能删除本人上传的文件");
    }
    if (f.removed()) {
      return;
    }
    if (f.sealed()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "该文件已随所属环节提交而封存，不能删除；如需更正请上传新文件");
    }
    lockCase(f.caseRef());
    int n = jdbc.update("UPDATE evd_file SET removed_at=?, removed_by=? WHERE id=? AND sealed_at IS NULL AND removed_at IS NULL",
        AppClock.timestamp(), viewer.userId(), fileId);
    if (n == 0) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "该文件已随所属环节提交而封存，不能删除；如需更正请上传新文件");
    }
    store.delete(f.id(), f.sha256());
  }

  /** The download audit of a case: bureau (and administrators) only. */
  public List<DownloadRecord> downloads(Viewer viewer, String kind, String id) {
    if (!(viewer.is(Role.BUREAU) || viewer.admin())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "下载记录仅市科技局可以查看");
    }
    Resolved r = resolve(kind, id, viewer);
    return jdbc.query("SELECT d.file_id, f.file_name, f.slot, d.user_id, d.downloaded_at FROM evd_download d"
        + " JOIN evd_file f ON f.id=d.file_id WHERE d.case_ref=? ORDER BY d.downloaded_at, d.id",
        (rs, i) -> new DownloadRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()), r.storedRef());
  }

  /** A file whose case the viewer may read; 404 when unknown, 403 when not entitled. */
  private EvidenceFile visibleFile(Viewer viewer, String fileId) {
    if (fileId == null || !ID.matcher(fileId).matches()) {
      throw notFound();
    }
    EvidenceFile f = get(fileId).orElseThrow(EvidenceService::notFound);
    String ref = f.caseRef();
    if (ref.startsWith("draft/")) {
      if (!ref.equals(Drafts.ref(ref.split("/")[1], viewer.userId())) && !viewer.admin()) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看该文件");
      }
      return f;
    }
    int slash = ref.indexOf('/');
    readable(ref.substring(0, slash), ref.substring(slash + 1), viewer);
    return f;
  }

  // ------------------------------------------------------------------ process integration

  /**
   * Moves the files a user uploaded on the start form of {@code purpose} to the new case and seals
   * them (the start step is complete); returns how many were moved.
   */
  @Transactional
  public int attachDrafts(String userId, String purpose, String caseRef) {
    if (userId == null) {
      return 0;
    }
    int n = jdbc.update("UPDATE evd_file SET case_ref=?, sealed_at=? WHERE case_ref=? AND removed_at IS NULL",
        caseRef, AppClock.timestamp(), Drafts.ref(purpose, userId));
    if (n > 0) {
      LOG.info("已将 {} 的 {} 个草稿材料归入 {}", userId, n, caseRef);
    }
    return n;
  }

  /**
   * Seals the files of a case in the given slots (an entry ending in {@code *} is a prefix): the
   * step they were uploaded for is complete. Returns how many were sealed.
   */
  @Transactional
  public int seal(String caseRef, Collection<String> slots) {
    int n = 0;
    Timestamp now = AppClock.timestamp();
    for (String s : slots) {
      boolean prefix = s.endsWith("*");
      String slot = prefix ? s.substring(0, s.length() - 1) + "%" : s;
      n += jdbc.update("UPDATE evd_file SET sealed_at=? WHERE case_ref=? AND slot " + (prefix ? "LIKE" : "=")
          + " ? AND sealed_at IS NULL AND removed_at IS NULL", now, caseRef, slot);
    }
    return n;
  }

  /** The labels of the required slots that have no file in the case (stored ref, e.g. a draft's). */
  public List<String> missing(String caseRef, List<Slot> required) {
    List<String> present = jdbc.queryForList(
        "SELECT DISTINCT slot FROM evd_file WHERE case_ref=? AND removed_at IS NULL", String.class, caseRef);
    return required.stream().filter(s -> !present.contains(s.slot())).map(Slot::label).toList();
  }

  /** The Chinese refusal of a submission that lacks required files, e.g. 缺少佐证材料：条件（二）…、条件（五）…. */
  public static String missingMessage(List<String> labels) {
    return "缺少佐证材料：" + String.join("、", labels);
  }

  public boolean hasFile(String caseRef, String slot) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM evd_file WHERE case_ref=? AND slot=? AND removed_at IS NULL",
        Integer.class, caseRef, slot);
    return n != null && n > 0;
  }

  // ------------------------------------------------------------------ reading

  public Optional<EvidenceFile> get(String fileId) {
    try {
      return Optional.ofNullable(jdbc.queryForObject("SELECT * FROM evd_file WHERE id=?", EvidenceService::row, fileId));
    } catch (EmptyResultDataAccessException e) {
      return Optional.empty();
    }
  }

  /** The current (not removed) files of a case, oldest first. */
  public List<EvidenceFile> filesOf(String caseRef) {
    return jdbc.query("SELECT * FROM evd_file WHERE case_ref=? AND removed_at IS NULL ORDER BY uploaded_at, id",
        EvidenceService::row, caseRef);
  }

  private static EvidenceFile row(ResultSet rs, int i) throws SQLException {
    return new EvidenceFile(rs.getString("id"), rs.getString("case_ref"), rs.getString("slot"),
        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
        rs.getString("store"), rs.getString("uploaded_by"), instant(rs.getTimestamp("uploaded_at")),
        instant(rs.getTimestamp("sealed_at")), instant(rs.getTimestamp("removed_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String mb(long bytes) {
    return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1048576.0) : String.format("%.1f KB", bytes / 1024.0);
  }

  private static InvalidInputException invalid(String code, String message) {
    return new InvalidInputException(code, List.of(message));
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "找不到该案件或文件");
  }
}
