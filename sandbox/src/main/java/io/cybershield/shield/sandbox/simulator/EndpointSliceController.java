package io.cybershield.shield.sandbox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * kube-controller-manager's EndpointSlice controller for Services with a selector: the selected pods that have an
 * IP and are not terminal become endpoints ({@code ready} = pod Ready and not terminating, {@code serving} = pod
 * Ready, {@code terminating} = being deleted), grouped into slices by the ports their container ports resolve the
 * Service's target ports to (a named target port can resolve differently per pod, or not at all), at most
 * {@value #MAX_ENDPOINTS_PER_SLICE} endpoints a slice. A Service that selects no pod keeps one empty placeholder
 * slice. Slices are named {@code <service>-<random>}, labelled {@value #SERVICE_NAME_LABEL} and
 * {@value #MANAGED_BY_LABEL}={@value #MANAGED_BY}, and owned by their Service (a controller reference, so that the
 * API server's garbage collector removes them with it; the controller also deletes them itself, for API servers
 * without one).
 */
final class EndpointSliceController {

  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  static final String MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
  static final String MANAGED_BY = "endpointslice-controller.k8s.io";
  static final int MAX_ENDPOINTS_PER_SLICE = 100;

  private final SimContext ctx;

  EndpointSliceController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(String ns, String name) {
    Service service = ctx.cached(ctx.services, ns, name);
    List<EndpointSlice> existing = ctx.endpointSlices.getStore().list().stream()
        .filter(s -> Objects.equals(ns, s.getMetadata().getNamespace()))
        .filter(s -> name.equals(s.getMetadata().getLabels().get(SERVICE_NAME_LABEL))
            && MANAGED_BY.equals(s.getMetadata().getLabels().get(MANAGED_BY_LABEL)))
        .map(ctx::fresh)
        .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
        .toList();
    if (service == null || service.getSpec() == null || service.getSpec().getSelector() == null
        || service.getSpec().getSelector().isEmpty()) {
      existing.forEach(this::delete);
      return;
    }
    Map<List<EndpointPort>, List<Endpoint>> groups = desired(service);
    List<EndpointSlice> unused = new ArrayList<>(existing);
    for (Map.Entry<List<EndpointPort>, List<Endpoint>> group : groups.entrySet()) {
      List<Endpoint> endpoints = group.getValue();
      for (int from = 0; from == 0 || from < endpoints.size(); from += MAX_ENDPOINTS_PER_SLICE) {
        List<Endpoint> chunk = endpoints.subList(from, Math.min(endpoints.size(), from + MAX_ENDPOINTS_PER_SLICE));
        EndpointSlice reuse = unused.stream().filter(s -> Objects.equals(ports(s), group.getKey())).findFirst()
            .orElse(unused.isEmpty() ? null : unused.get(0));
        if (reuse != null) {
          unused.remove(reuse);
        }
        write(service, reuse, group.getKey(), chunk);
      }
    }
    unused.forEach(this::delete);
  }

  /** Endpoints by the ports they serve, in a stable order; one empty group when no pod is selected. */
  private Map<List<EndpointPort>, List<Endpoint>> desired(Service service) {
    Map<String, String> selector = service.getSpec().getSelector();
    String ns = service.getMetadata().getNamespace();
    boolean publishNotReady = Boolean.TRUE.equals(service.getSpec().getPublishNotReadyAddresses());
    Map<List<EndpointPort>, List<Endpoint>> groups = new LinkedHashMap<>();
    List<Pod> pods = ctx.pods.getStore().list().stream()
        .filter(p -> Objects.equals(ns, p.getMetadata().getNamespace()))
        .map(ctx::fresh)
        .filter(p -> selects(selector, p))
        .filter(p -> p.getStatus() != null && p.getStatus().getPodIP() != null && !p.getStatus().getPodIP().isEmpty())
        .filter(p -> !PodResources.isTerminal(p))
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .toList();
    for (Pod pod : pods) {
      boolean terminating = pod.getMetadata().getDeletionTimestamp() != null;
      boolean serving = podReady(pod) || publishNotReady;
      Endpoint endpoint = new EndpointBuilder()
          .withAddresses(pod.getStatus().getPodIP())
          .withNewConditions().withReady(serving && !terminating).withServing(serving).withTerminating(terminating)
          .endConditions()
          .withNodeName(pod.getSpec().getNodeName())
          .withTargetRef(new ObjectReferenceBuilder().withKind("Pod").withNamespace(ns)
              .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid()).build())
          .build();
      groups.computeIfAbsent(resolvePorts(service, pod), k -> new ArrayList<>()).add(endpoint);
    }
    if (groups.isEmpty()) {
      groups.put(List.of(), List.of());
    }
    return groups;
  }

  /** The Service's ports as this pod serves them; a named target port the pod has no container port for is left out. */
  static List<EndpointPort> resolvePorts(Service service, Pod pod) {
    List<EndpointPort> result = new ArrayList<>();
    for (ServicePort sp : service.getSpec().getPorts()) {
      String protocol = sp.getProtocol() == null ? "TCP" : sp.getProtocol();
      Integer port = targetPort(sp, protocol, pod);
      if (port == null) {
        continue;
      }
      result.add(new EndpointPortBuilder().withName(sp.getName() == null ? "" : sp.getName()).withProtocol(protocol)
          .withPort(port).withAppProtocol(sp.getAppProtocol()).build());
    }
    return result;
  }

  private static Integer targetPort(ServicePort sp, String protocol, Pod pod) {
    IntOrString target = sp.getTargetPort();
    if (target == null
        || (target.getIntVal() == null && (target.getStrVal() == null || target.getStrVal().isEmpty()))) {
      return sp.getPort();
    }
    if (target.getIntVal() != null) {
      return target.getIntVal();
    }
    for (Container c : pod.getSpec().getContainers()) {
      for (ContainerPort cp : c.getPorts()) {
        String cpProtocol = cp.getProtocol() == null ? "TCP" : cp.getProtocol();
        if (target.getStrVal().equals(cp.getName()) && protocol.equals(cpProtocol)) {
          return cp.getContainerPort();
        }
      }
    }
    return null;
  }

  static boolean selects(Map<String, String> selector, Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels != null && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  static boolean podReady(Pod pod) {
    if (pod.getStatus() == null) {
      return false;
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }

  private static List<EndpointPort> ports(EndpointSlice slice) {
    return slice.getPorts() == null ? List.of() : slice.getPorts();
  }

  private void write(Service service, EndpointSlice current, List<EndpointPort> ports, List<Endpoint> endpoints) {
    String ns = service.getMetadata().getNamespace();
    Map<String, String> labels = new LinkedHashMap<>();
    if (service.getMetadata().getLabels() != null) {
      labels.putAll(service.getMetadata().getLabels());
    }
    labels.put(SERVICE_NAME_LABEL, service.getMetadata().getName());
    labels.put(MANAGED_BY_LABEL, MANAGED_BY);
    if ("None".equals(service.getSpec().getClusterIP())) {
      labels.put("service.kubernetes.io/headless", "");
    }
    if (current == null) {
      EndpointSlice slice = new EndpointSliceBuilder()
          .withNewMetadata().withNamespace(ns).withName(Names.withRandomSuffix(service.getMetadata().getName()))
          .withLabels(labels).withOwnerReferences(SimContext.ownerRefTo(withKind(service))).endMetadata()
          .withAddressType("IPv4")
          .withEndpoints(endpoints)
          .withPorts(ports.isEmpty() && endpoints.isEmpty() ? null : ports)
          .build();
      ctx.remember(ctx.client.discovery().v1().endpointSlices().inNamespace(ns).resource(slice).create());
      return;
    }
    EndpointSlice next = SimContext.copy(current);
    ObjectMeta meta = next.getMetadata();
    meta.setLabels(labels);
    meta.setOwnerReferences(List.of(SimContext.ownerRefTo(withKind(service))));
    next.setAddressType("IPv4");
    next.setEndpoints(endpoints);
    next.setPorts(ports.isEmpty() && endpoints.isEmpty() ? null : ports);
    if (Objects.equals(next.getMetadata().getLabels(), current.getMetadata().getLabels())
        && Objects.equals(next.getMetadata().getOwnerReferences(), current.getMetadata().getOwnerReferences())
        && json(next.getEndpoints()).equals(json(current.getEndpoints()))
        && json(ports(next)).equals(json(ports(current)))) {
      return;
    }
    ctx.remember(ctx.client.discovery().v1().endpointSlices().inNamespace(ns).resource(next).update());
  }

  /** Compared as JSON: a slice read back has empty collections where one built here has none. */
  private static JsonNode json(Object value) {
    return SimContext.SERIALIZATION.convertValue(value == null ? List.of() : value, JsonNode.class);
  }

  private static Service withKind(Service service) {
    if (service.getApiVersion() == null || service.getKind() == null) {
      Service copy = SimContext.copy(service);
      copy.setApiVersion("v1");
      copy.setKind("Service");
      return copy;
    }
    return service;
  }

  private void delete(EndpointSlice slice) {
    try {
      ctx.client.discovery().v1().endpointSlices().inNamespace(slice.getMetadata().getNamespace())
          .withName(slice.getMetadata().getName()).delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
    ctx.forget(slice);
  }
}
