package io.gridcare.system;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.stereotype.Component;

/**
 * The ids of the latest deployed versions of processes and decisions, for the calls made on every portal request
 * and source event. Starting or evaluating "by key" asks the database for the latest version on every call; these
 * ids are asked again at most every {@link #LOOKUP_EVERY}, so a version deployed from Modeler takes effect within
 * that time on every server.
 */
@Component
public class LatestDefinitions {

  static final Duration LOOKUP_EVERY = Duration.ofSeconds(5);

  private final LoadingCache<String, String> processes;
  private final LoadingCache<String, String> decisions;

  LatestDefinitions(RepositoryService repository, Clock clock) {
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.processes = latest(ticker, key -> repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .withoutTenantId().latestVersion().singleResult());
    this.decisions = latest(ticker, key -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .withoutTenantId().latestVersion().singleResult());
  }

  /** A key with nothing deployed yields null, which Caffeine does not keep: it is asked again next time. */
  private static LoadingCache<String, String> latest(Ticker ticker,
      Function<String, ? extends ResourceDefinition> lookup) {
    return Caffeine.newBuilder().ticker(ticker).expireAfterWrite(LOOKUP_EVERY).build(key -> {
      ResourceDefinition latest = lookup.apply(key);
      return latest == null ? null : latest.getId();
    });
  }

  /** @throws IllegalStateException when no version of the process is deployed */
  public String process(String key) {
    return found(processes.get(key), "process", key);
  }

  /** @throws IllegalStateException when no version of the decision is deployed */
  public String decision(String key) {
    return found(decisions.get(key), "decision", key);
  }

  private static String found(String id, String kind, String key) {
    if (id == null) {
      throw new IllegalStateException("No " + kind + " " + key + " is deployed");
    }
    return id;
  }
}
