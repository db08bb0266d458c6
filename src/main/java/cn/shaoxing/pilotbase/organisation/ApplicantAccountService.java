package cn.shaoxing.pilotbase.organisation;

import cn.shaoxing.pilotbase.platform.PlatformCalls;
import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.forms.FormSchemaCheck;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.platform.InvalidInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applicant accounts and the organisation each is bound to (table {@code org_account}). Opening an
 * account creates the Camunda user, its membership in {@code applicant} and the binding in one
 * transaction: either all three exist afterwards or none.
 */
@Service
public class ApplicantAccountService {

  /** Camunda's default resource whitelist for user ids (no hyphens, see ADR 0003). */
  private static final Pattern USER_ID = Pattern.compile("^[a-zA-Z0-9]{1,64}$");
  static final int MIN_PASSWORD_LENGTH = 8;

  private final JdbcTemplate jdbc;
  private final IdentityService identity;

  public ApplicantAccountService(JdbcTemplate jdbc, IdentityService identity) {
    this.jdbc = jdbc;
    this.identity = identity;
  }

  /** What the district or the bureau enters to open an account. */
  public record NewAccount(
      String userId, String name, String lastName, String email, String initialPassword,
      String creditCode, String orgName, String reviewerGroup) {}

  /** The user id or the credit code is taken: answered with HTTP 409. */
  public static class AccountConflictException extends RuntimeException {
    public AccountConflictException(String message) {
      super(message);
    }
  }

  public Optional<ApplicantAccount> findByUser(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return jdbc.query("SELECT * FROM org_account WHERE user_id=?", ApplicantAccountService::map, userId)
        .stream().findFirst();
  }

  public Optional<ApplicantAccount> findByCreditCode(String creditCode) {
    if (creditCode == null) {
      return Optional.empty();
    }
    return jdbc.query("SELECT * FROM org_account WHERE credit_code=?", ApplicantAccountService::map,
        creditCode).stream().findFirst();
  }

  public List<ApplicantAccount> list() {
    return jdbc.query("SELECT * FROM org_account ORDER BY reviewer_group, user_id", ApplicantAccountService::map);
  }

  public List<ApplicantAccount> ofReviewerGroups(Collection<String> groups) {
    if (groups.isEmpty()) {
      return List.of();
    }
    return new NamedParameterJdbcTemplate(jdbc).query(
        "SELECT * FROM org_account WHERE reviewer_group IN (:groups) ORDER BY reviewer_group, user_id",
        Map.of("groups", groups), ApplicantAccountService::map);
  }

