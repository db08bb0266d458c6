package cn.shaoxing.pilotbase.organisation;

import cn.shaoxing.pilotbase.identity.AccessGuard;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService.AccountConflictException;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService.NewAccount;
import cn.shaoxing.pilotbase.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Applicant accounts (申报账号) bound to their organisation. A district or competent unit opens
 * accounts for organisations of its own area and sees only those; the bureau opens them for any
 * reviewer group and sees all. The account, its membership in {@code applicant} and the binding are
 * created together.
 */
@RestController
@RequestMapping("/api/applicant-accounts")
public class ApplicantAccountController {

  private final ApplicantAccountService accounts;
  private final AccessGuard guard;

  public ApplicantAccountController(ApplicantAccountService accounts, AccessGuard guard) {
    this.accounts = accounts;
    this.guard = guard;
  }

  /**
   * A new account: {@code name} (or {@code firstName}) is the contact person; {@code reviewerGroup}
   * is required from the bureau and defaults to the caller's own group for a district.
   */
  public record AccountInput(
      String userId, String name, String firstName, String lastName, String email,
      String initialPassword, String creditCode, String orgName, String reviewerGroup) {}

  @PostMapping
  public ResponseEntity<ApplicantAccount> open(@RequestBody AccountInput in) {
    Authentication auth = guard.requireAny(creators());
    String group = reviewerGroupFor(auth, in.reviewerGroup());
    String name = in.name() != null && !in.name().isBlank() ? in.name() : in.firstName();
    try {
      ApplicantAccount a = accounts.open(new NewAccount(in.userId(), name, in.lastName(), in.email(),
          in.initialPassword(), in.creditCode(), in.orgName(), group), auth.getUserId());
      return ResponseEntity.status(HttpStatus.CREATED).body(a);
    } catch (AccountConflictException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
    }
  }

  @GetMapping
  public List<ApplicantAccount> list() {
    Authentication auth = guard.requireAny(creators());
    if (AccessGuard.hasAny(auth, Role.BUREAU)) {
      return accounts.list();
    }
    return accounts.ofReviewerGroups(ownReviewerGroups(auth));
  }

  private static Role[] creators() {
    List<Role> roles = new ArrayList<>(Role.reviewers());
    roles.add(Role.BUREAU);
    return roles.toArray(Role[]::new);
  }

  /** The bureau names the reviewer group; a district may only open accounts for its own. */
  private static String reviewerGroupFor(Authentication auth, String requested) {
    boolean blank = requested == null || requested.isBlank();
    if (AccessGuard.hasAny(auth, Role.BUREAU)) {
      if (blank) {
        throw new InvalidInputException("APPLICANT_ACCOUNT_INVALID",
            List.of("请选择该单位所属的区、县（市）科技部门或市级归口管理单位（reviewerGroup）"));
      }
      return requested.trim();
    }
    List<String> own = ownReviewerGroups(auth);
    if (blank) {
      if (own.size() != 1) {
        throw new InvalidInputException("APPLICANT_ACCOUNT_INVALID",
            List.of("您属于多个审核单位，请指定为哪个区、县（市）或归口管理单位开设账号（reviewerGroup）"));
      }
      return own.get(0);
    }
    if (!own.contains(requested.trim())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "只能为本地区（本单位归口管理）的参评单位开设申报账号");
    }
    return requested.trim();
  }

  private static List<String> ownReviewerGroups(Authentication auth) {
    return auth.getGroupIds() == null ? List.of() : auth.getGroupIds().stream()
        .filter(g -> Role.byGroupId(g).filter(Role::isReviewer).isPresent()).toList();
  }
}
