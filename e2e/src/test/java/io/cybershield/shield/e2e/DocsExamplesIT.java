package io.cybershield.shield.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.testing.Kubectl;
import io.cybershield.shield.sandbox.testing.Kubectl.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every example shipped in docs/ is accepted by an API server, as Strimzi's ExamplesTest does it: each fenced
 * {@code yaml} block of every docs/**.md and every docs/examples/**.yaml that holds Kubernetes objects (documents
 * with {@code apiVersion} and {@code kind}) is applied with the real {@code kubectl apply --server-side
 * --validate=strict} to the sandbox with the Shield CRDs installed, namespaced objects into a fresh namespace of
 * their own. Strict field validation makes a misspelt field of a Shield object fail instead of being pruned with a
 * warning (the sandbox checks custom resources against their schemas; built-in kinds it does not validate).
 * <p>
 * A block meant to be refused (an example of an error) is preceded in its Markdown by
 * {@code <!-- expect-refused: <part of the message> -->} (a YAML file: a first line {@code # expect-refused: ...}),
 * holds one object, and must be refused with that message. Objects of kinds the sandbox does not serve are listed
 * in {@link #UNSERVED} with the reason; any other kind fails the test, so nothing is skipped silently. A block that
 * holds objects but is not meant to be applied as it stands (a patch, an excerpt) is preceded by
 * {@code <!-- not-applied: <why> -->} and reported as skipped with that reason. Blocks without objects (fragments
 * of a spec, Helm values) must still parse as YAML.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocsExamplesIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path DOCS = ROOT.resolve("docs");
  private static final Path CRDS = ROOT.resolve("helm/shield-operator/crds");

  /** Kinds (API group/kind) the sandbox does not serve, and why their examples are not applied. */
  static final Map<String, String> UNSERVED = Map.ofEntries(
      Map.entry("argoproj.io/Application", "Argo CD's CRD: the sandbox runs no Argo CD; "
          + "the deploy module's argocd tests check the Applications"),
      Map.entry("argoproj.io/AppProject", "Argo CD's CRD: the sandbox runs no Argo CD"),
      Map.entry("argoproj.io/ApplicationSet", "Argo CD's CRD: the sandbox runs no Argo CD"),
      Map.entry("monitoring.coreos.com/PrometheusRule", "the Prometheus Operator's CRD, not installed on the "
          + "sandbox; the deploy module's monitoring tests check the rules"),
      Map.entry("monitoring.coreos.com/ServiceMonitor", "the Prometheus Operator's CRD, not installed on the "
          + "sandbox (the operator writes ServiceMonitors only where it exists)"),
      Map.entry("monitoring.coreos.com/PodMonitor", "the Prometheus Operator's CRD, not installed on the sandbox"),
      Map.entry("keda.sh/ScaledObject", "KEDA's CRD, not installed on the sandbox (the operator writes "
          + "ScaledObjects only where it exists; operator tests install a copy of it)"),
      Map.entry("cert-manager.io/Certificate", "cert-manager's CRD, not installed on the sandbox"),
      Map.entry("cert-manager.io/Issuer", "cert-manager's CRD, not installed on the sandbox"),
      Map.entry("cert-manager.io/ClusterIssuer", "cert-manager's CRD, not installed on the sandbox"),
      Map.entry("kustomize.config.k8s.io/Kustomization", "a kustomize file, read by kustomize, not an API object"),
      Map.entry("audit.k8s.io/Policy", "a kube-apiserver audit policy file (--audit-policy-file), not an API object"));

  private static final Pattern FENCE = Pattern.compile("^```ya?ml[ \\t]*$");
  private static final Pattern EXPECT_REFUSED = Pattern.compile("^<!--\\s*expect-refused:\\s*(.+?)\\s*-->$");
  private static final Pattern NOT_APPLIED = Pattern.compile("^<!--\\s*not-applied:\\s*(.+?)\\s*-->$");
  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---[ \\t]*$");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private SandboxCluster cluster;
  private Kubectl kubectl;
  /** Kind key (group/kind) → namespaced, from the sandbox's discovery. */
  private final Map<String, Boolean> served = new HashMap<>();
  private final AtomicInteger namespaces = new AtomicInteger();

  /** One fenced block of a Markdown file, or one YAML file. */
  record Block(Path file, int line, String yaml, String expectRefused, String notApplied) {
    String where() {
      return ROOT.relativize(file) + (line > 0 ? " (block at line " + line + ")" : "");
    }
  }

  @BeforeAll
  void start() throws IOException {
    assumeTrue(Kubectl.requiredOnCi(), "kubectl is not on the PATH");
    cluster = SandboxCluster.start(0);
    kubectl = new Kubectl(cluster.writeKubeconfig(Files.createTempDirectory("docs").resolve("kubeconfig")));
    kubectl.ok("apply", "--server-side", "-f", CRDS.toString());
    // NAME [SHORTNAMES] APIVERSION NAMESPACED KIND: the last three columns are always there
    for (String line : kubectl.ok("api-resources", "--no-headers").split("\n")) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length >= 4) {
        String apiVersion = columns[columns.length - 3];
        served.put(group(apiVersion) + "/" + columns[columns.length - 1],
            Boolean.parseBoolean(columns[columns.length - 2]));
      }
    }
    assertThat(served).containsKeys("/ServiceAccount", "shield.cybershield.io/ShieldModel");
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void docsHoldExamplesToApply() throws IOException {
    List<Block> withObjects = new ArrayList<>();
    for (Block block : blocks()) {
      if (!objects(block).isEmpty()) {
        withObjects.add(block);
      }
    }
    assertThat(withObjects).as("blocks with Kubernetes objects in docs/").hasSizeGreaterThan(10);
    assertThat(withObjects).extracting(block -> ROOT.relativize(block.file()).toString())
        .contains("docs/examples/threat-intel.yaml", "docs/guides/shieldmodel.md");
  }

  @TestFactory
  Stream<DynamicTest> everyExampleIsAcceptedOrRefusedAsMarked() throws IOException {
    return blocks().stream().map(block -> DynamicTest.dynamicTest(block.where(), () -> check(block)));
  }

  private void check(Block block) throws IOException {
    List<ObjectNode> objects = objects(block);
    if (objects.isEmpty()) {
      assertThat(block.expectRefused()).as("%s is marked expect-refused but holds no Kubernetes object",
          block.where()).isNull();
      assertThat(block.notApplied()).as("%s is marked not-applied but holds no Kubernetes object",
          block.where()).isNull();
      return;
    }
    // a block the Markdown marks as not an object to apply (a patch, an excerpt): reported as skipped, with why
    assumeTrue(block.notApplied() == null, block.where() + " is marked not-applied: " + block.notApplied());
    String namespace = "docs-" + namespaces.incrementAndGet();
    kubectl.ok("create", "namespace", namespace);
    if (block.expectRefused() != null) {
      assertThat(objects).as("%s is marked expect-refused and must hold exactly one object", block.where())
          .hasSize(1);
      ObjectNode object = objects.get(0);
      String unserved = unserved(object, block);
      assertThat(unserved).as("%s: an expect-refused example must be of a kind the sandbox serves", block.where())
          .isNull();
      Result result = apply(object, namespace);
      assertThat(result.exitCode()).as("%s: %s was accepted, but the docs say it is refused with \"%s\"",
          block.where(), describe(object), block.expectRefused()).isNotZero();
      assertThat(result.stderr()).as("%s: %s was refused, but not with the message the docs give",
          block.where(), describe(object)).contains(block.expectRefused());
      return;
    }
    List<String> notApplied = new ArrayList<>();
    for (ObjectNode object : objects) {
      String unserved = unserved(object, block);
      if (unserved != null) {
        notApplied.add(describe(object) + ": " + unserved);
        continue;
      }
      assertThat(object.path("metadata").path("name").isTextual())
          .as("%s: a %s needs metadata.name to be applied", block.where(), object.path("kind").asText()).isTrue();
      Result result = apply(object, namespace);
      if (!result.ok() || !result.stdout().contains("serverside-applied")) {
        fail("%s: %s was not accepted by kubectl apply --server-side --validate=strict:%n%s%n--- the object as "
            + "applied%n%s", block.where(), describe(object), result,
            YAML.writeValueAsString(prepared(object, namespace)));
      }
    }
    if (!notApplied.isEmpty()) {
      System.out.println(block.where() + ": not applied (listed in DocsExamplesIT.UNSERVED): " + notApplied);
    }
  }

  /** The object's kind is not served: its reason from UNSERVED; an unknown kind fails here, naming where. */
  private String unserved(ObjectNode object, Block block) {
    String key = group(object.path("apiVersion").asText()) + "/" + object.path("kind").asText();
    if (served.containsKey(key)) {
      return null;
    }
    String reason = UNSERVED.get(key);
    if (reason == null) {
      fail("%s: %s (%s) is a kind the sandbox does not serve: fix the example, or list %s in "
          + "DocsExamplesIT.UNSERVED with the reason it cannot be applied", block.where(), describe(object),
          object.path("apiVersion").asText(), key);
    }
    return reason;
  }

  private Result apply(ObjectNode object, String namespace) throws IOException {
    return kubectl.runWithInput(JSON.writeValueAsString(prepared(object, namespace)),
        "apply", "--server-side", "--validate=strict", "-f", "-");
  }

  /** A copy of the object moved into the test's namespace, when its kind is namespaced. */
  private ObjectNode prepared(ObjectNode object, String namespace) {
    ObjectNode copy = object.deepCopy();
    String key = group(copy.path("apiVersion").asText()) + "/" + copy.path("kind").asText();
    if (served.getOrDefault(key, true) && copy.path("metadata").isObject()) {
      ((ObjectNode) copy.get("metadata")).put("namespace", namespace);
    }
    return copy;
  }

  /** The Kubernetes objects of a block; other documents must still be YAML (a fragment, Helm values). */
  private static List<ObjectNode> objects(Block block) throws IOException {
    List<ObjectNode> objects = new ArrayList<>();
    int index = 0;
    for (String document : DOCUMENT_SEPARATOR.split(block.yaml())) {
      index++;
      JsonNode node;
      try (MappingIterator<JsonNode> parsed = YAML.readerFor(JsonNode.class).readValues(document)) {
        node = parsed.hasNext() ? parsed.next() : null;
      } catch (IOException e) {
        throw new AssertionError(block.where() + ", document " + index + " is not valid YAML: " + e.getMessage(), e);
      }
      if (node instanceof ObjectNode object && object.path("apiVersion").isTextual()
          && object.path("kind").isTextual()) {
        objects.add(object);
      }
    }
    return objects;
  }

  /** Every fenced yaml block of docs/**.md and every docs/examples YAML file, in path order. */
  static List<Block> blocks() throws IOException {
    List<Block> blocks = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(DOCS)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.endsWith(".md")) {
        blocks.addAll(markdownBlocks(file));
      } else if (file.startsWith(DOCS.resolve("examples")) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        Matcher marker = Pattern.compile("^#\\s*expect-refused:\\s*(.+?)\\s*$").matcher(yaml.lines().findFirst()
            .orElse(""));
        blocks.add(new Block(file, 0, yaml, marker.matches() ? marker.group(1) : null, null));
      }
    }
    return blocks;
  }

  static List<Block> markdownBlocks(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!FENCE.matcher(lines.get(i).strip()).matches() || !lines.get(i).startsWith("```")) {
        continue;
      }
      int start = i;
      StringBuilder yaml = new StringBuilder();
      for (i = i + 1; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
        yaml.append(lines.get(i)).append('\n');
      }
      if (i >= lines.size()) {
        throw new AssertionError(ROOT.relativize(file) + ": the yaml block at line " + (start + 1)
            + " is never closed");
      }
      String expectRefused = null;
      String notApplied = null;
      for (int back = start - 1; back >= 0; back--) {
        String previous = lines.get(back).strip();
        if (previous.isEmpty()) {
          continue;
        }
        Matcher refused = EXPECT_REFUSED.matcher(previous);
        Matcher skipped = NOT_APPLIED.matcher(previous);
        if (refused.matches()) {
          expectRefused = refused.group(1);
        } else if (skipped.matches()) {
          notApplied = skipped.group(1);
        }
        break;
      }
      blocks.add(new Block(file, start + 1, yaml.toString(), expectRefused, notApplied));
    }
    return blocks;
  }

  private static String describe(JsonNode object) {
    return object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
  }

  private static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
