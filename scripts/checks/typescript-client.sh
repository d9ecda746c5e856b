#!/usr/bin/env bash
# Check: the TypeScript client (clients/typescript) builds with tsc and runs the shopper flow, the
# token refresh and the error envelope (node --test) against a fresh embedded server.
# Needs the server built at src/Mercato.Server/bin/Release/net10.0/Mercato.Server.dll (scripts/test.sh
# builds it first), Node.js 20+ and npm (the tools are pinned in clients/typescript/package-lock.json).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/junit.sh

root=$(pwd)
client="$root/clients/typescript"
work=$(mktemp -d /tmp/mercato-ts-client.XXXXXX)
# shellcheck source=scripts/lib/server.sh
. scripts/lib/server.sh
trap 'server_stop; rm -rf "$work"' EXIT

junit_begin typescript-client

junit_case "npm ci (pinned tools)" bash -c ". scripts/lib/npm.sh && npm_tools_install '$client' --ignore-scripts"
junit_case "tsc builds the client and its tests" bash -c "cd '$client' && rm -rf dist && npx --no-install tsc -p tsconfig.json"

# Access tokens live ten seconds (the shortest Identity accepts) without clock skew, so the refresh test sees one expire; the
# sandbox's hosted page is on the server's own URL (Auth:Issuer).
mkdir -p "$work/server"
if server_start "$work/server" \
    ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1 Auth__Issuer={url} \
    Auth__ClockSkew=00:00:00 Identity__AccessTokenLifetime=00:00:10 \
    Identity__Admin__Email=admin@client.test Identity__Admin__Password='Client-Admin-Passw0rd!' \
    Identity__Password__HashIterations=1000 RateLimiting__Enabled=false \
    Messaging__Relay__PollInterval=00:00:00.250 Messaging__Relay__BaseDelay=00:00:00.250 \
    Payments__Sandbox__WebhookDelay=00:00:00.500 Logging__LogLevel__Default=Warning; then
  junit_pass "embedded server ready on a free port"
  report="$work/node-test.junit.xml"
  (
    cd "$client"
    MERCATO_URL="$SERVER_URL" MERCATO_ADMIN_EMAIL=admin@client.test MERCATO_ADMIN_PASSWORD='Client-Admin-Passw0rd!' \
      node --test --test-reporter=spec --test-reporter-destination=stdout \
      --test-reporter=junit --test-reporter-destination="$report" dist/test/*.test.js
  ) || true
  junit_import "$report"
else
  junit_fail "embedded server ready on a free port" "$(tail -n 50 "$work/server/server.log" 2>/dev/null)"
fi

junit_end
