package io.gridcare.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models the build put under {@code gridcare/} on the class path (from {@code processes/} and
 * {@code forms/}: BPMN, DMN and Camunda Forms) when the engine starts. Done here rather than by Camunda's
 * mechanisms: its process-archive scanner finds nothing inside Spring Boot's nested jar, and the starter's
 * auto-deployment redeploys everything on every start under install-dependent names.
 *
 * <p>Resources are named by their path ({@code processes/system/installation-check.bpmn}), only changed ones
 * become new versions, and every GridCare deployment is registered with this node's job executor, which is
 * deployment-aware: jobs of instances still on earlier versions keep running after an upgrade.
 */
@Component
class ModelDeployment extends AbstractProcessEnginePlugin {

  static final String NAME = "gridcare";
  private static final String ROOT = "gridcare/";
  private static final List<String> PATTERNS = List.of(
      "classpath*:" + ROOT + "processes/**/*.bpmn", "classpath*:" + ROOT + "processes/**/*.dmn",
      "classpath*:" + ROOT + "forms/**/*.form");

  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

  private final ResourcePatternResolver resources;

  ModelDeployment(ResourcePatternResolver resources) {
    this.resources = resources;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    RepositoryService repository = engine.getRepositoryService();
    DeploymentBuilder deployment = repository.createDeployment().name(NAME).source(NAME)
        .enableDuplicateFiltering(true);
    int count = 0;
    for (String pattern : PATTERNS) {
      for (Resource resource : resolve(pattern)) {
        deployment.addInputStream(nameOf(resource), open(resource));
        count++;
      }
    }
    if (count == 0) {
      throw new IllegalStateException("No models found under classpath:" + ROOT + "; is the build complete?");
    }
    Deployment deployed = deployment.deploy();
    List<Deployment> all = repository.createDeploymentQuery().deploymentName(NAME).list();
    all.forEach(each -> engine.getManagementService().registerDeploymentForJobExecutor(each.getId()));
    log.info("{} models deployed (current deployment {}, {} GridCare deployments registered for jobs)", count,
        deployed.getId(), all.size());
  }

  /** The path under {@code gridcare/}, the same in a jar and in a class folder. */
  static String nameOf(Resource resource) {
    try {
      String url = resource.getURL().toString();
      return url.substring(url.lastIndexOf(ROOT) + ROOT.length());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Resource[] resolve(String pattern) {
    try {
      return resources.getResources(pattern);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + pattern, e);
    }
  }

  private static InputStream open(Resource resource) {
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
