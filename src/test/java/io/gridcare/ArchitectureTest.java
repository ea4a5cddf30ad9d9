package io.gridcare;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

@AnalyzeClasses(packages = "io.gridcare", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String WORKER_PACKAGES = "io.gridcare..worker..";

  @ArchTest
  static final ArchRule workersReachTheEngineOnlyThroughItsRestApi = noClasses()
      .that().resideInAPackage(WORKER_PACKAGES)
      .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine..")
      .because("workers run in their own processes and talk to the engine over /engine-rest");

  @ArchTest
  static final ArchRule serverDoesNotDependOnWorkers = noClasses()
      .that().resideOutsideOfPackage(WORKER_PACKAGES)
      .should().dependOnClassesThat().resideInAPackage(WORKER_PACKAGES)
      .because("a server-only process must not need worker code");

  /** The rules above are about packages; this makes sure everything under workers/ lives in such a package. */
  @Test
  void everythingInTheWorkersFolderIsWorkerCode() throws IOException {
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(Path.of("workers"))) {
      sources = walk.filter(path -> path.toString().endsWith(".java")).toList();
    }
    assertThat(sources).isNotEmpty().allSatisfy(source -> {
      String code = Files.readString(source);
      assertThat(code).as(source.toString())
          .containsPattern("(?m)^package io\\.gridcare\\.[a-z.]*worker[a-z.]*;")
          .doesNotContain("import org.camunda.bpm.engine");
    });
  }

  @Test
  void featuresUseOnlyEachOthersPublicApi() {
    ApplicationModules.of("io.gridcare").verify();
  }
}
