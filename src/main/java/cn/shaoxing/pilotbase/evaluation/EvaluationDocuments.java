package cn.shaoxing.pilotbase.evaluation;

import cn.shaoxing.pilotbase.documents.Audience;
import cn.shaoxing.pilotbase.documents.CaseRefs;
import cn.shaoxing.pilotbase.documents.DocumentInfo;
import cn.shaoxing.pilotbase.documents.DocumentKind;
import cn.shaoxing.pilotbase.documents.DocumentService;
import cn.shaoxing.pilotbase.documents.OfficialDocument;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.scoring.Grade;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The official documents of an evaluation cycle (ADR 0032): the publicity of its results (评价结果公示)
 * and the result notice with the grades and the 文号 (评价结果通知). Both are public; they list grades,
 * never scores' working.
 */
@Component
public class EvaluationDocuments {

  private final DocumentService documents;
  private final EvaluationService evaluations;
  private final RegisterService register;

  public EvaluationDocuments(DocumentService documents, EvaluationService evaluations,
      RegisterService register) {
    this.documents = documents;
    this.evaluations = evaluations;
    this.register = register;
  }

  /** 评价结果公示, when publicity starts. */
  public DocumentInfo publicityNotice(Cycle cycle, LocalDate start, LocalDate lastDay, int workingDays) {
    List<String> body = List.of(
        "根据《绍兴市科技成果转化中试基地绩效评价规则》，市科技局组织开展了" + cycle.name() + "。经基地自评、区县（市）"
            + "科技部门及市级归口管理单位审核、专家评审和市科技局党组会议审议，形成评价结果，现予以公示。",
        "公示期为" + words(start) + "至" + words(lastDay) + "（" + workingDays + "个工作日）。公示期内，对评价结果有异议的，"
            + "请以书面形式向市科技局成果转化处提出，并写明事实和理由。");
    return documents.issue(DocumentKind.EVALUATION_PUBLICITY, CaseRefs.cycle(cycle.id()), null,
        new OfficialDocument(cycle.name() + "结果公示", null, start, null, body,
            gradeTable(cycle, "评价结果"), List.of(), "此件公开发布"),
        Audience.PUBLIC);
  }

  /** 评价结果通知, at publication, with the document number. */
  public DocumentInfo resultNotice(Cycle cycle, String documentNumber, LocalDate documentDate) {
    List<String> body = List.of(
        "根据《绍兴市科技成果转化中试基地绩效评价规则》，市科技局组织开展了" + cycle.name() + "。经基地自评、审核推荐、"
            + "专家评审、市科技局党组会议审议和社会公示，现将评价结果予以公布。",
        "评价结果为“不合格”或无正当理由未参加评价的，按规定撤销其“" + RegisterService.UNIFIED_NAME + "”评定。"
            + "请各中试基地对照评价指标，持续提升中试服务能力。");
    return documents.issue(DocumentKind.EVALUATION_RESULT, CaseRefs.cycle(cycle.id()), null,
        new OfficialDocument("关于公布" + cycle.name() + "结果的通知", documentNumber, documentDate,
            "各区、县（市）科技局，市级有关部门，各中试基地：", body, gradeTable(cycle, cycle.name() + "结果"),
            List.of(), "此件公开发布"),
        Audience.PUBLIC);
  }

  private OfficialDocument.Table gradeTable(Cycle cycle, String caption) {
    List<List<String>> rows = new ArrayList<>();
    int i = 1;
    for (Participation p : evaluations.participations(cycle.id())) {
      DesignatedBase b = register.findById(p.baseId()).orElseThrow();
      rows.add(List.of(String.valueOf(i++), b.orgName(),
          Role.byGroupId(b.reviewerGroup()).map(Role::chineseName).orElse(b.reviewerGroup()),
          p.grade() == null ? "" : Grade.valueOf(p.grade()).chineseName()));
    }
    return new OfficialDocument.Table(caption, List.of("序号", "单位名称", "推荐单位", "评价结果"),
        List.of(0.8f, 6f, 3f, 2f), rows);
  }

  private static String words(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }
}
