package cn.shaoxing.pilotbase.evidence;

import cn.shaoxing.pilotbase.support.MigratedH2;
import javax.sql.DataSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shaoxing.pilotbase.support.EvidenceFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/**
 * Evidence on the embedded default database (H2, all Flyway migrations): bytes and metadata in one
 * transaction, the per-case lock keeping the size limit, sealing and removal. No Spring context.
 */
class EvidenceH2Test {

  static final Viewer BUREAU = Viewer.of("bureau1", List.of("bureau"));
  static final String REF = Drafts.ref(Drafts.REVOCATION, "bureau1");

  JdbcTemplate jdbc;
  TransactionTemplate tx;
  EvidenceService evidence;
  EvidenceProperties props = new EvidenceProperties();
  ExecutorService threads = Executors.newFixedThreadPool(4);

  @BeforeEach
  void migrate() {
    DataSource ds = MigratedH2.create("evidence", ";LOCK_TIMEOUT=10000");
    jdbc = new JdbcTemplate(ds);
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
    tx = new TransactionTemplate(transactions);
    evidence = new EvidenceService(jdbc, new DatabaseEvidenceStore(jdbc), props, List.of(), transactions);
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  EvidenceFile upload(String name, byte[] bytes) {
    return tx.execute(s -> evidence.upload(BUREAU, "draft", Drafts.REVOCATION, Drafts.REVOCATION_EVIDENCE, name, bytes));
  }

  @Test
  void aFileIsStoredReadSealedAndThenKept() {
    byte[] pdf = EvidenceFixtures.pdf();
    EvidenceFile f = upload("依据.pdf", pdf);
    assertThat(f.contentType()).isEqualTo("application/pdf");
    assertThat(tx.execute(s -> evidence.download(BUREAU, f.id())).bytes()).isEqualTo(pdf);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evd_download WHERE file_id=?", Integer.class, f.id())).isEqualTo(1);
    assertThat(evidence.missing(REF, List.of(Slot.required(Drafts.REVOCATION_EVIDENCE, "撤销依据材料"),
        Slot.required(Drafts.STATEMENT_EVIDENCE, "陈述申辩材料")))).containsExactly("陈述申辩材料");

    assertThat((Integer) tx.execute(s -> evidence.attachDrafts("bureau1", Drafts.REVOCATION, "revocation/R1"))).isEqualTo(1);
    assertThat(evidence.get(f.id()).orElseThrow().sealed()).isTrue();
    EvidenceFile later = tx.execute(s -> evidence.upload(BUREAU, "draft", Drafts.REVOCATION,
        Drafts.REVOCATION_EVIDENCE, "补充.png", EvidenceFixtures.png()));
    assertThat((Integer) tx.execute(s -> evidence.seal(REF, List.of("revocation*")))).isEqualTo(1);
    assertThat(evidence.get(later.id()).orElseThrow().sealed()).isTrue();
  }

  @Test
  void aRefusedUploadLeavesNoRowAndNoBytes() {
    assertThatThrownBy(() -> upload("x.pdf", "MZ\u0090\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
        .hasMessageContaining("EVIDENCE_TYPE");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evd_file", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evd_content", Integer.class)).isZero();
  }

  @Test
  void theFilesystemStoreWritesTheBytesBeforeTheRowAndAFailedWriteLeavesNoRow(@TempDir Path dir) throws Exception {
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(jdbc.getDataSource());
    EvidenceService onDisk = new EvidenceService(jdbc, new FilesystemEvidenceStore(dir), props, List.of(), transactions);
    byte[] png = EvidenceFixtures.png();
    EvidenceFile f = tx.execute(s -> onDisk.upload(BUREAU, "draft", Drafts.REVOCATION, Drafts.REVOCATION_EVIDENCE,
        "现场.png", png));
    assertThat(f.store()).isEqualTo("filesystem");
    String sha = EvidenceService.sha256(png);
    assertThat(Files.readAllBytes(dir.resolve(sha.substring(0, 2)).resolve(sha))).isEqualTo(png);
    assertThat(tx.execute(s -> onDisk.download(BUREAU, f.id())).bytes()).isEqualTo(png);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evd_content", Integer.class)).isZero();

    EvidenceStore broken = new FilesystemEvidenceStore(dir) {
      @Override
      public void put(String fileId, String sha256, byte[] bytes) {
        throw new java.io.UncheckedIOException(new java.io.IOException("磁盘已满"));
      }
    };
    EvidenceService failing = new EvidenceService(jdbc, broken, props, List.of(), transactions);
    int rows = jdbc.queryForObject("SELECT COUNT(*) FROM evd_file", Integer.class);
    assertThatThrownBy(() -> tx.execute(s -> failing.upload(BUREAU, "draft", Drafts.REVOCATION,
        Drafts.REVOCATION_EVIDENCE, "依据.pdf", EvidenceFixtures.pdf()))).hasMessageContaining("磁盘已满");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evd_file", Integer.class)).isEqualTo(rows);
  }

  @Test
  void concurrentUploadsKeepTheCaseLimitOnH2() throws Exception {
    byte[] pdf = EvidenceFixtures.pdf();
    props.setMaxCaseSize(DataSize.ofBytes(3L * pdf.length));
    List<Callable<Boolean>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int n = i;
      calls.add(() -> {
        try {
          upload("f" + n + ".pdf", pdf);
          return true;
        } catch (ResponseStatusException e) {
          assertThat(e.getStatusCode().value()).isEqualTo(413);
          return false;
        }
      });
    }
    int stored = 0;
    for (Future<Boolean> f : threads.invokeAll(calls)) {
      stored += f.get() ? 1 : 0;
    }
    assertThat(stored).isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evd_content", Integer.class)).isEqualTo(3);
  }
}
