package io.cybershield.shield.sandbox.ssa;

import static io.cybershield.shield.sandbox.ssa.SsaFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.ssa.FieldManager.Subresource;
import org.junit.jupiter.api.Test;

class ApplyCreateTest {
  private final SsaFixtures.TestClock clock = new SsaFixtures.TestClock("2025-01-01T10:00:00.750Z");
  private final FieldManager fm = new FieldManager(clock);

  @Test
  void applyThatCreatesADeploymentRecordsExactlyTheAppliedFields() throws Exception {
    ObjectNode applied = json("""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"m-full-onprem","namespace":"default","labels":{"app":"m"}},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"m"}},
           "template":{"metadata":{"labels":{"app":"m"}},
             "spec":{"containers":[{"name":"djl","image":"lmi:1","args":["--model","m"],
               "ports":[{"containerPort":8080}],"env":[{"name":"A","value":"1"}]}]}}},
         "status":{"replicas":5}}""");

    ObjectNode created = fm.apply(null, applied, "shield-operator", false,
        ListTypes.builtin("apps/v1", "Deployment"), Subresource.NONE);

    // status is not taken from a main-resource apply; the port key is completed with its default protocol;
    // selector (atomic struct) and args (atomic list) are owned as a whole
    assertThat(created).isEqualTo(json("""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"m-full-onprem","namespace":"default","labels":{"app":"m"},
           "managedFields":[{"manager":"shield-operator","operation":"Apply","apiVersion":"apps/v1",
             "time":"2025-01-01T10:00:00Z","fieldsType":"FieldsV1","fieldsV1":
             {"f:metadata":{"f:labels":{"f:app":{}}},
              "f:spec":{"f:replicas":{},"f:selector":{},
                "f:template":{"f:metadata":{"f:labels":{"f:app":{}}},
                  "f:spec":{"f:containers":{"k:{\\"name\\":\\"djl\\"}":{".":{},"f:args":{},
                    "f:env":{"k:{\\"name\\":\\"A\\"}":{".":{},"f:name":{},"f:value":{}}},
                    "f:image":{},"f:name":{},
                    "f:ports":{"k:{\\"containerPort\\":8080,\\"protocol\\":\\"TCP\\"}":{".":{},"f:containerPort":{}}}}}}}}}}]},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"m"}},
           "template":{"metadata":{"labels":{"app":"m"}},
             "spec":{"containers":[{"name":"djl","image":"lmi:1","args":["--model","m"],
               "ports":[{"containerPort":8080}],"env":[{"name":"A","value":"1"}]}]}}}}"""));
    // the inputs are left alone
    assertThat(applied.has("status")).isTrue();
    assertThat(applied.path("metadata").has("managedFields")).isFalse();
  }

  @Test
  void metadataBookkeepingFieldsAndTypeFieldsAreNeverTracked() throws Exception {
    ObjectNode applied = json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel",
         "metadata":{"name":"x","namespace":"default","uid":"u-1","resourceVersion":"7","generation":3,
           "creationTimestamp":"2025-01-01T09:00:00Z","annotations":{"team":"blue"}},
         "spec":{"replicas":3}}""");

    ObjectNode created = fm.apply(null, applied, "kubectl", false, crd(), Subresource.NONE);

    assertThat(SsaFixtures.fieldsV1(created, "kubectl", "Apply")).isEqualTo(json("""
        {"f:metadata":{"f:annotations":{"f:team":{}}},"f:spec":{"f:replicas":{}}}"""));
  }

  @Test
  void theDocumentedCustomResourceExampleIsReproduced() throws Exception {
    ObjectNode created = fm.apply(null, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","labels":{"app":"m"}},
         "spec":{"replicas":3,"ports":[{"port":80,"protocol":"TCP"}]}}"""),
        "kubectl", false, crd(), Subresource.NONE);

    assertThat(created.at("/metadata/managedFields")).isEqualTo(json("""
        {"a":[{"manager":"kubectl","operation":"Apply","apiVersion":"example.com/v1","time":"2025-01-01T10:00:00Z",
          "fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{"f:app":{}}},
            "f:spec":{"f:replicas":{},"f:ports":{"k:{\\"port\\":80,\\"protocol\\":\\"TCP\\"}":{".":{},"f:port":{},"f:protocol":{}}}}}}]}
        """).get("a"));
  }

  @Test
  void createThroughUpdateOwnsEveryNewNodeIncludingInnerOnes() {
    ObjectNode created = fm.update(null, json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","namespace":"default",
          "labels":{"app":"m"}},
         "spec":{"replicas":3,"runtime":{"dtype":"fp16"},"items":["a"]},"status":{"servedVersion":"v9"}}"""),
        "kubectl-create", crd(), Subresource.NONE);

    // an Update owns what it added, inner nodes included (written as "."); create drops status
    assertThat(created).isEqualTo(json("""
        {"apiVersion":"example.com/v1","kind":"ShieldModel","metadata":{"name":"x","namespace":"default",
          "labels":{"app":"m"},
          "managedFields":[{"manager":"kubectl-create","operation":"Update","apiVersion":"example.com/v1",
            "time":"2025-01-01T10:00:00Z","fieldsType":"FieldsV1","fieldsV1":
            {"f:metadata":{"f:labels":{".":{},"f:app":{}}},
             "f:spec":{".":{},"f:items":{},"f:replicas":{},"f:runtime":{".":{},"f:dtype":{}}}}}]},
         "spec":{"replicas":3,"runtime":{"dtype":"fp16"},"items":["a"]}}"""));
  }

  static ListTypes crd() {
    return ListTypes.fromCrdSchema(SsaFixtures.resource("shieldmodel-schema.json"));
  }
}
