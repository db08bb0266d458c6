package cn.shaoxing.pilotbase.platform;

import java.beans.FeatureDescriptor;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Limits what an expression in a deployed diagram can reach. By default Camunda's Spring
 * integration resolves every Spring bean by name ({@code ${jdbcTemplate…}}, {@code ${identityService…}})
 * and lets an expression call any public method, so whoever deploys a diagram runs arbitrary code.
 * Deploying is an administrator's right (RolePermissions); in addition, expressions here see only
 * the platform's process adapters and helpers ({@link #PROCESS_BEANS}), and cannot step from the
 * execution to the engine, to class loading or to reflection ({@link #FORBIDDEN_MEMBERS}).
 */
@Component
public class ExpressionSandbox extends AbstractProcessEnginePlugin {

  /** The beans diagrams may call. A diagram that names another bean fails when it runs. */
  public static final Set<String> PROCESS_BEANS = Set.of(
      "roundSteps", "applicationSteps", "applicationReviewSteps", "cycleSteps",
      "baseEvaluationSteps", "evaluationSchedule", "objectionSteps", "revocationSteps", "workingDays",
      "calendarUpkeepSteps");

  /** Properties and methods no expression may use on any object. */
  static final Set<String> FORBIDDEN_MEMBERS = Set.of(
      "class", "getClass", "classLoader", "getClassLoader", "forName", "newInstance", "getRuntime", "exec",
      "processEngine", "getProcessEngine", "processEngineServices", "getProcessEngineServices",
      "processEngineConfiguration", "getProcessEngineConfiguration");

  private final ApplicationContext context;

  public ExpressionSandbox(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<Object, Object> beans = new ProcessBeans(context);
    configuration.setBeans(beans);
    configuration.setExpressionManager(new SandboxedExpressionManager(context, beans));
  }

  /** Spring's expression manager with the guard in front of every other resolver. */
  static final class SandboxedExpressionManager extends SpringExpressionManager {
    SandboxedExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
      super(context, beans);
    }

    @Override
    protected ELResolver createElResolver() {
      CompositeELResolver resolver = new CompositeELResolver();
      resolver.add(new Guard());
      resolver.add(super.createElResolver());
      return resolver;
    }
  }

  /** Refuses forbidden members and anything reached on the engine itself. */
  static final class Guard extends ELResolver {

    private static void check(Object base, Object member) {
      if (base == null) {
        return;
      }
      if (FORBIDDEN_MEMBERS.contains(String.valueOf(member))
          || base instanceof ProcessEngineServices || base instanceof ProcessEngine
          || base instanceof ApplicationContext || base instanceof Class<?> || base instanceof ClassLoader) {
        throw new PropertyNotFoundException("流程表达式不允许访问“" + member + "”（仅可调用平台的流程服务）");
      }
    }

    @Override
    public Object getValue(ELContext ctx, Object base, Object property) {
      check(base, property);
      return null;
    }

    @Override
    public Object invoke(ELContext ctx, Object base, Object method, Class<?>[] types, Object[] params) {
      check(base, method);
      return null;
    }

    @Override
    public Class<?> getType(ELContext ctx, Object base, Object property) {
      check(base, property);
      return null;
    }

    @Override
    public void setValue(ELContext ctx, Object base, Object property, Object value) {
      check(base, property);
    }

    @Override
    public boolean isReadOnly(ELContext ctx, Object base, Object property) {
      return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext ctx, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext ctx, Object base) {
      return null;
    }
  }

  /** Read-only view of the allowed beans, looked up lazily (they may need the engine themselves). */
  static final class ProcessBeans extends AbstractMap<Object, Object> {
    private final ApplicationContext context;

    ProcessBeans(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && PROCESS_BEANS.contains(name) && context.containsBean(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      java.util.LinkedHashSet<Entry<Object, Object>> entries = new java.util.LinkedHashSet<>();
      PROCESS_BEANS.stream().filter(context::containsBean)
          .forEach(n -> entries.add(new SimpleImmutableEntry<>(n, context.getBean(n))));
      return entries;
    }
  }
}
