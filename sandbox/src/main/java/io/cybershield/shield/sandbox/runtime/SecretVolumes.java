package io.cybershield.shield.sandbox.runtime;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Secret volumes of the containers the runtime runs: a process cannot see {@code /etc/...}, so each Secret volume a
 * container mounts is written to a directory of its own (one per pod and volume), laid out the way the kubelet lays
 * one out — the files are links through {@code ..data}, which one atomic rename swaps when the Secret changes — and
 * every environment value that names a path under the mount is rewritten to that directory. {@link #refresh()}
 * rewrites a volume whose Secret changed, as the kubelet does within its sync period. A Secret that does not exist
 * (and is not optional) keeps the container from starting, as the kubelet's failed mount does.
 */
final class SecretVolumes {

  private final KubernetesClient client;
  private final Path root;
  private final List<Mounted> mounted = new ArrayList<>();

  SecretVolumes(KubernetesClient client, Path root) {
    this.client = Objects.requireNonNull(client, "client");
    this.root = Objects.requireNonNull(root, "root");
  }

  /** A Secret a volume needs does not exist (yet). */
  static final class MissingSecret extends IllegalStateException {
    MissingSecret(String message) {
      super(message);
    }
  }

  /** One Secret volume, written for one pod. */
  private static final class Mounted {
    final String podUid;
    final String namespace;
    final SecretVolumeSource source;
    final Path directory;
    String resourceVersion;

    Mounted(String podUid, String namespace, SecretVolumeSource source, Path directory) {
      this.podUid = podUid;
      this.namespace = namespace;
      this.source = source;
      this.directory = directory;
    }
  }

  /**
   * Writes the Secret volumes {@code container} mounts and returns its environment with every path under a mount
   * pointing into the written directory.
   *
   * @throws MissingSecret when a Secret a volume needs does not exist
   */
  synchronized Map<String, String> mount(Pod pod, Container container, Map<String, String> env, Consumer<String> log) {
    Map<String, Path> localByMountPath = new LinkedHashMap<>();
    for (VolumeMount mount : container.getVolumeMounts()) {
      Volume volume = pod.getSpec().getVolumes() == null ? null : pod.getSpec().getVolumes().stream()
          .filter(v -> v.getName().equals(mount.getName())).findFirst().orElse(null);
      if (volume == null || volume.getSecret() == null) {
        continue;
      }
      Path directory = root.resolve(pod.getMetadata().getUid()).resolve(volume.getName());
      Mounted written = mounted.stream().filter(m -> m.directory.equals(directory)).findFirst().orElse(null);
      if (written == null) {
        written = new Mounted(pod.getMetadata().getUid(), pod.getMetadata().getNamespace(), volume.getSecret(),
            directory);
        if (!write(written) && !Boolean.TRUE.equals(volume.getSecret().getOptional())) {
          throw new MissingSecret("Secret " + volume.getSecret().getSecretName() + " (volume "
              + volume.getName() + ") not found");
        }
        mounted.add(written);
        log.accept("[sandbox] Secret " + volume.getSecret().getSecretName() + " mounted at " + mount.getMountPath()
            + " is written to " + directory);
      }
      localByMountPath.put(stripSlash(mount.getMountPath()), directory);
    }
    if (localByMountPath.isEmpty()) {
      return env;
    }
    Map<String, String> rewritten = new LinkedHashMap<>();
    env.forEach((name, value) -> {
      String local = value;
      for (Map.Entry<String, Path> entry : localByMountPath.entrySet()) {
        if (value.equals(entry.getKey()) || value.startsWith(entry.getKey() + "/")) {
          local = entry.getValue() + value.substring(entry.getKey().length());
          break;
        }
      }
      rewritten.put(name, local);
    });
    return rewritten;
  }

  /** Rewrites every volume whose Secret changed since it was written. */
  synchronized void refresh() {
    for (Mounted volume : mounted) {
      Secret secret = client.secrets().inNamespace(volume.namespace).withName(volume.source.getSecretName()).get();
      if (secret != null && !Objects.equals(secret.getMetadata().getResourceVersion(), volume.resourceVersion)) {
        write(volume, secret);
      }
    }
  }

  /** Forgets and deletes the volumes of a pod. */
  synchronized void unmount(String podUid) {
    mounted.removeIf(m -> {
      if (m.podUid.equals(podUid)) {
        delete(m.directory.getParent());
        return true;
      }
      return false;
    });
  }

  /** Deletes every volume. */
  synchronized void close() {
    mounted.clear();
    delete(root);
  }

  private boolean write(Mounted volume) {
    Secret secret = client.secrets().inNamespace(volume.namespace).withName(volume.source.getSecretName()).get();
    if (secret == null) {
      return false;
    }
    write(volume, secret);
    return true;
  }

  private void write(Mounted volume, Secret secret) {
    Map<String, byte[]> data = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<KeyToPath> items = volume.source.getItems();
    if (items == null || items.isEmpty()) {
      files.putAll(data);
    } else {
      for (KeyToPath item : items) {
        if (data.containsKey(item.getKey())) {
          files.put(item.getPath(), data.get(item.getKey()));
        }
      }
    }
    try {
      Files.createDirectories(volume.directory);
      Path version = Files.createTempDirectory(volume.directory, "..version-");
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Files.write(version.resolve(file.getKey()), file.getValue());
      }
      Path next = volume.directory.resolve("..data_tmp");
      Files.deleteIfExists(next);
      Files.createSymbolicLink(next, version.getFileName());
      Path previous = Files.isSymbolicLink(volume.directory.resolve("..data"))
          ? volume.directory.resolve(Files.readSymbolicLink(volume.directory.resolve("..data"))) : null;
      Files.move(next, volume.directory.resolve("..data"), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      for (String name : files.keySet()) {
        Path link = volume.directory.resolve(name);
        if (!Files.isSymbolicLink(link)) {
          Files.createSymbolicLink(link, Path.of("..data", name));
        }
      }
      if (previous != null) {
        delete(previous);
      }
      volume.resourceVersion = secret.getMetadata().getResourceVersion();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Secret volume " + volume.directory, e);
    }
  }

  private static String stripSlash(String path) {
    return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
  }

  private static void delete(Path path) {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // left behind in the temporary directory
        }
      });
    } catch (IOException e) {
      // left behind in the temporary directory
    }
  }
}
