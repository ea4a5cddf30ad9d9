package io.gridcare.system.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import io.gridcare.system.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

  @TempDir
  Path directory;

  @Test
  void keepsDataAcrossRestarts() throws Exception {
    try (DataDirectory lock = DataDirectory.lock(directory)) {
      try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, false, "keep")) {
        execute(database, "keep", "create table note (text varchar(100))", "insert into note values ('kept')");
      }
      try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, false, "keep")) {
        assertThat(firstNote(database, "keep")).isEqualTo("kept");
      }
    }
  }

  @Test
  void stopsTheServerThatAKilledInstanceLeftRunningAndKeepsItsData() throws Exception {
    Path log = Files.createTempFile("database-owner", ".log");
    Process owner = ChildJvm.start(DatabaseOwner.class, log, directory.toString());
    ChildJvm.awaitMarker(owner, directory.resolve("ready"), log);
    assertThatThrownBy(() -> DataDirectory.lock(directory)).hasMessageContaining("in use by another running GridCare");

    ChildJvm.killHard(owner);
    ProcessHandle orphan = postmaster().orElseThrow();
    assertThat(orphan.isAlive()).as("PostgreSQL outlives a killed JVM, the trap this guards against").isTrue();

    try (DataDirectory lock = DataDirectory.lock(directory);
         EmbeddedDatabase database = EmbeddedDatabase.start(directory, false, "owned")) {
      assertThat(orphan.isAlive()).isFalse();
      assertThat(firstNote(database, "owned")).isEqualTo("written before the kill");
    }
  }

  @Test
  void removesAStalePidFileOfAnotherProgram() throws Exception {
    try (DataDirectory lock = DataDirectory.lock(directory)) {
      try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, false, "pid")) {
        execute(database, "pid", "create table note (text varchar(100))", "insert into note values ('still here')");
      }
      // A crash can leave postmaster.pid naming a pid that now belongs to something else: this test JVM.
      Files.writeString(directory.resolve("postgres/postmaster.pid"),
          ProcessHandle.current().pid() + "\n" + directory.resolve("postgres") + "\n", StandardCharsets.UTF_8);
      try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, false, "pid")) {
        assertThat(firstNote(database, "pid")).isEqualTo("still here");
      }
    }
  }

  private Optional<ProcessHandle> postmaster() throws Exception {
    String pid = Files.readAllLines(directory.resolve("postgres/postmaster.pid")).get(0).strip();
    return ProcessHandle.of(Long.parseLong(pid));
  }

  private static void execute(EmbeddedDatabase database, String name, String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(name));
         Statement sql = connection.createStatement()) {
      for (String statement : statements) {
        sql.execute(statement);
      }
    }
  }

  private static String firstNote(EmbeddedDatabase database, String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(name));
         Statement sql = connection.createStatement();
         ResultSet rows = sql.executeQuery("select text from note")) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }
}
