package cn.shaoxing.pilotbase.identity;

import jakarta.servlet.Filter;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication against the engine's users for the Camunda REST API and our own API.
 * The starter leaves /engine-rest open by default; here every call there (and under /api) needs a
 * user, and the engine then checks that user's authorizations. Only /public/** is anonymous (and
 * /actuator/health, /actuator/info: see {@link ActuatorAccessFilter}).
 *
 * <p>Filter order: login throttling (5) first, so a refused client never reaches a password check;
 * then the Basic filters (10, 11), the marker telling the throttle that credentials were accepted (12)
 * and the actuator guard (12, on its own paths). The engine is looked up per request (ObjectProvider):
 * filters are created with the web server, before the process engine should be.
 */
@Configuration
public class RestAuthenticationConfig {

  @Bean
  public FilterRegistrationBean<Filter> loginThrottling(
      LoginThrottle throttle,
      @Value("${spring.jersey.application-path:/engine-rest}") String restPath,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, slash(webappPath)));
    reg.setName("loginThrottling");
    reg.addUrlPatterns(slash(restPath) + "/*", "/api/*", "/actuator/*", slash(webappPath) + "/api/admin/auth/*");
    reg.setOrder(5);
    return reg;
  }

  @Bean
  public FilterRegistrationBean<Filter> engineRestAuthentication(
      @Value("${spring.jersey.application-path:/engine-rest}") String restPath) {
    return basicAuth("engineRestAuthentication", restPath, 10);
  }

  /** Our API: HTTP Basic, and on /api/evidence/** also the Tasklist session (our evidence page). */
  @Bean
  public FilterRegistrationBean<Filter> platformApiAuthentication(ObjectProvider<IdentityService> identityService) {
    FilterRegistrationBean<Filter> reg = basicAuth("platformApiAuthentication", "/api", 11);
    reg.setFilter(new SessionOrBasicAuthenticationFilter(reg.getFilter(), identityService, List.of("/api/evidence/")));
    return reg;
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

  /** Runs inside the Basic filters: reaching it with an engine authentication means the password was right. */
  @Bean
  public FilterRegistrationBean<Filter> basicAuthenticationAccepted(
      ObjectProvider<IdentityService> identityService,
      @Value("${spring.jersey.application-path:/engine-rest}") String restPath) {
    Filter marker = (request, response, chain) -> {
      Authentication auth = identityService.getObject().getCurrentAuthentication();
      if (auth != null && auth.getUserId() != null) {
        request.setAttribute(LoginThrottleFilter.AUTHENTICATED_USER, auth.getUserId());
      }
      chain.doFilter(request, response);
    };
    FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(marker);
    reg.setName("basicAuthenticationAccepted");
    reg.addUrlPatterns(slash(restPath) + "/*", "/api/*");
    reg.setOrder(12);
    return reg;
  }

  @Bean
  public FilterRegistrationBean<Filter> actuatorAccess(ObjectProvider<ProcessEngine> engine) {
    FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new ActuatorAccessFilter(engine));
    reg.setName("actuatorAccess");
    reg.addUrlPatterns("/actuator/*");
    reg.setOrder(12);
    return reg;
  }

  private static FilterRegistrationBean<Filter> basicAuth(String name, String path, int order) {
    String prefix = slash(path);
    FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    reg.setName(name);
    reg.addUrlPatterns(prefix + "/*");
    reg.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName());
    reg.addInitParameter("rest-url-pattern-prefix", prefix);
    reg.setOrder(order);
    return reg;
  }

  private static String slash(String path) {
    return path.startsWith("/") ? path : "/" + path;
  }
}
