#!/usr/bin/env python3
"""Writes the third held-out redaction corpus (heldout3-secrets.jsonl, heldout3-clean.jsonl).

Written by hand after every change to the redactor, with carriers not used in heldout.py or heldout2.py (mail
signatures, WhatsApp exports, Windows event XML, Ansible inventories, Go and Python code, pip.conf, Postman and HAR
JSON, Jenkins consoles, keytool and smbclient command lines), and measured once: the redactor was not changed for
anything this set showed. Same record format and decisions as heldout.py. Everything is invented.

Run from this directory: python3 heldout3.py.
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
R = random.Random(31337)
S = []
def s(text, *items): S.append((text, list(items)))
C = []
def c(text): C.append(text)

# --- secrets: a third pass, carriers not used before ---
s("--\nKind regards,\nAnneke de Jong | Security Officer\nT +31 (0)20 555 0192 | M +31 6 2345 6789\nanneke.dejong@waterschap-delta.nl",
  ("phone", "+31 (0)20 555 0192"), ("phone", "+31 6 2345 6789"), ("email", "anneke.dejong@waterschap-delta.nl"))
s("12/3/26, 09:14 - Tomás: mi número nuevo es 655 123 987", ("phone", "655 123 987"))
s("emp_id;name;mail;mobile\n1042;Hana Novak;hana.novak@pivovar-brno.cz;+420 601 123 456",
  ("email", "hana.novak@pivovar-brno.cz"), ("phone", "+420 601 123 456"))
s("<Data Name=\"TargetUserName\">m.schulz@klinikum-nord.de</Data>", ("email", "m.schulz@klinikum-nord.de"))
s("PS C:\\> Send-MailMessage -To 'it-helpdesk@gemeente-zwolle.nl' -Subject test", ("email", "it-helpdesk@gemeente-zwolle.nl"))
s("Hotline Deutschland: 0800 1234567 (kostenfrei)", ("phone", "0800 1234567"))
s("Customer called from 0208 123 4567 about the refund", ("phone", "0208 123 4567"))
s("Pour toute question : 09 72 10 10 10", ("phone", "09 72 10 10 10"))
s("T: +1 (303) 555-0114 ext. 22", ("phone", "+1 (303) 555-0114"))
s("Tel. +39 335 123 4567 (Marco)", ("phone", "+39 335 123 4567"))
s("ring 0031 6 1234 5678 voor storingen", ("phone", "0031 6 1234 5678"))
s("inventory:\n  db01:\n    ansible_host: 10.8.0.21\n    ansible_user: deploy\n    ansible_password: Ans1ble-D3ploy!", ("password", "Ans1ble-D3ploy!"))
s("ARG NPM_TOKEN\nENV DB_PASSWORD=Dkr-Img-Pw-3", ("password", "Dkr-Img-Pw-3"))
s("requests.post(url, auth=('svc-report', 'Rep0rt!ng-Svc'))", ("password", "Rep0rt!ng-Svc")) 
s('db, err := sql.Open("mysql", "reporter:G0-Sql-Pw!@tcp(10.0.0.8:3306)/stats")', ("password", "G0-Sql-Pw!"))
s("[global]\nindex-url = https://ci:P1p-M1rror-77@pypi.internal.acme.io/simple", ("password", "P1p-M1rror-77"))
s('{"name":"Login","request":{"method":"POST","body":{"raw":"{\\"username\\":\\"qa\\",\\"password\\":\\"Qa-Postm4n!\\"}"}}}',
  ("password", "Qa-Postm4n!"))
s("Started by user admin\n[Pipeline] sh\n+ sshpass -p Jenk1ns-SSH-pw scp build.tgz ops@10.2.2.2:/opt", ("password", "Jenk1ns-SSH-pw"))
s("SMTP_PASS=\"Mail-Rel4y-2026\"", ("password", "Mail-Rel4y-2026"))
s("adminPassword: Hlm-Chart-Adm1n", ("password", "Hlm-Chart-Adm1n"))
s("The credentials for the staging box are admin / St4ging!Box (don't share)", ("password", "St4ging!Box"))
s("rabbitmqctl change_password guest Rmq-N3w-Pw", ("password", "Rmq-N3w-Pw"))
s("keytool -genkey -alias tomcat -keystore ks.jks -storepass Ks-St0re-Pw -keypass Ks-K3y-Pw",
  ("password", "Ks-St0re-Pw"), ("password", "Ks-K3y-Pw"))
s("smbclient //fs01/finance -U 'CORP\\auditor%Aud1t-Smb!'", ("password", "Aud1t-Smb!"))
_b = "".join(R.choice(AL) for _ in range(36))
s(f'"headers": [{{"name": "Authorization", "value": "Bearer {_b}"}}]', ("bearer_token", _b))
_j = jwt('{"sub":"2f1c","role":"service","iat":1764900000}')
s(f"Set-Cookie: auth={_j}; HttpOnly; Secure", ("jwt", _j))
_a = "AKIA" + up(16)
s(f"$ aws sts get-caller-identity\n# using key {_a} from env", ("aws_access_key_id", _a))
_a2 = "ASIA" + up(16); _s2 = b64(40)
s(f"AccessKeyId     : {_a2}\nSecretAccessKey : {_s2}\nSessionToken    : FwoGZXIvYXdzE...", ("aws_access_key_id", _a2), ("aws_secret_access_key", _s2))
_g = "ghp_" + rnd(36)
s(f"- uses: actions/checkout@v4\n  with:\n    token: '{_g}'", ("github_token", _g))
_g2 = "gho_" + rnd(36)
s(f"oauth_token: {_g2}\n    git_protocol: https", ("github_token", _g2))
_x = "xoxp-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**12, 10**13)) + "-" + hexs(32)
s(f"curl -s -d 'token={_x}' https://slack.com/api/auth.test", ("slack_token", _x))
_w = "https://hooks.slack.com/services/T0" + up(8) + "/B0" + up(8) + "/" + rnd(24)
s(f"webhook = \"{_w}\"\nrequests.post(webhook, json=msg)", ("slack_webhook", _w))
_k = "sk_live_" + rnd(24)
s(f"Stripe.api_key = \"{_k}\"", ("generic_api_key", _k))
_k2 = "AIza" + rnd(35, AL + "-_")
s(f"firebaseConfig = {{ apiKey: \"{_k2}\", authDomain: \"shop-prod.firebaseapp.com\" }}", ("generic_api_key", _k2))
_k3 = rnd(32, "0123456789abcdef")
s(f"OPSGENIE_API_KEY={_k3}", ("generic_api_key", _k3))
_k4 = rnd(48)
s(f"{{\"integration\":\"virustotal\",\"config\":{{\"api_token\":\"{_k4}\"}}}}", ("generic_api_key", _k4))
_pk = "-----BEGIN PRIVATE KEY-----\n" + "\n".join(b64(64) for _ in range(5)) + "\n" + b64(20) + "==\n-----END PRIVATE KEY-----"
s(f"Jenkins credential 'deploy-key' content:\n{_pk}", ("private_key", _pk))
_pk2 = "-----BEGIN RSA PRIVATE KEY-----\\r\\n" + "\\r\\n".join(b64(64) for _ in range(3)) + "\\r\\n-----END RSA PRIVATE KEY-----"
s(f'{{"key":"{_pk2}"}}', ("private_key", _pk2))
_az = b64(86) + "=="
s(f"<add name=\"Storage\" connectionString=\"DefaultEndpointsProtocol=https;AccountName=webdocs;AccountKey={_az}\" />", ("azure_connection_string", _az))
_az2 = b64(43) + "="
s(f"SERVICEBUS_CONN='Endpoint=sb://billing.servicebus.windows.net/;SharedAccessKeyName=app;SharedAccessKey={_az2}'", ("azure_connection_string", _az2))
_gk = hexs(40)
s('"private_key_id": "' + _gk + '",\n  "client_email": "exporter@logs-prod-3381.iam.gserviceaccount.com",', ("gcp_service_account_key", _gk))
c1 = luhn("4" + rnd(14, string.digits)); s(f"Visa {grp(c1,[4,4,4,4],'-')} exp 11/29", ("credit_card", grp(c1, [4,4,4,4], "-")))
c2 = luhn("5" + "5" + rnd(13, string.digits)); s(f"Kreditkarte {grp(c2,[4,4,4,4],' ')}", ("credit_card", grp(c2, [4,4,4,4], " ")))
c3 = luhn("37" + rnd(12, string.digits)); s(f"amex={c3}", ("credit_card", c3))
c4 = luhn("4" + rnd(14, string.digits)); s(f"|{c4}|CHF 120.00|approved|", ("credit_card", c4))
i1 = iban("GB", "BARC20000055779911"); s(f"Sort code 20-00-00, IBAN {i1}", ("iban", i1))
i2 = iban("IT", "K0300203280000400162854"); s(f"Bonifico su IBAN {i2.replace(' ', '')}", ("iban", i2.replace(" ", "")))
i3 = iban("DE", "10020030" + "0012345678"); s(f"iban: \"{i3}\"", ("iban", i3))
i4 = iban("BE", "068248910119"); s(f"Rekening {i4}", ("iban", i4))
s("Social Security #: 512-44-9087", ("us_ssn", "512-44-9087"))
s("ssn,first,last\n234-56-7812,Ana,Ruiz", ("us_ssn", "234-56-7812"))
s("National Insurance: JK 55 12 09 C", ("uk_nino", "JK 55 12 09 C"))
d1 = dni("50238174"); s(f"D.N.I. {d1}", ("es_dni", d1))
d2 = nie("X", "7312840"); s(f"NIE: {d2}", ("es_dni", d2))
b1 = bsn("44872019") or bsn("44872018"); s(f"Burgerservicenummer: {b1}", ("nl_bsn", b1))
n1 = nir("1640813055044"); s(f"Numéro de sécurité sociale : {n1}", ("fr_nir", n1))
x1 = sin("58201937"); s(f"Social Insurance Number: {x1[:3]} {x1[3:6]} {x1[6:]}", ("ca_sin", f"{x1[:3]} {x1[3:6]} {x1[6:]}"))
p1 = pnr("770512", "846"); s(f"personnummer 19{p1}", ("se_personnummer", f"19{p1}"))
t1 = detax("9183746021"); s(f"Steuer-IdNr {t1}", ("de_tax_id", t1))

# --- clean ---
c("<Data Name=\"IpAddress\">::ffff:10.1.4.22</Data><Data Name=\"IpPort\">49812</Data>")
c("Zeek conn.log: 192.168.10.5 -> 8.8.8.8:53 udp dns 0.000312 s")
c("route add -net 10.200.0.0/16 gw 10.0.0.1 dev wg0")
c("ip6tables -A INPUT -s 2001:db8:ff00::/40 -j ACCEPT")
c("certutil -hashfile setup.exe SHA256 -> 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b")
c("Revert \"bump deps\" This reverts commit 5c8e2a1f9b0d7e6c4a3b2f1e0d9c8b7a6f5e4d3c.")
c("job_uuid: 1b4e28ba-2fa1-11d2-883f-0016d3cca427")
c("helm install grafana grafana/grafana --version 8.5.1 --set image.digest=sha256:a1f2e3d4c5b6a7980f1e2d3c4b5a69788f9e0d1c2b3a4f5e6d7c8b9a0f1e2d3c")
c("-----BEGIN X509 CRL-----\nMIIBvjCBpwIBATANBgkqhkiG9w0BAQUFADBCMRMwEQYKCZImiZPyLGQBGRYDY29t\n-----END X509 CRL-----")
c("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDc4f7q2Lk9vW3xY1zA2bC3dE4fG5hI6jK7lM8nO9pQ0rS1tU2vW3xY4zA5bC6dE7 jenkins@ci")
c("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\",\"kid\":\"sig-2026\"}]}")
c("DB_PASSWORD: !ENV ${DB_PASSWORD}")
c("password: \"%{hiera('db::password')}\"")
c("smtp_password = <set in vault>")
c("export API_TOKEN=$(cat /run/secrets/api_token)")
c("password: '[REDACTED]'")
c("token: \"***\"")
c("The 'password' parameter is deprecated; use 'passwordFile'.")
c("Failed password for root from 218.92.0.107 port 41022 ssh2 [preauth]")
c("pam_unix(sshd:auth): authentication failure; rhost=103.97.176.5 user=root")
c("passwordless sudo enabled for group wheel")
c("Your one-time passcode expires in 10 minutes.")
c("Tracking number 1Z 999 AA1 01 2345 6784")
c("order_ref=5105 1051 0510 5101 (test PAN with a bad check digit)")
c("Invoice total: 4 532 015,00 SEK")
c("Zeitstempel 04.12.2026 09:15:22, Vorgang 2026-0048812")
c("EventID 4769 TicketEncryptionType 0x17 ServiceName krbtgt")
c("T1021.002 SMB/Windows Admin Shares; T1570")
c("CVE-2025-0282 Ivanti Connect Secure, CVSS 9.0")
c("chrome 131.0.6778.86, firefox 133.0.3")
c("GOMAXPROCS=8 GOGC=100 port=9090")
c("S-1-5-32-544 (BUILTIN\\Administrators)")
c("process 0x00001f40 thread 0x2a3c exited with code 0xC0000005")
c("dd if=/dev/zero of=test bs=1M count=1024 -> 1073741824 bytes copied")
c("latency p50=12ms p99=341ms over 1000000 requests")
c("dGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZw==")
c("user.name=jdoe user.domain=CORP logon.type=10")
c("git@bitbucket.org:team/repo.git is the mirror")
c("docs at https://example.com/setup, contact form at example.org/contact")
c("fingerprint: 43:51:43:a1:b5:fc:8b:b7:0a:3a:a9:b1:0f:66:73:a8")
c("secret_name: prod/payments/stripe")
c("tokenEndpoint: https://login.microsoftonline.com/common/oauth2/v2.0/token")
c("kid: 2f1c9a7e-3b4d-4c5e-8f60-7a8b9c0d1e2f")
c("ports:\n  - \"5432:5432\"\n  - \"6379:6379\"")
c("employee count 1 204 in 12 countries")
c("ISO 3166 codes: DE, FR, NL, ES, IT, SE")
c("call stack depth 1024 exceeded at 0x7ffd5e8c2a10")
c("unix time 1764900000 = 2025-12-05T02:00:00Z")
c("kubectl describe secret db-creds\nType:  Opaque\nData\n====\npassword:  16 bytes\nusername:  5 bytes")
c("Response: {\"status\":\"ok\",\"items\":[],\"next\":null}")
c("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon DefaultUserName=kiosk AutoAdminLogon=1")


def write(name, records):
    with open(name, "w", encoding="utf-8") as out:
        for text, items in records:
            assert all(value in text for _, value in items), text
            out.write(json.dumps({"text": text, "findings": [{"type": t, "value": v} for t, v in items]},
                                 ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write("heldout3-secrets.jsonl", S)
    write("heldout3-clean.jsonl", [(text, []) for text in C])
    print(len(S), "secret records,", sum(len(items) for _, items in S), "items;", len(C), "clean records")
