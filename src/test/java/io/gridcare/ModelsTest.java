package io.gridcare;

import static org.assertj.core.api.Assertions.assertThat;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every model an analyst commits must deploy, open in Camunda Modeler with its diagram, have readable ids and a
 * history time to live, and find its forms.
 */
class ModelsTest {

  /** Ids the Modeler generates ({@code Activity_1w131lg}, {@code Flow_0abc123}, {@code sid-...}). */
  private static final Pattern GENERATED_ID =
      Pattern.compile("[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}|sid-[0-9A-Fa-f-]+|_[0-9A-Fa-f-]{20,}");

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void processesFolderHoldsModels() throws IOException {
    assertThat(files(PROCESSES, ".bpmn")).isNotEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyBpmnIsReadableAndComplete() throws IOException {
    Set<String> formIds = forms().keySet();
    return files(PROCESSES, ".bpmn").stream().map(file -> dynamicTest(file.toString(), () -> {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Bpmn.validateModel(model);

      List<String> ids = model.getModelElementsByType(BaseElement.class).stream().map(BaseElement::getId).toList();
      assertThat(ids).as("readable ids").noneMatch(id -> id != null && GENERATED_ID.matcher(id).matches());

      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).forEach(process ->
          assertThat(process.getCamundaHistoryTimeToLiveString()).as("history time to live of " + process.getId())
              .isNotBlank());

      Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
          .map(BpmnShape::getBpmnElement).filter(Objects::nonNull).map(BaseElement::getId).collect(toSet());
      Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
          .map(BpmnEdge::getBpmnElement).filter(Objects::nonNull).map(BaseElement::getId).collect(toSet());
      model.getModelElementsByType(FlowNode.class).forEach(node ->
          assertThat(shapes).as("diagram shape of " + node.getId()).contains(node.getId()));
      model.getModelElementsByType(SequenceFlow.class).forEach(flow ->
          assertThat(edges).as("diagram edge of " + flow.getId()).contains(flow.getId()));

      model.getModelElementsByType(UserTask.class).stream()
          .map(UserTask::getCamundaFormRef).filter(ref -> ref != null && !ref.isBlank())
          .forEach(ref -> assertThat(formIds).as("form of formRef " + ref).contains(ref));
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyDmnIsReadableAndComplete() throws IOException {
    return files(PROCESSES, ".dmn").stream().map(file -> dynamicTest(file.toString(), () -> {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      Dmn.validateModel(model);
      List<String> ids = model.getModelElementsByType(DmnElement.class).stream().map(DmnElement::getId).toList();
      assertThat(ids).as("readable ids").noneMatch(id -> id != null && GENERATED_ID.matcher(id).matches());
      model.getModelElementsByType(Decision.class).forEach(decision ->
          assertThat(decision.getCamundaHistoryTimeToLiveString()).as("history time to live of " + decision.getId())
              .isNotBlank());
      assertThat(Files.readString(file)).as("diagram interchange").contains("DMNDiagram");
    }));
  }

  @Test
  void everyFormHasAUniqueId() throws IOException {
    Map<String, Path> forms = forms();
    assertThat(forms).hasSameSizeAs(files(FORMS, ".form"));
  }

  @Test
  void allModelsDeployTogetherAsTheServerDeploysThem() throws IOException {
    ProcessEngine engine = ProcessTestEngine.get();
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("models-test");
    for (Path file : allModelFiles()) {
      deployment.addInputStream(file.toString(), Files.newInputStream(file));
    }
    String id = deployment.deploy().getId();
    try {
      long definitions = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(id).count();
      assertThat(definitions).isEqualTo(files(PROCESSES, ".bpmn").size());
    } finally {
      engine.getRepositoryService().deleteDeployment(id, true);
    }
  }

  private static Map<String, Path> forms() throws IOException {
    Map<String, Path> byId = new HashMap<>();
    for (Path file : files(FORMS, ".form")) {
      JsonNode form = JSON.readTree(file.toFile());
      String id = form.path("id").asText("");
      assertThat(id).as("id of " + file).isNotBlank();
      assertThat(byId.put(id, file)).as("form id " + id + " used once").isNull();
    }
    return byId;
  }

  private static List<Path> allModelFiles() throws IOException {
    List<Path> all = new ArrayList<>(files(PROCESSES, ".bpmn"));
    all.addAll(files(PROCESSES, ".dmn"));
    all.addAll(files(FORMS, ".form"));
    return all;
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
