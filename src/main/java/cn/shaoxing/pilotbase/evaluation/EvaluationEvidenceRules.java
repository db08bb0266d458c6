package cn.shaoxing.pilotbase.evaluation;

import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.BASE_ID;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.CYCLE_ID;

import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.evidence.Slot;
import cn.shaoxing.pilotbase.forms.CompletionRule;
import cn.shaoxing.pilotbase.forms.FormRule;
import cn.shaoxing.pilotbase.forms.SubmissionListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The evidence of a base's evaluation (docs/evidence.md): the self-evaluation needs a file for each
 * indicator with a figure above zero, for the qualitative indicators and for a claimed bonus; the
 * on-site check needs its report; each step's files are sealed when it is completed.
 */
@Configuration(proxyBeanMethods = false)
public class EvaluationEvidenceRules {

  private final EvidenceService evidence;
  private final EvaluationService evaluations;

  public EvaluationEvidenceRules(EvidenceService evidence, EvaluationService evaluations) {
    this.evidence = evidence;
    this.evaluations = evaluations;
  }

  @Bean
  public CompletionRule selfEvaluationEvidenceRule() {
    return new FormRule("evaluation-self-evaluation", (v, e) -> caseRef(v).ifPresent(ref -> {
      List<String> missing = evidence.missing(ref, EvaluationEvidence.requiredForSelfEvaluation(v));
      if (!missing.isEmpty()) {
        e.add("evidence", EvidenceService.missingMessage(missing));
      }
    }));
  }

  @Bean
  public CompletionRule evaluationOnsiteEvidenceRule() {
    return new FormRule("evaluation-onsite-check", (v, e) -> caseRef(v).ifPresent(ref -> {
      List<String> missing = evidence.missing(ref,
          List.of(Slot.required(EvaluationEvidence.ONSITE_REPORT, "现场核查报告")));
      if (!missing.isEmpty()) {
        e.add("evidence", EvidenceService.missingMessage(missing));
      }
    }));
  }

  @Bean
  public SubmissionListener selfEvaluationSeal() {
    return SubmissionListener.of("evaluation-self-evaluation",
        v -> caseRef(v).ifPresent(ref -> evidence.seal(ref, List.of("ind_*"))));
  }

  @Bean
  public SubmissionListener evaluationOnsiteCheckSeal() {
    return SubmissionListener.of("evaluation-onsite-check",
        v -> caseRef(v).ifPresent(ref -> evidence.seal(ref, List.of("onsite*"))));
  }

  /** evaluation/{participationId} of the task's cycle and base. */
  private Optional<String> caseRef(Map<String, Object> v) {
    String cycle = CYCLE_ID.of(v);
    String base = BASE_ID.of(v);
    if (cycle == null || base == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(EvaluationEvidence.caseRef(evaluations.participation(cycle, base).id()));
    } catch (IllegalStateException notInCycle) {
      return Optional.empty();
    }
  }
}
