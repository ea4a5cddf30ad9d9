package io.gridcare.system.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A free loopback port, so that several instances (and test runs) can share a machine. */
final class FreePorts {

  private FreePorts() {
  }

  /**
   * Ports already handed out in this JVM. The system may give the same free port twice in a row (it is free
   * again once the probe closes), and two peers on one port fail badly: an SMPP client reading an SMTP greeting
   * takes "220 " for a PDU length of 842 MB.
   */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  static int next() {
    while (true) {
      int port = probe();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
  }

  private static int probe() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }
}
