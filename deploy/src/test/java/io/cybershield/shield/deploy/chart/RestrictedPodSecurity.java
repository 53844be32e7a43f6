package io.cybershield.shield.deploy.chart;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.ContainerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The checks of the Pod Security Standards' "restricted" profile (which includes "baseline"), as the Pod Security
 * admission controller makes them at its latest version, on one pod spec. Returns what fails, in words; empty when
 * the pod would be admitted into a namespace labelled {@code pod-security.kubernetes.io/enforce: restricted}.
 */
final class RestrictedPodSecurity {

  /** The volume types "restricted" allows. */
  static final Set<String> ALLOWED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
      "persistentVolumeClaim", "projected", "secret");
  /** The sysctls "baseline" allows. */
  static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
      "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
      "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
      "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
  static final Set<String> SELINUX_TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t",
      "container_engine_t");

  private RestrictedPodSecurity() {
  }

  static List<String> violations(PodSpec pod) {
    List<String> problems = new ArrayList<>();
    PodSecurityContext podContext = pod.getSecurityContext() == null ? new PodSecurityContext()
        : pod.getSecurityContext();
    // baseline
    if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
        || Boolean.TRUE.equals(pod.getHostIPC())) {
      problems.add("host namespaces: hostNetwork, hostPID and hostIPC must be unset or false");
    }
    if (podContext.getWindowsOptions() != null && Boolean.TRUE.equals(podContext.getWindowsOptions().getHostProcess())) {
      problems.add("pod: windowsOptions.hostProcess must not be true");
    }
    if (podContext.getSeLinuxOptions() != null) {
      checkSeLinux("pod", podContext.getSeLinuxOptions(), problems);
    }
    if (podContext.getSysctls() != null) {
      podContext.getSysctls().stream().filter(s -> !SAFE_SYSCTLS.contains(s.getName()))
          .forEach(s -> problems.add("pod: sysctl " + s.getName() + " is not in the safe set"));
    }
    if (podContext.getAppArmorProfile() != null
        && "Unconfined".equals(podContext.getAppArmorProfile().getType())) {
      problems.add("pod: appArmorProfile must not be Unconfined");
    }
    for (Volume volume : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
      String type = volumeType(volume);
      if (!ALLOWED_VOLUMES.contains(type)) {
        problems.add("volume " + volume.getName() + ": type " + type + " is not allowed");
      }
    }
    // restricted, at pod level: runAsNonRoot true on the pod or else on every container; runAsUser never 0
    boolean podNonRoot = Boolean.TRUE.equals(podContext.getRunAsNonRoot());
    if (podContext.getRunAsUser() != null && podContext.getRunAsUser() == 0) {
      problems.add("pod: runAsUser must not be 0");
    }
    boolean podSeccomp = allowedSeccomp(podContext.getSeccompProfile());
    if (podContext.getSeccompProfile() != null && !podSeccomp) {
      problems.add("pod: seccompProfile.type must be RuntimeDefault or Localhost");
    }
    List<Container> containers = Stream.of(pod.getInitContainers(), pod.getContainers())
        .filter(list -> list != null).flatMap(List::stream).toList();
    for (Container container : containers) {
      checkContainer("container " + container.getName(), container.getSecurityContext(), container.getPorts(),
          podNonRoot, podSeccomp, problems);
    }
    if (pod.getEphemeralContainers() != null) {
      pod.getEphemeralContainers().forEach(c -> checkContainer("ephemeral container " + c.getName(),
          c.getSecurityContext(), c.getPorts(), podNonRoot, podSeccomp, problems));
    }
    return problems;
  }

  private static void checkContainer(String where, SecurityContext securityContext, List<ContainerPort> ports,
      boolean podNonRoot, boolean podSeccomp, List<String> problems) {
    SecurityContext context = securityContext == null ? new SecurityContext() : securityContext;
    if (Boolean.TRUE.equals(context.getPrivileged())) {
      problems.add(where + ": privileged must not be true");
    }
    if (context.getWindowsOptions() != null && Boolean.TRUE.equals(context.getWindowsOptions().getHostProcess())) {
      problems.add(where + ": windowsOptions.hostProcess must not be true");
    }
    if (context.getProcMount() != null && !"Default".equals(context.getProcMount())) {
      problems.add(where + ": procMount must be Default");
    }
    if (context.getSeLinuxOptions() != null) {
      checkSeLinux(where, context.getSeLinuxOptions(), problems);
    }
    if (context.getAppArmorProfile() != null && "Unconfined".equals(context.getAppArmorProfile().getType())) {
      problems.add(where + ": appArmorProfile must not be Unconfined");
    }
    for (ContainerPort port : ports == null ? List.<ContainerPort>of() : ports) {
      if (port.getHostPort() != null && port.getHostPort() != 0) {
        problems.add(where + ": hostPort " + port.getHostPort() + " is not allowed");
      }
    }
    if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
      problems.add(where + ": allowPrivilegeEscalation must be false");
    }
    if (!podNonRoot && !Boolean.TRUE.equals(context.getRunAsNonRoot())) {
      problems.add(where + ": runAsNonRoot must be true (on the container or the pod)");
    }
    if (Boolean.FALSE.equals(context.getRunAsNonRoot())) {
      problems.add(where + ": runAsNonRoot must not be false");
    }
    if (context.getRunAsUser() != null && context.getRunAsUser() == 0) {
      problems.add(where + ": runAsUser must not be 0");
    }
    if (context.getSeccompProfile() != null ? !allowedSeccomp(context.getSeccompProfile()) : !podSeccomp) {
      problems.add(where + ": seccompProfile.type must be RuntimeDefault or Localhost (on the container or the pod)");
    }
    Capabilities capabilities = context.getCapabilities();
    if (capabilities == null || capabilities.getDrop() == null || !capabilities.getDrop().contains("ALL")) {
      problems.add(where + ": capabilities.drop must contain ALL");
    }
    if (capabilities != null && capabilities.getAdd() != null) {
      capabilities.getAdd().stream().filter(c -> !"NET_BIND_SERVICE".equals(c))
          .forEach(c -> problems.add(where + ": capability " + c + " must not be added"));
    }
  }

  private static void checkSeLinux(String where, io.fabric8.kubernetes.api.model.SELinuxOptions options,
      List<String> problems) {
    if (options.getType() != null && !SELINUX_TYPES.contains(options.getType())) {
      problems.add(where + ": seLinuxOptions.type " + options.getType() + " is not allowed");
    }
    if (options.getUser() != null && !options.getUser().isEmpty()) {
      problems.add(where + ": seLinuxOptions.user must be unset");
    }
    if (options.getRole() != null && !options.getRole().isEmpty()) {
      problems.add(where + ": seLinuxOptions.role must be unset");
    }
  }

  private static boolean allowedSeccomp(SeccompProfile profile) {
    return profile != null && ("RuntimeDefault".equals(profile.getType()) || "Localhost".equals(profile.getType()));
  }

  private static String volumeType(Volume v) {
    if (v.getConfigMap() != null) return "configMap";
    if (v.getCsi() != null) return "csi";
    if (v.getDownwardAPI() != null) return "downwardAPI";
    if (v.getEmptyDir() != null) return "emptyDir";
    if (v.getEphemeral() != null) return "ephemeral";
    if (v.getPersistentVolumeClaim() != null) return "persistentVolumeClaim";
    if (v.getProjected() != null) return "projected";
    if (v.getSecret() != null) return "secret";
    if (v.getHostPath() != null) return "hostPath";
    return "other";
  }
}
