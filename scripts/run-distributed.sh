#!/usr/bin/env bash
# Run Mercato's distributed mode on one machine: private PostgreSQL, RabbitMQ, Redis and an SMTP
# server (smtp4dev) on free loopback ports (scripts/lib/infra.sh, the same code scripts/test.sh
# uses), `Mercato.Server migrate` for every service, then every service as a process of its own
# (the nine business modules, the web UI and the gateway), each with its settings, service
# client, signing key and log in one private directory. Prints the URLs and the administrator's
# credentials, and on Ctrl+C (SIGINT/SIGTERM) stops everything it started and removes the directory.
# Run `scripts/run-distributed.sh --help` for the options.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
# shellcheck source=lib/infra.sh
. "$script_dir/lib/infra.sh"
# Our directories are told apart from the test suite's (infra_remove_dir removes only these).
INFRA_DIR_PREFIX=/tmp/mercato-run.

# The business services (each module of ServerModules.Business but the web UI), in start order.
SERVICES=(identity catalog cart ordering payments notifications webhooks support logs)
ADMIN_EMAIL=admin@mercato.local
READY_TIMEOUT=${MERCATO_READY_TIMEOUT:-300}   # seconds for every process to answer /health/ready
STOP_TIMEOUT=30                                # seconds a process may take to stop after SIGTERM

