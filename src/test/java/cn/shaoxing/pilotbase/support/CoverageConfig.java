package cn.shaoxing.pilotbase.support;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Adds the process-test-coverage engine plugin to the one shared test context (picked up by
 * component scan, so every Spring test keeps the same context). Reports: target/process-test-coverage.
 * Off ({@code pilotbase.test.coverage=false}) for the benchmark: the coverage listener runs inside
 * every command, and reads process definitions as the signed-in user.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pilotbase.test.coverage", havingValue = "true", matchIfMissing = true)
@Import(ProcessEngineCoverageConfiguration.class)
public class CoverageConfig {}
