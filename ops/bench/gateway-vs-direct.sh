#!/usr/bin/env bash
# The same GET through the gateway and directly on referral-service, on a stack started as the README starts it,
# alternating until both are warm (the JIT of a long-running service), with each process's CPU seconds per run.
# PipelineBenchmark measures the same pair minutes after start-up; this shows where it ends up.
#
#   ops/bench/gateway-vs-direct.sh [rounds] [seconds per run]     (needs wrk; run from the project directory)
#
# Extra JVM options for the services go in RAPPORT_SERVICE_JAVA_OPTS as usual. Loopback only; stops the stack it
# started.
set -euo pipefail
rounds=${1:-12}
seconds=${2:-10}
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }

log=$(mktemp)
RAPPORT_RATELIMIT_ENABLED=false java -jar local-stack/target/local-stack.jar --fresh > "$log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 120); do grep -q "Rapport started" "$log" && break; sleep 1; done
grep "Rapport started" "$log" || { tail -20 "$log" >&2; exit 1; }

json() { python3 -c "import sys,json; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }
token=$(curl -sf -XPOST localhost:8080/auth/token -H 'Content-Type: application/json' \
  -d '{"username":"ops","password":"ops-dev-password"}' | json accessToken)
auth="Authorization: Bearer $token"
partner=$(curl -sf -XPOST localhost:8080/api/partners -H "$auth" -H 'Content-Type: application/json' \
  -d '{"name":"Bench reader","email":"reader@bench.example","language":"en"}' | json partnerId)
referral=$(curl -sf -XPOST localhost:8080/api/referrals -H "$auth" -H 'Content-Type: application/json' \
  -d '{"partnerId":"'"$partner"'","client":{"company":"Acme","contactName":"Li Wei","contactEmail":"li@acme.example"},"description":"Mini-program","estimatedValue":{"amount":"80000","currency":"CNY"}}' \
  | json referralId)

# CPU seconds (user + system) of the process listening on a port
cpu() { local pid; pid=$(ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$pid/stat"; }

printf '%-6s %-8s %10s %14s %16s\n' round target 'GET/s' 'gateway cpu s' 'referral cpu s'
for round in $(seq 1 "$rounds"); do
  for target in gateway direct; do
    port=$([ $target = gateway ] && echo 8080 || echo 8081)
    g0=$(cpu 8080); r0=$(cpu 8081)
    rate=$(wrk -t2 -c8 -d"${seconds}s" -H "$auth" "http://127.0.0.1:$port/api/referrals/$referral" \
      | awk '/Requests\/sec/ {print $2}')
    g1=$(cpu 8080); r1=$(cpu 8081)
    printf '%-6s %-8s %10.0f %14.2f %16.2f\n' "$round" $target "$rate" \
      "$(awk "BEGIN {print $g1 - $g0}")" "$(awk "BEGIN {print $r1 - $r0}")"
  done
done
