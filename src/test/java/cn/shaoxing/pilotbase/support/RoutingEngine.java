package cn.shaoxing.pilotbase.support;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The light engine of the routing tests: in memory (H2), no Spring, no job executor, the process
 * beans replaced by Mockito mocks registered with {@link Mocks}. A routing test checks what a diagram
 * does with the variables its steps set (which path, which task, which role) in milliseconds; what the
 * steps themselves do is tested on PostgreSQL in the integration tests.
 */
public final class RoutingEngine {

  private static ProcessEngine engine;

  private RoutingEngine() {}

  /** The extension for {@code @RegisterExtension}; deploy with {@code @Deployment(resources = …)}. */
  public static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
  }

  static synchronized ProcessEngine engine() {
    if (engine == null) {
      StandaloneInMemProcessEngineConfiguration c = new StandaloneInMemProcessEngineConfiguration();
      c.setProcessEngineName("routing");
      c.setJdbcUrl("jdbc:h2:mem:routing;DB_CLOSE_DELAY=-1");
      c.setDatabaseSchemaUpdate("true");
      c.setJobExecutorActivate(false);
      c.setHistory("full");
      c.setExpressionManager(new MockExpressionManager());
      c.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
      engine = c.buildProcessEngine();
      // not in the JVM-wide registry: the Spring tests' engine stays the only one the webapps,
      // REST and assertions find
      ProcessEngines.unregister(engine);
    }
    return engine;
  }

  /** A due date for {@code workingDays.dueIn(n)} in a routing test: any fixed instant will do. */
  public static Date someDay() {
    return new Date(1_800_000_000_000L);
  }
}
