package io.gridcare.system.embedded;

import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.gridcare.system.DataDirectory;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded defaults: a server given no database URL runs PostgreSQL itself, one given no search URIs runs a
 * search node itself, both with their state in {@code gridcare.data-dir}. Production sets the URLs and gets none
 * of this.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedInfrastructure {

  private static final String EMBEDDED_DATABASE = "'${spring.datasource.url:}'.isBlank()";
  private static final String EMBEDDED_SEARCH = "'${spring.elasticsearch.uris:}'.isBlank()";

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression(EMBEDDED_DATABASE + " or " + EMBEDDED_SEARCH)
  DataDirectory dataDirectory(@Value("${gridcare.data-dir}") Path path) {
    return DataDirectory.lock(path);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression(EMBEDDED_DATABASE)
  static class Database {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DataDirectory dataDirectory) {
      return EmbeddedDatabase.start(dataDirectory.root(), true, "gridcare");
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
      return DataSourceBuilder.create().type(HikariDataSource.class)
          .url(database.jdbcUrl("gridcare")).username(EmbeddedDatabase.USER).password("")
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression(EMBEDDED_SEARCH)
  static class Search {

    @Bean(destroyMethod = "close")
    EmbeddedSearchNode embeddedSearchNode(DataDirectory dataDirectory,
        @Value("${gridcare.search.embedded.heap:512m}") String heap) {
      return EmbeddedSearchNode.start(dataDirectory.root(), heap, "gridcare");
    }

    /** Boot builds the {@code RestClient} (and its health indicator) from this, as it would from the URIs. */
    @Bean
    RestClientBuilder searchRestClientBuilder(EmbeddedSearchNode node) {
      return RestClient.builder(HttpHost.create(node.uri().toString()));
    }

    /** The node starts alongside the engine; the application is ready only once the node answers. */
    @Bean
    SmartLifecycle searchNodeReadiness(EmbeddedSearchNode node,
        @Value("${gridcare.search.embedded.startup-timeout:120s}") Duration timeout) {
      return new SmartLifecycle() {
        private volatile boolean running;

        @Override
        public void start() {
          node.awaitReady(timeout);
          running = true;
        }

        @Override
        public void stop() {
          running = false;
        }

        @Override
        public boolean isRunning() {
          return running;
        }
      };
    }
  }
}
