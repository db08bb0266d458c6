package cn.shaoxing.pilotbase.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.EvidenceFixtures;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Uploads through the REST API (docs/evidence.md "Checks", "Never lost"): what is accepted, what is
 * refused with which Chinese reason and that a refusal stores nothing, the case limit under
 * concurrent uploads, removal before and after sealing, audited downloads, HTTP Basic and the
 * Tasklist session. Works on the bureau user {@code bureau2}'s start-form draft of a revocation.
 */
class EvidenceUploadTest extends IntegrationTest {

  static final String USER = "bureau2";
  static final String DRAFT = "/api/evidence/draft/revocation";
  static final String SLOT = DRAFT + "/revocationEvidence";

  @Autowired JdbcTemplate jdbc;
  @Autowired EvidenceService evidence;
  @Autowired EvidenceProperties props;

  RestClient rest;

  @BeforeEach
  void client() {
    rest = new RestClient(baseUrl());
    clearDraft();
  }

  @AfterEach
  void clearDraft() {
    // unsealed leftovers would be attached to the next revocation bureau2 starts
    jdbc.update("UPDATE evd_file SET removed_at=CURRENT_TIMESTAMP WHERE case_ref=? AND removed_at IS NULL",
        Drafts.ref(Drafts.REVOCATION, USER));
  }

