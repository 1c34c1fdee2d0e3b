#!/usr/bin/env bash
# A partner's inbox in both forms side by side on one fresh database of the local stack: the old one (one document
# holding every notification id, $addToSet one more) and places (a counter $inc, one entry inserted). InboxWriteLoad
# alternates slices of 1,000 notifications between two partners, one per form, and prints each slice's time per
# notification.
#
#   mvn -q -DskipTests install && ops/bench/inbox-forms.sh NOTIFICATIONS
#
# Loopback only; the database is stopped and its file removed at the end.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
dir=$(mktemp -d); port=$((47100 + RANDOM % 800))
java -cp "$here/local-stack/target/classes:$here/local-stack/target/lib/*" \
  com.rapport.testsupport.database.DatabaseServer "$dir/db.mv" "$port" > "$dir/log" 2>&1 &
db=$!
for _ in $(seq 1 50); do grep -q "ready" "$dir/log" && break; sleep 0.2; done
java -cp "$here/local-stack/target/test-classes:$here/local-stack/target/lib/*" \
  com.rapport.localstack.InboxWriteLoad "$port" "${1:-20000}" 2>/dev/null | grep -v "DEBUG\|INFO"
echo "file $(du -m "$dir/db.mv" | cut -f1) MB"
kill "$db"; wait "$db" 2>/dev/null || true; rm -rf "$dir"
