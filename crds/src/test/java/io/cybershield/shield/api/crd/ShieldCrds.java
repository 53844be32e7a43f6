package io.cybershield.shield.api.crd;

import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The CRDs as the crd-generator-maven-plugin wrote them (into target/classes/META-INF/fabric8), with the
 * post-processing steps the plugin cannot do: the printer columns are put in the order they are declared on the
 * Java class (the generator sorts them by JSON path, which would put Age first), and the {@link #INSTALL_ANNOTATIONS}
 * that tell Helm and Argo CD how to treat a CRD are added.
 */
public final class ShieldCrds {

  /** The command that regenerates the CRDs the Helm chart ships. */
  public static final String UPDATE_COMMAND = "mvn -B -pl crds verify -Dshield.crds.update=true";

  /** The Java type of each kind. */
  public static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
      "ShieldModel", ShieldModel.class,
      "ShieldIncident", ShieldIncident.class,
      "ShieldRetrain", ShieldRetrain.class);

  /**
   * What the installers must know about every CRD: Helm keeps it on uninstall (deleting a CRD deletes every Shield
   * object in the cluster, as cert-manager and Strimzi warn), and Argo CD applies it first (sync wave -1, before the
   * Shield objects that need it) and server-side (a CRD's schema is larger than the last-applied annotation allows).
   */
  public static final Map<String, String> INSTALL_ANNOTATIONS = Map.of(
      "helm.sh/resource-policy", "keep",
      "argocd.argoproj.io/sync-wave", "-1",
      "argocd.argoproj.io/sync-options", "ServerSideApply=true");

  static final String HEADER = "# Generated from the Java types in crds/ by the fabric8 crd-generator-maven-plugin;"
      + " do not edit.\n# Refresh with: " + UPDATE_COMMAND + "\n";

  private ShieldCrds() {
  }

  /** Directory the plugin generated into. */
  public static Path generatedDir() {
    return Path.of(System.getProperty("shield.crds.generatedDir", "target/crd-generator"));
  }

  /** The Helm chart's crds directory, the committed copy. */
  public static Path helmDir() {
    return Path.of(System.getProperty("shield.crds.helmDir", "../helm/shield-operator/crds"));
  }

  private static Map<String, CustomResourceDefinition> generated;

  /** Generated CRDs by file name, post-processed; read once per test run, so callers must not modify them. */
  public static synchronized Map<String, CustomResourceDefinition> generated() {
    if (generated == null) {
      generated = Collections.unmodifiableMap(readGenerated());
    }
    return generated;
  }

  private static Map<String, CustomResourceDefinition> readGenerated() {
    Map<String, CustomResourceDefinition> crds = new LinkedHashMap<>();
    for (Path file : crdFiles(generatedDir())) {
      CustomResourceDefinition crd = read(file);
      orderPrinterColumns(crd);
      annotate(crd);
      crds.put(file.getFileName().toString(), crd);
    }
    if (crds.size() != TYPES.size()) {
      throw new IllegalStateException("expected " + TYPES.size() + " generated CRDs in " + generatedDir()
          + " but found " + crds.keySet() + "; did the crd-generator-maven-plugin run (mvn process-classes)?");
    }
    return crds;
  }

  /** The generated CRD of a kind. */
  public static CustomResourceDefinition generated(String kind) {
    return generated().values().stream()
        .filter(crd -> crd.getSpec().getNames().getKind().equals(kind))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no CRD for kind " + kind));
  }

  /** The single served version's OpenAPI schema of a kind. */
  public static JSONSchemaProps schema(String kind) {
    return onlyVersion(generated(kind)).getSchema().getOpenAPIV3Schema();
  }

  public static CustomResourceDefinitionVersion onlyVersion(CustomResourceDefinition crd) {
    List<CustomResourceDefinitionVersion> versions = crd.getSpec().getVersions();
    if (versions.size() != 1) {
      throw new IllegalStateException(crd.getMetadata().getName() + " has " + versions.size() + " versions");
    }
    return versions.get(0);
  }

  /** The YAML files of CRDs in a directory, sorted by name. */
  public static List<Path> crdFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yml")
          || f.getFileName().toString().endsWith(".yaml"))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CustomResourceDefinition read(Path file) {
    try {
      return Serialization.unmarshal(Files.readString(file, StandardCharsets.UTF_8), CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a CRD the way the Helm chart keeps it: a header saying where it comes from, then the YAML. */
  public static void write(CustomResourceDefinition crd, Path file) {
    String yaml = Serialization.asYaml(crd);
    if (yaml.startsWith("---\n")) {
      yaml = yaml.substring(4);
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, HEADER + yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void annotate(CustomResourceDefinition crd) {
    Map<String, String> annotations = new TreeMap<>();
    if (crd.getMetadata().getAnnotations() != null) {
      annotations.putAll(crd.getMetadata().getAnnotations());
    }
    annotations.putAll(INSTALL_ANNOTATIONS);
    crd.getMetadata().setAnnotations(annotations);
  }

  static void orderPrinterColumns(CustomResourceDefinition crd) {
    Class<? extends HasMetadata> type = TYPES.get(crd.getSpec().getNames().getKind());
    if (type == null) {
      throw new IllegalStateException("unexpected CRD " + crd.getMetadata().getName());
    }
    List<String> declared = Stream.of(type.getAnnotationsByType(AdditionalPrinterColumn.class))
        .map(AdditionalPrinterColumn::name)
        .toList();
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      List<CustomResourceColumnDefinition> columns = new ArrayList<>(version.getAdditionalPrinterColumns());
      columns.sort(Comparator.comparingInt(column -> {
        int index = declared.indexOf(column.getName());
        if (index < 0) {
          throw new IllegalStateException("printer column " + column.getName() + " is not declared on " + type);
        }
        return index;
      }));
      version.setAdditionalPrinterColumns(columns);
    }
  }
}
