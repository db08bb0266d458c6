package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.organisation.IndustryChain;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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

  /**
   * The candidates of the bureau's checklist: options and table rows (JSON arrays), best score first.
   * Rows hold orgName, district, chain, score and onsite (the on-site findings, may be empty).
   */
  public record Candidates(String optionsJson, String rowsJson) {}

  /**
   * What the districts have done so far, one row per application (a JSON array of district,
   * orgName, status and rank, the district's recommendation rank or empty): a form table.
   */
  public String recommendationRows(int year) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Application a : applications.ofRound(year)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("district", OutcomeMails.reviewerName(a.reviewerGroup()));
      row.put("orgName", a.orgName());
      row.put("status", a.status().chineseName());
      row.put("rank", a.districtRank() == null ? "" : String.valueOf(a.districtRank()));
      rows.add(row);
    }
    return write(rows);
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
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Application a : scoring.scoreRound(year)) {
      if (a.status() == ApplicationStatus.PROPOSED || a.status() == ApplicationStatus.NOT_CHOSEN) {
        applications.setOutcome(a.id(), ApplicationStatus.EVALUATED, null);
      }
      String district = OutcomeMails.reviewerName(a.reviewerGroup());
      String chain = IndustryChain.label(a.industryChain());
      String label = a.orgName() + "（" + district + "，" + chain + "）综合得分 " + a.finalScore();
      options.add(Map.of("label", label, "value", a.id()));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("orgName", a.orgName());
      row.put("district", district);
      row.put("chain", chain);
      row.put("score", a.finalScore() == null ? "" : a.finalScore().toPlainString());
      row.put("onsite", a.onsiteFindings() == null ? "" : a.onsiteFindings());
      rows.add(row);
    }
    rounds.setStatus(year, RoundStatus.REVIEW);
    return new Candidates(write(options), write(rows));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
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
