package cn.shaoxing.pilotbase.support;

import cn.shaoxing.pilotbase.calendar.WorkingDays;
import cn.shaoxing.pilotbase.forms.Variable;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.mockito.Mockito;
import org.mockito.stubbing.Answer;
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

  /**
   * Before each routing test: assertions on this engine, {@code workingDays.dueIn(n)} answering
   * {@link #someDay()}, and the mocked process beans under their expression names.
   */
  public static void use(ProcessEngine engine, Map<String, Object> beans) {
    BpmnAwareTests.init(engine);
    WorkingDays workingDays = Mockito.mock(WorkingDays.class);
    Mockito.when(workingDays.dueIn(Mockito.anyInt())).thenReturn(someDay());
    Mocks.register("workingDays", workingDays);
    beans.forEach(Mocks::register);
  }

  /** A stand-in for a called process: it ends at once (its own routing test covers it). */
  public static String deployStandIn(ProcessEngine engine, String processKey, boolean waits) {
    var builder = Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(1).startEvent();
    var model = waits ? builder.userTask("Task_StandIn").endEvent().done() : builder.endEvent().done();
    return engine.getRepositoryService().createDeployment()
        .addModelInstance(processKey + ".bpmn", model).deploy().getId();
  }

  /** After each routing test: the mocks and any stand-in deployments go. */
  public static void reset(ProcessEngine engine, String... deployments) {
    Mocks.reset();
    for (String d : deployments) {
      engine.getRepositoryService().deleteDeployment(d, true);
    }
  }

  /** A mocked step that sets a variable of its execution (its first argument). */
  public static <T> Answer<Void> sets(Variable<T> variable, T value) {
    return invocation -> {
      variable.set((DelegateExecution) invocation.getArgument(0), value);
      return null;
    };
  }
}
