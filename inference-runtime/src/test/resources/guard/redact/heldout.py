#!/usr/bin/env python3
"""Writes the held-out redaction corpus (heldout-secrets.jsonl, heldout-clean.jsonl).

Written by hand, separately from generate.py and before the redactor was tuned on it: every record below is a
literal carrier (log line, config file, shell history, HTTP dump, e-mail, CSV, Terraform, compose, k8s Secret...)
typed out one by one. Only the random bodies of tokens and keys come from a seeded generator, and the national ids,
cards and IBANs get their check digits computed here so they are valid (the look-alikes in the clean set are made
invalid the same way). Everything is invented.

Decisions the clean set encodes: documentation placeholders and well-known defaults (changeme, changeit,
your_password_here, xxxx, masked values) are not secrets; `user@host` in ssh/git commands is not an e-mail address;
values that are references (file paths, vault/Ansible/Terraform references, code expressions) are not passwords.
Addresses at example.com are still e-mail addresses (test data uses them); only bare example domains in prose are
in the clean set.

Run from this directory: python3 heldout.py.
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
S = []
def s(text, *items):
    S.append((text, list(items)))

# ---------------- emails ----------------
s("Return-Path: <bounce-7731@mailer.kontorbank.no>\nFrom: Ingrid Solheim <ingrid.solheim@kontorbank.no>\nTo: soc@fabrikam.io",
  ("email", "bounce-7731@mailer.kontorbank.no"), ("email", "ingrid.solheim@kontorbank.no"), ("email", "soc@fabrikam.io"))
s("[14:02] <dmitri> can someone reset MFA for a.kovacs+vpn@hq.vantage-energy.com? she's locked out",
  ("email", "a.kovacs+vpn@hq.vantage-energy.com"))
s("user_email,last_login,country\nwei.zhang@tsinghua-alumni.cn,2026-11-02,CN\nobrien.k@gmail.com,2026-10-30,IE",
  ("email", "wei.zhang@tsinghua-alumni.cn"), ("email", "obrien.k@gmail.com"))
s("Nov 28 09:14:03 mx1 postfix/smtp[2231]: 4F2A91C0: to=<p.ferreira@correio.gov.br>, relay=mx.gov.br[200.160.2.3]:25, status=sent",
  ("email", "p.ferreira@correio.gov.br"))
s("git log --format='%an <%ae>' | head -1\nJulien Marchand <julien.marchand@octo-labs.fr>",
  ("email", "julien.marchand@octo-labs.fr"))
s('{"actor":{"upn":"T.Nguyen@contoso.onmicrosoft.com","ip":"52.174.11.9"},"op":"MailItemsAccessed"}',
  ("email", "T.Nguyen@contoso.onmicrosoft.com"))
s("Hi team, forwarding the phish that hit hr-payroll@stadtwerke-linz.at this morning. Original sender: noreply@docusign-secure-view.top",
  ("email", "hr-payroll@stadtwerke-linz.at"), ("email", "noreply@docusign-secure-view.top"))
s("ERROR c.a.n.MailSender - could not deliver to sven.oneil@kanzlei-berlin.de: 550 5.1.1 user unknown",
  ("email", "sven.oneil@kanzlei-berlin.de"))
s("owner = \"platform-oncall@northbeam.dev\"  # terraform tag", ("email", "platform-oncall@northbeam.dev"))
s("mailto:Kenji.Watanabe@mirai-denki.co.jp?subject=VPN", ("email", "Kenji.Watanabe@mirai-denki.co.jp"))
s("ldapsearch result: mail: amara.okonkwo@lagos-fintech.ng", ("email", "amara.okonkwo@lagos-fintech.ng"))
s("reply-to header was ceo.office@rnicrosoft-support.com (note the rn)", ("email", "ceo.office@rnicrosoft-support.com"))

# ---------------- phones ----------------
s("Caller ID: (646) 555-0173, asked for the helpdesk", ("phone", "(646) 555-0173"))
s("callback number 312.555.0148 per ticket", ("phone", "312.555.0148"))
s("US support line 1-800-555-0199 (toll free)", ("phone", "1-800-555-0199"))
s("contact: +1 415 555 0132", ("phone", "+1 415 555 0132"))
s("Please ring me on 020 7946 0958 after 5pm", ("phone", "020 7946 0958"))
s("Mob: 07700 900461", ("phone", "07700 900461"))
s("Manchester office 0161 496 0734", ("phone", "0161 496 0734"))
s("UK desk: +44 (0)20 7946 0321", ("phone", "+44 (0)20 7946 0321"))
s("Rückruf bitte unter 030 12345678 (Zentrale)", ("phone", "030 12345678"))
s("Handy: 0151 23456789", ("phone", "0151 23456789"))
s("Tel. 089/12 34 56 7, Fax 089/12 34 56 8", ("phone", "089/12 34 56 7"), ("phone", "089/12 34 56 8"))
s("Kontakt: +49 (0) 40 3907 7418", ("phone", "+49 (0) 40 3907 7418"))
s("Standard : 01 42 68 53 00", ("phone", "01 42 68 53 00"))
s("portable 06.12.34.56.78 (M. Lefèvre)", ("phone", "06.12.34.56.78"))
s("Tél : +33 1 42 68 53 00", ("phone", "+33 1 42 68 53 00"))
s("Llámame al 612 34 56 78 cuando puedas", ("phone", "612 34 56 78"))
s("oficina Madrid 912 345 678", ("phone", "912 345 678"))
s("numero ufficio 06 6988 4857, cellulare 347 123 4567", ("phone", "06 6988 4857"), ("phone", "347 123 4567"))
s("bel me even op 06-12345678", ("phone", "06-12345678"))
s("receptie Amsterdam 020-7654321", ("phone", "020-7654321"))
s("ring växeln 08-123 456 78", ("phone", "08-123 456 78"))
s("mobil 070-123 45 67", ("phone", "070-123 45 67"))
s("東京オフィス 03-1234-5678 / 携帯 090-1234-5678", ("phone", "03-1234-5678"), ("phone", "090-1234-5678"))
s("WhatsApp +91 98765 43210", ("phone", "+91 98765 43210"))
s("Sydney office (02) 9374 4000", ("phone", "(02) 9374 4000"))
s("text me on 0412 345 678", ("phone", "0412 345 678"))
s("Telefone: (11) 91234-5678", ("phone", "(11) 91234-5678"))
s("Zürich: 044 668 18 00", ("phone", "044 668 18 00"))
s("+48 22 123 45 67 is the Warsaw SOC", ("phone", "+48 22 123 45 67"))
s("中国手机 +86 138 0013 8000", ("phone", "+86 138 0013 8000"))
s("Mexico CDMX +52 55 1234 5678", ("phone", "+52 55 1234 5678"))
s("phone,name\n+353 87 123 4567,Aoife\n+27 82 555 1234,Thabo",
  ("phone", "+353 87 123 4567"), ("phone", "+27 82 555 1234"))
s('{"msisdn":"4915112345678","event":"sim_swap"}', ("phone", "4915112345678"))
s("sms sent to +1-212-555-0187 status=delivered", ("phone", "+1-212-555-0187"))
s("Ring 0046 8 123 456 78 for the Stockholm NOC", ("phone", "0046 8 123 456 78"))
s("Kontakt Wien: +43 1 5877 2310", ("phone", "+43 1 5877 2310"))

# ---------------- passwords ----------------
s("# .env\nDB_HOST=db.internal\nDB_USER=orders\nDB_PASSWORD=Tr4vel-Kettle-93\n", ("password", "Tr4vel-Kettle-93"))
s("spring.datasource.password=9xQ!mR2v#Lp", ("password", "9xQ!mR2v#Lp"))
s("database:\n  host: pg-main\n  username: svc_billing\n  password: \"Aut0matic;Gate\"\n", ("password", "Aut0matic;Gate"))
s('{"db":{"user":"reporter","password":"m@rbleFox_2026"}}', ("password", "m@rbleFox_2026"))
s("postgresql://analytics:Qz8vN3wPh2@pg-ro.prod.svc:5432/warehouse?sslmode=require", ("password", "Qz8vN3wPh2"))
s("MONGO_URL=mongodb+srv://appuser:Lx9%40pK2m@cluster0.ab1cd.mongodb.net/shop?retryWrites=true", ("password", "Lx9%40pK2m"))
s("REDIS_URL=redis://:s8Fh2KdLq0@redis-master:6379/0", ("password", "s8Fh2KdLq0"))
s("broker_url = 'amqp://celery:Bunny7-Hop@rabbitmq:5672//'", ("password", "Bunny7-Hop"))
s("jdbc:postgresql://db01:5432/hr?user=hr_app&password=Vq7#pL2xW&ssl=true", ("password", "Vq7#pL2xW"))
s("jdbc:sqlserver://sql01:1433;databaseName=ERP;user=erp_svc;password=Sql$erv3r!;encrypt=true", ("password", "Sql$erv3r!"))
s("Server=tcp:sql-prod.database.windows.net,1433;Initial Catalog=crm;User ID=crmadmin;Password=K3ep!tSafe99;Encrypt=True;",
  ("password", "K3ep!tSafe99"))
s("Driver={ODBC Driver 18};Server=10.1.2.3;UID=report;PWD=R3p0rt!ng;", ("password", "R3p0rt!ng"))
s("$ mysql -h 10.0.3.7 -u root -pD0lphin!Root shop", ("password", "D0lphin!Root"))
s("history | grep curl\n  512  curl -u admin:Adm1n-Pa55 https://jenkins.acme.io/api/json", ("password", "Adm1n-Pa55"))
s("GET /api/v2/status HTTP/1.1\r\nHost: grafana.internal\r\nAuthorization: Basic b3BzOkdyQGZhbmEyMDI2IQ==\r\nAccept: */*",
  ("password", "b3BzOkdyQGZhbmEyMDI2IQ=="))
s("openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout pass:P12-Expo7t", ("password", "P12-Expo7t"))
s("ssh-keygen -t ed25519 -N 'correct-Horse-88' -f ~/.ssh/deploy", ("password", "correct-Horse-88"))
s("PGPASSWORD='w1nter$olstice' psql -h pg -U etl -c 'select 1'", ("password", "w1nter$olstice"))
s("docker run -d -e POSTGRES_PASSWORD=pgAdm1n_2026 -p 5432:5432 postgres:16", ("password", "pgAdm1n_2026"))
s("services:\n  db:\n    image: mariadb:11\n    environment:\n      MYSQL_ROOT_PASSWORD: r00t-M4ria\n      MYSQL_PASSWORD: \"wp-Us3r-pw\"\n",
  ("password", "r00t-M4ria"), ("password", "wp-Us3r-pw"))
s("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ldap-bind\nstringData:\n  bind_password: Ld4p-B1nd-Secr3t\n", ("password", "Ld4p-B1nd-Secr3t"))
s('resource "azurerm_linux_virtual_machine" "jump" {\n  admin_username = "azureuser"\n  admin_password = "J!mpB0x-2026"\n}',
  ("password", "J!mpB0x-2026"))
s("<server>\n  <id>nexus-releases</id>\n  <username>deployer</username>\n  <password>N3xus!Depl0y</password>\n</server>",
  ("password", "N3xus!Depl0y"))
s("ssl.keystore.password=Ks-9f2Lm!q\nssl.key.password=Kp-3xR7!w", ("password", "Ks-9f2Lm!q"), ("password", "Kp-3xR7!w"))
s('{"private_key_passphrase": "tangerine-Orbit-41"}', ("password", "tangerine-Orbit-41"))
s("ftp://backup:B4ckup_Nightly@ftp.fileserver.lan/dumps/", ("password", "B4ckup_Nightly"))
s("[chat] jess: the wifi password is Guest#Lounge24 btw", ("password", "Guest#Lounge24"))
s("sshpass -p 'Rout3r#Adm' ssh admin@10.9.0.1", ("password", "Rout3r#Adm"))
s("CREATE USER 'grafana'@'%' IDENTIFIED BY 'Gr4f!Read0nly';", ("password", "Gr4f!Read0nly"))
s("wget --user=mirror --password=M1rr0r-Sync http://mirror.lan/iso/", ("password", "M1rr0r-Sync"))
s("2026-11-30 10:22:01,118 DEBUG [ldap] bind dn=cn=svc-vpn,ou=svc,dc=corp,dc=lan pwd=VpN-b1nd-77 ok", ("password", "VpN-b1nd-77"))
s("login attempt: {'username': 'mlopez', 'password': 'Sunflower!1987'} from 10.4.4.2", ("password", "Sunflower!1987"))
s("smtp:\n  user: alerts@fabrikam.io\n  pass: SmtP-Re1ay-pw\n", ("email", "alerts@fabrikam.io"), ("password", "SmtP-Re1ay-pw"))
s("export ANSIBLE_BECOME_PASS=Bec0me-R00t", ("password", "Bec0me-R00t"))
s("git clone https://deploy:Xq8eLm2zP9@git.acme.io/infra/terraform.git", ("password", "Xq8eLm2zP9"))
s("keyPassphrase: \"sl0w-Riv3r-Bend\"", ("password", "sl0w-Riv3r-Bend"))
s("Passwort: Fruehling2026! (bitte nach dem ersten Login ändern)", ("password", "Fruehling2026!"))
s("mot de passe : Ch@teau-Vert9", ("password", "Ch@teau-Vert9"))

# ---------------- bearer / jwt ----------------
_t1 = rnd(40, AL + "-_")
s(f"curl -s -H 'Authorization: Bearer {_t1}' https://api.partner.io/v1/orders", ("bearer_token", _t1))
_t2 = "ya29.a0Ad52N" + rnd(60, AL + "-_")
s(f"2026-12-01T08:00:12.441Z DEBUG okhttp: --> Authorization: Bearer {_t2}", ("bearer_token", _t2))
_t3 = rnd(32, "0123456789abcdef")
s(f"POST /graphql HTTP/2\nhost: api.shopfront.io\nauthorization: Bearer {_t3}\ncontent-type: application/json", ("bearer_token", _t3))
_j1 = jwt('{"sub":"1029384756","name":"Lea Fischer","iat":1764600000,"exp":1764603600}')
s(f'{{"token_type":"Bearer","access_token":"{_j1}","expires_in":3600}}', ("jwt", _j1))
_j2 = jwt('{"iss":"https://login.microsoftonline.com/abc/v2.0","aud":"api://soc","oid":"77ab","roles":["Reader"]}', '{"alg":"RS256","kid":"nOo3ZDrODXEK1jKWhXslHR_KXEg","typ":"JWT"}')
s(f"Cookie: session={_j2}; theme=dark", ("jwt", _j2))
_j3 = jwt('{"user_id":42,"scope":"admin"}')
s(f"WARN AuthFilter rejected token {_j3} reason=expired", ("jwt", _j3))
_j4 = jwt('{"sub":"svc-ci","aud":"vault"}', '{"alg":"ES256","typ":"JWT"}')
s(f"VAULT_JWT={_j4}", ("jwt", _j4))
_t4 = rnd(48, AL)
s(f"headers = {{'Authorization': 'Bearer {_t4}', 'Accept': 'application/json'}}", ("bearer_token", _t4))
_t5 = "pat-na1-" + str(R.randint(10**7, 10**8)) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(12)
s(f"http GET https://api.hubapi.com/crm/v3/objects/contacts Authorization:'Bearer {_t5}'", ("bearer_token", _t5))

# ---------------- AWS ----------------
_a1 = "AKIA" + up(16); _s1 = b64(40).replace("+", "x")
s(f"[default]\naws_access_key_id = {_a1}\naws_secret_access_key = {_s1}\nregion = eu-west-1", ("aws_access_key_id", _a1), ("aws_secret_access_key", _s1))
_a2 = "AKIA" + up(16); _s2 = b64(40)
s(f"export AWS_ACCESS_KEY_ID={_a2}\nexport AWS_SECRET_ACCESS_KEY={_s2}", ("aws_access_key_id", _a2), ("aws_secret_access_key", _s2))
_a3 = "AKIA" + up(16); _s3 = b64(40)
s(f"User name,Password,Access key ID,Secret access key,Console login link\nci-deployer,,{_a3},{_s3},https://123456789012.signin.aws.amazon.com/console",
  ("aws_access_key_id", _a3), ("aws_secret_access_key", _s3))
_a4 = "ASIA" + up(16); _s4 = b64(40)
s(f'{{"Credentials":{{"AccessKeyId":"{_a4}","SecretAccessKey":"{_s4}","Expiration":"2026-12-03T18:00:00Z"}}}}',
  ("aws_access_key_id", _a4), ("aws_secret_access_key", _s4))
_a5 = "AKIA" + up(16); _s5 = b64(40)
s(f'provider "aws" {{\n  region     = "us-east-1"\n  access_key = "{_a5}"\n  secret_key = "{_s5}"\n}}', ("aws_access_key_id", _a5), ("aws_secret_access_key", _s5))
_a6 = "AKIA" + up(16)
s(f"2026-11-29T03:12:44Z botocore.credentials INFO Found credentials in environment variables. key={_a6}", ("aws_access_key_id", _a6))
_a7 = "AKIA" + up(16)
s(f"eventName=CreateAccessKey userIdentity.accessKeyId={_a7} sourceIPAddress=185.220.101.4", ("aws_access_key_id", _a7))
_s8 = b64(40)
s(f"AWS_SECRET_KEY: {_s8}", ("aws_secret_access_key", _s8))
_a9 = "AKIA" + up(16); _s9 = b64(40)
s(f"- name: configure aws\n  env:\n    AWS_ACCESS_KEY_ID: {_a9}\n    AWS_SECRET_ACCESS_KEY: {_s9}", ("aws_access_key_id", _a9), ("aws_secret_access_key", _s9))
_a10 = "AKIA" + up(16); _s10 = b64(40)
s(f"s3cmd --access_key={_a10} --secret_key={_s10} ls s3://backups", ("aws_access_key_id", _a10), ("aws_secret_access_key", _s10))

# ---------------- GitHub / Slack / generic ----------------
_g1 = "ghp_" + rnd(36)
s(f"git remote set-url origin https://{_g1}@github.com/acme/payments.git", ("github_token", _g1))
_g2 = "github_pat_11A" + rnd(19) + "_" + rnd(59)
s(f"GITHUB_TOKEN={_g2}", ("github_token", _g2))
_g3 = "ghs_" + rnd(36)
s(f"Run actions/checkout@v4\n  with:\n    token: {_g3}", ("github_token", _g3))
_g4 = "gho_" + rnd(36)
s(f'{{"oauth_token": "{_g4}", "user": "mkeller"}}', ("github_token", _g4))
_g5 = "ghp_" + rnd(36)
s(f"//npm.pkg.github.com/:_authToken={_g5}", ("github_token", _g5))
_sl1 = "xoxb-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**12, 10**13)) + "-" + rnd(24)
s(f"SLACK_BOT_TOKEN={_sl1}", ("slack_token", _sl1))
_sl2 = "xoxp-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**12, 10**13)) + "-" + hexs(32)
s(f"slack:\n  user_token: \"{_sl2}\"", ("slack_token", _sl2))
_sl3 = "xapp-1-A0" + up(9) + "-" + str(R.randint(10**12, 10**13)) + "-" + hexs(64)
s(f"SLACK_APP_TOKEN={_sl3}  # socket mode", ("slack_token", _sl3))
_wh1 = "https://hooks.slack.com/services/T0" + up(8) + "/B0" + up(8) + "/" + rnd(24)
s(f"curl -X POST -H 'Content-type: application/json' --data '{{\"text\":\"deploy done\"}}' {_wh1}", ("slack_webhook", _wh1))
_wh2 = "https://hooks.slack.com/services/T" + up(10) + "/B" + up(10) + "/" + rnd(24)
s(f'alertmanager:\n  receivers:\n  - name: soc\n    slack_configs:\n    - api_url: "{_wh2}"', ("slack_webhook", _wh2))
_k1 = "sk_live_" + rnd(24)
s(f"STRIPE_SECRET_KEY={_k1}", ("generic_api_key", _k1))
_k2 = "sk-proj-" + rnd(48, AL + "-_")
s(f"openai.api_key = \"{_k2}\"", ("generic_api_key", _k2))
_k3 = "sk-ant-api03-" + rnd(80, AL + "-_") + "AA"
s(f"export ANTHROPIC_API_KEY={_k3}", ("generic_api_key", _k3))
_k4 = "AIza" + rnd(35, AL + "-_")
s(f'<script src="https://maps.googleapis.com/maps/api/js?key={_k4}&callback=initMap"></script>', ("generic_api_key", _k4))
_k5 = "SG." + rnd(22, AL + "-_") + "." + rnd(43, AL + "-_")
s(f"sendgrid:\n  apiKey: {_k5}", ("generic_api_key", _k5))
_k6 = "glpat-" + rnd(20, AL + "-_")
s(f"git push https://oauth2:{_k6}@gitlab.com/acme/infra.git", ("generic_api_key", _k6))
_k7 = hexs(32)
s(f"DD_API_KEY={_k7}", ("generic_api_key", _k7))
_k8 = rnd(32)
s(f"GET /v1/search?q=rust HTTP/1.1\nHost: api.vendor.io\nX-API-Key: {_k8}\nUser-Agent: curl/8.5.0", ("generic_api_key", _k8))
_k9 = "npm_" + rnd(36)
s(f"//registry.npmjs.org/:_authToken={_k9}", ("generic_api_key", _k9))
_k10 = "hvs." + rnd(24, AL + "_-") 
s(f"$ export VAULT_TOKEN={_k10}\n$ vault kv get secret/prod/db", ("generic_api_key", _k10))
_k11 = "key-" + hexs(32)
s(f"MAILGUN_API_KEY: \"{_k11}\"", ("generic_api_key", _k11))
_k12 = rnd(40, AL)
s(f'{{"client_id":"webapp","client_secret":"{_k12}","grant_type":"client_credentials"}}', ("generic_api_key", _k12))
_k13 = "pypi-AgEIcHlwaS5vcmc" + rnd(60, AL + "-_")
_k14 = "shpat_" + hexs(32)
s(f"SHOPIFY_ACCESS_TOKEN={_k14}", ("generic_api_key", _k14))
_k15 = rnd(64, "0123456789abcdef")
_k16 = "dop_v1_" + hexs(64)
s(f"doctl auth init --access-token {_k16}", ("generic_api_key", _k16))
_k17 = rnd(32, AL)
s(f"https://api.weather-feed.io/v2/current?city=Oslo&apikey={_k17}", ("generic_api_key", _k17))

# ---------------- private keys ----------------
def pem(label, lines=5, indent="", sep="\n"):
    body = pem_body(lines)
    return sep.join([f"{indent}-----BEGIN {label}-----" if i == 0 else "" for i in range(1)] + [indent + l for l in body] + [f"{indent}-----END {label}-----"])
_p1 = pem("RSA PRIVATE KEY").lstrip()
s(f"$ cat ~/.ssh/id_rsa\n{_p1}\n$ ", ("private_key", _p1))
_p2 = pem("PRIVATE KEY", sep="\\n")
s(f'{{"tls_key": "{_p2}\\n", "tls_cert_ref": "vault:pki/web"}}', ("private_key", _p2))
_p3 = pem("EC PRIVATE KEY", 3, indent="    ").lstrip()
s(f"apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nstringData:\n  tls.key: |\n    {_p3}\n", ("private_key", _p3))
_p4 = pem("OPENSSH PRIVATE KEY", 6)
s(f"deploy_key: |\n  {_p4.replace(chr(10), chr(10) + '  ')}\n", ("private_key", _p4.replace("\n", "\n  ")))
_p5 = pem("ENCRYPTED PRIVATE KEY", 4)
s(f"2026-12-02 11:03:55 ERROR KeyLoader failed to parse key material:\n{_p5}\njava.security.InvalidKeyException: bad padding", ("private_key", _p5))
_p6 = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGX" + b64(57) + "\n" + b64(64) + "\n=" + rnd(4) + "\n-----END PGP PRIVATE KEY BLOCK-----"
s(f"backup of the signing key:\n{_p6}", ("private_key", _p6))
_p7 = pem("RSA PRIVATE KEY", 3, sep="\\n")
s(f'resource "tls_cert" "x" {{ private_key_pem = "{_p7}" }}', ("private_key", _p7))
_p8 = "-----BEGIN PRIVATE KEY-----\n" + b64(64) + "\n" + b64(64) + "\n" + b64(30)
s(f"log excerpt (truncated at 200 chars): {_p8}", ("private_key", _p8))

# ---------------- azure ----------------
_az1 = b64(86) + "=="
s(f"AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=socarchive01;AccountKey={_az1};EndpointSuffix=core.windows.net",
  ("azure_connection_string", _az1))
_az2 = b64(43) + "="
s(f'"ServiceBus": "Endpoint=sb://orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={_az2}"',
  ("azure_connection_string", _az2))
_az3 = b64(86) + "=="
s(f"AccountEndpoint=https://catalog-db.documents.azure.com:443/;AccountKey={_az3};", ("azure_connection_string", _az3))
_az4 = rnd(43, AL) + "%3D"
s(f"https://socarchive01.blob.core.windows.net/exports/report.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-31T00:00:00Z&sig={_az4}",
  ("azure_connection_string", _az4))
_az5 = b64(43) + "="
s(f"Endpoint=sb://telemetry-hub.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey={_az5};EntityPath=events",
  ("azure_connection_string", _az5))
_az6 = b64(86) + "=="
s(f"storage:\n  connectionString: \"DefaultEndpointsProtocol=https;AccountName=mlfeatures;AccountKey={_az6}\"", ("azure_connection_string", _az6))

# ---------------- gcp ----------------
_gk1 = hexs(40); _gp1 = pem("PRIVATE KEY", 4, sep="\\n")
s('{\n  "type": "service_account",\n  "project_id": "soc-ingest-prod",\n  "private_key_id": "' + _gk1 + '",\n  "private_key": "' + _gp1 + '\\n",\n  "client_email": "ingest@soc-ingest-prod.iam.gserviceaccount.com"\n}',
  ("gcp_service_account_key", _gk1), ("gcp_service_account_key", _gp1))
_gk2 = hexs(40); _gp2 = pem("PRIVATE KEY", 3, sep="\\n")
s('{"type":"service_account","project_id":"bq-reports","private_key_id":"' + _gk2 + '","private_key":"' + _gp2 + '\\n","client_id":"104' + str(R.randint(10**17, 10**18)) + '"}',
  ("gcp_service_account_key", _gk2), ("gcp_service_account_key", _gp2))
_gk3 = hexs(40)
s('GOOGLE_CREDENTIALS: {"type": "service_account", "private_key_id": "' + _gk3 + '", "client_email": "tf@infra.iam.gserviceaccount.com"}',
  ("gcp_service_account_key", _gk3))

# ---------------- cards ----------------
c1 = card("4", 16); s(f"Card: {grp(c1,[4,4,4,4],' ')} exp 09/28", ("credit_card", grp(c1, [4,4,4,4], " ")))
c2 = card("5", 16).replace("5", "5", 1); c2 = luhn("54" + rnd(13, string.digits))
s(f"pan={c2}&exp=1129&cvv=***", ("credit_card", c2))
c3 = luhn("37" + rnd(12, string.digits)); s(f"AMEX {grp(c3,[4,6,5],' ')} charged twice", ("credit_card", grp(c3, [4,6,5], " ")))
c4 = luhn("6011" + rnd(11, string.digits)); s(f"customer,card\nR. Patel,{grp(c4,[4,4,4,4],'-')}", ("credit_card", grp(c4, [4,4,4,4], "-")))
c5 = luhn("2223" + rnd(11, string.digits)); s(f'{{"payment":{{"number":"{c5}","brand":"mastercard"}}}}', ("credit_card", c5))
c6 = luhn("3530" + rnd(11, string.digits)); s(f"JCB カード番号 {grp(c6,[4,4,4,4],' ')}", ("credit_card", grp(c6, [4,4,4,4], " ")))
c7 = luhn("36" + rnd(11, string.digits)); s(f"Diners {grp(c7,[4,6,4],' ')}", ("credit_card", grp(c7, [4,6,4], " ")))
c8 = luhn("4" + rnd(14, string.digits)); s(f"2026-12-01 12:00:01 WARN payment declined card={c8} amount=129.00 EUR", ("credit_card", c8))
c9 = luhn("62" + rnd(16, string.digits)); s(f"UnionPay card {c9}", ("credit_card", c9))
c10 = luhn("5" + "3" + rnd(13, string.digits)); s(f"hey can u pay with my card {grp(c10,[4,4,4,4],'')} exp 03/27 cvc 381", ("credit_card", c10))
c11 = luhn("4" + rnd(14, string.digits)); s(f"Kartennummer: {grp(c11,[4,4,4,4],' ')}", ("credit_card", grp(c11, [4,4,4,4], " ")))
c12 = luhn("6" + "5" + rnd(13, string.digits)); s(f"card ending ... full: {grp(c12,[4,4,4,4],'-')}", ("credit_card", grp(c12, [4,4,4,4], "-")))

# ---------------- IBAN ----------------
i1 = iban("DE", "37040044" + "0532013000"); s(f"Bitte überweisen an IBAN {i1} (Commerzbank)", ("iban", i1))
i2 = iban("GB", "NWBK" + "60161331926819"); s(f"Beneficiary IBAN: {i2}", ("iban", i2))
i3 = iban("FR", "20041010050500013M02606"); s(f"RIB / IBAN : {i3}", ("iban", i3))
i4 = iban("NL", "ABNA0417164300", False); s(f"iban={i4};bic=ABNANL2A", ("iban", i4))
i5 = iban("ES", "21000418450200051332"); s(f"Cuenta: {i5}", ("iban", i5))
i6 = iban("IT", "X0542811101000000123456"); s(f"IBAN {i6} intestato a Rossi", ("iban", i6))
i7 = iban("CH", "00762011623852957"); s(f"Zahlung an {i7}", ("iban", i7))
i8 = iban("BE", "539007547034", False); s(f'{{"beneficiary":"Janssens","iban":"{i8}"}}', ("iban", i8))
i9 = iban("PL", "109010140000071219812874"); s(f"numer konta: {i9}", ("iban", i9))
i10 = iban("SE", "50000000058398257466"); s(f"Vendor bank change request: new account {i10}, please update before Friday", ("iban", i10))
i11 = iban("AT", "1904300234573201"); s(f"IBAN: {i11.lower()}" if False else f"IBAN: {i11}", ("iban", i11))

# ---------------- national ids ----------------
s("Employee SSN: 536-22-8145", ("us_ssn", "536-22-8145"))
s("ssn=219 45 6712", ("us_ssn", "219 45 6712"))
s("W-2 ... Social Security Number 123456780", ("us_ssn", "123456780"))
s("first_name,last_name,ssn,dob\nMaria,Lopez,412-68-3301,1984-03-12", ("us_ssn", "412-68-3301"))
s("applicant SSN#: 078-05-1121", ("us_ssn", "078-05-1121"))
s("NI number: AB 12 34 56 C", ("uk_nino", "AB 12 34 56 C"))
s("nino,name\nJH654321A,Harris", ("uk_nino", "JH654321A"))
s("National Insurance No. CE402177B", ("uk_nino", "CE402177B"))
_d1 = dni("48291037"); s(f"DNI {_d1} del titular", ("es_dni", _d1))
_d2 = dni("05938472"); s(f"NIF: {_d2[:8]}-{_d2[8]}", ("es_dni", f"{_d2[:8]}-{_d2[8]}"))
_d3 = nie("X", "4819273"); s(f"NIE del trabajador: {_d3}", ("es_dni", _d3))
_d4 = nie("Y", "2039481"); s(f'{{"documento":"{_d4}","tipo":"NIE"}}', ("es_dni", _d4))
_b1 = bsn("11122233") or bsn("11122234"); s(f"BSN-nummer: {_b1}", ("nl_bsn", _b1))
_b2 = bsn("23456781") or bsn("23456782"); s(f"burgerservicenummer {_b2[:4]}.{_b2[4:6]}.{_b2[6:]}", ("nl_bsn", f"{_b2[:4]}.{_b2[4:6]}.{_b2[6:]}"))
_b3 = bsn("30495821") or bsn("30495822"); s(f"klant,bsn\nde Vries,{_b3}", ("nl_bsn", _b3))
_n1 = nir("1850578006084"); s(f"N° de sécurité sociale : {_n1[0]} {_n1[1:3]} {_n1[3:5]} {_n1[5:7]} {_n1[7:10]} {_n1[10:13]} {_n1[13:]}",
  ("fr_nir", f"{_n1[0]} {_n1[1:3]} {_n1[3:5]} {_n1[5:7]} {_n1[7:10]} {_n1[10:13]} {_n1[13:]}"))
_n2 = nir("2920375120033"); s(f"NIR={_n2}", ("fr_nir", _n2))
_n3 = nir("1690699350128"); s(f"numéro INSEE {_n3}", ("fr_nir", _n3))
_c1 = sin("04628171"); _c1 = sin("14628171"); s(f"SIN: {_c1[:3]} {_c1[3:6]} {_c1[6:]}", ("ca_sin", f"{_c1[:3]} {_c1[3:6]} {_c1[6:]}"))
_c2 = sin("52739184"); s(f"Social Insurance Number {_c2}", ("ca_sin", _c2))
_c3 = sin("71930462"); s(f"employee_sin,province\n{_c3[:3]}-{_c3[3:6]}-{_c3[6:]},ON", ("ca_sin", f"{_c3[:3]}-{_c3[3:6]}-{_c3[6:]}"))
_s1 = pnr("850709", "938"); s(f"Personnummer: {_s1[:6]}-{_s1[6:]}", ("se_personnummer", f"{_s1[:6]}-{_s1[6:]}"))
_s2 = pnr("920314", "274"); s(f"personnr 19{_s2}", ("se_personnummer", f"19{_s2}"))
_s3 = pnr("011130", "402"); s(f"kund: A. Lindgren, 20{_s3[:6]}-{_s3[6:]}", ("se_personnummer", f"20{_s3[:6]}-{_s3[6:]}"))
_t1x = detax("8609574271"); s(f"Steuerliche Identifikationsnummer: {_t1x}", ("de_tax_id", _t1x))
_t2x = detax("2574190363"); s(f"IdNr {_t2x[:2]} {_t2x[2:5]} {_t2x[5:8]} {_t2x[8:]}", ("de_tax_id", f"{_t2x[:2]} {_t2x[2:5]} {_t2x[5:8]} {_t2x[8:]}"))
_t3x = detax("4716230945"); s(f'{{"steuer_id":"{_t3x}","name":"K. Wagner"}}', ("de_tax_id", _t3x))

# ---------------- mixed realistic carriers ----------------
_a11 = "AKIA" + up(16)
s(f"Hi Tom,\n\nthe new contractor is Priya Raman (priya.raman@brightlane.co.uk, 07700 900877). Her temporary AWS key is {_a11}.\n\nThanks",
  ("email", "priya.raman@brightlane.co.uk"), ("phone", "07700 900877"), ("aws_access_key_id", _a11))
s("Exception in thread \"main\" java.sql.SQLException: Access denied for user 'app'@'10.2.0.4' (using password: YES)\n\tat com.mysql.cj.jdbc.ConnectionImpl.<init>(ConnectionImpl.java:451)\n\turl=jdbc:mysql://app:Mys9l-App-Pw@10.2.0.9:3306/shop",
  ("password", "Mys9l-App-Pw"))
_k18 = rnd(40, AL)
s(f"Traceback (most recent call last):\n  File \"sync.py\", line 88, in <module>\n    client = Client(api_key=\"{_k18}\")\nrequests.exceptions.HTTPError: 401", ("generic_api_key", _k18))
c13 = luhn("4" + rnd(14, string.digits)); _e13 = "d.marin@telefonica-latam.com"
s(f"name,email,card,phone\nDiego Marín,{_e13},{c13},+34 612 345 987", ("email", _e13), ("credit_card", c13), ("phone", "+34 612 345 987"))

# ---------------- more carriers ----------------
s("$ kubectl get secret pg-app -n shop -o go-template='{{range $k,$v := .data}}{{$k}}={{$v|base64decode}}{{\"\\n\"}}{{end}}'\nhost=pg-app.shop.svc\npassword=Pg-Sh0p-R3plica\nusername=shop",
  ("password", "Pg-Sh0p-R3plica"))
s("$ echo 'cGFzc3dvcmQ9' | base64 -d; kubectl get secret redis -o jsonpath='{.data.redis-password}' | base64 -d\nredis-password: Rd5-Cache!2026",
  ("password", "Rd5-Cache!2026"))
_j5 = jwt('{"sub":"ops@fabrikam.io","tid":"9188","exp":1764800000}')
s(f"POST /api/v1/incidents HTTP/1.1\nHost: soc.fabrikam.io\nAuthorization: Bearer {_j5}\nContent-Type: application/json\n\n{{\"title\":\"phish\"}}",
  ("jwt", _j5))
_t6 = rnd(64, AL)
s(f"> GET /v2/catalog HTTP/1.1\n> Host: registry.acme.io\n> Authorization: Bearer {_t6}\n< HTTP/1.1 200 OK", ("bearer_token", _t6))
_j6 = jwt('{"iss":"gitlab.acme.io","sub":"project_path:infra/tf:ref_type:branch:ref:main","aud":"sts.amazonaws.com"}', '{"alg":"RS256","typ":"JWT","kid":"4i3sFE7sxqNPOT7FdvcGA1ZVGGI_r-tsDXnEuYT4ZqE"}')
s(f"CI_JOB_JWT_V2: {_j6}", ("jwt", _j6))
_sl4 = "xoxb-" + str(R.randint(10**11, 10**12)) + "-" + str(R.randint(10**12, 10**13)) + "-" + rnd(24)
s(f"2026-12-02T10:11:12Z ERROR slack_sdk.errors.SlackApiError: invalid_auth token={_sl4}", ("slack_token", _sl4))
_wh3 = "https://hooks.slack.com/services/T0" + up(8) + "/B0" + up(9) + "/" + rnd(24)
s(f'{{"notify":{{"type":"slack","url":"{_wh3}"}}}}', ("slack_webhook", _wh3))
_wh4 = "https://hooks.slack.com/triggers/T0" + up(8) + "/" + str(R.randint(10**12, 10**13)) + "/" + hexs(32)
s(f"SLACK_WORKFLOW_URL={_wh4}", ("slack_webhook", _wh4))
_a12 = "AKIA" + up(16); _s12 = b64(40)
s(f'resource "aws_iam_access_key" "ci" {{ user = "ci" }}\n# terraform.tfstate:\n"id": "{_a12}",\n"secret": "{_s12}",',
  ("aws_access_key_id", _a12), ("aws_secret_access_key", _s12))
_s13 = b64(40)
s(f"aws configure set aws_secret_access_key {_s13} --profile prod", ("aws_secret_access_key", _s13))
_p9 = pem("RSA PRIVATE KEY", 4, indent="      ")
s(f"ssh:\n  hosts:\n    bastion:\n      identity: |\n{_p9}\n", ("private_key", _p9.lstrip()))
_p10 = pem("PRIVATE KEY", 3, sep="\\n")
s(f'kubectl create secret generic sa --from-literal=key="{_p10}"', ("private_key", _p10))
s("version: \"3.9\"\nservices:\n  api:\n    image: acme/api:2.4.1\n    environment:\n      - DATABASE_URL=postgres://api:Api-D8-Pw-77@db:5432/api\n      - REDIS_URL=redis://default:Rd-Api-55x@cache:6379",
  ("password", "Api-D8-Pw-77"), ("password", "Rd-Api-55x"))
s('variable "db_password" {\n  type      = string\n  default   = "Tf-Def4ult-Pw!"\n  sensitive = true\n}', ("password", "Tf-Def4ult-Pw!"))
s("DATABASE_URL=mysql://wp:Wp%24ecure99@mysql.internal/wordpress", ("password", "Wp%24ecure99"))
s("spring:\n  rabbitmq:\n    host: mq\n    username: orders\n    password: 0rders-MQ-pw\n", ("password", "0rders-MQ-pw"))
s("- name: Create DB user\n  community.mysql.mysql_user:\n    name: app\n    password: \"Ans1ble-Db-Us3r\"\n    priv: 'app.*:ALL'",
  ("password", "Ans1ble-Db-Us3r"))
s("[client]\nuser=backup\npassword=\"My-Cnf-Backup-9\"", ("password", "My-Cnf-Backup-9"))
s("ldap_bind_pw: L!dapBind2026", ("password", "L!dapBind2026"))
s("Host=pg.internal;Port=5432;Database=erp;Username=erp;Password=Npg$ql-Erp-1;SSL Mode=Require", ("password", "Npg$ql-Erp-1"))
s("psql \"host=10.0.0.5 dbname=ops user=ops password=Ops-Psql-42\"", ("password", "Ops-Psql-42"))
s("$ htpasswd -b -c /etc/nginx/.htpasswd admin Ng1nx-Adm!n", ("password", "Ng1nx-Adm!n"))
s("AMQP_URL=amqps://ingest:Ingest-Rabb1t-7@b-1234.mq.eu-west-1.amazonaws.com:5671", ("password", "Ingest-Rabb1t-7"))
s("2026-12-01 04:00:00 INFO Connecting to mongodb://backup:Mongo-Bkp-31@mongo-0.mongo:27017,mongo-1.mongo:27017/admin?replicaSet=rs0",
  ("password", "Mongo-Bkp-31"))
s("telnet> login: admin\nPassword: Sw1tch-Core-01\n% Login invalid", ("password", "Sw1tch-Core-01"))
_dd = hexs(32)
s(f"datadog:\n  apiKey: {_dd}", ("generic_api_key", _dd))
_tw = "SK" + hexs(32); _tws = rnd(32)
s(f"TWILIO_API_KEY={_tw}\nTWILIO_API_SECRET={_tws}", ("generic_api_key", _tw), ("generic_api_key", _tws))
_hf = "hf_" + rnd(34)
s(f"huggingface-cli login --token {_hf}", ("generic_api_key", _hf))
_pk = "sk_live_" + rnd(99)
s(f"Stripe::API_KEY = '{_pk}'", ("generic_api_key", _pk))

# more national ids / ssn / phones / ibans / cards
s("Dear Sir, my social security number is 287-65-4321 and my DOB 04/12/1979.", ("us_ssn", "287-65-4321"))
s("SSN (last check): 601 44 2378", ("us_ssn", "601 44 2378"))
s("nino: PY 80 12 45 D", ("uk_nino", "PY 80 12 45 D"))
s("HMRC record for tax year 2025/26, NI No SK123987A", ("uk_nino", "SK123987A"))
_d5 = dni("71829304"); s(f"dni,nombre\n{_d5},Lucía Gómez", ("es_dni", _d5))
_d6 = nie("Z", "5512093"); s(f"NIE {_d6[0]}-{_d6[1:8]}-{_d6[8]}", ("es_dni", f"{_d6[0]}-{_d6[1:8]}-{_d6[8]}"))
_b4 = bsn("15928374") or bsn("15928375"); s(f"BSN {_b4[:3]} {_b4[3:6]} {_b4[6:]}", ("nl_bsn", f"{_b4[:3]} {_b4[3:6]} {_b4[6:]}"))
_b5 = bsn("28374650") or bsn("28374651"); s(f'{{"bsn": "{_b5}", "gemeente": "Utrecht"}}', ("nl_bsn", _b5))
_n4 = nir("2850275056123"); s(f"sécu: {_n4[:1]} {_n4[1:3]} {_n4[3:5]} {_n4[5:7]} {_n4[7:10]} {_n4[10:13]} {_n4[13:]}",
  ("fr_nir", f"{_n4[:1]} {_n4[1:3]} {_n4[3:5]} {_n4[5:7]} {_n4[7:10]} {_n4[10:13]} {_n4[13:]}"))
_n5 = nir("178082A004007"); s(f"NIR (Corse) {_n5}", ("fr_nir", _n5))
_c4 = sin("46281937"); s(f"NAS: {_c4[:3]} {_c4[3:6]} {_c4[6:]}", ("ca_sin", f"{_c4[:3]} {_c4[3:6]} {_c4[6:]}"))
_c5 = sin("27391846"); s(f"T4 slip, SIN {_c5[:3]}-{_c5[3:6]}-{_c5[6:]}", ("ca_sin", f"{_c5[:3]}-{_c5[3:6]}-{_c5[6:]}"))
_s4 = pnr("780225", "315"); s(f"pnr={_s4}", ("se_personnummer", _s4))
_s5 = pnr("650830", "128"); s(f"Samtal från kund med personnummer 19{_s5[:6]}-{_s5[6:]} om fakturan", ("se_personnummer", f"19{_s5[:6]}-{_s5[6:]}"))
_t4x = detax("3950218643"); s(f"Steuer-IdNr.: {_t4x[:2]} {_t4x[2:5]} {_t4x[5:8]} {_t4x[8:]}", ("de_tax_id", f"{_t4x[:2]} {_t4x[2:5]} {_t4x[5:8]} {_t4x[8:]}"))
_t5x = detax("6173902851"); s(f"Mitarbeiter;Steuer-ID;Klasse\nHuber;{_t5x};1", ("de_tax_id", _t5x))
i12 = iban("NO", "86011117947", False); s(f"kontonummer/IBAN {i12}", ("iban", i12))
i13 = iban("IE", "AIBK93115212345678"); s(f"Please pay invoice 2231 to {i13} (AIB)", ("iban", i13))
c14 = luhn("4" + rnd(14, string.digits)); s(f"card_number: \"{grp(c14,[4,4,4,4],'-')}\"", ("credit_card", grp(c14, [4,4,4,4], "-")))
c15 = luhn("51" + rnd(13, string.digits)); s(f"INSERT INTO payments VALUES (1, 'Ana', '{c15}', '12/28');", ("credit_card", c15))
s("Contact the on-call engineer at +44 7700 900 123 or +1 (202) 555-0143.", ("phone", "+44 7700 900 123"), ("phone", "+1 (202) 555-0143"))
s("Telefon: 0711 123456-0", ("phone", "0711 123456-0"))
s("téléphone: 04 91 55 24 10", ("phone", "04 91 55 24 10"))
s("Tel +39 02 1234 5678", ("phone", "+39 02 1234 5678"))
s("call me 555-867-5309", ("phone", "555-867-5309"))
s("Fax: +1.617.555.0122", ("phone", "+1.617.555.0122"))
s("emergency contact: Kim Jae-won, 010-1234-5678", ("phone", "010-1234-5678"))
C = []
def c(text): C.append(text)

# network
c("2026-12-03T09:12:44Z sshd[1822]: Failed password for invalid user admin from 185.220.101.44 port 51234 ssh2")
c("Accepted publickey for deploy from 10.12.0.5 port 40022 ssh2: ED25519 SHA256:Jd8k2sQm3u9xZ1vR7yT0bN5cW4eA6fH2gL8pK1oI3uE")
c("allow from 192.0.2.0/24, 198.51.100.0/25 and 2001:db8:abcd:12::/64")
c("IPv6 neighbor fe80::1c2a:3bff:fe4d:5e6f%eth0 reachable")
c("peer 2001:0db8:85a3:0000:0000:8a2e:0370:7334 sent RST")
c("netflow src=172.31.255.254:443 dst=100.64.12.9:61522 bytes=150224 packets=212")
c("ARP: who-has 10.0.0.1 tell 10.0.0.57 (aa:bb:cc:dd:ee:ff)")
c("switchport 1/0/24 learned MAC 00-1A-2B-3C-4D-5E on VLAN 120")
c("iptables -A INPUT -s 203.0.113.0/24 -p tcp --dport 22 -j DROP")
c("nmap -sV -p 1-65535 10.10.14.0/23 --min-rate 5000")
c("listening on 0.0.0.0:8080, [::]:8443 and unix:/run/app.sock")
c("X-Forwarded-For: 203.0.113.195, 70.41.3.18, 150.172.238.178")
c("dig +short mx1.fabrikam.io -> 40.107.22.64 TTL 3600")
c("BGP neighbor 192.0.2.254 remote-as 64512 state Established, prefixes 812341")
c("Server: nginx/1.25.3 (Ubuntu) at 10.0.5.23 port 80")

# hashes, shas, uuids, digests
c("md5(invoice.pdf.exe) = 5d41402abc4b2a76b9719d911017c592")
c("sha1 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 flagged by VT (41/72)")
c("SHA256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
c("IOC list\n44d88612fea8a8f36de82e1278abb02f\n3395856ce81f2b7382dee72602f798b642f14140\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
c("commit 8c3a1f0e9b7d6c5a4f3e2d1c0b9a8f7e6d5c4b3a\nAuthor: build-bot\nDate:   Tue Dec 1 10:00:00 2026 +0000")
c("Merge pull request #4412 from feature/redact (a1b2c3d) into main (e5f6a7b)")
c("git cherry-pick 4e1f2a9 && git revert --no-edit 77c0de1")
c("trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7")
c("traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
c("tenant 3fa85f64-5717-4562-b3fc-2c963f66afa6 quota exceeded (user 6ba7b810-9dad-11d1-80b4-00c04fd430c8)")
c("ResourceId: /subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-soc/providers/Microsoft.Storage/storageAccounts/socarchive01")
c("image: ghcr.io/acme/collector@sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
c("FROM python:3.12-slim@sha256:af4e85f1cac90dd3771e47292ea7c8a9830abfabbe4faa5c53f158854c2e819d")
c("Digest: sha256:0a9a5bb4a4a2c1a3f5ee1f8bd5d8f3c3fcd6c1f5a9b7e6d4c3b2a1908f7e6d5c Status: Downloaded newer image")
c('"etag": "\\"33a64df551425fcc55e4d42a148795d9f25f89d4\\""')
c("ssdeep 96:kd7Bz0q1ZbXy3wL:kd7Bz0q1ZbX imphash f34d5f2d4577ed6d9ceec516c1f5a744")
c("ja3=771,4865-4866-4867-49195,0-23-65281,29-23-24,0 ja3_hash=cd08e31494f9531f560d64c695473da9")
c("Kerberos ticket enc type 0x12, session key hash 3c7a9f0b2e1d4c5a6b7e8f9a0b1c2d3e")

# public keys / certs
c("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQC7vbqajDhA3k+9mF2dH1oXz7wQy8pLmN4rT5sU6vW7xY8zA9bC0dE1fG2hI3jK4lM5nO6pQ7rS8tU9vW0xY1zA2bC3dE4fG5hI6jK7lM8nO9pQ0rS1tU2vW3xY4zA5bC6dE7fG8hI9jK0lM= deploy@ci")
c("authorized_keys:\n- ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@laptop")
c("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u\n+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyeh\n-----END PUBLIC KEY-----")
c("ca.crt: |\n  -----BEGIN CERTIFICATE-----\n  MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n  RTESMBAGA1UEChMJQmFsdGltb3JlMRMwEQYDVQQLEwpDeWJlclRydXN0MSIwIAYD\n  -----END CERTIFICATE-----")
c('{"x5c":["MIIC+DCCAeCgAwIBAgIJBIGjYW6hFpn2MA0GCSqGSIb3DQEBBQUAMCMxITAfBgNVBAMTGGN1c3RvbWVyLWRlbW9zLmF1dGgwLmNvbTAeFw0xNjExMjIyMjIyMDVaFw0zMDA4MDEyMjIyMDVaMCMx"],"kty":"RSA","use":"sig","n":"yeNlzlub94YgerT030codqEztjfU_S6X4DbDA_iVKkjAWtYfPHDzz_sPCT1Axz6isZdf3lHpq_gYX4Sz-cbe4rjmigxUxr-FgKHQy3HeCdK6hNq9ASQvMK9LBOpXDNn7mei6RZWom4wo3CMvvsY1w8tjtfLb-yQwJPltHxShZq5-ihC9irpLI9xEBTgG12q5lGIFPhTl_7inA1PFK97LuSLnTJzW0bj096v_TMDg7pOWm_zHtF53qbVsI0e3v5nmdKXdFf9BjIARRfVrbxVxiZHjU6zL6jY5QJdh1QCmENoejj_ytspMmGW7yMRxzUqgxcAqOBpVm0b-_mW3HoBdjQ","e":"AQAB","kid":"NjVBRjY5MDlCMUIwNzU4RTA2QzZFMDQ4QzQ2MDAyQjVDNjk1RTM2Qg"}')
c("-----BEGIN CERTIFICATE REQUEST-----\nMIICvDCCAaQCAQAwdzELMAkGA1UEBhMCVVMxDTALBgNVBAgMBFV0YWgxDzANBgNV\nBAcMBkxpbmRvbjEWMBQGA1UECgwNRGlnaUNlcnQgSW5jLjERMA8GA1UECwwIRGln\n-----END CERTIFICATE REQUEST-----")
c("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGX3k2ABEADL8vTyq1a2b3c4d5e6f7g8h9i0j1k2l3m4n5o6p7q8r9s0t1u2v3\n=Ab12\n-----END PGP PUBLIC KEY BLOCK-----")
c("tls_cert_fingerprint = \"SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8\"")
c("known_hosts: github.com ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2w0WZ2YB/++Tpockg=")
c('"public_key": "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"')

# placeholders and docs
c("DB_PASSWORD=${DB_PASSWORD}")
c("password: {{ .Values.postgresql.auth.password }}")
c("password: \"{{ vault_db_password }}\"")
c("curl -H 'X-API-Key: <your-api-key>' https://api.vendor.io/v1/ping")
c("Authorization: Bearer <token>")
c("Authorization: Bearer $ACCESS_TOKEN")
c("export AWS_SECRET_ACCESS_KEY=<secret>")
c("aws_secret_access_key = YOUR_SECRET_ACCESS_KEY_HERE")
c("api_key: \"REPLACE_ME\"")
c("token: ${{ secrets.GITHUB_TOKEN }}")
c("password=")
c('"password": ""')
c("password: null")
c("MYSQL_PASSWORD: ********")
c("spring.datasource.password=${SPRING_DATASOURCE_PASSWORD:}")
c("PASSWORD=%PASSWORD%")
c("password = os.environ[\"DB_PASSWORD\"]")
c("db_password = var.db_password")
c("password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256")
c("POSTGRES_PASSWORD_FILE=/run/secrets/postgres_password")
c("password_file: /etc/app/secrets/db.pw")
c("# Set the password with: kubectl create secret generic db --from-literal=password=<password>")
c("See docs: the `password` field is required and must be at least 12 characters.")
c("postgres://user:password@localhost:5432/dbname")
c("mongodb://<username>:<password>@host:27017")
c("redis://:${REDIS_PASSWORD}@redis:6379")
c("secretKeyRef:\n  name: app-secrets\n  key: api-token")
c("valueFrom:\n  secretKeyRef: {name: db-creds, key: password}")
c("Please send questions to the address listed on example.com or www.example.org.")
c("Reset your password at https://id.fabrikam.io/reset?flow=password")
c("password_min_length=12 password_max_age_days=90 password_history=5")
c("\"passwordLastSet\": \"2026-11-02T08:15:00Z\"")
c("pwdLastSet: 133780512000000000")
c("PasswordAuthentication no\nPermitRootLogin prohibit-password")
c("user.passwordExpired=false user.mfaEnrolled=true")
c("login failed: invalid password (attempt 3 of 5) for user jdoe from 10.1.1.9")
c("token_type: Bearer\nexpires_in: 3599\nscope: openid profile")
c("WWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access token expired\"")
c("\"token_uri\": \"https://oauth2.googleapis.com/token\"")
c("tls:\n  - hosts: [shop.fabrikam.io]\n    secretName: shop-fabrikam-io-tls-2026")
c("ssl_certificate_key /etc/nginx/ssl/web01.fabrikam.io.2026.key;")
c("private_key_path: /etc/pki/tls/private/host-2026-01.key")
c("secret_arn = \"arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf\"")
c("api_key_header_name: X-Api-Key")
c("max_tokens=4096 prompt_tokens=1834 completion_tokens=211")
c("tokenizer: cl100k_base, vocab 100277")
c("The AWS docs use the example key id AKIAIOSFODNN7EXAMPL (shortened) in their guides.")
c("xoxb-<bot-token> goes into SLACK_BOT_TOKEN")
c("ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")

# numbers that are not cards / ids / phones
_o1 = not_luhn("453914880343646"); c(f"order {grp(_o1,[4,4,4,4],' ')} confirmed")
_o2 = not_luhn("520082828282821"); c(f"voucher code {grp(_o2,[4,4,4,4],'-')} expired")
_o3 = not_luhn("601111111111111"); c(f'{{"order_id":"{_o3}","status":"shipped"}}')
_o4 = not_luhn("378282246310005"[:14]); c(f"txn ref {_o4} settled")
_o5 = not_luhn("498765432109876"); c(f"2026-12-03 12:00:00 INFO payment ref={_o5} amount=10.00")
c("shipment 1Z999AA10123456784 out for delivery")
c("epoch_ms=1764756000123 epoch_ns=1764756000123456789")
c("tweet id 1864231098765432101 deleted")
c("invoice INV-2026-004512 total 1.299,00 EUR")
c("Windows Event ID 4625: An account failed to log on. SubjectUserSid: S-1-5-21-3623811015-3361044348-30300820-1013")
c("EventCode=4688 NewProcessId=0x1f3c ParentProcessId=0x2a4 LogonId=0x3e7")
c("MITRE ATT&CK T1059.001 (PowerShell), T1566.002, TA0001")
c("CVE-2024-3094 (xz backdoor) and CVE-2021-44228 are both CVSS 10.0")
c("version 3.14.159 build 20261203.1542 (rc2)")
c("kernel 6.8.0-49-generic #49-Ubuntu SMP PREEMPT_DYNAMIC")
c("processed 1234567890 events in 3600 s (342935 eps)")
c("ports: 22, 80, 443, 3306, 5432, 6379, 8080, 9200, 27017")
c("2026-12-03 16:53:20.123456+01:00 INFO job finished")
c("[03/Dec/2026:16:53:20 +0100] \"GET /healthz HTTP/1.1\" 200 17 \"-\" \"kube-probe/1.30\"")
c("duration=00:12:45.330 bytes=8 402 113")
c("RFC 7519, ISO 27001:2022, NIST SP 800-53 Rev. 5")
c("Gemfile.lock: nokogiri (1.16.2-x86_64-linux), rails (7.1.3.4)")
c("lodash@4.17.21 and @babel/core@7.24.0 are outdated")
c("ticket SOC-48213 reopened; related INC0012345, CHG0034567")
c("PID 48213 PPID 1 RSS 1048576 kB")
c("Luhn test: 4111 1111 1111 1112 should be rejected by the gateway")
c("ref 5500-0000-0000-0005 failed validation (bad checksum)")
c("random digits 1234 5678 9012 3456 from the fuzzer")
c("serial number SN 7834 2291 0045 19")
c("ISBN 978-3-16-148410-0, ISSN 0317-8471")
c("ISO date 2026-12-03, week 49, day 337")
c("coords 59.3293, 18.0686 (Stockholm)")
c("total: 12,345,678.90 USD across 1,024 transactions")
c("uptime 123456789 s, load 0.42 0.38 0.35")
c("phone number field is empty; use +<country code> format")
c("MAC 3c:22:fb:91:0e:7a vendor Apple, DHCP lease 86400s")
c("OID 1.3.6.1.4.1.311.60.2.1.3 (jurisdictionCountry)")
c("Scheduled task runs every 0 */6 * * * (cron)")
c("S/N: 20261203-1542 firmware 4.2.1")
c("conversion rate 0.000123456789 BTC")
c("Table 3: 2019 2020 2021 2022 2023 2024")
c("bank sort code 20-00-00, account ending 1234")
c("ASN 13335 Cloudflare, ASN 16509 Amazon")
c("Steam ID 76561197960287930")
c("record 9780201633610 (EAN-13 of the GoF book)")

# base64 and encoded non-secret text
c("data:\n  LOG_LEVEL: aW5mbw==\n  FEATURE_FLAGS: bmV3LWNoZWNrb3V0LGRhcmstbW9kZQ==")
c("echo SGVsbG8sIFdvcmxkIQ== | base64 -d")
c("powershell -enc VwByAGkAdABlAC0ASABvAHMAdAAgACcAaABlAGwAbABvACcA")
c("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
c("jwt header only: eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9")
c("Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==")

# prose and misc
c("git clone git@github.com:acme/payments.git")
c("ssh root@bastion.fabrikam.io -p 2222")
c("docker pull nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac")
c("pip install requests==2.32.3 urllib3>=2.2")
c("The token bucket refills at 100 tokens per second.")
c("Passwords must contain a digit, a symbol and 12+ characters.")
c("We rotated the secret last week; see runbook RB-112.")
c("The bearer of this note is authorised to collect the laptop.")
c("alert: brute force against /wp-login.php from 45.155.205.233 (412 attempts)")
c("user=jdoe action=logout result=success session=expired")
c("Slack channel #soc-alerts, webhook configured in Vault at secret/slack/webhook")
c("kubectl -n monitoring rollout restart deploy/prometheus-server")
c("helm upgrade --install redis bitnami/redis --set auth.existingSecret=redis-auth")
c("aws s3 cp s3://acme-logs/2026/12/03/ . --recursive --profile soc-readonly")
c("terraform state show aws_iam_access_key.ci   # secret is marked (sensitive)")
c("aws_access_key_id = (sensitive value)")
c("password: (sensitive value)")
c("client_secret: ${{ secrets.OAUTH_CLIENT_SECRET }}")
c("Stripe test card 4242 4242 4242 4241 (deliberately wrong last digit)")
c("The number 555-0100 through 555-0199 are reserved for fiction.")
c("Call center hours: 9-17 Mon-Fri, ext. 4412")
c("ATT&CK technique T1003.001 (LSASS Memory) observed on WS-0231")
c("Sigma: EventID: 4104 ScriptBlockText|contains: 'Invoke-Mimikatz'")
c("YARA rule match: $s1 = \"password\" ascii wide nocase")
c("Vault path secret/data/prod/postgres (version 7)")
c("ldap: uid=jdoe,ou=people,dc=fabrikam,dc=io memberOf=cn=soc-analysts")
c("dns query for api.github.com type AAAA rcode NOERROR answers 2")
c("User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36")
c("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"admin\"\nContent-Length: 0")
c("Authorization: Basic realm")
c("Set-Cookie: theme=dark; Path=/; Max-Age=31536000; SameSite=Lax")
c("content-security-policy: default-src 'self'; script-src 'nonce-rAnd0m123' 'strict-dynamic'")
c("grep -ri 'password' /etc/ --include=*.conf")
c("hashcat -m 1000 -a 0 ntlm.txt rockyou.txt")
c("NTLM hash of empty string: 31d6cfe0d16ae931b73c59d7e0c089c0")
c("The default password for the appliance must be changed on first login (see vendor KB-2231).")

# documented decision: well-known default / documentation passwords are placeholders, not secrets
c("keystore password: changeit (the JDK default, rotate it)")
c("password=changeme  # replace before deploying")
c("DB_PASSWORD=your_password_here")
c("API_KEY=xxxxxxxxxxxxxxxxxxxxxxxx")
c("aws_secret_access_key=****************************************")
c("Authorization: Basic ${BASIC_AUTH}")
c("card number: **** **** **** 4242")
c("IBAN: DE89 XXXX XXXX XXXX XXXX 00")
c("SSN: ***-**-6789")
c("phone: +XX XXX XXX XXXX")


def write(name, records):
    with open(name, "w", encoding="utf-8") as out:
        for text, items in records:
            assert all(value in text for _, value in items), text
            out.write(json.dumps({"text": text, "findings": [{"type": t, "value": v} for t, v in items]},
                                 ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write("heldout-secrets.jsonl", S)
    write("heldout-clean.jsonl", [(text, []) for text in C])
    print(len(S), "secret records,", sum(len(items) for _, items in S), "items;", len(C), "clean records")
