package io.cybershield.shield.sandbox.runtime;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's environment as the kubelet gives it: {@code HOSTNAME} (the pod's hostname, as the container
 * runtime sets it), {@code envFrom} (ConfigMaps and Secrets, with their prefix),
 * then {@code env}, whose {@code $(VAR)} references to earlier variables are expanded ({@code $$} escapes) and whose
 * {@code valueFrom} is resolved: {@code fieldRef} ({@code metadata.name}, {@code metadata.namespace},
 * {@code metadata.uid}, {@code metadata.labels['k']}, {@code metadata.annotations['k']}, {@code spec.nodeName},
 * {@code spec.serviceAccountName}, {@code status.podIP}, {@code status.hostIP}), {@code configMapKeyRef} and
 * {@code secretKeyRef} read from the API server. A reference that cannot be resolved leaves the variable out and
 * says so in the container's log (by name only: a secret's value is never written anywhere).
 */
final class ContainerEnvironment {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\(([-._a-zA-Z][-._a-zA-Z0-9]*)\\)");
  private static final Pattern KEYED_FIELD = Pattern.compile("metadata\\.(labels|annotations)\\['(.*)'\\]");

  private ContainerEnvironment() {
  }

  static Map<String, String> resolve(Pod pod, Container container, KubernetesClient client, Consumer<String> log) {
    String ns = pod.getMetadata().getNamespace();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOSTNAME", pod.getSpec().getHostname() == null || pod.getSpec().getHostname().isEmpty()
        ? pod.getMetadata().getName() : pod.getSpec().getHostname());
    for (EnvFromSource from : container.getEnvFrom()) {
      String prefix = from.getPrefix() == null ? "" : from.getPrefix();
      if (from.getConfigMapRef() != null) {
        ConfigMap cm = client.configMaps().inNamespace(ns).withName(from.getConfigMapRef().getName()).get();
        if (cm == null) {
          missing(log, "ConfigMap " + from.getConfigMapRef().getName(), from.getConfigMapRef().getOptional());
        } else if (cm.getData() != null) {
          cm.getData().forEach((k, v) -> env.put(prefix + k, v));
        }
      }
      if (from.getSecretRef() != null) {
        Secret secret = client.secrets().inNamespace(ns).withName(from.getSecretRef().getName()).get();
        if (secret == null) {
          missing(log, "Secret " + from.getSecretRef().getName(), from.getSecretRef().getOptional());
        } else {
          secretData(secret).forEach((k, v) -> env.put(prefix + k, v));
        }
      }
    }
    for (EnvVar var : container.getEnv()) {
      if (var.getValueFrom() == null) {
        env.put(var.getName(), expand(var.getValue() == null ? "" : var.getValue(), env));
        continue;
      }
      String value = valueFrom(pod, var.getName(), var.getValueFrom(), client, log);
      if (value != null) {
        env.put(var.getName(), value);
      }
    }
    return env;
  }

  private static String valueFrom(Pod pod, String name, EnvVarSource source, KubernetesClient client,
                                  Consumer<String> log) {
    String ns = pod.getMetadata().getNamespace();
    if (source.getFieldRef() != null) {
      String path = source.getFieldRef().getFieldPath();
      String value = field(pod, path);
      if (value == null) {
        log.accept("[sandbox] " + name + " is not set: the sandbox does not resolve fieldRef " + path);
      }
      return value;
    }
    if (source.getConfigMapKeyRef() != null) {
      ConfigMapKeySelector ref = source.getConfigMapKeyRef();
      ConfigMap cm = client.configMaps().inNamespace(ns).withName(ref.getName()).get();
      String value = cm == null || cm.getData() == null ? null : cm.getData().get(ref.getKey());
      if (value == null) {
        missing(log, "key " + ref.getKey() + " of ConfigMap " + ref.getName() + " (for " + name + ")",
            ref.getOptional());
      }
      return value;
    }
    if (source.getSecretKeyRef() != null) {
      SecretKeySelector ref = source.getSecretKeyRef();
      Secret secret = client.secrets().inNamespace(ns).withName(ref.getName()).get();
      String value = secret == null ? null : secretData(secret).get(ref.getKey());
      if (value == null) {
        missing(log, "key " + ref.getKey() + " of Secret " + ref.getName() + " (for " + name + ")", ref.getOptional());
      }
      return value;
    }
    log.accept("[sandbox] " + name + " is not set: the sandbox does not resolve resourceFieldRef");
    return null;
  }

  /** The value of a downward-API field path, {@code null} for one the sandbox does not know. */
  static String field(Pod pod, String path) {
    switch (path) {
      case "metadata.name":
        return pod.getMetadata().getName();
      case "metadata.namespace":
        return pod.getMetadata().getNamespace();
      case "metadata.uid":
        return pod.getMetadata().getUid();
      case "spec.nodeName":
        return pod.getSpec().getNodeName();
      case "spec.serviceAccountName":
        return pod.getSpec().getServiceAccountName() == null ? "default" : pod.getSpec().getServiceAccountName();
      case "status.podIP":
        return pod.getStatus() == null ? null : pod.getStatus().getPodIP();
      case "status.hostIP":
        return pod.getStatus() == null ? null : pod.getStatus().getHostIP();
      default:
        Matcher m = KEYED_FIELD.matcher(path);
        if (m.matches()) {
          Map<String, String> map = "labels".equals(m.group(1)) ? pod.getMetadata().getLabels()
              : pod.getMetadata().getAnnotations();
          return map == null ? "" : map.getOrDefault(m.group(2), "");
        }
        return null;
    }
  }

  /** Kubernetes' {@code $(VAR)} expansion: a reference to a variable defined before is replaced, others kept. */
  static String expand(String value, Map<String, String> defined) {
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(1) == null) {
        replacement = "$";
      } else {
        replacement = defined.getOrDefault(m.group(1), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Map<String, String> secretData(Secret secret) {
    Map<String, String> data = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v),
          StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      data.putAll(secret.getStringData());
    }
    return data;
  }

  private static void missing(Consumer<String> log, String what, Boolean optional) {
    if (!Boolean.TRUE.equals(optional)) {
      log.accept("[sandbox] " + what + " not found; the variable is left out (a cluster would not start the "
          + "container: CreateContainerConfigError)");
    }
  }
}
