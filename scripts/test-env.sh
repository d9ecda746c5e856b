#!/usr/bin/env bash
# Start (or stop) the private test infrastructure for quick local iteration:
#
#   eval "$(scripts/test-env.sh start)"     # starts PostgreSQL, RabbitMQ, Redis, smtp4dev
#   scripts/test.sh --filter ...             # reuses them (MERCATO_TEST_* set)
#   scripts/test-env.sh stop                 # stops them ($MERCATO_TEST_INFRA_DIR)
#   scripts/test-env.sh stop /tmp/mercato-test.XXXXXXXX
#
# "start" prints only export lines on stdout (progress goes to stderr). The
# directory holds all data and logs, plus DIR/rabbitmq/rabbitmqctl for poking
# at the broker. Set MERCATO_KEEP_TMP=1 to keep the directory on stop.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/infra.sh
. "$script_dir/lib/infra.sh"

usage() { echo "usage: $0 start | stop [DIR]" >&2; exit 2; }

case "${1:-}" in
start)
    infra_ensure_packages
    dir=$(infra_new_dir)
    # On failure or interruption, don't leave half-started services behind.
    ok=0
    abort() { trap '' INT TERM; infra_stop "$dir" || true; infra_remove_dir "$dir" || true; }
    trap '((ok)) || abort' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    infra_start "$dir"
    # shellcheck disable=SC2034  # read by the EXIT trap
    ok=1
    cat "$dir/env.sh"
    echo "# stop with: $script_dir/test-env.sh stop $dir"
    ;;
stop)
    dir=${2:-${MERCATO_TEST_INFRA_DIR:-}}
    [[ -n "$dir" ]] || usage
    [[ -f "$dir/infra.state" ]] || { infra_log "$dir: no infra.state, nothing to stop"; exit 1; }
    infra_stop "$dir"
    if [[ "${MERCATO_KEEP_TMP:-0}" == 1 ]]; then
        infra_log "kept $dir"
    else
        infra_remove_dir "$dir"
    fi
    infra_log "stopped"
    ;;
*) usage ;;
esac
