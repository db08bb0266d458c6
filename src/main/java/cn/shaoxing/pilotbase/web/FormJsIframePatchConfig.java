package cn.shaoxing.pilotbase.web;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link FormJsIframePatchFilter} for {@code <webapp path>/lib/deps.js} only, and
 * {@link EvidencePageChallengeFilter} for {@code /api/evidence/*} (ADR 0014).
 */
@Configuration
public class FormJsIframePatchConfig {

  @Bean
  public FilterRegistrationBean<Filter> formJsIframePatch(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    String path = (webappPath.startsWith("/") ? webappPath : "/" + webappPath) + "/lib/deps.js";
    FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(
        new FormJsIframePatchFilter(path, FormJsIframePatch.fromClasspath(getClass().getClassLoader())));
    reg.setName("formJsIframePatch");
    reg.addUrlPatterns(path);
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 150);
    return reg;
  }

  /** Before the API's HTTP Basic filter (order 11): no login dialog for the evidence page's requests. */
  @Bean
  public FilterRegistrationBean<Filter> evidencePageChallenge() {
    FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new EvidencePageChallengeFilter());
    reg.setName("evidencePageChallenge");
    reg.addUrlPatterns("/api/evidence/*");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 160);
    return reg;
  }
}
