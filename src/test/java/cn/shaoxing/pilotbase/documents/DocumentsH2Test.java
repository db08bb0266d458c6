package cn.shaoxing.pilotbase.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shaoxing.pilotbase.support.MigratedH2;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The documents store on the embedded default database (H2, all Flyway migrations, V120 included): a
 * document stored once per kind and case, read back byte for byte, and who may read it. No Spring context.
 */
class DocumentsH2Test {

  JdbcTemplate jdbc;
  DocumentService documents;

  @BeforeEach
  void migrate() {
    jdbc = new JdbcTemplate(MigratedH2.create("documents", ""));
    documents = new DocumentService(jdbc);
  }

  OfficialDocument letter(String org) {
    return new OfficialDocument("2107年度评定结果告知书", null, LocalDate.of(2107, 4, 1), org + "：",
        List.of("你单位未获评定。"), null, List.of(), null);
  }

  @Test
  void aDocumentIsStoredOncePerKindAndCaseAndReadBackByItsAudienceOnly() throws Exception {
    DocumentInfo first = documents.issue(DocumentKind.OUTCOME_LETTER, CaseRefs.application("a-2107"), null,
        letter("甲公司"), new Audience("applicant1", "districtYuecheng"));
    DocumentInfo again = documents.issue(DocumentKind.OUTCOME_LETTER, CaseRefs.application("a-2107"), null,
        letter("乙公司（不会再生成）"), new Audience("applicant1", "districtYuecheng"));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM doc_document", Integer.class)).isEqualTo(1);
    byte[] bytes = documents.readable(first.id(), "applicant1", List.of("applicant")).orElseThrow().bytes();
    assertThat(DocumentService.sha256(bytes)).isEqualTo(first.sha256());
    assertThat(PdfText.of(bytes)).contains("甲公司").doesNotContain("乙公司");
    assertThat(documents.readable(first.id(), "yuecheng1", List.of("districtYuecheng"))).isPresent();
    assertThat(documents.readable(first.id(), "bureau1", List.of("bureau"))).isPresent();
    assertThat(documents.readable(first.id(), "applicant2", List.of("applicant"))).isEmpty();
    assertThat(documents.readable(first.id(), "keqiao1", List.of("districtKeqiao"))).isEmpty();
    assertThat(documents.readable(first.id(), null, List.of())).isEmpty();
    assertThat(documents.attachment(first.id())).get()
        .satisfies(a -> assertThat(a.fileName()).isEqualTo("结果告知书-2107年度评定结果告知书.pdf"));
    assertThat(documents.addressedTo("applicant1", List.of("applicant"))).extracting(DocumentInfo::id)
        .containsExactly(first.id());
  }

  @Test
  void theDatabaseRefusesASecondDocumentOfTheSameKindAndCase() {
    documents.issue(DocumentKind.DESIGNATION_NOTICE, CaseRefs.round(2107), null, letter("丙公司"), Audience.PUBLIC);
    assertThatThrownBy(() -> jdbc.update("INSERT INTO doc_document (id, kind, case_ref, title, file_name,"
        + " public_document, created_at, sha256, size_bytes, bytes) VALUES ('x', 'DESIGNATION_NOTICE', 'round/2107',"
        + " 't', 'f.pdf', TRUE, CURRENT_TIMESTAMP, 's', 1, X'00')"))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(documents.readable(documents.find(DocumentKind.DESIGNATION_NOTICE, CaseRefs.round(2107))
        .orElseThrow().id(), null, List.of())).as("public: anyone").isPresent();
  }
}
