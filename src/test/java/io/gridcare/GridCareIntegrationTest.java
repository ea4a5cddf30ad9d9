package io.gridcare;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.gridcare.system.embedded.TestStack;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application, both roles, on the shared real PostgreSQL and search node of {@link TestStack}. All
 * classes with this annotation share one Spring context.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "gridcare.admin.password=" + GridCareIntegrationTest.ADMIN_PASSWORD,
    "gridcare.worker.password=" + GridCareIntegrationTest.WORKER_PASSWORD,
    "gridcare.data-dir=target/test-data",
    // small enough for a test to pass it (SourceImportApiTest)
    "gridcare.api.max-import-size=" + GridCareIntegrationTest.MAX_IMPORT_SIZE,
    // tests send queued profile changes to the index themselves (IndexSync.sync), when they need them there
    "gridcare.search.sync-interval=1h",
    // tests start refresh runs themselves
    "gridcare.customers.refresh.poll=1h",
    // every test calls the portal from 127.0.0.1; the per-phone limit stays as shipped (PortalRequestsTest)
    "gridcare.portal.rate-limits.client-per-minute=100000"})
@ContextConfiguration(initializers = GridCareIntegrationTest.Stack.class)
public @interface GridCareIntegrationTest {

  String ADMIN = "admin";
  String ADMIN_PASSWORD = "test-admin-password";
  String WORKER = "gridcare-worker";
  String WORKER_PASSWORD = "test-worker-password";
  String MAX_IMPORT_SIZE = "8MB";
  /** Where requests forwarded to Thanh Oai (PD28) go, on the sandbox's HTTP stub at the port given. */
  String UNIT_SYSTEM_URL = "http://localhost:%d/unit-systems/PD28/requests";

  /** Points the application at the shared stack, as production points it at its database and cluster. */
  class Stack implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestStack stack = TestStack.get();
      TestPropertyValues.of(
          "spring.datasource.url=" + stack.jdbcUrl(TestStack.APP_DATABASE),
          "spring.datasource.username=" + stack.databaseUser(),
          "spring.elasticsearch.uris=" + stack.searchUri(),
          "server.port=" + stack.serverPort(),
          "gridcare.sandbox.smpp-port=" + stack.sandboxSmppPort(),
          "gridcare.sandbox.zalo-port=" + stack.zaloSandboxPort(),
          "gridcare.sandbox.smtp-port=" + stack.sandboxSmtpPort(),
          "gridcare.sandbox.http-port=" + stack.sandboxHttpPort(),
          // Thanh Oai takes forwarded requests into its own system: the sandbox's HTTP stub stands in for it
          "gridcare.requests.unit-systems.PD28=" + UNIT_SYSTEM_URL.formatted(stack.sandboxHttpPort()))
          .applyTo(context);
    }
  }
}
