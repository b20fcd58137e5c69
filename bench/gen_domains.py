#!/usr/bin/env python3
"""Writes a zone "test." holding N client domains shaped like an MSP's (DMARC at various stages,
SPF with shared provider includes, DKIM keys, MX with reverse DNS, TLS-RPT), plus domains.txt.
Deterministic. Used by bench/check-bench.sh."""
import random, sys, base64, os

out, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(1)
os.makedirs(out, exist_ok=True)
providers = {
    "spf.m365.test": "v=spf1 ip4:40.92.0.0/15 ip4:52.100.0.0/14 ip6:2a01:111:f400::/48 -all",
    "spf.gws.test": "v=spf1 ip4:35.190.247.0/24 ip4:64.233.160.0/19 ip4:66.102.0.0/20 ~all",
    "spf.mailchimp.test": "v=spf1 ip4:198.2.128.0/18 ip4:205.201.128.0/20 ~all",
    "spf.sendgrid.test": "v=spf1 ip4:167.89.0.0/17 ip4:208.117.48.0/20 ~all",
    "spf.ses.test": "v=spf1 ip4:54.240.0.0/18 ip4:69.169.224.0/20 ~all",
}
key = base64.b64encode(os.urandom(270)).decode()  # shape only: an RSA-2048-sized blob
lines = ["$TTL 300", "$ORIGIN test.",
         "@ IN SOA ns.test. hostmaster.test. 1 3600 600 86400 60", "@ IN NS ns", "ns IN A 127.0.0.1"]
for name, rec in providers.items():
    lines.append(f'{name}. IN TXT "{rec}"')
domains = []
for i in range(n):
    d = f"client{i:04d}.test"
    domains.append(d)
    inc = " ".join("include:" + p for p in rnd.sample(sorted(providers), rnd.randint(1, 3)))
    lines.append(f'{d}. IN TXT "v=spf1 {inc} -all"')
    p = rnd.choice(["none", "none", "quarantine", "reject", "reject"])
    lines.append(f'_dmarc.{d}. IN TXT "v=DMARC1; p={p}; rua=mailto:dmarc@msp.test"')
    lines.append(f"{d}. IN MX 10 mx.{d}.")
    ip = f"10.{i // 250}.{i % 250}.25"
    lines.append(f"mx.{d}. IN A {ip}")
    o = ip.split(".")
    lines.append(f"{o[3]}.{o[2]}.{o[1]}.{o[0]}.in-addr.arpa. IN PTR mx.{d}.")
    sel = rnd.choice(["selector1", "google", "k1", "s1"])
    lines.append(f'{sel}._domainkey.{d}. IN TXT "v=DKIM1; k=rsa; p={key[:200]}" "{key[200:]}"')
    if rnd.random() < 0.3:
        lines.append(f'_smtp._tls.{d}. IN TXT "v=TLSRPTv1; rua=mailto:tls@msp.test"')
with open(os.path.join(out, "test.db"), "w") as f:
    f.write("\n".join(lines) + "\n")
with open(os.path.join(out, "domains.txt"), "w") as f:
    f.write("\n".join(domains) + "\n")
