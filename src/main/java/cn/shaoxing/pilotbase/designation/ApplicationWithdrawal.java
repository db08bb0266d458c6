package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.platform.PlatformCalls;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.WITHDRAW_CONFIRM;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.WITHDRAW_REASON;

import cn.shaoxing.pilotbase.platform.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * An applicant withdraws its application while it waits for the district's review (issue 12): an
 * action on the progress page, not a task in 我的待办. The checks are ours (the caller is the applicant
 * bound to the application, the district has not decided, a reason of at most 500 characters); the
 * message {@value #MESSAGE} is then correlated on the applicant's behalf, without widening its
 * authorizations on the engine (ADR 0030). Instances started on a diagram version that still had the
 * task {@value #OLD_TASK} get that task completed instead.
 */
@Service
public class ApplicationWithdrawal {

  /** The message that the boundary event BoundaryEvent_WithdrawRequested waits for. */
  public static final String MESSAGE = "withdrawApplication";
  /** The withdrawal task of diagram versions before issue 12 (running instances keep it). */
  public static final String OLD_TASK = "Task_WithdrawApplication";
  public static final int MAX_REASON = 500;

  private final ApplicationService applications;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;

  public ApplicationWithdrawal(ApplicationService applications, RuntimeService runtime, TaskService tasks,
      IdentityService identity) {
    this.applications = applications;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
  }

  /** The application if {@code userId} filed it: 404 when there is none, 403 when it is another's. */
  public Application ownApplication(String applicationId, String userId) {
    Application a = applications.find(applicationId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到该申报"));
    if (a.applicantUserId() == null || !a.applicantUserId().equals(userId)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有提交该申报的申报单位可以撤回申报");
    }
    return a;
  }

  /** Whether the application can be withdrawn now (it waits for the district's review). */
  public boolean possible(Application a) {
    return a.status().beforeDistrictDecision()
        && asPlatform(() -> waitingForMessage(a) || oldTask(a) != null);
  }

  /**
   * Withdraws the application of {@code userId}: 404 when there is none, 409 when the district
   * has decided (or the application waits for something else), 400 for a missing or too long reason,
   * 403 for anyone but its applicant.
   * On refusal nothing changes.
   */
  public void withdraw(String applicationId, String userId, String reason) {
    Application a = ownApplication(applicationId, userId);
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty()) {
      throw new InvalidInputException("INVALID_WITHDRAWAL", List.of("请填写撤回理由"));
    }
    if (r.length() > MAX_REASON) {
      throw new InvalidInputException("INVALID_WITHDRAWAL",
          List.of("撤回理由不能超过" + MAX_REASON + "个字（现为" + r.length() + "个字）"));
    }
    if (!a.status().beforeDistrictDecision()) {
      throw notNow(a);
    }
    asPlatform(() -> {
      Task old = oldTask(a);
      if (old != null) {
        tasks.complete(old.getId(), Map.of(WITHDRAW_CONFIRM.name(), true, WITHDRAW_REASON.name(), r));
        return true;
      }
      if (!waitingForMessage(a)) {
        throw notNow(a);
      }
      try {
        runtime.createMessageCorrelation(MESSAGE)
            .processInstanceId(a.processInstanceId())
            .setVariable(WITHDRAW_CONFIRM.name(), true)
            .setVariable(WITHDRAW_REASON.name(), r)
            .correlateWithResult();
      } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
        // the district decided in the same moment: its decision stands
        throw notNow(applications.get(a.id()));
      }
      return true;
    });
  }

  /** Our own question or action on the engine, not limited (or widened) by the caller's grants. */
  private <T> T asPlatform(Supplier<T> work) {
    return PlatformCalls.asPlatform(identity, work);
  }

  private static ResponseStatusException notNow(Application a) {
    return new ResponseStatusException(HttpStatus.CONFLICT,
        "该申报当前状态为「" + a.status().chineseName() + "」，只能在区县审核前撤回");
  }

  private boolean waitingForMessage(Application a) {
    return runtime.createEventSubscriptionQuery().processInstanceId(a.processInstanceId())
        .eventType("message").eventName(MESSAGE).count() > 0;
  }

  private Task oldTask(Application a) {
    return tasks.createTaskQuery().processInstanceId(a.processInstanceId()).taskDefinitionKey(OLD_TASK)
        .active().singleResult();
  }
}
