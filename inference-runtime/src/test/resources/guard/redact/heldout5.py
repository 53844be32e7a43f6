#!/usr/bin/env python3
"""Writes the fifth held-out redaction corpus (heldout5-secrets.jsonl, heldout5-clean.jsonl).

Written by hand after heldout4's misses were fixed, before any change for it, trying to think like the authors of an
outside set: every type in several carriers (logfmt, XML attributes, CSV with quotes, markdown tables, code
fences, JSON strings with escapes, URLs, line start and end) and formats (separators, case, punctuation), and
labels and prose in German, French, Spanish, Dutch and Swedish. Measured once, then tuned on (the figure is in the
commit that adds it and in docs/guard.md). Same record format and decisions as heldout.py. Everything is invented.

Run from this directory: python3 heldout5.py.
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
R = random.Random(5551)
S = []
def s(text, *items): S.append((text, list(items)))
C = []
def c(text): C.append(text)
def pem(label, lines=5, sep="\n", indent=""):
    body = [b64(64) for _ in range(lines)] + [b64(20) + "=="]
    return (f"-----BEGIN {label}-----" + sep + sep.join(indent + l for l in body) + sep + indent
            + f"-----END {label}-----")

# ------------------------------------------------------------------ e-mail
s('level=warn msg="bounce" rcpt=jana.novak@posta-brno.cz status=5.1.1', ("email", "jana.novak@posta-brno.cz"))
s('<contact email="r.almeida@lusotrans.pt" role="dpo"/>', ("email", "r.almeida@lusotrans.pt"))
s('"1042","Schmidt, Anna","anna.schmidt@kanzlei-schmidt.de","Berlin"', ("email", "anna.schmidt@kanzlei-schmidt.de"))
s("| Owner | ops-oncall+pager@northwind.io | 24/7 |", ("email", "ops-oncall+pager@northwind.io"))
s("Bitte antworten Sie an lukas.weber@stadtbank-koeln.de.", ("email", "lukas.weber@stadtbank-koeln.de"))
s('{"event":"mail","payload":"{\\"to\\":\\"m.dubois@assur-lyon.fr\\",\\"cc\\":[]}"}', ("email", "m.dubois@assur-lyon.fr"))
s("https://crm.northwind.io/search?owner=s.ito@kaisha.co.jp&page=2", ("email", "s.ito@kaisha.co.jp"))
s('From: "IT Service Desk" <Service.Desk@Contoso-Health.ORG>', ("email", "Service.Desk@Contoso-Health.ORG"))
s("peter.lindqvist@skanetrafik.se skrev:\n> Kan ni kolla larmet?", ("email", "peter.lindqvist@skanetrafik.se"))
s("correo electrónico: ana.garcia@hospital-valencia.es (paciente)", ("email", "ana.garcia@hospital-valencia.es"))
s("user 'H.deVries@Gemeente-Utrecht.nl' added to group soc-readers", ("email", "H.deVries@Gemeente-Utrecht.nl"))

# ------------------------------------------------------------------ phones
s("Telefon: +49 (0) 30 1234567", ("phone", "+49 (0) 30 1234567"))
s("téléphone : 01 42 68 53 00", ("phone", "01 42 68 53 00"))
s("Teléfono: +34 912 345 678", ("phone", "+34 912 345 678"))
s("Bel ons op 020-5551234 voor vragen.", ("phone", "020-5551234"))
s("Mobil: 070-123 45 67", ("phone", "070-123 45 67"))
s("ts=2026-12-03T08:14:22Z level=info caller_id=+14155550142 dir=inbound", ("phone", "+14155550142"))
s('<phone type="mobile" value="+33 6 12 34 56 78"/>', ("phone", "+33 6 12 34 56 78"))
s('"Jones","Mark","+44 7700 900123","Leeds"', ("phone", "+44 7700 900123"))
s("| Hotline | 0800 123 4567 | free |", ("phone", "0800 123 4567"))
s("Cell: +1 (646) 555-0137", ("phone", "+1 (646) 555-0137"))
s('{"name":"Olivia Chen","phone":"+61 2 9876 5432"}', ("phone", "+61 2 9876 5432"))
s("Handy 0151/23456789, ab 18 Uhr", ("phone", "0151/23456789"))
s("Ufficio di Roma: +39 06 6982 1234", ("phone", "+39 06 6982 1234"))
s("callback requested: 212.555.0199", ("phone", "212.555.0199"))
s("Telefonnummer: +46 8 123 456 78", ("phone", "+46 8 123 456 78"))
s("WhatsApp +44(0)7700 900456", ("phone", "+44(0)7700 900456"))

# ------------------------------------------------------------------ passwords
s("Passwort: Sommer2026!Berlin", ("password", "Sommer2026!Berlin"))
s("mot de passe : Lune#Bleue77", ("password", "Lune#Bleue77"))
s("Usuario: jperez / contraseña: Gato_Negro_42", ("password", "Gato_Negro_42"))
s("wachtwoord=Fiets-Rood-19", ("password", "Fiets-Rood-19"))
s("Användare: svc_lager\nLösenord: Björk!Sjö55", ("password", "Björk!Sjö55"))
s("Das Passwort lautet Winter!2026x, bitte nach dem ersten Login ändern.", ("password", "Winter!2026x"))
s("le mot de passe est Soleil-2026! (provisoire)", ("password", "Soleil-2026!"))
s("la contraseña es Playa#2026 y caduca en 30 días", ("password", "Playa#2026"))
s("het wachtwoord is Tulp-2026! voor de testomgeving", ("password", "Tulp-2026!"))
s("lösenordet är Fika!2026 tills vidare", ("password", "Fika!2026"))
s('ts=2026-12-03T09:01:00Z level=debug component=backup user=svc_backup password="Bk!p-2026-x" target=s3', ("password", "Bk!p-2026-x"))
s('<add key="SmtpPassword" value="Mail#Relay2026" />', ("password", "Mail#Relay2026"))
s('<datasource jndi="java:/crm" user="app" password="Ds-Xml-Attr-7" />', ("password", "Ds-Xml-Attr-7"))
s("username,password,created\nsvc_report,R3port!ng#Q4,2026-12-01", ("password", "R3port!ng#Q4"))
s("ftp://backup:F7p-Bkp-x9@ftp.fabrikam.net/nightly/", ("password", "F7p-Bkp-x9"))
s("| host | user | password |\n|---|---|---|\n| db-prod | postgres | Pg#Prod!2026 |", ("password", "Pg#Prod!2026"))
s("```bash\nexport PGPASSWORD='Pg-Env-Exp0rt'\npsql -h db01 -U etl\n```", ("password", "Pg-Env-Exp0rt"))
s("db01.internal:5432:*:reporting:Pgp4ss-F1le!", ("password", "Pgp4ss-F1le!"))
s("Server=tcp:sql01,1433;Database=crm;User ID=crm_app;Pwd=Crm#Sql-2026;Encrypt=True", ("password", "Crm#Sql-2026"))
s("mongodb+srv://analytics:M0ng0-Srv-Pw@cluster0.ab12c.mongodb.net/prod?retryWrites=true", ("password", "M0ng0-Srv-Pw"))
s("storePassword=And-Roid-St0re\nkeyAlias=upload\nkeyPassword=And-Roid-K3y",
  ("password", "And-Roid-St0re"), ("password", "And-Roid-K3y"))
s("tls:\n  key_passphrase: \"Kp-Yaml-Phrase-9\"", ("password", "Kp-Yaml-Phrase-9"))
s("cmdkey /add:fs01.corp.local /user:CORP\\svc_files /pass:Cmd-K3y-Pw", ("password", "Cmd-K3y-Pw"))
s("sqlcmd -S sql01 -U sa -P 'Sql-Cmd-P4ss' -Q \"SELECT 1\"", ("password", "Sql-Cmd-P4ss"))
s("psexec \\\\ws042 -u CORP\\helpdesk -p Ps3x3c-Pw cmd.exe", ("password", "Ps3x3c-Pw"))
_b = base64.b64encode(b"monitor:M0n-B4sic-Pw").decode()
s(f"curl -s -H 'authorization: basic {_b}' https://prom.internal/api/v1/query", ("password", _b))
s("services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=Compose-Pg-88", ("password", "Compose-Pg-88"))
s("openssl pkcs12 -export -in c.pem -inkey k.pem -out c.p12 -passout pass:P12-Exp0rt-Pw", ("password", "P12-Exp0rt-Pw"))
s('{"level":"error","msg":"auth failed","request":"{\\"login\\":\\"kim\\",\\"pass\\":\\"K1m-Esc-Pass\\"}"}', ("password", "K1m-Esc-Pass"))
s("Zugangsdaten für den Router: admin / Rout3r#Fritz", ("password", "Rout3r#Fritz"))

# ------------------------------------------------------------------ bearer tokens and JWTs
t1 = rnd(48, AL)
s(f"GET /v2/assets HTTP/1.1\nhost: api.northwind.io\nauthorization: bearer {t1}", ("bearer_token", t1))
t2 = rnd(32, AL + "-_") + "." + rnd(20, AL)
s('{"headers":{"Authorization":"Bearer ' + t2 + '","Accept":"*/*"}}', ("bearer_token", t2))
t3 = rnd(40, AL)
s(f'level=debug msg="outbound call" auth="Bearer {t3}" url=https://billing.internal/v1', ("bearer_token", t3))
t4 = rnd(36, AL)
s(f'curl -H "Authorization:Bearer {t4}" https://api.fabrikam.io/me', ("bearer_token", t4))
t5 = "ya29." + rnd(60, AL + "-_")
s('{"access_token":"' + t5 + '","expires_in":3599,"token_type":"Bearer"}', ("bearer_token", t5))
j1 = jwt('{"sub":"u-2231","role":"admin","iat":1764751200}')
s(f"Cookie: theme=dark; session={j1}; lang=de", ("jwt", j1))
j2 = jwt('{"iss":"https://idp.fabrikam.io","aud":"portal"}', '{"alg":"RS256","kid":"k1"}')
s(f"https://portal.fabrikam.io/sso?token={j2}&next=/home", ("jwt", j2))
j3 = jwt('{"sub":"svc-ci","exp":1893456000}')
s('{"id_token": "' + j3 + '"}', ("jwt", j3))
j4 = jwt('{"user":"lena","tenant":"t9"}')
s(f"```\n{j4}\n```", ("jwt", j4))
j5 = jwt('{"scope":"read:logs"}', '{"alg":"ES256","typ":"JWT"}')
s(f"ts=2026-12-03T10:00:00Z jwt={j5} status=401", ("jwt", j5))

# ------------------------------------------------------------------ AWS
a1, k1 = "AKIA" + up(16), b64(40)
s(f"[prod]\naws_access_key_id = {a1}\naws_secret_access_key = {k1}\nregion = eu-central-1",
  ("aws_access_key_id", a1), ("aws_secret_access_key", k1))
a2, k2 = "ASIA" + up(16), b64(40)
s(f'export AWS_ACCESS_KEY_ID="{a2}"\nexport AWS_SECRET_ACCESS_KEY="{k2}"',
  ("aws_access_key_id", a2), ("aws_secret_access_key", k2))
a3, k3 = "AKIA" + up(16), b64(40)
s('{\n  "AccessKey": {\n    "UserName": "ci",\n    "AccessKeyId": "' + a3 + '",\n    "Status": "Active",\n    "SecretAccessKey": "' + k3 + '"\n  }\n}',
  ("aws_access_key_id", a3), ("aws_secret_access_key", k3))
a4, k4 = "AKIA" + up(16), b64(40)
s(f'AWSCredentials creds = new BasicAWSCredentials("{a4}", "{k4}");',
  ("aws_access_key_id", a4), ("aws_secret_access_key", k4))
a5, k5 = "AKIA" + up(16), b64(40)
s(f'provider "aws" {{\n  region     = "eu-west-1"\n  access_key = "{a5}"\n  secret_key = "{k5}"\n}}',
  ("aws_access_key_id", a5), ("aws_secret_access_key", k5))

# ------------------------------------------------------------------ GitHub, Slack
g1 = "ghp_" + rnd(36)
s(f"git remote set-url origin https://{g1}@github.com/fabrikam/infra.git", ("github_token", g1))
g2 = "github_pat_11A" + rnd(19) + "_" + rnd(59)
s(f"env:\n  GH_PAT: {g2}", ("github_token", g2))
g3 = "gho_" + rnd(36)
s('{"token":"' + g3 + '","scopes":["repo"]}', ("github_token", g3))
g4 = "ghs_" + rnd(36)
s(f"level=info msg=\"app token minted\" token={g4} expires=3600", ("github_token", g4))
g5 = "ghu_" + rnd(36)
s(f"| bot | {g5} | expires 2027-01-01 |", ("github_token", g5))
x1 = "xoxb-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**12, 10**13)) + "-" + rnd(24)
s(f"SLACK_BOT_TOKEN={x1}", ("slack_token", x1))
x2 = "xoxp-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**12, 10**13)) + "-" + hexs(32)
s('{"ok":true,"authed_user":{"access_token":"' + x2 + '"}}', ("slack_token", x2))
x3 = "xoxb-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**12, 10**13)) + "-" + rnd(24)
s(f"curl -H 'Authorization: Bearer {x3}' https://slack.com/api/chat.postMessage", ("slack_token", x3))
x4 = "xoxe.xoxp-1-" + rnd(60, AL)
s(f"refresh_token: {x4}", ("slack_token", x4))
w1 = "https://hooks.slack.com/services/T0" + up(8) + "/B0" + up(8) + "/" + rnd(24)
s('{"channel":"#soc-alerts","webhook_url":"' + w1 + '"}', ("slack_webhook", w1))
w2 = "https://hooks.slack.com/services/T0" + up(8) + "/B0" + up(8) + "/" + rnd(24)
s(f"curl -X POST -H 'Content-type: application/json' --data '{{\"text\":\"hi\"}}' {w2}", ("slack_webhook", w2))
w3 = "https://hooks.slack.com/services/T0" + up(8) + "/B0" + up(8) + "/" + rnd(24)
s(f"alertmanager:\n  receivers:\n    - slack_configs:\n        - api_url: '{w3}'", ("slack_webhook", w3))
w4 = "https://hooks.slack.com/workflows/T0" + up(8) + "/A0" + up(8) + "/" + str(R.randint(10**17, 10**18)) + "/" + rnd(24)
s(f"Webhook für den Kanal: <{w4}>", ("slack_webhook", w4))

# ------------------------------------------------------------------ generic API keys
k_1 = rnd(32, AL)
s(f"X-API-Key: {k_1}", ("generic_api_key", k_1))
k_2 = hexs(32)
s(f"https://api.weather.io/v1/forecast?q=Berlin&api_key={k_2}&units=metric", ("generic_api_key", k_2))
k_3 = rnd(40, AL)
s(f'<service name="geo" apikey="{k_3}" timeout="30"/>', ("generic_api_key", k_3))
k_4 = "sk_live_" + rnd(24, AL)
s(f"stripe.api_key = \"{k_4}\"", ("generic_api_key", k_4))
k_5 = "SG." + rnd(22, AL + "-_") + "." + rnd(43, AL + "-_")
s(f"SENDGRID_API_KEY={k_5}", ("generic_api_key", k_5))
k_6 = hexs(32)
s(f"DD_API_KEY={k_6} DD_SITE=datadoghq.eu datadog-agent run", ("generic_api_key", k_6))
k_7 = hexs(32) + "-us14"
s(f"mailchimp:\n  key: {k_7}", ("generic_api_key", k_7))
k_8 = rnd(64, AL)
s(f"| service | key |\n|---|---|\n| geocoder | `{k_8}` |", ("generic_api_key", k_8))
k_9 = "sk-proj-" + rnd(48, AL + "-_")
s(f"```python\nclient = OpenAI(api_key=\"{k_9}\")\n```", ("generic_api_key", k_9))

# ------------------------------------------------------------------ private keys
p1 = pem("OPENSSH PRIVATE KEY")
s(f"$ cat ~/.ssh/id_ed25519\n{p1}", ("private_key", p1))
p2 = pem("EC PRIVATE KEY", 3, "\n", "    ")
s(f"tls:\n  key: |\n    {p2}", ("private_key", p2))
p3 = pem("RSA PRIVATE KEY", 4, "\\n")
s('{"name":"edge-proxy","tls_key":"' + p3 + '"}', ("private_key", p3))
p4 = base64.b64encode(pem("RSA PRIVATE KEY", 4).encode()).decode()
s(f"apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM=\n  tls.key: {p4}", ("private_key", p4))
p5 = pem("PRIVATE KEY", 4)
s(f"```\n{p5}\n```", ("private_key", p5))

# ------------------------------------------------------------------ Azure
z1 = b64(86) + "=="
s(f"DefaultEndpointsProtocol=https;AccountName=stlogs01;AccountKey={z1};EndpointSuffix=core.windows.net", ("azure_connection_string", z1))
z2 = b64(43) + "="
s(f"Endpoint=sb://fabrikam-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={z2}", ("azure_connection_string", z2))
z3 = b64(86) + "=="
s('{"ConnectionStrings":{"Cosmos":"AccountEndpoint=https://crm.documents.azure.com:443/;AccountKey=' + z3 + ';"}}', ("azure_connection_string", z3))
z4 = rnd(40, AL) + "%3D"
s(f"https://stbackup.blob.core.windows.net/db/dump.bak?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-31T00:00:00Z&sig={z4}", ("azure_connection_string", z4))
z5 = b64(86) + "=="
s(f"az storage blob upload --account-name stlogs01 --account-key {z5} -f a.log -c logs", ("azure_connection_string", z5))

# ------------------------------------------------------------------ GCP service-account keys
gi1 = hexs(40); gp1 = pem("PRIVATE KEY", 3, "\\n") + "\\n"
s('{"type": "service_account", "project_id": "soc-prod", "private_key_id": "' + gi1 + '", "private_key": "' + gp1 + '", "client_email": "siem@soc-prod.iam.gserviceaccount.com"}',
  ("gcp_service_account_key", gi1), ("gcp_service_account_key", gp1.rstrip("\\n")))
gi2 = hexs(40)
s(f"type: service_account\nproject_id: data-lake\nprivate_key_id: {gi2}\nclient_email: loader@data-lake.iam.gserviceaccount.com",
  ("gcp_service_account_key", gi2))
gp3 = pem("PRIVATE KEY", 3, "\\\\n")
s('{"secret":"{\\"type\\":\\"service_account\\",\\"private_key\\":\\"' + gp3 + '\\",\\"client_email\\":\\"ci@build.iam.gserviceaccount.com\\"}"}',
  ("gcp_service_account_key", gp3))

# ------------------------------------------------------------------ cards
cc1 = luhn("37" + rnd(12, string.digits)); s(f"Amex {grp(cc1,[4,6,5],' ')} exp 09/28", ("credit_card", grp(cc1, [4,6,5], " ")))
cc2 = luhn("4556" + rnd(11, string.digits)); s('{"order":881,"pan":' + cc2 + ',"amount":42.0}', ("credit_card", cc2))
cc3 = luhn("5425" + rnd(11, string.digits)); s(f'"Müller","{grp(cc3,[4,4,4,4]," ")}","12/27"', ("credit_card", grp(cc3, [4,4,4,4], " ")))
cc4 = luhn("2223" + rnd(11, string.digits)); s(f"Kreditkarte: {grp(cc4,[4,4,4,4],'-')}", ("credit_card", grp(cc4, [4,4,4,4], "-")))
cc5 = luhn("6011" + rnd(11, string.digits)); s(f"| Discover | {cc5} | ok |", ("credit_card", cc5))
cc6 = luhn("4" + rnd(15, string.digits)); s(f"level=error msg=\"charge failed\" card={cc6} code=05", ("credit_card", cc6))
cc7 = luhn("5" + "1" + rnd(13, string.digits)); s(f"numéro de carte : {grp(cc7,[4,4,4,4],' ')}", ("credit_card", grp(cc7, [4,4,4,4], " ")))

# ------------------------------------------------------------------ IBANs
ib1 = iban("DE", "370400440532013000"); s(f"Bitte überweisen Sie den Betrag auf IBAN {ib1}.", ("iban", ib1))
ib2 = iban("FR", "30006000011234567890189"); s(f'<account iban="{ib2.replace(" ", "")}" bic="AGRIFRPP"/>', ("iban", ib2.replace(" ", "")))
ib3 = iban("ES", "21000418450200051332"); s(f'"García","{ib3}","ES"', ("iban", ib3))
ib4 = iban("NL", "ABNA0417164300", False).lower(); s(f"https://pay.northwind.io/sepa?iban={ib4}&amount=12.50", ("iban", ib4))
ib5 = iban("IT", "X0542811101000000123456"); s(f"| Rossi | {ib5} |", ("iban", ib5))
ib6 = iban("BE", "539007547034", False); s(f"rekening: {ib6}", ("iban", ib6))

# ------------------------------------------------------------------ US SSN
s("Social Security Number: 521-44-7302", ("us_ssn", "521-44-7302"))
s("level=warn msg=\"pii in payload\" ssn=431-77-2290", ("us_ssn", "431-77-2290"))
s('{"applicant":{"name":"R. Diaz","ssn":"612093384"}}', ("us_ssn", "612093384"))
s('"emp_id","ssn"\n"E1042","287-65-4321"', ("us_ssn", "287-65-4321"))
s("SSN# 345 67 8901", ("us_ssn", "345 67 8901"))

# ------------------------------------------------------------------ UK NINO
s("National Insurance number: QQ 12 34 56 C", ("uk_nino", "QQ 12 34 56 C"))
s('"Patel","JG103771D","Leicester"', ("uk_nino", "JG103771D"))
s("<employee nino=\"ab 12 34 56 c\"/>", ("uk_nino", "ab 12 34 56 c"))
s("NI No: JG-10-37-71-A", ("uk_nino", "JG-10-37-71-A"))
s("| NINO | PZ123456B |", ("uk_nino", "PZ123456B"))

# ------------------------------------------------------------------ ES DNI / NIE
d1 = dni("45871236"); s(f"DNI: {d1[:8]}-{d1[8]}", ("es_dni", f"{d1[:8]}-{d1[8]}"))
n1 = nie("Y", "2345678"); s(f"NIE {n1[0]}-{n1[1:8]}-{n1[8]}", ("es_dni", f"{n1[0]}-{n1[1:8]}-{n1[8]}"))
d2 = dni("03924185"); s('{"nif":"' + d2.lower() + '","nombre":"Lucía"}', ("es_dni", d2.lower()))
d3 = dni("71234560"); s(f'"Fernández","{d3}","Sevilla"', ("es_dni", d3))
n2 = nie("X", "8765432"); s(f"Número de identidad de extranjero: {n2}", ("es_dni", n2))

# ------------------------------------------------------------------ NL BSN
b1 = bsn("12345678") or bsn("12345679"); s(f"BSN {b1[:4]}.{b1[4:6]}.{b1[6:]}", ("nl_bsn", f"{b1[:4]}.{b1[4:6]}.{b1[6:]}"))
b2 = bsn("23456781") or bsn("23456782"); s(f"burgerservicenummer: {b2}", ("nl_bsn", b2))
b3 = bsn("31234567") or bsn("31234568"); s('{"bsn":"' + b3 + '","naam":"de Jong"}', ("nl_bsn", b3))
b4 = bsn("17364528") or bsn("17364529"); s(f"Sofinummer {b4[:3]} {b4[3:6]} {b4[6:]}", ("nl_bsn", f"{b4[:3]} {b4[3:6]} {b4[6:]}"))
b5 = bsn("20481736") or bsn("20481737"); s(f'"Jansen","{b5}","Utrecht"\n(kolommen: naam, BSN, plaats)', ("nl_bsn", b5))

# ------------------------------------------------------------------ FR NIR
f1 = nir("1850578006084"); s(f"n° de sécurité sociale : {f1[0]} {f1[1:3]} {f1[3:5]} {f1[5:7]} {f1[7:10]} {f1[10:13]} {f1[13:]}",
  ("fr_nir", f"{f1[0]} {f1[1:3]} {f1[3:5]} {f1[5:7]} {f1[7:10]} {f1[10:13]} {f1[13:]}"))
f2 = nir("2920375112345"); s(f"NIR={f2}", ("fr_nir", f2))
f3 = nir("177122B123456"); s('{"numero_insee":"' + f3 + '"}', ("fr_nir", f3))
f4 = nir("2690549588157"); s(f"Numéro de sécurité sociale {f4[:13]} {f4[13:]}", ("fr_nir", f"{f4[:13]} {f4[13:]}"))
f5 = nir("1940699123456"); s(f"| Martin | {f5[0]} {f5[1:3]} {f5[3:5]} {f5[5:7]} {f5[7:10]} {f5[10:13]} {f5[13:]} |",
  ("fr_nir", f"{f5[0]} {f5[1:3]} {f5[3:5]} {f5[5:7]} {f5[7:10]} {f5[10:13]} {f5[13:]}"))

# ------------------------------------------------------------------ CA SIN
s("SIN: 046 454 286", ("ca_sin", "046 454 286"))
si1 = sin("12345678"); s(f"NAS : {si1[:3]}-{si1[3:6]}-{si1[6:]}", ("ca_sin", f"{si1[:3]}-{si1[3:6]}-{si1[6:]}"))
si2 = sin("27364518"); s('{"sin":"' + si2 + '","province":"ON"}', ("ca_sin", si2))
si3 = sin("51827364"); s(f"numéro d'assurance sociale {si3[:3]} {si3[3:6]} {si3[6:]}", ("ca_sin", f"{si3[:3]} {si3[3:6]} {si3[6:]}"))
si4 = sin("71928374"); s(f"Social Insurance Number {si4}", ("ca_sin", si4))

# ------------------------------------------------------------------ SE personnummer
pn1 = pnr("811228", "987"); s(f"Personnummer: 19{pn1[:6]}-{pn1[6:]}", ("se_personnummer", f"19{pn1[:6]}-{pn1[6:]}"))
pn2 = pnr("750614", "234"); s(f"{pn2[:6]}-{pn2[6:]}, Stockholm", ("se_personnummer", f"{pn2[:6]}-{pn2[6:]}"))
pn3 = pnr("900101", "123"); s(f"pnr={pn3}", ("se_personnummer", pn3))
pn4 = pnr("850772", "456"); s('{"samordningsnummer":"' + pn4[:6] + "-" + pn4[6:] + '"}', ("se_personnummer", pn4[:6] + "-" + pn4[6:]))
pn5 = pnr("680305", "318"); s(f"| Andersson | 19{pn5} |  (personnr)", ("se_personnummer", f"19{pn5}"))

# ------------------------------------------------------------------ DE Steuer-ID
dt1 = detax("8609574271"); s(f"Steuer-ID: {dt1[:2]} {dt1[2:5]} {dt1[5:8]} {dt1[8:]}", ("de_tax_id", f"{dt1[:2]} {dt1[2:5]} {dt1[5:8]} {dt1[8:]}"))
dt2 = detax("4715938260"[:0] + "4719538268"); s(f"Steueridentifikationsnummer {dt2}", ("de_tax_id", dt2))
dt3 = detax("2738461952"); s('{"steuerId":"' + dt3 + '","finanzamt":"München"}', ("de_tax_id", dt3))
dt4 = detax("5937218465"); s(f"Identifikationsnummer (IdNr): {dt4[:3]} {dt4[3:6]} {dt4[6:9]} {dt4[9:]}", ("de_tax_id", f"{dt4[:3]} {dt4[3:6]} {dt4[6:9]} {dt4[9:]}"))
dt5 = detax("3162948571"); s(f'"Schulz","{dt5}","Hamburg"', ("de_tax_id", dt5))

# ================================================================== clean
c("level=info ts=2026-12-03T08:00:01Z msg=\"listening\" addr=0.0.0.0:8443 pid=4412")
c("src=203.0.113.77 dst=198.51.100.23 sport=51544 dport=3389 action=drop")
c("fe80::1ff:fe23:4567:890a%eth0 is the link-local address")
c('<server host="10.20.30.40" port="5432" ssl="true"/>')
c("sha256sum: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  release.tar.gz")
c('"md5","file"\n"d41d8cd98f00b204e9800998ecf8427e","empty.txt"')
c("| commit | message |\n|---|---|\n| 3f786850e387550fdab836ed7e6dc881de23001b | fix parser |")
c("trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7")
c('{"correlationId":"6fa459ea-ee8a-3ca4-894e-db77e160355e","status":200}')
c("docker pull ghcr.io/fabrikam/agent@sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4")
c("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl deploy@ci")
c("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEm3Jk9nQ0aXb1c2Vr8n3Jp0W8n8lQ\n-----END PUBLIC KEY-----")
c("```\n-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUfN0aHb3zr2lL0TnYFjPvZp0Q8C8wCgYIKoZIzj0EAwIw\n-----END CERTIFICATE-----\n```")
c("Passwort: ${DB_PASSWORD}")
c("mot de passe : ********")
c("contraseña: <tu-contraseña>")
c("wachtwoord={{ vault_wachtwoord }}")
c("Lösenord: (se lösenordshanteraren)")
c('<add key="SmtpPassword" value="#{SmtpPassword}#" />')
c('<datasource user="app" password="${env.DS_PASSWORD}" />')
c("username,password,created\nsvc_report,********,2026-12-01")
c("| host | user | password |\n|---|---|---|\n| db-prod | postgres | (in Vault) |")
c("```bash\nexport PGPASSWORD=\"$(vault kv get -field=pw secret/pg)\"\n```")
c("Passwort vergessen? Klicken Sie auf \"Zurücksetzen\".")
c("Le mot de passe doit contenir au moins 12 caractères.")
c("La contraseña ha caducado; cámbiela en el portal.")
c("Het wachtwoord is verlopen en moet worden gewijzigd.")
c("Lösenordet måste bytas var 90:e dag.")
c("password_reset_url=https://id.northwind.io/reset")
c("level=warn msg=\"password policy violated\" user=kim min_length=12")
c('{"token_type":"Bearer","expires_in":3600}')
c("Authorization: Bearer <your-token-here>")
c("curl -H \"Authorization: Bearer ${API_TOKEN}\" https://api.northwind.io")
c("aws_access_key_id = AKIAXXXXXXXXXXXXXXXX")
c("arn:aws:iam::123456789012:role/soc-readonly")
c("s3://fabrikam-logs-eu-central-1/2026/12/03/")
c("GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}")
c("token: ghp_************************************")
c("SLACK_WEBHOOK_URL=https://hooks.slack.com/services/XXX/YYY/ZZZ")
c("api_key: \"<YOUR_API_KEY>\"")
c("X-API-Key: {{api_key}}")
c("secretKeyRef:\n  name: stripe-credentials\n  key: api-key")
c("AccountKey=<storage-account-key>")
c("sig=REDACTED&se=2026-12-31")
c('"private_key_id": "<KEY_ID>"')
c("Card: 4000 1234 5678 9011 (rejected, checksum)")
c("Bestellnummer 4000123456789018, Lieferung 2")
c("amount=1234567.89 currency=EUR")
c("IBAN: DE00 1234 5678 9012 3456 78 (Beispiel, ungültig)")
c("SWIFT/BIC: COBADEFFXXX")
c("SSN: 000-12-3456 (invalid test value)")
c("ticket SEC-4411, priority P2, 123-45-67 in the old scheme")
c("Steuernummer 21/815/08150 (Finanzamt)")
c("Postleitzahl 10115 Berlin, Hausnummer 12")
c("DNI: 12345678A (letra incorrecta)")
c("BSN: 123456789 (voorbeeld, ongeldig)")
c("SIN: 123 456 789 is not valid")
c("personnummer: 811228-9875 (fel kontrollsiffra)")
c("NIR 1 85 05 78 006 084 99 (clé fausse)")
c("Build 20261203.1542 deployed to prod")
c("uptime 1234567 s, load 0.42 0.38 0.40")
c("Durée : 01:42:68, débit 53,00 Mbit/s")
c("Rechnung Nr. 2026-00417 vom 03.12.2026, Betrag 1.240,00 €")
c("| date | events |\n|---|---|\n| 2026-12-03 | 912 345 678 |")
c("order_id=100234567 customer_id=88213")
c("pid 48213, ppid 1, uid 1000, gid 1000")
c("version=4.18.2 build=7731 git_sha=1a2b3c4d")
c('"Lat","Lon"\n"48.137154","11.576124"')
c("mac=00:1A:2B:3C:4D:5E vlan=120")
c("CVE-2025-29927, CVSS 9.1, EPSS 0.94")
c("Event 4625: An account failed to log on. Logon Type 3, Status 0xC000006D")
c("rule T1059.001 PowerShell fired 14 times")
c("bearer token expired for client portal-web; refreshing")
c("The JWT header eyJhbGciOiJIUzI1NiJ9 alone is not a token")
c("tel: n/a (no phone on file)")
c("Telefon: siehe Intranet")
c("contact: security@ (alias, no domain)")
c("ssh admin@bastion.fabrikam.io -p 2222")
c("kubectl create secret generic db-pass --from-file=password=./pw.txt")
c("ls -l /etc/ssl/private/  # server.key, 600 root:root")
c("ISBN 978-3-16-148410-0")
c("Zeitraum 2026-11-01 bis 2026-11-30, 30 Tage")
c("PO Box 4411, Suite 200, floor 3")
c("base64: dGhpcyBpcyBqdXN0IGEgdGVzdCBzdHJpbmcgZm9yIGRlY29kaW5n")


def write(name, records):
    with open(name, "w", encoding="utf-8") as out:
        for text, items in records:
            assert all(value in text for _, value in items), text
            out.write(json.dumps({"text": text, "findings": [{"type": t, "value": v} for t, v in items]},
                                 ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write("heldout5-secrets.jsonl", S)
    write("heldout5-clean.jsonl", [(text, []) for text in C])
    print(len(S), "secret records,", sum(len(items) for _, items in S), "items;", len(C), "clean records")