usage() {
    cat <<EOF
usage: scripts/run-distributed.sh [--keep] [--build] [--help]

Starts Mercato in distributed mode on this machine (needs root: it starts PostgreSQL and
RabbitMQ as their own users, and installs missing Debian packages):

  - private PostgreSQL, RabbitMQ, Redis and smtp4dev on free 127.0.0.1 ports;
  - builds src/Mercato.Server (Release) if it is not built yet;
  - migrates every service's PostgreSQL database (one Mercato.Server migrate --services <all nine>);
  - starts ${SERVICES[*]}, web and the gateway, one process each, on free
    127.0.0.1 ports, with service clients (the scopes \`Mercato.Server service-clients\`
    prints, secrets generated), an ES256 signing key (generated) and Services:<Name>:Url,
    and waits until each answers /health/ready;
  - prints the gateway URL, the storefront and admin URLs, the admin e-mail and a generated
    password, then waits. Ctrl+C (SIGINT) or SIGTERM stops every process it started (and only
    those) and removes its directory.

Everything (settings, keys, data, one log per process: <dir>/services/<name>/server.log) lives
in one directory under /tmp/mercato-run.*.

Options:
  --keep     keep the directory (databases, logs) after stopping; also MERCATO_KEEP_DATA=1
  --build    build src/Mercato.Server (Release) even if it is built already
  --help     this text

Environment:
  MERCATO_KEEP_DATA=1       same as --keep
  MERCATO_ADMIN_PASSWORD    the administrator's password (default: generated and printed)
  MERCATO_READY_TIMEOUT     seconds to wait for every process to be ready (default 300)
  MERCATO_SERVER_DLL        run this Mercato.Server.dll instead of the Release build (for example
                            a \`dotnet publish -p:PublishReadyToRun=true\` copy; scripts/test.sh
                            passes its own); never built by this script
  MERCATO_GUEST_LIMIT, MERCATO_GUEST_BURST
                            the guest rate-limit plan per hour and its burst (default 100000 and
                            1000: every caller here is 127.0.0.1, one guest)
EOF
}

keep=${MERCATO_KEEP_DATA:-0}
build=0
while (($#)); do
    case "$1" in
    --keep) keep=1 ;;
    --build) build=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

log() { printf '[run] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

[[ "$(id -u)" == 0 ]] || die "run as root (PostgreSQL and RabbitMQ run as their own users)"
command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is needed"
command -v openssl >/dev/null || die "openssl is needed (signing key)"
command -v curl >/dev/null || die "curl is needed"

server_dll=${MERCATO_SERVER_DLL:-$repo/src/Mercato.Server/bin/Release/net10.0/Mercato.Server.dll}
dir=""
declare -A pid_of=() port_of=()
stopping=0

# Stop every Mercato process we started (by the pid each recorded itself, after checking that
# it still runs Mercato.Server), then the infrastructure, then remove the directory.
cleanup() {
    local rc=$? name pid
    ((stopping)) && return 0
    stopping=1
    trap '' INT TERM
    [[ -n "$dir" ]] || exit "$rc"
    log "stopping"
    for name in "${!pid_of[@]}"; do
        pid=${pid_of[$name]}
        infra__pid_is "$pid" 'Mercato\.Server' && kill -TERM "$pid" 2>/dev/null || true
    done
    for name in "${!pid_of[@]}"; do
        pid=${pid_of[$name]}
        if ! infra__wait_gone "$pid" "$STOP_TIMEOUT"; then
            log "$name (pid $pid) did not stop within ${STOP_TIMEOUT}s; killing it"
            infra__pid_is "$pid" 'Mercato\.Server' && kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    infra_stop "$dir" || true
    if ((keep)); then
        log "kept $dir (logs in $dir/services/*/server.log)"
    else
        infra_remove_dir "$dir" || true
    fi
    log "stopped"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -n "${MERCATO_SERVER_DLL:-}" ]]; then
    [[ -f "$server_dll" ]] || die "MERCATO_SERVER_DLL names $server_dll, which does not exist"
elif ((build)) || [[ ! -f "$server_dll" ]]; then
    log "building src/Mercato.Server (Release)"
    ( cd "$repo" && dotnet build src/Mercato.Server -c Release -nologo -v quiet ) >&2 \
        || die "the build failed"
fi

infra_ensure_packages
dir=$(infra_new_dir)
infra_start "$dir"
# The infrastructure's addresses, read without exporting anything to our processes.
pg=$(sed -n "s/^export MERCATO_TEST_POSTGRES='\(.*\)'$/\1/p" "$dir/env.sh")
amqp=$(sed -n "s/^export MERCATO_TEST_RABBITMQ='\(.*\)'$/\1/p" "$dir/env.sh")
redis=$(sed -n "s/^export MERCATO_TEST_REDIS='\(.*\)'$/\1/p" "$dir/env.sh")
smtp=$(sed -n "s/^export MERCATO_TEST_SMTP='\(.*\)'$/\1/p" "$dir/env.sh")
mail_ui=$(sed -n "s/^export MERCATO_TEST_SMTP_API='\(.*\)'$/\1/p" "$dir/env.sh")

# ------------------------------------------------------------------ secrets
secrets=$dir/secrets
mkdir -p "$secrets"
chmod 700 "$secrets"
random_text() { head -c 256 /dev/urandom | tr -dc 'A-Za-z0-9' | head -c "$1"; }
# Meets the password policy whatever the random part holds (upper, lower, digit, symbol).
admin_password=${MERCATO_ADMIN_PASSWORD:-"$(random_text 18)-Aa9"}
client_secret=$(random_text 40)
client_secret_hash=$(printf %s "$client_secret" | sha256sum | cut -d' ' -f1)
openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -out "$secrets/signing-key.pem"
chmod 600 "$secrets/signing-key.pem"

# ------------------------------------------------------------------ ports and settings
read -r -a ports <<<"$(infra__free_ports $((${#SERVICES[@]} + 2)))"
((${#ports[@]} == ${#SERVICES[@]} + 2)) || die "could not find free ports"
i=0
for name in "${SERVICES[@]}" web gateway; do port_of[$name]=${ports[i]}; i=$((i + 1)); done
url() { echo "http://127.0.0.1:${port_of[$1]}"; }
gateway_url=$(url gateway)

# Each service's own client (Identity:Clients:<name>-service) and the scopes it asks for, as the
# code says: `Mercato.Server service-clients` prints one line per service, "name client-id
# scope...", or the name alone when the service needs no client (it calls no other service and
# does not ship its logs over HTTP). Run with nothing of our environment, like the services.
declare -A scopes_of=()
table=$(cd "$dir" && env -i PATH="$PATH" HOME="$dir" DOTNET_CLI_HOME="$dir" DOTNET_NOLOGO=1 LANG=C.UTF-8 \
    dotnet "$server_dll" service-clients) || die "Mercato.Server service-clients failed"
declare -A listed=()
while read -r name client scopes; do
    [[ -n "$name" ]] || continue
    listed[$name]=1
    [[ -n "$client" ]] || continue
    [[ "$client" == "$name-service" && -n "$scopes" ]] || die "service-clients printed an unexpected line: $name $client $scopes"
    scopes_of[$name]=$scopes
done <<<"$table"
for name in "${SERVICES[@]}" web gateway; do
    [[ -n "${listed[$name]:-}" ]] || die "Mercato.Server service-clients does not list $name"
done

# setting KEY VALUE: one line of a process's settings file, an environment variable
# (Section__Key=value, as ASP.NET Core reads them); values hold no newline.
setting() { printf '%s=%s\n' "${1//:/__}" "$2"; }

shared_settings() {
    setting Auth:Issuer "$gateway_url"
    setting Auth:MetadataAddress "$(url identity)/.well-known/openid-configuration"
    setting Persistence:Provider postgres
    setting Persistence:Postgres "$pg"
    setting Persistence:DatabasePrefix mercato_
    setting Persistence:MigrateOnStart false
    setting Messaging:Transport rabbitmq
    setting Messaging:RabbitMq:Uri "$amqp"
    setting RateLimiting:Store redis
    # On one machine every caller comes from 127.0.0.1: the services asking Identity for tokens
    # and keys, the web UI, your browser and curl. Seed 004's guest plan (burst 10, then one
    # request every 36 s) would throttle them all as one guest, so the guest plan is widened;
    # every other plan stays as shipped, shared through Redis.
    setting RateLimiting:Plans:Guest:Limit "${MERCATO_GUEST_LIMIT:-100000}"
    setting RateLimiting:Plans:Guest:Burst "${MERCATO_GUEST_BURST:-1000}"
    setting RateLimiting:Redis:ConnectionString "$redis"
    setting ConnectionStrings:Redis "$redis"
    setting Identity:Admin:Email "$ADMIN_EMAIL"
    setting Identity:Admin:Password "$admin_password"
    setting Notifications:Email:Transport smtp
    setting Notifications:Email:Smtp:Host "${smtp%:*}"
    setting Notifications:Email:Smtp:Port "${smtp##*:}"
    setting Notifications:Email:Smtp:Security none
    setting Logging:Console:FormatterName simple
    setting Logging:LogLevel:Microsoft.EntityFrameworkCore Warning
    local s
    for s in catalog cart identity ordering logs; do
        setting "Services:${s^}:Url" "$(url "$s")"
    done
}

settings_of() {
    local name=$1 s scope n
    shared_settings
    setting Urls "$(url "$name")"
    setting Mercato:Services "$name"
    setting Persistence:DataDirectory "$dir/services/$name/data"
    case "$name" in
    identity)
        setting Identity:SigningKeys:Keys:0:PrivateKeyFile "$secrets/signing-key.pem"
        setting Identity:SigningKeys:Keys:0:Algorithm ES256
        for s in "${!scopes_of[@]}"; do
            setting "Identity:Clients:$s-service:SecretHash" "$client_secret_hash"
            n=0
            for scope in ${scopes_of[$s]}; do setting "Identity:Clients:$s-service:Scopes:$n" "$scope"; n=$((n + 1)); done
        done
        ;;
    web)
        setting Web:ApiUrl "$gateway_url"
        ;;
    gateway)
        for s in "${SERVICES[@]}" web; do setting "Services:$s:Url" "$(url "$s")"; done
        ;;
    esac
    if [[ -n "${scopes_of[$name]:-}" ]]; then
        setting Auth:ServiceClient:ClientId "$name-service"
        setting Auth:ServiceClient:ClientSecret "$client_secret"
        setting Auth:ServiceClient:TokenEndpoint "$(url identity)/api/v1/auth/token"
        n=0
        for scope in ${scopes_of[$name]}; do setting "Auth:ServiceClient:Scopes:$n" "$scope"; n=$((n + 1)); done
    fi
}

for name in "${SERVICES[@]}" web gateway; do
    mkdir -p "$dir/services/$name/data"
    settings_of "$name" >"$dir/services/$name/settings.env"
    chmod 600 "$dir/services/$name/settings.env"
done

# server_command NAME: fills the array `cmd` with Mercato.Server and NAME's environment: its
# settings only, plus PATH and a HOME of its own (nothing else of ours leaks into it).
server_command() {
    local folder=$dir/services/$1
    local -a settings
    mapfile -t settings <"$folder/settings.env"
    cmd=(env -i PATH="$PATH" HOME="$folder" DOTNET_CLI_HOME="$folder" DOTNET_NOLOGO=1 LANG=C.UTF-8
        "${settings[@]}" dotnet "$server_dll")
}

# run_server NAME ARGS...: Mercato.Server with NAME's settings in NAME's folder, in the foreground.
run_server() (
    name=$1; shift
    server_command "$name"
    cd "$dir/services/$name"
    exec "${cmd[@]}" "$@"
)

# ------------------------------------------------------------------ migrate
# One process migrates every module's database, as deploy/'s migration Job and compose service do
# (`migrate --services all`): one start instead of nine (measured, each about 2.4 CPU-s).
log "migrating ${SERVICES[*]}"
mkdir -p "$dir/services/migrate"
shared_settings >"$dir/services/migrate/settings.env"
chmod 600 "$dir/services/migrate/settings.env"
if ! run_server migrate migrate --services "$(IFS=,; echo "${SERVICES[*]}")" >"$dir/services/migrate/migrate.log" 2>&1; then
    tail -n 20 "$dir/services/migrate/migrate.log" >&2
    die "migrating failed (log: $dir/services/migrate/migrate.log)"
fi

# ------------------------------------------------------------------ start
# start NAME: in a session of its own (setsid, so a Ctrl+C in the terminal reaches only this
# script, which stops the processes in order); the process records its own pid.
start() {
    local name=$1 folder=$dir/services/$1
    local -a cmd
    server_command "$name"
    INFRA_SPAWN_CWD=$folder infra__spawn "$folder/server.pid" "$folder/server.log" "${cmd[@]}" --services "$name" \
        || die "could not start $name"
    pid_of[$name]=$(cat "$folder/server.pid")
}

# wait_ready NAME...: until each answers /health/ready with 200; a process that exits fails.
wait_ready() {
    local deadline=$((SECONDS + READY_TIMEOUT)) name
    for name in "$@"; do
        until curl -fsS -o /dev/null --max-time 5 "$(url "$name")/health/ready" 2>/dev/null; do
            if ! infra__alive "${pid_of[$name]}"; then
                tail -n 30 "$dir/services/$name/server.log" >&2
                die "$name exited during start-up (log: $dir/services/$name/server.log)"
            fi
            ((SECONDS < deadline)) || die "$name was not ready within ${READY_TIMEOUT}s (log: $dir/services/$name/server.log)"
            sleep 1
        done
        log "$name ready on $(url "$name")"
    done
}

log "starting ${SERVICES[*]} web gateway"
# Identity first: the others read its signing keys and get their tokens from it.
start identity
wait_ready identity
for name in "${SERVICES[@]:1}" web; do start "$name"; done
wait_ready "${SERVICES[@]:1}" web
start gateway
wait_ready gateway

cat <<EOF

Mercato is running in distributed mode (${#pid_of[@]} processes).
  Gateway URL:     $gateway_url
  Storefront URL:  $gateway_url/
  Admin URL:       $gateway_url/admin
  API docs:        $gateway_url/api/docs
  Admin e-mail:    $ADMIN_EMAIL
  Admin password:  $admin_password
  Mail (smtp4dev): $mail_ui
  Directory:       $dir
EOF
for name in "${SERVICES[@]}" web gateway; do
    printf '  Process: %-14s %s pid %s log %s\n' "$name" "$(url "$name")" "${pid_of[$name]}" "$dir/services/$name/server.log"
done
printf 'Press Ctrl+C to stop.\n\n'

# Wait for Ctrl+C; report a process that dies meanwhile (the others keep running).
declare -A reported=()
while :; do
    for name in "${!pid_of[@]}"; do
        if [[ -z "${reported[$name]:-}" ]] && ! infra__alive "${pid_of[$name]}"; then
            reported[$name]=1
            log "$name (pid ${pid_of[$name]}) exited; see $dir/services/$name/server.log"
        fi
    done
    sleep 2 &
    wait $! || true
done
