package cn.shaoxing.pilotbase.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Logs every failed engine command once, in place of the engine's own {@code ENGINE-16004}
 * (turned off here, {@code enableCmdExceptionLogging=false}), and tells a person's refused input
 * from a real fault (ADR 0015):
 * <ul>
 *   <li><b>refusals</b> — a form that fails validation, a refused authorization, a task already done
 *       or claimed, a bad request, one of our rules' Chinese {@link ProcessEngineException}s — are one
 *       line without a stack trace: INFO (WARN for authorizations), with the user, the task and
 *       process if known, and the message;</li>
 *   <li><b>faults</b> — everything else, and every failure of a job (nobody typed anything there) —
 *       are ERROR with the stack trace, the user, the job and the case's business key (also in the
 *       MDC as {@code businessKey}).</li>
 * </ul>
 * Only what the failed command already has in its entity cache is read: no query runs in a
 * transaction that may be broken.
 */
@Component
public class CommandFailureLog extends AbstractProcessEnginePlugin {

  /** Refused input: one line, no stack trace. */
  static final Logger REFUSALS = LoggerFactory.getLogger("cn.shaoxing.pilotbase.refusals");
  /** Real faults: ERROR with stack trace and business key. */
  static final Logger FAULTS = LoggerFactory.getLogger("cn.shaoxing.pilotbase.faults");

  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  private static final Listener LISTENER = new Listener();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableCmdExceptionLogging(false);
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Registering());
    configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new Registering());
  }

  /** Whether a failure is a person's refused input (or a lost race) rather than a fault. */
  static boolean isRefusal(Throwable failure) {
    return refusal(failure) != null;
  }

  /**
   * The innermost refusal in the failure's cause chain (its message is the one a person reads), or
   * null. The engine's own wrappers ({@code ENGINE-…} messages) are looked through.
   */
  static Throwable refusal(Throwable failure) {
    Throwable found = null;
    int depth = 0;
    for (Throwable t = failure; t != null && depth++ < 20; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FormFieldValidationException || t instanceof AuthorizationException
          || t instanceof BadUserRequestException || t instanceof TaskAlreadyClaimedException
          || t instanceof OptimisticLockingException) {
        found = t;
      } else if (t.getClass() == ProcessEngineException.class && t.getMessage() != null
          && CHINESE.matcher(t.getMessage()).find() && !t.getMessage().startsWith("ENGINE-")
          && !(t.getCause() != null && t.getMessage().equals(t.getCause().toString()))) {
        // our rules refuse input with a plain ProcessEngineException worded in Chinese
        found = t;
      }
    }
    return found;
  }

  private static boolean isConcurrency(Throwable failure) {
    return failure instanceof OptimisticLockingException || failure instanceof TaskAlreadyClaimedException;
  }

  /** Registers the listener on every command context (the listener list ignores duplicates). */
  private static final class Registering extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      CommandContext context = Context.getCommandContext();
      if (context != null) {
        context.registerCommandContextListener(LISTENER);
      }
      return next.execute(command);
    }
  }

  private static final class Listener implements CommandContextListener {

    @Override
    public void onCommandContextClose(CommandContext commandContext) {
      // nothing to log
    }

    @Override
    public void onCommandFailed(CommandContext context, Throwable failure) {
      String command = "?";
      boolean job = false;
      String user = null;
      Where where = null;
      try {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        Command<?> cmd = invocation == null ? null : invocation.getCommand();
        command = cmd == null ? "?" : cmd.getClass().getSimpleName();
        job = cmd instanceof ExecuteJobsCmd || context.getCurrentJob() != null;
        user = context.getAuthenticatedUserId();
        where = Where.of(context);
      } catch (RuntimeException e) {
        // describing the failure must never hide it
      }
      String who = user == null ? (job ? "作业执行器" : "系统") : user;
      String at = where == null ? "" : where.toString();
      Throwable refusal = job ? (isConcurrency(failure) ? failure : null) : refusal(failure);
      if (refusal != null) {
        String message = oneLine(refusal.getMessage());
        if (refusal instanceof AuthorizationException) {
          REFUSALS.warn("未受理（无权限）：用户 {}{}：{}", who, at, message);
        } else {
          REFUSALS.info("未受理（{}）：用户 {}{}：{}", refusal.getClass().getSimpleName(), who, at, message);
        }
        return;
      }
      String businessKey = where == null ? null : where.businessKeys();
      MDC.MDCCloseable mdc = businessKey == null ? null : MDC.putCloseable("businessKey", businessKey);
      try {
        FAULTS.error("{} 失败：用户 {}{}，业务键 {}：{}", command, who, at,
            businessKey == null ? "无" : businessKey, withRootCause(failure), failure);
      } finally {
        if (mdc != null) {
          mdc.close();
        }
      }
    }
  }

  /** The message, and the innermost cause's when it says something else (a database error, …). */
  static String withRootCause(Throwable failure) {
    Throwable root = failure;
    for (int i = 0; i < 20 && root.getCause() != null && root.getCause() != root; i++) {
      root = root.getCause();
    }
    String message = oneLine(failure.getMessage());
    if (root == failure || root.getMessage() == null || message.contains(oneLine(root.getMessage()))) {
      return message;
    }
    return message + "（根因 " + root.getClass().getSimpleName() + "：" + oneLine(root.getMessage()) + "）";
  }

  static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    String s = message.replaceAll("\\s*[\\r\\n]+\\s*", " / ").strip();
    return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
  }

  /** The task, job and process instances the failed command had loaded. */
  private record Where(List<String> tasks, String job, Set<String> instances, Set<String> keys) {

    static Where of(CommandContext context) {
      DbEntityManager db = context.getSession(DbEntityManager.class);
      List<String> tasks = new ArrayList<>();
      Set<String> instanceIds = new LinkedHashSet<>();
      for (TaskEntity t : db.getCachedEntitiesByType(TaskEntity.class)) {
        tasks.add("「" + t.getName() + "」(" + t.getId() + ")");
        if (t.getProcessInstanceId() != null) {
          instanceIds.add(t.getProcessInstanceId());
        }
      }
      JobEntity current = context.getCurrentJob();
      List<JobEntity> jobs = current != null ? List.of(current) : db.getCachedEntitiesByType(JobEntity.class);
      String job = null;
      for (JobEntity j : jobs) {
        job = j.getId() + "（" + j.getJobHandlerType() + (j.getActivityId() == null ? "" : " " + j.getActivityId()) + "）";
        if (j.getProcessInstanceId() != null) {
          instanceIds.add(j.getProcessInstanceId());
        }
      }
      List<ExecutionEntity> executions = db.getCachedEntitiesByType(ExecutionEntity.class);
      if (instanceIds.isEmpty()) {
        for (ExecutionEntity e : executions) {
          if (e.getProcessInstanceId() != null) {
            instanceIds.add(e.getProcessInstanceId());
          }
        }
      }
      Set<String> keys = new LinkedHashSet<>();
      Set<String> instances = new LinkedHashSet<>();
      for (ExecutionEntity e : executions) {
        if (e.isProcessInstanceExecution() && instanceIds.contains(e.getId())) {
          instances.add(definition(context, e.getProcessDefinitionId()) + e.getId());
          if (e.getBusinessKeyWithoutCascade() != null) {
            keys.add(e.getBusinessKeyWithoutCascade());
          }
        }
      }
      if (instances.isEmpty()) {
        instances.addAll(instanceIds);
      }
      return new Where(tasks, job, instances, keys);
    }

    /** 「name」(key) from the deployment cache only (no query), or nothing. */
    private static String definition(CommandContext context, String definitionId) {
      ProcessDefinitionEntity d = definitionId == null ? null : context.getProcessEngineConfiguration()
          .getDeploymentCache().getProcessDefinitionCache().get(definitionId);
      return d == null ? "" : "「" + (d.getName() == null ? d.getKey() : d.getName()) + "」(" + d.getKey() + ") ";
    }

    String businessKeys() {
      return keys.isEmpty() ? null : String.join(",", keys);
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      if (!tasks.isEmpty()) {
        s.append("，任务 ").append(String.join("、", tasks));
      }
      if (job != null) {
        s.append("，作业 ").append(job);
      }
      if (!instances.isEmpty()) {
        s.append("，流程 ").append(String.join("、", instances));
      }
      return s.toString();
    }
  }
}
