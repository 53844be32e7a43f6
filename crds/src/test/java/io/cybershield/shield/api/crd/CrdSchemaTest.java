package io.cybershield.shield.api.crd;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated CRDs carry every name, column, default, bound and rule the API promises. */
class CrdSchemaTest {

  /** Subtrees whose schema comes from Kubernetes' own types (no descriptions, their own bounds). */
  private static final List<String> KUBERNETES_TYPES = List.of("tolerations", "env", "modelSelector", "resources",
      "imagePullSecrets");

  @ParameterizedTest
  @CsvSource({
      "ShieldModel, shieldmodels, shieldmodel, sm",
      "ShieldIncident, shieldincidents, shieldincident, si",
      "ShieldRetrain, shieldretrains, shieldretrain, sr" })
  void namesAndSubresources(String kind, String plural, String singular, String shortName) {
    CustomResourceDefinition crd = ShieldCrds.generated(kind);

    assertThat(crd.getMetadata().getName()).isEqualTo(plural + ".shield.cybershield.io");
    assertThat(crd.getSpec().getGroup()).isEqualTo("shield.cybershield.io");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getPlural()).isEqualTo(plural);
    assertThat(crd.getSpec().getNames().getSingular()).isEqualTo(singular);
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly(shortName);
    assertThat(crd.getSpec().getNames().getCategories()).containsExactly("shield");
    CustomResourceDefinitionVersion version = ShieldCrds.onlyVersion(crd);
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getServed()).isTrue();
    assertThat(version.getStorage()).isTrue();
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(version.getSchema().getOpenAPIV3Schema().getRequired()).containsExactly("spec");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ShieldModel | Ready,Version,Classification,Replicas,Age",
      "ShieldIncident | Severity,Phase,Age",
      "ShieldRetrain | Phase,Promoted,Last Outcome,Next Run,Schedule,Last Run,Age" })
  void printerColumnsInTheirOrder(String kind, String columns) {
    List<CustomResourceColumnDefinition> printerColumns =
        ShieldCrds.onlyVersion(ShieldCrds.generated(kind)).getAdditionalPrinterColumns();

    assertThat(printerColumns).extracting(CustomResourceColumnDefinition::getName)
        .containsExactly(columns.split(","));
    CustomResourceColumnDefinition age = printerColumns.get(printerColumns.size() - 1);
    assertThat(age.getJsonPath()).isEqualTo(".metadata.creationTimestamp");
    assertThat(age.getType()).isEqualTo("date");
  }

  @Test
  void printerColumnPaths() {
    assertThat(ShieldCrds.onlyVersion(ShieldCrds.generated("ShieldModel")).getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getJsonPath)
        .containsExactly(".status.conditions[?(@.type==\"Ready\")].status", ".status.servedVersion",
            ".spec.dataClassification", ".status.replicas", ".metadata.creationTimestamp");
    assertThat(ShieldCrds.onlyVersion(ShieldCrds.generated("ShieldRetrain")).getAdditionalPrinterColumns())
        .filteredOn(column -> column.getName().equals("Last Run"))
        .singleElement()
        .satisfies(column -> {
          assertThat(column.getJsonPath()).isEqualTo(".status.lastScheduleTime");
          assertThat(column.getType()).isEqualTo("date");
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ShieldModel | | the name of a ShieldModel must be a DNS-1035 label of at most 39 characters",
      "ShieldModel | spec | restricted data may not be placed in the private cloud",
      "ShieldModel | spec | every incident surge floor must be at most placement.privateCloud.maxReplicas",
      "ShieldModel | spec.variants | each request priority may be served by at most one variant",
      "ShieldModel | spec.placement | at least one pool must be able to run replicas",
      "ShieldModel | spec.placement.privateCloud | minReplicas must be less than or equal to maxReplicas",
      "ShieldModel | spec.variants[*] | tensorParallelDegree may not exceed gpu.count",
      "ShieldModel | spec.variants[*].gpu.resource | must be nvidia.com/gpu or a MIG resource",
      "ShieldModel | spec.model.uri | must be s3://<bucket>/<key>, pvc://<claim>/<path>",
      "ShieldModel | spec.variants[*].uri | must be s3://<bucket>/<key>, pvc://<claim>/<path>",
      "ShieldModel | spec.runtime.options | are set by their own spec.runtime fields",
      "ShieldModel | spec.access.roles[*].subjects[*] | namespace may only be set for subjects of kind ServiceAccount",
      "ShieldModel | spec.tls | tls needs a secretName, an issuerRef, or both",
      "ShieldModel | spec.access.siemWebhook.maxClockSkew | maxClockSkew must be between 1s and 1h",
      "ShieldIncident | spec.resolved | a resolved incident cannot be reopened",
      "ShieldRetrain | | the name of a ShieldRetrain must be a DNS-1035 label of at most 40 characters",
      "ShieldRetrain | spec.schedule | schedule must be a cron expression with five fields",
      "ShieldRetrain | spec.trainer | restricted datasets may only be trained on premises",
      "ShieldRetrain | spec.trainer.datasets[*].uri | must be s3://",
      "ShieldRetrain | spec.trainer.outputUri | must be s3://",
      "ShieldRetrain | spec.validation.dataset.uri | must be s3://",
      "ShieldRetrain | spec.validation.redTeam.suite | must be s3://" })
  void celRules(String kind, String path, String message) {
    assertThat(rulesAt(kind, path == null ? "" : path))
        .extracting(ValidationRule::getMessage)
        .anySatisfy(m -> assertThat(m).contains(message));
  }

  @Test
  void surgeFloorRuleReportsAtTheFloors() {
    assertThat(rulesAt("ShieldModel", "spec"))
        .filteredOn(rule -> rule.getMessage().startsWith("every incident surge floor"))
        .singleElement()
        .extracting(ValidationRule::getFieldPath)
        .isEqualTo(".autoscaling.incidentSurge.floors");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ShieldModel | spec.variants | map | name",
      "ShieldModel | spec.variants[*].priorities | set |",
      "ShieldModel | spec.access.roles | map | name",
      "ShieldModel | spec.access.roles[*].apis | set |",
      "ShieldModel | status.conditions | map | type",
      "ShieldModel | status.variants | map | name",
      "ShieldModel | status.variants[*].pools | map | pool",
      "ShieldModel | status.activeIncidents | map | name",
      "ShieldIncident | status.conditions | map | type",
      "ShieldIncident | status.models | map | name",
      "ShieldRetrain | spec.trainer.datasets | map | name",
      "ShieldRetrain | status.conditions | map | type" })
  void listTypes(String kind, String path, String listType, String key) {
    JSONSchemaProps list = SchemaNodes.at(kind, path);

    assertThat(list.getXKubernetesListType()).isEqualTo(listType);
    if (key != null) {
      assertThat(list.getXKubernetesListMapKeys()).containsExactly(key);
      assertThat(list.getItems().getSchema().getRequired()).as("map keys must be required").contains(key);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ShieldModel | spec.variants[*].gpu.count | 1 | 16",
      "ShieldModel | spec.runtime.tensorParallelDegree | 1 | 16",
      "ShieldModel | spec.variants[*].tensorParallelDegree | 1 | 16",
      "ShieldModel | spec.placement.onPrem.replicas | 0 | 64",
      "ShieldModel | spec.placement.privateCloud.minReplicas | 0 | 256",
      "ShieldModel | spec.placement.privateCloud.maxReplicas | 0 | 256",
      "ShieldModel | spec.autoscaling.incidentSurge.floors.critical | 0 | 256",
      "ShieldRetrain | spec.trainer.gpu.count | 1 | 16",
      "ShieldRetrain | spec.validation.thresholds.precision | 0 | 1",
      "ShieldRetrain | spec.validation.thresholds.recall | 0 | 1",
      "ShieldRetrain | spec.validation.thresholds.f1 | 0 | 1",
      "ShieldRetrain | spec.validation.redTeam.maxAttackSuccessRate | 0 | 1",
      "ShieldRetrain | spec.promotion.keepVersions | 1 | 20",
      "ShieldRetrain | spec.historyLimit | 1 | 50" })
  void numericBounds(String kind, String path, double minimum, double maximum) {
    JSONSchemaProps property = SchemaNodes.at(kind, path);

    assertThat(property.getMinimum()).isEqualTo(minimum);
    assertThat(property.getMaximum()).isEqualTo(maximum);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ShieldModel | spec.runtime | {}",
      "ShieldModel | spec.runtime.image | \"deepjavalibrary/djl-serving:0.36.0-lmi\"",
      "ShieldModel | spec.runtime.tensorParallelDegree | 1",
      "ShieldModel | spec.variants[*].gpu.resource | \"nvidia.com/gpu\"",
      "ShieldModel | spec.placement.onPrem.replicas | 1",
      "ShieldModel | spec.placement.privateCloud.minReplicas | 0",
      "ShieldModel | spec.autoscaling.target.metric | \"inflight-requests\"",
      "ShieldModel | spec.autoscaling.incidentSurge.cooldown | \"15m\"",
      "ShieldIncident | spec.expiresAfter | \"24h\"",
      "ShieldIncident | spec.resolved | false",
      "ShieldRetrain | spec.suspend | false",
      "ShieldRetrain | spec.trainer.placement | {}",
      "ShieldRetrain | spec.trainer.placement.pool | \"onprem\"",
      "ShieldRetrain | spec.validation.thresholds | {}",
      "ShieldRetrain | spec.validation.thresholds.precision | 0.9",
      "ShieldRetrain | spec.validation.redTeam.maxAttackSuccessRate | 0.05",
      "ShieldRetrain | spec.promotion | {}",
      "ShieldRetrain | spec.promotion.policy | \"automatic\"",
      "ShieldRetrain | spec.promotion.keepVersions | 3",
      "ShieldRetrain | spec.promotion.rolloutDeadline | \"30m\"",
      "ShieldRetrain | spec.historyLimit | 5" })
  void defaults(String kind, String path, String json) {
    assertThat(SchemaNodes.at(kind, path).getDefault()).hasToString(json);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ShieldModel | spec.dataClassification | confidential,internal,public,restricted",
      "ShieldModel | spec.variants[*].priorities[*] | critical,high,low,normal",
      "ShieldModel | spec.variants[*].quantize | awq,bitsandbytes,fp8,gptq",
      "ShieldModel | spec.runtime.dtype | auto,bf16,fp16,fp32",
      "ShieldModel | spec.runtime.rollingBatch | auto,disable,trtllm,vllm",
      "ShieldModel | spec.access.roles[*].name | admin,analyst,awareness,responder",
      "ShieldModel | spec.access.roles[*].apis[*] | awareness,chat,generate,guard,incidents,triage",
      "ShieldModel | spec.access.roles[*].subjects[*].kind | Group,ServiceAccount,User",
      "ShieldModel | status.conditions[*].status | False,True,Unknown",
      "ShieldIncident | spec.severity | critical,high,low,medium",
      "ShieldIncident | status.phase | Active,Expired,Resolved",
      "ShieldRetrain | spec.trainer.datasets[*].classification | confidential,internal,public,restricted",
      "ShieldRetrain | spec.trainer.placement.pool | onprem,private-cloud",
      "ShieldRetrain | spec.promotion.policy | automatic,manual" })
  void closedValueSets(String kind, String path, String values) {
    assertThat(SchemaNodes.at(kind, path).getEnum())
        .containsExactly(Stream.of(values.split(",")).map(JsonNodeFactory.instance::textNode)
            .toArray(com.fasterxml.jackson.databind.JsonNode[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ShieldModel:spec.autoscaling.incidentSurge.cooldown",
      "ShieldIncident:spec.expiresAfter",
      "ShieldRetrain:spec.promotion.rolloutDeadline",
      "ShieldRetrain:spec.trainer.timeout",
      "ShieldRetrain:spec.validation.timeout" })
  void durationsAreGoDurations(String kindAndPath) {
    String[] parts = kindAndPath.split(":");
    JSONSchemaProps duration = SchemaNodes.at(parts[0], parts[1]);

    assertThat(duration.getPattern()).isEqualTo(ApiValidation.DURATION);
    Pattern pattern = Pattern.compile(duration.getPattern());
    assertThat(List.of("15m", "12h", "1h30m", "90s", "1.5h", "500ms")).allMatch(d -> pattern.matcher(d).matches());
    assertThat(List.of("", "15", "15 minutes", "1d", "-5m", "m")).noneMatch(d -> pattern.matcher(d).matches());
  }

  @Test
  void variantNamesAreBoundedDnsLabels() {
    JSONSchemaProps name = SchemaNodes.at("ShieldModel", "spec.variants[*].name");

    assertThat(name.getPattern()).isEqualTo(ApiValidation.DNS_LABEL);
    assertThat(name.getMaxLength()).isEqualTo(16L);
    assertThat(SchemaNodes.at("ShieldModel", "spec.variants").getMinItems()).isEqualTo(1L);
    assertThat(SchemaNodes.at("ShieldModel", "spec.variants").getMaxItems()).isEqualTo(8L);
  }

  @Test
  void everyShieldFieldIsDocumented() {
    List<String> undocumented = SchemaNodes.all().stream()
        .filter(node -> !node.path().isEmpty() && !node.path().endsWith("[*]"))
        .filter(node -> !insideKubernetesType(node.path()))
        .filter(node -> node.schema().getDescription() == null || node.schema().getDescription().isBlank())
        .map(SchemaNodes.Node::toString)
        .toList();

    assertThat(undocumented).as("kubectl explain shows these descriptions").isEmpty();
  }

  @Test
  void everySpecStringListAndMapIsBounded() {
    List<String> unbounded = SchemaNodes.all().stream()
        .filter(node -> node.path().startsWith("spec.") && !insideKubernetesType(node.path()))
        .filter(node -> switch (String.valueOf(node.schema().getType())) {
          case "string" -> node.schema().getMaxLength() == null && node.schema().getEnum() == null;
          case "array" -> node.schema().getMaxItems() == null;
          case "object" -> node.schema().getAdditionalProperties() != null
              && node.schema().getMaxProperties() == null;
          default -> false;
        })
        .map(SchemaNodes.Node::toString)
        .toList();

    assertThat(unbounded).as("the API server estimates CEL cost from these bounds").isEmpty();
  }

  private static boolean insideKubernetesType(String path) {
    return KUBERNETES_TYPES.stream().anyMatch(type -> path.contains("." + type + ".") || path.contains("." + type + "[")
        || path.startsWith(type + "."));
  }

  private static List<ValidationRule> rulesAt(String kind, String path) {
    List<ValidationRule> rules = SchemaNodes.at(kind, path).getXKubernetesValidations();
    return rules == null ? List.of() : rules;
  }
}
