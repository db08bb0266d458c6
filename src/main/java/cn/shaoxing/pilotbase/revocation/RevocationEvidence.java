package cn.shaoxing.pilotbase.revocation;

import cn.shaoxing.pilotbase.evidence.Drafts;
import cn.shaoxing.pilotbase.evidence.EvidenceCase;
import cn.shaoxing.pilotbase.evidence.EvidenceCases;
import cn.shaoxing.pilotbase.evidence.OpenTasks;
import cn.shaoxing.pilotbase.evidence.Slot;
import cn.shaoxing.pilotbase.evidence.Viewer;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The evidence of a revocation case ({@code revocation/{revocationCaseId}}, docs/evidence.md): the
 * bureau's grounds (uploaded on the start form as {@code draft/revocation}, or while the case is
 * open) and the base's statement (陈述申辩, while its statement task is open). Who reads: the base's
 * account and its district or competent unit; the bureau and the party committee read every case.
 */
@Component
public class RevocationEvidence implements EvidenceCases {

  public static final String KIND = "revocation";
  static final String STATEMENT_STEP = "Task_StateCase";

  private final RevocationService revocations;
  private final RegisterService register;
  private final BaseAccounts baseAccounts;
  private final OpenTasks tasks;

  public RevocationEvidence(RevocationService revocations, RegisterService register, BaseAccounts baseAccounts,
      OpenTasks tasks) {
    this.revocations = revocations;
    this.register = register;
    this.baseAccounts = baseAccounts;
    this.tasks = tasks;
  }

  public static String caseRef(String caseId) {
    return KIND + "/" + caseId;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<EvidenceCase> find(String id) {
    return revocations.find(id).map(c -> caseOf(c, register.findById(c.baseId()).orElse(null)));
  }

  private EvidenceCase caseOf(RevocationService.RevocationCase c, DesignatedBase base) {
    return new EvidenceCase() {
      @Override
      public String title() {
        return "撤销程序：" + (base == null ? c.creditCode() : base.orgName());
      }

      @Override
      public List<Slot> slots() {
        return List.of(Slot.optional(Drafts.REVOCATION_EVIDENCE, "撤销依据材料"),
            Slot.optional(Drafts.STATEMENT_EVIDENCE, "陈述申辩材料"));
      }

      @Override
      public boolean mayRead(Viewer v) {
        return baseAccount(v, c) || (base != null && v.inGroup(base.reviewerGroup())
            && Role.byGroupId(base.reviewerGroup()).map(Role::isReviewer).orElse(false));
      }

      @Override
      public boolean mayUpload(Viewer v, String slot) {
        if (Drafts.REVOCATION_EVIDENCE.equals(slot)) {
          return v.is(Role.BUREAU);
        }
        return Drafts.STATEMENT_EVIDENCE.equals(slot) && baseAccount(v, c)
            && tasks.holds(v, Map.of(RevocationVariables.CASE_ID.name(), c.id()), STATEMENT_STEP);
      }

      @Override
      public boolean closed() {
        return !"OPEN".equals(c.status());
      }
    };
  }

  private boolean baseAccount(Viewer v, RevocationService.RevocationCase c) {
    return baseAccounts.accountOf(c.baseId()).map(v.userId()::equals).orElse(false);
  }
}
