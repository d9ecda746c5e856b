# shellcheck shell=bash
# Shared helpers that start/stop a private, throwaway test infrastructure:
# PostgreSQL, RabbitMQ, Redis and an SMTP server (smtp4dev, a local dotnet tool
# with an HTTP API to read what arrived), all on 127.0.0.1 on free ports, with every
# file (data, logs, sockets, pid files, Erlang cookie) inside one directory.
#
# Sourced by scripts/test.sh and scripts/test-env.sh. Needs root (it installs
# missing Debian packages and drops privileges to the postgres/rabbitmq users).
#
# Public functions:
#   infra_ensure_packages     install rabbitmq-server/redis-server/postgres if missing
#   infra_new_dir             create the private temp dir, print its path
#   infra_start DIR           start all four services; writes DIR/env.sh (exports)
#   infra_stop DIR            stop everything recorded in DIR/infra.state
#   infra_remove_dir DIR      rm -rf DIR (only if it is one of ours)
#
# All human-readable output goes to stderr, so stdout stays clean for eval.
#
# Note for editors: anything that may block is run in a subshell, e.g.
# "f() ( ... )" functions or "( cmd ) >log". A redirection on a plain function
# call or { group } is applied in the calling shell, and a signal trap firing
# meanwhile (test.sh's cleanup) would then write into that log file.

INFRA_DIR_PREFIX=/tmp/mercato-test.
INFRA_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)   # where .config/dotnet-tools.json is
INFRA_STARTUP_TIMEOUT=${INFRA_STARTUP_TIMEOUT:-60}   # seconds, per service
RMQ_LIB=/usr/lib/rabbitmq/bin   # the real scripts; /usr/sbin/* are Debian wrappers that
                                # force /var/lib/rabbitmq as HOME and /var/log for logs

infra_log() { printf '[infra] %s\n' "$*" >&2; }

# Print the PostgreSQL bin dir (newest installed major version), or nothing.
infra__pg_bindir() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
    [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]] && echo "$d"
    return 0
}

