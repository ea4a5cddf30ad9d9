package io.gridcare.sandbox;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * One HTTP stub server (WireMock) on the loopback interface for every HTTP provider the sandbox stands in for: each
 * registers its stubs on {@link #server()} under its own paths ({@link SandboxFcm}: {@code /v1/projects/**}). It
 * keeps the last {@value #KEPT} requests it received, of all providers together.
 */
@Component
@ConditionalOnProperty(name = "gridcare.sandbox.enabled", havingValue = "true")
public class SandboxHttpPeers implements DisposableBean {

  public static final int KEPT = 2000;

  private static final Logger log = LoggerFactory.getLogger(SandboxHttpPeers.class);

  private final WireMockServer server;

  SandboxHttpPeers(@Value("${gridcare.sandbox.http-port}") int port) {
    this.server = new WireMockServer(WireMockConfiguration.options()
        .bindAddress("127.0.0.1")
        .port(port)
        .maxRequestJournalEntries(KEPT)
        // room for a sender's requests in flight (AppPushSender: 64) without queueing
        .containerThreads(100)
        // providers' answers are a few bytes: compressing them only costs time
        .gzipDisabled(true)
        .notifier(new Slf4jNotifier(false)));
    server.start();
    log.info("Sandbox HTTP peers on 127.0.0.1:{}", port);
  }

  /** The running stub server, to register stubs on and to read what it received. */
  public WireMockServer server() {
    return server;
  }

  public int port() {
    return server.port();
  }

  @Override
  public void destroy() {
    server.stop();
  }
}
