package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.documents.Audience;
import cn.shaoxing.pilotbase.documents.CaseRefs;
import cn.shaoxing.pilotbase.documents.DocumentInfo;
import cn.shaoxing.pilotbase.documents.DocumentKind;
import cn.shaoxing.pilotbase.documents.DocumentService;
import cn.shaoxing.pilotbase.documents.OfficialDocument;
import cn.shaoxing.pilotbase.organisation.IndustryChain;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The official documents of a designation round (ADR 0032): the publicity notice of the proposed list
 * (拟评定名单公示), the designation notice with its 文号 (认定文件) and the outcome letter (结果告知书) to
 * every applicant that was not designated, with the reason recorded for it. Issued inside the step's
 * transaction (the asynchronous continuations of ADR 0017).
 */
@Component
public class DesignationDocuments {

  static final String TO_ALL = "各区、县（市）科技局，市级有关部门，各有关单位：";

  private final DocumentService documents;

  public DesignationDocuments(DocumentService documents) {
    this.documents = documents;
  }

  /** 拟评定名单公示, when publicity starts. */
  public DocumentInfo publicityNotice(int year, LocalDate start, LocalDate lastDay, int workingDays,
      String objectionContact, List<Application> proposed) {
    String title = "关于" + year + "年度" + RegisterService.UNIFIED_NAME + "拟评定名单的公示";
    List<String> body = List.of(
        "根据《关于加快推进绍兴市科技成果转化中试基地建设的实施方案》，经单位申报、区县（市）科技部门及市级归口管理单位审核推荐、"
            + "形式审查、专家评审和市科技局党组会议审议，拟评定以下" + proposed.size() + "家单位为" + year + "年度"
            + RegisterService.UNIFIED_NAME + "，现予以公示。",
        "公示期为" + start.getYear() + "年" + start.getMonthValue() + "月" + start.getDayOfMonth() + "日至"
            + lastDay.getYear() + "年" + lastDay.getMonthValue() + "月" + lastDay.getDayOfMonth() + "日（"
            + workingDays + "个工作日）。公示期内，任何单位或个人对公示名单有异议的，请以书面形式向市科技局成果转化处"
            + "提出，并写明事实和理由；以单位名义提出的须加盖公章，以个人名义提出的须署真实姓名和联系方式。",
        "联系方式：" + (objectionContact == null || objectionContact.isBlank() ? "市科技局成果转化处" : objectionContact));
    return documents.issue(DocumentKind.ROUND_PUBLICITY, CaseRefs.round(year), null,
        new OfficialDocument(title, null, start, null, body, baseTable(year + "年度拟评定名单", proposed),
            List.of(), "此件公开发布"),
        Audience.PUBLIC);
  }

  /** 认定文件, at publication, with the document number the bureau entered. */
  public DocumentInfo designationNotice(int year, String documentNumber, LocalDate documentDate,
      List<Application> designated) {
    String title = "关于公布" + year + "年度" + RegisterService.UNIFIED_NAME + "名单的通知";
    List<String> body = List.of(
        "根据《关于加快推进绍兴市科技成果转化中试基地建设的实施方案》，经单位申报、审核推荐、形式审查、专家评审、市科技局党组会议审议"
            + "和社会公示，决定认定以下" + designated.size() + "家单位为“" + RegisterService.UNIFIED_NAME
            + "”（" + year + "年度），现予公布。",
        "请各中试基地按照建设方案加强中试能力建设，面向社会提供中试熟化服务；请各区、县（市）科技局和市级归口管理单位"
            + "加强指导与服务。市科技局将按规定组织绩效评价，实行动态管理。");
    return documents.issue(DocumentKind.DESIGNATION_NOTICE, CaseRefs.round(year), null,
        new OfficialDocument(title, documentNumber, documentDate, TO_ALL, body,
            baseTable(year + "年度" + RegisterService.UNIFIED_NAME + "名单", designated), List.of(),
            "此件公开发布"),
        Audience.PUBLIC);
  }

  /**
   * 结果告知书 to one applicant not designated (refused by its district, ineligible, failed the formal
   * review, not chosen), with the reason recorded for it. Issued when the district refuses (attached to
   * that mail) or at publication for the others; a letter issued before is attached again, not remade.
   */
  public DocumentInfo outcomeLetter(Application a, String documentNumber, LocalDate date) {
    String title = a.roundYear() + "年度" + RegisterService.UNIFIED_NAME + "评定结果告知书";
    String reason = a.outcomeReason() == null || a.outcomeReason().isBlank()
        ? a.status().chineseName() : a.outcomeReason();
    List<String> body = new ArrayList<>();
    body.add("你单位申报的" + a.roundYear() + "年度" + RegisterService.UNIFIED_NAME + "，" + stage(a)
        + "你单位本年度未获评定。"
        + (documentNumber == null || documentNumber.isBlank() ? ""
            : "本年度评定结果已由市科技局发文公布（" + documentNumber + "）。"));
    body.add("办理情况：" + a.status().chineseName() + "。");
    body.add("理由：" + reason);
    body.add("如对本结果有疑问，请与" + OutcomeMails.reviewerName(a.reviewerGroup())
        + "或市科技局成果转化处联系。欢迎你单位在符合条件后再次申报。");
    body.add("特此告知。");
    return documents.issue(DocumentKind.OUTCOME_LETTER, CaseRefs.application(a.id()), null,
        new OfficialDocument(title, null, date, a.orgName() + "：", body, null, List.of(), "此件不公开"),
        new Audience(a.applicantUserId(), a.reviewerGroup()));
  }

  /** Where the application stopped, in the letter's words. */
  private static String stage(Application a) {
    return switch (a.status()) {
      case DISTRICT_REJECTED -> "经" + OutcomeMails.reviewerName(a.reviewerGroup()) + "审核，未予推荐。";
      case INELIGIBLE, ABANDONED -> "经参评条件审查，不符合参评条件。";
      case FORMAL_FAILED -> "未通过形式审查。";
      case OBJECTION_UPHELD -> "公示期间异议经核实成立。";
      default -> "经专家评审和市科技局党组会议审议，未列入拟评定名单。";
    };
  }

  private static OfficialDocument.Table baseTable(String caption, List<Application> apps) {
    List<List<String>> rows = new ArrayList<>();
    int i = 1;
    for (Application a : apps) {
      rows.add(List.of(String.valueOf(i++), a.orgName(), IndustryChain.label(a.industryChain()),
          OutcomeMails.reviewerName(a.reviewerGroup())));
    }
    return new OfficialDocument.Table(caption, List.of("序号", "单位名称", "产业链", "推荐单位"),
        List.of(0.8f, 5f, 3f, 3f), rows);
  }
}
