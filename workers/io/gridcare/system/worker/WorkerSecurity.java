package io.gridcare.system.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.system.Access;
import io.gridcare.system.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A worker-only process serves just the actuator: health is public, metrics take the worker's own service
 * account (the one identity such a process knows without the engine).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${gridcare.role:all}' == 'worker'")
class WorkerSecurity {

  @Bean
  InMemoryUserDetailsManager workerAccount(@Value("${gridcare.worker.user}") String user,
      @Value("${gridcare.worker.password}") String password) {
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    return new InMemoryUserDetailsManager(User.withUsername(user).password(encoder.encode(password))
        .roles(Access.MONITORING).build());
  }

  @Bean
  SecurityFilterChain workerActuatorSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
    ProblemResponses problems = new ProblemResponses(json);
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/actuator/**").hasRole(Access.MONITORING)
            .anyRequest().denyAll())
        .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }
}
