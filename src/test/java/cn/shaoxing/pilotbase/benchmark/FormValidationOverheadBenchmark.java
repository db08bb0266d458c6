package cn.shaoxing.pilotbase.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What server-side form validation costs: the same start + task completion on PostgreSQL, once on
 * a process whose start event and task carry a Camunda Form (validated by our plugin) and once on
 * an identical process without forms (baseline), interleaved in the same JVM. Prints the ratio;
 * fails only if validation makes a completion several times slower.
 */
class FormValidationOverheadBenchmark extends IntegrationTest {

  private static final int WARMUP = 10;
  private static final int ROUNDS = 4;
  private static final int PER_ROUND = 25;

  private Deployment deployment;

  @BeforeEach
  void deploy() {
    deployment = engine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn/validation-probe.bpmn")
        .addClasspathResource("bpmn/no-validation-probe.bpmn")
        .addClasspathResource("forms-probe/validation-probe.form")
        .deploy();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
  }

  private long run(String key, int n) {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Map<String, Object> v = new HashMap<>();
      v.put("orgName", "绍兴某中试基地" + i);
      v.put("siteArea", 1000 + i);
      v.put("district", "districtKeqiao");
      v.put("declared", true);
      String pi = engine.getRuntimeService().startProcessInstanceByKey(key, v).getId();
      Task t = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
      engine.getTaskService().complete(t.getId(), Map.of("siteArea", 2000 + i));
    }
    return System.nanoTime() - start;
  }

  @Test
  void validationOverheadAgainstBaseline() {
    run("Process_TestFormValidation", WARMUP);
    run("Process_TestNoValidation", WARMUP);
    long validated = 0;
    long baseline = 0;
    for (int r = 0; r < ROUNDS; r++) {
      baseline += run("Process_TestNoValidation", PER_ROUND);
      validated += run("Process_TestFormValidation", PER_ROUND);
    }
    int n = ROUNDS * PER_ROUND;
    double ratio = (double) validated / baseline;
    System.out.printf("BENCHMARK form validation: baseline %.2f ms/case, validated %.2f ms/case, ratio %.2f (n=%d)%n",
        baseline / 1e6 / n, validated / 1e6 / n, ratio, n);
    assertThat(List.of(validated, baseline)).allMatch(x -> x > 0);
    assertThat(ratio).as("validation must not dominate a completion").isLessThan(3.0);
  }
}
