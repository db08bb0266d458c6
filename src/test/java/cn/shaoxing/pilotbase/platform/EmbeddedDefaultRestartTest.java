package cn.shaoxing.pilotbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.PilotBaseApplication;
import cn.shaoxing.pilotbase.identity.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default (H2 file database) in the production profile: survives a restart without
 * creating new process versions, seeds no demo users, takes its administrator from the
 * environment, and enforces the password policy.
 */
class EmbeddedDefaultRestartTest {

  @TempDir Path dir;

  private ConfigurableApplicationContext boot(String adminPassword) {
    return new SpringApplicationBuilder(PilotBaseApplication.class)
        .profiles("prod")
        // Command-line arguments, as an operator would pass them: they win over application-prod.yaml.
        .run(
            "--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
            "--camunda.bpm.process-engine-name=restartprobe",
            "--camunda.bpm.job-execution.enabled=false",
            "--pilotbase.mail.dispatch-interval-ms=3600000",
            "--logging.file.name=" + dir.resolve("log.json"),
            "--pilotbase.identity.admin-id=opsadmin",
            "--pilotbase.identity.admin-password=" + adminPassword);
  }

  @Test
  void restartKeepsDataAndCreatesNoNewVersions() {
    long deployments;
    List<String> definitions;
    try (ConfigurableApplicationContext first = boot("Sx-Admin-2026!")) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      deployments = engine.getRepositoryService().createDeploymentQuery().count();
      definitions = ids(engine);
      assertThat(deployments).isEqualTo(1);
      assertThat(engine.getRepositoryService().getDeploymentResourceNames(
          engine.getRepositoryService().createDeploymentQuery().singleResult().getId()))
          .anyMatch(n -> n.endsWith(".dmn"));
      assertThat(engine.getIdentityService().createUserQuery().userId("bureau1").count()).as("no demo users").isZero();
      assertThat(engine.getIdentityService().createUserQuery().userId("opsadmin").memberOfGroup(Role.ADMIN.groupId()).count())
          .isEqualTo(1);
      assertThat(engine.getIdentityService().createGroupQuery().count()).isEqualTo(Role.values().length);
      assertThat(engine.getIdentityService().checkPasswordAgainstPolicy("demo").isValid()).as("password policy on").isFalse();
      assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo("full");
      first.getBean(JdbcTemplate.class).update(
          "INSERT INTO cal_year (cal_year, source) VALUES (2031, '重启测试')");
    }
    assertThat(Files.exists(dir.resolve("db.mv.db"))).isTrue();

    try (ConfigurableApplicationContext second = boot("Sx-Admin-2026!")) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
      assertThat(ids(engine)).isEqualTo(definitions);
      assertThat(engine.getIdentityService().createUserQuery().userId("opsadmin").count()).isEqualTo(1);
      assertThat(engine.getFilterService().createFilterQuery().filterName("我的待办").count()).as("seeding idempotent").isEqualTo(1);
      assertThat(second.getBean(JdbcTemplate.class).queryForObject(
          "SELECT source FROM cal_year WHERE cal_year = 2031", String.class)).isEqualTo("重启测试");
    }
  }

  private static List<String> ids(ProcessEngine engine) {
    var repo = engine.getRepositoryService();
    var out = new java.util.ArrayList<String>();
    repo.createProcessDefinitionQuery().list().forEach(d -> out.add(d.getKey() + ":" + d.getVersion()));
    repo.createDecisionDefinitionQuery().list().forEach(d -> out.add(d.getKey() + ":" + d.getVersion()));
    out.sort(null);
    return out;
  }
}
