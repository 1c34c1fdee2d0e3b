#!/usr/bin/env bash
# CPU per HTTP command of each process of the stack, for one sequential client driving referral lifecycles through
# the gateway (submit, qualify, contract, three payments), on stacks started as the README starts them, one per
# variant, variants alternating. A variant is a space-separated list of environment assignments ("-" for none),
# e.g. to see what Reactor's automatic context propagation costs against the default:
#
#   ops/bench/cpu-per-command.sh 2 "-" "SPRING_REACTOR_CONTEXT_PROPAGATION=auto"
#
#   ops/bench/cpu-per-command.sh <rounds> <variant>...     (run from the project directory; loopback only)
#
# A variant may name another checkout's build with STACK_ROOT=<dir> (its jars, built there), to compare two builds:
#
#   ops/bench/cpu-per-command.sh 2 "STACK_ROOT=/path/to/before" "-"
#
# Each stack is warmed by 60 lifecycles, then measured over two runs of 30 (180 commands each). CPU is read from
# /proc (user + system) of each process; "stack" is the launcher, which also runs the SMTP server.
set -euo pipefail
rounds=${1:-2}; shift
cd "$(dirname "$0")/../.."
json() { python3 -c "import sys,json; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }

lifecycles() {
  local n=$1 auth partner referral pay
  auth="Authorization: Bearer $(curl -sf -XPOST localhost:8080/auth/token -H 'Content-Type: application/json' \
    -d '{"username":"ops","password":"ops-dev-password"}' | json accessToken)"
  partner=$(curl -sf -XPOST localhost:8080/api/partners -H "$auth" -H 'Content-Type: application/json' \
    -d '{"name":"Cpu '$RANDOM'","email":"cpu'$RANDOM$RANDOM'@bench.example","language":"en"}' | json partnerId)
  for i in $(seq 1 "$n"); do
    referral=$(curl -sf -XPOST localhost:8080/api/referrals -H "$auth" -H 'Content-Type: application/json' \
      -d '{"partnerId":"'"$partner"'","client":{"company":"Cpu '$RANDOM$i$RANDOM'","contactName":"Li Wei","contactEmail":"c'$RANDOM$i'@acme.example"},"description":"Mini-program","estimatedValue":{"amount":"80000","currency":"CNY"}}' \
      | json referralId)
    curl -sf -o /dev/null -XPOST "localhost:8080/api/referrals/$referral/qualify" -H "$auth" -H 'Content-Type: application/json' -d '{}'
    curl -sf -o /dev/null -XPOST "localhost:8080/api/referrals/$referral/contract" -H "$auth" -H 'Content-Type: application/json' \
      -d '{"contractValue":{"amount":"9000.00","currency":"EUR"},"signedAt":"2026-11-02T09:00:00Z"}'
    for pay in 0 1 2; do
      curl -sf -o /dev/null -XPOST "localhost:8080/api/referrals/$referral/payments" -H "$auth" -H 'Content-Type: application/json' \
        -d '{"paymentId":"pay-'$pay'","amount":{"amount":"3000.00","currency":"EUR"},"kind":"MILESTONE","receivedAt":"2026-11-20T10:00:00Z"}'
    done
  done
}

names=(gateway referral commission notification database kafka stack)
measure() {
  local variant=$1 log stack pids=() port c0 c1 t0 t1
  log=$(mktemp)
  if [ "$variant" = "-" ]; then set --; else read -r -a assignments <<< "$variant"; set -- "${assignments[@]}"; fi
  root=$PWD
  for assignment in "$@"; do case $assignment in STACK_ROOT=*) root=${assignment#STACK_ROOT=} ;; esac; done
  (cd "$root" && exec env "$@" RAPPORT_RATELIMIT_ENABLED=false java -jar local-stack/target/local-stack.jar --fresh) \
    > "$log" 2>&1 &
  stack=$!
  for _ in $(seq 1 120); do grep -q "Rapport started" "$log" && break; sleep 1; done
  grep -q "Rapport started" "$log" || { tail -20 "$log" >&2; kill $stack; exit 1; }
  for port in 8080 8081 8082 8083 27017 9092; do
    pids+=("$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)")
  done
  pids+=("$stack")
  ticks() { for p in "${pids[@]}"; do awk '{printf "%d ", $14 + $15}' "/proc/$p/stat"; done; }
  lifecycles 60
  for run in 1 2; do
    c0=$(ticks); t0=$(date +%s.%N)
    lifecycles 30
    c1=$(ticks); t1=$(date +%s.%N)
    python3 - "$variant" "$c0" "$c1" "$t0" "$t1" "${names[*]}" <<'PY'
import sys, os
variant, a, b, t0, t1, names = sys.argv[1:]
tick = 1000 / os.sysconf('SC_CLK_TCK')
d = [(int(y) - int(x)) * tick / 180 for x, y in zip(a.split(), b.split())]
print("%-45s %5.1f s  " % (variant, float(t1) - float(t0))
      + "  ".join("%s %.1f" % (n, v) for n, v in zip(names.split(), d)) + "  total %.1f ms/command" % sum(d))
PY
  done
  kill $stack; wait $stack 2>/dev/null || true; rm -f "$log"
  sleep 10
}

for round in $(seq 1 "$rounds"); do
  for variant in "$@"; do measure "$variant"; done
done
