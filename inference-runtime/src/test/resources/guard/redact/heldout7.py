#!/usr/bin/env python3
"""Writes the seventh held-out redaction corpus (heldout7-secrets.jsonl, heldout7-clean.jsonl).

Written by hand at the start of the third round, after the heldout6 families were fixed and before anything else
was changed, the way an outside security team most likely writes a test set: the obvious, common forms first
(password=..., postgres://user:pass@host/db, Authorization: Bearer eyJ..., AKIA... with its 40-character secret,
ghp_..., xoxb-..., Slack webhooks, BEGIN RSA PRIVATE KEY, Azure and GCP credentials, test cards, IBANs, national ids
in their printed forms, phone numbers as people write them), many short one-liners, a few configs and logs; clean
look-alikes beside them. Measured once, then tuned on. Same record format and decisions as heldout.py; everything
is invented. Run from this directory: python3 heldout7.py.
"""
import random, string, json, base64
R = random.Random(7741)
AL = string.ascii_letters + string.digits
def rnd(n, chars=AL): return "".join(R.choice(chars) for _ in range(n))
def up(n): return rnd(n, string.ascii_uppercase + "234567")
def hexs(n): return rnd(n, "0123456789abcdef")
def b64(n): return rnd(n, AL + "+/")
def luhn_sum(s):
    t = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9: d -= 9
        t += d
    return t
def luhn_ok(s): return luhn_sum(s) % 10 == 0
def luhn(body):
    for c in "0123456789":
        if luhn_ok(body + c): return body + c
def not_luhn(body):
    for c in "0123456789":
        if not luhn_ok(body + c): return body + c
def card(prefix, length):
    return luhn(prefix + rnd(length - len(prefix) - 1, string.digits))
def grp(s, sizes, sep):
    out, i = [], 0
    for z in sizes:
        out.append(s[i:i+z]); i += z
    return sep.join(out)
def iban(cc, bban, spaced=True):
    conv = "".join(str(int(ch, 36)) for ch in bban + cc + "00")
    s = f"{cc}{98 - int(conv) % 97:02d}{bban}"
    return " ".join(s[i:i+4] for i in range(0, len(s), 4)) if spaced else s
def dni(n8): return n8 + "TRWAGMYFPDXBNJZSQVHLCKE"[int(n8) % 23]
def nie(l, n7): return l + n7 + "TRWAGMYFPDXBNJZSQVHLCKE"[int("XYZ".index(l).__str__() + n7) % 23]
def bsn(n8):
    s = sum((9 - i) * int(n8[i]) for i in range(8))
    for c in range(10):
        if (s - c) % 11 == 0 and s - c != 0: return n8 + str(c)
    return None
def nir(n13):
    body = n13.replace("2A", "19").replace("2B", "18")
    return n13 + f"{97 - int(body) % 97:02d}"
def sin(n8): return luhn(n8)
def pnr(yymmdd, nnn): return luhn(yymmdd + nnn)
def detax(n10):
    p = 10
    for ch in n10:
        s = (int(ch) + p) % 10
        if s == 0: s = 10
        p = (s * 2) % 11
    c = 11 - p
    if c == 10: c = 0
    return n10 + str(c)
def jwt(payload, header='{"alg":"HS256","typ":"JWT"}'):
    e = lambda s: base64.urlsafe_b64encode(s.encode()).decode().rstrip("=")
    return e(header) + "." + e(payload) + "." + rnd(43, AL + "-_")
def pem_body(lines=6, width=64): return [b64(width) for _ in range(lines)] + [b64(28) + "=="]
R = random.Random(7707)
S = []
def s(text, *items): S.append((text, list(items)))
C = []
def c(text): C.append(text)

