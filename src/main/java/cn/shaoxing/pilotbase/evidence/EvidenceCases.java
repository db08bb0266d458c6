package cn.shaoxing.pilotbase.evidence;

import java.util.List;
import java.util.Optional;

/**
 * Implemented by each domain for its case kinds (designation: {@code application}, evaluation:
 * {@code evaluation}, both: {@code objection}, revocation: {@code revocation}); evidence asks the
 * beans of a kind in turn until one knows the id. Drafts ({@code draft/…}) are evidence's own.
 */
public interface EvidenceCases {

  /** The first part of the case ref: application, evaluation, objection, revocation. */
  String kind();

  /** The case with this id, if this domain has it. */
  Optional<EvidenceCase> find(String id);

  /**
   * The slots a start-form draft of this kind offers (draft purpose = kind); empty when this bean
   * provides none (objection and revocation drafts have one fixed slot each, see {@link Drafts}).
   */
  default List<Slot> draftSlots() {
    return List.of();
  }
}
