package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.cybershield.shield.gateway.triage.logs.LogSource.CLOUDTRAIL;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.fired;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.firedAlone;
import static org.assertj.core.api.Assertions.assertThat;

/** AWS CloudTrail rules (one JSON event per line, and the Records wrapper). */
class CloudTrailRulesTest {

  private static String event(String source, String name, String identity, String request) {
    return "{\"eventVersion\":\"1.09\",\"eventTime\":\"2026-12-01T10:00:00Z\",\"eventSource\":\"" + source
        + "\",\"eventName\":\"" + name + "\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"198.51.100.20\","
        + "\"userAgent\":\"aws-cli/2.15.0\",\"userIdentity\":" + identity + ",\"requestParameters\":" + request
        + "}";
  }

  private static final String ALICE = "{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/alice\","
      + "\"userName\":\"alice\",\"accountId\":\"111122223333\"}";

  @Test
  void stopLoggingAndDeleteTrailAreCritical() {
    assertThat(firedAlone(CLOUDTRAIL, event("cloudtrail.amazonaws.com", "StopLogging", ALICE,
        "{\"name\":\"org-trail\"}"))).contains("shield-aws-evasion-001");
    assertThat(firedAlone(CLOUDTRAIL, "{\"Records\":[" + event("cloudtrail.amazonaws.com", "DeleteTrail", ALICE,
        "{\"name\":\"org-trail\"}") + "]}")).contains("shield-aws-evasion-001");
  }

  @Test
  void administratorAccessAttachedAndBucketMadePublic() {
    assertThat(firedAlone(CLOUDTRAIL, event("iam.amazonaws.com", "AttachUserPolicy", ALICE,
        "{\"userName\":\"mallory\",\"policyArn\":\"arn:aws:iam::aws:policy/AdministratorAccess\"}")))
        .contains("shield-aws-privesc-001");
    assertThat(firedAlone(CLOUDTRAIL, event("s3.amazonaws.com", "PutBucketAcl", ALICE,
        "{\"bucketName\":\"finance-exports\",\"x-amz-acl\":\"public-read\"}"))).contains("shield-aws-exfil-001");
  }

  @Test
  void kmsKeyScheduledForDeletion() {
    assertThat(firedAlone(CLOUDTRAIL, event("kms.amazonaws.com", "ScheduleKeyDeletion", ALICE,
        "{\"keyId\":\"1234abcd-12ab-34cd-56ef-1234567890ab\",\"pendingWindowInDays\":7}")))
        .contains("shield-aws-impact-001");
  }

  @Test
  void keyRotationKmsRotationAndBackupLifecycleAreNotFlagged() {
    List<Set<String>> benign = fired(CLOUDTRAIL,
        event("iam.amazonaws.com", "CreateAccessKey", ALICE, "{\"userName\":\"alice\"}"),
        event("iam.amazonaws.com", "UpdateAccessKey", ALICE, "{\"userName\":\"alice\",\"status\":\"Inactive\"}"),
        event("iam.amazonaws.com", "DeleteAccessKey", ALICE, "{\"userName\":\"alice\",\"accessKeyId\":\"AKIAEXAMPLE\"}"),
        event("kms.amazonaws.com", "EnableKeyRotation", ALICE, "{\"keyId\":\"k-1\"}"),
        event("kms.amazonaws.com", "RotateKeyOnDemand", ALICE, "{\"keyId\":\"k-1\"}"),
        event("ec2.amazonaws.com", "DeleteSnapshot", "{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::111122223333:"
            + "assumed-role/AWSBackupDefaultServiceRole/AWSBackup-1\",\"invokedBy\":\"backup.amazonaws.com\"}",
            "{\"snapshotId\":\"snap-0abc\"}"),
        event("ec2.amazonaws.com", "CreateSnapshot", ALICE, "{\"volumeId\":\"vol-0abc\"}"),
        event("signin.amazonaws.com", "ConsoleLogin", ALICE, "null"));
    assertThat(benign).allMatch(Set::isEmpty);
  }

  // ---------------------------------------------------------------- round 2 (lines written here)

  private static String call(String source, String name, String parameters, String error) {
    return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:"
        + "user/build-bot\",\"accountId\":\"111122223333\",\"userName\":\"build-bot\"},\"eventTime\":"
        + "\"2027-03-01T10:00:00Z\",\"eventSource\":\"" + source + "\",\"eventName\":\"" + name + "\",\"awsRegion\":"
        + "\"eu-west-1\",\"sourceIPAddress\":\"203.0.113.50\",\"userAgent\":\"aws-cli/2.15.0\",\"requestParameters\":"
        + parameters + (error == null ? "" : ",\"errorCode\":\"" + error + "\"") + ",\"recipientAccountId\":"
        + "\"111122223333\"}";
  }

  @Test
  void threeDifferentSecretsReadQuicklyButNotOneSecretReadTwice() {
    String[] three = new String[3];
    for (int i = 0; i < 3; i++) {
      three[i] = call("secretsmanager.amazonaws.com", "GetSecretValue", "{\"secretId\":\"app/secret-" + i + "\"}", null);
    }
    org.assertj.core.api.Assertions.assertThat(ShippedRules.fired(io.cybershield.shield.gateway.triage.logs.LogSource.CLOUDTRAIL, three)).allMatch(ids -> ids.contains("shield-aws-cred-006"));
    String same = call("secretsmanager.amazonaws.com", "GetSecretValue", "{\"secretId\":\"app/db\"}", null);
    org.assertj.core.api.Assertions.assertThat(ShippedRules.fired(io.cybershield.shield.gateway.triage.logs.LogSource.CLOUDTRAIL, same, same)).allMatch(ids -> !ids.contains("shield-aws-cred-006"));
  }

