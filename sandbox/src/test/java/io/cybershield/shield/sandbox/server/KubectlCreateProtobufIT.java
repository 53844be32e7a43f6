package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.simulator.NodeInventory;
import io.cybershield.shield.sandbox.simulator.SimulatorConfig;
import io.cybershield.shield.sandbox.testing.Kubectl;
import io.cybershield.shield.sandbox.testing.Kubectl.Result;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code kubectl create <kind>}, which since client-go 1.32 posts protobuf bodies, against the sandbox: each object
 * stored as kubectl built it (read back through fabric8), {@code --dry-run=server} and {@code -o yaml} answered in
 * JSON, and {@code kubectl auth can-i|whoami}. A kind the sandbox does not read keeps the 415 of a JSON-only server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlCreateProtobufIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SandboxCluster cluster;
  private KubernetesClient client;
  private Kubectl kubectl;
  private Path dir;
  private String ns;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = SandboxCluster.start(0, NodeInventory.defaultInventory(), SimulatorConfig.fast());
    client = cluster.client();
    dir = Files.createTempDirectory("sandbox-protobuf");
    if (Kubectl.requiredOnCi()) {
      kubectl = new Kubectl(cluster.writeKubeconfig(dir.resolve("kubeconfig")));
    }
  }

  @AfterAll
  void stopCluster() {
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void namespace(TestInfo info) {
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
    ns = "t-" + info.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "");
    if (ns.length() > 60) {
      ns = ns.substring(0, 60);
    }
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
  }

  @Test
  void createNamespace() {
    String name = ns + "-x";
    assertThat(kubectl.ok("create", "namespace", name)).isEqualTo("namespace/" + name + " created\n");
    var namespace = client.namespaces().withName(name).get();
    assertThat(namespace.getStatus().getPhase()).isEqualTo("Active");
    assertThat(namespace.getMetadata().getUid()).isNotEmpty();
    Result again = kubectl.run("create", "namespace", name);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderr()).isEqualTo("Error from server (AlreadyExists): namespaces \"" + name
        + "\" already exists\n");
  }

  @Test
  void createServiceAccountAndItsToken() throws Exception {
    assertThat(kubectl.ok("create", "serviceaccount", "analyst", "-n", ns))
        .isEqualTo("serviceaccount/analyst created\n");
    ServiceAccount sa = client.serviceAccounts().inNamespace(ns).withName("analyst").get();
    assertThat(sa.getMetadata().getUid()).isNotEmpty();
    String token = kubectl.ok("create", "token", "analyst", "-n", ns).strip();
    assertThat(cluster.tokens().review(token, List.of()).username())
        .isEqualTo("system:serviceaccount:" + ns + ":analyst");

    // a SelfSubjectReview (in JSON) from a client that sends that token names the service account
    HttpResponse<String> whoami = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(cluster.url() + "/apis/authentication.k8s.io/v1/selfsubjectreviews"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString("{\"apiVersion\":\"authentication.k8s.io/v1\","
            + "\"kind\":\"SelfSubjectReview\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(whoami.statusCode()).isEqualTo(201);
    JsonNode user = JSON.readTree(whoami.body()).path("status").path("userInfo");
    assertThat(user.path("username").asText()).isEqualTo("system:serviceaccount:" + ns + ":analyst");
    assertThat(user.path("uid").asText()).isEqualTo(sa.getMetadata().getUid());
    assertThat(user.path("groups").toString()).contains("system:serviceaccounts:" + ns);
  }

  @Test
  void createConfigMapWithDataAndBinaryData() throws Exception {
    byte[] blob = { 0, 1, 2, (byte) 0xff, (byte) 0xfe, 'k', '8', 's' };
    Path file = Files.write(dir.resolve("blob.bin"), blob);
    kubectl.ok("create", "configmap", "settings", "-n", ns, "--from-literal=mode=strict", "--from-literal=level=3",
        "--from-file=blob=" + file);
    ConfigMap cm = client.configMaps().inNamespace(ns).withName("settings").get();
    assertThat(cm.getData()).isEqualTo(Map.of("mode", "strict", "level", "3"));
    assertThat(Base64.getDecoder().decode(cm.getBinaryData().get("blob"))).isEqualTo(blob);
  }

  @Test
  void createGenericSecret() {
    kubectl.ok("create", "secret", "generic", "creds", "-n", ns, "--from-literal=user=admin",
        "--from-literal=password=s3cr=t");
    Secret secret = client.secrets().inNamespace(ns).withName("creds").get();
    assertThat(secret.getType()).isEqualTo("Opaque");
    assertThat(decoded(secret)).isEqualTo(Map.of("user", "admin", "password", "s3cr=t"));
  }

  @Test
  void createTlsSecret() throws Exception {
    // a throwaway self-signed pair, made for the test
    Path key = dir.resolve("tls.key");
    Path cert = dir.resolve("tls.crt");
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
        key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=web").redirectErrorStream(true).start();
    openssl.getInputStream().readAllBytes();
    assumeTrue(openssl.waitFor() == 0, "openssl is not available");
    kubectl.ok("create", "secret", "tls", "web-tls", "-n", ns, "--cert=" + cert, "--key=" + key);
    Secret secret = client.secrets().inNamespace(ns).withName("web-tls").get();
    assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
    assertThat(decoded(secret).get("tls.crt")).isEqualTo(Files.readString(cert));
    assertThat(decoded(secret).get("tls.key")).isEqualTo(Files.readString(key));
  }

  @Test
  void createDockerRegistrySecret() throws Exception {
    kubectl.ok("create", "secret", "docker-registry", "regcred", "-n", ns, "--docker-server=registry.example.com",
        "--docker-username=bob", "--docker-password=pw", "--docker-email=bob@example.com");
    Secret secret = client.secrets().inNamespace(ns).withName("regcred").get();
    assertThat(secret.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
    JsonNode auth = JSON.readTree(decoded(secret).get(".dockerconfigjson")).path("auths").path("registry.example.com");
    assertThat(auth.path("username").asText()).isEqualTo("bob");
    assertThat(auth.path("password").asText()).isEqualTo("pw");
    assertThat(auth.path("email").asText()).isEqualTo("bob@example.com");
    assertThat(new String(Base64.getDecoder().decode(auth.path("auth").asText()), StandardCharsets.UTF_8))
        .isEqualTo("bob:pw");
  }

  @Test
  void createRole() {
    kubectl.ok("create", "role", "reader", "-n", ns, "--verb=get,list,watch", "--resource=pods,deployments.apps",
        "--resource-name=a", "--resource-name=b");
    Role role = client.rbac().roles().inNamespace(ns).withName("reader").get();
    assertThat(role.getRules()).hasSize(2);
    PolicyRule pods = role.getRules().get(0);
    assertThat(pods.getApiGroups()).containsExactly("");
    assertThat(pods.getResources()).containsExactly("pods");
    assertThat(pods.getVerbs()).containsExactly("get", "list", "watch");
    assertThat(pods.getResourceNames()).containsExactly("a", "b");
    assertThat(role.getRules().get(1).getApiGroups()).containsExactly("apps");
    assertThat(role.getRules().get(1).getResources()).containsExactly("deployments");
  }

  @Test
  void createClusterRoles() {
    String name = ns + "-viewer";
    kubectl.ok("create", "clusterrole", name, "--verb=get,list", "--resource=nodes");
    ClusterRole viewer = client.rbac().clusterRoles().withName(name).get();
    assertThat(viewer.getRules()).hasSize(1);
    assertThat(viewer.getRules().get(0).getResources()).containsExactly("nodes");
    assertThat(viewer.getRules().get(0).getVerbs()).containsExactly("get", "list");

    kubectl.ok("create", "clusterrole", name + "-probe", "--verb=get", "--non-resource-url=/healthz",
        "--non-resource-url=/metrics");
    assertThat(client.rbac().clusterRoles().withName(name + "-probe").get().getRules().get(0).getNonResourceURLs())
        .containsExactly("/healthz", "/metrics");

    kubectl.ok("create", "clusterrole", name + "-aggregate",
        "--aggregation-rule=rbac.example.com/aggregate-to-monitoring=true");
    ClusterRole aggregate = client.rbac().clusterRoles().withName(name + "-aggregate").get();
    assertThat(aggregate.getAggregationRule().getClusterRoleSelectors().get(0).getMatchLabels())
        .isEqualTo(Map.of("rbac.example.com/aggregate-to-monitoring", "true"));
  }

  @Test
  void createRoleBindingAndClusterRoleBinding() {
    kubectl.ok("create", "rolebinding", "reader-binding", "-n", ns, "--role=reader", "--user=alice",
        "--group=analysts", "--serviceaccount=" + ns + ":analyst");
    RoleBinding binding = client.rbac().roleBindings().inNamespace(ns).withName("reader-binding").get();
    assertThat(binding.getRoleRef().getApiGroup()).isEqualTo("rbac.authorization.k8s.io");
    assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
    assertThat(binding.getRoleRef().getName()).isEqualTo("reader");
    assertThat(binding.getSubjects()).extracting(Subject::getKind, Subject::getName, Subject::getNamespace)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("User", "alice", null),
            org.assertj.core.groups.Tuple.tuple("Group", "analysts", null),
            org.assertj.core.groups.Tuple.tuple("ServiceAccount", "analyst", ns));

    String name = ns + "-viewer";
    kubectl.ok("create", "clusterrolebinding", name, "--clusterrole=view", "--user=bob",
        "--serviceaccount=kube-system:robot");
    ClusterRoleBinding clusterBinding = client.rbac().clusterRoleBindings().withName(name).get();
    assertThat(clusterBinding.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(clusterBinding.getRoleRef().getName()).isEqualTo("view");
    assertThat(clusterBinding.getSubjects()).extracting(Subject::getKind, Subject::getName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("User", "bob"),
            org.assertj.core.groups.Tuple.tuple("ServiceAccount", "robot"));
    assertThat(clusterBinding.getSubjects().get(0).getApiGroup()).isEqualTo("rbac.authorization.k8s.io");
  }

  @Test
  void createDeploymentWhichTheSimulatorRolls() {
    assertThat(kubectl.ok("create", "deployment", "web", "-n", ns, "--image=nginx:1.27", "--replicas=2",
        "--port=8080")).isEqualTo("deployment.apps/web created\n");
    Deployment deployment = client.apps().deployments().inNamespace(ns).withName("web").get();
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("app", "web"));
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(Map.of("app", "web"));
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getName()).isEqualTo("nginx");
    assertThat(container.getImage()).isEqualTo("nginx:1.27");
    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(8080);
    assertThat(deployment.getMetadata().getGeneration()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.apps().deployments()
        .inNamespace(ns).withName("web").get().getStatus().getReadyReplicas()).isEqualTo(2));
  }

  @Test
  void createJobAndCronJob() {
    kubectl.ok("create", "job", "batch1", "-n", ns, "--image=sandbox.local/job", "--", "echo", "hello");
    Job job = client.batch().v1().jobs().inNamespace(ns).withName("batch1").get();
    var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("sandbox.local/job");
    assertThat(container.getCommand()).containsExactly("echo", "hello");
    assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.batch().v1().jobs().inNamespace(ns)
        .withName("batch1").get().getStatus().getSucceeded()).isEqualTo(1));

    kubectl.ok("create", "cronjob", "nightly", "-n", ns, "--image=busybox:1.36", "--schedule=*/5 * * * *",
        "--restart=OnFailure", "--", "date");
    CronJob cronJob = client.batch().v1().cronjobs().inNamespace(ns).withName("nightly").get();
    assertThat(cronJob.getSpec().getSchedule()).isEqualTo("*/5 * * * *");
    var template = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    assertThat(template.getRestartPolicy()).isEqualTo("OnFailure");
    assertThat(template.getContainers().get(0).getCommand()).containsExactly("date");

    // a job from the cron job: kubectl reads the CronJob (JSON answer), then posts the Job in protobuf
    kubectl.ok("create", "job", "manual", "-n", ns, "--from=cronjob/nightly");
    Job manual = client.batch().v1().jobs().inNamespace(ns).withName("manual").get();
    assertThat(manual.getMetadata().getAnnotations()).containsEntry("cronjob.kubernetes.io/instantiate", "manual");
    assertThat(manual.getMetadata().getOwnerReferences().get(0).getName()).isEqualTo("nightly");
    assertThat(manual.getMetadata().getOwnerReferences().get(0).getController()).isTrue();
  }

  @Test
  void createQuotaAndPriorityClass() {
    kubectl.ok("create", "quota", "q1", "-n", ns, "--hard=cpu=2,memory=4Gi,pods=10,count/configmaps=5",
        "--scopes=NotBestEffort");
    ResourceQuota quota = client.resourceQuotas().inNamespace(ns).withName("q1").get();
    assertThat(quota.getSpec().getHard()).hasSize(4);
    assertThat(quota.getSpec().getHard().get("memory").toString()).isEqualTo("4Gi");
    assertThat(quota.getSpec().getHard().get("count/configmaps").toString()).isEqualTo("5");
    assertThat(quota.getSpec().getScopes()).containsExactly("NotBestEffort");

    String name = ns + "-high";
    kubectl.ok("create", "priorityclass", name, "--value=1000", "--description=important",
        "--preemption-policy=Never");
    PriorityClass priority = client.scheduling().v1().priorityClasses().withName(name).get();
    assertThat(priority.getValue()).isEqualTo(1000);
    assertThat(priority.getDescription()).isEqualTo("important");
    assertThat(priority.getPreemptionPolicy()).isEqualTo("Never");
    assertThat(priority.getGlobalDefault()).isNull();
    kubectl.ok("create", "priorityclass", name + "-default", "--value=0");
    PriorityClass zero = client.scheduling().v1().priorityClasses().withName(name + "-default").get();
    assertThat(zero.getValue()).isZero();
    assertThat(zero.getPreemptionPolicy()).isEqualTo("PreemptLowerPriority");
  }

  @Test
  void createServicesAndAPodDisruptionBudget() {
    kubectl.ok("create", "service", "clusterip", "api", "-n", ns, "--tcp=80:8080", "--tcp=443");
    var api = client.services().inNamespace(ns).withName("api").get();
    assertThat(api.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(api.getSpec().getSelector()).isEqualTo(Map.of("app", "api"));
    assertThat(api.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getPort() + ">"
        + p.getTargetPort().getIntVal()).containsExactly("80-8080:80>8080", "443:443>443");
    assertThat(api.getSpec().getClusterIP()).isNotEmpty();
    kubectl.ok("create", "service", "nodeport", "np", "-n", ns, "--tcp=80:8080", "--node-port=30080");
    assertThat(client.services().inNamespace(ns).withName("np").get().getSpec().getPorts().get(0).getNodePort())
        .isEqualTo(30080);
    kubectl.ok("create", "service", "loadbalancer", "lb", "-n", ns, "--tcp=80");
    assertThat(client.services().inNamespace(ns).withName("lb").get().getSpec().getType()).isEqualTo("LoadBalancer");
    kubectl.ok("create", "service", "externalname", "ext", "-n", ns, "--external-name=example.com");
    assertThat(client.services().inNamespace(ns).withName("ext").get().getSpec().getExternalName())
        .isEqualTo("example.com");

    kubectl.ok("create", "poddisruptionbudget", "web-pdb", "-n", ns, "--selector=app=web", "--min-available=50%");
    var pdb = client.policy().v1().podDisruptionBudget().inNamespace(ns).withName("web-pdb").get();
    assertThat(pdb.getSpec().getMinAvailable().getStrVal()).isEqualTo("50%");
    assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("app", "web"));
  }

  @Test
  void dryRunServerStoresNothingAndOutputYamlIsTheServersAnswer() throws Exception {
    String yaml = kubectl.ok("create", "configmap", "dry", "-n", ns, "--from-literal=a=b", "--dry-run=server",
        "-o", "yaml");
    assertThat(yaml).contains("kind: ConfigMap").contains("name: dry").contains("  a: b").contains("uid: ");
    assertThat(client.configMaps().inNamespace(ns).withName("dry").get()).isNull();

    JsonNode created = JSON.readTree(kubectl.ok("create", "serviceaccount", "robot", "-n", ns, "-o", "json"));
    assertThat(created.path("metadata").path("uid").asText())
        .isEqualTo(client.serviceAccounts().inNamespace(ns).withName("robot").get().getMetadata().getUid());
    assertThat(created.path("metadata").path("creationTimestamp").asText()).isNotEmpty();
  }

  @Test
  void createIngress() {
    kubectl.ok("create", "ingress", "web", "-n", ns, "--class=nginx", "--rule=example.com/api*=api:80,tls=web-tls",
        "--default-backend=def:8080");
    var ingress = client.network().v1().ingresses().inNamespace(ns).withName("web").get();
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getSpec().getDefaultBackend().getService().getPort().getNumber()).isEqualTo(8080);
    assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("web-tls");
    var path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
    assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("example.com");
    assertThat(path.getPath()).isEqualTo("/api");
    assertThat(path.getPathType()).isEqualTo("Prefix");
    assertThat(path.getBackend().getService().getName()).isEqualTo("api");
  }

  @Test
  void drainDeletesThePodsWithProtobufDeleteOptions() {
    kubectl.ok("create", "deployment", "drained", "-n", ns, "--image=nginx:1.27", "--replicas=1");
    await().atMost(Duration.ofSeconds(30)).until(() -> client.pods().inNamespace(ns).list().getItems().stream()
        .anyMatch(p -> p.getSpec().getNodeName() != null && "Running".equals(p.getStatus().getPhase())));
    var pod = client.pods().inNamespace(ns).list().getItems().get(0);
    String node = pod.getSpec().getNodeName();
    try {
      // no eviction API is listed, so kubectl drain deletes the pods (a typed DELETE with a protobuf DeleteOptions)
      Result drain = kubectl.run("drain", node, "--ignore-daemonsets", "--force", "--delete-emptydir-data",
          "--grace-period=1", "--timeout=60s");
      assertThat(drain.exitCode()).as(drain.toString()).isZero();
      assertThat(drain.stdout()).contains("node/" + node + " drained");
      assertThat(client.pods().inNamespace(ns).withName(pod.getMetadata().getName()).get()).isNull();
    } finally {
      kubectl.ok("uncordon", node);
    }
  }

  @Test
  void aProtobufBodyOfAKindTheSandboxDoesNotReadKeepsThe415() throws Exception {
    // a Pod (kubectl run posts JSON; a typed client's Pod would be protobuf): the answer of a JSON-only server
    byte[] typeMeta = concat(field(1, "v1".getBytes()), field(2, "Pod".getBytes()));
    byte[] body = concat(new byte[] { 'k', '8', 's', 0 }, field(1, typeMeta), field(2, new byte[0]));
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(cluster.url() + "/api/v1/namespaces/" + ns + "/pods"))
        .header("Content-Type", "application/vnd.kubernetes.protobuf")
        .header("Accept", "application/vnd.kubernetes.protobuf,application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(415);
    assertThat(answer.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(answer.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":"
        + "\"Failure\",\"message\":\"the body of the request was in an unknown format - accepted media types "
        + "include: application/json, application/yaml\",\"reason\":\"UnsupportedMediaType\",\"code\":415}");
  }

  private static byte[] field(int number, byte[] bytes) {
    return concat(new byte[] { (byte) ((number << 3) | 2), (byte) bytes.length }, bytes);
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void authCanIIsAlwaysYesAndWhoamiIsTheKubeconfigsAdmin() throws Exception {
    assertThat(kubectl.ok("auth", "can-i", "create", "deployments.apps", "-n", ns)).isEqualTo("yes\n");
    assertThat(kubectl.ok("auth", "can-i", "get", "/healthz")).isEqualTo("yes\n");
    assertThat(kubectl.ok("auth", "can-i", "--list", "-n", ns)).contains("*.*").contains("[*]");
    JsonNode whoami = JSON.readTree(kubectl.ok("auth", "whoami", "-o", "json"));
    assertThat(whoami.path("kind").asText()).isEqualTo("SelfSubjectReview");
    assertThat(whoami.path("status").path("userInfo").path("username").asText())
        .isEqualTo(SelfSubjectReviews.ADMIN);
    assertThat(kubectl.ok("auth", "whoami", "--as=alice", "--as-group=analysts")).contains("alice")
        .contains("analysts");
    // listed in discovery, create only, as on a real server
    assertThat(kubectl.ok("api-resources", "--api-group=authorization.k8s.io", "-o", "wide"))
        .containsPattern("selfsubjectaccessreviews\\s+authorization.k8s.io/v1\\s+false\\s+SelfSubjectAccessReview"
            + "\\s+\\[?create\\b")
        .containsPattern("selfsubjectrulesreviews\\s+authorization.k8s.io/v1\\s+false\\s+SelfSubjectRulesReview");
    assertThat(kubectl.ok("api-resources", "--api-group=authentication.k8s.io")).contains("selfsubjectreviews");
    assertThat(kubectl.run("get", "selfsubjectaccessreviews").stderr().strip()).isEqualTo("Error from server "
        + "(MethodNotAllowed): the server does not allow this method on the requested resource");
  }

  private static Map<String, String> decoded(Secret secret) {
    Map<String, String> out = new java.util.TreeMap<>();
    secret.getData().forEach((k, v) -> out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    return out;
  }
}
