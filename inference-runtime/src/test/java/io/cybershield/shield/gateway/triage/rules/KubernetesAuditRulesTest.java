package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.cybershield.shield.gateway.triage.logs.LogSource.KUBERNETES_AUDIT;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.fired;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.firedAlone;
import static org.assertj.core.api.Assertions.assertThat;

/** Kubernetes API audit events. */
class KubernetesAuditRulesTest {

  private static String audit(String verb, String user, String resource, String subresource, String namespace,
      String requestObject, int code) {
    return "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"stage\":\"ResponseComplete\",\"verb\":\"" + verb
        + "\",\"user\":{\"username\":\"" + user + "\",\"groups\":[\"system:authenticated\"]},\"sourceIPs\":"
        + "[\"10.40.7.21\"],\"objectRef\":{\"resource\":\"" + resource + "\""
        + (subresource == null ? "" : ",\"subresource\":\"" + subresource + "\"")
        + (namespace == null ? "" : ",\"namespace\":\"" + namespace + "\"") + ",\"name\":\"x\"},"
        + "\"responseStatus\":{\"code\":" + code + "}" + (requestObject == null ? "" : ",\"requestObject\":"
        + requestObject) + "}";
  }

  @Test
  void privilegedPodAndHostPathRoot() {
    assertThat(firedAlone(KUBERNETES_AUDIT, audit("create", "dev@corp.example.com", "pods", null, "default",
        "{\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"alpine\",\"securityContext\":"
            + "{\"privileged\":true}}]}}", 201))).contains("shield-k8s-privesc-001");
    assertThat(firedAlone(KUBERNETES_AUDIT, audit("create", "dev@corp.example.com", "pods", null, "default",
        "{\"kind\":\"Pod\",\"spec\":{\"volumes\":[{\"name\":\"h\",\"hostPath\":{\"path\":\"/\"}}],\"containers\":"
            + "[{\"name\":\"c\",\"image\":\"alpine\"}]}}", 201))).contains("shield-k8s-privesc-002");
  }

  @Test
  void clusterAdminBindingAndAnonymousSecretListing() {
    assertThat(firedAlone(KUBERNETES_AUDIT, audit("create", "dev@corp.example.com", "clusterrolebindings", null,
        null, "{\"kind\":\"ClusterRoleBinding\",\"roleRef\":{\"kind\":\"ClusterRole\",\"name\":\"cluster-admin\"},"
            + "\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\"default\",\"namespace\":\"default\"}]}", 201)))
        .contains("shield-k8s-privesc-003");
    assertThat(firedAlone(KUBERNETES_AUDIT, audit("list", "system:anonymous", "secrets", null, "kube-system", null,
        200))).contains("shield-k8s-cred-001");
  }

  @Test
  void execIntoAProductionPod() {
    assertThat(firedAlone(KUBERNETES_AUDIT, audit("create", "intern@corp.example.com", "pods", "exec", "payments",
        null, 101))).contains("shield-k8s-exec-001");
  }

  @Test
  void controllersAndHealthChecksAreNotFlagged() {
    List<Set<String>> benign = fired(KUBERNETES_AUDIT,
        audit("update", "system:kube-controller-manager", "leases", null, "kube-system", null, 200),
        audit("create", "system:serviceaccount:kube-system:daemon-set-controller", "pods", null, "kube-system",
            "{\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"kube-proxy\",\"securityContext\":"
                + "{\"privileged\":true}}]}}", 201),
        audit("get", "system:anonymous", "nonresource", null, null, null, 200).replace("\"stage\"",
            "\"requestURI\":\"/healthz\",\"stage\""),
        audit("list", "alice@corp.example.com", "pods", null, "shop", null, 200),
        audit("create", "alice@corp.example.com", "pods", "exec", "staging", null, 101));
    assertThat(benign).allMatch(Set::isEmpty);
  }
}