infra_ensure_packages() {
    local -a missing=()
    # rabbitmq-server: we use the real scripts under /usr/lib/rabbitmq/bin.
    if ! dpkg -s rabbitmq-server >/dev/null 2>&1 || [[ ! -x $RMQ_LIB/rabbitmq-server ]]; then
        missing+=(rabbitmq-server)
    fi
    if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
        missing+=(redis-server redis-tools)
    fi
    [[ -n "$(infra__pg_bindir)" ]] || missing+=(postgresql)
    command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
    # Seed 004's own Python client drives one payment test.
    python3 -c 'import requests' >/dev/null 2>&1 || missing+=(python3 python3-requests)
    # The storefront's and dashboard's browser tests drive Debian's Chromium through Playwright, in
    # its headless build (half the Web suite's time of the full browser in headless mode); the
    # accessibility pass runs axe-core from npm.
    command -v chromium-headless-shell >/dev/null 2>&1 || missing+=(chromium-headless-shell fonts-liberation)
    { command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } || missing+=(nodejs npm)
    if ((${#missing[@]})); then
        infra_log "installing: ${missing[*]}"
        local log rc=0
        log=$(mktemp /tmp/mercato-apt.XXXXXX.log)
        export DEBIAN_FRONTEND=noninteractive
        ( apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" ) \
            >"$log" 2>&1 </dev/null || rc=$?
        if ((rc)); then infra_log "apt-get failed:"; tail -n 30 "$log" >&2; rm -f "$log"; return 1; fi
        rm -f "$log"
    fi
    # epmd ships with erlang-base (a rabbitmq-server dependency).
    [[ -n "$(infra__epmd_bin)" ]] || { infra_log "epmd not found"; return 1; }
}

infra__epmd_bin() {
    if command -v epmd >/dev/null 2>&1; then command -v epmd; return 0; fi
    ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | sort -V | tail -n1
}

# Print N distinct TCP ports that are currently free on 127.0.0.1. Ports come
# from 20000-32767, below Linux's ephemeral range (32768+), so they cannot
# clash with outgoing connections' source ports.
infra__free_ports() {
    local n=$1
    if command -v python3 >/dev/null 2>&1; then
        python3 - "$n" <<'PY'
import random, socket, sys
n, held, ports = int(sys.argv[1]), [], []
candidates = random.sample(range(20000, 32768), 2000)
for p in candidates:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("127.0.0.1", p))   # no SO_REUSEADDR: fails if anything uses it
    except OSError:
        s.close(); continue
    held.append(s); ports.append(p)   # keep bound so the N ports are distinct
    if len(ports) == n: break
print(" ".join(map(str, ports)))
PY
    else
        # Fallback: a port nobody answers on is (very likely) free.
        local -a out=() ; local p
        while ((${#out[@]} < n)); do
            p=$((20000 + RANDOM % 12768))
            [[ " ${out[*]} " == *" $p "* ]] && continue
            if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then out+=("$p"); fi
        done
        echo "${out[*]}"
    fi
}

# True when something accepts TCP connections on 127.0.0.1:$1.
infra__port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when pid $1 is alive and its command line matches regex $2 (guards
# against killing an unrelated process that reused a recorded pid).
infra__pid_is() {
    local pid=$1 re=$2 cmd
    [[ -n "$pid" ]] && infra__alive "$pid" || return 1
    cmd=$(tr '\0' ' ' </proc/"$pid"/cmdline 2>/dev/null) || return 1
    [[ "$cmd" =~ $re ]]
}

# True when pid $1 is running (exists and is not a zombie). Builtins only, no child process: a
# script waiting in a loop of these must act on a SIGINT sent to it alone, and bash ignores such a
# SIGINT that arrives while a foreground child runs and that child exits normally (bash's "wait
# and cooperative exit"); run-distributed.sh once missed its Ctrl+C that way under load.
infra__alive() {
    local st
    { read -r st <"/proc/$1/stat"; } 2>/dev/null || return 1
    st=${st##*) }   # the state follows "(comm) "; comm may itself hold ") "
    st=${st%% *}
    [[ -n "$st" && "$st" != Z ]]
}

# Wait up to $2 seconds for pid $1 to exit.
infra__wait_gone() {
    local pid=$1 i
    for ((i = 0; i < $2 * 10; i++)); do
        infra__alive "$pid" || return 0
        sleep 0.1
    done
    return 1
}

# Append KEY=VALUE to the state file (sourced by infra_stop).
infra__state() { printf '%s=%q\n' "$2" "$3" >>"$1/infra.state"; }

infra_new_dir() {
    local dir
    dir=$(mktemp -d "${INFRA_DIR_PREFIX}XXXXXXXX")
    chmod 711 "$dir"               # postgres/rabbitmq users must traverse it
    : >"$dir/infra.state"
    echo "$dir"
}

# Run a command as user $1 (with its groups) from cwd /, without su/PAM.
infra__as() ( u=$1; shift; cd / && exec setpriv --reuid="$u" --regid="$u" --init-groups -- "$@" )

# Start "$@" in the background in its own session (setsid: own process group,
# no controlling terminal, so a Ctrl-C in the terminal doesn't reach it), with
# output to log file $2. The process writes its own pid to file $1 before
# exec, so the recorded pid is exact.
# INFRA_SPAWN_CWD sets the working directory (default /).
infra__spawn() {
    local pidfile=$1 log=$2; shift 2
    setsid bash -c 'echo $$ >"$1"; cd "$2" || exit 1; shift 2; exec "$@"' _ "$pidfile" "${INFRA_SPAWN_CWD:-/}" "$@" \
        </dev/null >"$log" 2>&1 &
    infra__wait_file "$pidfile"
}

# ---------------------------------------------------------------- PostgreSQL
infra__start_postgres() {
    local dir=$1 port=$2 bin pg=$1/pg
    bin=$(infra__pg_bindir)
    mkdir -p "$pg"
    echo postgres >"$pg/pwfile"
    chown -R postgres:postgres "$pg"
    chmod 700 "$pg"
    infra__state "$dir" PG_BIN "$bin"
    infra__state "$dir" PG_DATA "$pg/data"
    infra__as postgres "$bin/initdb" -D "$pg/data" -U postgres --pwfile="$pg/pwfile" \
        --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg/initdb.log" 2>&1 \
        || { infra_log "initdb failed:"; tail -n 30 "$pg/initdb.log" >&2; return 1; }
    cat >>"$pg/data/postgresql.conf" <<EOF

# --- throwaway test cluster (scripts/lib/infra.sh) ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$pg'
# Three suites run at once in the test command (two CPU lanes and the waiting suites' lane), each
# with in-memory hosts whose module databases keep their own connection pools: at 300 a PostgreSQL
# race test (a hundred concurrent orders) met "53300: sorry, too many clients already".
max_connections = 1000
fsync = off
synchronous_commit = off
full_page_writes = off
# The suites create and drop hundreds of short-lived databases; autovacuum visits each one that
# saw writes every minute (a new backend each time): measured with 200 such databases, 8.5 CPU-s
# a minute with nothing to do, 0.1 without it. Nothing here lives long enough to need vacuuming.
autovacuum = off
EOF
    # pg_ctl puts the postmaster in its own session (setsid) already.
    infra__as postgres "$bin/pg_ctl" -D "$pg/data" -l "$pg/postgres.log" \
        -w -t "$INFRA_STARTUP_TIMEOUT" start >/dev/null \
        || { infra_log "postgres failed to start:"; tail -n 30 "$pg/postgres.log" >&2; return 1; }
    infra__state "$dir" PG_PID "$(head -n1 "$pg/data/postmaster.pid")"
    infra__state "$dir" PG_PORT "$port"
}

infra__stop_postgres() {
    [[ -n "${PG_DATA:-}" && -f "$PG_DATA/postmaster.pid" ]] || return 0
    infra__as postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
    if infra__pid_is "${PG_PID:-}" 'postgres'; then
        kill -KILL "$PG_PID" 2>/dev/null || true
        infra__wait_gone "$PG_PID" 5 || true
    fi
}

# ------------------------------------------------------------------ RabbitMQ
# Writes DIR/rabbitmq/env: the complete, private environment for the server
# and its CLI tools. HOME points at a private dir holding our own
# .erlang.cookie (Erlang and the CLI read $HOME/.erlang.cookie), and
# ERL_EPMD_PORT points every Erlang VM at our own epmd on a free port.
infra__rmq_write_env() {
    local r=$1 node=$2 amqp=$3 dist=$4 epmd=$5 ctl=$6
    cat >"$r/env" <<EOF
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LANG=C.UTF-8
LC_ALL=C.UTF-8
HOME=$r/home
ERL_EPMD_PORT=$epmd
RABBITMQ_NODENAME=$node
RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
RABBITMQ_NODE_PORT=$amqp
RABBITMQ_DIST_PORT=$dist
RABBITMQ_CTL_DIST_PORT_MIN=$ctl
RABBITMQ_CTL_DIST_PORT_MAX=$ctl
RABBITMQ_CONF_ENV_FILE=$r/rabbitmq-env.conf
RABBITMQ_CONFIG_FILE=$r/rabbitmq.conf
RABBITMQ_ADVANCED_CONFIG_FILE=$r/advanced.config
RABBITMQ_ENABLED_PLUGINS_FILE=$r/enabled_plugins
RABBITMQ_FEATURE_FLAGS_FILE=$r/feature_flags
RABBITMQ_MNESIA_BASE=$r/mnesia
RABBITMQ_LOG_BASE=$r/log
RABBITMQ_PID_FILE=$r/rabbitmq.pid
RABBITMQ_MOTD_FILE=$r/motd
EOF
}

# Run RabbitMQ CLI tool $2 (e.g. rabbitmqctl) against the node of DIR ($1) as
# the rabbitmq user, with only the private environment, killed after $3 seconds.
infra__rmq() (
    dir=$1 tool=$2 secs=$3; shift 3
    mapfile -t envv <"$dir/rabbitmq/env"
    infra__as rabbitmq env -i "${envv[@]}" timeout "$secs" "$RMQ_LIB/$tool" \
        -n "$(infra__rmq_node "$dir")" "$@"
)

infra__start_rabbitmq() {
    local dir=$1 amqp=$2 dist=$3 epmd=$4 ctl=$5 r=$1/rabbitmq node epmd_bin
    node="mercato-test-$$-${dir##*.}@localhost"
    mkdir -p "$r/home" "$r/mnesia" "$r/log"
    # Private Erlang cookie: random, mode 0400, owned by rabbitmq.
    head -c 30 /dev/urandom | od -An -tx1 | tr -d ' \n' | head -c 40 >"$r/home/.erlang.cookie"
    chmod 400 "$r/home/.erlang.cookie"
    : >"$r/rabbitmq-env.conf"                 # don't read /etc/rabbitmq/rabbitmq-env.conf
    echo '[].' >"$r/enabled_plugins"          # no plugins (no management UI)
    cat >"$r/rabbitmq.conf" <<'EOF'
# throwaway test node (scripts/lib/infra.sh); listeners come from env vars
loopback_users.guest = true
disk_free_limit.absolute = 50MB
log.console = false
log.file.level = info
EOF
    echo '[].' >"$r/advanced.config"
    infra__rmq_write_env "$r" "$node" "$amqp" "$dist" "$epmd" "$ctl"
    chown -R rabbitmq:rabbitmq "$r"
    chmod 700 "$r"
    # Generated helper scripts for humans, e.g. DIR/rabbitmq/rabbitmqctl status
    local t
    for t in rabbitmqctl rabbitmq-diagnostics; do
        cat >"$r/$t" <<EOF
#!/usr/bin/env bash
mapfile -t envv <"$r/env"
exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups -- env -i "\${envv[@]}" $RMQ_LIB/$t -n $node "\$@"
EOF
        chmod 700 "$r/$t"; chown root:root "$r/$t"
    done
    infra__state "$dir" RMQ_NODE "$node"
    infra__state "$dir" RMQ_PORT "$amqp"

    # Our own epmd on a private port (so we never touch a system epmd on 4369,
    # and we know its pid). Each background process runs in its own session
    # (setsid) and records its pid itself, so the pid is exact.
    epmd_bin=$(infra__epmd_bin)
    infra__spawn "$r/epmd.pid" "$r/log/epmd.log" \
        setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups -- \
        "$epmd_bin" -port "$epmd" -address 127.0.0.1 || return 1
    infra__state "$dir" EPMD_PID "$(cat "$r/epmd.pid")"
    local i
    for ((i = 0; i < 50; i++)); do infra__port_open "$epmd" && break; sleep 0.1; done

    # The broker: rabbitmq-server (a sh script) runs erl -> beam.smp as child.
    local -a envv
    mapfile -t envv <"$r/env"
    infra__spawn "$r/server.pid" "$r/log/startup.log" \
        setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups -- \
        env -i "${envv[@]}" "$RMQ_LIB/rabbitmq-server" || return 1
    infra__state "$dir" RMQ_PID "$(cat "$r/server.pid")"
}

infra__wait_file() {
    local i
    for ((i = 0; i < 50; i++)); do [[ -s "$1" ]] && return 0; sleep 0.1; done
    infra_log "timed out waiting for $1"; return 1
}

infra__rmq_log_tail() {
    local r=$1/rabbitmq f
    for f in "$r"/log/*.log; do
        [[ -f "$f" ]] || continue
        infra_log "--- tail of $f"
        tail -n 40 "$f" >&2
    done
}

# Wait until the node accepts AMQP connections and reports booted.
infra__wait_rabbitmq() {
    local dir=$1 port=$2 deadline=$((SECONDS + INFRA_STARTUP_TIMEOUT)) pid
    pid=$(cat "$dir/rabbitmq/server.pid")
    until infra__port_open "$port"; do
        if ! infra__alive "$pid"; then
            infra_log "rabbitmq-server exited during start-up"; infra__rmq_log_tail "$dir"; return 1
        fi
        if ((SECONDS >= deadline)); then
            infra_log "rabbitmq did not open port $port within ${INFRA_STARTUP_TIMEOUT}s"
            infra__rmq_log_tail "$dir"; return 1
        fi
        sleep 0.2
    done
    # Also proves the CLI can reach the node (cookie + epmd), which stop needs.
    if ! infra__rmq "$dir" rabbitmqctl $((INFRA_STARTUP_TIMEOUT + 10)) -q \
            await_startup --timeout "$INFRA_STARTUP_TIMEOUT" >&2; then
        infra_log "rabbitmqctl await_startup failed"; infra__rmq_log_tail "$dir"; return 1
    fi
}

infra__rmq_node() { grep '^RABBITMQ_NODENAME=' "$1/rabbitmq/env" | cut -d= -f2; }

# Print the pids of all descendants of pid $1.
infra__descendants() {
    ps -eo pid=,ppid= | awk -v root="$1" '
        { parent[$1] = $2 }
        END { for (p in parent) { q = p
                while (q in parent && q != root && q > 1) q = parent[q]
                if (q == root && p != root) print p } }'
}

infra__stop_rabbitmq() {
    local dir=$1 kids="" p
    # Remember the broker's process tree (beam.smp, erl_child_setup,
    # inet_gethost: some run in sessions of their own) to sweep it afterwards.
    [[ -n "${RMQ_PID:-}" ]] && kids=$(infra__descendants "$RMQ_PID")
    if [[ -n "${RMQ_PID:-}" ]] && infra__alive "$RMQ_PID"; then
        infra__rmq "$dir" rabbitmqctl 30 -q stop >/dev/null 2>&1 || true
        if ! infra__wait_gone "$RMQ_PID" 15; then
            kill -TERM -- "-$RMQ_PID" 2>/dev/null || true    # its whole process group
            infra__wait_gone "$RMQ_PID" 10 || kill -KILL -- "-$RMQ_PID" 2>/dev/null || true
        fi
    fi
    for p in $kids; do
        if [[ "$(stat -c %U "/proc/$p" 2>/dev/null)" == rabbitmq ]]; then
            kill -KILL "$p" 2>/dev/null || true
        fi
    done
    # The epmd is always ours (private port): stop it by pid.
    if infra__pid_is "${EPMD_PID:-}" 'epmd'; then
        kill -TERM "$EPMD_PID" 2>/dev/null || true
        infra__wait_gone "$EPMD_PID" 5 || kill -KILL "$EPMD_PID" 2>/dev/null || true
    fi
}

# --------------------------------------------------------------------- Redis
infra__start_redis() {
    local dir=$1 port=$2 rd=$1/redis i
    mkdir -p "$rd"
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
        --daemonize yes --pidfile "$rd/redis.pid" --dir "$rd" \
        --logfile "$rd/redis.log" >/dev/null
    infra__state "$dir" REDIS_PORT "$port"
    for ((i = 0; i < INFRA_STARTUP_TIMEOUT * 10; i++)); do
        if [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" == PONG ]]; then
            infra__state "$dir" REDIS_PID "$(cat "$rd/redis.pid")"
            return 0
        fi
        sleep 0.1
    done
    infra_log "redis did not answer PING:"; tail -n 30 "$rd/redis.log" >&2 2>/dev/null; return 1
}

infra__stop_redis() {
    local pid=${REDIS_PID:-}
    [[ -n "$pid" ]] || pid=$(cat "$1/redis/redis.pid" 2>/dev/null || true)
    if [[ -n "${REDIS_PORT:-}" ]]; then
        timeout 10 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    fi
    if infra__pid_is "$pid" 'redis-server'; then
        infra__wait_gone "$pid" 5 || kill -KILL "$pid" 2>/dev/null || true
    fi
}

# ------------------------------------------------------------------ smtp4dev
# The SMTP server the notification tests deliver to; tests read what arrived
# through its HTTP API (GET /api/messages, /api/messages/{id}/raw). The
# messages live in memory only; IMAP and POP3 are off.
infra__start_smtp4dev() (
    local dir=$1 smtp=$2 web=$3 sd=$1/smtp4dev
    mkdir -p "$sd"
    # On an empty NuGet cache the SDK's parallel tool restore can mix up two packages
    # ("The command \"kiota\" ... is not contained in the package ... The commands contained
    # in the package are smtp4dev"; seen on a fresh machine, the second try restores all):
    # one retry, and the first try's output is kept in the log.
    ( cd "$INFRA_REPO" && dotnet tool restore ) >"$sd/restore.log" 2>&1 ||
        { infra_log "dotnet tool restore failed once; retrying"; ( cd "$INFRA_REPO" && dotnet tool restore ) >>"$sd/restore.log" 2>&1; } || {
        infra_log "dotnet tool restore failed:"; tail -n 20 "$sd/restore.log" >&2; return 1; }
    INFRA_SPAWN_CWD=$INFRA_REPO infra__spawn "$sd/smtp4dev.pid" "$sd/smtp4dev.log" \
        dotnet tool run smtp4dev -- --urls="http://127.0.0.1:$web" --smtpport="$smtp" \
        --bindaddress=127.0.0.1 --imapport= --pop3port= --db= --nousersettings \
        --baseappdatapath="$sd" --messagestokeep=100000 --sessionstokeep=100 || return 1
    infra__state "$dir" SMTP4DEV_PID "$(cat "$sd/smtp4dev.pid")"
)

infra__wait_smtp4dev() {
    local dir=$1 smtp=$2 web=$3 i
    for ((i = 0; i < INFRA_STARTUP_TIMEOUT * 10; i++)); do
        if infra__port_open "$smtp" && curl -fs "http://127.0.0.1:$web/api/messages" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.1
    done
    infra_log "smtp4dev did not answer:"; tail -n 30 "$dir/smtp4dev/smtp4dev.log" >&2 2>/dev/null; return 1
}

infra__stop_smtp4dev() {
    local pid=${SMTP4DEV_PID:-} child
    [[ -n "$pid" ]] || pid=$(cat "$1/smtp4dev/smtp4dev.pid" 2>/dev/null || true)
    infra__pid_is "$pid" 'smtp4dev|Smtp4dev' || return 0
    # "dotnet tool run" may start the server as a child process: stop the whole group.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    infra__wait_gone "$pid" 10 || kill -KILL -- "-$pid" 2>/dev/null || true
    for child in $(pgrep -g "$pid" 2>/dev/null); do kill -KILL "$child" 2>/dev/null || true; done
}

# ------------------------------------------------------------------- public
# Start everything in DIR; RabbitMQ (slowest) boots while Postgres and Redis
# start. Writes DIR/env.sh with the MERCATO_TEST_* exports.
infra_start() {
    local dir=$1 t0=$SECONDS
    local -a p
    read -r -a p <<<"$(infra__free_ports 8)"
    ((${#p[@]} == 8)) || { infra_log "could not find free ports"; return 1; }
    # p: 0=postgres 1=amqp 2=erlang dist 3=epmd 4=CLI dist 5=redis 6=smtp 7=smtp4dev web API
    infra_log "starting rabbitmq (amqp ${p[1]}), postgres (${p[0]}), redis (${p[5]}), smtp4dev (smtp ${p[6]}, api ${p[7]}) in $dir"
    infra__start_rabbitmq "$dir" "${p[1]}" "${p[2]}" "${p[3]}" "${p[4]}" || return 1
    infra__start_smtp4dev "$dir" "${p[6]}" "${p[7]}" || return 1
    infra__start_postgres "$dir" "${p[0]}" || return 1
    infra__start_redis "$dir" "${p[5]}" || return 1
    infra__wait_rabbitmq "$dir" "${p[1]}" || return 1
    infra__wait_smtp4dev "$dir" "${p[6]}" "${p[7]}" || return 1
    cat >"$dir/env.sh" <<EOF
export MERCATO_TEST_POSTGRES='Host=127.0.0.1;Port=${p[0]};Username=postgres;Password=postgres'
export MERCATO_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:${p[1]}/'
export MERCATO_TEST_REDIS='127.0.0.1:${p[5]}'
export MERCATO_TEST_SMTP='127.0.0.1:${p[6]}'
export MERCATO_TEST_SMTP_API='http://127.0.0.1:${p[7]}'
export MERCATO_TEST_INFRA_DIR='$dir'
EOF
    infra_log "infrastructure ready in $((SECONDS - t0))s"
}

# Stop whatever DIR/infra.state says was started. Safe to call on a partial start.
# CPU seconds pid $1 and its descendants used so far (their own, and that of the children they
# reaped: a PostgreSQL backend's work is the postmaster's once the backend ends).
infra__cpu_seconds() {
    local root=$1 pid ticks=0 stat
    local -a f
    infra__alive "$root" || { echo 0; return 0; }
    for pid in "$root" $(infra__descendants "$root"); do
        stat=$(cat /proc/"$pid"/stat 2>/dev/null) || continue
        # Fields after the command name (which may hold spaces): utime stime cutime cstime are 14-17.
        read -r -a f <<<"${stat##*) }"
        ticks=$((ticks + f[11] + f[12] + f[13] + f[14]))
    done
    awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", t / hz }'
}

# Log the CPU seconds each server of the test infrastructure used: the part of a run's CPU that
# is not in the suites' own account (run_suite in scripts/test.sh).
infra_cpu() {
    local dir=$1
    [[ -f "$dir/infra.state" ]] || return 0
    (
        # shellcheck source=/dev/null
        . "$dir/infra.state"
        infra_log "CPU seconds of the infrastructure: postgres $(infra__cpu_seconds "${PG_PID:-}")," \
            "rabbitmq $(infra__cpu_seconds "${RMQ_PID:-}"), redis $(infra__cpu_seconds "${REDIS_PID:-}")," \
            "smtp4dev $(infra__cpu_seconds "${SMTP4DEV_PID:-}")"
    )
}

infra_stop() {
    local dir=$1 t0=$SECONDS
    [[ -f "$dir/infra.state" ]] || return 0
    infra_cpu "$dir"
    (   # subshell: the state variables don't leak into the caller
        # shellcheck source=/dev/null
        . "$dir/infra.state"
        infra__stop_smtp4dev "$dir"
        infra__stop_redis "$dir"
        infra__stop_postgres "$dir"
        infra__stop_rabbitmq "$dir"
    )
    infra_log "infrastructure stopped in $((SECONDS - t0))s"
}

infra_remove_dir() {
    local dir=$1
    [[ "$dir" == "$INFRA_DIR_PREFIX"* && -f "$dir/infra.state" ]] || {
        infra_log "refusing to remove $dir (not a test infra dir)"; return 1; }
    rm -rf -- "$dir"
}
