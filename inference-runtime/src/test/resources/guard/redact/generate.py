#!/usr/bin/env python3
"""Writes the redaction corpus (secrets.jsonl, clean.jsonl): invented SOC material, every value made up here.

Run from this directory: python3 generate.py. Seeded, so the files are reproducible. Each secrets record names the
exact substrings that must be redacted, with their types; clean records hold look-alikes that must survive.
"""
import base64, json, random, string

R = random.Random(20261203)
A = string.ascii_letters + string.digits
FIRST = ["anna", "jonas", "li", "marta", "oskar", "priya", "tomas", "yuki", "sara", "diego", "fatima", "noah",
         "ines", "kofi", "elena", "mehmet", "chloe", "raj", "olga", "lukas"]
LAST = ["berg", "nakamura", "okafor", "silva", "novak", "dubois", "meyer", "haddad", "kowalski", "lindqvist",
        "garcia", "obrien", "rossi", "tanaka", "andersen"]
DOMAINS = ["northwind-sec.io", "helio-bank.de", "acme-soc.com", "blueharbor.co.uk", "sentinel-ops.net",
           "fjordtel.se", "lumen-retail.fr", "corp.internal", "mail.kestrel.org", "contoso-health.nl"]
HOSTS = ["10.20.4.17", "192.168.31.5", "172.16.0.44", "203.0.113.9", "198.51.100.23"]

