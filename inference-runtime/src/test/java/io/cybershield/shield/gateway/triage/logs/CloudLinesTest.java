package io.cybershield.shield.gateway.triage.logs;

import org.junit.jupiter.api.Test;

import static io.cybershield.shield.gateway.triage.logs.ParsedLines.parsed;

/** CloudTrail, Kubernetes audit and Okta System Log JSON, flattened, with the canonical fields. Lines written here. */
class CloudLinesTest {

  @Test
  void cloudTrailCreateAccessKey() {
    parsed(LogSource.AUTO, "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":"
        + "\"AIDAEXAMPLEPRINCIPAL1\",\"arn\":\"arn:aws:iam::111122223333:user/ci-deployer\",\"accountId\":"
        + "\"111122223333\",\"userName\":\"ci-deployer\"},\"eventTime\":\"2026-03-03T09:12:44Z\",\"eventSource\":"
        + "\"iam.amazonaws.com\",\"eventName\":\"CreateAccessKey\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":"
        + "\"198.51.100.61\",\"userAgent\":\"aws-cli/2.15.0\",\"requestParameters\":{\"userName\":\"break-glass\"},"
        + "\"responseElements\":{\"accessKey\":{\"userName\":\"break-glass\",\"status\":\"Active\"}}}")
        .is(LogSource.CLOUDTRAIL, LogFormat.JSON).has("eventName", "CreateAccessKey")
        .has("eventSource", "iam.amazonaws.com").has("awsRegion", "us-east-1").has("sourceIPAddress", "198.51.100.61")
        .has("userIdentity.type", "IAMUser").has("userIdentity.arn", "arn:aws:iam::111122223333:user/ci-deployer")
        .has("userIdentity.userName", "ci-deployer").has("requestParameters.userName", "break-glass")
        .has("responseElements.accessKey.status", "Active").has("src_ip", "198.51.100.61")
        .has("user", "ci-deployer").has("outcome", "success").has("timestamp", "2026-03-03T09:12:44Z");
  }

  @Test
  void eventsInsideAShippersEnvelopeAreReadAtTheTopToo() {
    parsed(LogSource.AUTO, "{\"version\":\"0\",\"id\":\"6a7e8feb\",\"detail-type\":\"AWS API Call via "
        + "CloudTrail\",\"source\":\"aws.cloudtrail\",\"account\":\"444455556666\",\"detail\":{\"eventVersion\":"
        + "\"1.09\",\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\",\"awsRegion\":"
        + "\"eu-central-1\",\"sourceIPAddress\":\"192.0.2.77\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":"
        + "\"ops-bot\"}}}")
        .is(LogSource.CLOUDTRAIL, LogFormat.JSON).has("eventName", "StopLogging").has("detail.eventName", "StopLogging")
        .has("src_ip", "192.0.2.77").has("user", "ops-bot");
    parsed(LogSource.AUTO, "{\"time\":1796025561,\"host\":\"okta\",\"sourcetype\":\"OktaIM2:log\",\"event\":"
        + "{\"eventType\":\"user.session.start\",\"actor\":{\"alternateId\":\"r.ng@example.org\",\"type\":"
        + "\"User\"},\"client\":{\"ipAddress\":\"198.51.100.9\"},\"outcome\":{\"result\":\"FAILURE\"},"
        + "\"published\":\"2026-12-01T10:00:00Z\"}}")
        .is(LogSource.OKTA, LogFormat.JSON).has("eventType", "user.session.start").has("user", "r.ng@example.org")
        .has("src_ip", "198.51.100.9").has("outcome", "failure");
    parsed(LogSource.AUTO, "{\"_index\":\"k8s-audit\",\"_source\":{\"kind\":\"Event\",\"apiVersion\":"
        + "\"audit.k8s.io/v1\",\"verb\":\"create\",\"requestURI\":\"/api/v1/namespaces/prod/pods/web-0/exec\","
        + "\"user\":{\"username\":\"dev-7\"},\"objectRef\":{\"resource\":\"pods\",\"subresource\":\"exec\"}}}")
        .is(LogSource.KUBERNETES_AUDIT, LogFormat.JSON).has("objectRef.subresource", "exec").has("user", "dev-7");
  }

  @Test
  void cloudTrailFailedConsoleLoginInRecords() {
    parsed(LogSource.CLOUDTRAIL, "{\"Records\":[{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"Root\","
        + "\"arn\":\"arn:aws:iam::111122223333:root\"},\"eventSource\":\"signin.amazonaws.com\",\"eventName\":"
        + "\"ConsoleLogin\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.200\",\"errorMessage\":"
        + "\"Failed authentication\",\"responseElements\":{\"ConsoleLogin\":\"Failure\"},\"additionalEventData\":"
        + "{\"MFAUsed\":\"No\"}},{\"eventName\":\"Ignored\"}]}")
        .has("eventName", "ConsoleLogin").has("additionalEventData.MFAUsed", "No").has("user", "root")
        .has("outcome", "failure").has("errorMessage", "Failed authentication");
  }

  @Test
  void cloudTrailErrorCodeIsAFailure() {
    parsed(LogSource.CLOUDTRAIL, "{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"PutBucketPolicy\","
        + "\"awsRegion\":\"eu-west-1\",\"errorCode\":\"AccessDenied\",\"userIdentity\":{\"type\":\"AssumedRole\","
        + "\"arn\":\"arn:aws:sts::111122223333:assumed-role/dev-role/session-x\"}}")
        .has("errorCode", "AccessDenied").has("outcome", "failure").has("user", "session-x");
  }

