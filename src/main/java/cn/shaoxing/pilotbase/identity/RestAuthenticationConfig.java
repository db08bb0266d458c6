package cn.shaoxing.pilotbase.identity;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication against the engine's users for the Camunda REST API and our own API.
 * The starter leaves /engine-rest open by default; here every call there (and under /api) needs a
 * user, and the engine then checks that user's authorizations. Only /public/** is anonymous.
 */
@Configuration
public class RestAuthenticationConfig {

  @Bean
  public FilterRegistrationBean<Filter> engineRestAuthentication(
      @Value("${spring.jersey.application-path:/engine-rest}") String restPath) {
    return basicAuth("engineRestAuthentication", restPath, 10);
  }

  @Bean
  public FilterRegistrationBean<Filter> platformApiAuthentication() {
    return basicAuth("platformApiAuthentication", "/api", 11);
  }

  /** After authentication: what a signed-in person may do with the engine API ({@link RestFirewall}). */
  @Bean
  public FilterRegistrationBean<RestFirewallFilter> restFirewall(RestFirewallFilter filter) {
    FilterRegistrationBean<RestFirewallFilter> reg = new FilterRegistrationBean<>(filter);
    reg.setName("restFirewall");
    reg.setUrlPatterns(filter.urlPatterns());
    reg.setOrder(20);
    return reg;
  }

  private static FilterRegistrationBean<Filter> basicAuth(String name, String path, int order) {
    String prefix = path.startsWith("/") ? path : "/" + path;
    FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    reg.setName(name);
    reg.addUrlPatterns(prefix + "/*");
    reg.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName());
    reg.addInitParameter("rest-url-pattern-prefix", prefix);
    reg.setOrder(order);
    return reg;
  }
}
