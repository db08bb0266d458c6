package cn.shaoxing.pilotbase.migration;

/** An invalid plan: nothing was migrated; the report says why, in Chinese. */
public class MigrationRefusedException extends RuntimeException {

  private final MigrationReport report;

  public MigrationRefusedException(MigrationReport report) {
    super("迁移计划未通过校验：" + String.join("；", report.allProblems()));
    this.report = report;
  }

  public MigrationReport report() {
    return report;
  }
}