  @Test
  void deniedCallsAcrossServicesAreProbing() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.fired(io.cybershield.shield.gateway.triage.logs.LogSource.CLOUDTRAIL,
        call("ec2.amazonaws.com", "DescribeInstances", "{}", "Client.UnauthorizedOperation"),
        call("s3.amazonaws.com", "ListBuckets", "{}", "AccessDenied"),
        call("iam.amazonaws.com", "ListUsers", "{}", "AccessDenied")))
        .allMatch(ids -> ids.contains("shield-aws-disc-004"));
  }

  @Test
  void trustToAnotherAccountRootAndOneDayExpiry() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.CLOUDTRAIL, call("iam.amazonaws.com", "UpdateAssumeRolePolicy",
        "{\"roleName\":\"ops\",\"policyDocument\":\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
            + "\\\"Principal\\\":{\\\"AWS\\\":\\\"arn:aws:iam::444400001111:root\\\"},\\\"Action\\\":"
            + "\\\"sts:AssumeRole\\\"}]}\"}", null))).contains("shield-aws-privesc-006");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.CLOUDTRAIL, call("s3.amazonaws.com", "PutBucketLifecycle",
        "{\"bucketName\":\"db-dumps\",\"LifecycleConfiguration\":{\"Rule\":{\"ID\":\"x\",\"Status\":"
            + "\"Enabled\",\"Expiration\":{\"Days\":1}}}}", null))).contains("shield-aws-impact-008");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.CLOUDTRAIL, call("s3.amazonaws.com", "PutBucketLifecycle",
        "{\"bucketName\":\"logs\",\"LifecycleConfiguration\":{\"Rule\":{\"ID\":\"x\",\"Status\":"
            + "\"Enabled\",\"Expiration\":{\"Days\":365}}}}", null))).doesNotContain("shield-aws-impact-008");
  }

  @Test
  void stolenKeyMappingTheAccountButNotASingleLookup() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.fired(io.cybershield.shield.gateway.triage.logs.LogSource.CLOUDTRAIL,
        call("sts.amazonaws.com", "GetCallerIdentity", "null", null),
        call("iam.amazonaws.com", "ListUsers", "{}", null),
        call("iam.amazonaws.com", "ListRoles", "{}", null),
        call("ec2.amazonaws.com", "DescribeInstances", "{}", null)))
        .allMatch(ids -> ids.contains("shield-aws-disc-005"));
    org.assertj.core.api.Assertions.assertThat(ShippedRules.fired(io.cybershield.shield.gateway.triage.logs.LogSource.CLOUDTRAIL, call("sts.amazonaws.com", "GetCallerIdentity", "null", null),
        call("s3.amazonaws.com", "ListBuckets", "{}", null))).allMatch(ids -> !ids.contains("shield-aws-disc-005"));
  }

  @Test
  void logBucketDeletedForeignKeyMaterialAdminLambdaAndRunCommandByAUser() {
    assertThat(firedAlone(CLOUDTRAIL, call("s3.amazonaws.com", "DeleteBucket", "{\"bucketName\":\"acme-org-trail-logs\"}",
        null))).contains("shield-aws-impact-020");
    assertThat(firedAlone(CLOUDTRAIL, call("s3.amazonaws.com", "DeleteBucket", "{\"bucketName\":\"acme-tmp-build\"}",
        null))).doesNotContain("shield-aws-impact-020");
    assertThat(firedAlone(CLOUDTRAIL, call("kms.amazonaws.com", "CreateKey", "{\"origin\":\"EXTERNAL\","
        + "\"keyUsage\":\"ENCRYPT_DECRYPT\"}", null))).contains("shield-aws-impact-021");
    assertThat(firedAlone(CLOUDTRAIL, call("kms.amazonaws.com", "CreateKey", "{\"origin\":\"AWS_KMS\"}", null)))
        .doesNotContain("shield-aws-impact-021");
    assertThat(firedAlone(CLOUDTRAIL, call("lambda.amazonaws.com", "CreateFunction20150331", "{\"functionName\":\"x\","
        + "\"role\":\"arn:aws:iam::111122223333:role/CorpAdminRole\"}", null))).contains("shield-aws-privesc-020");
    assertThat(firedAlone(CLOUDTRAIL, call("lambda.amazonaws.com", "CreateFunction20150331", "{\"functionName\":\"x\","
        + "\"role\":\"arn:aws:iam::111122223333:role/thumbnailer-exec\"}", null))).doesNotContain("shield-aws-privesc-020");
    assertThat(firedAlone(CLOUDTRAIL, call("ssm.amazonaws.com", "SendCommand", "{\"documentName\":\"AWS-RunShellScript\","
        + "\"instanceIds\":[\"i-0abc\"]}", null))).contains("shield-aws-exec-020");
  }
}
