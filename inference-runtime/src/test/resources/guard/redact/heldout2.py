#!/usr/bin/env python3
"""Writes the second held-out redaction corpus (heldout2-secrets.jsonl, heldout2-clean.jsonl).

Written by hand after the redactor had been tuned on heldout-*.jsonl, and measured once, untuned: the redactor was
not changed for anything this set showed. Same record format and the same decisions as heldout.py (placeholders and
well-known defaults are not secrets; user@host in ssh/git commands is not an e-mail address); the token bodies come
from a seeded generator and the ids, cards and IBANs get computed check digits. Everything is invented.

Run from this directory: python3 heldout2.py.
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
R = random.Random(90210)
S = []
def s(text, *items): S.append((text, list(items)))
C = []
def c(text): C.append(text)

# --- secrets: a second, later pass, different carriers ---
s("Jira SEC-2291 comment by lars.eriksen@nordvik-kraft.no: user reports SMS from +47 912 34 567 asking for BankID code",
  ("email", "lars.eriksen@nordvik-kraft.no"), ("phone", "+47 912 34 567"))
s('{"@timestamp":"2026-12-04T07:31:02Z","event.action":"user-login","user.email":"r.moreau@banque-alpine.ch","source.ip":"85.195.12.7"}',
  ("email", "r.moreau@banque-alpine.ch"))
s("Subject: Re: invoice\n> On Tue, Dec 1, Chen Wei <chen.wei88@qq.com> wrote:\n> please see attached", ("email", "chen.wei88@qq.com"))
s("CC: legal-team@rechtsanwaelte-koeln.de; dpo@stadtbibliothek.at", ("email", "legal-team@rechtsanwaelte-koeln.de"), ("email", "dpo@stadtbibliothek.at"))
s("Kundendienst erreichbar unter 0221 4710 2233 (Mo-Fr)", ("phone", "0221 4710 2233"))
s("Ligue-me para (21) 98765-4321", ("phone", "(21) 98765-4321"))
s("Contact person: Mr. Tan, HP 012-345 6789", ("phone", "012-345 6789"))
s("Office (Dublin): 01 679 4321", ("phone", "01 679 4321"))
s("Toronto desk 416-555-0178, after hours 647.555.0190", ("phone", "416-555-0178"), ("phone", "647.555.0190"))
s("+61 412 345 678 (mobile, AU)", ("phone", "+61 412 345 678"))
s("Bitte zurückrufen: +41 79 123 45 67", ("phone", "+41 79 123 45 67"))
s("[2026-12-04 10:02:11] form submit name=Olivia phone=07812 345678 consent=yes", ("phone", "07812 345678"))
s("Numer telefonu: 601 234 567", ("phone", "601 234 567"))
s("grafana.ini:\n[security]\nadmin_user = admin\nadmin_password = Gr@f-0ps-2026", ("password", "Gr@f-0ps-2026"))
s("env:\n  - name: KEYCLOAK_ADMIN_PASSWORD\n    value: \"Kc-Adm1n!Dec\"", ("password", "Kc-Adm1n!Dec"))
s("RUN echo 'root:R00t-Img-99' | chpasswd", ("password", "R00t-Img-99"))
s("INFO  [main] Connecting with jdbc:oracle:thin:scott/T1ger-0ra@//ora-db:1521/ORCL", ("password", "T1ger-0ra"))
s("vault write auth/userpass/users/mike password=Vlt-Us3r-M1ke policies=dev", ("password", "Vlt-Us3r-M1ke"))
s("wifi:\n  ssid: Office-5G\n  psk: \"Wlan-0ffice-77!\"", ("password", "Wlan-0ffice-77!"))
s("dbpass=Maria_DB-42x ./migrate.sh", ("password", "Maria_DB-42x"))
s("elasticsearch.password: \"El4stic-Kib-Pw\"", ("password", "El4stic-Kib-Pw"))
s("sftp://upload:Upl0ad-Sftp9@sftp.partner.net:22/inbox", ("password", "Upl0ad-Sftp9"))
s("[ldap]\nbind_dn = cn=reader,dc=acme,dc=io\nbind_password = Rd-LDAP-pw-11", ("password", "Rd-LDAP-pw-11"))
s("kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"svc-stream\" password=\"K4fka-Str3am!\";",
  ("password", "K4fka-Str3am!"))
s("she wrote in chat: \"new VPN pass is Oct0ber-Rain#5, don't share\"", ("password", "Oct0ber-Rain#5"))
s("Authorization: Basic c3ZjLWJhY2t1cDpCYWNrdXAtMjAyNiE=", ("password", "c3ZjLWJhY2t1cDpCYWNrdXAtMjAyNiE="))
_t = "".join(R.choice(string.ascii_letters + string.digits) for _ in range(44))
s(f"proxy_set_header Authorization \"Bearer {_t}\";", ("bearer_token", _t))
_jw = jwt('{"sub":"u-8812","email_verified":true,"exp":1765000000}', '{"alg":"RS256","typ":"JWT"}')
s(f"localStorage.setItem('id_token', '{_jw}')", ("jwt", _jw))
_jw2 = jwt('{"iss":"keycloak","preferred_username":"nadia"}')
s(f"?access_token={_jw2}&state=xyz", ("jwt", _jw2))
_ak = "AKIA" + up(16); _sk = b64(40)
s(f"aws_access_key_id: {_ak}\naws_secret_access_key: {_sk}\n# from ~/.aws/credentials pasted by mistake", ("aws_access_key_id", _ak), ("aws_secret_access_key", _sk))
_ak2 = "AKIA" + up(16)
s(f"GuardDuty finding: UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration accessKeyId={_ak2}", ("aws_access_key_id", _ak2))
_sk2 = b64(40)
s(f'{{"aws": {{"secretAccessKey": "{_sk2}", "region": "ap-southeast-2"}}}}', ("aws_secret_access_key", _sk2))
_gh = "ghp_" + rnd(36)
s(f"[remote \"origin\"]\n\turl = https://x-access-token:{_gh}@github.com/acme/site.git", ("github_token", _gh))
_gh2 = "github_pat_11B" + rnd(19) + "_" + rnd(59)
s(f"echo {_gh2} | gh auth login --with-token", ("github_token", _gh2))
_sl = "xoxb-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**12, 10**13)) + "-" + rnd(24)
s(f"const slack = new WebClient('{_sl}');", ("slack_token", _sl))
_wh = "https://hooks.slack.com/services/T0" + up(8) + "/B0" + up(8) + "/" + rnd(24)
s(f"notify_url: {_wh}", ("slack_webhook", _wh))
_ap = rnd(32, "0123456789abcdef")
s(f"SHODAN_API_KEY=\"{_ap}\"", ("generic_api_key", _ap))
_sk3 = "sk-proj-" + rnd(56, AL + "_-")
s(f"Error code: 401 - Incorrect API key provided: {_sk3}.", ("generic_api_key", _sk3))
_gp = "glpat-" + rnd(20)
s(f"GITLAB_TOKEN: {_gp}", ("generic_api_key", _gp))
_xk = rnd(40)
s(f"x-apikey: {_xk}", ("generic_api_key", _xk))
_pk = "-----BEGIN RSA PRIVATE KEY-----\\n" + "\\n".join(b64(64) for _ in range(4)) + "\\n-----END RSA PRIVATE KEY-----"
s(f'{{"ssh_private_key":"{_pk}\\n"}}', ("private_key", _pk))
_pk2 = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "\n".join(b64(70) for _ in range(5)) + "\n-----END OPENSSH PRIVATE KEY-----"
s(f"Here is the key you asked for, don't lose it:\n\n{_pk2}\n\nCheers", ("private_key", _pk2))
_pk3 = "-----BEGIN EC PRIVATE KEY-----\n        " + "\n        ".join(b64(64) for _ in range(2)) + "\n        -----END EC PRIVATE KEY-----"
s(f"spec:\n  values:\n    signer:\n      key: |\n        {_pk3}\n", ("private_key", _pk3))
_az = b64(86) + "=="
s(f"az storage blob list --connection-string \"DefaultEndpointsProtocol=https;AccountName=stlogs;AccountKey={_az};EndpointSuffix=core.windows.net\"",
  ("azure_connection_string", _az))
_az2 = b64(43) + "="
s(f"EventHubConnection=Endpoint=sb://siem-ingest.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey={_az2};EntityPath=alerts",
  ("azure_connection_string", _az2))
_gk = hexs(40); _gpk = "-----BEGIN PRIVATE KEY-----\\n" + "\\n".join(b64(64) for _ in range(3)) + "\\n-----END PRIVATE KEY-----"
s('cat sa.json\n{"type": "service_account", "project_id": "dwh-prod", "private_key_id": "' + _gk + '", "private_key": "' + _gpk + '\\n"}',
  ("gcp_service_account_key", _gk), ("gcp_service_account_key", _gpk))
cc1 = luhn("4" + rnd(14, string.digits)); s(f"Customer read out card {grp(cc1,[4,4,4,4],' ')} over the phone", ("credit_card", grp(cc1, [4,4,4,4], " ")))
cc2 = luhn("5" + "2" + rnd(13, string.digits)); s(f"txn,pan,amt\n8812,{cc2},49.90", ("credit_card", cc2))
cc3 = luhn("34" + rnd(12, string.digits)); s(f"Amex: {grp(cc3,[4,6,5],'-')}", ("credit_card", grp(cc3, [4,6,5], "-")))
cc4 = luhn("6011" + rnd(11, string.digits)); s(f"\"cc\": \"{grp(cc4,[4,4,4,4],' ')}\"", ("credit_card", grp(cc4, [4,4,4,4], " ")))
ib1 = iban("DE", "50010517" + "5407324931"); s(f"Kontoverbindung: {ib1}", ("iban", ib1))
ib2 = iban("FR", "30006000011234567890189"); s(f"IBAN FR : {ib2}", ("iban", ib2))
ib3 = iban("NL", "RABO0123456789", False); s(f"betaling naar {ib3} ontvangen", ("iban", ib3))
ib4 = iban("ES", "00491500051234567892"); s(f"IBAN ES: {ib4}", ("iban", ib4))
s("SSN 457-55-5462 flagged in the DLP report", ("us_ssn", "457-55-5462"))
s("patient_ssn=301-72-9944", ("us_ssn", "301-72-9944"))
s("NI No: WL 44 19 03 B", ("uk_nino", "WL 44 19 03 B"))
dn = dni("33492817"); s(f"Titular: Pedro Sanz, DNI {dn}", ("es_dni", dn))
bs = bsn("61728394") or bsn("61728395"); s(f"BSN {bs} (klantdossier)", ("nl_bsn", bs))
nr = nir("2770631045101"); s(f"n° sécu {nr}", ("fr_nir", nr))
sn = sin("36182749"); s(f"SIN {sn[:3]}-{sn[3:6]}-{sn[6:]} on the T4", ("ca_sin", f"{sn[:3]}-{sn[3:6]}-{sn[6:]}"))
pn = pnr("900417", "553"); s(f"Personnummer {pn[:6]}-{pn[6:]} saknas i systemet", ("se_personnummer", f"{pn[:6]}-{pn[6:]}"))
dt = detax("5821730954"); s(f"Ihre Steuer-ID lautet {dt}.", ("de_tax_id", dt))

# --- clean ---
c("2026-12-04T07:31:02Z conn from 85.195.12.7:51022 to 10.40.0.12:443 (TLS1.3, h2)")
c("fe80::a00:27ff:fe4e:66a1 and 2a02:1205:5055:ee0::1 are both on eth1")
c("blocked 45.83.64.0/18 and 2a0e:b107::/32 at the edge")
c("sha256sum app.tar.gz\n6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b  app.tar.gz")
c("VirusTotal: d41d8cd98f00b204e9800998ecf8427e (0/70)")
c("HEAD is now at 3f9a2c1 fix(auth): handle expired refresh")
c("pipeline #88121 for commit 0e4f5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e passed")
c("correlation_id=8d3e7b0a-4c2f-4e1d-9b6a-2f5c8e7d1a3b")
c("kubectl get pod api-7d9f8c6b5-x2k4q -o jsonpath='{.status.containerStatuses[0].imageID}'\ndocker-pullable://acme/api@sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03")
c("-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIRAIIQz7DSQONZRGPgu2OCiwAwDQYJKoZIhvcNAQELBQAw\nTzELMAkGA1UEBhMCVVMxKTAnBgNVBAoTIEludGVybmV0IFNlY3VyaXR5IFJlc2Vh\n-----END CERTIFICATE-----")
c("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3s9v1xQp0T7lRt6mWcXo2nYk8uZ4aFjHd5eLgP2KcS nadia@workstation")
c("-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA+xGZ/wcz9ugFpP07Nspo6U17l0YhFiFpxxU4pTk3Lifz9R3zsIsu\n-----END RSA PUBLIC KEY-----")
c("ADMIN_PASSWORD: ${ADMIN_PASSWORD:?must be set}")
c("password: \"{{ lookup('env', 'DB_PASSWORD') }}\"")
c("value: <REPLACE_WITH_TOKEN>")
c("api_key = \"\"  # set via environment")
c("password = getpass.getpass()")
c("jdbc:postgresql://db:5432/app?user=app&password=")
c("Enter the password you received by SMS.")
c("Password reset requested for user id 88123 at 2026-12-04 08:00")
c("token expired at 1765000000, refreshing")
_o = not_luhn("471629835510338"); c(f"order {grp(_o,[4,4,4,4],' ')} refunded")
c("Order no. 100-2938475-1029384 (Amazon format)")
c("Event ID 4740: A user account was locked out. Caller Computer Name: WS-0193")
c("SID S-1-5-21-1004336348-1177238915-682003330-512 (Domain Admins)")
c("T1078.004 Cloud Accounts; TA0006 Credential Access")
c("Patched CVE-2023-4966 (Citrix Bleed) on 2026-11-30")
c("nginx version: nginx/1.27.2, openssl 3.0.13 30 Jan 2024")
c("listen 443 ssl http2; proxy_pass http://127.0.0.1:8080;")
c("Dec  4 08:12:01 host CRON[3321]: (root) CMD (run-parts /etc/cron.hourly)")
c("MAC address 52:54:00:12:34:56, serial CN12345678")
c("elapsed 00:03:21.044, 1204 rows affected")
c("Kafka offset 9183746501 partition 7 lag 0")
c("echo dGhpcyBpcyBqdXN0IGEgbG9nIGxpbmU= | base64 -d")
c("See https://www.example.org/docs and example.net for the schema.")
c("Docs: replace <API_KEY> and <SECRET> in config.yaml before running.")
c("secretRef: grafana-admin-credentials")
c("existingSecret: mongodb-auth-2026")
c("passwordPolicy: { minLength: 14, requireSymbols: true }")
c("user_password_expired=true, password_age_days=97")
c("IMEI 35-209900-176148-1 reported stolen")
c("Build 1.0.0-20261204.083012-7 uploaded")
c("tz offset +0530, region ap-south-1")
c("Ref: PO-2026-000981, qty 12, unit price 8.99")
c("ssh -o StrictHostKeyChecking=no ubuntu@ip-10-0-3-17.ec2.internal")
c("git push git@gitlab.com:acme/infra.git main")
c("ECDSA key fingerprint is SHA256:p2QAMXNIC1TJYWeIOttrVc98/R1BUFWu3/LiyKgUfQM.")
c("Retry-After: 120\nX-RateLimit-Remaining: 0\nX-Request-Id: 7f9e1b2c3d4e5f60")
c("vendor example: card 1234 5678 9012 3456 (not a real number)")
c("AWS account 123456789012, role arn:aws:iam::123456789012:role/soc-readonly")


def write(name, records):
    with open(name, "w", encoding="utf-8") as out:
        for text, items in records:
            assert all(value in text for _, value in items), text
            out.write(json.dumps({"text": text, "findings": [{"type": t, "value": v} for t, v in items]},
                                 ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write("heldout2-secrets.jsonl", S)
    write("heldout2-clean.jsonl", [(text, []) for text in C])
    print(len(S), "secret records,", sum(len(items) for _, items in S), "items;", len(C), "clean records")
