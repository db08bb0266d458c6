package cn.shaoxing.pilotbase.revocation;

import cn.shaoxing.pilotbase.documents.Audience;
import cn.shaoxing.pilotbase.documents.CaseRefs;
import cn.shaoxing.pilotbase.documents.DocumentInfo;
import cn.shaoxing.pilotbase.documents.DocumentKind;
import cn.shaoxing.pilotbase.documents.DocumentService;
import cn.shaoxing.pilotbase.documents.OfficialDocument;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The revocation decision (撤销决定, ADR 0032), issued when the decision is published: to the base's
 * account and its district or competent unit (and the bureau, party committee, administrators).
 */
@Component
public class RevocationDocuments {

  private final DocumentService documents;

  public RevocationDocuments(DocumentService documents) {
    this.documents = documents;
  }

  public DocumentInfo decision(RevocationService.RevocationCase c, String orgName, String causeLabel,
      String partyComments, String documentNumber, LocalDate documentDate, String baseUser,
      String reviewerGroup) {
    String title = "关于撤销" + orgName + "“" + RegisterService.UNIFIED_NAME + "”评定的决定";
    List<String> body = new ArrayList<>();
    body.add("根据《关于加快推进绍兴市科技成果转化中试基地建设的实施方案》及其附件《绍兴市科技成果转化中试基地绩效评价规则》有关规定，经查，你单位存在以下情形：" + causeLabel + "。"
        + (c.causeDetails() == null || c.causeDetails().isBlank() ? "" : "具体事由：" + sentence(c.causeDetails())));
    body.add("市科技局已依法告知你单位拟作出撤销决定的事实、理由和依据，并听取了你单位的陈述和申辩。经市科技局党组会议"
        + "审议，决定撤销你单位“" + RegisterService.UNIFIED_NAME + "”评定，自本决定发布之日起，不再享有相关支持政策。");
    if (partyComments != null && !partyComments.isBlank()) {
      body.add("党组会议意见：" + sentence(partyComments));
    }
    body.add("如不服本决定，可自收到本决定之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。");
    return documents.issue(DocumentKind.REVOCATION_DECISION, CaseRefs.revocation(c.id()), c.baseId(),
        new OfficialDocument(title, documentNumber, documentDate, orgName + "：", body, null, List.of(),
            "此件依申请公开"),
        new Audience(baseUser, reviewerGroup));
  }

  /** A text as a sentence: closed by 「。」 unless it ends with punctuation already. */
  private static String sentence(String s) {
    String t = s.strip();
    return t.isEmpty() || "。！？；.!?".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + "。";
  }
}