# e-mail
s("Contact: alice.johnson@acme-corp.com", ("email", "alice.johnson@acme-corp.com"))
s("user=bob.smith@example.org logged in from 10.0.0.12", ("email", "bob.smith@example.org"))
s("Please reset the account for j.doe+vpn@contoso.co.uk", ("email", "j.doe+vpn@contoso.co.uk"))
s('{"email": "maria.garcia@empresa.es", "role": "analyst"}', ("email", "maria.garcia@empresa.es"))
s("From: Security Team <security@northwind.io>", ("email", "security@northwind.io"))
s("email,name\nkarl.meier@firma.de,Karl Meier", ("email", "karl.meier@firma.de"))
# phones
s("Call me at +1 (415) 555-0132", ("phone", "+1 (415) 555-0132"))
s("Phone: +44 20 7946 0958", ("phone", "+44 20 7946 0958"))
s("London office: 020 7946 0958", ("phone", "020 7946 0958"))
s("Mon portable : 06 12 34 56 78", ("phone", "06 12 34 56 78"))
s("Telefon: 030 12345678", ("phone", "030 12345678"))
s("phone=+49 30 12345678", ("phone", "+49 30 12345678"))
s("on-call: (212) 555-0198", ("phone", "(212) 555-0198"))
s("tel +33 1 42 68 53 00", ("phone", "+33 1 42 68 53 00"))
s("Ring 08-123 456 78 if the VPN is down", ("phone", "08-123 456 78"))
s('"mobile": "+34 612 345 678"', ("phone", "+34 612 345 678"))
s("cell 415-555-0147", ("phone", "415-555-0147"))
s("bel me op 06-12345678", ("phone", "06-12345678"))
# passwords
s("password=hunter2", ("password", "hunter2"))
s("DB_PASSWORD=S3cr3tP@ss!", ("password", "S3cr3tP@ss!"))
s("postgres://admin:Pg-Admin-2026@db.internal:5432/app", ("password", "Pg-Admin-2026"))
s("mysql://root:toor123@10.0.0.5/mysql", ("password", "toor123"))
s("mongodb+srv://svc:Mongo%21Pass9@cluster0.abcde.mongodb.net/prod", ("password", "Mongo%21Pass9"))
s("redis://:Redis-Secret-77@cache01:6379/0", ("password", "Redis-Secret-77"))
s("Authorization: Basic " + base64.b64encode(b"admin:Adm1n!2026").decode(), ("password", base64.b64encode(b"admin:Adm1n!2026").decode()))
s("Server=sql01;Database=crm;User Id=sa;Password=Sql$erver2026;", ("password", "Sql$erver2026"))
s("jdbc:postgresql://db01:5432/app?user=app&password=Jdbc-Pw-55", ("password", "Jdbc-Pw-55"))
s("spring.datasource.password=Spring#Db9", ("password", "Spring#Db9"))
s('{"username": "svc_backup", "password": "B4ckup-Svc!"}', ("password", "B4ckup-Svc!"))
s("database:\n  user: app\n  password: Yaml-Db-Pw-3", ("password", "Yaml-Db-Pw-3"))
s("export MYSQL_ROOT_PASSWORD='Root!Mysql8'", ("password", "Root!Mysql8"))
s("The password is Winter2026!", ("password", "Winter2026!"))
s("my password: qwerty123", ("password", "qwerty123"))
s("pwd=Tr0ub4dor&3", ("password", "Tr0ub4dor&3"))
s("Enter pass phrase for key.pem: Pass-Phrase-42", ("password", "Pass-Phrase-42"))
s("openssl rsa -in key.pem -passin pass:Ossl-Key-9", ("password", "Ossl-Key-9"))
s("ssh-keygen -t ed25519 -N 'Keygen-Pp-7' -f id_ed25519", ("password", "Keygen-Pp-7"))
s("curl -u admin:Curl-Pass-3 https://jenkins.internal/api/json", ("password", "Curl-Pass-3"))
s("mysql -u root -pMyRootPw77 -h db01", ("password", "MyRootPw77"))
s("amqp://guest:Rabbit-Pw-12@mq01:5672/", ("password", "Rabbit-Pw-12"))
s("ftp://upload:Ftp-Up-2026@ftp.partner.net/in", ("password", "Ftp-Up-2026"))
s("Login: admin  Password: Adm!n-Portal1", ("password", "Adm!n-Portal1"))
s("wifi password is CoffeeShop#88", ("password", "CoffeeShop#88"))
s("Das Passwort ist Sommer2026!", ("password", "Sommer2026!"))
s("Le mot de passe est Soleil#2026", ("password", "Soleil#2026"))
s("La contraseña es Madrid-2026", ("password", "Madrid-2026"))
s('<property name="password" value="Xml-Prop-Pw8"/>', ("password", "Xml-Prop-Pw8"))
s("PGPASSWORD=PgEnv-Pw-4 psql -h db01 -U app", ("password", "PgEnv-Pw-4"))
s("admin_password: \"Helm-Admin-6\"", ("password", "Helm-Admin-6"))
s("smtp_pass = Smtp-Relay-31", ("password", "Smtp-Relay-31"))
# bearer / JWT
j1 = jwt('{"sub":"1234567890","name":"John Doe","iat":1516239022}')
s("Authorization: Bearer " + j1, ("jwt", j1))
t1 = rnd(40, AL)
s("Authorization: Bearer " + t1, ("bearer_token", t1))
j2 = jwt('{"sub":"svc-api","scope":"read"}')
s("token=" + j2, ("jwt", j2))
j3 = jwt('{"iss":"https://login.acme.com","aud":"api"}', '{"alg":"RS256","kid":"k1"}')
s('{"id_token": "' + j3 + '"}', ("jwt", j3))
t2 = rnd(32, AL + "-_")
s("curl -H 'Authorization: Bearer " + t2 + "' https://api.acme.com/v1/users", ("bearer_token", t2))
t3 = rnd(36, AL)
s('{"access_token": "' + t3 + '", "token_type": "bearer", "expires_in": 3600}', ("bearer_token", t3))
# AWS
a1, k1 = "AKIA" + up(16), b64(40)
s(f"aws_access_key_id = {a1}\naws_secret_access_key = {k1}", ("aws_access_key_id", a1), ("aws_secret_access_key", k1))
a2, k2 = "AKIA" + up(16), b64(40)
s(f"export AWS_ACCESS_KEY_ID={a2}\nexport AWS_SECRET_ACCESS_KEY={k2}", ("aws_access_key_id", a2), ("aws_secret_access_key", k2))
s("AKIAIOSFODNN7EXAMPLE", ("aws_access_key_id", "AKIAIOSFODNN7EXAMPLE"))
a3 = "AKIA" + up(16)
s(f"Found leaked key {a3} in public repo", ("aws_access_key_id", a3))
k3 = b64(40)
s(f'"SecretAccessKey": "{k3}"', ("aws_secret_access_key", k3))
# GitHub / Slack
g1 = "ghp_" + rnd(36)
s(f"GITHUB_TOKEN={g1}", ("github_token", g1))
g2 = "ghp_" + rnd(36)
s(f"git clone https://{g2}@github.com/acme/infra.git", ("github_token", g2))
g3 = "gho_" + rnd(36)
s(f"token: {g3}", ("github_token", g3))
x1 = "xoxb-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**12, 10**13)) + "-" + rnd(24)
s(f"SLACK_BOT_TOKEN={x1}", ("slack_token", x1))
x2 = "xoxp-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**12, 10**13)) + "-" + hexs(32)
s(f"slack token {x2}", ("slack_token", x2))
w1 = "https://hooks.slack.com/services/T" + up(8) + "/B" + up(8) + "/" + rnd(24)
s(f"SLACK_WEBHOOK_URL={w1}", ("slack_webhook", w1))
w2 = "https://hooks.slack.com/services/T" + up(10) + "/B" + up(10) + "/" + rnd(24)
s(f"curl -X POST -d '{{\"text\":\"deploy done\"}}' {w2}", ("slack_webhook", w2))
# generic API keys
o1 = "sk-" + rnd(48)
s(f"OPENAI_API_KEY={o1}", ("generic_api_key", o1))
st = "sk_live_" + rnd(24)
s(f"stripe.api_key = \"{st}\"", ("generic_api_key", st))
gk = "AIza" + rnd(35, AL + "-_")
s(f"https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key={gk}", ("generic_api_key", gk))
ak = rnd(32, AL)
s(f"api_key: {ak}", ("generic_api_key", ak))
xk = rnd(40, AL)
s(f"X-API-Key: {xk}", ("generic_api_key", xk))
ck = rnd(32, AL)
s(f'"client_secret": "{ck}"', ("generic_api_key", ck))
sg = "SG." + rnd(22, AL + "-_") + "." + rnd(43, AL + "-_")
s(f"SENDGRID_API_KEY={sg}", ("generic_api_key", sg))
ap = rnd(28, AL)
s(f"curl -H \"apikey: {ap}\" https://api.partner.io/v2/items", ("generic_api_key", ap))
tk = rnd(30, AL)
s(f"--token {tk}", ("generic_api_key", tk))
sk2 = rnd(40, AL)
s(f"SECRET_KEY = '{sk2}'", ("generic_api_key", sk2))
# private keys
pk = "\n".join(["-----BEGIN RSA PRIVATE KEY-----"] + pem_body() + ["-----END RSA PRIVATE KEY-----"])
s(pk, ("private_key", pk))
pk2 = "\n".join(["-----BEGIN PRIVATE KEY-----"] + pem_body(4) + ["-----END PRIVATE KEY-----"])
s("key.pem:\n" + pk2, ("private_key", pk2))
pk3 = "\\n".join(["-----BEGIN OPENSSH PRIVATE KEY-----"] + pem_body(3, 70) + ["-----END OPENSSH PRIVATE KEY-----"])
s('{"ssh_key": "' + pk3 + '\\n"}', ("private_key", pk3))
pk4 = "\n    ".join(["-----BEGIN EC PRIVATE KEY-----"] + pem_body(2) + ["-----END EC PRIVATE KEY-----"])
s("tls:\n  key: |\n    " + pk4, ("private_key", pk4))
# Azure
az1 = b64(86) + "=="
s(f"DefaultEndpointsProtocol=https;AccountName=stacmeprod;AccountKey={az1};EndpointSuffix=core.windows.net", ("azure_connection_string", az1))
az2 = b64(43) + "="
s(f"Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={az2}", ("azure_connection_string", az2))
az3 = b64(86) + "=="
s(f"AZURE_STORAGE_CONNECTION_STRING=\"DefaultEndpointsProtocol=https;AccountName=logs01;AccountKey={az3}\"", ("azure_connection_string", az3))
# GCP
gid = hexs(40)
gpk = "\\n".join(["-----BEGIN PRIVATE KEY-----"] + pem_body(5) + ["-----END PRIVATE KEY-----"]) + "\\n"
gpk_v = gpk[:-2]
s('{\n  "type": "service_account",\n  "project_id": "acme-prod",\n  "private_key_id": "' + gid + '",\n  "private_key": "' + gpk + '",\n  "client_email": "ci@acme-prod.iam.gserviceaccount.com"\n}',
  ("gcp_service_account_key", gid), ("gcp_service_account_key", gpk_v), ("email", "ci@acme-prod.iam.gserviceaccount.com"))
