#!/usr/bin/env bash
# Load test of `vigie serve` (issue 5): the MSP overview and domain pages under 50 concurrent
# connections (wrk, on loopback), on an embedded store holding 50M records — generated once by
# `vigie bench-dashboard --fill-records --generate-only` (≈ 5 GB, a few minutes) and reused.
#   bench/web-bench.sh [DATA=/tmp/vigie-web-bench] [SECONDS=30] [HOT_DOMAINS=100]
# Read with an API token: the REST API (`/api/v1/overview`, `/api/v1/domains/D/dashboard`) and
# the HTML pages (`/overview`, `/domains/D`) that a signed-in browser gets.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-/tmp/vigie-web-bench}"
secs="${2:-30}"
hot="${3:-100}"
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 2; }
work="$(mktemp -d)"
"$here/vigie" --version >/dev/null
if [ ! -f "$data/vigie.duckdb" ]; then
  /usr/bin/time -f "generated in %e s" "$here/vigie" bench-dashboard --data "$data" \
    --fill-records --generate-only
fi
du -sh "$data"
token="$("$here/vigie" token create --data "$data" --label web-bench)"
port=$((20000 + RANDOM % 20000))
VIGIE_ADMIN_EMAIL=bench@msp.example VIGIE_ADMIN_PASSWORD="$(head -c 18 /dev/urandom | base64)" \
  "$here/vigie" serve --data "$data" --port "$port" >"$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 0.5; done
report='done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  %d requests  %.0f/s  errors %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, summary.requests / (summary.duration / 1e6),
    e.connect + e.read + e.write + e.status + e.timeout))
end'
cat >"$work/overview.lua" <<LUA
request = function()
  return wrk.format("GET", "/api/v1/overview", {["Authorization"] = "Bearer $token"})
end
$report
LUA
cat >"$work/overview-page.lua" <<LUA
request = function()
  return wrk.format("GET", "/overview", {["Authorization"] = "Bearer $token"})
end
$report
LUA
cat >"$work/domain-pages.lua" <<LUA
math.randomseed(os.time())
request = function()
  local path = "/domains/d" .. math.random(0, $hot - 1) .. ".example"
  return wrk.format("GET", path, {["Authorization"] = "Bearer $token"})
end
$report
LUA
cat >"$work/domains.lua" <<LUA
-- a domain page among the $hot domains technicians are looking at, at random
math.randomseed(os.time())
request = function()
  local path = "/api/v1/domains/d" .. math.random(0, $hot - 1) .. ".example/dashboard"
  return wrk.format("GET", path, {["Authorization"] = "Bearer $token"})
end
$report
LUA
# Warm-up (discarded): the JIT, and each answer computed once; then the measured runs.
wrk -t2 -c50 -d5s -s "$work/overview.lua" "http://127.0.0.1:$port" >/dev/null
wrk -t2 -c50 -d5s -s "$work/domains.lua" "http://127.0.0.1:$port" >/dev/null
echo "== MSP overview: 50 connections, ${secs}s"
wrk -t2 -c50 -d"${secs}s" -s "$work/overview.lua" "http://127.0.0.1:$port"
echo "== domain page ($hot hot domains): 50 connections, ${secs}s"
wrk -t2 -c50 -d"${secs}s" -s "$work/domains.lua" "http://127.0.0.1:$port"
# The same as HTML pages (server-rendered, inline SVG charts), as a browser gets them.
echo "== MSP overview page (HTML): 50 connections, ${secs}s"
wrk -t2 -c50 -d"${secs}s" -s "$work/overview-page.lua" "http://127.0.0.1:$port"
echo "== domain page (HTML, $hot hot domains): 50 connections, ${secs}s"
wrk -t2 -c50 -d"${secs}s" -s "$work/domain-pages.lua" "http://127.0.0.1:$port"
