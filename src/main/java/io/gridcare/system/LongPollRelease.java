package io.gridcare.system;

import org.camunda.bpm.engine.rest.impl.FetchAndLockContextListener;
import org.camunda.bpm.engine.rest.spi.FetchAndLockHandler;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Workers wait for tasks in long polls that the server holds open. A graceful shutdown would wait for each of
 * them to time out; answering them first (the workers back off and retry elsewhere) lets the server stop at once.
 */
@Component
class LongPollRelease implements SmartLifecycle {

  private volatile boolean running;

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    FetchAndLockHandler handler = FetchAndLockContextListener.getFetchAndLockHandler();
    if (handler != null) {
      handler.shutdown();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops just before the web server starts its graceful shutdown. */
  @Override
  public int getPhase() {
    return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
  }
}
