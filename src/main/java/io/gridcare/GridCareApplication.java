package io.gridcare;

import java.io.IOException;
import java.util.Arrays;

import io.gridcare.cli.ImportCommand;
import io.gridcare.system.OnServerRole;
import io.gridcare.system.OnWorkerRole;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * One jar, two roles. The role decides what is scanned: the server gets everything but worker code, a worker
 * only the external-task handlers and their runtime (packages named {@code worker}), so no server feature needs
 * to know about roles. The same jar is also a command line for operators ({@code import}, see
 * {@link ImportCommand}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({GridCareApplication.ServerComponents.class, GridCareApplication.WorkerComponents.class})
public class GridCareApplication {

  public static void main(String[] args) {
    // commands run in this JVM against a running server, without starting one
    if (args.length > 0 && args[0].equals("import")) {
      System.exit(ImportCommand.runFromMain(Arrays.copyOfRange(args, 1, args.length)));
    }
    SpringApplication.run(GridCareApplication.class, args);
  }

  @Configuration(proxyBeanMethods = false)
  @OnServerRole
  @ComponentScan(basePackageClasses = GridCareApplication.class,
      excludeFilters = @Filter(type = FilterType.CUSTOM, classes = WorkerCode.class))
  static class ServerComponents {
  }

  @Configuration(proxyBeanMethods = false)
  @OnWorkerRole
  @ComponentScan(basePackageClasses = GridCareApplication.class,
      excludeFilters = @Filter(type = FilterType.CUSTOM, classes = ServerCode.class))
  static class WorkerComponents {
  }

  /** Classes in a {@code worker} package: what {@code workers/} holds. */
  static final class WorkerCode implements TypeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
      return isWorkerCode(reader.getClassMetadata().getClassName());
    }

    static boolean isWorkerCode(String className) {
      return className.contains(".worker.");
    }
  }

  static final class ServerCode implements TypeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
      return !WorkerCode.isWorkerCode(reader.getClassMetadata().getClassName());
    }
  }
}
