#!/usr/bin/env bash
# Check: scripts/run-distributed.sh brings up the whole distributed system on private servers,
# the README's shopper flow passes against its gateway (register, browse, cart, order, pay on
# the sandbox's hosted page, the order reads as paid), the administrator signs in with the
# printed credentials, and SIGINT stops every process it started and frees every port.
# Never uses the suite's MERCATO_TEST_* servers: the script starts its own.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
# shellcheck source=../lib/junit.sh
. scripts/lib/junit.sh
# shellcheck source=../lib/infra.sh
. scripts/lib/infra.sh

START_TIMEOUT=${MERCATO_RUN_CHECK_TIMEOUT:-600}   # seconds for the whole system to come up
STOP_TIMEOUT=120                                  # seconds for the script to stop everything

junit_begin run-distributed
work=$(mktemp -d /tmp/mercato-run-check.XXXXXX)
output=$work/output.log
state=$work/state.json
run_pid=""

# Whatever happens, stop the script (and so everything it started) and remove our files. When the
# script does not stop (a CI run saw it ignore SIGINT), SIGTERM, then SIGKILL; then whatever its
# directory still records is stopped here, so a failed run never leaves servers behind.
finish() {
    if [[ -n "$run_pid" ]] && infra__alive "$run_pid"; then
        kill -INT "$run_pid" 2>/dev/null || true
        if ! infra__wait_gone "$run_pid" "$STOP_TIMEOUT"; then
            kill -TERM "$run_pid" 2>/dev/null || true
            infra__wait_gone "$run_pid" 60 || kill -KILL "$run_pid" 2>/dev/null || true
        fi
    fi
    leftovers
    rm -rf -- "$work"
}

# Stops what the script's directory still records: its services by their pid files (only pids that
# still run Mercato.Server), then its infrastructure; removes the directory.
leftovers() {
    local d pidfile pid
    d=$(sed -n 's/^  Directory: *//p' "$output" 2>/dev/null | head -n1)
    [[ "$d" == /tmp/mercato-run.* && -d "$d" ]] || return 0
    for pidfile in "$d"/services/*/server.pid; do
        [[ -f "$pidfile" ]] || continue
        pid=$(<"$pidfile")
        infra__pid_is "$pid" 'Mercato\.Server' && kill -KILL "$pid" 2>/dev/null || true
    done
    infra_stop "$d" >/dev/null 2>&1 || true
    rm -rf -- "$d"
}
trap finish EXIT

# Job control on: a background job of a script would otherwise ignore SIGINT, and the check
# sends exactly that (what Ctrl+C sends).
set -m
# The suite's own servers stay out of the script's environment.
# SIGINT is put back to its default first: a shell started in the background of a non-interactive
# shell (a CI runner's `cmd &`) inherits it ignored, and bash cannot trap a signal ignored at its start.
env -u MERCATO_TEST_POSTGRES -u MERCATO_TEST_RABBITMQ -u MERCATO_TEST_REDIS -u MERCATO_TEST_SMTP \
    -u MERCATO_TEST_SMTP_API -u MERCATO_TEST_INFRA_DIR \
    python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])' \
    scripts/run-distributed.sh >"$output" 2>&1 &
run_pid=$!
set +m

# The printed value of "  <label>:  <value>".
printed() { sed -n "s/^  $1: *//p" "$output" | head -n1; }

started() {
    local deadline=$((SECONDS + START_TIMEOUT))
    until grep -q '^Press Ctrl+C to stop' "$output"; do
        if ! infra__alive "$run_pid"; then echo "run-distributed.sh exited early:"; tail -n 60 "$output"; return 1; fi
        if ((SECONDS >= deadline)); then echo "not up within ${START_TIMEOUT}s:"; tail -n 60 "$output"; return 1; fi
        sleep 2
    done
    local gateway email password
    gateway=$(printed 'Gateway URL')
    email=$(printed 'Admin e-mail')
    password=$(printed 'Admin password')
    [[ "$gateway" == http://127.0.0.1:* && -n "$email" && -n "$password" ]] || { cat "$output"; return 1; }
    [[ "$(printed 'Storefront URL')" == "$gateway/" && "$(printed 'Admin URL')" == "$gateway/admin" ]] || { cat "$output"; return 1; }
    # Eleven processes: nine services, the web UI and the gateway.
    (($(grep -c '^  Process: ' "$output") == 11)) || { cat "$output"; return 1; }
    python3 -c 'import json, sys; json.dump({"base": sys.argv[1], "adminEmail": sys.argv[2], "adminPassword": sys.argv[3]}, open(sys.argv[4], "w"))' \
        "$gateway" "$email" "$password" "$state"
}

junit_case "run-distributed.sh starts every service and prints the URLs and credentials" started
if [[ ! -s "$state" ]]; then
    junit_fail "shopper flow" "skipped: the system did not come up"
    junit_end
    exit $?
fi

# What it started, read while it runs: the Mercato processes and their ports from its output,
# the servers and their ports from its directory's infra.state.
dir=$(printed 'Directory')
mapfile -t server_pids < <(sed -n 's/^  Process: .* pid \([0-9]*\) log .*/\1/p' "$output")
mapfile -t server_ports < <(sed -n 's/^  Process: *[a-z]* *http:\/\/127\.0\.0\.1:\([0-9]*\) .*/\1/p' "$output")
infra_pids=() infra_ports=()
if [[ -f "$dir/infra.state" ]]; then
    # shellcheck source=/dev/null
    . "$dir/infra.state"
    infra_pids=("${PG_PID:-}" "${RMQ_PID:-}" "${EPMD_PID:-}" "${REDIS_PID:-}" "${SMTP4DEV_PID:-}")
    infra_ports=("${PG_PORT:-}" "${RMQ_PORT:-}" "${REDIS_PORT:-}")
fi

for step in admin register browse cart order pay paid operations pages; do
    case $step in
    pages) name="storefront, admin sign-in page and API docs answer through the gateway" ;;
    admin) name="the administrator signs in with the printed credentials" ;;
    register) name="shopper registers and signs in" ;;
    browse) name="shopper browses the products" ;;
    cart) name="shopper adds a product to the cart" ;;
    order) name="shopper places an order" ;;
    pay) name="shopper pays on the sandbox's hosted page" ;;
    paid) name="the order reads as paid" ;;
    operations) name="the operations endpoints answer through the gateway" ;;
    esac
    junit_case "$name" python3 scripts/lib/shopper_flow.py "$state" "$step"
