package cn.shaoxing.pilotbase.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The job executor's part of a batch (off in tests): runs a batch's seed job, its migration jobs and
 * its monitor job until the batch is done, in the test's thread and without a signed-in user. A batch
 * job that fails fails the test with the engine's message (the job is left for the test to inspect).
 */
public final class MigrationBatches {

  private MigrationBatches() {}

  /** Runs the batch to its end; returns how many batch (migration) jobs ran. */
  public static int run(ProcessEngine engine, String batchId) {
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    engine.getIdentityService().clearAuthentication();
    try {
      ManagementService management = engine.getManagementService();
      int executed = 0;
      for (int round = 0; round < 1_000; round++) {
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        if (batch == null) {
          return executed; // the monitor job removes a finished batch (its history stays)
        }
        executed += runAll(management, batch.getSeedJobDefinitionId());
        executed += runAll(management, batch.getBatchJobDefinitionId());
        runAll(management, batch.getMonitorJobDefinitionId());
      }
      throw new IllegalStateException("批处理 " + batchId + " 没有结束");
    } finally {
      engine.getIdentityService().setAuthentication(user);
    }
  }

  private static int runAll(ManagementService management, String jobDefinitionId) {
    List<Job> jobs = management.createJobQuery().jobDefinitionId(jobDefinitionId).list();
    for (Job job : jobs) {
      if (job.getExceptionMessage() != null) {
        throw new AssertionError("批处理作业失败：" + job.getExceptionMessage());
      }
      management.executeJob(job.getId());
    }
    return jobs.size();
  }
}
