#!/usr/bin/env bash
# Benchmark: end-to-end `vigie ingest` (archive + parse + classify offline + store + rollups) of
# the 20,000-report corpus into a fresh embedded DuckDB, then into a scratch PostgreSQL cluster
# started on 127.0.0.1 (Debian's postgresql; fsync stays on, as in production).
#   bench/ingest-bench.sh [CORPUS=/tmp/corpus]     (made if missing: gen_reports.py -n 20000 --seed 1)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-/tmp/corpus}"
[ -d "$corpus/reports" ] || python3 "$here/../shared/bench/gen_reports.py" "$corpus" -n 20000 --seed 1
work="$(mktemp -d)"
chmod 755 "$work"
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { [ -n "$pgbin" ] && as_pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
"$here/vigie" --version >/dev/null  # build and train the start-up cache first, outside the timing
records=$(python3 -c "import json;print(json.load(open('$corpus/manifest.json'))['totals']['records'])" 2>/dev/null || echo "?")
echo "corpus: $corpus/reports ($(ls "$corpus/reports" | wc -l) files, $records records)"
echo "== DuckDB (embedded)"
/usr/bin/time -f "elapsed %e s, user %U s, sys %S s, max RSS %M KB" \
  env VIGIE_JAVA_OPTS="-Xmx512m" "$here/vigie" ingest --data "$work/duck" "$corpus/reports"
if [ -z "$pgbin" ]; then echo "== PostgreSQL: not installed, skipped"; exit 0; fi
port=$((20000 + RANDOM % 20000))
[ "$(id -u)" = 0 ] && chown postgres "$work"
as_pg "$pgbin/initdb" -D "$work/pg" -U vigie -A trust >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/pg" -w -l "$work/pg.log" \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $work -c shared_buffers=256MB -c max_wal_size=2GB" start >/dev/null
echo "== PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
/usr/bin/time -f "elapsed %e s, user %U s, sys %S s, max RSS %M KB (Vigie's process)" \
  env VIGIE_JAVA_OPTS="-Xmx512m" "$here/vigie" ingest \
  --db "jdbc:postgresql://127.0.0.1:$port/postgres?user=vigie" "$corpus/reports"
