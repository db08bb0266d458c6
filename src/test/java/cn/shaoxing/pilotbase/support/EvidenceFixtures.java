package cn.shaoxing.pilotbase.support;

import cn.shaoxing.pilotbase.evaluation.EvaluationForm;
import cn.shaoxing.pilotbase.evidence.Drafts;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.evidence.Viewer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Minimal valid evidence files (a real one-page PDF, a real 1×1 PNG) and the uploads the steps that
 * require evidence need (docs/evidence.md), made through {@link EvidenceService} as the person the
 * step allows, so tests walk the processes as people do.
 */
public final class EvidenceFixtures {

  private EvidenceFixtures() {}

  /** A small, well-formed PDF (one empty page, with its cross-reference table). */
  public static byte[] pdf() {
    String[] objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"};
    StringBuilder b = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = b.length();
      b.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = b.length();
    b.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int o : offsets) {
      b.append(String.format("%010d 00000 n \n", o));
    }
    b.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref).append("\n%%EOF\n");
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** A 1×1 PNG written by ImageIO. */
  public static byte[] png() {
    try {
      BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
      img.setRGB(0, 0, 0x3366cc);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The user with its groups as the engine knows them. */
  public static Viewer viewer(ProcessEngine engine, String user) {
    return Viewer.of(user, engine.getIdentityService().createGroupQuery().groupMember(user).list()
        .stream().map(Group::getId).toList());
  }

  /** The six conditions on the applicant's start-form draft (draft/application). */
  public static void applicationDrafts(EvidenceService evidence, String applicant) {
    Viewer v = Viewer.of(applicant, List.of("applicant"));
    for (int i = 1; i <= 6; i++) {
      evidence.upload(v, "draft", Drafts.APPLICATION, "cond" + i, "条件" + i + "证明.pdf", pdf());
    }
  }

  /**
   * What {@code task} needs before it can be submitted: the self-evaluation a file per indicator
   * (as the base's account), an on-site check its report (as its checker). Other tasks: nothing.
   */
  public static void forTask(EvidenceService evidence, ProcessEngine engine, JdbcTemplate jdbc, Task task) {
    String key = task.getTaskDefinitionKey();
    var rt = engine.getRuntimeService();
    if (key.equals("Task_SelfEvaluation")) {
      String participation = participation(jdbc, (String) rt.getVariable(task.getExecutionId(), "cycleId"),
          (String) rt.getVariable(task.getExecutionId(), "baseId"));
      Viewer v = viewer(engine, task.getAssignee());
      for (String i : EvaluationForm.ALL) {
        evidence.upload(v, "evaluation", participation, "ind_" + i, i + ".pdf", pdf());
      }
    } else if (key.equals("Task_OnSiteCheck")) {
      Viewer v = viewer(engine, holder(engine, task));
      Object applicationId = rt.getVariable(task.getExecutionId(), "applicationId");
      if (applicationId != null) {
        evidence.upload(v, "application", (String) applicationId, "onsiteReport", "现场核查报告.pdf", pdf());
      } else {
        String participation = participation(jdbc, (String) rt.getVariable(task.getExecutionId(), "cycleId"),
            (String) rt.getVariable(task.getExecutionId(), "baseId"));
        evidence.upload(v, "evaluation", participation, "onsiteReport", "现场核查报告.pdf", pdf());
      }
    }
  }

  public static String participation(JdbcTemplate jdbc, String cycleId, String baseId) {
    return jdbc.queryForObject("SELECT id FROM eva_participation WHERE cycle_id=? AND base_id=?", String.class,
        cycleId, baseId);
  }

  /** Whoever may work on the task: its assignee, else a candidate user, else a member of a candidate group. */
  static String holder(ProcessEngine engine, Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(task.getId());
    for (IdentityLink l : links) {
      if (l.getUserId() != null && "candidate".equals(l.getType())) {
        return l.getUserId();
      }
    }
    for (IdentityLink l : links) {
      if (l.getGroupId() != null) {
        var u = engine.getIdentityService().createUserQuery().memberOfGroup(l.getGroupId()).listPage(0, 1);
        if (!u.isEmpty()) {
          return u.get(0).getId();
        }
      }
    }
    throw new AssertionError("nobody may work on " + task.getTaskDefinitionKey());
  }
}
