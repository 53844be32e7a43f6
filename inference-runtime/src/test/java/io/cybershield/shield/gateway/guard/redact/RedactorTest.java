package io.cybershield.shield.gateway.guard.redact;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redactor per type, on values written out here: each secret is found with its type and exact span, and each
 * look-alike (addresses, hashes, UUIDs, digests, public keys, placeholders, Luhn-invalid numbers, timestamps)
 * survives untouched.
 */
class RedactorTest {

  private final Redactor redactor = new Redactor();

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      email                   | reported by maria.lopez@helio-bank.de today    | maria.lopez@helio-bank.de
      phone                   | call back +44 20 7946 0321 before noon         | +44 20 7946 0321
      phone                   | Tel: (212) 555-0198                            | (212) 555-0198
      phone                   | mobile 06 12 34 56 78                          | 06 12 34 56 78
      password                | DB_PASSWORD=Hunter2-prod!                      | Hunter2-prod!
      password                | {"user":"ops","password":"Q9!vx-22mm"}         | Q9!vx-22mm
      password                | jdbc:postgresql://ops:S3cure%21pw@10.0.0.5/soc | S3cure%21pw
      password                | Server=db;User Id=sa;Password=Tz8#kq1;Encrypt=1 | Tz8#kq1
      password                | openssl pkcs12 -passin pass:Kx7vP2qq -in a.p12  | Kx7vP2qq
      password                | Authorization: Basic b3BzOlM0bXBsZS1wdw==       | b3BzOlM0bXBsZS1wdw==
      password                | the new password is Kq7-vault22 for now          | Kq7-vault22
      password                | pass: S3cr3tP@ss                                | S3cr3tP@ss
      password                | redis://:Sup3rS3cret9@10.1.1.5:6379/0           | Sup3rS3cret9
      generic_api_key         | stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc         | sk_live_4eC39HqLyjWDarjtT1zdp7dc
      bearer_token            | Authorization: Bearer 8f3kQ2xZ7pL1vN9sT4wR6yU0  | 8f3kQ2xZ7pL1vN9sT4wR6yU0
      aws_access_key_id       | key AKIAQ3EGUXZ7KT4MBR2D in CloudTrail          | AKIAQ3EGUXZ7KT4MBR2D
      github_token            | GITHUB_TOKEN=ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8 | ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8
      slack_token             | token xoxb-2481-93716-Zq8WmN4pLx2Rv7Ks           | xoxb-2481-93716-Zq8WmN4pLx2Rv7Ks
      slack_webhook           | post to https://hooks.slack.com/services/T024BE7LD/B8Q1X2Z3Y/Qw3rTy6uIo9pAs2dF4gH | https://hooks.slack.com/services/T024BE7LD/B8Q1X2Z3Y/Qw3rTy6uIo9pAs2dF4gH
      generic_api_key         | VT_APIKEY=9c1e4b7a2f8d3e6b5a0c9d8e7f6a5b4c       | 9c1e4b7a2f8d3e6b5a0c9d8e7f6a5b4c
      azure_connection_string | AccountName=logs;AccountKey=Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8=;EndpointSuffix=core.windows.net | Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8=
      credit_card             | card 4539 1488 0343 6467 exp 10/27              | 4539 1488 0343 6467
      credit_card             | amex 3714-496353-98431                          | 3714-496353-98431
      iban                    | pay to DE89 3704 0044 0532 0130 00 now          | DE89 3704 0044 0532 0130 00
      iban                    | IBAN GB82WEST12345698765432                     | GB82WEST12345698765432
      us_ssn                  | SSN 536-22-8761 on file                         | 536-22-8761
      uk_nino                 | NINO AB 12 34 56 C                              | AB 12 34 56 C
      es_dni                  | DNI 12345678Z                                   | 12345678Z
      es_dni                  | NIE X1234567L                                   | X1234567L
      nl_bsn                  | BSN 111222333                                   | 111222333
      fr_nir                  | NIR 2 69 05 49 588 157 80                       | 2 69 05 49 588 157 80
      ca_sin                  | SIN 193 456 787                                 | 193 456 787
      se_personnummer         | personnummer 811228-9874                        | 811228-9874
      de_tax_id               | Steuer-ID 86095742719                           | 86095742719
      phone                   | Tel. 089/12 34 56 7                             | 089/12 34 56 7
      phone                   | bel me op 06-12345678                           | 06-12345678
      password                | mysql -u root -pD0lphin!Root shop               | D0lphin!Root
      password                | <password>N3xus!Depl0y</password>               | N3xus!Depl0y
      password                | keytool -list -keystore ks.jks -storepass Ks-St0re-Pw | Ks-St0re-Pw
      generic_api_key         | maps key AIzaSyD4x9Q2mN7pL1vK8sT3wR6yU0bC5eF2gH1 | AIzaSyD4x9Q2mN7pL1vK8sT3wR6yU0bC5eF2gH1
      azure_connection_string | https://logs.blob.core.windows.net/x.csv?sv=2022-11-02&sp=r&sig=Zk3xQ9mN2pL7vK1sT8wR4yU6bC0eF5gH2jD9aS3%3D | Zk3xQ9mN2pL7vK1sT8wR4yU6bC0eF5gH2jD9aS3%3D
      slack_token             | SLACK_APP_TOKEN=xapp-1-A0123456789-1234567890123-9f8e7d6c5b4a39281706f5e4d3c2b1a0 | xapp-1-A0123456789-1234567890123-9f8e7d6c5b4a39281706f5e4d3c2b1a0
      """)
  void findsEachType(String type, String text, String secret) {
    Redaction redaction = redactor.redact(text);
    int start = text.indexOf(secret);
    assertThat(redaction.findings()).containsExactly(new Finding(type, start, start + secret.length()));
    assertThat(redaction.text()).isEqualTo(text.replace(secret, "[REDACTED:" + type + "]"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "DENY tcp 10.20.4.17:51522 -> 192.168.1.200:443",
      "peer 2001:db8:85a3::8a2e:370:7334 port 443",
      "sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "md5 5d41402abc4b2a76b9719d911017c592 sha1 aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",
      "commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
      "request 123e4567-e89b-12d3-a456-426614174000 done",
      "image: ghcr.io/acme/collector@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
      "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2x\n-----END CERTIFICATE-----",
      "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----",
      "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7v2Xz ops@bastion",
      "DB_PASSWORD=${DB_PASSWORD}",
      "password: <password>",
      "password=****",
      "password: changeme",
      "api_key: {{ .Values.apiKey }}",
      "postgres://app:${DB_PASS}@db.corp.internal:5432/soc",
      "card 4539 1488 0343 6468 declined",
      "at 2026-11-05T14:22:31.123Z epoch 1762352551 ms 1762352551123",
      "kernel 5.15.0-105-generic chrome/124.0.6367.91 build 10.0.19045.4291",
      "order 8812739911 ticket #448812 invoice INV20261105",
      "listen 0.0.0.0:8443 and [::1]:9090",
      "The password policy requires 14 characters; rotate the api key quarterly.",
      "the password is expired and the password was reset; compass: north",
      "token_type: Bearer\nexpires_in: 3600",
      "SSN 000-12-3456 and 666-12-3456 and 912-12-3456 are not issued",
      "git clone git@github.com:acme/payments.git",
      "POSTGRES_PASSWORD_FILE=/run/secrets/postgres_password",
      "password: !vault |",
      "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
      "03.12.2026 14:22:01 Anmeldung",
      "processed 812 345 678 events",
      "secretName: shop-fabrikam-io-tls-2026",
      "docker run -u 1000:1000 alpine",
      "PASS_MAX_DAYS=99999",
  })
  void leavesLookAlikes(String text) {
    Redaction redaction = redactor.redact(text);
    assertThat(redaction.findings()).isEmpty();
    assertThat(redaction.text()).isSameAs(text);
  }

  /** Carriers added after heldout4 and heldout5: each text holds one secret of the type named. */
  @Test
  void findsTheCarriersOfTheSecondRound() {
    String[][] cases = {
        {"email", "GET /unsubscribe?email=k.oduya%40savannah.co.ke HTTP/1.1", "k.oduya%40savannah.co.ke"},
        {"email", "E-Mail:max.mustermann@beispiel-gmbh.de", "max.mustermann@beispiel-gmbh.de"},
        {"phone", "Tel (+44) 20 7946 0113", "(+44) 20 7946 0113"},
        {"password", "define( 'DB_PASSWORD', 'Wp-C0nfig-Pw2!' );", "Wp-C0nfig-Pw2!"},
        {"password", "ldapsearch -x -D 'cn=svc' -w Ldp-Srch-92 '(uid=x)'", "Ldp-Srch-92"},
        {"password", "Das Passwort lautet Winter!2027x, bitte", "Winter!2027x"},
        {"password", "lösenordet är Fika!2027 tills vidare", "Fika!2027"},
        {"password", "<add key=\"SmtpPassword\" value=\"Mail#Relay2027\" />", "Mail#Relay2027"},
        {"password", "username,password,created\nsvc_report,R3port!ng#Q5,2026-12-01", "R3port!ng#Q5"},
        {"password", "| host | password |\n|---|---|\n| db-prod | Pg#Prod!2027 |", "Pg#Prod!2027"},
        {"password", "db01.internal:5432:*:reporting:Pgp4ss-F2le!", "Pgp4ss-F2le!"},
        {"password", "sqlcmd -S sql01 -U sa -P 'Sql-Cmd-P5ss' -Q x", "Sql-Cmd-P5ss"},
        {"password", "7z a -pSevenZ1p-Pw archive.7z docs/", "SevenZ1p-Pw"},
        {"password", "echo 'Sud0-Pipe-Pw' | sudo -S systemctl restart nginx", "Sud0-Pipe-Pw"},
        {"password", "WLAN-Schlüssel: Fritz!Box-7590-Key", "Fritz!Box-7590-Key"},
        {"password", "PIN/Passwort für VPN: Vpn-2026-Key!", "Vpn-2026-Key!"},
        {"bearer_token", "{\"access_token\":\"ya29.a0Ad52NFT_MzJw9DUi5PW0Ezf2o30H8ST\"}", "ya29.a0Ad52NFT_MzJw9DUi5PW0Ezf2o30H8ST"},
        {"bearer_token", "{\"access_token\":\"Zq8Wm2Xn4Vb7Lp1Zr8Ts3Yd6Hf0Gj5Ce\",\"token_type\":\"bearer\"}", "Zq8Wm2Xn4Vb7Lp1Zr8Ts3Yd6Hf0Gj5Ce"},
        {"generic_api_key", "Authorization: SSWS 00QCjAl4MlV-WPXM8yT3bvGyWvNnvbP0uYe6Ex5pFB", "00QCjAl4MlV-WPXM8yT3bvGyWvNnvbP0uYe6Ex5pFB"},
        {"generic_api_key", "clé API : 7Hk2Lp9Qw4Er6Ty1Ui3Op5As8Df0Gh", "7Hk2Lp9Qw4Er6Ty1Ui3Op5As8Df0Gh"},
        {"generic_api_key", "HEROKU_API_KEY=2f7c1b0e-4d3a-4b8e-9c6d-5a1f0e2d3c4b", "2f7c1b0e-4d3a-4b8e-9c6d-5a1f0e2d3c4b"},
        {"azure_connection_string", "az storage blob list --account-key Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8=",
            "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8="},
        {"credit_card", "{\"order\":881,\"pan\":4539148803436467}", "4539148803436467"},
        {"iban", "IBAN:DE89370400440532013000", "DE89370400440532013000"},
        {"uk_nino", "NINO ab123457c", "ab123457c"},
        {"uk_nino", "National Insurance number: QQ 12 34 57 C", "QQ 12 34 57 C"},
        {"nl_bsn", "BSN: 1112 22 333", "1112 22 333"},
        {"de_tax_id", "IdNr: 860 957 427 19", "860 957 427 19"},
        {"se_personnummer", "| Andersson | 198112289874 | (personnr)", "198112289874"},
    };
    for (String[] c : cases) {
      int start = c[1].indexOf(c[2]);
      assertThat(redactor.redact(c[1]).findings()).as(c[0] + " in case " + c[1].length())
          .contains(new Finding(c[0], start, start + c[2].length()));
    }
  }

  /** Look-alikes of the second round's carriers. */
  @ParameterizedTest
  @ValueSource(strings = {
      "kubectl create secret generic db-pass --from-file=password=./pw.txt",
      "ps -u root,daemon -o pid,cmd",
      "ssh -l admin -p 2222 bastion.corp.local",
      "docker run -u 1000 -p 8080:80 nginx:1.27",
      "mysql -u root -p shop",
      "echo $PW | sudo -S apt-get update",
      "Passwort für das WLAN: siehe Aushang",
      "le mot de passe est obligatoire",
      "<add key=\"SmtpPassword\" value=\"#{SmtpPassword}#\" />",
      "test_name,pass,fail\nauth_flow,120,3",
      "password,strength\nlength,12\nsymbols,2",
      "| user | password |\n|---|---|\n| admin | (see vault) |",
      "| date | events |\n|---|---|\n| 2026-12-03 | 913 456 780 |",
      "number of events: 913 456 780",
      "request_id=2f7c1b0e-4d3a-4b8e-9c6d-5a1f0e2d3c4b",
      "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJzekNDQVZtZ0F3SUJBZ0lVZk4wYUhiM3pyMmxMMFRuWUZqUHZacDBROEM4d0NnWUlLb1pJemowRUF3SXc=",
      "Time:12:34:56 port:443 uid:1000",
      "backup:x:34:34:backup:/var/backups:/usr/sbin/nologin",
  })
  void leavesTheSecondRoundsLookAlikes(String text) {
    assertThat(redactor.redact(text).findings()).isEmpty();
  }

  @Test
  void privateKeysAreRedactedWholeRawEscapedAndIndented() {
    String raw = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx3\nq8Zr==\n-----END RSA PRIVATE KEY-----";
    String escaped = "{\"key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\nkq8==\\n-----END PRIVATE KEY-----\\n\"}";
    String yaml = "tls:\n  key: |\n    -----BEGIN EC PRIVATE KEY-----\n    MHcCAQEEIB\n    -----END EC PRIVATE KEY-----\n";

    assertThat(redactor.redact("file:\n" + raw + "\nend").text()).isEqualTo("file:\n[REDACTED:private_key]\nend");
    assertThat(redactor.redact(escaped).text()).isEqualTo("{\"key\": \"[REDACTED:private_key]\\n\"}");
    assertThat(redactor.redact(yaml).text()).isEqualTo("tls:\n  key: |\n    [REDACTED:private_key]\n");
  }

  @Test
  void aGcpServiceAccountKeyLosesItsKeyAndKeyId() {
    String json = "{\"type\": \"service_account\", \"private_key_id\": \"4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39\","
        + " \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvg\\n-----END PRIVATE KEY-----\\n\"}";

    assertThat(redactor.redact(json).findings()).extracting(Finding::type)
        .containsExactly("gcp_service_account_key", "gcp_service_account_key");
  }

  @Test
  void aJwtInABearerHeaderIsAJwt() {
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbmFseXN0In0.Qm9ndXNTaWduYXR1cmVWYWx1ZQ";
    assertThat(redactor.redact("Authorization: Bearer " + jwt).text())
        .isEqualTo("Authorization: Bearer [REDACTED:jwt]");
  }

  @Test
  void awsSecretKeysAreFoundInContext() {
    String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKQ";
    String text = "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = " + secret + "\n";
    List<Finding> findings = redactor.redact(text).findings();

    assertThat(findings).extracting(Finding::type).containsExactly("aws_access_key_id", "aws_secret_access_key");
    assertThat(text.substring(findings.get(1).start(), findings.get(1).end())).isEqualTo(secret);
  }

  @Test
  void offsetsAreThoseOfTheOriginalTextAndSortedWithoutOverlap() {
    String text = "from ana@acme-soc.com, card 4111 1111 1111 1111, key AKIAQ3EGUXZ7KT4MBR2D, ip 10.0.0.1";
    Redaction redaction = redactor.redact(text);

    assertThat(redaction.findings()).containsExactly(
        new Finding("email", 5, 21),
        new Finding("credit_card", 28, 47),
        new Finding("aws_access_key_id", 53, 73));
    assertThat(redaction.text()).isEqualTo("from [REDACTED:email], card [REDACTED:credit_card], key "
        + "[REDACTED:aws_access_key_id], ip 10.0.0.1");
  }

  @Test
  void aPathologicalTextIsAnsweredWhole() {
    String text = "a=".repeat(100_000) + " password=Qx7-plw22 " + "1 ".repeat(50_000) + "+".repeat(20_000);
    Redaction redaction = redactor.redact(text);

    assertThat(redaction.findings()).extracting(Finding::type).containsExactly("password");
    assertThat(redaction.text()).contains("password=[REDACTED:password]").hasSize(text.length() - 9 + 19);
  }
}
