package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.organisation.IndustryChain;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * From the districts' recommendations to the proposed list the party committee reviews: what the
 * districts did, the scored candidates offered to the bureau, and the bureau's choice.
 */
@Service
public class ProposedList {

  private final ApplicationService applications;
  private final RoundService rounds;
  private final DesignationScoring scoring;
  private final ObjectMapper json = new ObjectMapper();

  public ProposedList(ApplicationService applications, RoundService rounds,
      DesignationScoring scoring) {
    this.applications = applications;
    this.rounds = rounds;
    this.scoring = scoring;
  }

  /** The candidates of the bureau's checklist: options (JSON) and a summary, best score first. */
  public record Candidates(String optionsJson, String summary) {}

  /** What the districts have done so far, one line per application. */
  public String recommendationSummary(int year) {
    StringBuilder sb = new StringBuilder();
    for (Application a : applications.ofRound(year)) {
      sb.append(OutcomeMails.reviewerName(a.reviewerGroup())).append("｜").append(a.orgName())
          .append("｜").append(a.status().chineseName());
      if (a.districtRank() != null) {
        sb.append("｜推荐排序 ").append(a.districtRank());
      }
      sb.append('\n');
    }
    return sb.length() == 0 ? "本年度尚无申报。" : sb.toString();
  }

  /** The applications the districts recommended: the round's cases for the evaluation. */
  public List<String> recommendedIds(int year) {
    return applications.ofRound(year, ApplicationStatus.RECOMMENDED).stream()
        .map(Application::id).toList();
  }

  /**
   * Scores the applications that completed the expert review as one cohort with the round's
   * indicator table, resets an earlier choice (the list was sent back) and offers them in
   * descending order of score.
   */
  public Candidates candidates(int year) {
    List<Map<String, Object>> options = new ArrayList<>();
    StringBuilder summary = new StringBuilder();
    for (Application a : scoring.scoreRound(year)) {
      if (a.status() == ApplicationStatus.PROPOSED || a.status() == ApplicationStatus.NOT_CHOSEN) {
        applications.setOutcome(a.id(), ApplicationStatus.EVALUATED, null);
      }
      String label = a.orgName() + "（" + OutcomeMails.reviewerName(a.reviewerGroup()) + "，"
          + IndustryChain.label(a.industryChain()) + "）综合得分 " + a.finalScore();
      options.add(Map.of("label", label, "value", a.id()));
      summary.append(label);
      if (a.onsiteFindings() != null) {
        summary.append("；现场核查：").append(a.onsiteFindings());
      }
      summary.append('\n');
    }
    rounds.setStatus(year, RoundStatus.REVIEW);
    try {
      return new Candidates(json.writeValueAsString(options), summary.length() == 0
          ? "无评审完成的申报。"
          : summary.append("（按市科技局评分指标表第").append(scoring.tableOf(year).version())
              .append("版计分，得分由高到低排列）").toString());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The bureau's choice: the chosen are proposed, the others are not chosen, with the reason. */
  public void record(int year, Collection<String> proposed, String note) {
    for (Application a : applications.ofRound(year, ApplicationStatus.EVALUATED)) {
      if (proposed.contains(a.id())) {
        applications.setOutcome(a.id(), ApplicationStatus.PROPOSED, null);
      } else {
        applications.setOutcome(a.id(), ApplicationStatus.NOT_CHOSEN, notChosenReason(a.finalScore(), note));
      }
    }
    rounds.setStatus(year, RoundStatus.PARTY_REVIEW);
  }

  private static String notChosenReason(BigDecimal score, String note) {
    return "专家评审综合得分 " + score + " 分，未列入拟评定名单" + (note == null ? "" : "（" + note + "）");
  }
}