  long files() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM evd_file", Long.class);
  }

  long contents() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM evd_content", Long.class);
  }

  @Test
  void aPdfAndAPngAreStoredListedAndDownloadedWithAnAudit() {
    byte[] pdf = EvidenceFixtures.pdf();
    HttpResponse<String> up = rest.upload(SLOT, USER, "撤销依据.pdf", pdf);
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    assertThat(up.body()).contains("\"name\":\"撤销依据.pdf\"", "\"contentType\":\"application/pdf\"",
        "\"sha256\":\"" + EvidenceService.sha256(pdf) + "\"", "\"sealed\":false", "\"url\":\"/api/evidence/files/");
    HttpResponse<String> png = rest.upload(SLOT, USER, "现场.PNG", EvidenceFixtures.png());
    assertThat(png.statusCode()).as(png.body()).isEqualTo(201);
    assertThat(png.body()).contains("\"contentType\":\"image/png\"");

    HttpResponse<String> list = rest.get(DRAFT, USER);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains("\"case\":\"draft/revocation\"", "\"canUpload\":true",
        "\"slot\":\"revocationEvidence\"", "\"present\":true", "撤销依据.pdf", "现场.PNG");

    String id = up.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    HttpResponse<byte[]> down = rest.getBytes("/api/evidence/files/" + id, USER);
    assertThat(down.statusCode()).isEqualTo(200);
    assertThat(down.body()).isEqualTo(pdf);
    assertThat(down.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(down.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
    assertThat(down.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(down.headers().allValues("Content-Security-Policy")).containsExactly(EvidenceController.DOWNLOAD_CSP);

    HttpResponse<String> audit = rest.get(DRAFT + "/downloads", USER);
    assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
    assertThat(audit.body()).contains("\"fileId\":\"" + id + "\"", "\"userId\":\"" + USER + "\"");
    // the audit is the bureau's; the file is not even visible to others
    assertThat(rest.get(DRAFT + "/downloads", "applicant1").statusCode()).isEqualTo(403);
    assertThat(rest.getBytes("/api/evidence/files/" + id, "applicant1").statusCode()).isEqualTo(403);
    assertThat(rest.getBytes("/api/evidence/files/" + id, "bureau1").statusCode()).isEqualTo(403);
  }

  @Test
  void refusedUploadsAnswerInChineseAndStoreNothing() {
    byte[] elf = withHeader(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
    byte[] mz = withHeader(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0});
    byte[] script = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII);
    byte[] tooBig = new byte[(int) props.getMaxFileSize().toBytes() + 1];
    System.arraycopy(EvidenceFixtures.pdf(), 0, tooBig, 0, EvidenceFixtures.pdf().length);
    long files = files();
    long contents = contents();

    expect(rest.upload(SLOT, USER, "空文件.pdf", new byte[0]), 400, "EVIDENCE_EMPTY", "文件为空");
    expect(rest.upload(SLOT, USER, "说明.pdf", elf), 400, "EVIDENCE_TYPE", "不支持的文件类型");
    expect(rest.upload(SLOT, USER, "说明.pdf", mz), 400, "EVIDENCE_TYPE", "可执行文件、脚本和压缩包不能上传");
    expect(rest.upload(SLOT, USER, "说明.pdf", script), 400, "EVIDENCE_TYPE", "不支持的文件类型");
    expect(rest.upload(SLOT, USER, "材料.zip", zip("a.txt")), 400, "EVIDENCE_TYPE", "不支持的文件类型");
    expect(rest.upload(SLOT, USER, "照片.png", EvidenceFixtures.pdf()), 400, "EVIDENCE_EXTENSION",
        "文件扩展名与文件内容不符：内容为 PDF 文件，扩展名应为 .pdf（当前为 .png）");
    expect(rest.upload(SLOT, USER, "../../etc/passwd.pdf", EvidenceFixtures.pdf()), 400, "EVIDENCE_NAME",
        "文件名不能包含路径");
    expect(rest.upload(SLOT, USER, "..\\secret.pdf", EvidenceFixtures.pdf()), 400, "EVIDENCE_NAME", "文件名不能包含路径");
    expect(rest.upload(SLOT, USER, "大文件.pdf", tooBig), 413, "PAYLOAD_TOO_LARGE", "单个文件不能超过 20.0 MB");
    expect(rest.upload(DRAFT + "/statementEvidence", USER, "a.pdf", EvidenceFixtures.pdf()), 400,
        "EVIDENCE_SLOT", "该案件没有此类材料");
    expect(rest.upload("/api/evidence/draft/application/cond1", USER, "a.pdf", EvidenceFixtures.pdf()), 403,
        "FORBIDDEN", "无权");

    assertThat(files()).isEqualTo(files);
    assertThat(contents()).isEqualTo(contents);
  }

  @Test
  void anUploadAboveTheRequestLimitIsRefusedBeforeAnyControllerRuns() {
    long files = files();
    byte[] huge = new byte[65 * 1024 * 1024];
    System.arraycopy(EvidenceFixtures.pdf(), 0, huge, 0, EvidenceFixtures.pdf().length);
    expect(rest.upload(SLOT, USER, "超大.pdf", huge), 413, "PAYLOAD_TOO_LARGE", "文件过大，超过了平台允许的上传大小");
    assertThat(files()).isEqualTo(files);
  }

  @Test
  void officeAndOfdFilesAreRecognisedByTheirContent() {
    assertThat(rest.upload(SLOT, USER, "报告.docx", zip("[Content_Types].xml", "word/document.xml")).statusCode())
        .isEqualTo(201);
    assertThat(rest.upload(SLOT, USER, "清单.xlsx", zip("[Content_Types].xml", "xl/workbook.xml")).statusCode())
        .isEqualTo(201);
    assertThat(rest.upload(SLOT, USER, "公文.ofd", zip("OFD.xml", "Doc_0/Document.xml")).statusCode())
        .isEqualTo(201);
    expect(rest.upload(SLOT, USER, "清单.xlsx", zip("[Content_Types].xml", "word/document.xml")), 400,
        "EVIDENCE_EXTENSION", "内容为 DOCX 文件，扩展名应为 .docx");
  }

  @Test
  void namesAreCleanedOfControlCharactersAndShortened() {
    String longName = "很".repeat(200) + ".pdf";
    HttpResponse<String> up = rest.upload(SLOT, USER, longName, EvidenceFixtures.pdf());
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    String id = up.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    String stored = evidence.get(id).orElseThrow().name();
    assertThat(stored).endsWith(".pdf");
    assertThat(stored.codePointCount(0, stored.length())).isEqualTo(120);
    assertThat(ContentCheck.sanitise("a\u0000b\u202e\tc.pdf")).isEqualTo("abc.pdf");
  }

  @Test
  void concurrentUploadsToOneCaseKeepItsLimit() throws Exception {
    byte[] pdf = EvidenceFixtures.pdf();
    DataSize saved = props.getMaxCaseSize();
    props.setMaxCaseSize(DataSize.ofBytes(5L * pdf.length));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        int n = i;
        calls.add(() -> rest.upload(SLOT, USER, "并发" + n + ".pdf", pdf).statusCode());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
      assertThat(statuses).filteredOn(s -> s == 413).hasSize(5);
      Long used = jdbc.queryForObject("SELECT SUM(size_bytes) FROM evd_file WHERE case_ref=? AND removed_at IS NULL",
          Long.class, Drafts.ref(Drafts.REVOCATION, USER));
      assertThat(used).isEqualTo(5L * pdf.length);
      expect(rest.upload(SLOT, USER, "再一个.pdf", pdf), 413, "PAYLOAD_TOO_LARGE", "该案件的材料总量超过上限");
    } finally {
      pool.shutdown();
      props.setMaxCaseSize(saved);
    }
  }

  @Test
  void onlyItsUploaderRemovesAFileAndOnlyBeforeItIsSealed() {
    String kept = id(rest.upload(SLOT, USER, "封存.pdf", EvidenceFixtures.pdf()));
    evidence.seal(Drafts.ref(Drafts.REVOCATION, USER), List.of(Drafts.REVOCATION_EVIDENCE));
    String loose = id(rest.upload(SLOT, USER, "未封存.pdf", EvidenceFixtures.pdf()));

    expect(rest.delete("/api/evidence/files/" + kept, USER), 409, "CONFLICT", "已随所属环节提交而封存，不能删除");
    assertThat(evidence.get(kept).orElseThrow().removed()).isFalse();
    assertThat(rest.getBytes("/api/evidence/files/" + kept, USER).body()).isEqualTo(EvidenceFixtures.pdf());

    assertThat(rest.delete("/api/evidence/files/" + loose, "bureau1").statusCode()).isEqualTo(403);
    assertThat(rest.delete("/api/evidence/files/" + loose, USER).statusCode()).isEqualTo(204);
    assertThat(evidence.get(loose).orElseThrow().removed()).isTrue();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evd_content WHERE file_id=?", Long.class, loose)).isZero();
    assertThat(rest.get(DRAFT, USER).body()).contains("封存.pdf", "\"sealed\":true").doesNotContain("未封存.pdf");
  }

  @Test
  void anonymousCallsGet401AndTheTasklistSessionWorksFromOurOwnPagesOnly() throws Exception {
    assertThat(rest.get(DRAFT, null).statusCode()).isEqualTo(401);
    assertThat(rest.upload(SLOT, null, "a.pdf", EvidenceFixtures.pdf()).statusCode()).isEqualTo(401);

    HttpClient browser = loggedIn(USER);
    HttpResponse<String> list = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + DRAFT)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains("\"case\":\"draft/revocation\"");

    long before = files();
    HttpResponse<String> crossSite = browser.send(RestClient.multipart(URI.create(baseUrl() + SLOT), "a.pdf",
        EvidenceFixtures.pdf()).header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(crossSite.body()).contains("CROSS_SITE_REQUEST", "请求来源不是本平台页面");
    HttpResponse<String> noOrigin = browser.send(RestClient.multipart(URI.create(baseUrl() + SLOT), "a.pdf",
        EvidenceFixtures.pdf()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(noOrigin.statusCode()).isEqualTo(403);
    assertThat(files()).isEqualTo(before);

    HttpResponse<String> own = browser.send(RestClient.multipart(URI.create(baseUrl() + SLOT), "会话上传.pdf",
        EvidenceFixtures.pdf()).header("Origin", baseUrl()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    assertThat(own.body()).contains("\"uploadedBy\":\"" + USER + "\"");
    // the session reaches /api/evidence only: the rest of our API still wants HTTP Basic
    HttpResponse<String> other = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/my/cases")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(401);
  }

  // ------------------------------------------------------------------ helpers

  static void expect(HttpResponse<String> r, int status, String code, String message) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.body()).contains("\"code\":\"" + code + "\"").contains(message);
  }

  static String id(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return r.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
  }

  /** An executable header followed by zeros (enough for magic-byte detection). */
  static byte[] withHeader(byte[] header) {
    byte[] b = Arrays.copyOf(header, 512);
    return b;
  }

  static byte[] zip(String... entries) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(out)) {
        for (String e : entries) {
          z.putNextEntry(new ZipEntry(e));
          z.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
          z.closeEntry();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpClient loggedIn(String user) throws Exception {
    return cn.shaoxing.pilotbase.support.WebappLogin.as(baseUrl(), user);
  }
}
