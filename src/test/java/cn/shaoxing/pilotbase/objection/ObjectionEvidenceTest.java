package cn.shaoxing.pilotbase.objection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.shaoxing.pilotbase.evidence.OpenTasks;
import cn.shaoxing.pilotbase.evidence.Viewer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who reads and adds to an objection's evidence (docs/evidence.md): the bureau adds the objector's
 * material while the objection is open; the district or expert asked to help verify reads it and adds
 * its own while its consultation is open; nobody else (the objector may be anonymous).
 */
class ObjectionEvidenceTest {

  static final Viewer BUREAU = Viewer.of("bureau1", List.of("bureau"));
  static final Viewer CONSULTED = Viewer.of("keqiao1", List.of("districtKeqiao"));
  static final Viewer OTHER_DISTRICT = Viewer.of("yuecheng1", List.of("districtYuecheng"));
  static final Viewer APPLICANT = Viewer.of("applicant1", List.of("applicant"));

  OpenTasks tasks = mock(OpenTasks.class);

  ObjectionEvidence objection(boolean open) {
    Map<String, String> vars = Map.of("objectionId", "O1");
    when(tasks.holds(eq(CONSULTED), eq(vars), any(String[].class))).thenReturn(true);
    return new ObjectionEvidence("O1", "公示异议：某单位", open, tasks);
  }

  @Test
  void theBureauAddsTheObjectorsMaterialAndTheConsultedPartyItsOwn() {
    ObjectionEvidence o = objection(true);
    assertThat(o.mayUpload(BUREAU, "objectionEvidence")).isTrue();
    assertThat(o.mayUpload(BUREAU, "consultEvidence")).isFalse();
    assertThat(o.mayRead(CONSULTED)).isTrue();
    assertThat(o.mayUpload(CONSULTED, "consultEvidence")).isTrue();
    assertThat(o.mayUpload(CONSULTED, "objectionEvidence")).isFalse();
    assertThat(o.closed()).isFalse();
  }

  @Test
  void nobodyElseReadsOrAdds() {
    ObjectionEvidence o = objection(true);
    for (Viewer v : List.of(OTHER_DISTRICT, APPLICANT)) {
      assertThat(o.mayRead(v)).as(v.userId()).isFalse();
      assertThat(o.mayUpload(v, "objectionEvidence")).as(v.userId()).isFalse();
      assertThat(o.mayUpload(v, "consultEvidence")).as(v.userId()).isFalse();
    }
  }

  @Test
  void aClosedObjectionTakesNoMoreFiles() {
    assertThat(objection(false).closed()).isTrue();
    assertThat(ObjectionEvidence.caseRef("O1")).isEqualTo("objection/O1");
  }
}
