package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One served resource: what discovery lists, what the URL names, and what the dispatcher needs to know about
 * its semantics. Built-in types come from {@link BuiltinResources}; custom resources from stored CRDs.
 *
 * @param crd the stored CustomResourceDefinition for custom resources, {@code null} for built-in types
 */
public record ResourceType(
    String group,
    String version,
    String plural,
    String singular,
    String kind,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    boolean statusSubresource,
    boolean scaleSubresource,
    boolean tracksGeneration,
    List<PrinterColumn> printerColumns,
    ObjectNode crd) {

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code shieldmodels.shield.cybershield.io}, or {@code pods} for the core group: how errors name the resource. */
  public String qualifiedResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  public String groupVersionPath() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  public boolean isCustom() {
    return crd != null;
  }

  ResourceType withColumns(List<PrinterColumn> columns) {
    return new ResourceType(group, version, plural, singular, kind, namespaced, shortNames, categories,
        statusSubresource, scaleSubresource, tracksGeneration, List.copyOf(columns), crd);
  }

  public String listKind() {
    return kind + "List";
  }

  /** A printer column of a CRD's {@code additionalPrinterColumns}, or of a built-in table. */
  public record PrinterColumn(String name, String type, String format, String description, int priority, String jsonPath) {
  }
}
