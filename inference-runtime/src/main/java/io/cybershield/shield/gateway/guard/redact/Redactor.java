package io.cybershield.shield.gateway.guard.redact;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.apache.commons.validator.routines.EmailValidator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Finds secrets and personal data in a text and replaces each with {@code [REDACTED:<type>]}. Every pattern is an
 * RE2/J pattern, so a hostile text cannot make one run longer than linear time; a match is kept only when its
 * validator agrees (check digits, issuer prefixes, context words, not a placeholder), so IP addresses, hashes, UUIDs,
 * digests, public keys, certificates and placeholders such as {@code ${DB_PASSWORD}} survive.
 *
 * <p>Where two matches overlap, the rule listed first wins (a private key over the password inside it, a JWT over
 * the bearer token it is); the findings are sorted and never overlap. Immutable and thread-safe.
 */
public final class Redactor {

  /** A command-line argument: double-quoted, single-quoted or bare; one group each. */
  /** A value: double-quoted, single-quoted or bare to the end of the token; one group each. */
  private static final String VALUE = "(?:\"([^\"\\r\\n]{1,256})\"|'([^'\\r\\n]{1,256})'|([^\\s,;'\"}<]{1,256}))";

  private static final String ARG = "(?:\"([^\"\\n]{1,128})\"|'([^'\\n]{1,128})'|([^\\s'\"|]{1,128}))";

  private static final EmailValidator EMAIL = EmailValidator.getInstance(true, true);

