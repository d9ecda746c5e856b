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
dll="$root/src/Mercato.Server/bin/Release/net10.0/Mercato.Server.dll"
work=$(mktemp -d /tmp/mercato-ts-client.XXXXXX)
server_pid=""

stop() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

junit_begin typescript-client

junit_case "npm ci (pinned tools)" bash -c "cd '$client' && npm ci --no-audit --no-fund --ignore-scripts"
junit_case "tsc builds the client and its tests" bash -c "cd '$client' && rm -rf dist && npx --no-install tsc -p tsconfig.json"

port=$(free_port)
url="http://127.0.0.1:$port"
mkdir -p "$work/server"
(
  cd "$work/server"
  export ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1
  export Auth__Issuer="$url" Auth__ClockSkew=00:00:00 Identity__AccessTokenLifetime=00:01:00
  export Identity__Admin__Email=admin@client.test Identity__Admin__Password='Client-Admin-Passw0rd!'
  export Identity__Password__HashIterations=1000 RateLimiting__Enabled=false
  export Messaging__Relay__PollInterval=00:00:00.250 Messaging__Relay__BaseDelay=00:00:00.250
  export Payments__Sandbox__WebhookDelay=00:00:00.500
  export Logging__LogLevel__Default=Warning
  exec dotnet "$dll" --urls "$url"
) >"$work/server.log" 2>&1 &
server_pid=$!

ready=0
for _ in $(seq 1 900); do
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  if curl -fsS "$url/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.2
done
if ((ready == 1)); then
  junit_pass "embedded server ready on a free port"
  report="$work/node-test.junit.xml"
  (
    cd "$client"
    MERCATO_URL="$url" MERCATO_ADMIN_EMAIL=admin@client.test MERCATO_ADMIN_PASSWORD='Client-Admin-Passw0rd!' \
      node --test --test-reporter=spec --test-reporter-destination=stdout \
      --test-reporter=junit --test-reporter-destination="$report" dist/test/*.test.js
  ) || true
  junit_import "$report"
else
  junit_fail "embedded server ready on a free port" "$(tail -n 50 "$work/server.log")"
fi

junit_end
