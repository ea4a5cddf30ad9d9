package io.gridcare.sandbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sandbox SMSC, where the SMS channel's defaults point: it takes the channel's own system id and password. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gridcare.sandbox.enabled", havingValue = "true")
class SandboxSmsConfiguration {

  @Bean
  SandboxSmsc sandboxSmsc(@Value("${gridcare.sandbox.smpp-port:2775}") int port,
      @Value("${gridcare.channels.sms.system-id:gridcare}") String systemId,
      @Value("${gridcare.channels.sms.password:}") String password) {
    return new SandboxSmsc(port, systemId, password);
  }
}
