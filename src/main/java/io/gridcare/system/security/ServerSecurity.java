package io.gridcare.system.security;

import java.util.Arrays;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.system.Access;
import io.gridcare.system.ProblemResponses;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The server's doors. GridCare's API, the engine's REST API and the actuator take HTTP Basic credentials of engine
 * users, statelessly (no cookie, hence no CSRF token). The webapps keep Camunda's own login, session and CSRF
 * protection, so Spring Security lets them through untouched.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class ServerSecurity {

  @Bean
  IdentityServiceAuthentication identityServiceAuthentication(IdentityService identityService) {
    return new IdentityServiceAuthentication(identityService);
  }

  @Bean
  ProblemResponses problemResponses(ObjectMapper json) {
    return new ProblemResponses(json);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityServiceAuthentication identity,
      ProblemResponses problems) throws Exception {
    return http
        .securityMatcher(paths("/api/**", "/engine-rest/**", "/actuator/**"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(paths("/actuator/health", "/actuator/health/**", "/actuator/info")).permitAll()
            .requestMatchers(paths("/actuator/**")).hasAnyRole(Access.ADMIN, Access.MONITORING)
            // what an engine user may do there is decided by Camunda's authorizations
            .requestMatchers(paths("/engine-rest/**")).authenticated()
            // channels call their webhooks without a login; each webhook checks the channel's own signature
            .requestMatchers(paths("/api/webhooks/**")).permitAll()
            // the loopback stand-ins of the channels' providers (local runs and tests only)
            .requestMatchers(paths("/api/sandbox/**")).hasRole(Access.ADMIN)
            .requestMatchers(paths("/api/sources/**", "/api/imports", "/api/imports/**"))
            .hasAnyRole(Access.INTEGRATION, Access.ADMIN)
            // workers send on Zalo with the OA's access token the servers keep; admins replace its refresh token
            .requestMatchers(get("/api/channels/zalo/access-token")).hasAnyRole(Access.WORKER, Access.ADMIN)
            .requestMatchers(paths("/api/channels/zalo/credentials")).hasRole(Access.ADMIN)
            // channels' backends (the App's) report what became of the messages sent through them
            .requestMatchers(paths("/api/channels/*/receipts")).hasAnyRole(Access.INTEGRATION, Access.ADMIN)
            .requestMatchers(paths("/api/events/**")).hasAnyRole(Access.INTEGRATION, Access.ADMIN)
            // the channel workers claim batches, report outcomes and hand on the receipts their sessions collect
            .requestMatchers(paths("/api/notification-batches/**", "/api/notification-receipts"))
                .hasAnyRole(Access.WORKER, Access.ADMIN)
            // flows' workers walk audiences and read the customers in them; people search instead
            .requestMatchers(paths("/api/audiences/**")).hasAnyRole(Access.WORKER, Access.ADMIN)
            .requestMatchers(get("/api/customers/*")).hasAnyRole(Access.STAFF, Access.ADMIN, Access.WORKER)
            // staff read and preview notice templates; only admins change them
            .requestMatchers(get("/api/notice-templates/**"), post("/api/notice-templates/*/preview"))
                .hasAnyRole(Access.STAFF, Access.ADMIN)
            .requestMatchers(paths("/api/notice-templates/**")).hasRole(Access.ADMIN)
            // the public portal: no login; its controllers limit the rate per client and per phone
            .requestMatchers(paths("/api/portal/**")).permitAll()
            // Power Companies' own systems report outcomes; request workers read what they hand over
            .requestMatchers(post("/api/requests/*/outcome")).hasAnyRole(Access.INTEGRATION, Access.ADMIN)
            .requestMatchers(get("/api/requests/stats")).hasAnyRole(Access.STAFF, Access.ADMIN)
            .requestMatchers(get("/api/requests/*")).hasAnyRole(Access.STAFF, Access.ADMIN, Access.WORKER)
            // staff read the service catalog; only admins change it
            .requestMatchers(get("/api/service-types"), get("/api/service-types/*"))
                .hasAnyRole(Access.STAFF, Access.ADMIN)
            .requestMatchers(paths("/api/service-types", "/api/service-types/**")).hasRole(Access.ADMIN)
            .requestMatchers(paths("/api/**")).hasAnyRole(Access.STAFF, Access.ADMIN)
            .anyRequest().denyAll())
        .authenticationProvider(identity)
        .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /**
   * Matchers on the whole path: the engine's REST API is a Jersey servlet, which Spring MVC's matchers (the
   * default for plain strings) do not see.
   */
  private static RequestMatcher paths(String... patterns) {
    PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(Arrays.stream(patterns).<RequestMatcher>map(builder::matcher).toList());
  }

  /** GET requests only, on the whole path like {@link #paths}. */
  private static RequestMatcher get(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pattern);
  }

  /** POST requests only, on the whole path like {@link #paths}. */
  private static RequestMatcher post(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pattern);
  }

  /** Hands the user authenticated above to the engine, so its authorization checks apply to REST calls. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
