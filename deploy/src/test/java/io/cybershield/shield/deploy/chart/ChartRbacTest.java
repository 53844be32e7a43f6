package io.cybershield.shield.deploy.chart;

import io.cybershield.shield.sandbox.testing.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The chart's RBAC: exactly the grants written out below (least privilege, no "*"), cluster-wide only for what is
 * cluster-scoped when the operator watches a list of namespaces, and covering what the operator's controllers
 * declare (the RBAC the Quarkus Operator SDK generates from them) and what it grants the gateways.
 */
class ChartRbacTest {

  /** What the operator does in a namespace it watches. */
  static final Set<String> NAMESPACED = expand("""
      shield.cybershield.io/shieldmodels: get list watch patch update
      shield.cybershield.io/shieldmodels/status: get list watch patch update
      shield.cybershield.io/shieldmodels/finalizers: get list watch patch update
      shield.cybershield.io/shieldretrains: get list watch patch update
      shield.cybershield.io/shieldretrains/status: get list watch patch update
      shield.cybershield.io/shieldretrains/finalizers: get list watch patch update
      shield.cybershield.io/shieldincidents: get list watch patch update create
      shield.cybershield.io/shieldincidents/status: get list watch patch update
      shield.cybershield.io/shieldincidents/finalizers: get list watch patch update
      core/configmaps: get list watch create patch update delete
      core/services: get list watch create patch update delete
      core/serviceaccounts: get list watch create patch update delete
      apps/deployments: get list watch create patch update delete
      policy/poddisruptionbudgets: get list watch create patch update delete
      networking.k8s.io/networkpolicies: get list watch create patch update delete
      rbac.authorization.k8s.io/roles: get list watch create patch update delete
      rbac.authorization.k8s.io/rolebindings: get list watch create patch update delete
      autoscaling/horizontalpodautoscalers: get list watch create patch update delete
      keda.sh/scaledobjects: get list watch create patch update delete
      monitoring.coreos.com/servicemonitors: get list watch create patch update delete
      cert-manager.io/certificates: get list watch create patch update delete
      batch/jobs: get list watch create delete
      core/pods: get list watch
      core/events: create patch
      """);

  /** What the operator needs cluster-wide whatever it watches. */
  static final Set<String> CLUSTER = expand("""
      core/nodes: get list watch
      apiextensions.k8s.io/customresourcedefinitions[scaledobjects.keda.sh]: get
      apiextensions.k8s.io/customresourcedefinitions[servicemonitors.monitoring.coreos.com]: get
      apiextensions.k8s.io/customresourcedefinitions[certificates.cert-manager.io]: get
      rbac.authorization.k8s.io/clusterrolebindings: create
      rbac.authorization.k8s.io/clusterrolebindings[shield-gateways-auth-delegator]: get patch
      rbac.authorization.k8s.io/clusterroles[system:auth-delegator]: bind
      """);

  /**
   * The leader election's, in the release namespace: JOSDK checks get, create and update before it starts, and
   * fabric8's LeaseLock renews the Lease with a JSON merge patch.
   */
  static final Set<String> LEASE = expand("""
      coordination.k8s.io/leases: create
      coordination.k8s.io/leases[shield-operator-leader]: get update patch
      """);

  /**
   * What the operator gives each gateway's Role (ModelGateway.role), which RBAC lets it create only while holding
   * it itself.
   */
  static final Set<String> GATEWAY_ROLE = expand("""
      core/configmaps: get list watch
      core/pods: get list watch
      shield.cybershield.io/shieldincidents: get create patch
      """);

  /**
   * What the Quarkus Operator SDK generates and the chart deliberately does not grant: the SDK gives a controller
   * every verb on its primary kind, but the operator never creates or deletes a ShieldModel, a ShieldRetrain or a
   * ShieldIncident (it only creates incidents' rights for the gateways), nor their status or finalizers. And the SDK
   * merges the controller's {@code get}/{@code patch} on the one ClusterRoleBinding
   * {@code shield-gateways-auth-delegator} into its unnamed {@code create}, dropping the name: the chart keeps the
   * name ({@link #CLUSTER}).
   */
  static final Set<String> NOT_GRANTED = expand("""
      shield.cybershield.io/shieldmodels: create delete
      shield.cybershield.io/shieldmodels/status: create delete
      shield.cybershield.io/shieldmodels/finalizers: create delete
      shield.cybershield.io/shieldretrains: create delete
      shield.cybershield.io/shieldretrains/status: create delete
      shield.cybershield.io/shieldretrains/finalizers: create delete
      shield.cybershield.io/shieldincidents: delete
      shield.cybershield.io/shieldincidents/status: create delete
      shield.cybershield.io/shieldincidents/finalizers: create delete
      rbac.authorization.k8s.io/clusterrolebindings: get patch
      """);

