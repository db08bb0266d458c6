package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.designation.DesignationVariables.APPLICATION_DEADLINE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.APPLICATION_DEADLINE_AT;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.CANDIDATE_OPTIONS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.CANDIDATES;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.DOCUMENT_DATE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.DISTRICT_RANKING;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.DOCUMENT_NUMBER;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.FORMAL_CORRECTION_DAYS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.INDICATOR_TABLE_VERSION;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.OBJECTION_CONTACT;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.PROPOSAL_NOTE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.PROPOSED_APPLICATIONS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.PUBLICITY_END_AT;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.PUBLICITY_START;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.RANKING_OPTIONS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.RECOMMENDATIONS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.REVIEWER_GROUP;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.ROUND_NOTICE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.ROUND_OPENED_BY;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.ROUND_YEAR;
import static cn.shaoxing.pilotbase.experts.ExpertPanels.PANEL_SIZE;

import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The process adapter of processes/designation-round.bpmn (ADR 0007): each method reads typed
 * variables ({@link DesignationVariables}), calls one service and writes typed variables back.
 */
@Component("roundSteps")
public class RoundSteps {

  private final RoundService rounds;
  private final RoundLifecycle lifecycle;
  private final ProposedList proposedList;
  private final DesignationProperties properties;
  private final DistrictRanking ranking;

  public RoundSteps(RoundService rounds, RoundLifecycle lifecycle, ProposedList proposedList,
      DesignationProperties properties, DistrictRanking ranking) {
    this.ranking = ranking;
    this.rounds = rounds;
    this.lifecycle = lifecycle;
    this.proposedList = proposedList;
    this.properties = properties;
  }

  public void openRound(DelegateExecution ex) {
    int year = ROUND_YEAR.of(ex);
    RoundLifecycle.Opened opened = lifecycle.open(year, APPLICATION_DEADLINE.of(ex),
        PANEL_SIZE.of(ex), ex.getProcessInstanceId(), ROUND_OPENED_BY.of(ex), ROUND_NOTICE.of(ex));
    INDICATOR_TABLE_VERSION.set(ex, opened.indicatorTableVersion());
    ROUND_YEAR.set(ex, year);
    PANEL_SIZE.set(ex, opened.panelSize());
    if (!FORMAL_CORRECTION_DAYS.present(ex.getVariables())) {
      FORMAL_CORRECTION_DAYS.set(ex, properties.defaultCorrectionDays());
    }
    APPLICATION_DEADLINE_AT.set(ex, opened.applicationsEndAt());
  }

  public void closeApplications(DelegateExecution ex) {
    rounds.setStatus(ROUND_YEAR.of(ex), RoundStatus.REVIEW);
  }

  /**
   * The multi-instance collection of 区县择优推荐排序: the reviewer groups with applications of the
   * round recommended or still under review (not stored as a variable).
   */
  public List<String> rankingGroups(Object roundYear) {
    return ranking.groups(((Number) roundYear).intValue());
  }

  /**
   * Task-create listener of 区县择优推荐排序: the group's recommended applications as options and an
   * empty ranking, both task-local (the submission stays on this district's task).
   */
  public void prepareRanking(DelegateTask task) {
    RANKING_OPTIONS.setLocal(task, ranking.options(ROUND_YEAR.of(task), REVIEWER_GROUP.of(task)));
    task.setVariableLocal(DISTRICT_RANKING.name(), DistrictRanking.emptyRanking());
  }

  /** Task-complete listener of 区县择优推荐排序: the ranks (validated on submission) into the table. */
  public void recordRanking(DelegateTask task) {
    ranking.record(ROUND_YEAR.of(task), REVIEWER_GROUP.of(task), DISTRICT_RANKING.of(task));
  }

  /** Task-create listener of the confirmation task: what the districts have done so far. */
  public void summarizeRecommendations(DelegateExecution ex) {
    RECOMMENDATIONS.set(ex, SpinValues.jsonValue(proposedList.recommendationRows(ROUND_YEAR.of(ex))).create());
  }

  /** The multi-instance collection of the evaluation call activity (not stored as a variable). */
  public List<String> recommendedIds(Object roundYear) {
    return proposedList.recommendedIds(((Number) roundYear).intValue());
  }

  public boolean hasRecommendations(DelegateExecution ex) {
    return !proposedList.recommendedIds(ROUND_YEAR.of(ex)).isEmpty();
  }

  public void closeWithoutCandidates(DelegateExecution ex) {
    rounds.setStatus(ROUND_YEAR.of(ex), RoundStatus.CLOSED);
  }

  /** Before the bureau compiles the proposed list: the scored candidates as checklist options. */
  public void prepareProposedList(DelegateExecution ex) {
    ProposedList.Candidates c = proposedList.candidates(ROUND_YEAR.of(ex));
    CANDIDATE_OPTIONS.set(ex, SpinValues.jsonValue(c.optionsJson()).create());
    CANDIDATES.set(ex, SpinValues.jsonValue(c.rowsJson()).create());
  }

  public void recordProposedList(DelegateExecution ex) {
    proposedList.record(ROUND_YEAR.of(ex), new LinkedHashSet<>(PROPOSED_APPLICATIONS.of(ex)),
        PROPOSAL_NOTE.of(ex));
  }

  public void startPublicity(DelegateExecution ex) {
    RoundLifecycle.Publicity p = lifecycle.startPublicity(ROUND_YEAR.of(ex), OBJECTION_CONTACT.of(ex));
    PUBLICITY_START.set(ex, p.start());
    PUBLICITY_END_AT.set(ex, p.end());
  }

  public void recordPublication(DelegateExecution ex) {
    lifecycle.publish(ROUND_YEAR.of(ex), DOCUMENT_NUMBER.of(ex), DOCUMENT_DATE.of(ex));
  }
}
