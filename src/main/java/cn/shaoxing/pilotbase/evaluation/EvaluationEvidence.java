package cn.shaoxing.pilotbase.evaluation;

import cn.shaoxing.pilotbase.evidence.EvidenceCase;
import cn.shaoxing.pilotbase.evidence.EvidenceCases;
import cn.shaoxing.pilotbase.evidence.OpenTasks;
import cn.shaoxing.pilotbase.evidence.Slot;
import cn.shaoxing.pilotbase.evidence.Viewer;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.scoring.DefaultIndicatorTable;
import cn.shaoxing.pilotbase.scoring.Indicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The evidence of one base in one evaluation cycle ({@code evaluation/{participationId}},
 * docs/evidence.md): one slot per indicator of the annex and the on-site check. Who reads: the base's
 * account, its district or competent unit, the third party when it scores the cycle, the experts
 * drawn for it; the bureau and the party committee read every case. Who uploads: the base's account
 * during its self-evaluation (indicators), whoever holds the on-site check (onsite*).
 */
@Component
public class EvaluationEvidence implements EvidenceCases {

  public static final String KIND = "evaluation";
  public static final String ONSITE_PHOTOS = "onsitePhotos";
  public static final String ONSITE_REPORT = "onsiteReport";
  static final String SELF_EVALUATION_STEP = "Task_SelfEvaluation";
  static final String ONSITE_STEP = "Task_OnSiteCheck";

  private final EvaluationService evaluations;
  private final RegisterService register;
  private final BaseAccounts baseAccounts;
  private final ExpertPoolService experts;
  private final OpenTasks tasks;

  public EvaluationEvidence(EvaluationService evaluations, RegisterService register, BaseAccounts baseAccounts,
      ExpertPoolService experts, OpenTasks tasks) {
    this.evaluations = evaluations;
    this.register = register;
    this.baseAccounts = baseAccounts;
    this.experts = experts;
    this.tasks = tasks;
  }

  public static String caseRef(String participationId) {
    return KIND + "/" + participationId;
  }

  public static String slot(String indicatorId) {
    return "ind_" + indicatorId;
  }

  /** Labels of the annex's indicators, as a refusal names them. */
  static String label(String indicatorId) {
    return DefaultIndicatorTable.table().indicators().stream().filter(i -> i.id().equals(indicatorId))
        .findFirst().map(i -> "指标：" + i.name()).orElse(indicatorId);
  }

  static List<Slot> slots() {
    List<Slot> s = new ArrayList<>();
    for (Indicator i : DefaultIndicatorTable.table().indicators()) {
      boolean required = EvaluationForm.ALL.contains(i.id()) && !BONUS.equals(i.id());
      s.add(new Slot(slot(i.id()), "指标：" + i.name(), required));
    }
    s.add(Slot.optional(ONSITE_PHOTOS, "现场核查照片"));
    s.add(Slot.optional(ONSITE_REPORT, "现场核查报告"));
    return s;
  }

  static final String BONUS = "socialBenefit";

  /**
   * The indicator slots a self-evaluation must have files in (docs/evidence.md): each quantitative
   * indicator with a figure above zero, the qualitative ones (管理服务制度, 相关资质), and the bonus
   * (社会经济效益) only when the base claims it (lists material for it).
   */
  static List<Slot> requiredForSelfEvaluation(Map<String, Object> form) {
    Map<String, BigDecimal> figures = EvaluationForm.annualFigures(form);
    List<Slot> out = new ArrayList<>();
    for (String i : EvaluationForm.ALL) {
      boolean need;
      if (BONUS.equals(i)) {
        need = cn.shaoxing.pilotbase.forms.Vars.present(form, EvaluationForm.evidence(i));
      } else if (EvaluationForm.QUALITATIVE.contains(i)) {
        need = true;
      } else {
        BigDecimal f = figures.get(i);
        need = f != null && f.signum() > 0;
      }
      if (need) {
        out.add(Slot.required(slot(i), label(i)));
      }
    }
    return out;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<EvidenceCase> find(String id) {
    return evaluations.findParticipation(id).flatMap(p -> register.findById(p.baseId()).map(b -> caseOf(p, b)));
  }

  private EvidenceCase caseOf(Participation p, DesignatedBase b) {
    Map<String, String> vars = Map.of(EvaluationVariables.CYCLE_ID.name(), p.cycleId(),
        EvaluationVariables.BASE_ID.name(), p.baseId());
    return new EvidenceCase() {
      @Override
      public String title() {
        return b.orgName() + "（" + evaluations.findCycle(p.cycleId()).map(Cycle::name).orElse("绩效评价") + "）";
      }

      @Override
      public List<Slot> slots() {
        return EvaluationEvidence.slots();
      }

      @Override
      public boolean mayRead(Viewer v) {
        return baseAccount(v, b)
            || (v.inGroup(b.reviewerGroup()) && Role.byGroupId(b.reviewerGroup()).map(Role::isReviewer).orElse(false))
            || (v.is(Role.THIRD_PARTY) && evaluations.findCycle(p.cycleId())
                .map(c -> EvaluationService.MODE_THIRD_PARTY.equals(c.scoringMode())).orElse(false))
            || (v.is(Role.EXPERT) && experts.draws(p.id()).stream().anyMatch(d -> d.chosen().contains(v.userId())));
      }

      @Override
      public boolean mayUpload(Viewer v, String slot) {
        if (slot.equals(ONSITE_PHOTOS) || slot.equals(ONSITE_REPORT)) {
          return tasks.holds(v, vars, ONSITE_STEP);
        }
        return baseAccount(v, b) && tasks.holds(v, vars, SELF_EVALUATION_STEP);
      }
    };
  }

  private boolean baseAccount(Viewer v, DesignatedBase b) {
    return baseAccounts.accountOf(b.id()).map(v.userId()::equals).orElse(false);
  }
}