  /**
   * Opens an account: validates the input (Chinese reasons, HTTP 400), refuses a user id or credit
   * code already taken (HTTP 409), then creates the user in group {@code applicant} and binds it.
   * The caller has checked that {@code createdBy} may open accounts for {@code reviewerGroup}.
   */
  @Transactional
  public ApplicantAccount open(NewAccount in, String createdBy) {
    List<String> problems = validate(in);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("APPLICANT_ACCOUNT_INVALID", problems);
    }
    String userId = in.userId().trim();
    String code = in.creditCode().trim().toUpperCase();
    String orgName = in.orgName().trim();
    return withoutAuthorizationChecks(() -> {
      if (identity.createUserQuery().userId(userId).count() > 0) {
        throw new AccountConflictException("账号“" + userId + "”已存在，请换一个账号");
      }
      findByCreditCode(code).ifPresent(a -> {
        throw alreadyBound(code);
      });
      insertBinding(userId, code, orgName, in.reviewerGroup(), createdBy);
      User u = identity.newUser(userId);
      u.setFirstName(in.name().trim());
      u.setLastName(blankToNull(in.lastName()));
      u.setEmail(in.email().trim());
      u.setPassword(in.initialPassword());
      identity.saveUser(u);
      identity.createMembership(userId, Role.APPLICANT.groupId());
      return findByUser(userId).orElseThrow();
    });
  }

  /**
   * Binds an existing user to an organisation (demo seeding). Refused when the user or the credit
   * code is bound already.
   */
  @Transactional
  public ApplicantAccount bind(String userId, String creditCode, String orgName, String reviewerGroup,
      String createdBy) {
    if (findByUser(userId).isPresent()) {
      throw new AccountConflictException("账号“" + userId + "”已绑定参评单位");
    }
    if (findByCreditCode(creditCode).isPresent()) {
      throw alreadyBound(creditCode);
    }
    insertBinding(userId, creditCode, orgName, reviewerGroup, createdBy);
    return findByUser(userId).orElseThrow();
  }

  private void insertBinding(String userId, String code, String orgName, String reviewerGroup, String createdBy) {
    try {
      jdbc.update("INSERT INTO org_account (user_id, credit_code, org_name, reviewer_group, created_by,"
              + " created_at) VALUES (?,?,?,?,?,?)",
          userId, code, orgName, reviewerGroup, createdBy, AppClock.timestamp());
    } catch (DuplicateKeyException e) {
      // Someone bound the same user or credit code at the same moment (unique constraints).
      throw new AccountConflictException("账号“" + userId + "”或统一社会信用代码 " + code + " 刚刚已被登记，请刷新后核对");
    }
  }

  private static AccountConflictException alreadyBound(String code) {
    return new AccountConflictException("统一社会信用代码 " + code
        + " 已绑定其他申报账号：每个单位只能有一个申报账号。如需更换账号，请联系市科技局");
  }

  List<String> validate(NewAccount in) {
    List<String> problems = new ArrayList<>();
    if (in.userId() == null || in.userId().isBlank()) {
      problems.add("账号为必填项");
    } else if (!USER_ID.matcher(in.userId().trim()).matches()) {
      problems.add("账号只能由英文字母和数字组成，不超过64位");
    }
    text(problems, in.name(), "联系人姓名", 100, true);
    text(problems, in.lastName(), "姓", 100, false);
    text(problems, in.email(), "电子邮箱", 200, true);
    if (in.email() != null && !in.email().isBlank() && !FormSchemaCheck.isEmail(in.email().trim())) {
      problems.add("电子邮箱格式不正确");
    }
    text(problems, in.orgName(), "单位名称", 200, true);
    if (in.creditCode() == null || in.creditCode().isBlank()) {
      problems.add("统一社会信用代码为必填项");
    } else if (!CreditCode.isValid(in.creditCode().trim().toUpperCase())) {
      problems.add("统一社会信用代码无效（应为18位且校验位正确）");
    }
    if (in.reviewerGroup() == null || Role.byGroupId(in.reviewerGroup()).filter(Role::isReviewer).isEmpty()) {
      problems.add("未知的区、县（市）科技部门或市级归口管理单位：" + in.reviewerGroup());
    }
    String pw = in.initialPassword();
    if (pw == null || pw.isEmpty()) {
      problems.add("初始密码为必填项");
    } else if (pw.length() < MIN_PASSWORD_LENGTH) {
      problems.add("初始密码至少" + MIN_PASSWORD_LENGTH + "位");
    } else if (pw.length() > 128) {
      problems.add("初始密码不得超过128位");
    } else if (problems.isEmpty()) {
      problems.addAll(passwordPolicyProblems(in));
    }
    return problems;
  }

  /** The engine's password policy (on in production), in Chinese. */
  private List<String> passwordPolicyProblems(NewAccount in) {
    return withoutAuthorizationChecks(() -> {
      PasswordPolicy policy = identity.getPasswordPolicy();
      if (policy == null) {
        return List.of();
      }
      User probe = identity.newUser(in.userId().trim());
      probe.setFirstName(in.name().trim());
      probe.setLastName(blankToNull(in.lastName()));
      probe.setEmail(in.email().trim());
      List<String> problems = new ArrayList<>();
      for (PasswordPolicyRule rule : identity.checkPasswordAgainstPolicy(policy, in.initialPassword(), probe)
          .getViolatedRules()) {
        problems.add(policyRule(rule));
      }
      return problems;
    });
  }

  private static String policyRule(PasswordPolicyRule rule) {
    Map<String, String> p = rule.getParameters() == null ? Map.of() : rule.getParameters();
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "初始密码长度至少" + p.getOrDefault("minLength", "") + "位";
      case "PASSWORD_POLICY_LOWERCASE" -> "初始密码须至少含" + p.getOrDefault("minLowerCase", "1") + "个小写字母";
      case "PASSWORD_POLICY_UPPERCASE" -> "初始密码须至少含" + p.getOrDefault("minUpperCase", "1") + "个大写字母";
      case "PASSWORD_POLICY_DIGIT" -> "初始密码须至少含" + p.getOrDefault("minDigit", "1") + "个数字";
      case "PASSWORD_POLICY_SPECIAL" -> "初始密码须至少含" + p.getOrDefault("minSpecial", "1") + "个特殊字符";
      case "PASSWORD_POLICY_USER_DATA" -> "初始密码不得包含账号、姓名或电子邮箱";
      default -> "初始密码不符合密码策略（" + rule.getPlaceholder() + "）";
    };
  }

  /**
   * Runs identity calls with no authenticated user, i.e. without Camunda authorization checks. The
   * caller's role was checked by our API (AccessGuard); districts deliberately hold no USER CREATE
   * authorization, which would let them create any user through /engine-rest. The caller's
   * authentication is restored afterwards.
   */
  private <T> T withoutAuthorizationChecks(Supplier<T> work) {
    return PlatformCalls.asPlatform(identity, work);
  }

  private static void text(List<String> problems, String value, String label, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(label + "为必填项");
      }
    } else if (value.trim().length() > max) {
      problems.add(label + "不得超过" + max + "字");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static ApplicantAccount map(ResultSet rs, int i) throws SQLException {
    return new ApplicantAccount(rs.getString("user_id"), rs.getString("credit_code"), rs.getString("org_name"),
        rs.getString("reviewer_group"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
  }
}
