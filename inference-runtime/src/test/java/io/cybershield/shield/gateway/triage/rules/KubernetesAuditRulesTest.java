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

  // ---------------------------------------------------------------- round 2 (lines written here)

  private static String audit(String user, String groups, String verb, String uri, String objectRef, int code,
      String agent, String extra) {
    return "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"RequestResponse\",\"stage\":"
        + "\"ResponseComplete\",\"requestURI\":\"" + uri + "\",\"verb\":\"" + verb + "\",\"user\":{\"username\":\""
        + user + "\",\"groups\":[" + groups + "]},\"sourceIPs\":[\"192.0.2.44\"],\"userAgent\":\"" + agent
        + "\",\"objectRef\":{" + objectRef + "},\"responseStatus\":{\"code\":" + code + "}" + extra + "}";
  }

  @Test
  void anonymousSecretsAndExecAttemptsEvenWhenDenied() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.KUBERNETES_AUDIT, audit("system:anonymous", "\"system:unauthenticated\"", "list",
        "/api/v1/secrets", "\"resource\":\"secrets\"", 403, "Go-http-client/1.1", "")))
        .contains("shield-k8s-cred-002");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.KUBERNETES_AUDIT, audit("system:anonymous", "\"system:unauthenticated\"", "create",
        "/api/v1/namespaces/web/pods/front-1/exec?command=id", "\"resource\":\"pods\",\"subresource\":\"exec\","
            + "\"namespace\":\"web\"", 403, "curl/8.5.0", ""))).contains("shield-k8s-exec-005");
  }

  @Test
  void wildcardClusterRoleAndWorkloadDiscovery() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.KUBERNETES_AUDIT, audit("j.doe@example.org", "\"system:authenticated\"", "patch",
        "/apis/rbac.authorization.k8s.io/v1/clusterroles/edit", "\"resource\":\"clusterroles\",\"name\":\"edit\"",
        200, "kubectl/v1.31.0", ",\"requestObject\":{\"rules\":[{\"apiGroups\":[\"*\"],\"resources\":[\"*\"],"
            + "\"verbs\":[\"*\"]}]}"))).contains("shield-k8s-privesc-006");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.KUBERNETES_AUDIT, audit("system:serviceaccount:shop:web", "\"system:serviceaccounts\"",
        "list", "/api/v1/secrets", "\"resource\":\"secrets\"", 200, "python-requests/2.31.0", "")))
        .contains("shield-k8s-disc-003");
  }

  @Test
  void nodeProxyFromAnApplicationServiceAccountButNotFromTheMetricsScraper() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.KUBERNETES_AUDIT, audit("system:serviceaccount:build:agent", "\"system:serviceaccounts\"",
        "create", "/api/v1/nodes/node-3/proxy/run/shop/web-1/app", "\"resource\":\"nodes\",\"subresource\":\"proxy\"",
        200, "curl/8.5.0", ""))).contains("shield-k8s-exec-003");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.KUBERNETES_AUDIT, audit("system:serviceaccount:monitoring:prometheus",
        "\"system:serviceaccounts\"", "get", "/api/v1/nodes/node-3/proxy/metrics", "\"resource\":\"nodes\","
            + "\"subresource\":\"proxy\"", 200, "Prometheus/2.53.0", ""))).isEmpty();
  }

  @Test
  void backupToolsListingSecretsAndPublicHealthChecksStayQuiet() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.KUBERNETES_AUDIT, audit("system:serviceaccount:velero:velero-server",
        "\"system:serviceaccounts\"", "list", "/api/v1/secrets", "\"resource\":\"secrets\"", 200, "velero-server/v1.14.0", "")))
        .isEmpty();
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.KUBERNETES_AUDIT, audit("system:anonymous", "\"system:unauthenticated\"", "get",
        "/api/v1/livez", "\"resource\":\"livez\"", 200, "kube-probe/1.31", ",\"annotations\":{\"authorization.k8s.io/"
            + "decision\":\"allow\",\"authorization.k8s.io/reason\":\"RBAC: allowed by ClusterRoleBinding "
            + "\\\"system:public-info-viewer\\\"\"}"))).isEmpty();
  }

  @Test
  void oneServiceAccountAskingForSecretsInManyNamespacesEvenWhenDenied() {
    String sa = "system:serviceaccount:shop:frontend";
    List<Set<String>> sweep = fired(KUBERNETES_AUDIT, audit("list", sa, "secrets", null, "billing", null, 403),
        audit("list", sa, "secrets", null, "monitoring", null, 403), audit("get", sa, "secrets", null, "ingress", null, 403));
    assertThat(sweep).allMatch(ids -> ids.contains("shield-k8s-cred-010"));
    List<Set<String>> own = fired(KUBERNETES_AUDIT, audit("get", sa, "secrets", null, "shop", null, 200),
        audit("get", sa, "secrets", null, "shop", null, 200), audit("get", sa, "secrets", null, "shop", null, 200));
    assertThat(own).noneMatch(ids -> ids.contains("shield-k8s-cred-010"));
  }
}
