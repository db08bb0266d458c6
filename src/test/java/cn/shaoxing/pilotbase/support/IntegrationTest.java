package cn.shaoxing.pilotbase.support;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Base of every Spring test: the whole application on a random port, on a real PostgreSQL server,
 * with GreenMail as SMTP server. All subclasses share one Spring context (same configuration), so
 * add no per-class properties, @MockBean or @DirtiesContext here or in subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

  @LocalServerPort protected int port;

  @Autowired protected ProcessEngine engine;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    if ("h2".equals(System.getProperty("pilotbase.test.database"))) {
      // only the benchmark's H2 run (docs/performance.md): the embedded default's database
      registry.add("spring.datasource.url", TestInfrastructure::h2JdbcUrl);
      registry.add("spring.datasource.username", () -> "sa");
      registry.add("spring.datasource.password", () -> "");
      registry.add("spring.datasource.driver-class-name", () -> "org.h2.Driver");
      registry.add("camunda.bpm.database.type", () -> "h2");
    } else {
      registry.add("spring.datasource.url", TestInfrastructure::postgresJdbcUrl);
      registry.add("spring.datasource.username", () -> "postgres");
      registry.add("spring.datasource.password", () -> "postgres");
      registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
      registry.add("camunda.bpm.database.type", () -> "postgres");
    }
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", TestInfrastructure::smtpPort);
  }

  @AfterEach
  void resetClockAndAuthentication() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }
}