  /** Values that stand for a secret without being one: templates, examples, masks. */
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "(?i)^(?:\\$\\{[^}]*\\}|\\$[A-Z_][A-Z0-9_]*|\\$\\([^)]*\\)|<[^>]*>|\\{\\{[^}]*\\}\\}|%\\([^)]*\\)s|%s|\\*+|x+|"
          + "\\.+|-+|#+|\\[redacted[^\\]]*\\]|redacted|changeme|change_me|change-me|changeit|password|passwd|secret|"
          + "your[_-]?(?:password|secret|token|api[_-]?key|key)[a-z_]*|example|sample|placeholder|dummy|none|null|nil|"
          + "empty|true|false|required|optional|string|undefined|todo|tbd|n/a|\\?+|env|vault:.*|"
          + "secretref:.*|ref\\+.*|arn:aws:secretsmanager:.*|%[A-Z_][A-Z0-9_]*%|\\$env:[A-Z_][A-Z0-9_]*|"
          + "files|compat|sss|nis|systemd|winbind|%\\{.*\\}|#\\{.*\\}#?|@[A-Z_]+@|"
          + "replace[_-]?me|replace[_-]?with[a-z_-]*|insert[_-][a-z_-]*|fill[_-]?me[_-]?in|your[_-][a-z_-]*here)$");

  /**
   * Values that point at a secret instead of holding it: YAML tags ({@code !vault}, {@code !Ref}), code and
   * template expressions ({@code os.environ[...]}, {@code var.db_password}, {@code process.env.X}), Terraform's
   * {@code (sensitive value)}, timestamps.
   */
  private static final Pattern REFERENCE = Pattern.compile(
      "(?i)^(?:![A-Za-z]|\\(|(?:var|local|locals|module|data|os|process|config|settings|env|self|this|params|secrets|"
          + "vars|values|input|inputs|context|ctx|props|options|opts|cfg|conf|args|request|system|environment|"
          + "credentials|creds)\\.[A-Za-z_]|[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]?[0-9]{0,2}|getenv|.*[(\\[]$|"
          + "(?:~|[A-Za-z]:)?(?:[/\\\\][A-Za-z0-9._-]+){2,}[/\\\\]?$|(?:\\.{1,2}|~)[/\\\\][A-Za-z0-9._/\\\\-]*$|[A-Za-z_][A-Za-z0-9_.]*\\(.*\\)$)");

  /** Keys that name something about a secret, not the secret: its file, its age, its policy, its name. */
  private static final Pattern NOT_A_SECRET_KEY = Pattern.compile(
      "(?i)(?:file|path|dir|url|uri|_at|date|time|length|len|policy|expiry|expires|expiration|age|history|lastset|"
          + "last_set|changed|count|attempts|hash|hashed|salt|algorithm|type|mode|enabled|required|reset|hint|_id|"
          + "name|ref|format|rules|strength|min|max|complexity|prompt|field|label|provider|version|header|kid|"
          + "endpoint|arn|fingerprint|digest|checksum|prefix|usage|limit|size|ttl|lifetime|duration|location|"
          + "region|alias|kind|rotation|uri_?template|days|day|weeks|hours|minutes|seconds|warn|retries|tries|"
          + "page_?token|next_?token|continuation_?token|sync_?token|cursor|sha1|sha256|sha512|md5|public_?key|"
          + "pubkey|_pub|cert|certificate|thumbprint)$");

  /** Keys whose value names a secret kept elsewhere (Helm's existingSecret, a secretKeyRef). */
  private static final Pattern REFERENCE_KEY = Pattern.compile("(?i)^(?:existing|external)|secret_?(?:key_?)?ref");

  private static final Pattern DASHED_LOWER = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)+");

  /** A text about AWS: a 40-character secret next to a key word is then an AWS secret access key. */
  private static final Pattern AWS_MARKER = Pattern.compile("(?i)(?:\\b(?:AKIA|ASIA)[A-Z2-7]{16}\\b|\\baws|amazonaws)");
  private static final Pattern AWS_SECRET = Pattern.compile("[A-Za-z0-9/+]{40}");

  /** A card number in its printed groups (4-4-4-4, 4-6-5), the only shape a match may be cut back to. */
  private static final Pattern CARD_GROUPS = Pattern.compile(
      "[0-9]{4}([ -])[0-9]{4}([ -])[0-9]{4}([ -])[0-9]{4}|[0-9]{4}[ -][0-9]{6}[ -][0-9]{5}");

  /** A unit after a number: a quantity (912 345 678 bytes), not a phone number. */
  private static final Pattern UNIT_AFTER = Pattern.compile(
      "(?i)^ ?(?:bytes|byte|b|kb|mb|gb|tb|kib|mib|gib|events|eps|rows|records|packets|pkts|items|requests|hits|"
          + "ms|s|sec|users|msgs|messages|lines|entries|files|times|x|%|eur|usd|gbp|sek|chf|\u20ac|\\$)\\b");

  /** A date at the start of a number (03.12.2026, 03-12-2026), which is not a phone number. */
  private static final Pattern DATE_LIKE = Pattern.compile(
      "^\\(?0[1-9]\\)?[ ./-](?:0[1-9]|1[0-2])[ ./-](?:19|20)[0-9]{2}(?:[^0-9]|$)");

  /** An ssh, scp or git command line, whose {@code user@host} is an account on a host, not an e-mail address. */
  private static final Pattern SSH_COMMAND = Pattern.compile(
      "(?:^|[\\s;|&(])(?:ssh|scp|sftp|rsync|mosh|ssh-copy-id|autossh)\\s[^\\n]*$");

  /** Company-internal top-level names, which the IANA list the e-mail validator uses does not hold. */
  private static final List<String> INTERNAL_DOMAINS = List.of(".local", ".internal", ".corp", ".lan", ".intra",
      ".intranet", ".home");

  private static final Pattern UUID = Pattern.compile(
      "(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  private final List<Rule> rules = List.of(
      // whole PEM private key blocks (raw, with literal \n escapes in JSON, indented in YAML); never PUBLIC KEY
      // or CERTIFICATE blocks, which have other labels
      new Rule("private_key", Pattern.compile(
          "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?s:.)*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY"
              + "(?: BLOCK)?-----"), 0, m -> true),
      // a block cut short (a log line truncated, a paste): the header and the base64 that follows it
      new Rule("private_key", Pattern.compile(
          "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:\\\\[nr]|[ \\t\\r\\n]|[A-Za-z0-9+/=])*"
              + "[A-Za-z0-9+/=]{16}"), 0, m -> true),
      // a PEM block base64-encoded once more (k8s Secret data, tls.key: LS0tLS1CRUdJTi...)
      new Rule("private_key", Pattern.compile("\\bLS0tLS1CRUdJTi[A-Za-z0-9+/]{40,}={0,2}"), 0, Redactor::encodedPrivateKey),
      // PuTTY .ppk files: the private lines
      new Rule("private_key", Pattern.compile(
          "Private-Lines: *[0-9]+\\r?\\n(?:[A-Za-z0-9+/=]{4,}\\r?\\n?)+"), 0, m -> true),
      new Rule("gcp_service_account_key", Pattern.compile(
          "\"?private_key_id\"?\\s*[:=]\\s*[\"']?([0-9a-f]{40})\\b"), 1, m -> true),
      new Rule("azure_connection_string", Pattern.compile(
          "(?i)(?:AccountKey|SharedAccessKey|SharedAccessSignature=sig)\\s*=\\s*([A-Za-z0-9+/%]{20,}={0,2})"), 1,
          m -> true),
      // a storage account key on a command line (az --account-key, PowerShell -StorageAccountKey)
      new Rule("azure_connection_string", Pattern.compile(
          "(?i)(?:--account-key|-StorageAccountKey|--storage-account-key|-AccountKey)[= ]\\s*[\"']?"
              + "([A-Za-z0-9+/]{40,}={0,2})"), 1, Redactor::notMasked),
      // a SAS token's signature, in a URL or a connection string
      new Rule("azure_connection_string", Pattern.compile("[?&;]sig=([A-Za-z0-9%+/]{20,}={0,2})"), 1,
          Redactor::notMasked),
      new Rule("slack_webhook", Pattern.compile(
          "https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/]{20,}"), 0, m -> true),
      new Rule("slack_token", Pattern.compile(
          "\\b(?:xox[abposrecd]-[A-Za-z0-9-]{10,}|xoxe\\.xox[bp]-[A-Za-z0-9-]{10,}|xapp-[0-9]-[A-Za-z0-9-]{10,})"), 0,
          Redactor::notMasked),
      new Rule("github_token", Pattern.compile(
          "\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{50,255})"), 0, Redactor::notMasked),
      // API keys whose issuer prefix says what they are (OpenAI, Anthropic, Google, SendGrid, GitLab, npm, PyPI,
      // Vault, DigitalOcean, Shopify, Hugging Face, Stripe, Mailgun, Twilio, Linear, Atlassian, Brevo, Databricks,
      // Grafana)
      new Rule("generic_api_key", Pattern.compile(
          "\\b(?:sk-(?:proj-|ant-(?:api|admin)[0-9]{2}-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{35}"
              + "|SG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}|gl(?:pat|ptt|dt|rt|cbt|ft)-[A-Za-z0-9_-]{20,}"
              + "|npm_[A-Za-z0-9]{36}|pypi-AgE[A-Za-z0-9_-]{50,}|hv[sbr]\\.[A-Za-z0-9_-]{20,}"
              + "|do[opr]_v1_[a-f0-9]{64}|shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}|hf_[A-Za-z0-9]{30,}"
              + "|(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,128}|whsec_[A-Za-z0-9]{24,}|key-[0-9a-f]{32}"
              + "|SK[0-9a-f]{32}|lin_api_[A-Za-z0-9]{40}|ATATT3[A-Za-z0-9_=-]{50,}|xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}"
              + "|dapi[a-f0-9]{32}|glsa_[A-Za-z0-9_]{32,}|glc_[A-Za-z0-9+/=]{30,}|[0-9a-f]{32}-us[0-9]{1,2}\\b)"), 0,
          Redactor::prefixedKey),
      // API-key labels in other languages: API-Schl\u00fcssel, cl\u00e9 API, clave de API, API-sleutel, API-nyckel
      new Rule("generic_api_key", Pattern.compile(
          "(?i)\\b(?:api-?schl\u00fcssel|zugangsschl\u00fcssel|cl\u00e9 (?:d'|de l')?api|cl\u00e9 secr\u00e8te|"
              + "clave (?:de )?(?:la )?api|clave secreta|api-?sleutel|api-?nyckel|api-?n\u00f8gle|chiave api)"
              + "\\s*[:=]\\s*[\"'`]?([A-Za-z0-9_\\-+/=.]{16,512})"), 1, Redactor::secretLike),
      new Rule("aws_access_key_id", Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\\b"), 0,
          Redactor::notMasked),
      new Rule("aws_secret_access_key", Pattern.compile(
          "(?i)(?:aws_?secret_?(?:access_?)?key|secret_?access_?key|SecretAccessKey|aws_secret)[\"']?"
              + "(?:\\s*(?:=>|=|:)|\\s)\\s*[\"']?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+]|$)"), 1, Redactor::notMasked),
      // an access key id and its secret side by side (credentials.csv, "id / secret" pairs)
      new Rule("aws_secret_access_key", Pattern.compile(
          "\\b(?:AKIA|ASIA)[A-Z2-7]{16}[\"']?[ \\t]*[,;:|/\\t ][ \\t]*[\"']?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)"),
          1, Redactor::awsSecretLike),
      new Rule("jwt", Pattern.compile(
          "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.(?:[A-Za-z0-9_-]{16,})?"), 0,
          m -> true),
      new Rule("bearer_token", Pattern.compile(
          "(?i)\\b(?:bearer|authorization:\\s*token)\\s+([A-Za-z0-9._~+/-]{16,}=*)"), 1, Redactor::secretLike),
      // Google OAuth access tokens, wherever they are (a JSON token response, a header, a log line)
      new Rule("bearer_token", Pattern.compile("\\bya29\\.[A-Za-z0-9_-]{20,}"), 0, Redactor::notMasked),
      // passwords: in URLs, Basic auth, key=value and JSON, connection strings, command-line flags
      new Rule("password", Pattern.compile(
          "\\b[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\\s:/@\"'<>]{0,128}:([^\\s@/\"'<>]{1,128})@"), 1,
          Redactor::notPlaceholder),
      new Rule("password", Pattern.compile("(?i)\\bbasic\\s+([A-Za-z0-9+/]{8,}={0,2})"), 1, Redactor::basicAuth),
      new Rule("password", Pattern.compile(
          "(?i)[A-Za-z0-9_.-]*(?:password|passwd|passphrase|passwort|contrase\u00f1a|mot_de_passe|pwd|_pass|pass_|"
              + "(?:db|admin|root|user|mail|smtp|ftp|ldap|sql|pg|redis|rabbit|mq|app|api|svc|bind|sys|web|vnc|wifi|"
              + "wlan|proxy|bot|vpn|ssh|sa|master)pass)"
              + "[A-Za-z0-9_.-]*[\"']?\\s*(?:=>|:=|=|:)[ \\t]*(?:\"([^\"\\r\\n]{1,256})\"|'([^'\\r\\n]{1,256})'"
              + "|([^\\s,;'\"}<]{1,256}))"), -1, null, "password_kv"),
      new Rule("password", Pattern.compile(
          "(?i)(?:(?:^|\\s)--?(?:password|passwd|passphrase|pass)[= ]|-passin pass:|-passout pass:|\\bpass:|"
              + "\\bIDENTIFIED BY |\\bsshpass -p )"
              + "(?:\"([^\"\\r\\n]{1,256})\"|'([^'\\r\\n]{1,256})'|([^\\s;'\"]{1,256}))"),
          -1, Redactor::passwordValue),
      new Rule("password", Pattern.compile(
          "(?i)(?:^|[^A-Za-z0-9])(?:pass|pw|pword|psk)[\"']?\\s*(?:=|:)[ \\t]*"
              + "(?:\"([^\"\\r\\n]{1,256})\"|'([^'\\r\\n]{1,256})'"
              + "|([^\\s,;'\"}<]{1,256}))"), -1, Redactor::passwordValue),
      // Wi-Fi keys and labels that name what the password is for: "WLAN-Schl\u00fcssel: ...", "clé WPA : ...",
      // "Passwort f\u00fcr VPN: ...", "contrase\u00f1a del WiFi: ...", "Enter PEM pass phrase: ..."
      new Rule("password", Pattern.compile(
          "(?i)(?:\\b(?:wlan-?schl\u00fcssel|netzwerkschl\u00fcssel|wlan-?key|wpa2?[ -]?(?:key|schl\u00fcssel|passphrase)|"
              + "wi-?fi[ -]?(?:key|password|passwort|schl\u00fcssel)|cl\u00e9 (?:wpa2?|wi-?fi|wlan|de s\u00e9curit\u00e9 r\u00e9seau)|"
              + "network (?:security )?key|pre-?shared[ -]key|pass ?phrase(?:\\s+for\\s+[^\\s:=]{1,60})?)"
              + "|\\b(?:password|passwort|kennwort|mot de passe|contrase\u00f1a|clave|wachtwoord|l\u00f6senord|senha|parola|"
              + "passord|adgangskode|salasana|pin)\\s+(?:for|f\u00fcr|pour|para|voor|f\u00f6r|del|de la|du|de|van|til|till|zum|zur)"
              + "\\s+(?:(?:the|den|die|das|le|la|el|de|het|der|l')\\s*)?[^\\s:=]{1,30})\\s*[:=]\\s*"
              + "(?:\"([^\"\\r\\n]{1,256})\"|'([^'\\r\\n]{1,256})'|([^\\s\"']{3,128}))"), -1, Redactor::notAWord),
      // keys in other languages, with spaces: "mot de passe : ...", "wachtwoord: ..."
      new Rule("password", Pattern.compile(
          "(?i)\\b(?:mot de passe|wachtwoord|contrase\u00f1a|senha|l\u00f6senord|adgangskode|passord|salasana|"
              + "has\u0142o|heslo|jelsz\u00f3|parola|clave|kennwort)\\s*(?:=|:)\\s*[\"'`]?([^\\s\"'`]{3,128})"), 1,
          Redactor::passwordValue),
      // command lines: mysql -pSECRET, curl -u user:SECRET, ssh-keygen -N SECRET, redis-cli -a SECRET,
      // docker login -p SECRET, htpasswd -b file user SECRET, redis.conf requirepass, .netrc
      new Rule("password", Pattern.compile(
          "\\b(?:mysql|mysqldump|mysqladmin|mariadb|mysqlimport)\\b[^\\n|;&]{0,200}?\\s-p(?:\"([^\"\\n]{1,128})\""
              + "|'([^'\\n]{1,128})'|([^\\s'\"]{1,128}))"), -1, Redactor::passwordValue),
      new Rule("password", Pattern.compile(
          "(?:^|\\s)(?:-u|--user|--proxy-user)[ =][\"']?[^\\s:\"'@]{1,64}:([^\\s\"']{1,128})"), 1,
          Redactor::flagPassword),
      new Rule("password", Pattern.compile(
          "\\b(?:ssh-keygen\\b[^\\n|;&]{0,200}?\\s-[NP]|ldap[a-z]+\\b[^\\n|;&]{0,200}?\\s-w|redis-cli\\b[^\\n|;&]{0,200}?\\s-a|"
              + "docker login\\b[^\\n|;&]{0,200}?\\s(?:-p|--password)|\\brequirepass|\\bmasterauth|"
              + "\\bmachine\\s+\\S+\\s+login\\s+\\S+\\s+password)\\s+(?:\"([^\"\\n]{1,128})\"|'([^'\\n]{1,128})'"
              + "|([^\\s'\"]{1,128}))"), -1, Redactor::passwordValue),
      new Rule("password", Pattern.compile(
          "\\bhtpasswd\\s+(?:-[A-Za-z]+\\s+)*-[A-Za-z]*b[A-Za-z]*\\s+(?:-[A-Za-z]+\\s+)*\\S+\\s+\\S+\\s+"
              + "(?:\"([^\"\\n]{1,128})\"|'([^'\\n]{1,128})'|([^\\s'\"]{1,128}))"), -1, Redactor::passwordValue),
      // Windows and pipes: ConvertTo-SecureString "..." -AsPlainText, net use ... /user:x SECRET,
      // net user x SECRET /add, echo SECRET | docker login --password-stdin
      new Rule("password", Pattern.compile(
          "(?i)(?:\\bConvertTo-SecureString\\s+(?:-String\\s+)?" + ARG + "\\s+-AsPlainText"
              + "|\\becho\\s+(?:-n\\s+)?" + ARG
              + "\\s*\\|\\s*(?:sudo\\s+)?(?:docker|podman|helm|oras|buildah|skopeo|nerdctl)\\s+"
              + "(?:registry\\s+)?login\\b)"), -1, Redactor::passwordValue),
      new Rule("password", Pattern.compile(
          "(?i)(?:\\bConvertTo-SecureString\\s+(?:-[A-Za-z]+\\s+)*?-AsPlainText\\s+(?:-Force\\s+)?(?:-String\\s+)?" + ARG
              + "|\\becho\\s+(?:-[ne]\\s+)?" + ARG + "\\s*\\|\\s*(?:sudo\\s+(?:-[A-Za-z]+\\s+)*-[A-Za-z]*S\\b|passwd\\s+--stdin"
              + "|chpasswd\\b)"
              + "|\\blftp\\b[^\\n|;&]{0,200}?\\s-u\\s+[\"']?[^\\s,\"']{1,64}," + ARG
              + "|\\b(?:7z|7za|7zr|rar|unrar)\\b[^\\n|;&]{0,200}?\\s-p(?:\"([^\"\\n]{1,128})\"|'([^'\\n]{1,128})'|([^\\s'\"]{1,128}))"
              + "|\\b(?:zip|unzip|zipcloak)\\b[^\\n|;&]{0,200}?\\s-P\\s+" + ARG
              + "|\\bwpa_passphrase\\s+(?:\"[^\"\\n]{1,64}\"|'[^'\\n]{1,64}'|\\S{1,64})\\s+" + ARG
              + "|\\bnmcli\\b[^\\n|;&]{0,200}?\\s(?:password|wifi-sec\\.psk|802-11-wireless-security\\.psk)\\s+" + ARG + ")"),
          -1, null, "tool_password"),
      new Rule("password", Pattern.compile(
          "(?i)\\bnet\\s+use\\b[^\\n|;&]{0,200}?/user:\\S+\\s+" + ARG), -1, Redactor::passwordValue),
      new Rule("password", Pattern.compile(
          "(?i)\\bnet\\s+user\\s+\\S+\\s+" + ARG + "\\s+/(?:add|domain)"), -1, Redactor::passwordValue),
      // a name/value pair (k8s env, ECS and compose JSON): - name: DB_PASSWORD / value: "..."
      new Rule("password", Pattern.compile(
          "(?i)\"?name\"?\\s*[:=]\\s*[\"']?[A-Za-z0-9_.-]*(?:password|passwd|passphrase|pwd|_pass\\b)"
              + "[A-Za-z0-9_.-]*[\"']?"
              + "\\s*[,\\r\\n]\\s*(?:-\\s*)?\"?value\"?\\s*[:=]\\s*" + VALUE), -1, Redactor::passwordValue),
      new Rule("generic_api_key", Pattern.compile(
          "(?i)\"?name\"?\\s*[:=]\\s*[\"']?[A-Za-z0-9_.-]*(?:secret|token|api_?key|access_?key|private_?key)"
              + "[A-Za-z0-9_.-]*[\"']?\\s*[,\\r\\n]\\s*(?:-\\s*)?\"?value\"?\\s*[:=]\\s*" + VALUE), -1,
          Redactor::secretLike),
      // echo 'user:SECRET' | chpasswd; Oracle's user/SECRET@host (JDBC thin, sqlplus, expdp, impdp)
      new Rule("password", Pattern.compile(
          "\\becho\\s+(?:-e\\s+)?[\"']?[A-Za-z0-9_.-]{1,64}:([^\\s'\":]{1,128})[\"']?\\s*\\|\\s*(?:sudo\\s+)?"
              + "chpasswd"), 1,
          Redactor::passwordValue),
      new Rule("password", Pattern.compile(
          "(?i)\\b(?:jdbc:oracle:[a-z0-9]+:|sqlplus\\s+(?:-[A-Za-z]+\\s+)*|expdp\\s+|impdp\\s+|exp\\s+|imp\\s+)"
              + "[A-Za-z0-9_$#]{1,64}/([^@\\s/\"']{1,128})@"), 1, Redactor::passwordValue),
      // any command-line flag that ends in pass, password or pwd (keytool -storepass, -keypass, --db-pass)
      new Rule("password", Pattern.compile(
          "(?i)(?:^|\\s)--?(?:[A-Za-z]+-)*[A-Za-z]*(?:pass|password|passwd|passphrase|pwd)[= ]" + ARG), -1, null,
          "password_flag"),
      // Samba and impacket: -U 'DOMAIN\\user%SECRET', domain/user:SECRET@host; Go DSNs user:SECRET@tcp(host)
      new Rule("password", Pattern.compile(
          "(?:\\s-U\\s*[\"']?[^\\s%\"']{1,64}%([^\\s\"']{1,128})|\\b[A-Za-z0-9.-]{1,64}/[A-Za-z0-9_.-]{1,64}:"
              + "([^\\s@/\"']{1,128})@[A-Za-z0-9.-]+|[A-Za-z0-9_.-]{1,64}:([^\\s@/\"':]{1,128})@(?:tcp|unix)\\()"), -1,
          Redactor::passwordValue),
      // rabbitmqctl add_user/change_password name SECRET; requests auth=('user', 'SECRET'), HTTPBasicAuth(...)
      new Rule("password", Pattern.compile(
          "(?:\\brabbitmqctl\\s+(?:add_user|change_password)\\s+\\S+\\s+" + ARG + "|\\b(?:auth\\s*=\\s*|"
              + "HTTPBasicAuth\\s*|HTTPDigestAuth\\s*|BasicAuth\\s*)\\(\\s*[\"'][^\"'\\n]{1,64}[\"']\\s*,\\s*"
              + "(?:\"([^\"\\n]{1,128})\"|'([^'\\n]{1,128})'))"), -1, Redactor::passwordValue),
      // credentials in prose: "the credentials are admin / St4ging!Box", "login: admin / S3cret"
      new Rule("password", Pattern.compile(
          "(?i)\\b(?:credentials?|creds|login|user(?:name)?|zugangsdaten|anmeldedaten|benutzer(?:name)?|"
              + "identifiants|credenciales|usuario|inloggegevens|gebruiker(?:snaam)?|inloggning(?:suppgifter)?|"
              + "anv\u00e4ndar(?:e|namn)?)[^\\n]{0,40}?\\s[A-Za-z0-9_.@\\\\-]{2,64} / "
              + "([^\\s/\"'`]{4,128})"), 1, Redactor::notAWord),
      // user:password in prose after a credentials word: "creds: admin:P4ss-w0rd", "login with root:Toor-2026"
      new Rule("password", Pattern.compile(
          "(?i)\\b(?:credentials?|creds|login|logon|log in|logged in|sign in|user/pass|zugangsdaten|anmeldedaten|"
              + "identifiants|credenciales|inloggegevens|inloggningsuppgifter)\\b[^\\n]{0,30}?[\\s:=][\"'`]?"
              + "[A-Za-z0-9_.@\\\\-]{2,64}:([^\\s@/\"'`:]{4,128})"), 1, null, "prose_userpass"),
      // JSON escaped inside a JSON string (Postman, HAR, logged request bodies): \"password\":\"...\"
      new Rule("password", Pattern.compile(
          "(?i)\\\\\"(?:[A-Za-z0-9_.-]*(?:password|passwd|passphrase|pwd)[A-Za-z0-9_.-]*|(?:[A-Za-z0-9_.-]*[_.-])?"
              + "(?:pass|pw))\\\\\"\\s*:\\s*\\\\\""
              + "([^\"\\\\]{1,256})\\\\\""), 1, Redactor::passwordValue),
      new Rule("generic_api_key", Pattern.compile(
          "(?i)\\\\\"[A-Za-z0-9_.-]*(?:api_?key|secret|token|access_?key)[A-Za-z0-9_.-]*\\\\\"\\s*:\\s*\\\\\""
              + "([A-Za-z0-9_\\-+/=.]{16,512})\\\\\""), 1, Redactor::secretLike),
      // a key and its value as two quoted arguments or items: PHP define('DB_PASSWORD', '...'),
      // setProperty("db.password", "..."), Map.of("password", "..."), ["password", "..."]
      new Rule("password", Pattern.compile(
          "(?i)[(\\[{,]\\s*[\"'][A-Za-z0-9_. -]*(?:password|passwd|passphrase|passwort|pwd|_pass)[A-Za-z0-9_.-]*[\"']"
              + "\\s*(?:,|=>)\\s*(?:\"([^\"\\r\\n]{1,256})\"|'([^'\\r\\n]{1,256})')"), -1, null, "password_pair"),
      // XML: <password>...</password>, <db.password>...</db.password>
      new Rule("password", Pattern.compile(
          "(?i)<(?:[A-Za-z0-9_.:-]*(?:password|passwd|passphrase|pwd)[A-Za-z0-9_.:-]*|pass|pw"
              + "|[A-Za-z0-9_.:-]*[_.:-]pass)>"
              + "([^<\\s][^<\\r\\n]{0,255})</"), 1,
          Redactor::passwordValue),
      // XML attributes naming the key and holding the value: .NET appSettings <add key="SmtpPassword" value="..."/>
      new Rule("password", Pattern.compile(
          "(?i)\\b(?:key|name)\\s*=\\s*[\"'][A-Za-z0-9_.:-]*(?:password|passwd|passphrase|pwd|pass)[\"']\\s+value\\s*=\\s*"
              + "(?:\"([^\"\\r\\n]{1,256})\"|'([^'\\r\\n]{1,256})')"), -1, Redactor::passwordValue),
      new Rule("generic_api_key", Pattern.compile(
          "(?i)\\b(?:key|name)\\s*=\\s*[\"'][A-Za-z0-9_.:-]*(?:api_?key|secret|token|access_?key)[\"']\\s+value\\s*=\\s*"
              + "[\"']([A-Za-z0-9_\\-+/=.]{16,512})[\"']"), 1, Redactor::secretLike),
      // a .pgpass line: host:port:database:user:password
      new Rule("password", Pattern.compile(
          "(?m)^[A-Za-z0-9.*_-]+:(?:[0-9]{1,5}|\\*):[^:\\s]+:[^:\\s]+:([^:\\s]{3,128})$"), 1, Redactor::passwordValue),
      // a user flag and then a password flag on one command line (sqlcmd -U sa -P X, psexec -u x -p X, bcp, ...)
      new Rule("password", Pattern.compile(
          "(?:^|\\s)(?:-u|-U|-l|--user|--username|-user)[ =]\\s*\\S+(?:\\s+\\S+){0,6}?\\s+-(?:p|P|pw|pwd)\\s+" + ARG), -1,
          null, "user_then_p"),
      // Terraform: variable "db_password" { default = "..." }
      new Rule("password", Pattern.compile(
          "(?i)variable\\s+\"[^\"\\n]*(?:password|passwd|passphrase)[^\"\\n]*\"\\s*\\{[^}]{0,400}?\\bdefault\\s*=\\s*"
              + "\"([^\"\\n]{1,256})\""), 1, Redactor::passwordValue),
      // a password in prose ("the password is hunter2"): only a value that is not a plain word
      new Rule("password", Pattern.compile(
          "(?i)\\b(?:password|passwd|passphrase|pwd|pass|pw|passcode|passwort|kennwort|mot de passe|contrase\u00f1a|"
              + "clave|wachtwoord|l\u00f6senord(?:et)?|senha|parola|salasana|passord(?:et)?|adgangskode(?:n)?|"
              + "has\u0142o|heslo)"
              + "(?:\\s+[^\\s:=\"`]{1,30}){0,4}?\\s+(?:is|was|of|set to|changed to|is now|ist|lautet|war|"
              + "ist jetzt|est|\u00e9tait|es|era|\u00e9|\u00e8|\u00e4r|var|er|is nu|blir|:)\\s*:?\\s+"
              + "[\"'`]?([^\\s\"'`]{4,128})"),
          1, null, "prose_password"),
      // a user and then a password word with no separator: "Benutzer svc_scan, Passwort X", "user admin pass X"
      new Rule("password", Pattern.compile(
          "(?i)\\b(?:user(?:name)?|login|benutzer(?:name)?|utilisateur|usuario|utente|usu\u00e1rio|gebruiker|"
              + "anv\u00e4ndare|u\u017cytkownik)\\s*:?\\s+[A-Za-z0-9_.@\\\\-]{2,64}\\s*[,;/]?\\s*(?:and\\s+|und\\s+|et\\s+|y\\s+|e\\s+)?"
              + "(?:password|passwort|kennwort|pass|pwd|pw|mot de passe|contrase\u00f1a|senha|wachtwoord|l\u00f6senord|"
              + "parola|has\u0142o)\\s+[\"'`]?([^\\s\"'`,;]{4,128})"), 1, Redactor::notAWord),
      new Rule("generic_api_key", Pattern.compile(
          "(?i)[A-Za-z0-9_.-]*(?:api[_-]?key|apikey|api[_-]?token|secret|token|access[_-]?key|auth[_-]?key|"
              + "private[_-]?key|client[_-]?secret|app[_-]?key|x-api-key|signing[_-]?key|(?:primary|secondary|master)"
              + "[_-]?key|subscription[_-]?key|consumer[_-]?(?:key|secret)|account[_-]?key|storage[_-]?key)"
              + "[A-Za-z0-9_.-]*[\"']?\\s*(?:=>|:=|=|:)\\s*[\"']?([A-Za-z0-9_\\-+/=.]{16,512})"), 1, null,
          "generic_kv"),
      // Authorization schemes that carry an API key (Elastic ApiKey, Okta SSWS, Key, DSN)
      new Rule("generic_api_key", Pattern.compile(
          "(?i)\\bauthorization\\s*[:=]\\s*[\"']?(?:api-?key|ssws|key|dsn|token-key|klaviyo-api-key|genie-?key)\\s+"
              + "([A-Za-z0-9._~+/=-]{16,512})"), 1, Redactor::secretLike),
      // the generic detector: a high-entropy value (upper, lower and digits, 20 or more) under any key that names
      // a secret, token, key, password, auth or credential, in any syntax (k=v, k: v, JSON, YAML, env, headers)
      new Rule("generic_api_key", Pattern.compile(
          "(?i)[A-Za-z0-9_.-]*(?:secret|token|key|pass|pwd|auth|credential|cred|api|bearer|signature|sig)"
              + "[A-Za-z0-9_.-]*[\"']?\\s*(?:=>|:=|=|:)\\s*[\"'`]?([A-Za-z0-9_\\-+/=.~]{20,512})"), 1, null,
          "generic_any"),
      // ... and the same as a command-line flag with a space (--api-key X, --token X, -k X)
      new Rule("generic_api_key", Pattern.compile(
          "(?i)(?:^|\\s)--?[A-Za-z0-9-]*(?:secret|token|key|auth|credential|api)[A-Za-z0-9-]*\\s+[\"']?"
              + "([A-Za-z0-9_\\-+/=.~]{20,512})"), 1, null, "generic_any"),
      new Rule("email", Pattern.compile(
          "[\\p{L}0-9._%+'-]{1,64}@[\\p{L}0-9-]{1,63}(?:\\.[\\p{L}0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}"), 0, null),
      // URL-encoded addresses in query strings and logged URLs: name%40domain
      new Rule("email", Pattern.compile(
          "[A-Za-z0-9._%+'-]{1,64}%40[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}"), 0, null,
          "email_encoded"),
      // JSON-escaped addresses: name\u0040domain (a serialiser that escapes '@')
      new Rule("email", Pattern.compile(
          "[A-Za-z0-9._%+'-]{1,64}\\\\u0040[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}"), 0,
          v -> EMAIL.isValid(v.replace("\\u0040", "@"))),
      new Rule("iban", Pattern.compile(
          "\\b[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?\\b"), 0, null),
      // a bare number under a phone key (msisdn, phone, tel): a phone number even when it would pass Luhn
      new Rule("phone", Pattern.compile(
          "(?i)\\b(?:msisdn|phone|telephone|tel|mobile|cell|fax)[A-Za-z_]*[\"']?\\s*[:=]\\s*[\"']?"
              + "(\\+?[1-9][0-9]{7,14})\\b"),
          1, m -> true),
      new Rule("credit_card", Pattern.compile("[0-9](?:[ -]?[0-9]){12,18}"), 0, null, "credit_card", true),
      new Rule("fr_nir", Pattern.compile(
          "\\b[12] ?[0-9]{2} ?[0-9]{2} ?(?:[0-9]{2}|2[AB]) ?[0-9]{3} ?[0-9]{3} ?[0-9]{2}\\b"), 0, null),
      new Rule("de_tax_id", Pattern.compile(
          "\\b[1-9][0-9](?: ?[0-9]{3}){3}\\b|\\b[1-9][0-9]{2} [0-9]{3} [0-9]{3} [0-9]{2}\\b"), 0, null),
      new Rule("se_personnummer", Pattern.compile("\\b(?:(?:18|19|20)[0-9]{2}|[0-9]{2})[0-9]{4}[-+ ]?[0-9]{4}\\b"), 0,
          null),
      new Rule("us_ssn", Pattern.compile("\\b[0-9]{3}([- ]?)[0-9]{2}([- ]?)[0-9]{4}\\b"), 0, null),
      new Rule("ca_sin", Pattern.compile("\\b[0-9]{3}([- ]?)[0-9]{3}([- ]?)[0-9]{3}\\b"), 0, null),
      new Rule("nl_bsn", Pattern.compile("\\b(?:[0-9]{4}\\.?[0-9]{2}\\.?[0-9]{3}|[0-9]{4} [0-9]{2} [0-9]{3}|[0-9]{3}[ .][0-9]{3}[ .][0-9]{3})\\b"),
          0, null),
      new Rule("es_dni", Pattern.compile(
          "(?i)\\b(?:[0-9]{8}|[0-9]{2}\\.[0-9]{3}\\.[0-9]{3}|[XYZ][- ]?[0-9]{7})[- ]?[A-Z]\\b"), 0, null),
      new Rule("uk_nino", Pattern.compile(
          "(?i)\\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]|QQ)[ -]?[0-9]{2}[ -]?[0-9]{2}[ -]?[0-9]{2}[ -]?[A-D]\\b"), 0,
          null),
      new Rule("phone", Pattern.compile(
          "(?:\\+|\\b00|\\(\\+)[1-9][0-9]{0,2}\\)?[ .-]?(?:\\(0?[0-9]{1,4}\\)[ .-]?)?[0-9]{1,5}(?:[ .-]?[0-9]{1,5}){1,6}"), 0,
          null, "phone", true),
      new Rule("phone", Pattern.compile(
          "(?:\\b1[ .-])?(?:\\([0-9]{3}\\) ?|\\b[0-9]{3}[.-])[0-9]{3}[.-][0-9]{4}\\b|\\b0[1-9][0-9]{1,4}[ -][0-9]{3,4}"
              + "[ -]?[0-9]{3,4}\\b|\\b0[1-9](?:[ .][0-9]{2}){4}\\b|\\b0[1-9][0-9]{8,10}\\b"), 0, null),
      // national numbers: a trunk 0 and an area code, then groups split by spaces, dots, dashes or a slash
      // (DE 089/12 34 56, NL 06-12345678, SE 08-123 456 78, JP 03-1234-5678, AU (02) 9374 4000, CH 044 668 18 00)
      new Rule("phone", Pattern.compile(
          "(?:\\(0[1-9][0-9]{0,4}\\)|\\b0[1-9][0-9]{0,4})(?:(?: ?[./-] ?| )?[0-9]{1,8}){1,5}"), 0, null,
          "phone_national", true),
      // an area code in brackets without the trunk 0 (BR (11) 91234-5678), and numbers of nine or ten digits
      // grouped 3-3-4 (US, IT mobiles), 3-2-2-2 and 3-3-3 (ES)
      new Rule("phone", Pattern.compile(
          "\\([1-9][0-9]{1,3}\\) ?[0-9]{3,5}[ .-]?[0-9]{4}\\b|\\b[2-9][0-9]{2} [0-9]{3} [0-9]{4}\\b"
              + "|\\b[6789][0-9]{2}(?: [0-9]{2}){3}\\b|\\b[6789][0-9]{2} [0-9]{3} [0-9]{3}\\b"), 0, null));

  private static final Pattern PASSWORD_COLUMN = Pattern.compile(
      "(?i)(?:[a-z_.-]+[_. -]){0,2}(?:password|passwd|passwort|pwd|kennwort|mot de passe|contrase\u00f1a|"
          + "wachtwoord|l\u00f6senord|passphrase)|(?:[a-z_.-]+[_. -]){1,2}pass");
  private static final Pattern KEY_COLUMN = Pattern.compile(
      "(?i)(?:[a-z_.-]+[_. -]){0,2}(?:api[_ -]?key|key|secret|token|access[_ -]?key|client[_ -]?secret|api[_ -]?token)");
  private static final Pattern COUNT_COLUMN = Pattern.compile(
      "(?i).*(?:events|count|total|bytes|size|hits|rows|records|packets|amount|sum|qty|quantity|requests|volume).*");
  /** A label right before an address, with no space after its colon (E-Mail:x@y.de). */
  private static final Pattern MAIL_LABEL = Pattern.compile(
      "(?i)(?:^|[^A-Za-z0-9/.@-])(?:e-?mail|mail|from|to|cc|bcc|reply-to|sender|recipient|contact|kontakt|correo|"
          + "courriel|adresse|owner|rcpt|mailbox|user|login|e-?post|epost):$");
  /** Names of keys that hold an API key or token even when it has the shape of a UUID (Heroku, some SaaS). */
  private static final Pattern API_KEY_NAME = Pattern.compile(
      "(?i)(?:api[_-]?key|apikey|api[_-]?token|api[_-]?secret|auth[_-]?token|access[_-]?token|secret[_-]?key|"
          + "subscription[_-]?key)$");
  /** Words in a prose password sentence that make it about the password, not the password itself. */
  private static final Pattern PROSE_NOT_SECRET = Pattern.compile(
      "(?:policy|reset|expir|length|hash|rotation|complexity|manager|spray|hint|history|age|attempt|change|"
          + "strength|requirement|minimum|maximum|field|prompt|must|m\u00e5ste|muss|moet|doit|deve|debe|should|soll|"
          + "needs|wird|wurde|will|can|kann|bytas|wechsel|geändert|chang)");
  /** Keys named for a hash, a digest, a commit or a public part: their hex value is not a secret. */
  private static final Pattern HASH_KEY = Pattern.compile(
      "(?i)(?:hash|sha|md5|digest|checksum|commit|fingerprint|thumbprint|etag|integrity|public|pub|cache|"
          + "partition|sort|primary|foreign|idempot|dedup|routing|object|bucket|row|lookup|index|trace|span|request|"
          + "correlation|session_?id|key_?id|keyid|kid|nonce|salt|tag|ref|state)");
  /** Names of keys that hold an OAuth access token (sent as a bearer token). */
  private static final Pattern ACCESS_TOKEN_NAME = Pattern.compile("(?i)(?:^|[_.-])access[_-]?token$");
  /** Names of keys that hold a GitHub token (an older 40-hex token has no prefix). */
  private static final Pattern GITHUB_KEY_NAME = Pattern.compile("(?i)(?:github|\\bgh_)[A-Za-z0-9_.-]*(?:token|pat)$");
  /** Names of keys that hold an Azure storage or service key. */
  private static final Pattern AZURE_KEY_NAME = Pattern.compile(
      "(?i)(?:azure[A-Za-z_]*key|storage[_-]?(?:account[_-]?)?key|account[_-]?key)$");
  /** A count named right before a number (events: 912 345 678), which is then a quantity, not a phone number. */
  private static final Pattern COUNT_BEFORE = Pattern.compile(
      "(?i)\\b(?:events|count|total|bytes|hits|rows|records|packets|requests|messages|size|sum)\\b[^0-9A-Za-z\\n]{0,4}$");
  private static final Pattern NINO_CONTEXT = Pattern.compile(
      "(?i)(?:nino|national insurance|\\bni\\b|\\bni no|\\bni number|insurance number)");
  private static final Pattern SSN_CONTEXT = Pattern.compile("(?i)(?:ssn|social security|soc\\.? ?sec|ss#|ss no)");
  private static final Pattern SIN_CONTEXT = Pattern.compile(
      "(?i)(?:\\bsin\\b|social insurance|assurance sociale|\\bnas\\b)");
  private static final Pattern BSN_CONTEXT = Pattern.compile("(?i)(?:bsn|burgerservice|sofi)");
  private static final Pattern PNR_CONTEXT = Pattern.compile("(?i)(?:personnummer|personnr|pnr|samordningsnummer)");
  private static final Pattern PHONE_CONTEXT = Pattern.compile(
      "(?i)\\b(?:phone|tel|mobile|mobil|cell|call|fax|whatsapp|signal|sms|handy|t\u00e9l|telefon|tfn|contact|ring|"
          + "msisdn|numero|n\u00famero|llam|bel |m\u00f3vil|movil|portable|rufnummer|r\u00fcckruf|mob\\b)");

  /** The text with every finding replaced by {@code [REDACTED:<type>]}, and the findings in the original's offsets. */
  public Redaction redact(String text) {
    List<Finding> findings = find(text);
    if (findings.isEmpty()) {
      return new Redaction(text, findings);
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Finding finding : findings) {
      out.append(text, at, finding.start()).append("[REDACTED:").append(finding.type()).append(']');
      at = finding.end();
    }
    return new Redaction(out.append(text, at, text.length()).toString(), findings);
  }

  /** The findings in a text: sorted by start, none overlapping another. */
  public List<Finding> find(String text) {
    List<Finding> taken = new ArrayList<>();
    boolean serviceAccount = text.contains("service_account") || text.contains("gserviceaccount.com");
    boolean aws = AWS_MARKER.matcher(text).find();
    for (Rule rule : rules) {
      Matcher m = rule.pattern.matcher(text);
      while (m.find()) {
        int group = rule.group >= 0 ? rule.group : firstGroup(m);
        if (group < 0 || m.start(group) == m.end(group)) {
          continue;
        }
        int start = m.start(group);
        String type = rule.type;
        int end = type.equals("password") ? sentenceEnd(text, start, queryEnd(text, start, m.end(group)))
            : m.end(group);
        if (type.equals("private_key") && serviceAccount) {
          type = "gcp_service_account_key";
        }
        if (rule.kind.startsWith("generic_") && ACCESS_TOKEN_NAME.matcher(key(text, m.start(), start)).find()) {
          type = "bearer_token";
        }
        if (rule.kind.startsWith("generic_") && GITHUB_KEY_NAME.matcher(key(text, m.start(), start)).find()) {
          type = "github_token";
        }
        if (rule.kind.startsWith("generic_") && AZURE_KEY_NAME.matcher(key(text, m.start(), start)).find()
            && end - start >= 40) {
          type = "azure_connection_string";
        }
        if (rule.kind.startsWith("generic_") && aws && end - start == 40
            && AWS_SECRET.matcher(text.substring(start, end)).matches()) {
          type = "aws_secret_access_key";
        }
        if (rule.kind.equals("generic_any") && PASS_KEY.matcher(key(text, m.start(), start)).find()) {
          type = "password";
        }
        for (int cut : rule.shrink ? cuts(text, start, end) : new int[] {end}) {
          Finding candidate = new Finding(type, start, cut);
          boolean valid = rule.validator != null ? rule.validator.test(text.substring(start, cut))
              : validate(rule, text, m, candidate);
          if (valid) {
            if (free(taken, start, cut)) {
              taken.add(candidate);
            }
            break;
          }
        }
      }
    }
    tableCells(text, taken);
    sqlInserts(text, taken);
    taken.sort(Comparator.comparingInt(Finding::start));
    return taken;
  }

  private static final Pattern SQL_INSERT = Pattern.compile(
      "(?i)\\bINSERT\\s+(?:IGNORE\\s+)?INTO\\s+[A-Za-z0-9_.\"`\\[\\]]{1,128}\\s*\\(([^()\\n]{1,1000})\\)\\s*VALUES\\s*"
          + "\\(((?:'(?:[^'\\n]|'')*'|\"[^\"\\n]*\"|[^()'\"\\n])*)\\)");
  private static final Pattern PASS_KEY = Pattern.compile("(?i)(?:pass|pwd|kennwort|senha|contrase)");

  /**
   * SQL {@code INSERT INTO t (login, password) VALUES ('x', 'y')}: a quoted value under a password column (a
   * password) or a key, secret or token column (an API key when it has the look of one).
   */
  private static void sqlInserts(String text, List<Finding> taken) {
    Matcher m = SQL_INSERT.matcher(text);
    while (m.find()) {
      String[] columns = m.group(1).split(",");
      List<int[]> values = new ArrayList<>();
      int i = m.start(2);
      int end = m.end(2);
      while (i < end) {
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
          i++;
        }
        if (i >= end) {
          break;
        }
        char q = text.charAt(i);
        if (q == '\'' || q == '"') {
          int j = i + 1;
          while (j < end && (text.charAt(j) != q || j + 1 < end && text.charAt(j + 1) == q && q == '\'' && j++ > 0)) {
            j++;
          }
          values.add(new int[] {i + 1, Math.min(j, end)});
          i = j + 1;
        } else {
          int j = i;
          while (j < end && text.charAt(j) != ',') {
            j++;
          }
          values.add(new int[] {-1, -1});
          i = j;
        }
      }
      if (values.size() != columns.length) {
        continue;
      }
      for (int c = 0; c < columns.length; c++) {
        String name = columns[c].trim().replaceAll("[\"`\\[\\]]", "");
        int[] v = values.get(c);
        if (v[0] < 0 || v[1] <= v[0]) {
          continue;
        }
        String value = text.substring(v[0], v[1]);
        boolean password = PASSWORD_COLUMN.matcher(name).matches();
        boolean key = !password && KEY_COLUMN.matcher(name).matches() && !NOT_A_SECRET_KEY.matcher(name).find();
        boolean secret = password && passwordValue(value) && notAWord(value) || key && secretLike(value);
        if (secret && free(taken, v[0], v[1])) {
          taken.add(new Finding(password ? "password" : "generic_api_key", v[0], v[1]));
        }
      }
    }
  }

  /**
   * CSV, TSV and markdown tables: the cells of each row under a column whose header names a password (a password) or
   * a key, secret or token (an API key when the value has the look of one). One pass over the lines.
   */
  private static void tableCells(String text, List<Finding> taken) {
    int lineStart = 0;
    while (lineStart < text.length()) {
      int lineEnd = lineEnd(text, lineStart);
      char delimiter = delimiter(text, lineStart, lineEnd);
      List<int[]> header = delimiter == 0 ? List.of() : cells(text, lineStart, lineEnd, delimiter);
      int[] kinds = new int[header.size()];
      boolean any = false;
      for (int i = 0; i < header.size(); i++) {
        String name = text.substring(header.get(i)[0], header.get(i)[1]);
        kinds[i] = PASSWORD_COLUMN.matcher(name).matches() ? 1 : KEY_COLUMN.matcher(name).matches() ? 2 : 0;
        any |= kinds[i] != 0;
      }
      int next = lineEnd + 1;
      if (!any || header.size() < 2) {
        lineStart = next;
        continue;
      }
      while (next < text.length()) {
        int rowEnd = lineEnd(text, next);
        if (rowEnd == next || delimiter(text, next, rowEnd) != delimiter) {
          break;
        }
        List<int[]> row = cells(text, next, rowEnd, delimiter);
        if (delimiter != '|' && row.size() != header.size()) {
          break;
        }
        for (int i = 0; i < Math.min(row.size(), kinds.length); i++) {
          int[] cell = row.get(i);
          String value = text.substring(cell[0], cell[1]);
          boolean secret = kinds[i] == 1 && passwordValue(value) && notAWord(value) && value.indexOf(' ') < 0
              && !value.matches("-+|:?-+:?") || kinds[i] == 2 && secretLike(value);
          if (secret && free(taken, cell[0], cell[1])) {
            taken.add(new Finding(kinds[i] == 1 ? "password" : "generic_api_key", cell[0], cell[1]));
          }
        }
        next = rowEnd + 1;
      }
      lineStart = next;
    }
  }

  /**
   * The start of the block of lines (after a blank line, or the text's start) a line is in, looking back at most
   * 4000 characters so that the checks stay linear; -1 when it is further.
   */
  private static int blockStart(String text, int lineStart) {
    int limit = Math.max(0, lineStart - 4000);
    for (int i = lineStart - 1; i > limit; i--) {
      if (text.charAt(i) == '\n' && text.charAt(i - 1) == '\n') {
        return i + 1;
      }
    }
    return limit == 0 ? 0 : -1;
  }

  private static int lineEnd(String text, int from) {
    int end = text.indexOf('\n', from);
    return end < 0 ? text.length() : end;
  }

  /** The delimiter of a table line: a bar, a tab, a semicolon or a comma; 0 when it is none. */
  private static char delimiter(String text, int start, int end) {
    int bars = 0;
    int tabs = 0;
    int semicolons = 0;
    int commas = 0;
    for (int i = start; i < end; i++) {
      switch (text.charAt(i)) {
        case '|' -> bars++;
        case '\t' -> tabs++;
        case ';' -> semicolons++;
        case ',' -> commas++;
        default -> { }
      }
    }
    return bars >= 2 ? '|' : tabs >= 1 ? '\t' : semicolons >= 1 && semicolons >= commas ? ';' : commas >= 1 ? ',' : 0;
  }

  /** The cells of a table line, each trimmed of spaces, quotes and backticks; quoted CSV cells may hold commas. */
  private static List<int[]> cells(String text, int start, int end, char delimiter) {
    List<int[]> cells = new ArrayList<>();
    int i = start;
    if (delimiter == '|') {
      while (i < end && text.charAt(i) == ' ') {
        i++;
      }
      if (i < end && text.charAt(i) == '|') {
        i++;
      }
    }
    while (i <= end) {
      int cellStart = i;
      boolean quoted = false;
      while (i < end && (quoted || text.charAt(i) != delimiter)) {
        if (text.charAt(i) == '"') {
          quoted = !quoted;
        }
        i++;
      }
      int a = cellStart;
      int b = i;
      while (a < b && " \"'`\r".indexOf(text.charAt(a)) >= 0) {
        a++;
      }
      while (b > a && " \"'`\r".indexOf(text.charAt(b - 1)) >= 0) {
        b--;
      }
      if (!(delimiter == '|' && i >= end && a == b)) {
        cells.add(new int[] {a, b});
      }
      i++;
    }
    return cells;
  }

  /** The header of the table column a span is a cell of, or null when it is not in a table. */
  private static String columnHeader(String text, Finding at) {
    int lineStart = text.lastIndexOf('\n', at.start() - 1) + 1;
    if (lineStart == 0) {
      return null;
    }
    int headerStart = blockStart(text, lineStart);
    if (headerStart < 0) {
      return null;
    }
    int headerEnd = lineEnd(text, headerStart);
    int rowEnd = lineEnd(text, lineStart);
    // a table's lines are short: longer ones are not read as rows, so that each check stays bounded
    if (headerEnd - headerStart > 2000 || rowEnd - lineStart > 2000) {
      return null;
    }
    char delimiter = delimiter(text, headerStart, headerEnd);
    if (delimiter == 0 || delimiter(text, lineStart, rowEnd) != delimiter) {
      return null;
    }
    List<int[]> header = cells(text, headerStart, headerEnd, delimiter);
    List<int[]> row = cells(text, lineStart, lineEnd(text, lineStart), delimiter);
    // a header names its columns in a few words, and a comma- or tab-separated row has as many cells: a line of
    // prose with commas is not a table (the same number in it was read differently alone and in a longer text)
    if (delimiter != '|' && row.size() != header.size()) {
      return null;
    }
    for (int[] cell : header) {
      if (cell[1] - cell[0] > 64) {
        return null;
      }
    }
    for (int i = 0; i < Math.min(header.size(), row.size()); i++) {
      if (row.get(i)[0] <= at.start() && at.end() <= row.get(i)[1]) {
        return text.substring(header.get(i)[0], header.get(i)[1]);
      }
    }
    return null;
  }

  /** The ends a match may be cut back to: its own, then before each separator that follows a digit, longest first. */
  private static int[] cuts(String text, int start, int end) {
    int[] ends = new int[end - start];
    int n = 0;
    ends[n++] = end;
    for (int i = end - 1; i > start + 6; i--) {
      char c = text.charAt(i);
      if ((c == ' ' || c == '-' || c == '.' || c == '/') && Character.isDigit(text.charAt(i - 1))) {
        ends[n++] = i;
      }
    }
    return java.util.Arrays.copyOf(ends, n);
  }

  /** A bare value at the end of a clause ends before its comma, full stop, semicolon or bracket. */
  private static int sentenceEnd(String text, int start, int end) {
    boolean atBreak = end == text.length() || Character.isWhitespace(text.charAt(end));
    while (atBreak && end > start + 3 && ".,;)".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  /** A value in a URL query ends before {@code &name=}, though {@code &} may be part of a password. */
  private static int queryEnd(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == '&') {
        int j = i + 1;
        while (j < end && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
          j++;
        }
        if (j > i + 1 && j < end && text.charAt(j) == '=') {
          return i;
        }
      }
    }
    return end;
  }

  private static int firstGroup(Matcher m) {
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.start(g) >= 0) {
        return g;
      }
    }
    return -1;
  }

  private static boolean free(List<Finding> taken, int start, int end) {
    for (Finding other : taken) {
      if (start < other.end() && other.start() < end) {
        return false;
      }
    }
    return true;
  }

  /** The checks that need the text around a match: boundaries, context words, check digits. */
  private static boolean validate(Rule rule, String text, Matcher m, Finding at) {
    String match = text.substring(at.start(), at.end());
    String digits = keep(match, "0123456789");
    switch (rule.kind) {
      case "prose_userpass": {
        // not host:port, not a time or a ratio
        String value = trimEnd(match);
        return notAWord(value) && !value.matches("[0-9]+");
      }
      case "tool_password": {
        return passwordValue(match) && !match.startsWith("-");
      }
      case "user_then_p": {
        int line = text.lastIndexOf('\n', m.start()) + 1;
        String command = text.substring(line, at.start()).toLowerCase(Locale.ROOT);
        return passwordValue(match) && !match.startsWith("-") && !match.startsWith("/") && !match.matches("[0-9:./-]+")
            && !command.contains("mysql") && !command.contains("mariadb") && !command.contains("docker")
            && !command.contains("podman");
      }
      case "password_pair": {
        String key = text.substring(m.start(), at.start()).replaceAll("^[(\\[{,]\\s*[\"']", "");
        key = key.substring(0, Math.max(0, key.indexOf(key.indexOf('"') >= 0 ? '"' : '\'')));
        return passwordValue(match) && !NOT_A_SECRET_KEY.matcher(key).find();
      }
      case "prose_password": {
        String between = text.substring(m.start(), at.start()).toLowerCase(Locale.ROOT);
        return notAWord(match) && !PROSE_NOT_SECRET.matcher(between).find();
      }
      case "generic_any": {
        String key = key(text, m.start(), at.start());
        String value = trimEnd(match);
        boolean hex = value.matches("[0-9a-fA-F]+");
        return (hex ? value.length() >= 32 && !HASH_KEY.matcher(key).find() : strongSecret(value))
            && !NOT_A_SECRET_KEY.matcher(key).find() && !HASH_KEY.matcher(key).find()
            && !REFERENCE_KEY.matcher(key).find() && !resourceName(value) && passwordValue(value);
      }
      case "password_kv":
        return passwordValue(match) && !NOT_A_SECRET_KEY.matcher(key(text, m.start(), at.start())).find();
      case "generic_kv": {
        String key = key(text, m.start(), at.start());
        boolean uuidKey = UUID.matcher(match).matches() && API_KEY_NAME.matcher(key).find();
        return (secretLike(match) || uuidKey) && !NOT_A_SECRET_KEY.matcher(key).find()
            && !REFERENCE_KEY.matcher(key).find() && !resourceName(match);
      }
      case "password_flag": {
        String flag = text.substring(m.start(), at.start()).trim().toLowerCase(Locale.ROOT);
        flag = flag.replaceAll("[= \"']+$", "");
        return !flag.endsWith("bypass") && !flag.endsWith("compass") && !flag.endsWith("trespass")
            && !match.startsWith("-") && passwordValue(match);
      }
      case "phone_national":
        return nationalPhone(text, at, match, digits);
      case "email":
        return email(text, at, match);
      case "email_encoded":
        return EMAIL.isValid(match.replace("%40", "@").replace("%2B", "+").replace("%2b", "+")
            .replace("%2E", ".").replace("%2e", "."));
      case "iban":
        return CheckDigits.iban(drop(match, " ").toUpperCase(Locale.ROOT)) && numberBoundary(text, at);
      case "credit_card":
        return cardSeparators(match) && numberBoundary(text, at) && CheckDigits.card(digits)
            && (at.end() == m.end() || CARD_GROUPS.matcher(match).matches());
      case "fr_nir":
        return numberBoundary(text, at) && CheckDigits.frNir(drop(match, " "));
      case "de_tax_id":
        return numberBoundary(text, at) && CheckDigits.deTaxId(digits);
      case "se_personnummer": {
        boolean separated = match.indexOf('-') > 0 || match.indexOf('+') > 0;
        if (match.indexOf(' ') > 0 && !named(PNR_CONTEXT, text, at)) {
          return false;
        }
        // 20261203-1542 is more often a build stamp than a child's number: a recent century form needs the name
        boolean stamp = digits.length() == 12 && digits.startsWith("20") && digits.charAt(2) >= '1';
        return numberBoundary(text, at) && CheckDigits.sePersonnummer(digits)
            && (separated && !stamp || named(PNR_CONTEXT, text, at));
      }
      case "us_ssn": {
        boolean dashed = "-".equals(m.group(1)) && "-".equals(m.group(2));
        boolean plain = m.group(1).isEmpty() && m.group(2).isEmpty();
        return numberBoundary(text, at) && CheckDigits.usSsn(digits, named(SSN_CONTEXT, text, at))
            && (dashed && !m.group(1).isEmpty() || (dashed || plain || m.group(1).equals(m.group(2)))
                && named(SSN_CONTEXT, text, at));
      }
      case "ca_sin": {
        boolean separated = !m.group(1).isEmpty() && m.group(1).equals(m.group(2));
        boolean named = named(SIN_CONTEXT, text, at);
        boolean checks = CheckDigits.caSin(digits) || named && digits.charAt(0) == '0' && CheckDigits.luhn(digits);
        return numberBoundary(text, at) && checks && !context(BSN_CONTEXT, text, at.start())
            && (separated && !context(PHONE_CONTEXT, text, at.start()) || named);
      }
      case "nl_bsn":
        return numberBoundary(text, at) && CheckDigits.nlBsn(digits)
            && (match.indexOf('.') == 4 || named(BSN_CONTEXT, text, at));
      case "es_dni":
        return numberBoundary(text, at) && CheckDigits.esDni(drop(match, "-. "));
      case "uk_nino":
        // QQ is the prefix of the examples HMRC prints: a NINO only under its name
        return CheckDigits.ukNinoPrefix(m.group(1).toUpperCase(Locale.ROOT)) && oneCase(match)
            && (!m.group(1).equalsIgnoreCase("QQ") || named(NINO_CONTEXT, text, at));
      case "phone":
        return phone(text, at, match, digits);
      default:
        return false;
    }
  }

  /** Not inside a longer token: no letter, digit or joining punctuation either side (IPs, versions, hashes, UUIDs). */
  private static boolean numberBoundary(String text, Finding at) {
    if (at.start() > 0) {
      char before = text.charAt(at.start() - 1);
      boolean jsonKey = before == ':' && at.start() > 1 && ("\"'".indexOf(text.charAt(at.start() - 2)) >= 0
          || Character.isLetter(text.charAt(at.start() - 2)) && (at.start() < 3 || text.charAt(at.start() - 3) != ':'));
      if (Character.isLetterOrDigit(before) || before == '.' || before == '-' || before == '_' || before == '/'
          || before == ':' && !jsonKey || before == '#' || before == '+') {
        return false;
      }
    }
    if (at.end() < text.length()) {
      char after = text.charAt(at.end());
      if (Character.isLetterOrDigit(after) || after == '-' || after == '_' || after == '/') {
        return false;
      }
      if ((after == '.' || after == ':') && at.end() + 1 < text.length()
          && Character.isLetterOrDigit(text.charAt(at.end() + 1))) {
        return false;
      }
    }
    return true;
  }

  private static boolean cardSeparators(String match) {
    boolean spaces = match.indexOf(' ') >= 0;
    boolean dashes = match.indexOf('-') >= 0;
    return !(spaces && dashes);
  }

  private static boolean email(String text, Finding at, String match) {
    if (at.start() > 0) {
      char before = text.charAt(at.start() - 1);
      boolean mailto = before == ':' && at.start() >= 7 && text.regionMatches(true, at.start() - 7, "mailto:", 0, 7);
      if (before == ':' && !mailto && !MAIL_LABEL.matcher(text.substring(Math.max(0, at.start() - 16), at.start())).find()
          || before == '/' || before == '$' || before == '{') {
        return false;
      }
    }
    if (at.end() < text.length() && text.charAt(at.end()) == '@') {
      return false;
    }
    // git@github.com:org/repo.git, root@host:~#: an account on a host
    if (at.end() + 1 < text.length() && text.charAt(at.end()) == ':'
        && ("~/._-".indexOf(text.charAt(at.end() + 1)) >= 0 || Character.isLetterOrDigit(text.charAt(at.end() + 1)))) {
      return false;
    }
    int line = text.lastIndexOf('\n', at.start() - 1) + 1;
    if (SSH_COMMAND.matcher(text.substring(Math.max(line, at.start() - 80), at.start())).find()) {
      return false;
    }
    String domain = match.substring(match.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    if (domain.endsWith(".png") || domain.endsWith(".jpg") || domain.endsWith(".gif") || domain.endsWith(".svg")) {
      return false;
    }
    if (EMAIL.isValid(match)) {
      return true;
    }
    for (String internal : INTERNAL_DOMAINS) {
      if (domain.endsWith(internal)) {
        return true;
      }
    }
    return false;
  }

  private static boolean phone(String text, Finding at, String match, String digits) {
    if (quantity(text, at)) {
      return false;
    }
    if (COUNT_BEFORE.matcher(text.substring(Math.max(0, at.start() - 24), at.start())).find()) {
      return false;
    }
    String column = columnHeader(text, at);
    if (column != null && COUNT_COLUMN.matcher(column).matches()) {
      return false;
    }
    boolean telUri = match.startsWith("+") && at.start() >= 4 && text.regionMatches(true, at.start() - 4, "tel:", 0, 4);
    if (digits.length() < 8 || digits.length() > 15 || !(numberBoundary(text, at) || telUri)
        || inDigitGroups(text, at)) {
      return false;
    }
    if (match.indexOf('.') >= 0 && match.indexOf(' ') >= 0) {
      return false;
    }
    boolean international = match.startsWith("+") || match.startsWith("00") || match.startsWith("(+");
    boolean separated = match.indexOf(' ') > 0 || match.indexOf('-') > 0 || match.indexOf('.') > 0
        || match.indexOf('(') >= 0 || match.indexOf('/') > 0;
    if (international) {
      // 0012345678 is as often a zero-padded id as a number dialled from abroad: unseparated, it needs the word
      return separated || match.startsWith("+") && digits.length() >= 10 || context(PHONE_CONTEXT, text, at.start());
    }
    return separated && !context(SSN_CONTEXT, text, at.start()) || context(PHONE_CONTEXT, text, at.start());
  }

  /** Whether a match is a part of a longer run of digit groups, such as a card number. */
  private static boolean inDigitGroups(String text, Finding at) {
    boolean before = at.start() >= 2 && text.charAt(at.start() - 1) == ' '
        && Character.isDigit(text.charAt(at.start() - 2));
    boolean after = at.end() + 1 < text.length() && text.charAt(at.end()) == ' '
        && Character.isDigit(text.charAt(at.end() + 1));
    return before || after;
  }

  /** Whether a context word is in the 40 characters before a match. */
  private static boolean context(Pattern words, String text, int start) {
    return words.matcher(text.substring(Math.max(0, start - 40), start)).find();
  }

  /**
   * Whether an id's name is near it: in the 40 characters before, on the rest of its line (a table row that names
   * the column after the value), or in the header of the table or CSV it is a row of.
   */
  private static boolean named(Pattern words, String text, Finding at) {
    if (context(words, text, at.start())) {
      return true;
    }
    int lineEnd = text.indexOf('\n', at.end());
    lineEnd = lineEnd < 0 ? text.length() : lineEnd;
    if (words.matcher(text.substring(at.end(), Math.min(lineEnd, at.end() + 40))).find()) {
      return true;
    }
    String header = tableHeader(text, at.start());
    return header != null && words.matcher(header).find();
  }

  /** The first line of the table or CSV block a position is in, when that line is not the position's own line. */
  private static String tableHeader(String text, int position) {
    int lineStart = text.lastIndexOf('\n', position - 1) + 1;
    if (lineStart == 0) {
      return null;
    }
    int headerStart = blockStart(text, lineStart);
    if (headerStart < 0) {
      return null;
    }
    int headerEnd = Math.min(lineEnd(text, headerStart), headerStart + 2000);
    String header = text.substring(headerStart, headerEnd);
    return header.indexOf(',') >= 0 || header.indexOf(';') >= 0 || header.indexOf('|') >= 0
        || header.indexOf('\t') >= 0 ? header : null;
  }

  /** A national number: nine to twelve digits with the trunk 0, not a date. */
  private static boolean nationalPhone(String text, Finding at, String match, String digits) {
    return digits.length() >= 9 && digits.length() <= 12 && !DATE_LIKE.matcher(match).find()
        && phone(text, at, match, digits);
  }

  private static boolean quantity(String text, Finding at) {
    return UNIT_AFTER.matcher(text.substring(at.end(), Math.min(text.length(), at.end() + 12))).find();
  }

  /** The key before a value: the run of name characters a key=value match starts with. */
  private static String key(String text, int from, int to) {
    int end = from;
    while (end < to && (Character.isLetterOrDigit(text.charAt(end)) || "_.-".indexOf(text.charAt(end)) >= 0)) {
      end++;
    }
    return text.substring(from, end);
  }

  /** A resource name (mongodb-auth-2026, shop-tls-prod): lower-case words and dashes, two words at least. */
  private static boolean resourceName(String value) {
    if (!DASHED_LOWER.matcher(value).matches()) {
      return false;
    }
    int words = 0;
    for (String part : value.split("-")) {
      if (part.length() >= 3 && part.chars().allMatch(Character::isLetter)) {
        words++;
      }
    }
    return words >= 2;
  }

  /** A password value: not a placeholder, and not a reference to one (a tag, an expression, a path key's value). */
  private static boolean passwordValue(String value) {
    return notPlaceholder(value) && !REFERENCE.matcher(value.trim()).find();
  }

  /** A base64-encoded PEM block that decodes to a private key (not a certificate or a public key). */
  private static boolean encodedPrivateKey(String encoded) {
    try {
      String decoded = new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.US_ASCII);
      return decoded.contains("PRIVATE KEY");
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  /** All letters in one case: {@code ab123456c} or {@code AB123456C}, not {@code Ab123456c}. */
  private static boolean oneCase(String value) {
    return value.equals(value.toUpperCase(Locale.ROOT)) || value.equals(value.toLowerCase(Locale.ROOT));
  }

  /** {@code -u user:secret}, but not {@code -u 1000:1000} (a uid and gid). */
  private static boolean flagPassword(String value) {
    return passwordValue(value) && !value.chars().allMatch(Character::isDigit);
  }

  /** Not a masked or example token: at least eight distinct characters, no run of six alike. */
  private static boolean notMasked(String value) {
    long distinct = value.chars().distinct().count();
    int run = 1;
    for (int i = 1; i < value.length(); i++) {
      run = value.charAt(i) == value.charAt(i - 1) ? run + 1 : 1;
      if (run >= 6) {
        return false;
      }
    }
    return distinct >= 8;
  }

  /** A key with an issuer prefix: not masked; the short {@code sk-} prefix also needs the look of a secret. */
  private static boolean prefixedKey(String value) {
    return notMasked(value) && (!value.startsWith("sk-") || secretLike(value));
  }

  /** A 40-character AWS secret: mixed case, high entropy, not masked. */
  private static boolean awsSecretLike(String value) {
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < value.length(); i++) {
      upper |= Character.isUpperCase(value.charAt(i));
      lower |= Character.isLowerCase(value.charAt(i));
    }
    return upper && lower && notMasked(value) && entropy(value) >= 4.0;
  }

  private static boolean notPlaceholder(String value) {
    String trimmed = value.trim();
    return trimmed.length() >= 3 && !PLACEHOLDER.matcher(trimmed).matches() && !trimmed.startsWith("[REDACTED")
        && !trimmed.startsWith("${") && !trimmed.startsWith("{{") && !trimmed.startsWith("<");
  }

  /** A value that is not a plain word: it holds a digit or a symbol, and is not a placeholder. */
  private static boolean notAWord(String value) {
    String trimmed = trimEnd(value);
    if (!notPlaceholder(trimmed)) {
      return false;
    }
    for (int i = 0; i < trimmed.length(); i++) {
      if (!Character.isLetter(trimmed.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static String trimEnd(String value) {
    int end = value.length();
    while (end > 0 && ".,;:!?)".indexOf(value.charAt(end - 1)) >= 0) {
      end--;
    }
    return value.substring(0, end);
  }

  /** A value of 20 or more with upper and lower case letters and digits and high entropy, not a UUID. */
  private static boolean strongSecret(String value) {
    if (value.length() < 20 || UUID.matcher(value).matches() || value.indexOf("://") >= 0 || !notMasked(value)) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      upper |= Character.isUpperCase(c);
      lower |= Character.isLowerCase(c);
      digit |= Character.isDigit(c);
    }
    return upper && lower && digit && entropy(value) >= 3.5;
  }

  /** A long value with the look of a random secret: letters and digits mixed, high entropy, not a UUID. */
  private static boolean secretLike(String value) {
    if (!notPlaceholder(value) || UUID.matcher(value).matches() || value.length() < 16) {
      return false;
    }
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    if (!letter || !digit || value.indexOf("://") >= 0) {
      return false;
    }
    return entropy(value) >= 3.0;
  }

  private static boolean basicAuth(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon > 0 && colon < decoded.length() - 1;
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  private static String keep(String text, String chars) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }

  private static String drop(String text, String chars) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) < 0) {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String value) {
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double bits = 0;
    double n = value.length();
    for (int count : counts) {
      if (count > 0) {
        double p = count / n;
        bits -= p * Math.log(p) / Math.log(2);
      }
    }
    if (other > 0) {
      double p = other / n;
      bits -= p * Math.log(p) / Math.log(2);
    }
    return bits;
  }

  /**
   * A pattern, the group that holds the secret (-1: the first that took part), and a check of that group; or, when
   * there is none, the named check in {@link #validate}. A rule that may shrink tries its match cut back at each
   * separator, longest first, when the whole does not pass (a card number followed by an expiry date).
   */
  private record Rule(String type, Pattern pattern, int group, Predicate<String> validator, String kind,
                      boolean shrink) {

    Rule(String type, Pattern pattern, int group, Predicate<String> validator) {
      this(type, pattern, group, validator, type, false);
    }

    Rule(String type, Pattern pattern, int group, Predicate<String> validator, String kind) {
      this(type, pattern, group, validator, kind, false);
    }
  }
}
