#!/usr/bin/env bash
# Run every Mercato test on a fresh Debian machine (as root):
#   1. install missing infra packages (rabbitmq-server, redis-server),
#   2. start private PostgreSQL, RabbitMQ, Redis and an SMTP server (smtp4dev)
#      on free 127.0.0.1 ports,
#   3. dotnet test (extra arguments are passed on, e.g. --filter ...),
#   4. stop everything, and print "tests: N passed, N failed" as the last line.
#
# Environment:
#   MERCATO_TEST_POSTGRES, MERCATO_TEST_RABBITMQ, MERCATO_TEST_REDIS,
#   MERCATO_TEST_SMTP, MERCATO_TEST_SMTP_API
#       if all five are set, reuse that infrastructure and start nothing
#       (see scripts/test-env.sh).
#   MERCATO_TEST_TARGET   what to pass to dotnet test (default: Mercato.slnx)
#   MERCATO_KEEP_TMP=1    keep the temp dir (logs, data, trx) after the run
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
# shellcheck source=lib/infra.sh
. "$script_dir/lib/infra.sh"
cd "$repo_root"

target=${MERCATO_TEST_TARGET:-Mercato.slnx}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# No MSBuild node processes left running after the build.
export MSBUILDDISABLENODEREUSE=${MSBUILDDISABLENODEREUSE:-1}

tmp=""
started_infra=0
summary_printed=0

# Stop what we started and remove the temp dir. Runs once.
cleanup() {
    local d=$tmp
    tmp=""
    [[ -n "$d" ]] || return 0
    if ((started_infra)); then
        infra_log "stopping test infrastructure"
        infra_stop "$d" || true
    fi
    if [[ "${MERCATO_KEEP_TMP:-0}" == 1 ]]; then
        infra_log "kept $d"
    else
        infra_remove_dir "$d" || true
    fi
}

on_exit() {
    local rc=$?
    trap '' INT TERM        # don't let a second Ctrl-C interrupt the cleanup
    cleanup
    # Aborted before the summary (infra failed to start, Ctrl-C, ...):
    # still end with a summary line, and never a green one.
    if ((!summary_printed)); then
        echo "tests: 0 passed, 1 failed"
        ((rc != 0)) || rc=1
    fi
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

tmp=$(infra_new_dir)
mkdir -p "$tmp/results"

if [[ -n "${MERCATO_TEST_POSTGRES:-}" && -n "${MERCATO_TEST_RABBITMQ:-}" && -n "${MERCATO_TEST_REDIS:-}" \
    && -n "${MERCATO_TEST_SMTP:-}" && -n "${MERCATO_TEST_SMTP_API:-}" ]]; then
    infra_log "reusing infrastructure from MERCATO_TEST_* environment variables"
else
    infra_ensure_packages
    started_infra=1
    infra_start "$tmp"
    # shellcheck source=/dev/null
    . "$tmp/env.sh"
fi

# ---- the browser tests' tools: axe-core from npm (the accessibility pass); screenshots kept
# beside the results (MERCATO_SCREENSHOTS), and in artifacts/screenshots when MERCATO_KEEP_TMP is unset.
axe_dir=tests/Mercato.Web.Tests/Accessibility
if [[ ! -f $axe_dir/node_modules/axe-core/axe.min.js ]]; then
    infra_log "installing axe-core (npm ci in $axe_dir)"
    ( cd "$axe_dir" && npm ci --no-audit --no-fund --silent ) >&2
fi
export MERCATO_SCREENSHOTS=${MERCATO_SCREENSHOTS:-$repo_root/artifacts/screenshots}

# ---- run the tests
rc=0
# Default .trx names: the logger reserves a unique name per test project.
dotnet test "$target" -c Release --logger trx --results-directory "$tmp/results" "$@" || rc=$?

# ---- count real results from the .trx files (error/timeout/aborted = failed)
passed=0 failed=0 ntrx=0
while IFS= read -r -d '' trx; do
    ntrx=$((ntrx + 1))
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1 || true)
    for attr in passed failed error timeout aborted; do
        v=$(sed -n "s/.* $attr=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
        v=${v:-0}
        if [[ $attr == passed ]]; then passed=$((passed + v)); else failed=$((failed + v)); fi
    done
done < <(find "$tmp/results" -name '*.trx' -print0)

# dotnet test failed (build error, crashed test host, ...) but no failure was
# counted: never report that as green.
if ((rc != 0 && failed == 0)); then
    infra_log "dotnet test exited with $rc (found $ntrx .trx file(s)); counting 1 failure"
    failed=1
fi

cleanup
summary_printed=1
echo "tests: $passed passed, $failed failed"
if ((rc == 0 && failed == 0)); then exit 0; fi
((rc != 0)) || rc=1
exit "$rc"
