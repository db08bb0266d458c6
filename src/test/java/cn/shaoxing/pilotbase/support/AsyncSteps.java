package cn.shaoxing.pilotbase.support;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The tests' stand-in for the job executor (off in the test profile, so that tests decide when a
 * timer fires): runs the asynchronous continuations a click or a timer left behind (the bulk steps
 * of ADR 0017: starting the evaluations, compiling lists, publication) until none is left, in the
 * test's thread. Timers are not touched; jobs that have failed before are left alone (they belong
 * to the test that made them fail). A continuation that fails here fails the test with its cause.
 */
public final class AsyncSteps {

  private AsyncSteps() {}

  /** Runs every fresh message job, including those the jobs themselves create; returns how many. */
  public static int settle(ProcessEngine engine) {
    // as the job executor: nobody is signed in while a job runs
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    engine.getIdentityService().clearAuthentication();
    try {
      return runFreshJobs(engine);
    } finally {
      engine.getIdentityService().setAuthentication(user);
    }
  }

  private static int runFreshJobs(ProcessEngine engine) {
    int executed = 0;
    for (int round = 0; round < 10_000; round++) {
      List<Job> fresh = engine.getManagementService().createJobQuery().messages().executable()
          .active().list().stream().filter(j -> j.getExceptionMessage() == null).toList();
      if (fresh.isEmpty()) {
        return executed;
      }
      for (Job job : fresh) {
        engine.getManagementService().executeJob(job.getId());
        executed++;
      }
    }
    throw new IllegalStateException("异步步骤没有结束：已执行 " + executed + " 个作业");
  }
}