  static Stream<List<String>> valueSets() {
    return ChartTemplateTest.valueSets();
  }

  @Test
  void allNamespacesGrantsEverythingThroughOneClusterRole() throws IOException {
    RenderedChart chart = RenderedChart.render();

    assertThat(chart.all(ClusterRole.class)).extracting(o -> o.getMetadata().getName())
        .containsExactly("shield-operator");
    Set<String> expected = new TreeSet<>(CLUSTER);
    expected.addAll(NAMESPACED);
    assertThat(RbacRules.grants(chart.all(ClusterRole.class).get(0).getRules())).isEqualTo(expected);
    assertThat(chart.all(Role.class)).extracting(o -> o.getMetadata().getName() + "@" + o.getMetadata().getNamespace())
        .containsExactly("shield-operator-leader-election@shield-system");
    assertThat(RbacRules.grants(chart.all(Role.class).get(0).getRules())).isEqualTo(LEASE);

    ClusterRoleBinding binding = chart.all(ClusterRoleBinding.class).get(0);
    assertThat(binding.getRoleRef().getName()).isEqualTo("shield-operator");
    assertThat(binding.getSubjects()).extracting(Subject::getKind, Subject::getName, Subject::getNamespace)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ServiceAccount", "shield-operator", "shield-system"));
    assertThat(chart.all(RoleBinding.class)).extracting(o -> o.getRoleRef().getName())
        .containsExactly("shield-operator-leader-election");
  }

  @Test
  void ownNamespaceGrantsNamespacedRightsOnlyInTheReleaseNamespace() throws IOException {
    RenderedChart chart = RenderedChart.render("--set", "watch.mode=OwnNamespace");

    assertThat(RbacRules.grants(chart.all(ClusterRole.class).get(0).getRules())).isEqualTo(CLUSTER);
    assertThat(rolesByNamespace(chart)).isEqualTo(Map.of(
        "shield-system", Set.of("shield-operator", "shield-operator-leader-election")));
    assertThat(RbacRules.grants(role(chart, "shield-operator", "shield-system").getRules())).isEqualTo(NAMESPACED);
    assertThat(bindingsByNamespace(chart)).isEqualTo(Map.of(
        "shield-system", Set.of("shield-operator->shield-operator",
            "shield-operator-leader-election->shield-operator-leader-election")));
  }

  @Test
  void namespacesModeGrantsNamespacedRightsInEachListedNamespaceAndNowhereElse() throws IOException {
    RenderedChart chart = RenderedChart.render("--set", "watch.mode=Namespaces",
        "--set", "watch.namespaces={soc,incident-response}");

    ClusterRole clusterRole = chart.all(ClusterRole.class).get(0);
    assertThat(RbacRules.grants(clusterRole.getRules())).isEqualTo(CLUSTER);
    assertThat(rolesByNamespace(chart)).isEqualTo(Map.of(
        "soc", Set.of("shield-operator"),
        "incident-response", Set.of("shield-operator"),
        "shield-system", Set.of("shield-operator-leader-election")));
    assertThat(RbacRules.grants(role(chart, "shield-operator", "soc").getRules())).isEqualTo(NAMESPACED);
    assertThat(RbacRules.grants(role(chart, "shield-operator", "incident-response").getRules()))
        .isEqualTo(NAMESPACED);
    assertThat(bindingsByNamespace(chart)).isEqualTo(Map.of(
        "soc", Set.of("shield-operator->shield-operator"),
        "incident-response", Set.of("shield-operator->shield-operator"),
        "shield-system", Set.of("shield-operator-leader-election->shield-operator-leader-election")));
    for (RoleBinding binding : chart.all(RoleBinding.class)) {
      assertThat(binding.getSubjects()).extracting(Subject::getKind, Subject::getName, Subject::getNamespace)
          .as("%s in %s binds the operator's ServiceAccount in the release namespace",
              binding.getMetadata().getName(), binding.getMetadata().getNamespace())
          .containsExactly(org.assertj.core.groups.Tuple.tuple("ServiceAccount", "shield-operator", "shield-system"));
    }
  }

