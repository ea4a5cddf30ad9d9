package io.gridcare.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class LocalSecretsTest {

  @TempDir
  Path dataDirectory;

  private final LocalSecrets secrets = new LocalSecrets(new DeferredLogs());

  @Test
  void firstStartGeneratesPasswordsThatOnlyTheOwnerCanRead() throws Exception {
    MockEnvironment environment = environment("all");

    secrets.postProcessEnvironment(environment, new SpringApplication());

    String admin = environment.getProperty(LocalSecrets.ADMIN_PASSWORD);
    assertThat(admin).hasSizeGreaterThanOrEqualTo(20);
    assertThat(environment.getProperty(LocalSecrets.WORKER_PASSWORD)).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(admin);
    assertThat(environment.getProperty(LocalSecrets.ADMIN_PASSWORD_GENERATED, Boolean.class)).isTrue();
    Path file = dataDirectory.resolve("secrets/admin-password");
    assertThat(Files.readString(file).strip()).isEqualTo(admin);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void laterStartsReuseThePasswordsAndDoNotShowThemAgain() {
    MockEnvironment first = environment("all");
    secrets.postProcessEnvironment(first, new SpringApplication());
    MockEnvironment second = environment("all");

    secrets.postProcessEnvironment(second, new SpringApplication());

    assertThat(second.getProperty(LocalSecrets.ADMIN_PASSWORD)).isEqualTo(first.getProperty(LocalSecrets.ADMIN_PASSWORD));
    assertThat(second.getProperty(LocalSecrets.WORKER_PASSWORD)).isEqualTo(first.getProperty(LocalSecrets.WORKER_PASSWORD));
    assertThat(second.containsProperty(LocalSecrets.ADMIN_PASSWORD_GENERATED)).isFalse();
  }

  @Test
  void configuredPasswordsWinAndNothingIsWritten() {
    MockEnvironment environment = environment("server")
        .withProperty(LocalSecrets.ADMIN_PASSWORD, "from-environment")
        .withProperty(LocalSecrets.WORKER_PASSWORD, "worker-from-environment");

    secrets.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(LocalSecrets.ADMIN_PASSWORD)).isEqualTo("from-environment");
    assertThat(dataDirectory.resolve("secrets")).doesNotExist();
  }

  @Test
  void workerOnlyProcessMustBeGivenItsPassword() {
    assertThatThrownBy(() -> secrets.postProcessEnvironment(environment("worker"), new SpringApplication()))
        .hasMessageContaining("GRIDCARE_WORKER_PASSWORD");
    assertThat(dataDirectory.resolve("secrets")).doesNotExist();
  }

  private MockEnvironment environment(String role) {
    return new MockEnvironment()
        .withProperty("gridcare.role", role)
        .withProperty("gridcare.data-dir", dataDirectory.toString())
        .withProperty(LocalSecrets.ADMIN_PASSWORD, "")
        .withProperty(LocalSecrets.WORKER_PASSWORD, "");
  }
}
