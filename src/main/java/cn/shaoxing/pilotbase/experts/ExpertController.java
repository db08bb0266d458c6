package cn.shaoxing.pilotbase.experts;

import cn.shaoxing.pilotbase.identity.AccessGuard;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bureau maintains the expert pool (专家库): who may be drawn, their organisation and
 * specialities, and declared conflicts of interest. An expert is a platform user in group
 * {@code expert}; administrators create the user account, the bureau the pool entry.
 */
@RestController
@RequestMapping("/api/experts")
public class ExpertController {

  private static final Pattern CREDIT_CODE = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");

  private final ExpertPoolService pool;
  private final IdentityService identity;
  private final AccessGuard guard;

  public ExpertController(ExpertPoolService pool, IdentityService identity, AccessGuard guard) {
    this.pool = pool;
    this.identity = identity;
    this.guard = guard;
  }

  /** An expert entry as sent by the bureau. */
  public record ExpertInput(
      String name, String organisation, String orgCreditCode, List<String> specialities,
      String email, String phone, Boolean active) {}

  /** A declared conflict of interest. */
  public record ConflictInput(String creditCode, String reason) {}

  @GetMapping
  public List<Expert> list() {
    guard.requireAny(Role.BUREAU);
    return pool.list();
  }

  @PutMapping("/{userId}")
  public Expert save(@PathVariable String userId, @RequestBody ExpertInput in) {
    guard.requireAny(Role.BUREAU);
    List<String> problems = new ArrayList<>();
    boolean isExpertUser = identity.createUserQuery().userId(userId).memberOfGroup(Role.EXPERT.groupId()).count() > 0;
    if (!isExpertUser) {
      problems.add("用户“" + userId + "”不存在或不在“评审专家”组，请先由系统管理员创建账号");
    }
    text(problems, in.name(), "姓名", 100, true);
    text(problems, in.organisation(), "工作单位", 200, true);
    if (in.orgCreditCode() != null && !in.orgCreditCode().isBlank() && !CREDIT_CODE.matcher(in.orgCreditCode()).matches()) {
      problems.add("工作单位统一社会信用代码格式不正确（18位）");
    }
    if (in.specialities() == null || in.specialities().isEmpty()) {
      problems.add("至少填写一个专业领域/产业链");
    } else if (in.specialities().size() > 10) {
      problems.add("专业领域不得超过10项");
    } else {
      in.specialities().forEach(s -> text(problems, s, "专业领域", 30, true));
    }
    text(problems, in.email(), "电子邮箱", 200, false);
    if (in.email() != null && !in.email().isBlank() && !in.email().matches("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$")) {
      problems.add("电子邮箱格式不正确");
    }
    text(problems, in.phone(), "联系电话", 50, false);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("EXPERT_INVALID", problems);
    }
    Expert e = new Expert(userId, in.name().trim(), in.organisation().trim(), blankToNull(in.orgCreditCode()),
        in.specialities().stream().map(String::trim).toList(), blankToNull(in.email()), blankToNull(in.phone()),
        in.active() == null || in.active());
    pool.save(e);
    return e;
  }

  @PostMapping("/{userId}/conflicts")
  public Map<String, Object> declareConflict(@PathVariable String userId, @RequestBody ConflictInput in) {
    guard.requireAny(Role.BUREAU);
    List<String> problems = new ArrayList<>();
    if (pool.find(userId).isEmpty()) {
      problems.add("专家库中没有“" + userId + "”");
    }
    if (in.creditCode() == null || !CREDIT_CODE.matcher(in.creditCode()).matches()) {
      problems.add("回避单位的统一社会信用代码格式不正确（18位）");
    }
    text(problems, in.reason(), "回避理由", 1000, true);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("CONFLICT_INVALID", problems);
    }
    pool.declareConflict(userId, in.creditCode(), in.reason().trim());
    return Map.of("userId", userId, "creditCode", in.creditCode(), "declared", true);
  }

  private static void text(List<String> problems, String value, String label, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(label + "为必填项");
      }
    } else if (value.length() > max) {
      problems.add(label + "不得超过" + max + "字");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
