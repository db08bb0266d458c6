package cn.shaoxing.pilotbase.experts;

import cn.shaoxing.pilotbase.forms.ProcessVariables;
import cn.shaoxing.pilotbase.forms.SealedSubmissions;
import cn.shaoxing.pilotbase.forms.Variable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The expert panel of a review, the same in the designation's expert review and the evaluation's
 * expert scoring: draw the panel, give the multi-instance its experts, keep each expert's form fields
 * in that expert's own scope, and replace an expert who declines. The process adapters call these
 * with their own case (a {@link DrawCase}) and their form's keys. The panel's variables are declared
 * here once for the processes that draw panels.
 */
@Component
@ProcessVariables({"designation-round", "designation-evaluation", "evaluation-schedule", "evaluation-cycle",
    "evaluation-base"})
public class ExpertPanels {

  /** The multi-instance element variable: the expert of one review. */
  public static final Variable<String> EXPERT = Variable.text("expert");
  public static final Variable<Integer> PANEL_SIZE = Variable.integer("panelSize");
  public static final Variable<String> PANEL_DRAW_ID = Variable.text("panelDrawId");
  public static final Variable<Object> PANEL_DRAW_SEED = Variable.value("panelDrawSeed");
  /** The first field of every expert form: whether the expert takes the case. */
  public static final Variable<Participation> PARTICIPATION =
      Variable.choice("participation", Participation.class);
  public static final Variable<String> DECLINE_REASON = Variable.text("declineReason");

  /** The values of {@link #PARTICIPATION} (options of the expert forms). */
  public enum Participation implements Variable.Choice {
    ACCEPT, DECLINE_CONFLICT, DECLINE_UNAVAILABLE
  }

  private final ExpertPoolService experts;

  public ExpertPanels(ExpertPoolService experts) {
    this.experts = experts;
  }

  /** Draws the panel of a case, of the size the process carries, and records the draw. */
  public void draw(DelegateExecution ex, DrawCase c) {
    DrawResult r = experts.drawPanel(c, PANEL_SIZE.of(ex));
    PANEL_DRAW_ID.set(ex, r.drawId());
    PANEL_DRAW_SEED.set(ex, r.seed());
  }

  /** The multi-instance collection: the experts of the case's initial draw. */
  public List<String> panelOf(String caseRef) {
    return experts.draws(caseRef).stream().filter(d -> !d.chosen().isEmpty()).findFirst()
        .orElseThrow().chosen();
  }

  /**
   * Start listener inside each expert's review: the form's fields are declared local to that
   * expert's instance, so no expert's entries are visible from another expert's task.
   */
  public void openScope(DelegateExecution ex, Collection<String> formKeys) {
    Map<String, Object> local = new LinkedHashMap<>();
    for (String key : formKeys) {
      local.put(key, null);
    }
    local.put(SealedSubmissions.REFERENCE, null);
    ex.setVariablesLocal(local);
  }

  /**
   * An expert declined (its sealed submission {@code revealed}): record it, a conflict also as a
   * declared conflict, draw a replacement never drawn for the case, and open the replacement's scope.
   */
  public void redraw(DelegateExecution ex, Map<String, Object> revealed, DrawCase c,
      Collection<String> formKeys) {
    DeclineKind kind = PARTICIPATION.of(revealed) == Participation.DECLINE_CONFLICT
        ? DeclineKind.CONFLICT : DeclineKind.UNAVAILABLE;
    List<String> everDrawn = experts.draws(c.caseRef()).stream()
        .flatMap(d -> d.chosen().stream()).toList();
    DrawResult r = experts.declineAndRedraw(c, EXPERT.of(revealed), kind,
        DECLINE_REASON.of(revealed), everDrawn);
    EXPERT.set(ex, r.chosen().get(0));
    openScope(ex, formKeys);
  }
}
