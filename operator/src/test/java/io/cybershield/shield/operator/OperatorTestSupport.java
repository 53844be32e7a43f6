package io.cybershield.shield.operator;

import io.cybershield.shield.sandbox.testing.Kubectl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One sandbox with the operator per test class, and one namespace per test, deleted afterwards so that the next
 * test sees the whole GPU inventory again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OperatorTestSupport {

  protected OperatorOnSandbox sandbox;
  protected String ns;

  /** Prefix of the per-test namespaces, so a failing test's leftovers are easy to attribute. */
  protected abstract String namespacePrefix();

  @BeforeAll
  void start() throws IOException {
    assumeTrue(Kubectl.requiredOnCi(), "kubectl is not on the PATH");
    sandbox = startSandbox();
  }

  /** The sandbox with the operator this class tests. */
  protected OperatorOnSandbox startSandbox() throws IOException {
    return new OperatorOnSandbox();
  }

  @AfterAll
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @BeforeEach
  void namespace(TestInfo info) {
    ns = namespacePrefix() + info.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "");
    ns = ns.substring(0, Math.min(60, ns.length()));
    sandbox.kubectl.apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: " + ns + "}\n");
  }

  @AfterEach
  void freeTheGpus() {
    sandbox.kubectl.ok("delete", "namespace", ns, "--timeout=30s");
  }
}