  @Test
  void kubernetesPrivilegedPodCreate() {
    parsed(LogSource.AUTO, "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"RequestResponse\","
        + "\"auditID\":\"6b1f0c2e\",\"stage\":\"ResponseComplete\",\"requestURI\":\"/api/v1/namespaces/default/pods\","
        + "\"verb\":\"create\",\"user\":{\"username\":\"system:serviceaccount:ci:builder\",\"groups\":"
        + "[\"system:serviceaccounts\",\"system:authenticated\"]},\"sourceIPs\":[\"10.244.1.15\"],\"userAgent\":"
        + "\"kubectl/v1.31.0\",\"objectRef\":{\"resource\":\"pods\",\"namespace\":\"default\",\"name\":\"dbg\"},"
        + "\"responseStatus\":{\"code\":201},\"requestObject\":{\"spec\":{\"hostPID\":true,\"containers\":"
        + "[{\"name\":\"a\",\"image\":\"alpine\",\"securityContext\":{\"privileged\":true}},{\"name\":\"b\","
        + "\"image\":\"busybox\"}]}},\"requestReceivedTimestamp\":\"2026-03-03T09:30:00.000000Z\","
        + "\"annotations\":{\"authorization.k8s.io/decision\":\"allow\"}}")
        .is(LogSource.KUBERNETES_AUDIT, LogFormat.JSON).has("verb", "create")
        .has("user.username", "system:serviceaccount:ci:builder")
        .has("user.groups", "system:serviceaccounts", "system:authenticated").has("objectRef.resource", "pods")
        .has("objectRef.namespace", "default").has("objectRef.name", "dbg").has("responseStatus.code", "201")
        .has("requestObject.spec.containers.securityContext.privileged", "true")
        .has("requestObject.spec.containers.image", "alpine", "busybox").has("requestObject.spec.hostPID", "true")
        .has("sourceIPs", "10.244.1.15").has("src_ip", "10.244.1.15")
        .has("user", "system:serviceaccount:ci:builder").has("annotations.authorization.k8s.io/decision", "allow");
  }

  @Test
  void kubernetesExecSubresource() {
    parsed(LogSource.KUBERNETES_AUDIT, "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"verb\":\"create\","
        + "\"requestURI\":\"/api/v1/namespaces/prod/pods/api-7d9/exec?command=sh\",\"user\":{\"username\":"
        + "\"alice@corp.example\"},\"objectRef\":{\"resource\":\"pods\",\"subresource\":\"exec\",\"namespace\":"
        + "\"prod\"},\"responseStatus\":{\"code\":403}}")
        .has("objectRef.subresource", "exec").has("outcome", "failure").has("user", "alice@corp.example");
  }

  @Test
  void oktaFailedLogin() {
    parsed(LogSource.AUTO, "{\"uuid\":\"f1d2c3b4-0000-1111-2222-333344445555\",\"published\":"
        + "\"2026-03-03T08:00:01.000Z\",\"eventType\":\"user.session.start\",\"severity\":\"WARN\",\"displayMessage\":"
        + "\"User login to Okta\",\"actor\":{\"id\":\"00u1abcd\",\"type\":\"User\",\"alternateId\":"
        + "\"maria.k@corp.example\"},\"client\":{\"ipAddress\":\"203.0.113.150\",\"geographicalContext\":"
        + "{\"country\":\"Romania\",\"city\":\"Bucharest\"}},\"outcome\":{\"result\":\"FAILURE\",\"reason\":"
        + "\"INVALID_CREDENTIALS\"},\"target\":[{\"alternateId\":\"Okta Dashboard\",\"type\":\"AppInstance\"}],"
        + "\"authenticationContext\":{\"authenticationStep\":0,\"credentialType\":\"PASSWORD\"},\"debugContext\":"
        + "{\"debugData\":{\"threatSuspected\":\"true\",\"requestUri\":\"/api/v1/authn\"}}}")
        .is(LogSource.OKTA, LogFormat.JSON).has("eventType", "user.session.start").has("outcome.result", "FAILURE")
        .has("outcome.reason", "INVALID_CREDENTIALS").has("actor.alternateId", "maria.k@corp.example")
        .has("actor.type", "User").has("client.ipAddress", "203.0.113.150")
        .has("client.geographicalContext.country", "Romania").has("target.alternateId", "Okta Dashboard")
        .has("target.type", "AppInstance").has("debugContext.debugData.threatSuspected", "true")
        .has("authenticationContext.credentialType", "PASSWORD").has("severity", "WARN")
        .has("displayMessage", "User login to Okta").has("user", "maria.k@corp.example")
        .has("src_ip", "203.0.113.150").has("outcome", "failure").has("country", "Romania")
        .has("message", "User login to Okta");
  }

  @Test
  void oktaMfaResetSucceeded() {
    parsed(LogSource.OKTA, "{\"eventType\":\"user.mfa.factor.reset_all\",\"actor\":{\"alternateId\":"
        + "\"helpdesk@corp.example\",\"type\":\"User\"},\"outcome\":{\"result\":\"SUCCESS\"},\"published\":"
        + "\"2026-03-03T08:05:00Z\",\"target\":[{\"alternateId\":\"cfo@corp.example\",\"type\":\"User\"}]}")
        .has("outcome", "success").has("target.alternateId", "cfo@corp.example");
  }
}
