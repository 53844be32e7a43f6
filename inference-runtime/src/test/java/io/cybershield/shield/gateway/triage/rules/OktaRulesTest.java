package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.cybershield.shield.gateway.triage.logs.LogSource.OKTA;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.fired;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.firedAlone;
import static org.assertj.core.api.Assertions.assertThat;

/** Okta System Log rules. */
class OktaRulesTest {

  private static String okta(String type, String user, String ip, String result, String time) {
    return "{\"actor\":{\"type\":\"User\",\"alternateId\":\"" + user + "\"},\"client\":{\"ipAddress\":\"" + ip
        + "\",\"geographicalContext\":{\"country\":\"Netherlands\"}},\"eventType\":\"" + type + "\",\"outcome\":"
        + "{\"result\":\"" + result + "\"},\"published\":\"2026-12-01T" + time + "Z\",\"displayMessage\":\"x\"}";
  }

  @Test
  void mfaFatigueNeedsSeveralPushesButOneDenialIsNot() {
    assertThat(firedAlone(OKTA, okta("user.mfa.okta_verify.deny_push", "k@corp.example.com", "91.64.12.33",
        "FAILURE", "10:00:00.000"))).isEmpty();
    List<Set<String>> fatigue = fired(OKTA,
        okta("user.mfa.okta_verify.deny_push", "g@corp.example.com", "185.107.56.201", "FAILURE", "10:00:00.000"),
        okta("user.mfa.okta_verify.deny_push", "g@corp.example.com", "185.107.56.201", "FAILURE", "10:00:10.000"),
        okta("user.mfa.okta_verify.deny_push", "g@corp.example.com", "185.107.56.201", "FAILURE", "10:00:20.000"),
        okta("user.authentication.auth_via_mfa", "g@corp.example.com", "185.107.56.201", "SUCCESS", "10:00:30.000"));
    assertThat(fatigue).allMatch(ids -> ids.contains("shield-okta-cred-001"));
  }

  @Test
  void adminPrivilegeGrantAndMfaReset() {
    assertThat(firedAlone(OKTA, okta("user.account.privilege.grant", "d@corp.example.com", "194.26.29.113",
        "SUCCESS", "10:01:00.000"))).contains("shield-okta-privesc-001");
    assertThat(firedAlone(OKTA, okta("user.mfa.factor.reset_all", "d@corp.example.com", "194.26.29.113",
        "SUCCESS", "10:01:10.000"))).contains("shield-okta-persist-001");
  }

  @Test
  void sprayingFromOneAddress() {
    List<Set<String>> spray = fired(OKTA,
        okta("user.session.start", "a@corp.example.com", "194.26.29.113", "FAILURE", "10:02:00.000"),
        okta("user.session.start", "b@corp.example.com", "194.26.29.113", "FAILURE", "10:02:01.000"),
        okta("user.session.start", "c@corp.example.com", "194.26.29.113", "FAILURE", "10:02:02.000"),
        okta("user.session.start", "d@corp.example.com", "194.26.29.113", "FAILURE", "10:02:03.000"));
    assertThat(spray).allMatch(ids -> ids.contains("shield-okta-cred-004"));
  }

  @Test
  void everydaySignInsAndTokenRotationAreNotFlagged() {
    List<Set<String>> benign = fired(OKTA,
        okta("user.session.start", "r@corp.example.com", "177.37.12.8", "FAILURE", "10:03:00.000"),
        okta("user.session.start", "r@corp.example.com", "177.37.12.8", "SUCCESS", "10:03:10.000"),
        okta("user.authentication.sso", "r@corp.example.com", "177.37.12.8", "SUCCESS", "10:03:20.000"),
        okta("system.api_token.create", "admin@corp.example.com", "203.0.113.10", "SUCCESS", "10:03:30.000"),
        okta("system.api_token.revoke", "admin@corp.example.com", "203.0.113.10", "SUCCESS", "10:03:35.000"),
        okta("user.mfa.factor.activate", "n@corp.example.com", "81.2.69.160", "SUCCESS", "10:03:40.000"));
    assertThat(benign).allMatch(Set::isEmpty);
  }

  // ---------------------------------------------------------------- round 2 (lines written here)

  private static String consent(String scopes, String app) {
    return "{\"version\":\"0\",\"detail-type\":\"SystemLog\",\"source\":\"aws.partner/okta.com/example/okta\","
        + "\"detail\":{\"eventType\":\"app.oauth2.as.consent.grant\",\"displayMessage\":\"User granted consent to "
        + "app\",\"actor\":{\"type\":\"User\",\"alternateId\":\"kim@example.org\"},\"client\":{\"ipAddress\":"
        + "\"198.51.100.71\"},\"outcome\":{\"result\":\"SUCCESS\"},\"target\":[{\"type\":\"AppInstance\","
        + "\"displayName\":\"" + app + "\"}],\"debugContext\":{\"debugData\":{\"grantedScopes\":\"" + scopes
        + "\"}}}}";
  }

  @Test
  void consentToDirectoryScopesThroughEventBridgeButNotToSignInScopes() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.OKTA, consent("okta.users.read,offline_access", "Notes Helper")))
        .contains("shield-okta-cred-010");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.OKTA, consent("openid,profile,email", "Expense Portal"))).isEmpty();
  }
}
