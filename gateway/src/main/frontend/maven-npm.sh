#!/bin/sh
# One npm step of the Maven build (npm ci, npm run build, npm test), with the machine's Node.js.
# Without npm the partner portal is left out and the build goes on: the API and the local stack work without it.
# PORTAL_REQUIRED=true (mvn -Dportal.required=true) makes a missing npm fail the build instead.
if ! command -v npm >/dev/null 2>&1; then
  if [ "$PORTAL_REQUIRED" = "true" ]; then
    echo "npm was not found and the partner portal is required (-Dportal.required=true)" >&2
    exit 1
  fi
  echo "WARNING: npm was not found: the partner portal is not built (install Node.js 20+ to get it)" >&2
  exit 0
fi
exec npm "$@"
