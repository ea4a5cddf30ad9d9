package io.gridcare.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started GridCare where to go and how to log in, once everything answers. */
@Component
class StartupReport {

  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private final String adminUser;
  private final String adminPassword;
  private final boolean passwordGenerated;
  private final String dataDirectory;

  StartupReport(@Value("${gridcare.admin.user}") String adminUser,
      @Value("${gridcare.admin.password}") String adminPassword,
      @Value("${" + LocalSecrets.ADMIN_PASSWORD_GENERATED + ":false}") boolean passwordGenerated,
      @Value("${gridcare.data-dir}") String dataDirectory) {
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
    this.passwordGenerated = passwordGenerated;
    this.dataDirectory = dataDirectory;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    int port = event.getApplicationContext() instanceof WebServerApplicationContext web
        ? web.getWebServer().getPort() : -1;
    String base = "http://localhost:" + port;
    String login = passwordGenerated
        ? "password (shown once, kept in " + dataDirectory + "/secrets/admin-password): " + adminPassword
        : "password from GRIDCARE_ADMIN_PASSWORD or " + dataDirectory + "/secrets/admin-password";
    log.info("""

        GridCare is ready / GridCare đã sẵn sàng
          Cockpit      {}/camunda/app/cockpit/
          Tasklist     {}/camunda/app/tasklist/
          Admin        {}/camunda/app/admin/
          API docs     {}/swagger-ui.html
          Engine REST  {}/engine-rest
          Log in as '{}', {}
        """, base, base, base, base, base, adminUser, login);
  }
}