gid2 = hexs(40)
s('"type": "service_account", "private_key_id": "' + gid2 + '"', ("gcp_service_account_key", gid2))
# cards
s("Card: 4111 1111 1111 1111", ("credit_card", "4111 1111 1111 1111"))
s("cc=5555555555554444 exp=12/28", ("credit_card", "5555555555554444"))
c1 = grp(card("4", 16), [4, 4, 4, 4], "-")
s(f"Payment with card {c1} declined", ("credit_card", c1))
c2 = card("37", 15)
s(f"amex {grp(c2, [4, 6, 5], ' ')}", ("credit_card", grp(c2, [4, 6, 5], " ")))
c3 = card("51", 16)
s(f'"card_number": "{c3}"', ("credit_card", c3))
# IBAN
s("IBAN: DE89 3704 0044 0532 0130 00", ("iban", "DE89 3704 0044 0532 0130 00"))
s("Please wire to GB82WEST12345698765432", ("iban", "GB82WEST12345698765432"))
i1 = iban("FR", "20041010050500013M02606")
s(f"IBAN {i1}", ("iban", i1))
i2 = iban("NL", "ABNA0417164300", False)
s(f"iban={i2}", ("iban", i2))
i3 = iban("ES", "21000418450200051332")
s(f"Cuenta: {i3}", ("iban", i3))
# US SSN
s("SSN: 123-45-6789", ("us_ssn", "123-45-6789"))
s("ssn=219-09-9999", ("us_ssn", "219-09-9999"))
s("Employee SSN 536-22-8140 on file", ("us_ssn", "536-22-8140"))
# national ids
s("National Insurance number: AB 12 34 56 C", ("uk_nino", "AB 12 34 56 C"))
s("NINO: JG103759A", ("uk_nino", "JG103759A"))
s("DNI: 12345678Z", ("es_dni", "12345678Z"))
d1 = dni("%08d" % R.randint(10**7, 10**8 - 1))
s(f"Mi DNI es {d1}", ("es_dni", d1))
s("NIE X1234567L", ("es_dni", "X1234567L"))
b1 = bsn("%08d" % R.randint(10**7, 10**8 - 1))
while b1 is None: b1 = bsn("%08d" % R.randint(10**7, 10**8 - 1))
s(f"BSN: {b1}", ("nl_bsn", b1))
n1 = nir("1850578006084")
n1g = f"{n1[0]} {n1[1:3]} {n1[3:5]} {n1[5:7]} {n1[7:10]} {n1[10:13]} {n1[13:]}"
s(f"Numéro de sécurité sociale : {n1g}", ("fr_nir", n1g))
s("SIN: 046 454 286", ("ca_sin", "046 454 286"))
sn = sin("%08d" % R.randint(10**7, 10**8 - 1))
sn = sin("1" + "%07d" % R.randint(0, 10**7 - 1))
s(f"Social Insurance Number {sn[:3]}-{sn[3:6]}-{sn[6:]}", ("ca_sin", f"{sn[:3]}-{sn[3:6]}-{sn[6:]}"))
s("personnummer: 19811218-9876", ("se_personnummer", "19811218-9876"))
p1 = pnr("850709", "123")
s(f"Personnummer {p1[:6]}-{p1[6:]}", ("se_personnummer", f"{p1[:6]}-{p1[6:]}"))
s("Steuer-ID: 65 929 970 489", ("de_tax_id", "65 929 970 489"))
def detax_ok(t):  # the first ten digits: one digit twice or three times, the others at most once, one missing
    from collections import Counter
    k = sorted(Counter(t[:10]).values(), reverse=True)
    return k[0] in (2, 3) and all(v == 1 for v in k[1:])
