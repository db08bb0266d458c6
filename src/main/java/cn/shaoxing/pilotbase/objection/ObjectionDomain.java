package cn.shaoxing.pilotbase.objection;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The side of an objection that belongs to its domain (a designation round's or an evaluation
 * cycle's publicity): which case it is against, and what an upheld objection changes. The domains
 * implement it; the shared objection process finds the one for its {@code context}.
 */
public interface ObjectionDomain {

  ObjectionVariables.Context context();

  /**
   * Finds the case under publicity with the objection's credit code, records the objection and sets
   * {@link ObjectionVariables#OBJECTION_ID}, the names the forms show and the business key; refuses
   * (ProcessEngineException, in Chinese) when no such case is under publicity.
   */
  void register(DelegateExecution ex);

  /** Records the bureau's conclusion (and, where the domain allows, its consequence). */
  void close(DelegateExecution ex);
}
