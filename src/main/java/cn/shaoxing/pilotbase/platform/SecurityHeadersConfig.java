package cn.shaoxing.pilotbase.platform;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link SecurityHeadersFilter} on every path, ahead of all other filters. */
@Configuration
public class SecurityHeadersConfig {

  @Bean
  public FilterRegistrationBean<Filter> securityHeaders(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      @Value("${spring.jersey.application-path:/engine-rest}") String restPath) {
    FilterRegistrationBean<Filter> reg =
        new FilterRegistrationBean<>(new SecurityHeadersFilter(slash(webappPath), slash(restPath)));
    reg.setName("securityHeaders");
    reg.addUrlPatterns("/*");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return reg;
  }

  private static String slash(String path) {
    return path.startsWith("/") ? path : "/" + path;
  }
}
