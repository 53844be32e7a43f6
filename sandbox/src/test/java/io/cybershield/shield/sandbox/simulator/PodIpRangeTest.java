package io.cybershield.shield.sandbox.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PodIpRangeTest {

  @Test
  void theRangeStartsAt127_244_0_2AndSkipsNetworkGatewayAndBroadcastOfEachBlock() {
    assertThat(KubeletController.podIpAt(0)).isEqualTo("127.244.0.2");
    assertThat(KubeletController.podIpAt(252)).isEqualTo("127.244.0.254");
    assertThat(KubeletController.podIpAt(253)).isEqualTo("127.244.1.2");
    assertThat(KubeletController.podIpAt(253 * 256)).isEqualTo("127.245.0.2");
    assertThat(KubeletController.podIpAt(KubeletController.POD_RANGE_SIZE - 1)).isEqualTo("127.255.255.254");
  }
}
