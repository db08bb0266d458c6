package cn.shaoxing.pilotbase.forms;

import java.util.Set;

/**
 * A form whose submission is confidential (blind expert review): the values are kept in our own
 * table ({@link SealedSubmissions}) and only {@link #releasedKeys()} (what the diagram's gateways
 * need, e.g. whether the expert takes part) become process variables. Register as a Spring bean.
 */
public interface SealedForm {

  /** Id of the Camunda Form. */
  String formId();

  /** Keys that become process variables; everything else stays sealed. */
  Set<String> releasedKeys();

  static SealedForm of(String formId, String... releasedKeys) {
    record Of(String formId, Set<String> releasedKeys) implements SealedForm {}
    return new Of(formId, Set.of(releasedKeys));
  }
}
