package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.evidence.EvidenceCase;
import cn.shaoxing.pilotbase.evidence.EvidenceCases;
import cn.shaoxing.pilotbase.evidence.OpenTasks;
import cn.shaoxing.pilotbase.evidence.Slot;
import cn.shaoxing.pilotbase.evidence.Viewer;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import cn.shaoxing.pilotbase.scoring.DefaultIndicatorTable;
import cn.shaoxing.pilotbase.scoring.Indicator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The evidence of a designation application ({@code application/{applicationId}}, docs/evidence.md):
 * the six eligibility conditions (required), the indicators (optional) and the on-site check. Who
 * reads: its applicant (the filing account or the account bound to its organisation), the district
 * or competent unit it was filed through, the third party from the formal review on, the experts
 * drawn for it; the bureau and the party committee read every case. Who uploads: the applicant while
 * its correction or formal correction is open (the start form uploads to {@code draft/application}),
 * the on-site checker while the on-site check is open.
 */
@Component
public class DesignationEvidence implements EvidenceCases {

  public static final String KIND = "application";
  public static final String ONSITE_PHOTOS = "onsitePhotos";
  public static final String ONSITE_REPORT = "onsiteReport";
  /** Task keys where the applicant may change its material. */
  static final String[] APPLICANT_STEPS = {"Task_CorrectApplication", "Task_FormalCorrection"};
  static final String ONSITE_STEP = "Task_OnSiteCheck";

  /** The six eligibility conditions of §三, as the refusal names them. */
  public static final List<String> CONDITION_LABELS = List.of(
      "条件（一）独立法人及正常经营", "条件（二）中试场地及设备", "条件（三）人才团队",
      "条件（四）管理制度及收费标准", "条件（五）中试服务业绩", "条件（六）安全环保设施及措施");

  private final ApplicationService applications;
  private final ApplicantAccountService accounts;
  private final ExpertPoolService experts;
  private final OpenTasks openTasks;

  public DesignationEvidence(ApplicationService applications, ApplicantAccountService accounts,
      ExpertPoolService experts, OpenTasks openTasks) {
    this.applications = applications;
    this.accounts = accounts;
    this.experts = experts;
    this.openTasks = openTasks;
  }

  public static String caseRef(String applicationId) {
    return KIND + "/" + applicationId;
  }

  public static String cond(int i) {
    return "cond" + i;
  }

  /** cond1 … cond6, required at the start and at every correction. */
  public static List<Slot> conditions() {
    List<Slot> s = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      s.add(Slot.required(cond(i), CONDITION_LABELS.get(i - 1)));
    }
    return s;
  }

  /** What the applicant files: the conditions and the indicators of the designation table. */
  static List<Slot> filingSlots() {
    List<Slot> s = new ArrayList<>(conditions());
    for (Indicator i : DefaultIndicatorTable.table().indicators()) {
      s.add(Slot.optional("ind_" + i.id(), "指标：" + i.name()));
    }
    return s;
  }

  static List<Slot> allSlots() {
    List<Slot> s = new ArrayList<>(filingSlots());
    s.add(Slot.optional(ONSITE_PHOTOS, "现场核查照片"));
    s.add(Slot.optional(ONSITE_REPORT, "现场核查报告"));
    return s;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<Slot> draftSlots() {
    return filingSlots();
  }

  @Override
  public Optional<EvidenceCase> find(String id) {
    return applications.find(id).map(this::caseOf);
  }

  private EvidenceCase caseOf(Application a) {
    return new EvidenceCase() {
      @Override
      public String title() {
        return a.orgName() + "（" + a.roundYear() + "年度申报）";
      }

      @Override
      public List<Slot> slots() {
        return allSlots();
      }

      @Override
      public boolean mayRead(Viewer v) {
        return applicant(v, a)
            || (v.inGroup(a.reviewerGroup()) && isReviewer(v, a.reviewerGroup()))
            || (v.is(Role.THIRD_PARTY) && a.status().ordinal() >= ApplicationStatus.FORMAL_REVIEW.ordinal())
            || (v.is(Role.EXPERT) && drawn(v, a.id()));
      }

      @Override
      public boolean mayUpload(Viewer v, String slot) {
        Map<String, String> vars = Map.of(DesignationVariables.APPLICATION_ID.name(), a.id());
        if (slot.equals(ONSITE_PHOTOS) || slot.equals(ONSITE_REPORT)) {
          return openTasks.holds(v, vars, ONSITE_STEP);
        }
        return applicant(v, a) && openTasks.holds(v, vars, APPLICANT_STEPS);
      }
    };
  }

  private boolean applicant(Viewer v, Application a) {
    if (v.userId().equals(a.applicantUserId())) {
      return true;
    }
    return v.is(Role.APPLICANT) && accounts.findByUser(v.userId())
        .map(acc -> acc.creditCode().equals(a.creditCode())).orElse(false);
  }

  private static boolean isReviewer(Viewer v, String group) {
    return Role.byGroupId(group).map(Role::isReviewer).orElse(false);
  }

  private boolean drawn(Viewer v, String caseRef) {
    return experts.draws(caseRef).stream().anyMatch(d -> d.chosen().contains(v.userId()));
  }
}
