package io.gridcare.system.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

import io.gridcare.system.DataDirectory;

/** A child JVM that starts the embedded database the way the server does, writes a row, then waits to be killed. */
final class DatabaseOwner {

  private static DataDirectory heldLock;

  private DatabaseOwner() {
  }

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    // Held until the JVM dies: a lock nobody references may be released by the garbage collector.
    heldLock = DataDirectory.lock(directory);
    EmbeddedDatabase database = EmbeddedDatabase.start(directory, false, "owned");
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl("owned"));
         Statement sql = connection.createStatement()) {
      sql.execute("create table note (text varchar(100))");
      sql.execute("insert into note values ('written before the kill')");
    }
    Files.writeString(directory.resolve("ready"), "ready");
    new CountDownLatch(1).await();
  }
}
