package io.gridcare.system;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.context.annotation.Configuration;

/**
 * The engine host: GridCare is one process application, so its deployment is registered with the job executor
 * on every start (see {@code META-INF/processes.xml}).
 */
@Configuration(proxyBeanMethods = false)
@EnableProcessApplication("gridcare")
class EngineHost {
}
