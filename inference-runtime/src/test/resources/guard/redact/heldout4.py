#!/usr/bin/env python3
"""Writes the fourth held-out redaction corpus (heldout4-secrets.jsonl, heldout4-clean.jsonl): the set never tuned on.

Written by hand after the last change to the redactor, with carriers and formats chosen afresh (PHP defines,
psycopg2 and boto3 calls, URL-encoded and upper-case addresses, E.164 numbers without spaces, encrypted PEM with
Proc-Type headers, lower-case national ids, ...), and measured once: the redactor was not changed afterwards. Same
record format and decisions as heldout.py. Everything is invented.

Run from this directory: python3 heldout4.py.
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
R = random.Random(4242)
S = []
def s(text, *items): S.append((text, list(items)))
C = []
def c(text): C.append(text)

# --- secrets: the last pass, never tuned on ---
s("GET /unsubscribe?email=k.oduya%40savannah-logistics.co.ke HTTP/1.1", ("email", "k.oduya%40savannah-logistics.co.ke"))
s("Reported-By: \"Nguyen, Thi\" <thi.nguyen@vinacap.vn>", ("email", "thi.nguyen@vinacap.vn"))
s("alert.recipients = [\"soc-l2@meridian-pharma.com\", \"ciso@meridian-pharma.com\"]",
  ("email", "soc-l2@meridian-pharma.com"), ("email", "ciso@meridian-pharma.com"))
s("login ok for account FELIX.BRANDT@STADTWERKE-HALLE.DE from 91.64.2.9", ("email", "FELIX.BRANDT@STADTWERKE-HALLE.DE"))
s("caller: +442079460958 (no CLI name)", ("phone", "+442079460958"))
s("Tel (+44) 20 7946 0112", ("phone", "(+44) 20 7946 0112"))
s("Please call our Lyon office on 04 72 10 30 30.", ("phone", "04 72 10 30 30"))
s("Mobilnummer: 0176 98765432", ("phone", "0176 98765432"))
s("Notfall-Hotline 0049 30 20 30 40 50", ("phone", "0049 30 20 30 40 50"))
s("whatsapp: +55 11 98888-7777", ("phone", "+55 11 98888-7777"))
s("reach Priya at 080-2345-6789 (Bengaluru)", ("phone", "080-2345-6789"))
s("Helsinki: 09 8765 4321", ("phone", "09 8765 4321"))
s("US callback (917) 555-0166 / alt 917-555-0167", ("phone", "(917) 555-0166"), ("phone", "917-555-0167"))
s("define( 'DB_PASSWORD', 'Wp-C0nfig-Pw!' );", ("password", "Wp-C0nfig-Pw!"))
s("$db_password = \"Php-Var-S3cret\";", ("password", "Php-Var-S3cret"))
s("ldapsearch -x -H ldaps://dc01 -D 'cn=svc,dc=corp' -w Ldp-Srch-91 '(uid=jdoe)'", ("password", "Ldp-Srch-91"))
s("MYSQL_PWD=My-Pwd-Env7 mysqldump --all-databases > all.sql", ("password", "My-Pwd-Env7"))
s("mount -t cifs //nas/backup /mnt/b -o username=backup,password=Cifs-Bkp-22,vers=3.0", ("password", "Cifs-Bkp-22"))
s("root_password: \"T3rraform-R00t\"", ("password", "T3rraform-R00t"))
s("2026-12-05 02:11:09 WARN  LoginController - login failed {\"user\":\"ops\",\"pwd\":\"0ps-Wr0ng-Try\"}", ("password", "0ps-Wr0ng-Try"))
s("redis:\n  auth:\n    password: Rds-Helm-Val-4", ("password", "Rds-Helm-Val-4"))
s("SA_PASSWORD=MsSql-Sa-2026!", ("password", "MsSql-Sa-2026!"))
s("user=deploy\npassword=Inv-Ini-File-3\nhost=10.3.3.3", ("password", "Inv-Ini-File-3"))
s("Hi, the admin password is Adm1n@Helpdesk for the kiosk, please change it", ("password", "Adm1n@Helpdesk"))
s("amqp://svc_events:Evt-Amqp-Pw5@mq.internal:5672/events", ("password", "Evt-Amqp-Pw5"))
s("conn = psycopg2.connect(host='pg', user='etl', password='Etl-Psyc0pg!')", ("password", "Etl-Psyc0pg!"))
_t = rnd(40, AL + "-_.")
s(f"curl https://api.crm.io/v3/leads -H \"Authorization: Bearer {_t}\"", ("bearer_token", _t))
_j = jwt('{"aud":"web","sub":"1122","nonce":"n-0S6_WzA2Mj"}', '{"alg":"RS256","typ":"JWT"}')
s(f"https://app.fabrikam.io/callback#id_token={_j}&state=af0ifjsldkj", ("jwt", _j))
_j2 = jwt('{"sub":"svc","scope":"read write"}')
s(f"auth_header: 'Bearer {_j2}'", ("jwt", _j2))
_a = "AKIA" + up(16); _s = b64(40)
s(f"s3 = boto3.client('s3', aws_access_key_id='{_a}', aws_secret_access_key='{_s}')", ("aws_access_key_id", _a), ("aws_secret_access_key", _s))
_a2 = "AKIA" + up(16)
s(f"| ci-bot | {_a2} | Active | 2026-11-01 |", ("aws_access_key_id", _a2))
_g = "ghp_" + rnd(36)
s(f"~/.git-credentials: https://mkeller:{_g}@github.com", ("github_token", _g))
_g2 = "ghs_" + rnd(36)
s(f"GH_TOKEN={_g2} gh release create v1.2.0", ("github_token", _g2))
_x = "xoxb-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**12, 10**13)) + "-" + rnd(24)
s(f"client = WebClient(token=\"{_x}\")", ("slack_token", _x))
_w = "https://hooks.slack.com/services/T0" + up(8) + "/B0" + up(8) + "/" + rnd(24)
s(f"[notify]\nslack = {_w}", ("slack_webhook", _w))
_k = "sk-" + rnd(48)
s(f"OPENAI_API_KEY={_k}", ("generic_api_key", _k))
_k2 = rnd(32, "0123456789abcdef")
s(f"api-key: {_k2}\nContent-Type: application/json", ("generic_api_key", _k2))
_k3 = rnd(40)
s(f"\"apiKey\": \"{_k3}\",", ("generic_api_key", _k3))
_k4 = "glpat-" + rnd(20)
s(f"curl --header \"PRIVATE-TOKEN: {_k4}\" https://gitlab.acme.io/api/v4/projects", ("generic_api_key", _k4))
_pk = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F2A9B1C0D4E5F60718293A4B5C6D7E8\n\n" + "\n".join(b64(64) for _ in range(4)) + "\n-----END RSA PRIVATE KEY-----"
s(f"cat server.key\n{_pk}", ("private_key", _pk))
_pk2 = "-----BEGIN ENCRYPTED PRIVATE KEY-----\\n" + "\\n".join(b64(64) for _ in range(3)) + "\\n-----END ENCRYPTED PRIVATE KEY-----"
s(f'"signing_key": "{_pk2}"', ("private_key", _pk2))
_az = b64(86) + "=="
s(f'"AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=funcapp01;AccountKey={_az};EndpointSuffix=core.windows.net"',
  ("azure_connection_string", _az))
_gk = hexs(40); _gp = "-----BEGIN PRIVATE KEY-----\\n" + "\\n".join(b64(64) for _ in range(3)) + "\\n-----END PRIVATE KEY-----\\n"
s('{\n"type": "service_account",\n"project_id": "ml-train",\n"private_key_id": "' + _gk + '",\n"private_key": "' + _gp + '",\n"client_email": "trainer@ml-train.iam.gserviceaccount.com"\n}',
  ("gcp_service_account_key", _gk), ("gcp_service_account_key", _gp.rstrip("\\n")))
c1 = luhn("4" + rnd(14, string.digits)); s(f"card no.: {grp(c1,[4,4,4,4],' ')}", ("credit_card", grp(c1, [4,4,4,4], " ")))
c2 = luhn("2" + "5" + rnd(13, string.digits)); s(f"MC {c2} declined (insufficient funds)", ("credit_card", c2))
c3 = luhn("6011" + rnd(11, string.digits)); s(f"<cardNumber>{c3}</cardNumber>", ("credit_card", c3))
c4 = luhn("35" + "6" + rnd(12, string.digits)); s(f"JCB: {grp(c4,[4,4,4,4],'-')}", ("credit_card", grp(c4, [4,4,4,4], "-")))
i1 = iban("CH", "00762011623852957"); s(f"Konto {i1}", ("iban", i1))
i2 = iban("SE", "50000000058398257466"); s(f"IBAN: {i2}", ("iban", i2))
i3 = iban("GB", "NWBK60161331926819", False); s(f"payee_iban={i3}", ("iban", i3))
i4 = iban("NL", "INGB0001234567"); s(f"Rekeningnummer {i4} t.n.v. J. Bakker", ("iban", i4))
s("SSN: 321 54 9876", ("us_ssn", "321 54 9876"))
s("member_ssn: \"482-91-3307\"", ("us_ssn", "482-91-3307"))
s("NINO ab123456c (lower case in the import)", ("uk_nino", "ab123456c"))
dn = dni("27384910"); s(f"dni={dn.lower()}", ("es_dni", dn.lower()))
bs = bsn("52938471") or bsn("52938472"); s(f"BSN: {bs[:4]} {bs[4:6]} {bs[6:]}", ("nl_bsn", f"{bs[:4]} {bs[4:6]} {bs[6:]}"))
nr = nir("2951175112233"); s(f"Sécurité sociale n° {nr[:1]} {nr[1:3]} {nr[3:5]} {nr[5:7]} {nr[7:10]} {nr[10:13]} {nr[13:]}",
  ("fr_nir", f"{nr[:1]} {nr[1:3]} {nr[3:5]} {nr[5:7]} {nr[7:10]} {nr[10:13]} {nr[13:]}"))
sn = sin("61827364"); s(f"SIN# {sn}", ("ca_sin", sn))
pn = pnr("881120", "411"); s(f"pnr: 19{pn}", ("se_personnummer", f"19{pn}"))
dt = detax("7362918453"); s(f"IdNr. {dt[:2]} {dt[2:5]} {dt[5:8]} {dt[8:]}", ("de_tax_id", f"{dt[:2]} {dt[2:5]} {dt[5:8]} {dt[8:]}"))

# --- clean ---
c("src=10.14.2.201 dst=52.97.133.162 spt=50122 dpt=443 proto=TCP action=allow")
c("inet6 2001:db8:1:2::15/64 scope global")
c("Gateway 192.168.178.1, DNS 1.1.1.1 and 9.9.9.9")
c("Security group sg-0a1b2c3d4e5f67890 allows 0.0.0.0/0 on 22")
c("file hash (SHA1): 356a192b7913b04c54574d18c28d46e6395428ab")
c("yara hit on 7c4a8d09ca3762af61e59520943dc26494f8941b in C:\\Users\\Public\\a.exe")
c("git log --oneline: 9b2f4e1 chore: bump, 1d3c5a7 fix: null check")
c("ETag: W/\"5e15153d-120f\"")
c("x-amz-request-id: 4442587FB7D0A2F9, x-amz-id-2: vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=")
c("request_id 550e8400-e29b-41d4-a716-446655440000 took 31 ms")
c("image: quay.io/prometheus/node-exporter@sha256:4032c6d5bfd752342c3e631c2f1de93ba6b86c41db6b167b9a35372c139e7706")
c("-----BEGIN CERTIFICATE-----\nMIIDSjCCAjKgAwIBAgIQRK+wgNajJ7qJMDmGLvhAazANBgkqhkiG9w0BAQUFADA/\n-----END CERTIFICATE-----")
c("authorized_keys: ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBPpvMXRzAw== ops@jump")
c("MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD}")
c("password: \"{{ .Values.auth.password | b64enc }}\"")
c("curl -H \"Authorization: Bearer $TOKEN\" https://api.internal/v1/health")
c("api_key: <insert-your-key>")
c("DB_PASSWORD=")
c("password = ''")
c("secret: \"\"  # filled by external-secrets")
c("The password must be rotated every 90 days.")
c("Too many failed password attempts for jdoe (5), account locked for 15 min")
c("sshd: PasswordAuthentication yes -> no (hardening ticket SEC-771)")
c("mfa_method=totp token_ttl=30 token_digits=6")
c("card ending 4242, exp 12/27")
_r = not_luhn("453201512345678"); c(f"ref {grp(_r,[4,4,4,4],' ')} rejected: checksum")
c("order-id: 3000123456789012")
c("epoch 1764912345678 (ms)")
c("Windows 10.0.22631.4460, KB5046633 installed")
c("EventID 1102: The audit log was cleared. SubjectLogonId 0x3E7")
c("SID S-1-5-21-2127521184-1604012920-1887927527-1107")
c("MITRE: T1486 Data Encrypted for Impact")
c("CVE-2024-21762 FortiOS out-of-bounds write")
c("openjdk 17.0.13 2024-10-15 LTS")
c("kafka: 3 brokers, 48 partitions, RF 3, ports 9092/9093")
c("2026-12-05T02:11:09.123+01:00 level=info msg=\"ready\"")
c("Invoice 2026/11/00817, amount 1.250,00 EUR")
c("Serial: 0C:2F:81:E5:7B:9A:44:10")
c("aGVsbG8gd29ybGQgZnJvbSBhIG5vbi1zZWNyZXQgY29uZmlnIGZpbGU=")
c("More at example.com/docs or ask in #platform.")
c("scp -P 2222 report.pdf analyst@sftp.fabrikam.io:/inbox/")
c("git clone git@github.com:fabrikam/detections.git")
c("ec2-user@ip-172-31-5-9 ~]$ uptime")
c("secretName: letsencrypt-prod-account-key")
c("private_key_file = /etc/ssl/private/mail.fabrikam.io.key")
c("token_url: https://oauth.fabrikam.io/token")
c("accessKeyId: (rotated, see vault)")
c("version: 2.14.0-rc.3+build.5512")
c("latitude 52.3702, longitude 4.8952")
c("Mac: 0a:1b:2c:3d:4e:5f, vlan 300, port Gi1/0/12")


def write(name, records):
    with open(name, "w", encoding="utf-8") as out:
        for text, items in records:
            assert all(value in text for _, value in items), text
            out.write(json.dumps({"text": text, "findings": [{"type": t, "value": v} for t, v in items]},
                                 ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write("heldout4-secrets.jsonl", S)
    write("heldout4-clean.jsonl", [(text, []) for text in C])
    print(len(S), "secret records,", sum(len(items) for _, items in S), "items;", len(C), "clean records")
