#!/usr/bin/env python3
"""Writes the eighth held-out redaction corpus (heldout8-secrets.jsonl, heldout8-clean.jsonl): the set never tuned on.

Written by hand in the third round, before the fixes for heldout7 were measured, as a second outside-style set:
short plain lines of the common forms (config lines, env files, shell commands, chat and ticket sentences, log
lines, JSON and YAML snippets) over all 24 types, with clean look-alikes. Measured once at the end of the round; the
redactor was not changed for it. Same record format and decisions as heldout.py; everything is invented.
Run from this directory: python3 heldout8.py.
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
R = random.Random(8808)
S = []
def s(text, *items): S.append((text, list(items)))
C = []
def c(text): C.append(text)

s("Send the report to finance.team@globex.com", ("email", "finance.team@globex.com"))
s("reply-to: noreply+alerts@mail.initech.net", ("email", "noreply+alerts@mail.initech.net"))
s("- owner: pieter.devries@bedrijf.nl", ("email", "pieter.devries@bedrijf.nl"))
s("WhatsApp: +31 6 12345678", ("phone", "+31 6 12345678"))
s("Hotline 0800 123 4567", ("phone", "0800 123 4567"))
s("Tel. 089 1234567", ("phone", "089 1234567"))
s("Appelez le 01 23 45 67 89", ("phone", "01 23 45 67 89"))
s("contact number: +1-202-555-0173", ("phone", "+1-202-555-0173"))
s("mobile: 07700 900123", ("phone", "07700 900123"))
s("passwd=Letmein!99", ("password", "Letmein!99"))
s("ADMIN_PASSWORD=Adm-Pass-4471", ("password", "Adm-Pass-4471"))
s("mssql://sa:MsSql-Pw-2026@sql02:1433/master", ("password", "MsSql-Pw-2026"))
s("postgresql://reporter:R3port!ng@10.2.0.9/analytics", ("password", "R3port!ng"))
s("root password: Toor#Prod1", ("password", "Toor#Prod1"))
s("password = \"P@ssw0rd2026\"", ("password", "P@ssw0rd2026"))
s("  password: 'K8s-Db-Secret9'", ("password", "K8s-Db-Secret9"))
s("sshpass -p 'Sshp4ss-Prod' ssh admin@10.0.3.3", ("password", "Sshp4ss-Prod"))
s("The new VPN password is Vpn!Access77", ("password", "Vpn!Access77"))
s("user: jsmith / pass: Spring2026#", ("password", "Spring2026#"))
s("Hi team, the temp password for the kiosk is Kiosk-Temp-12", ("password", "Kiosk-Temp-12"))
s("Data Source=db03;Initial Catalog=hr;User ID=hr_app;Password=Hr-App-Pw1", ("password", "Hr-App-Pw1"))
s("keytool -genkey -alias srv -keystore ks.jks -storepass Store-Pw-88", ("password", "Store-Pw-88"))
s("docker login -u ci -p Docker-Ci-Pw3 registry.acme.io", ("password", "Docker-Ci-Pw3"))
s("Authorization: Basic " + base64.b64encode(b"svc-api:Svc-Basic-19").decode(), ("password", base64.b64encode(b"svc-api:Svc-Basic-19").decode()))
s("Kennwort: Herbst-2026!", ("password", "Herbst-2026!"))
j1 = jwt('{"sub":"alice","admin":true}')
s("Bearer " + j1, ("jwt", j1))
j2 = jwt('{"user_id":42,"exp":1767225600}')
s("Cookie: session=" + j2, ("jwt", j2))
t1 = rnd(48, AL)
s("Authorization: bearer " + t1, ("bearer_token", t1))
t2 = rnd(30, AL)
s('headers = {"Authorization": "Bearer ' + t2 + '"}', ("bearer_token", t2))
a1, k1 = "AKIA" + up(16), b64(40)
s(f"[default]\naws_access_key_id={a1}\naws_secret_access_key={k1}", ("aws_access_key_id", a1), ("aws_secret_access_key", k1))
a2 = "ASIA" + up(16)
s(f"temporary credentials {a2}", ("aws_access_key_id", a2))
k2 = b64(40)
s(f"AWS_SECRET_ACCESS_KEY: \"{k2}\"", ("aws_secret_access_key", k2))
g1 = "ghp_" + rnd(36)
s(f"export GH_TOKEN={g1}", ("github_token", g1))
g2 = "github_pat_11A" + rnd(19) + "_" + rnd(59)
s(f"personal access token: {g2}", ("github_token", g2))
x1 = "xoxb-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**12, 10**13)) + "-" + rnd(24)
s(f"slack:\n  bot_token: {x1}", ("slack_token", x1))
w1 = "https://hooks.slack.com/services/T" + up(8) + "/B" + up(10) + "/" + rnd(24)
s(f"webhook: {w1}", ("slack_webhook", w1))
o1 = "sk-proj-" + rnd(64, AL + "-_")
s(f"openai.api_key = \"{o1}\"", ("generic_api_key", o1))
ak = rnd(40, AL)
s(f"API_KEY={ak}", ("generic_api_key", ak))
ak2 = rnd(32, AL)
s(f"?api_key={ak2}&format=json", ("generic_api_key", ak2))
ak3 = rnd(24, AL)
s(f'"apiKey": "{ak3}"', ("generic_api_key", ak3))
ak4 = rnd(36, AL)
s(f"auth_token: {ak4}", ("generic_api_key", ak4))
ak5 = rnd(44, AL)
s(f"x-auth-token: {ak5}", ("generic_api_key", ak5))
pk = "\n".join(["-----BEGIN RSA PRIVATE KEY-----"] + pem_body(5) + ["-----END RSA PRIVATE KEY-----"])
s("Here is the key, don't share:\n" + pk, ("private_key", pk))
pk2 = "\\n".join(["-----BEGIN PRIVATE KEY-----"] + pem_body(3) + ["-----END PRIVATE KEY-----"])
s('{"key": "' + pk2 + '"}', ("private_key", pk2))
pk3 = "\n".join(["-----BEGIN OPENSSH PRIVATE KEY-----"] + pem_body(4, 70) + ["-----END OPENSSH PRIVATE KEY-----"])
s(pk3, ("private_key", pk3))
az = b64(86) + "=="
s(f"StorageConnectionString=DefaultEndpointsProtocol=https;AccountName=sthr01;AccountKey={az};EndpointSuffix=core.windows.net", ("azure_connection_string", az))
az2 = b64(43) + "="
s(f"Endpoint=sb://ev-acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey={az2};EntityPath=logs", ("azure_connection_string", az2))
gid = hexs(40)
gpk = "\\n".join(["-----BEGIN PRIVATE KEY-----"] + pem_body(4) + ["-----END PRIVATE KEY-----"])
s('{"type": "service_account", "project_id": "hr-prod", "private_key_id": "' + gid + '", "private_key": "' + gpk + '\\n", "client_email": "etl@hr-prod.iam.gserviceaccount.com"}',
  ("gcp_service_account_key", gid), ("gcp_service_account_key", gpk), ("email", "etl@hr-prod.iam.gserviceaccount.com"))
s("Visa 4012 8888 8888 1881", ("credit_card", "4012 8888 8888 1881"))
s("Mastercard: 5105-1051-0510-5100", ("credit_card", "5105-1051-0510-5100"))
cc = card("4", 16)
s(f"pan={cc}", ("credit_card", cc))
cc2 = card("6011", 16)
s(f"Discover card {cc2}", ("credit_card", cc2))
s("IBAN GB29 NWBK 6016 1331 9268 19", ("iban", "GB29 NWBK 6016 1331 9268 19"))
i1 = iban("IT", "X0542811101000000123456")
s(f"Bonifico su {i1}", ("iban", i1))
i2 = iban("BE", "539007547034", False)
s(f"Rekening: {i2}", ("iban", i2))
s("SSN 078-05-1121", ("us_ssn", "078-05-1121"))
s("social security number: 457-55-5462", ("us_ssn", "457-55-5462"))
s("NI No: QQ 12 34 56 C", ("uk_nino", "QQ 12 34 56 C"))
s("national insurance CE 12 34 56 D", ("uk_nino", "CE 12 34 56 D"))
d1 = dni("%08d" % R.randint(10**7, 10**8 - 1))
s(f"DNI {d1}", ("es_dni", d1))
b1 = None
while b1 is None: b1 = bsn("%08d" % R.randint(10**7, 10**8 - 1))
s(f"burgerservicenummer: {b1}", ("nl_bsn", b1))
n1 = nir("2" + "%02d" % 91 + "12" + "75" + "123" + "456")
s(f"NIR {n1}", ("fr_nir", n1))
sn = sin("2" + "%07d" % R.randint(0, 10**7 - 1))
s(f"SIN {sn[:3]} {sn[3:6]} {sn[6:]}", ("ca_sin", f"{sn[:3]} {sn[3:6]} {sn[6:]}"))
p1 = pnr("900101", "234")
s(f"personnr: 19{p1[:6]}-{p1[6:]}", ("se_personnummer", f"19{p1[:6]}-{p1[6:]}"))
def detax_ok(t):  # the first ten digits: one digit twice or three times, the others at most once, one missing
    from collections import Counter
    k = sorted(Counter(t[:10]).values(), reverse=True)
    return k[0] in (2, 3) and all(v == 1 for v in k[1:])
t7 = detax("5" + "%09d" % R.randint(0, 10**9 - 1))
while not detax_ok(t7): t7 = detax("5" + "%09d" % R.randint(0, 10**9 - 1))
s(f"Steuer-ID {t7[:2]} {t7[2:5]} {t7[5:8]} {t7[8:]}", ("de_tax_id", f"{t7[:2]} {t7[2:5]} {t7[5:8]} {t7[8:]}"))

c("GET /health 200 0.003s from 172.16.4.20")
c("listen 443 ssl; server_name api.acme.com;")
c("commit a94a8fe5ccb19ba61c4c0873d391e987982fbbd3")
c("sha1: da39a3ee5e6b4b0d3255bfef95601890afd80709")
c("checksum = 9e107d9d372bb6826bd81d3542a419d6")
c("id: 123e4567-e89b-12d3-a456-426614174000")
c("digest: sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4")
c("password=")
c("PASSWORD=${PASSWORD}")
c("password: \"{{ vault_password }}\"")
c("Your password has expired.")
c("Password changed successfully for user jdoe")
c("Invalid password for user admin from 10.0.0.8")
c("api_key = os.environ[\"API_KEY\"]")
c("token = getpass.getpass()")
c("Authorization: Bearer")
c("-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA+xGZ/wcz9ugFpP07Nspo6U17l0YhFiFpxxU4pTk3Lifz9R3zsIsu\n-----END RSA PUBLIC KEY-----")
c("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAACAQC7 admin@laptop")
c("Card number 4111 1111 1111 1110 rejected (invalid)")
c("Reference 5105 1051 0510 5101")
c("Order #4532015112830367-A shipped")
c("Your ticket number is 1234-5678")
c("Build 2026.12.03-1542")
c("Released v3.2.1 (2026-12-03)")
c("Listening on [::1]:9000")
c("AKIA0000000000000000 placeholder")
c("xoxb-your-token-here")
c("SLACK_WEBHOOK=https://hooks.slack.com/services/XXX/YYY/ZZZ")
c("DefaultEndpointsProtocol=https;AccountName=devstore;AccountKey=${STORAGE_KEY}")
c("private_key_id: <redacted>")
c("IBAN: XX00 0000 0000 0000 0000 00")
c("SSN: ***-**-6789")
c("room 101, floor 3, building B")
c("Invoice total 1.234,56 EUR due 03.12.2026")
c("PID 4412 exited with code 0")
c("uid=1001(deploy) gid=1001(deploy) groups=27(sudo)")
c("kubectl get secret db-password -o yaml")
c("aws s3 ls s3://acme-logs --profile prod")
c("The API token must be sent in the X-API-Key header.")
c("Use --token to pass your token.")
c("last login: Thu Dec  3 09:12:01 2026 from 10.0.0.2")
c("port=5432 dbname=app sslmode=require")
c("session_id=8f14e45fceea167a5a36dedd4bea2543")


def write(name, records):
    with open(name, "w", encoding="utf-8") as out:
        for text, items in records:
            assert all(value in text for _, value in items), text
            out.write(json.dumps({"text": text, "findings": [{"type": t, "value": v} for t, v in items]},
                                 ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write("heldout8-secrets.jsonl", S)
    write("heldout8-clean.jsonl", [(text, []) for text in C])
    print(len(S), "secret records,", sum(len(items) for _, items in S), "items;", len(C), "clean records")
