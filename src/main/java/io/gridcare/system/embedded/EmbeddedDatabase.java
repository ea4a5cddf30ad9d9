package io.gridcare.system.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 from the zonky binaries, its cluster kept in {@code <data-dir>/postgres} across restarts.
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String USER = "postgres";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts the cluster in {@code dataDirectory/postgres}, first stopping a server that a killed instance left
   * running there. The caller must hold the data directory's lock, or that server might be a live one.
   *
   * @param durable {@code false} turns fsync off, for throw-away test clusters only
   */
  static EmbeddedDatabase start(Path dataDirectory, boolean durable, String... databases) {
    Path cluster = dataDirectory.resolve("postgres");
    StaleProcesses.stopPostmaster(cluster);
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(cluster)
          .setCleanDataDirectory(false)
          // Stopped by its owner after the application is done with it, not by a JVM hook racing the shutdown.
          .setRegisterShutdownHook(false)
          .setOverrideWorkingDirectory(dataDirectory.resolve("postgres-binaries").toFile())
          .setServerConfig("fsync", durable ? "on" : "off")
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("max_connections", "200")
          .setLocaleConfig("locale", "C.UTF-8")
          .setLocaleConfig("lc-messages", "C")
          .start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres);
      for (String name : databases) {
        database.createIfMissing(name);
      }
      log.info("Embedded PostgreSQL is up on port {} with its data in {}", postgres.getPort(), cluster);
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start in " + cluster, e);
    }
  }

  String jdbcUrl(String database) {
    return postgres.getJdbcUrl(USER, database);
  }

  int port() {
    return postgres.getPort();
  }

  private void createIfMissing(String database) {
    try (Connection connection = postgres.getDatabase(USER, "postgres", Map.of()).getConnection();
         PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rows = exists.executeQuery()) {
        if (!rows.next()) {
          try (Statement create = connection.createStatement()) {
            create.execute("create database \"" + database.replace("\"", "") + "\"");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + database, e);
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
