#!/usr/bin/env bash
# The local stack's database of several builds, side by side: each round starts a fresh database from each build in
# turn and runs DatabaseLoad against it (4 clients: an index reservation, an event insert, three key lookups, a read
# model's document replaced), printing the rate of the whole run and of each ten seconds, and the file's size at the end.
#
#   ops/bench/database-pair.sh ROUNDS SECONDS BUILD_DIR...      (each BUILD_DIR built: mvn -DskipTests package)
#
# LOAD=BulkWriteLoad runs the ledger's bulk writes of a rebuild instead, SECONDS then being the number of bulk pairs
# (BulkWriteLoad: 50 ledger entries and 50 open commissions each).
#
# Loopback only; every database is stopped and its file removed after its run.
set -euo pipefail
rounds=$1; seconds=$2; shift 2
here="$(cd "$(dirname "$0")/../.." && pwd)"
for round in $(seq 1 "$rounds"); do
  for build in "$@"; do
    dir=$(mktemp -d); port=$((47100 + RANDOM % 800))
    java -cp "$build/local-stack/target/classes:$build/local-stack/target/lib/*" \
      com.rapport.testsupport.database.DatabaseServer "$dir/db.mv" "$port" > "$dir/log" 2>&1 &
    db=$!
    for _ in $(seq 1 50); do grep -q "ready" "$dir/log" && break; sleep 0.2; done
    printf '%-3s %-40s ' "$round" "$build ($(git -C "$build" log -1 --format=%h))"
    java -cp "$here/local-stack/target/test-classes:$here/local-stack/target/lib/*" \
      "com.rapport.localstack.${LOAD:-DatabaseLoad}" "$port" "$seconds" 2>/dev/null | grep -v DEBUG | tail -1 \
      | tr '\n' ' '
    echo "; file $(du -m "$dir/db.mv" | cut -f1) MB"
    kill "$db"; wait "$db" 2>/dev/null || true; rm -rf "$dir"
  done
done
