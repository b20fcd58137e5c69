#!/usr/bin/env bash
# Benchmark: `vigie check` over N generated client domains served by a local BIND 9 on loopback.
#   bench/check-bench.sh [N=1000]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-1000}"
work="$(mktemp -d)"
trap 'kill "$(cat "$work/named.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 "$here/bench/gen_domains.py" "$work" "$n"
port=$((20000 + RANDOM % 20000))
# Reverse names live under in-addr.arpa: serve that zone too, from the same records.
grep "in-addr.arpa" "$work/test.db" > "$work/rev.body"
{ echo '$TTL 300'; echo '$ORIGIN in-addr.arpa.'; echo '@ IN SOA ns.test. h.test. 1 3600 600 86400 60'; echo '@ IN NS ns.test.'; cat "$work/rev.body"; } > "$work/rev.db"
grep -v "in-addr.arpa" "$work/test.db" > "$work/fwd.db"
cat > "$work/named.conf" <<CONF
options { directory "$work"; listen-on port $port { 127.0.0.1; }; listen-on-v6 { none; };
  recursion no; dnssec-validation no; pid-file "$work/named.pid"; session-keyfile "$work/s.key"; };
controls { };
zone "test" { type primary; file "fwd.db"; };
zone "in-addr.arpa" { type primary; file "rev.db"; };
CONF
/usr/sbin/named -c "$work/named.conf" -n 2
for _ in $(seq 50); do [ -s "$work/named.pid" ] && break; sleep 0.1; done
sleep 0.5
"$here/vigie" --version >/dev/null  # build first, outside the timing
echo "vigie check: $n domains, BIND on 127.0.0.1:$port"
/usr/bin/time -f "elapsed %e s, user %U s, sys %S s, max RSS %M KB" \
  "$here/vigie" check --resolver "127.0.0.1:$port" --format json $(cat "$work/domains.txt") \
  > "$work/out.jsonl" || true
echo "reports: $(wc -l < "$work/out.jsonl"), average score: $(python3 -c "
import json,sys
s=[json.loads(l)['score'] for l in open('$work/out.jsonl')]
print(round(sum(s)/len(s),1))")"