  @Test
  void leaderElectionOffLeavesNoLeaseRights() throws IOException {
    RenderedChart chart = RenderedChart.render("--set", "leaderElection.enabled=false");

    assertThat(chart.all(Role.class)).isEmpty();
    assertThat(chart.all(RoleBinding.class)).isEmpty();
    assertThat(RbacRules.grants(chart.all(ClusterRole.class).get(0).getRules()))
        .noneMatch(grant -> grant.startsWith("coordination.k8s.io/"));
  }

  @Test
  void rbacCreateOffRendersNoRbacAndAnExistingServiceAccount() throws IOException {
    RenderedChart chart = RenderedChart.render("--set", "rbac.create=false", "--set", "serviceAccount.create=false",
        "--set", "serviceAccount.name=soc-operator");

    assertThat(chart.objects()).extracting(HasMetadata::getKind)
        .doesNotContain("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "ServiceAccount");
    assertThat(chart.deployment().getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("soc-operator");
  }

  @Test
  void aLeaseRenamedIsTheOneTheOperatorMayRenew() throws IOException {
    RenderedChart chart = RenderedChart.render("--set", "leaderElection.leaseName=soc-shield-leader");

    assertThat(RbacRules.grants(chart.all(Role.class).get(0).getRules())).containsExactlyInAnyOrder(
        "coordination.k8s.io/leases create",
        "coordination.k8s.io/leases get soc-shield-leader",
        "coordination.k8s.io/leases update soc-shield-leader",
        "coordination.k8s.io/leases patch soc-shield-leader");
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void noRuleHasAWildcard(List<String> values) throws IOException {
    RenderedChart chart = RenderedChart.render(values.toArray(String[]::new));

    List<String> wildcards = new ArrayList<>();
    for (HasMetadata object : chart.objects()) {
      List<PolicyRule> rules = object instanceof ClusterRole c ? c.getRules()
          : object instanceof Role r ? r.getRules() : List.of();
      for (PolicyRule rule : rules) {
        RbacRules.wildcards(rule).forEach(w -> wildcards.add(object.getKind() + " " + object.getMetadata().getName()
            + ": " + w));
      }
      if (object instanceof ClusterRole c) {
        assertThat(c.getAggregationRule()).as("an aggregated ClusterRole grants whatever others add").isNull();
      }
    }
    assertThat(wildcards).isEmpty();
  }

  @Test
  void theOperatorHoldsWhatItGrantsTheGateways() throws IOException {
    RenderedChart chart = RenderedChart.render("--set", "watch.mode=OwnNamespace");
    Set<String> namespaced = RbacRules.grants(role(chart, "shield-operator", "shield-system").getRules());
    Set<String> cluster = RbacRules.grants(chart.all(ClusterRole.class).get(0).getRules());

    assertThat(GATEWAY_ROLE).allMatch(grant -> RbacRules.allows(namespaced, grant));
    // the gateways' ClusterRoleBinding to system:auth-delegator: bound, not held
    assertThat(cluster).contains("rbac.authorization.k8s.io/clusterroles bind system:auth-delegator");
    assertThat(cluster).noneMatch(grant -> grant.startsWith("authentication.k8s.io/"));
  }

  /**
   * The Quarkus Operator SDK writes the RBAC it derives from the controllers' annotations and dependents into
   * operator/target/kubernetes/kubernetes.yml when the operator is built: everything there the chart grants too,
   * but for {@link #NOT_GRANTED}.
   */
  @Test
  void chartGrantsWhatTheOperatorSdkDerivesFromTheControllers() throws IOException {
    Path generated = Helm.projectRoot().resolve("operator/target/kubernetes/kubernetes.yml");
    assumeTrue(Files.isRegularFile(generated), generated + " is not there: build the operator first"
        + " (mvn -o -B -q -pl crds,djl-standin,sandbox,operator package -DskipTests)");
    Set<String> wanted = new TreeSet<>();
    for (HasMetadata object : RenderedChart.parse(Files.readString(generated, StandardCharsets.UTF_8))) {
      // ClusterRoles for a build that watches all namespaces, Roles for one built to watch a list
      if (object instanceof ClusterRole role) {
        wanted.addAll(RbacRules.grants(role.getRules()));
      } else if (object instanceof Role role) {
        wanted.addAll(RbacRules.grants(role.getRules()));
      }
    }
    assertThat(wanted).as("the SDK's RBAC was read").hasSizeGreaterThan(50);
    wanted.removeAll(NOT_GRANTED);

    RenderedChart all = RenderedChart.render();
    Set<String> granted = RbacRules.grants(all.all(ClusterRole.class).get(0).getRules());
    assertThat(wanted).as("generated grants the AllNamespaces chart lacks")
        .allMatch(grant -> RbacRules.allows(granted, grant));

    RenderedChart listed = RenderedChart.render("--set", "watch.mode=Namespaces", "--set", "watch.namespaces={soc}");
    Set<String> inSoc = new TreeSet<>(RbacRules.grants(listed.all(ClusterRole.class).get(0).getRules()));
    inSoc.addAll(RbacRules.grants(role(listed, "shield-operator", "soc").getRules()));
    assertThat(wanted).as("generated grants the Namespaces chart lacks in a watched namespace")
        .allMatch(grant -> RbacRules.allows(inSoc, grant));
  }

  @Test
  void clusterWideRulesInANamespacedModeNameOnlyClusterScopedResources() throws IOException {
    RenderedChart chart = RenderedChart.render("--set", "watch.mode=Namespaces", "--set", "watch.namespaces={soc}");

    Set<String> resources = new TreeSet<>();
    chart.all(ClusterRole.class).get(0).getRules().forEach(rule -> resources.addAll(rule.getResources()));
    assertThat(resources).containsExactly("clusterrolebindings", "clusterroles", "customresourcedefinitions", "nodes");
  }

  private static Role role(RenderedChart chart, String name, String namespace) {
    return chart.all(Role.class).stream()
        .filter(r -> name.equals(r.getMetadata().getName()) && namespace.equals(r.getMetadata().getNamespace()))
        .findFirst().orElseThrow(() -> new AssertionError("no Role " + name + " in " + namespace));
  }

  private static Map<String, Set<String>> rolesByNamespace(RenderedChart chart) {
    Map<String, Set<String>> byNamespace = new java.util.HashMap<>();
    chart.all(Role.class).forEach(r -> byNamespace.computeIfAbsent(r.getMetadata().getNamespace(),
        k -> new TreeSet<>()).add(r.getMetadata().getName()));
    return byNamespace;
  }

  private static Map<String, Set<String>> bindingsByNamespace(RenderedChart chart) {
    Map<String, Set<String>> byNamespace = new java.util.HashMap<>();
    chart.all(RoleBinding.class).forEach(b -> byNamespace.computeIfAbsent(b.getMetadata().getNamespace(),
        k -> new TreeSet<>()).add(b.getMetadata().getName() + "->" + b.getRoleRef().getName()));
    return byNamespace;
  }

  /**
   * Grants from lines {@code group/resource[name,...]: verb verb}; {@code core} is the core group. Written out here
   * rather than taken from the chart, so that a change to the chart's RBAC shows as a failing test.
   */
  static Set<String> expand(String table) {
    Set<String> grants = new TreeSet<>();
    for (String line : table.strip().split("\n")) {
      String[] sides = line.strip().split(":\\s+", 2);
      String target = sides[0];
      List<String> names = List.of("");
      int bracket = target.indexOf('[');
      if (bracket >= 0) {
        names = List.of(target.substring(bracket + 1, target.length() - 1).split(","));
        target = target.substring(0, bracket);
      }
      int slash = target.indexOf('/');
      String group = target.substring(0, slash);
      String resource = target.substring(slash + 1);
      for (String verb : sides[1].trim().split("\\s+")) {
        for (String name : names) {
          grants.add(RbacRules.grant("core".equals(group) ? "" : group, resource, verb, name));
        }
      }
    }
    return grants;
  }
}