t7 = detax("4" + "%09d" % R.randint(0, 10**9 - 1))
while not detax_ok(t7): t7 = detax("4" + "%09d" % R.randint(0, 10**9 - 1))
s(f"Steuerliche Identifikationsnummer {t7}", ("de_tax_id", t7))

# clean
c("Server listening on 0.0.0.0:8080")
c("Connection from 192.168.1.45 port 52211")
c("IPv6 peer 2001:db8::1 connected")
c("commit 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39")
c("sha256sum: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  empty.txt")
c("md5=d41d8cd98f00b204e9800998ecf8427e")
c("request_id=550e8400-e29b-41d4-a716-446655440000 status=200")
c("image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31")
c("password=${DB_PASSWORD}")
c("DB_PASSWORD=changeme")
c("password: <your-password>")
c("export API_KEY=$API_KEY")
c("token: {{ .Values.token }}")
c("Password must be at least 12 characters long.")
c("Reset your password at https://id.acme.com/reset")
c("The password policy requires rotation every 90 days.")
c("Forgot password? Click here.")
c("password_min_length=12")
c("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----")
c("-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----")
c("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@bastion")
c("Card ending in 1111")
c("Order number 4111 1111 1111 1112")
c("Invoice 1234 5678 9012 3456 paid")
c("Ticket #123456789 opened")
c("Version 2.14.3 released on 2026-12-03")
c("Timestamp 1733220000 epoch")
c("Bearer token expired, please re-authenticate")
c("Authorization: Bearer <token>")
c("Authorization: Bearer ${TOKEN}")
c("aws_access_key_id = AKIAXXXXXXXXXXXXXXXX")
c("GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}")
c("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
c("SLACK_WEBHOOK_URL=${SLACK_WEBHOOK_URL}")
c("postgres://app@db.internal:5432/app")
c("mysql://root@localhost/mysql")
c("git clone git@github.com:acme/infra.git")
c("ssh deploy@10.0.0.7")
c("SSN: XXX-XX-1234")
c("ssn 000-12-3456 (invalid test)")
c("IBAN: DE00 3704 0044 0532 0130 00")
c("Phone: +1 (555) ... pending")
c("Build 20261203.4 finished in 00:04:12")
c("Disk usage 912 345 678 bytes")
c("MAC 00:1A:2B:3C:4D:5E on eth0")
c("CIDR 10.0.0.0/16 allowed")
c("CVE-2024-3094 affects xz 5.6.0")
c("Event ID 4625: An account failed to log on.")
c("trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7")
c("etag: \"33a64df551425fcc55e4d42a148795d9f25f89d4\"")
c("cache_key=user:1234:profile")
c("The API key was rotated yesterday.")
c("Set SECRET_KEY in your environment before starting.")
c("api_key: REPLACE_ME")
c("DefaultEndpointsProtocol=https;AccountName=stacme;AccountKey=<storage-key>;EndpointSuffix=core.windows.net")
c('{"type": "service_account", "project_id": "acme-prod", "client_id": "104729384756102938475"}')
c("Total: 1 234,56 EUR")
c("Meeting at 10:30 in room 4.12")
c("User ID 1000, GID 1000")
c("docker run -p 8080:80 nginx")
c("Kubernetes secret name: db-credentials")
c("password reset requested by user jdoe")
c("session timeout 3600 seconds")
c("NINO format is two letters, six digits, one letter")
c("Personnummer format: YYMMDD-XXXX")
c("Token expires_in=3600")
c("integrity=\"sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC\"")
c("x-request-id: 7f3c2a1b9d8e4f6a0b5c1d2e3f4a5b6c")


def write(name, records):
    with open(name, "w", encoding="utf-8") as out:
        for text, items in records:
            assert all(value in text for _, value in items), text
            out.write(json.dumps({"text": text, "findings": [{"type": t, "value": v} for t, v in items]},
                                 ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write("heldout7-secrets.jsonl", S)
    write("heldout7-clean.jsonl", [(text, []) for text in C])
    print(len(S), "secret records,", sum(len(items) for _, items in S), "items;", len(C), "clean records")
