package io.gridcare.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background work of the server, such as carrying profile changes to the search index. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Scheduling {
}