def rnd(n, chars=A): return "".join(R.choice(chars) for _ in range(n))
def luhn_complete(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        s += d
    return body + str((10 - s % 10) % 10)
def luhn_ok(n):
    s = 0
    for i, ch in enumerate(reversed(n)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9: d -= 9
        s += d
    return s % 10 == 0

def email(): return f"{R.choice(FIRST)}{R.choice(['.', '_', ''])}{R.choice(LAST)}{R.choice(['', str(R.randint(1, 99))])}@{R.choice(DOMAINS)}"
def phone():
    return R.choice([
        lambda: f"+44 20 7946 {R.randint(1000, 9999)}", lambda: f"+44 7700 {R.randint(100000, 999999)}",
        lambda: f"+1 (415) 555-{R.randint(1000, 9999)}", lambda: f"+1-212-555-{R.randint(1000, 9999)}",
        lambda: f"+49 30 {R.randint(1000000, 9999999)}", lambda: f"+49 170 {R.randint(1000000, 9999999)}",
        lambda: f"+33 6 {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)}",
        lambda: f"+46 70 {R.randint(100, 999)} {R.randint(10, 99)} {R.randint(10, 99)}",
        lambda: f"+81 3-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}", lambda: f"+31 6 {R.randint(10000000, 99999999)}",
        lambda: f"(212) 555-{R.randint(1000, 9999)}", lambda: f"415-555-{R.randint(1000, 9999)}",
        lambda: f"020 7946 {R.randint(1000, 9999)}", lambda: f"07700 {R.randint(100000, 999999)}",
        lambda: f"06 {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)}",
        lambda: f"0170 {R.randint(1000000, 9999999)}", lambda: f"+34 612 {R.randint(100, 999)} {R.randint(100, 999)}",
        lambda: f"0041 44 {R.randint(100, 999)} {R.randint(10, 99)} {R.randint(10, 99)}",
    ])()
def pw(): return R.choice([rnd(12), rnd(8) + "!" + rnd(4), "Winter" + str(R.randint(2019, 2026)) + "!", rnd(6) + "#" + rnd(6) + "$",
                           "Tr0ub4dor&" + rnd(3), "s3cr3t-" + rnd(8), rnd(20, A + "!@%^*-_")])
def card():
    prefix = R.choice(["4", "4", "51", "53", "55", "2221", "34", "37", "6011", "65", "3530", "36"])
    length = 15 if prefix in ("34", "37") else (14 if prefix == "36" else 16)
    n = luhn_complete(prefix + "".join(R.choice(string.digits) for _ in range(length - len(prefix) - 1)))
    style = R.choice(["", " ", "-"])
    if length == 16: parts = [n[i:i + 4] for i in range(0, 16, 4)]
    elif length == 15: parts = [n[:4], n[4:10], n[10:]]
    else: parts = [n[:4], n[4:10], n[10:]]
    return style.join(parts)
IBAN_LEN = {"DE": 22, "FR": 27, "GB": 22, "NL": 18, "ES": 24, "IT": 27, "SE": 24, "BE": 16}
def iban():
    cc = R.choice(list(IBAN_LEN))
    n = IBAN_LEN[cc]
    if cc == "GB": bban = rnd(4, string.ascii_uppercase) + rnd(14, string.digits)
    elif cc == "NL": bban = rnd(4, string.ascii_uppercase) + rnd(10, string.digits)
    elif cc == "IT": bban = rnd(1, string.ascii_uppercase) + rnd(22, string.digits)
    else: bban = rnd(n - 4, string.digits)
    if cc == "FR": bban = bban[:21] + "00"  # the RIB key is not checked by mod-97 alone; keep digits
    if cc == "ES":
        pass
    conv = "".join(str(int(ch, 36)) for ch in bban + cc + "00")
    check = 98 - int(conv) % 97
    s = f"{cc}{check:02d}{bban}"
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if R.random() < 0.6 else s
def ssn():
    while True:
        a = R.randint(1, 899)
        if a != 666: break
    return f"{a:03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"
def nino():
    first = R.choice("ABCEGHJKLMNOPRSTWXYZ"); second = R.choice("ABCEGHJKLMNPRSTWXYZ")
    while first + second in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
        second = R.choice("ABCEGHJKLMNPRSTWXYZ")
    d = rnd(6, string.digits)
    return R.choice([f"{first}{second}{d}{R.choice('ABCD')}", f"{first}{second} {d[:2]} {d[2:4]} {d[4:]} {R.choice('ABCD')}"])
def dni():
    if R.random() < 0.75:
        n = R.randint(10000000, 99999999); return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"
    p = R.choice("XYZ"); n = R.randint(1000000, 9999999)
    return f"{p}{n:07d}{'TRWAGMYFPDXBNJZSQVHLCKE'[int(str('XYZ'.index(p)) + f'{n:07d}') % 23]}"
def bsn():
    while True:
        d = [R.randint(0, 9) for _ in range(8)]
        if d[0] == 0: continue
        s = sum((9 - i) * d[i] for i in range(8))
        last = s % 11
        if last < 10:
            return "".join(map(str, d)) + str(last)
def nir():
    sex = R.choice("12"); yy = f"{R.randint(40, 99):02d}"; mm = f"{R.randint(1, 12):02d}"
    dep = R.choice([f"{R.randint(1, 95):02d}", "2A", "2B"]); com = f"{R.randint(1, 999):03d}"; order = f"{R.randint(1, 999):03d}"
    body = sex + yy + mm + dep + com + order
    num = int(body.replace("2A", "19").replace("2B", "18"))
    key = 97 - num % 97
    return R.choice([f"{body}{key:02d}", f"{sex} {yy} {mm} {dep} {com} {order} {key:02d}"])
def sin():
    while True:
        n = luhn_complete(str(R.choice([1, 2, 3, 4, 5, 6, 7, 9])) + rnd(7, string.digits))
        if len(n) == 9: break
    return R.choice([f"{n[:3]}-{n[3:6]}-{n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}", n])
def pnr():
    yy = R.randint(40, 99); mm = R.randint(1, 12); dd = R.randint(1, 28)
    body = f"{yy:02d}{mm:02d}{dd:02d}{R.randint(100, 999)}"
    ten = luhn_complete(body)
    return R.choice([f"{ten[:6]}-{ten[6:]}", f"19{ten[:6]}-{ten[6:]}", f"19{ten}"])
def steuer():
    while True:
        digits = R.sample(range(10), 9); rep = R.choice(digits)
        ten = [R.choice(range(1, 10))] + digits
        ten = ten[:10]
        from collections import Counter
        c = Counter(ten)
        if ten[0] == 0 or sorted(c.values())[-1] not in (2, 3) or sum(1 for v in c.values() if v >= 2) != 1: continue
        product = 10
        for d in ten:
            s = (d + product) % 10
            if s == 0: s = 10
            product = (s * 2) % 11
        check = 11 - product
        if check == 10: check = 0
        s = "".join(map(str, ten)) + str(check)
        return R.choice([s, f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}"])
def akid(): return R.choice(["AKIA", "ASIA"]) + rnd(16, string.ascii_uppercase + "234567")
def aws_secret(): return rnd(40, A + "/+")
def ghp(): return R.choice(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]) + rnd(36)
def ghpat(): return "github_pat_" + rnd(22) + "_" + rnd(59)
def slack(): return f"xox{R.choice('bpaors')}-{R.randint(10**10, 10**11)}-{R.randint(10**10, 10**11)}-{rnd(24)}"
def webhook(): return f"https://hooks.slack.com/services/T{rnd(8, string.ascii_uppercase + string.digits)}/B{rnd(10, string.ascii_uppercase + string.digits)}/{rnd(24)}"
def b64url(b): return base64.urlsafe_b64encode(b).decode().rstrip("=")
def jwt():
    h = b64url(json.dumps({"alg": R.choice(["HS256", "RS256"]), "typ": "JWT"}).encode())
    p = b64url(json.dumps({"sub": R.choice(FIRST), "iat": R.randint(1700000000, 1760000000), "scope": "soc:read"}).encode())
    return f"{h}.{p}.{b64url(bytes(R.randint(0, 255) for _ in range(32)))}"
def opaque(n=32): return rnd(n, A + "-_")
def apikey():
    while True:
        k = R.choice([rnd(32), "sk_live_" + rnd(24), rnd(40, string.hexdigits.lower()), "AIza" + rnd(35, A + "-_"), rnd(48, A)])
        if any(c.isdigit() for c in k) and any(c.isalpha() for c in k): return k
def pem_body(lines=6): return [rnd(64, A + "+/") for _ in range(lines)] + [rnd(R.randint(10, 60), A + "+/") + "=="]
def pem(kind=None):
    kind = kind or R.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY"])
    return f"-----BEGIN {kind}-----", pem_body(R.randint(3, 9)), f"-----END {kind}-----"
def azure_key(): return base64.b64encode(bytes(R.randint(0, 255) for _ in range(64))).decode()
def sas_key(): return base64.b64encode(bytes(R.randint(0, 255) for _ in range(32))).decode()

secrets, clean = [], []
def add(text, *items): secrets.append({"text": text, "findings": [{"type": t, "value": v} for t, v in items]})
def ok(text): clean.append({"text": text, "findings": []})
def ts(): return f"2026-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}T{R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}Z"
def ip(): return R.choice(HOSTS)

for _ in range(14):
    e = email(); add(R.choice([
        f"{ts()} INFO auth login ok user={e} src={ip()}",
        f"From: \"SOC Desk\" <{e}>\nSubject: phishing report",
        f"Ticket SEC-{R.randint(1000, 9999)}: reporter {e} says the invoice link asked for MFA twice",
        f'{{"event":"mail.forward","to":"{e}","rule":"auto-forward external"}}',
        f"please loop in {e} on the incident bridge",
        f"owner: {e}\nseverity: high",
    ]), ("email", e))
for _ in range(28):
    p = phone(); add(R.choice([
        f"Caller left a callback number {p} after the vishing attempt",
        f"Tel: {p}", f"phone={p} reason=password reset request", f"Contact on-call via {p} (24/7)",
        f'{{"reporter_phone": "{p}", "channel": "voice"}}', f"SMS from {p}: your parcel is held, pay at http://bit.example/x",
        f"mobile: {p}\nteam: blue", f"whatsapp {p} sent the QR code",
    ]), ("phone", p))
for _ in range(45):
    p = pw(); u = R.choice(FIRST); h = R.choice(["db.corp.internal", "10.20.4.17", "mq.helio-bank.de", "pg-prod-2"])
    tpl = R.randrange(13)
    if tpl == 0: add(f"DB_PASSWORD={p}", ("password", p))
    elif tpl == 1: add(f'{{"username": "{u}", "password": "{p}", "remember": true}}', ("password", p))
    elif tpl == 2: add(f"spring.datasource.password: {p}", ("password", p))
    elif tpl == 3: add(f"postgres://{u}:{p}@{h}:5432/soc", ("password", p))
    elif tpl == 4: add(f"curl -u x https://{u}:{p}@artifacts.northwind-sec.io/repo/", ("password", p))
    elif tpl == 5:
        b = base64.b64encode(f"{u}:{p}".encode()).decode(); add(f"GET /api/v2/alerts HTTP/1.1\nAuthorization: Basic {b}", ("password", b))
    elif tpl == 6: add(f"Server={h};Database=soc;User Id={u};Password={p};Encrypt=true", ("password", p))
    elif tpl == 7: add(f"openssl rsa -in server.key -passin pass:{p} -out plain.key", ("password", p))
    elif tpl == 8: add(f"  ssl:\n    keystore_passphrase: '{p}'\n", ("password", p))
    elif tpl == 9: add(f"mysql -h {h} -u {u} --password={p} soc_events", ("password", p))
    elif tpl == 10: add(f"[{ts()}] WARN failed login for {u} with pwd={p} from {ip()}", ("password", p))
    elif tpl == 11: add(f"ALTER USER {u} IDENTIFIED BY '{p}';", ("password", p))
    else: add(f"admin_pass = \"{p}\"", ("password", p))
for _ in range(14):
    t = opaque(R.randint(24, 48)); add(R.choice([
        f"Authorization: Bearer {t}", f"curl -H 'Authorization: Bearer {t}' https://api.sentinel-ops.net/v1/cases",
        f"{ts()} DEBUG upstream call header=\"authorization: bearer {t}\"",
    ]), ("bearer_token", t))
for _ in range(14):
    j = jwt(); add(R.choice([
        f"Authorization: Bearer {j}", f'{{"id_token":"{j}","expires_in":3600}}', f"cookie session={j}; Path=/",
        f"user pasted token {j} in the chat", f"https://portal.acme-soc.com/callback#access_token={j}&state=xyz",
    ]), ("jwt", j))
for _ in range(16):
    k = akid(); add(R.choice([
        f"aws_access_key_id = {k}", f"export AWS_ACCESS_KEY_ID={k}", f"CloudTrail: ConsoleLogin by accessKeyId {k} from {ip()}",
        f'{{"AccessKeyId": "{k}", "Status": "Active"}}',
    ]), ("aws_access_key_id", k))
for _ in range(14):
    k = akid(); s = aws_secret(); add(R.choice([
        f"[default]\naws_access_key_id = {k}\naws_secret_access_key = {s}\n",
        f"export AWS_ACCESS_KEY_ID={k}\nexport AWS_SECRET_ACCESS_KEY={s}",
        f'{{"AccessKeyId":"{k}","SecretAccessKey":"{s}","SessionToken":null}}',
    ]), ("aws_access_key_id", k), ("aws_secret_access_key", s))
for _ in range(16):
    g = ghp() if R.random() < 0.7 else ghpat(); add(R.choice([
        f"git remote set-url origin https://x-access-token:{g}@github.com/acme/soc-rules.git" if False else f"GITHUB_TOKEN={g}",
        f"found in build log: token {g}", f"  github:\n    token: {g}", f"echo {g} | gh auth login --with-token",
    ]), ("github_token", g))
for _ in range(12):
    s = slack(); add(R.choice([f"SLACK_BOT_TOKEN={s}", f"bot token leaked in paste: {s}", f'{{"slack": {{"token": "{s}"}}}}']), ("slack_token", s))
for _ in range(10):
    w = webhook(); add(R.choice([f"alert_webhook: {w}", f"curl -X POST -d @msg.json {w}", f"notify -> {w} (channel #soc-alerts)"]), ("slack_webhook", w))
for _ in range(22):
    k = apikey(); name = R.choice(["api_key", "apikey", "X-API-Key", "client_secret", "SENDGRID_API_KEY", "secret", "auth_token", "app_key", "VT_APIKEY"])
    add(R.choice([f"{name}={k}", f"{name}: {k}", f'{{"{name}": "{k}"}}', f"  {name}: \"{k}\"", f"curl -H '{name}: {k}' https://intel.example.net/api"]), ("generic_api_key", k))
for _ in range(18):
    b, body, e = pem(); tpl = R.randrange(4)
    if tpl == 0: block = "\n".join([b] + body + [e]); add(f"key file contents:\n{block}\n", ("private_key", block))
    elif tpl == 1: block = "\\n".join([b] + body + [e]) + ""; add(f'{{"tls": {{"key": "{block}\\n"}}}}', ("private_key", block))
    elif tpl == 2:
        block = "\n      ".join([b] + body + [e]); add(f"tls:\n  key: |\n      {block}\n  cert: cert.pem\n", ("private_key", block))
    else: block = "\n".join([b, "Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-256-CBC," + rnd(32, "0123456789ABCDEF"), ""] + body + [e]); add(f"{block}\n", ("private_key", block))
for _ in range(8):
    b, body, e = pem("PRIVATE KEY"); block = "\\n".join([b] + body + [e]); kid = rnd(40, "0123456789abcdef")
    add(f'{{\n  "type": "service_account",\n  "project_id": "soc-prod-{R.randint(100, 999)}",\n  "private_key_id": "{kid}",\n  "private_key": "{block}\\n",\n  "client_email": "siem@soc-prod.iam.gserviceaccount.com"\n}}',
        ("gcp_service_account_key", kid), ("gcp_service_account_key", block), ("email", "siem@soc-prod.iam.gserviceaccount.com"))
for _ in range(12):
    k = azure_key() if R.random() < 0.6 else sas_key(); acc = "soclogs" + str(R.randint(1, 99))
    if len(k) > 60: add(f"DefaultEndpointsProtocol=https;AccountName={acc};AccountKey={k};EndpointSuffix=core.windows.net", ("azure_connection_string", k))
    else: add(f"Endpoint=sb://{acc}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={k}", ("azure_connection_string", k))
for _ in range(28):
    c = card(); add(R.choice([
        f"customer read card number {c} over the phone", f"PAN: {c} exp 09/28", f'{{"card":"{c}","cvv":"***"}}',
        f"DLP hit: credit card {c} in outbound mail", f"refund to {c} please",
    ]), ("credit_card", c))
for _ in range(18):
    i = iban(); add(R.choice([f"IBAN: {i}", f"wire the deposit to {i} today (urgent, CEO)", f'{{"beneficiary_iban": "{i}"}}', f"new bank details {i} — please update vendor record"]), ("iban", i))
for _ in range(14):
    s = ssn(); add(R.choice([f"SSN: {s}", f"applicant ssn {s} in the HR export", f"employee record: name=J. Doe dob=1984 ssn={s}", f"{s} was found in the leaked spreadsheet"]), ("us_ssn", s))
for _ in range(10):
    n = nino(); add(R.choice([f"NI number: {n}", f"National Insurance {n} on payslip", f"nino={n}"]), ("uk_nino", n))
for _ in range(10):
    d = dni(); add(R.choice([f"DNI: {d}", f"NIE/DNI del cliente {d}", f"documento={d}"]), ("es_dni", d))
for _ in range(10):
    b = bsn(); add(R.choice([f"BSN: {b}", f"burgerservicenummer {b}", f"bsn={b} in the payroll file"]), ("nl_bsn", b))
for _ in range(10):
    n = nir(); add(R.choice([f"NIR: {n}", f"numéro de sécurité sociale {n}", f"secu={n}"]), ("fr_nir", n))
for _ in range(10):
    s = sin(); add(R.choice([f"SIN: {s}", f"social insurance number {s}", f"NAS {s}"]), ("ca_sin", s))
for _ in range(10):
    p = pnr(); add(R.choice([f"personnummer {p}", f"pnr: {p}", f"Kund: Sven, personnummer={p}"]), ("se_personnummer", p))
for _ in range(10):
    s = steuer(); add(R.choice([f"Steuer-ID: {s}", f"steuerliche Identifikationsnummer {s}", f"tax id {s}"]), ("de_tax_id", s))
# mixed records: several secrets in one ticket
for _ in range(12):
    e = email(); p = pw(); k = akid(); ph = phone()
    add(f"INC-{R.randint(10000, 99999)} escalated by {e}\nattacker tried the leaked password={p} on the VPN\nkey {k} from {ip()}\ncallback {ph}",
        ("email", e), ("password", p), ("aws_access_key_id", k), ("phone", ph))

# ---- clean records: look-alikes that must survive
def sha(n): return rnd(n, "0123456789abcdef")
def uuid(): return f"{sha(8)}-{sha(4)}-4{sha(3)}-{R.choice('89ab')}{sha(3)}-{sha(12)}"
def bad_card():
    while True:
        n = "4" + rnd(15, string.digits)
        if not luhn_ok(n): return " ".join(n[i:i + 4] for i in range(0, 16, 4)) if R.random() < 0.5 else n
CERT = "-----BEGIN CERTIFICATE-----\n" + "\n".join(rnd(64, A + "+/") for _ in range(5)) + "\n-----END CERTIFICATE-----"
PUB = "-----BEGIN PUBLIC KEY-----\n" + "\n".join(rnd(64, A + "+/") for _ in range(3)) + "\n-----END PUBLIC KEY-----"
for _ in range(20): ok(f"{ts()} DENY tcp {ip()}:{R.randint(1024, 65535)} -> {R.choice(HOSTS)}:{R.choice([22, 443, 3389, 8080, 5432])} rule=fw-{R.randint(1, 300)}")
for _ in range(12): ok(f"IPv6 peer 2001:db8:{sha(4)}:{sha(4)}::{sha(4)} port {R.randint(1, 65535)} connected at {ts()}")
for _ in range(14): ok(R.choice([f"sha256={sha(64)} file=invoice.pdf.exe", f"md5: {sha(32)}", f"SHA1 {sha(40)} flagged by sandbox", f"IOC hash list:\n{sha(64)}\n{sha(64)}\n{sha(32)}"]))
for _ in range(12): ok(R.choice([f"commit {sha(40)}\nAuthor: build-bot\n\n    bump detection rules", f"fixed in {sha(7)} and {sha(12)}", f"git checkout {sha(40)}"]))
for _ in range(12): ok(R.choice([f"request_id={uuid()} status=200 latency_ms={R.randint(1, 900)}", f'{{"case_id": "{uuid()}", "tenant": "{uuid()}"}}', f"trace {uuid()} span {sha(16)}"]))
for _ in range(10): ok(R.choice([f"image: registry.acme-soc.com/soc/collector@sha256:{sha(64)}", f"pulled sha256:{sha(64)} for falco:0.39.{R.randint(0, 9)}"]))
for _ in range(6): ok(f"ca.crt:\n{CERT}\n")
for _ in range(5): ok(f"jwks signer:\n{PUB}")
for _ in range(6): ok(f"authorized_keys: ssh-rsa AAAAB3NzaC1yc2E{rnd(120, A + '+/')} ops@bastion")
for _ in range(6): ok(f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{rnd(43, A + '+/')} analyst@laptop")
for ph in ["${DB_PASSWORD}", "<password>", "****", "********", "changeme", "${{ secrets.API_KEY }}", "{{ .Values.password }}", "$DB_PASS", "%(password)s", "<your-api-key>", "REDACTED", "xxxxxxxx", "null", "", "${VAULT_TOKEN}", "<redacted>", "[REDACTED:password]", "example", "your_password_here", "secretRef:db-creds"]:
    ok(R.choice([f"DB_PASSWORD={ph}", f'{{"password": "{ph}"}}', f"password: {ph}", f"api_key={ph}", f"postgres://app:{ph}@db.corp.internal:5432/soc", f"client_secret: {ph}"]))
    ok(f"  env:\n    - name: API_TOKEN\n      value: \"{ph}\"\n    - name: PASSWORD\n      valueFrom: {{secretKeyRef: {{name: db, key: password}}}}")
for _ in range(12): ok(R.choice([f"card ending {bad_card()} declined (invalid number)", f"test number {bad_card()} failed Luhn", f"order {bad_card()} shipped"]))
for _ in range(14): ok(R.choice([f"order id {R.randint(10**9, 10**10)} shipped", f"ORD-{R.randint(2020, 2026)}-{R.randint(10000, 99999)}", f"ticket #{R.randint(100000, 999999)} closed", f"invoice INV{R.randint(10**7, 10**8)} due"]))
for _ in range(14): ok(R.choice([f"upgraded kernel 5.15.0-{R.randint(10, 130)}-generic", f"version 10.{R.randint(0, 20)}.{R.randint(0, 300)}.{R.randint(0, 9999)}", f"chrome/{R.randint(100, 130)}.0.{R.randint(1000, 6999)}.{R.randint(10, 200)}", f"build 2024.{R.randint(1, 12)}.{R.randint(1, 28)}-rc{R.randint(1, 5)}", f"OpenSSL 3.0.{R.randint(1, 15)} 30 Jan 2024"]))
for _ in range(14): ok(R.choice([f"epoch {R.randint(1700000000, 1790000000)} ms={R.randint(1700000000000, 1790000000000)}", f"at {ts()} and {ts()}", f"window 2026-03-01 00:00 to 2026-03-02 23:59", f"[{R.randint(1, 28):02d}/Nov/2026:{R.randint(0, 23):02d}:{R.randint(10, 59)}:{R.randint(10, 59)} +0000] \"GET /login\" 302"]))
for _ in range(10): ok(R.choice([f"listen 0.0.0.0:{R.randint(1, 65535)}", f"mac 00:1a:2b:{sha(2)}:{sha(2)}:{sha(2)} vlan {R.randint(1, 4094)}", f"pid {R.randint(100, 99999)} ppid {R.randint(1, 999)} uid 1000", f"CVE-{R.randint(2019, 2026)}-{R.randint(1000, 49999)} CVSS 9.8"]))
for _ in range(12): ok(R.choice([
    "Analyst note: the user reset their password via the portal; no credentials were shared.",
    "Reminder: never paste your token or api key into tickets. Rotate secrets quarterly.",
    "The password policy requires 14 characters; MFA is enforced for admins.",
    "Bearer tokens expire after one hour; refresh tokens after 24.",
    "token_type: Bearer\nexpires_in: 3600\nscope: read",
    "Set AWS_SECRET_ACCESS_KEY from the vault, not from the repo.",
    "password reset link sent to the user (address on file)",
    f"Sigma rule: detection: selection: CommandLine|contains: '-passin'",
    "grep -ri 'password' /etc --include=*.conf | wc -l",
    "secret rotation job finished: 14 rotated, 0 failed",
    "api_key header missing -> 401 from intel feed",
    f"throughput 1,234,567 events/s on {R.randint(2, 64)} cores",
]))
for _ in range(10): ok(R.choice([f"lat/long 48.{sha(4).translate(str.maketrans('abcdef', '123456'))}, 2.35{R.randint(10, 99)}", f"bytes_out={R.randint(10**6, 10**9)} bytes_in={R.randint(10**3, 10**6)}", f"sequence 1 2 3 4 5 6 7 8 9 10 11 12 13", f"temperature 21.5C humidity 40%", f"GUID {{{uuid().upper()}}}"]))

with open("secrets.jsonl", "w") as f:
    for r in secrets: f.write(json.dumps(r, ensure_ascii=False) + "\n")
with open("clean.jsonl", "w") as f:
    for r in clean: f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(secrets), sum(len(r["findings"]) for r in secrets), len(clean))