done

processes_gone() {
    local pid bad=0
    ((${#server_pids[@]} == 11)) || { echo "expected 11 Mercato pids, read ${#server_pids[@]}"; return 1; }
    ((${#infra_pids[@]} == 5)) || { echo "no infra.state was read"; return 1; }
    for pid in "${server_pids[@]}" "${infra_pids[@]}"; do
        [[ -n "$pid" ]] || { echo "a recorded pid is empty"; bad=1; continue; }
        if infra__alive "$pid"; then echo "pid $pid is still running: $(tr '\0' ' ' </proc/"$pid"/cmdline)"; bad=1; fi
    done
    ((bad == 0))
}

ports_free() {
    local port bad=0
    for port in "${server_ports[@]}" "${infra_ports[@]}"; do
        [[ -n "$port" ]] || { echo "a recorded port is empty"; bad=1; continue; }
        if infra__port_open "$port"; then echo "port $port still accepts connections"; bad=1; fi
    done
    ((${#server_ports[@]} == 11)) || { echo "expected 11 service ports, read ${#server_ports[@]}"; bad=1; }
    ((bad == 0))
}

directory_removed() {
    [[ -n "$dir" && "$dir" == /tmp/mercato-run.* ]] || { echo "no directory was printed"; return 1; }
    [[ ! -e "$dir" ]] || { echo "$dir is still there"; return 1; }
}

# In this shell, not in junit_case's subshell: only the parent can wait for the script's exit code.
kill -INT "$run_pid"
if ! infra__wait_gone "$run_pid" "$STOP_TIMEOUT"; then
    junit_fail "SIGINT stops run-distributed.sh" "still running ${STOP_TIMEOUT}s after SIGINT"$'\n'"$(tail -n 30 "$output")"
else
    wait "$run_pid"
    rc=$?
    run_pid=""
    # 130: it stopped because of SIGINT, after cleaning up.
    if ((rc == 130)); then
        junit_pass "SIGINT stops run-distributed.sh"
    else
        junit_fail "SIGINT stops run-distributed.sh" "exit code $rc, expected 130"$'\n'"$(tail -n 30 "$output")"
    fi
fi
junit_case "every process it started is gone" processes_gone
junit_case "every port it used is free" ports_free
junit_case "its directory is removed" directory_removed
junit_end
