package io.gridcare.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one directory that holds all local state: the embedded database, the search node's data and generated
 * secrets. A running instance holds an exclusive lock on it, which the operating system releases even when the
 * process is killed; so whatever still runs on this directory once the lock is ours was left by a dead instance.
 */
public final class DataDirectory implements AutoCloseable {

  private final Path root;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectory(Path root, FileChannel channel, FileLock lock) {
    this.root = root;
    this.channel = channel;
    this.lock = lock;
  }

  /** Creates the directory if needed and locks it, or fails when another live instance holds it. */
  public static DataDirectory lock(Path path) {
    Path root = path.toAbsolutePath().normalize();
    try {
      Files.createDirectories(root);
      FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw new IllegalStateException("Thư mục dữ liệu " + root + " đang được một GridCare khác sử dụng / "
            + "The data directory " + root + " is in use by another running GridCare; "
            + "give this instance its own GRIDCARE_DATA_DIR");
      }
      return new DataDirectory(root, channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot use data directory " + root, e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      return null;
    }
  }

  public Path root() {
    return root;
  }

  public Path resolve(String child) {
    return root.resolve(child);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
