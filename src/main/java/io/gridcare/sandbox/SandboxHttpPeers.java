package io.gridcare.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * One HTTP stub server (WireMock) on the loopback interface for every HTTP provider the sandbox stands in for: each
 * registers its stubs on {@link #server()} under its own paths ({@link SandboxFcm}: {@code /v1/projects/**}). It
 * keeps the last {@value #KEPT} requests it received, of all providers together. It keeps them itself rather than in
 * WireMock's request journal, which looks a request up again among all those it keeps while answering it: at
 * thousands of pushes a second that scan took more CPU than the answers.
 */
@Component
@ConditionalOnProperty(name = "gridcare.sandbox.enabled", havingValue = "true")
public class SandboxHttpPeers implements DisposableBean {

  public static final int KEPT = 2000;
  /** The transformer of stubs answered by code ({@link #answerWith}); its parameter {@code answer} names whose. */
  public static final String ANSWERED_BY_CODE = "gridcare-sandbox";

  private static final Logger log = LoggerFactory.getLogger(SandboxHttpPeers.class);

  private final WireMockServer server;
  private final ArrayDeque<Received> received = new ArrayDeque<>(KEPT);
  private final Map<String, Function<Request, ResponseDefinition>> answers = new ConcurrentHashMap<>();

  SandboxHttpPeers(@Value("${gridcare.sandbox.http-port}") int port) {
    this.server = new WireMockServer(WireMockConfiguration.options()
        .bindAddress("127.0.0.1")
        .port(port)
        .disableRequestJournal()
        // room for a sender's requests in flight (AppPushSender: 64) without queueing
        .containerThreads(100)
        // providers' answers are a few bytes: compressing them only costs time
        .gzipDisabled(true)
        .extensions(new AnsweredByCode())
        .notifier(new Slf4jNotifier(false)));
    server.addMockServiceRequestListener(this::keep);
    server.start();
    log.info("Sandbox HTTP peers on 127.0.0.1:{}", port);
  }

  /** The running stub server, to register stubs on and to read what it received. */
  public WireMockServer server() {
    return server;
  }

  /**
   * Stubs whose transformer is {@link #ANSWERED_BY_CODE} with the parameter {@code answer} set to this name are
   * answered by this function: one look at the request in code costs less than WireMock matching it against a
   * stub per outcome (each parsing the body again) and rendering a response template.
   */
  public void answerWith(String name, Function<Request, ResponseDefinition> answer) {
    answers.put(name, answer);
  }

  private final class AnsweredByCode implements ResponseDefinitionTransformerV2 {

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      String name = event.getTransformerParameters().getString("answer", "");
      Function<Request, ResponseDefinition> answer = answers.get(name);
      return answer == null ? new ResponseDefinition(500, "Sandbox: nothing answers " + name)
          : answer.apply(event.getRequest());
    }

    @Override
    public String getName() {
      return ANSWERED_BY_CODE;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }
  }

  /** A request as the stub server got it, and the status it answered. */
  public record Received(LoggedRequest request, int status) {
  }

  /** The last {@value #KEPT} requests received, oldest first. */
  public synchronized List<Received> received() {
    return new ArrayList<>(received);
  }

  private void keep(Request request, Response response) {
    Received one = new Received(LoggedRequest.createFrom(request), response.getStatus());
    synchronized (this) {
      if (received.size() == KEPT) {
        received.removeFirst();
      }
      received.addLast(one);
    }
  }

  public int port() {
    return server.port();
  }

  @Override
  public void destroy() {
    server.stop();
  }
}
