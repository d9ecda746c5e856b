# shellcheck shell=bash
# Start and stop one embedded Mercato.Server (every module, SQLite, demo data) on a free
# 127.0.0.1 port, for scripts that need a running server (scripts/generate-clients.sh,
# scripts/checks/newman.sh, scripts/checks/typescript-client.sh). Needs the server built in Release.
#
#   . scripts/lib/server.sh
#   server_start "$dir" Identity__Admin__Password=... # runs in $dir (its ./data); sets SERVER_URL, SERVER_PID
#   server_start "$dir" Auth__Issuer={url}            # {url} in a setting becomes the server's own URL
#   curl "$SERVER_URL/openapi/v1.json"
#   server_stop                                       # SIGTERM, then SIGKILL after 30 s; only the pid it started
#
# The server's output goes to $dir/server.log (printed when the start fails).

# shellcheck source=scripts/lib/infra.sh
. "$(dirname "${BASH_SOURCE[0]}")/infra.sh"

# MERCATO_SERVER_DLL: a published server to run instead of the Release build (scripts/test.sh sets it).
SERVER_DLL=${SERVER_DLL:-${MERCATO_SERVER_DLL:-$INFRA_REPO/src/Mercato.Server/bin/Release/net10.0/Mercato.Server.dll}}
SERVER_URL=""
SERVER_PID=""

# server_start DIR [NAME=VALUE...]: start the server in DIR with those environment variables ({url}
# in a value replaced by the server's URL) and wait until /health/ready answers (up to 180 s).
server_start() {
    local dir=$1 port i
    shift
    if [[ ! -f "$SERVER_DLL" ]]; then
        echo "server: $SERVER_DLL is missing; run: dotnet build Mercato.slnx -c Release" >&2
        return 1
    fi
    port=$(infra__free_ports 1)
    SERVER_URL="http://127.0.0.1:$port"
    local settings=("${@//\{url\}/$SERVER_URL}")
    (cd "$dir" && exec env "${settings[@]}" dotnet "$SERVER_DLL" --urls "$SERVER_URL") >"$dir/server.log" 2>&1 &
    SERVER_PID=$!
    for ((i = 0; i < 1800; i++)); do
        if ! infra__alive "$SERVER_PID"; then
            echo "server: exited during start; its output:" >&2
            tail -n 40 "$dir/server.log" >&2
            SERVER_PID=""
            return 1
        fi
        if curl -fsS -o /dev/null "$SERVER_URL/health/ready" 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    echo "server: not ready after 180 s; its output:" >&2
    tail -n 40 "$dir/server.log" >&2
    server_stop
    return 1
}

# server_stop: stop the server server_start started (nothing if none).
server_stop() {
    [[ -n "$SERVER_PID" ]] || return 0
    if infra__alive "$SERVER_PID"; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        infra__wait_gone "$SERVER_PID" 30 || kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}
