#!/usr/bin/env bash
# Run every Mercato test on a fresh Debian machine (as root):
#   1. install missing infra packages (rabbitmq-server, redis-server),
#   2. start private PostgreSQL, RabbitMQ, Redis and an SMTP server (smtp4dev)
#      on free 127.0.0.1 ports,
#   3. build once, then dotnet test every test project, in two lanes side by side
#      (extra arguments are passed on to each, e.g. --filter ...),
#   4. stop everything, and print "tests: N passed, N failed" as the last line.
#
# Environment:
#   MERCATO_TEST_POSTGRES, MERCATO_TEST_RABBITMQ, MERCATO_TEST_REDIS,
#   MERCATO_TEST_SMTP, MERCATO_TEST_SMTP_API
#       if all five are set, reuse that infrastructure and start nothing
#       (see scripts/test-env.sh).
#   MERCATO_TEST_TARGET   a project or solution to test in one dotnet test run
#                         instead of every test project in two lanes
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

# ---- run the tests
rc=0
if [[ -n "${MERCATO_TEST_TARGET:-}" ]]; then
    # Default .trx names: the logger reserves a unique name per test project.
    dotnet test "$target" -c Release --logger trx --results-directory "$tmp/results" "$@" || rc=$?
else
    # Build once, then run the test projects in two lanes side by side (each lane one project
    # at a time): most of a test's time is spent waiting (HTTP, databases, the broker, the
    # browser), so two lanes use a 2-core machine better than one. The lanes are balanced by the
    # projects' run times; every project using RabbitMQ's shared broker is in the first lane.
    # Each line of a lane's output is prefixed with the lane's number.
    dotnet build "$target" -c Release --nologo -v q || rc=$?
    if ((rc == 0)); then
        lanes=(
            "Cart Messaging EndToEnd Server Architecture"
            "Identity Ordering Catalog Payments Notifications Platform"
        )
        # A test project missing from the lanes would silently not run: refuse that.
        for csproj in tests/*.Tests/*.Tests.csproj; do
            project=$(basename "$csproj" .Tests.csproj); project=${project#Mercato.}
            if [[ " ${lanes[*]} " != *" $project "* ]]; then
                echo "scripts/test.sh: $csproj is in no lane; add it to one" >&2
                rc=1
            fi
        done
    fi
    if ((rc == 0)); then
        for i in "${!lanes[@]}"; do
            (
                lane_rc=0
                for project in ${lanes[$i]}; do
                    dotnet test "tests/Mercato.$project.Tests/Mercato.$project.Tests.csproj" -c Release --no-build \
                        --logger "trx;LogFileName=$project.trx" --results-directory "$tmp/results" "$@" || lane_rc=1
                done
                echo "$lane_rc" >"$tmp/lane-$i.rc"
            ) 2>&1 | sed -u "s/^/[lane $((i + 1))] /" &
        done
        wait
        for i in "${!lanes[@]}"; do
            [[ "$(cat "$tmp/lane-$i.rc" 2>/dev/null)" == 0 ]] || rc=1
        done
    fi
fi

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
