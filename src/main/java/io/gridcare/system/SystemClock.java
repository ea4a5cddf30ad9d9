package io.gridcare.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock features ask for the time, so tests can fix it. */
@Configuration(proxyBeanMethods = false)
class SystemClock {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
