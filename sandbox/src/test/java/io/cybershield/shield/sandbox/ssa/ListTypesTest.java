package io.cybershield.shield.sandbox.ssa;

import static org.assertj.core.api.Assertions.assertThat;

import io.cybershield.shield.sandbox.ssa.ListTypes.ListType;
import io.cybershield.shield.sandbox.ssa.ListTypes.ListType.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListTypesTest {

  private static List<String> path(String dotted) {
    return List.of(dotted.split("\\."));
  }

  @Test
  void crdSchemaDeclarationsAreRead() {
    ListTypes crd = ApplyCreateTest.crd();

    assertThat(crd.at(path("spec.items"))).isEqualTo(ListType.atomic());
    assertThat(crd.at(path("spec.tags"))).isEqualTo(ListType.set());
    assertThat(crd.at(path("spec.ports")).kind()).isEqualTo(Kind.MAP);
    assertThat(crd.at(path("spec.ports")).keys()).containsExactly("port", "protocol");
    assertThat(crd.at(path("spec.ports")).keyDefaults()).containsOnlyKeys("protocol");
    assertThat(crd.at(path("spec.variants.[].priorities"))).isEqualTo(ListType.atomic());
    assertThat(crd.at(path("spec.selector"))).isEqualTo(ListType.atomic());
    assertThat(crd.at(path("spec.options"))).isNull();
    assertThat(crd.at(path("spec.runtime"))).isNull();
    assertThat(crd.at(path("status.conditions"))).isEqualTo(ListType.map("type"));
    assertThat(crd.at(path("spec.undeclared"))).isNull();
  }

  @Test
  void crdMetadataFollowsObjectMeta() {
    ListTypes crd = ApplyCreateTest.crd();

    assertThat(crd.at(path("metadata.finalizers"))).isEqualTo(ListType.set());
    assertThat(crd.at(path("metadata.ownerReferences"))).isEqualTo(ListType.map("uid"));
    assertThat(crd.at(path("metadata.labels"))).isNull();
    assertThat(crd.at(path("metadata.annotations"))).isNull();
  }

  @Test
  void builtinPodTemplatesAreKeyedWhereverTheyAre() {
    ListTypes deployment = ListTypes.builtin("apps/v1", "Deployment");
    ListTypes cronJob = ListTypes.builtin("batch/v1", "CronJob");
    ListTypes pod = ListTypes.builtin("v1", "Pod");

    assertThat(deployment.at(path("spec.template.spec.containers"))).isEqualTo(ListType.map("name"));
    assertThat(cronJob.at(path("spec.jobTemplate.spec.template.spec.initContainers"))).isEqualTo(ListType.map("name"));
    assertThat(pod.at(path("spec.containers.[].ports")).keys()).containsExactly("containerPort", "protocol");
    assertThat(pod.at(path("spec.containers.[].env"))).isEqualTo(ListType.map("name"));
    assertThat(pod.at(path("spec.containers.[].volumeMounts"))).isEqualTo(ListType.map("mountPath"));
    assertThat(pod.at(path("spec.volumes"))).isEqualTo(ListType.map("name"));
    assertThat(pod.at(path("spec.tolerations"))).isEqualTo(ListType.atomic());
    assertThat(pod.at(path("spec.containers.[].args"))).isEqualTo(ListType.atomic());
    assertThat(pod.at(path("spec.containers.[].command"))).isEqualTo(ListType.atomic());
    assertThat(pod.at(path("spec.nodeSelector"))).isEqualTo(ListType.atomic());
    assertThat(pod.at(path("status.conditions"))).isEqualTo(ListType.map("type"));
    assertThat(deployment.at(path("spec.selector"))).isEqualTo(ListType.atomic());
    assertThat(deployment.at(path("metadata.ownerReferences"))).isEqualTo(ListType.map("uid"));
    assertThat(deployment.at(path("metadata.finalizers"))).isEqualTo(ListType.set());
    assertThat(deployment.at(path("metadata.labels"))).isNull();
  }

  @Test
  void builtinKindSpecificEntries() {
    assertThat(ListTypes.builtin("v1", "Service").at(path("spec.ports")).keys()).containsExactly("port", "protocol");
    assertThat(ListTypes.builtin("v1", "Service").at(path("spec.selector"))).isEqualTo(ListType.atomic());
    assertThat(ListTypes.builtin("v1", "Node").at(path("status.conditions"))).isEqualTo(ListType.map("type"));
    assertThat(ListTypes.builtin("autoscaling/v2", "HorizontalPodAutoscaler").at(path("status.conditions")))
        .isEqualTo(ListType.map("type"));
    assertThat(ListTypes.builtin("autoscaling/v2", "HorizontalPodAutoscaler").at(path("spec.metrics"))).isNull();
    assertThat(ListTypes.builtin("batch/v1", "Job").at(path("status.conditions"))).isEqualTo(ListType.atomic());
  }

  @Test
  void aServicePortWithoutProtocolIsKeyedWithTcp() throws Exception {
    FieldManager fm = new FieldManager(new SsaFixtures.TestClock("2025-01-01T10:00:00Z"));

    var svc = fm.apply(null, SsaFixtures.json("""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"m-full"},
         "spec":{"selector":{"app":"m"},"ports":[{"port":80,"targetPort":8080}]}}"""), "shield-operator", false,
        ListTypes.builtin("v1", "Service"), FieldManager.Subresource.NONE);

    assertThat(SsaFixtures.fieldsV1(svc, "shield-operator", "Apply")).isEqualTo(SsaFixtures.json("""
        {"f:spec":{"f:ports":{"k:{\\"port\\":80,\\"protocol\\":\\"TCP\\"}":{".":{},"f:port":{},"f:targetPort":{}}},
          "f:selector":{}}}"""));
  }
}
