package io.gridcare.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Fills in the admin and worker passwords that configuration leaves empty: generated on first start, stored in
 * the data directory (owner-only) and reused afterwards. There is no default password anywhere.
 *
 * <p>A worker-only process cannot invent the worker password (the server would not know it), so it must be given.
 */
final class LocalSecrets implements EnvironmentPostProcessor, Ordered {

  static final String ADMIN_PASSWORD = "gridcare.admin.password";
  static final String WORKER_PASSWORD = "gridcare.worker.password";
  /** Set when this start generated the admin password, so the startup report shows it once. */
  static final String ADMIN_PASSWORD_GENERATED = "gridcare.admin.password-generated";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Log log;

  LocalSecrets(DeferredLogFactory logs) {
    this.log = logs.getLog(LocalSecrets.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String role = environment.getProperty("gridcare.role", "all");
    Path secrets = Path.of(environment.getProperty("gridcare.data-dir", "./data")).toAbsolutePath().normalize()
        .resolve("secrets");
    Map<String, Object> filled = new HashMap<>();
    if (!"worker".equals(role)) {
      if (isBlank(environment.getProperty(ADMIN_PASSWORD))) {
        Path file = secrets.resolve("admin-password");
        boolean generated = !Files.exists(file);
        filled.put(ADMIN_PASSWORD, readOrGenerate(file));
        if (generated) {
          filled.put(ADMIN_PASSWORD_GENERATED, true);
          log.info("Generated the first admin password into " + file);
        }
      }
      if (isBlank(environment.getProperty(WORKER_PASSWORD))) {
        filled.put(WORKER_PASSWORD, readOrGenerate(secrets.resolve("worker-password")));
      }
    } else if (isBlank(environment.getProperty(WORKER_PASSWORD))) {
      throw new IllegalStateException("GRIDCARE_WORKER_PASSWORD must be set for the worker role: "
          + "it is the password of the worker's service account on the server");
    }
    if (!filled.isEmpty()) {
      environment.getPropertySources().addFirst(new MapPropertySource("gridcareLocalSecrets", filled));
    }
  }

  static String readOrGenerate(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      Files.createDirectories(file.getParent());
      byte[] bytes = new byte[18];
      RANDOM.nextBytes(bytes);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      restrictToOwner(temp);
      Files.writeString(temp, secret + System.lineSeparator(), StandardCharsets.UTF_8);
      Files.move(temp, file);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep a generated secret in " + file, e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public int getOrder() {
    // After application.yml and the role file are read, so their values count.
    return Ordered.LOWEST_PRECEDENCE;
  }
}
