#!/usr/bin/env python3
"""Writes the sixth held-out redaction corpus (heldout6-secrets.jsonl, heldout6-clean.jsonl): the set never tuned on.

Written by hand after the last change of this round, with carriers none of the other sets uses (syslog, Windows
event XML, HAR entries, SQL INSERTs, Python and Go literals, TOML, systemd units, crontabs, Ansible inventories,
GitHub Actions, nginx, ticket and chat text, tab-separated exports, JSON with \\u escapes) and prose in Italian,
Portuguese and Polish besides the languages of heldout5; measured once, and the redactor was not changed for it.
Same record format and decisions as heldout.py. Everything is invented.

Run from this directory: python3 heldout6.py.
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
R = random.Random(6661)
S = []
def s(text, *items): S.append((text, list(items)))
C = []
def c(text): C.append(text)

# e-mail
s("Dec  3 09:12:44 mx01 postfix/smtp[2231]: 4F1A2: to=<tomasz.nowak@hurtownia-krakow.pl>, relay=none, status=deferred",
  ("email", "tomasz.nowak@hurtownia-krakow.pl"))
s("INSERT INTO customers (name, email) VALUES ('Giulia Conti', 'giulia.conti@ferramenta-roma.it');",
  ("email", "giulia.conti@ferramenta-roma.it"))
s('{"reporter":"joao.silva\\u0040transportes-lisboa.pt"}', ("email", "joao.silva\\u0040transportes-lisboa.pt"))
s("[JIRA] SEC-2291 assigned to Marta.Kowalczyk@Bank-Slaski.PL", ("email", "Marta.Kowalczyk@Bank-Slaski.PL"))
# phones
s("Dec  3 10:01:02 pbx01 asterisk[812]: NOTICE: call from '+48 22 123 45 67' rejected", ("phone", "+48 22 123 45 67"))
s("Numero di telefono: +39 02 1234 5678", ("phone", "+39 02 1234 5678"))
s("telemóvel: +351 912 345 678", ("phone", "+351 912 345 678"))
s("contact_phone = \"+1 312-555-0175\"", ("phone", "+1 312-555-0175"))
s("Ring mig på 070-987 65 43 efter lunch", ("phone", "070-987 65 43"))
s("numer tel. 601 234 567", ("phone", "601 234 567"))
# passwords
s("INSERT INTO users (login, password) VALUES ('svc_etl', 'Etl#Insert-2026');", ("password", "Etl#Insert-2026"))
s("db = {'host': 'pg01', 'user': 'report', 'password': 'Py-Dict-Pw-31'}", ("password", "Py-Dict-Pw-31"))
s('cfg := Config{User: "svc", Password: "Go-Struct-Pw9"}', ("password", "Go-Struct-Pw9"))
s('[database]\nuser = "app"\npassword = "Toml-Db-Pw-4"', ("password", "Toml-Db-Pw-4"))
s("[Service]\nEnvironment=REDIS_PASSWORD=Sysd-Redis-77\nExecStart=/usr/bin/worker", ("password", "Sysd-Redis-77"))
s("0 2 * * * PGPASSWORD=Cron-Pg-Dump1 pg_dump -h db01 crm > /backup/crm.sql", ("password", "Cron-Pg-Dump1"))
s("[web]\nweb01 ansible_host=10.0.4.11 ansible_user=deploy ansible_password=Ans-Inv-Pw-8", ("password", "Ans-Inv-Pw-8"))
s("La password dell'utente admin è Roma!2026x", ("password", "Roma!2026x"))
s("A senha do Wi-Fi é Praia-2026!", ("password", "Praia-2026!"))
s("Hasło: Krakow#2026", ("password", "Krakow#2026"))
s("Zugangsdaten: Benutzer svc_scan, Passwort Sc4n-Pw-2026", ("password", "Sc4n-Pw-2026"))
s("auth_basic_user_file /etc/nginx/.htpasswd;\nproxy_set_header Authorization \"Basic " + base64.b64encode(b"nginx:Ngx-Proxy-Pw5").decode() + "\";",
  ("password", base64.b64encode(b"nginx:Ngx-Proxy-Pw5").decode()))
s("smtp://alerts:Smtp-Url-Pw-6@mail.fabrikam.io:587", ("password", "Smtp-Url-Pw-6"))
s("login\tpassword\tgroup\njdoe\tTsv-Export-Pw!\tsoc", ("password", "Tsv-Export-Pw!"))
s("openssl genrsa -aes256 -passout pass:Genrsa-Pass-3 -out k.pem 4096", ("password", "Genrsa-Pass-3"))
s("keystore.password=Ks-Props-Pw-2", ("password", "Ks-Props-Pw-2"))
# tokens
t1 = rnd(44, AL)
s('{"request":{"method":"GET","url":"https://api.fabrikam.io/v1/me","headers":[{"name":"Authorization","value":"Bearer ' + t1 + '"}]}}', ("bearer_token", t1))
t2 = rnd(40, AL + "-_")
s(f"Dec  3 11:00:00 gw01 nginx: \"GET /api HTTP/1.1\" 200 auth=\"Bearer {t2}\"", ("bearer_token", t2))
j1 = jwt('{"sub":"m.rossi","roles":["soc"]}')
s(f"Ciao, il token è {j1} — scade domani", ("jwt", j1))
j2 = jwt('{"aud":"api","azp":"cli"}', '{"alg":"RS256","typ":"at+jwt"}')
s(f"X-Forwarded-Access-Token: {j2}", ("jwt", j2))
# AWS
a1, k1 = "AKIA" + up(16), b64(40)
s(f"- name: configure aws\n  env:\n    AWS_ACCESS_KEY_ID: {a1}\n    AWS_SECRET_ACCESS_KEY: {k1}",
  ("aws_access_key_id", a1), ("aws_secret_access_key", k1))
a2, k2 = "AKIA" + up(16), b64(40)
s(f"session = boto3.Session(aws_access_key_id=\"{a2}\", aws_secret_access_key=\"{k2}\")",
  ("aws_access_key_id", a2), ("aws_secret_access_key", k2))
# GitHub, Slack
g1 = "ghp_" + rnd(36)
s(f"- uses: actions/checkout@v4\n  with:\n    token: {g1}", ("github_token", g1))
g2 = "github_pat_11B" + rnd(19) + "_" + rnd(59)
s(f"Il mio token GitHub: {g2}", ("github_token", g2))
x1 = "xoxb-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**12, 10**13)) + "-" + rnd(24)
s(f"slack_bot_token = \"{x1}\"", ("slack_token", x1))
x2 = "xoxp-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**12, 10**13)) + "-" + hexs(32)
s(f"Teams chat 10:14 Lena: hier der Token {x2} bitte nicht weitergeben", ("slack_token", x2))
w1 = "https://hooks.slack.com/services/T0" + up(8) + "/B0" + up(8) + "/" + rnd(24)
s(f"[[notifiers]]\ntype = \"slack\"\nurl = \"{w1}\"", ("slack_webhook", w1))
w2 = "https://hooks.slack.com/services/T0" + up(8) + "/B0" + up(8) + "/" + rnd(24)
s(f"requests.post(\"{w2}\", json={{\"text\": msg}})", ("slack_webhook", w2))
# generic API keys
k1_ = rnd(32, AL)
s(f"INSERT INTO integrations (name, api_key) VALUES ('virustotal', '{k1_}');", ("generic_api_key", k1_))
k2_ = hexs(40)
s(f"[shodan]\napi_key = {k2_}", ("generic_api_key", k2_))
k3_ = "sk_live_" + rnd(24)
s(f"Chave da API: {k3_}", ("generic_api_key", k3_))
k4_ = rnd(48, AL)
s(f'headers = {{"X-API-KEY": "{k4_}"}}', ("generic_api_key", k4_))
# private keys
p1 = "-----BEGIN EC PRIVATE KEY-----\n" + "\n".join(b64(64) for _ in range(2)) + "\n" + b64(24) + "==\n-----END EC PRIVATE KEY-----"
s(f"ansible_ssh_private_key: |\n  " + p1.replace("\n", "\n  "), ("private_key", p1.replace("\n", "\n  ")))
p2 = "-----BEGIN OPENSSH PRIVATE KEY-----\\n" + "\\n".join(b64(70) for _ in range(4)) + "\\n-----END OPENSSH PRIVATE KEY-----"
s('{"deploy_key": "' + p2 + '"}', ("private_key", p2))
# Azure
z1 = b64(86) + "=="
s(f"[storage]\nconnection_string = \"DefaultEndpointsProtocol=https;AccountName=stsoc;AccountKey={z1};EndpointSuffix=core.windows.net\"",
  ("azure_connection_string", z1))
z2 = b64(43) + "="
s(f"HostName=soc-hub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey={z2}", ("azure_connection_string", z2))
# GCP
gi = hexs(40); gp = "-----BEGIN PRIVATE KEY-----\\n" + "\\n".join(b64(64) for _ in range(3)) + "\\n-----END PRIVATE KEY-----\\n"
s("credentials_json = '{\"type\": \"service_account\", \"private_key_id\": \"" + gi + "\", \"private_key\": \"" + gp + "\", \"client_email\": \"tf@infra.iam.gserviceaccount.com\"}'",
  ("gcp_service_account_key", gi), ("gcp_service_account_key", gp.rstrip("\\n")))
# cards
c1 = luhn("4" + rnd(14, string.digits)); s(f"INSERT INTO payments (pan, amount) VALUES ('{c1}', 19.99);", ("credit_card", c1))
c2 = luhn("5" + "3" + rnd(13, string.digits)); s(f"Numer karty: {grp(c2,[4,4,4,4],' ')}", ("credit_card", grp(c2, [4,4,4,4], " ")))
c3 = luhn("34" + rnd(12, string.digits)); s(f"numero carta {grp(c3,[4,6,5],'-')} scad. 11/27", ("credit_card", grp(c3, [4,6,5], "-")))
# IBANs
i1 = iban("PL", "109010140000071219812874"); s(f"Numer konta: {i1}", ("iban", i1))
i2 = iban("PT", "000201231234567890154"); s(f"IBAN {i2} (Banco)", ("iban", i2))
i3 = iban("IT", "X0542811101000000123456", False); s(f"{{'iban': '{i3}'}}", ("iban", i3))
# SSN
s("INSERT INTO employees (ssn) VALUES ('214-38-9011');", ("us_ssn", "214-38-9011"))
s("Social Security #: 318 42 7765", ("us_ssn", "318 42 7765"))
# NINO
s("employee.nino = \"TR 45 67 89 B\"", ("uk_nino", "TR 45 67 89 B"))
s("NI number JK987654A on the P60", ("uk_nino", "JK987654A"))
# DNI
d1 = dni("50129384"); s(f"INSERT INTO clientes (dni) VALUES ('{d1}');", ("es_dni", d1))
n1 = nie("Z", "1928374"); s(f"NIE: {n1[0]}{n1[1:8]}-{n1[8]}", ("es_dni", f"{n1[0]}{n1[1:8]}-{n1[8]}"))
# BSN
b1 = bsn("24681357") or bsn("24681358"); s(f"burgerservicenummer {b1[:4]}.{b1[4:6]}.{b1[6:]}", ("nl_bsn", f"{b1[:4]}.{b1[4:6]}.{b1[6:]}"))
b2 = bsn("36925814") or bsn("36925815"); s(f"Mijn BSN is {b2}.", ("nl_bsn", b2))
# NIR
f1 = nir("1830675123456"); s(f"Numéro INSEE : {f1[0]} {f1[1:3]} {f1[3:5]} {f1[5:7]} {f1[7:10]} {f1[10:13]} {f1[13:]}",
  ("fr_nir", f"{f1[0]} {f1[1:3]} {f1[3:5]} {f1[5:7]} {f1[7:10]} {f1[10:13]} {f1[13:]}"))
f2 = nir("2011013055012"); s(f"nir={f2}", ("fr_nir", f2))
# SIN
si1 = sin("29384756"); s(f"SIN {si1[:3]}-{si1[3:6]}-{si1[6:]}", ("ca_sin", f"{si1[:3]}-{si1[3:6]}-{si1[6:]}"))
si2 = sin("61029384"); s(f"Numéro d'assurance sociale: {si2}", ("ca_sin", si2))
# personnummer
pn1 = pnr("920415", "238"); s(f"Mitt personnummer är {pn1[:6]}-{pn1[6:]}", ("se_personnummer", f"{pn1[:6]}-{pn1[6:]}"))
pn2 = pnr("010203", "456"); s(f"personnummer=20{pn2}", ("se_personnummer", f"20{pn2}"))
# Steuer-ID
dt1 = detax("6194728351"); s(f"Meine Steuer-ID lautet {dt1}.", ("de_tax_id", dt1))
dt2 = detax("2846193752"); s(f"steuer_id = \"{dt2[:2]} {dt2[2:5]} {dt2[5:8]} {dt2[8:]}\"", ("de_tax_id", f"{dt2[:2]} {dt2[2:5]} {dt2[5:8]} {dt2[8:]}"))

# clean
c("Dec  3 09:12:44 fw01 kernel: IN=eth0 OUT= SRC=198.51.100.7 DST=10.0.0.5 PROTO=TCP SPT=443 DPT=51234")
c("<Event><System><EventID>4624</EventID><Computer>DC01.corp.local</Computer></System></Event>")
c('{"request":{"method":"GET","url":"https://api.fabrikam.io/v1/health","headers":[{"name":"Accept","value":"*/*"}]}}')
c("INSERT INTO users (login, password) VALUES ('svc_etl', crypt('x', gen_salt('bf')));")
c("INSERT INTO audit (event_id, ts) VALUES (4411, '2026-12-03 10:00:00');")
c("db = {'host': 'pg01', 'user': 'report', 'password': os.environ['PG_PASSWORD']}")
c('cfg := Config{User: "svc", Password: os.Getenv("DB_PASSWORD")}')
c('[database]\nuser = "app"\npassword = ""')
c("[Service]\nEnvironmentFile=/etc/worker/env\nExecStart=/usr/bin/worker --port 8080")
c("0 2 * * * /usr/local/bin/backup.sh >> /var/log/backup.log 2>&1")
c("[web]\nweb01 ansible_host=10.0.4.11 ansible_user=deploy ansible_password=\"{{ vault_web_password }}\"")
c("La password deve essere cambiata ogni 90 giorni.")
c("A senha expirou; altere-a no portal.")
c("Hasło jest nieprawidłowe.")
c("Passwort wurde zurückgesetzt (Ticket 4411).")
c("auth_basic \"Restricted\";\nauth_basic_user_file /etc/nginx/.htpasswd;")
c("login\tpassword\tgroup\njdoe\t(SSO)\tsoc")
c("openssl genrsa -aes256 -out k.pem 4096")
c("keystore.password=${KEYSTORE_PASSWORD}")
c('{"name":"Authorization","value":"Bearer {{token}}"}')
c("- uses: actions/checkout@v4\n  with:\n    token: ${{ secrets.GITHUB_TOKEN }}")
c("commit 1f0e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6 (HEAD -> main)")
c("image: registry.k8s.io/pause@sha256:7031c1b283388d2c2e09b57badb803c05ebed362dc88d84b480cc47f72a21097")
c("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQDx8k3 ops@jump01")
c("-----BEGIN CERTIFICATE REQUEST-----\nMIICvDCCAaQCAQAwdzELMAkGA1UEBhMCREUx\n-----END CERTIFICATE REQUEST-----")
c("INSERT INTO payments (pan, amount) VALUES ('4111111111111112', 19.99);")
c("Numer zamówienia: 4000 1234 5678 9010")
c("IBAN PL00 1090 1014 0000 0712 1981 2874 (błędny)")
c("INSERT INTO employees (ssn) VALUES ('000-38-9011');")
c("NI number TN123456A (not issued)")
c("burgerservicenummer 1234.56.789 (ongeldig)")
c("Numéro INSEE : 1 83 06 75 123 456 00")
c("SIN 123-456-789")
c("personnummer 920415-2381 (ogiltigt)")
c("Meine Steuernummer lautet 12/345/67890.")
c("Tel.: +49 (0) ... (bitte ergänzen)")
c("call duration 00:12:44, queue 3, agent 1042")
c("ticket INC0012345 updated by system at 2026-12-03 10:14")
c("uuid=9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d size=1048576")
c("git@gitlab.fabrikam.io:soc/playbooks.git")
c("AKIAIOSFODNN7XXXXXXX (masked in the report)")
c("SLACK_WEBHOOK=${{ secrets.SLACK_WEBHOOK }}")
c("[shodan]\napi_key = <set me>")
c("Chave da API: (ver cofre)")
c("connection_string = \"DefaultEndpointsProtocol=https;AccountName=stsoc;AccountKey=<key>;EndpointSuffix=core.windows.net\"")


def write(name, records):
    with open(name, "w", encoding="utf-8") as out:
        for text, items in records:
            assert all(value in text for _, value in items), text
            out.write(json.dumps({"text": text, "findings": [{"type": t, "value": v} for t, v in items]},
                                 ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write("heldout6-secrets.jsonl", S)
    write("heldout6-clean.jsonl", [(text, []) for text in C])
    print(len(S), "secret records,", sum(len(items) for _, items in S), "items;", len(C), "clean records")
