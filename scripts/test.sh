#!/usr/bin/env bash
# Run every Mercato test on a fresh Debian machine (as root):
#   1. install missing infra packages (rabbitmq-server, redis-server),
#   2. start private PostgreSQL, RabbitMQ, Redis and an SMTP server (smtp4dev)
#      on free 127.0.0.1 ports (in the background, while step 3 builds),
#   3. build, then run every test project's xunit executable and the checks in two lanes
#      (and a third for the suites that mostly wait)
#      (extra arguments, e.g. --filter ..., run the test projects through dotnet test instead),
#   4. stop everything, and print "tests: N passed, N failed" as the last line.
#
# Environment:
#   MERCATO_TEST_POSTGRES, MERCATO_TEST_RABBITMQ, MERCATO_TEST_REDIS,
#   MERCATO_TEST_SMTP, MERCATO_TEST_SMTP_API
#       if all five are set, reuse that infrastructure and start nothing
#       (see scripts/test-env.sh).
#   MERCATO_TEST_TARGET   run only this (a project or solution) in one dotnet test call
#                         (default: build Mercato.slnx once, then run every tests/*.Tests
#                         project and every scripts/checks/*.sh in MERCATO_TEST_LANES lanes)
#   MERCATO_TEST_LANES    parallel lanes for the CPU-bound suites (default 2: on two cores, three
#                         lanes of suites that each start server processes pushed the load past
#                         80 and servers missed their 60 s start-up limit); one more lane runs the
#                         suites that mostly wait (suite_waits below)
#   MERCATO_TEST_READYTORUN=0
#                         run the server processes from the plain build instead of the
#                         ReadyToRun copy the run publishes (see publish_server below)
#   MERCATO_TEST_TEMPLATES=0
#                         every in-memory test host migrates its module databases instead of
#                         starting from copies of templates migrated once per test process
#                         (tests/Mercato.Testing/MigratedTemplates.cs)
#   MERCATO_TEST_CHECKS=0 skip scripts/checks/*.sh (they are skipped too when arguments such
#                         as --filter are given)
#   MERCATO_KEEP_TMP=1    keep the temp dir (logs, data, trx) after the run
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
# shellcheck source=lib/infra.sh
. "$script_dir/lib/infra.sh"
# shellcheck source=lib/junit.sh
. "$script_dir/lib/junit.sh"
cd "$repo_root"

target=${MERCATO_TEST_TARGET:-Mercato.slnx}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# No MSBuild node processes left running after the build.
export MSBUILDDISABLENODEREUSE=${MSBUILDDISABLENODEREUSE:-1}

tmp=""
started_infra=0
infra_job=""
publish_job=""
summary_printed=0

# Stop what we started and remove the temp dir. Runs once.
cleanup() {
    local d=$tmp
    tmp=""
    [[ -n "$d" ]] || return 0
    # A start still under way records what it starts as it goes: let it end before stopping it all.
    if [[ -n $infra_job ]]; then wait "$infra_job" 2>/dev/null || true; infra_job=""; fi
    if [[ -n $publish_job ]]; then wait "$publish_job" 2>/dev/null || true; publish_job=""; fi
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

# Minutes each suite took in a clean-clone run here (4e484c1: two lanes on two cores, so each
# alongside another suite): the lanes take the longest first. A suite not listed counts 1 minute.
declare -A suite_minutes=(
    [Mercato.Web.Tests]=5.7 [Mercato.Ordering.Tests]=4.2 [Mercato.Identity.Tests]=3.2
    [Mercato.Catalog.Tests]=2.8 [Mercato.Server.Tests]=2.6 [run-distributed.sh]=2.2
    [generated.sh]=1.8 [newman.sh]=1.8 [Mercato.Notifications.Tests]=1.6 [Mercato.Payments.Tests]=1.5
    [Mercato.EndToEnd.Tests]=1.5 [Mercato.Messaging.Tests]=1.4 [Mercato.Cart.Tests]=1.3
    [Mercato.Platform.Tests]=1.1 [Mercato.Webhooks.Tests]=1.1 [Mercato.Logs.Tests]=1.0
    [Mercato.Support.Tests]=0.8 [typescript-client.sh]=0.5 [deploy.sh]=0.5 [Mercato.Client.Tests]=0.4
    [Mercato.Architecture.Tests]=0.1
)

# Run one suite (a test project or a check script), its output into its own log, printed whole
# when it ends (under a lock, so lanes never interleave their lines). A test project is an xunit v3
# executable: it runs directly from its build folder (as `dotnet test` would run it, there) and
# writes its own .trx. `dotnet test` only when arguments such as --filter are given: it evaluates
# the project with MSBuild and starts VSTest around the same executable, measured 7 CPU-s and
# 8-11 s more per suite (16 suites a run). A test process that ends without its .trx (a crash)
# leaves a failed case naming it (<suite>.junit.xml), so the summary counts and names it.
run_suite() {
    local item=$1 name log start rc=0 bin
    shift
    name=$(basename "$item" .csproj)
    name=${name%.sh}
    log=$tmp/logs/$name.log
    # A suite that starts server processes runs them from the ReadyToRun publish: it waits for it.
    if ! in_process "$item"; then
        while publishing; do sleep 1; done
    fi
    if [[ -f $tmp/server.ok ]]; then export MERCATO_SERVER_DLL=$tmp/server/Mercato.Server.dll; fi
    start=$SECONDS
    if [[ $item == *.csproj && $# -eq 0 ]]; then
        bin=$(dirname "$item")/bin/Release/net10.0
        (cd "$bin" && cpu_of dotnet "$name.dll" -noColor -trx "$tmp/results/$name.trx") >"$log" 2>&1 || rc=$?
        if [[ ! -s $tmp/results/$name.trx ]]; then
            local output
            output=$(tail -n 40 "$log")
            (
                export MERCATO_TEST_RESULTS=$tmp/results
                junit_begin "$name"
                junit_fail "the test process wrote its results" "exit $rc; the end of its output:"$'\n'"$output"
                junit_end
            ) >>"$log" 2>&1 || true
            ((rc != 0)) || rc=1
        fi
    elif [[ $item == *.csproj ]]; then
        cpu_of dotnet test "$item" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$tmp/results" "$@" >"$log" 2>&1 || rc=$?
    else
        cpu_of bash "$item" >"$log" 2>&1 || rc=$?
    fi
    (
        flock 9
        printf '==== %s: exit %d after %ds (from %ds into the run), %s CPU-s\n' "$name" "$rc" $((SECONDS - start)) "$start" \
            "$(cat "$log.cpu" 2>/dev/null || echo '?')"
        cat "$log"
    ) 9>"$tmp/logs/.lock"
    return "$rc"
}

# Runs a command in a subshell and writes the CPU seconds it and the processes it waited for used
# (the test process, the servers and browsers it started and stopped) to "$log.cpu"; its exit code.
cpu_of() {
    (
        local rc=0
        "$@" || rc=$?
        # The builtin's own output: in a pipe or $(...) it would run in a fork that has no children.
        times >"$log.times"
        awk 'NR == 2 { n = split($1 " " $2, t, /[ ms]+/); s = 0
            for (i = 1; i < n; i += 2) s += t[i] * 60 + t[i + 1]; printf "%.0f\n", s }' "$log.times" >"$log.cpu"
        exit "$rc"
    )
}

# Build the solution once, then publish the server (below) in the background: the lane of the
# suites that mostly wait runs those that start no server process meanwhile (the publish leaves a
# fifth of two cores idle for about 70 s; see run_lanes), and a suite that starts one waits for it
# in run_suite. With the C# compiler server (VBCSCompiler): a
# machine whose environment turns it off (UseSharedCompilation=false) starts and warms up a new
# compiler for each of the 56 projects. A compiler server this build started is shut down after
# the publish (one that was already running belongs to someone else and is left alone).
build() {
    local rc=0 had_server=0
    pgrep -f VBCSCompiler >/dev/null 2>&1 && had_server=1
    UseSharedCompilation=true dotnet build Mercato.slnx -c Release -v:q -nologo || rc=$?
    if ((rc == 0)) && [[ "${MERCATO_TEST_READYTORUN:-1}" != 0 && -z "${MERCATO_SERVER_DLL:-}" ]]; then
        infra_log "publishing src/Mercato.Server ReadyToRun in the background; meanwhile the waiting lane runs its suites that start no server"
        (
            prc=0
            publish_server || prc=$?
            if ((!had_server)); then dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true; fi
            if ((prc == 0)); then touch "$tmp/server.ok"; else touch "$tmp/server.failed"; fi
            exit "$prc"
        ) >"$tmp/publish.log" 2>&1 &
        publish_job=$!
        return 0
    fi
    if ((!had_server)); then dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true; fi
    return "$rc"
}

# Whether the background publish is still running.
publishing() { [[ -n $publish_job && ! -f $tmp/server.ok && ! -f $tmp/server.failed ]] && kill -0 "$publish_job" 2>/dev/null; }

# Whether a queue item (a test project or a check) starts no server process.
in_process() { [[ -n ${suite_in_process[$(basename "$1" .csproj)]:-} ]]; }

# Waits for the background publish, prints its output and returns its exit code.
publish_done() {
    [[ -n $publish_job ]] || return 0
    local rc=0
    wait "$publish_job" || rc=$?
    publish_job=""
    if ((rc != 0)); then infra_log "publishing the server failed (exit $rc):"; fi
    cat "$tmp/publish.log" >&2
    return "$rc"
}

# Publish the server as operators run it (ReadyToRun: precompiled, framework-dependent) for the
# server processes the suites start (about 130 in a run: Mercato.Testing's RepoPaths.ServerDll,
# scripts/lib/server.sh and scripts/run-distributed.sh take MERCATO_SERVER_DLL). A process then
# compiles little at its start: measured, Mercato.Server.Tests 102 -> 85 s of CPU. The in-process
# suites gain nothing from it (measured on the Cart suite), so their own builds are left as built.
# MercatoTestPublish leaves the SDKs the tests barely run to the JIT (see Mercato.Server.csproj).
# MERCATO_TEST_READYTORUN=0 runs the plain build instead.
publish_server() {
    local rid t0=$SECONDS
    rid=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
    UseSharedCompilation=true dotnet publish src/Mercato.Server -c Release -r "$rid" --self-contained false \
        -p:PublishReadyToRun=true -p:MercatoTestPublish=true -o "$tmp/server" -v:q -nologo || return $?
    echo "[infra] published src/Mercato.Server ReadyToRun ($rid) for the server processes in $((SECONDS - t0))s"
}

# Suites that mostly wait (on the broker's redeliveries, timers, a token's expiry) rather than
# compute: measured in CI, Client 18 CPU-s in 73 s, Messaging 35 in 89, Support 29 in 44,
# Notifications 45 in 79. They run in a lane of their own beside the others, so their waits no
# longer hold up a lane of CPU-bound suites (a lane that runs out of its own suites takes these).
declare -A suite_waits=(
    [Mercato.Client.Tests]=1 [Mercato.Messaging.Tests]=1 [Mercato.Support.Tests]=1
    [Mercato.Notifications.Tests]=1 [typescript-client.sh]=1 [deploy.sh]=1
)

# Suites that start no server process (in-memory hosts only): they can run while the server is
# being published. One that starts a server anyway before the publish ends runs it from the plain
# build (RepoPaths.ServerDll without MERCATO_SERVER_DLL): slower, never wrong.
declare -A suite_in_process=(
    [Mercato.Ordering.Tests]=1 [Mercato.Catalog.Tests]=1 [Mercato.Payments.Tests]=1 [Mercato.Cart.Tests]=1
    [Mercato.Webhooks.Tests]=1 [Mercato.Logs.Tests]=1 [Mercato.Support.Tests]=1
    [Mercato.Notifications.Tests]=1 [Mercato.Architecture.Tests]=1
)

# Takes the first suite off a queue file (one suite per line), under the queue's lock; while the
# server is being published, the first that starts no server process, if there is one.
next_suite() {
    local queue=$1
    (
        flock 8
        local item candidate line=1 n=0
        item=$(head -n 1 "$queue")
        [[ -n $item ]] || exit 1
        if publishing; then
            while IFS= read -r candidate; do
                n=$((n + 1))
                if in_process "$candidate"; then item=$candidate; line=$n; break; fi
            done <"$queue"
        fi
        sed -i "${line}d" "$queue"
        printf '%s\n' "$item"
    ) 8>"$queue.lock"
}

# A lane: runs suites off its queues, in order, until they are empty.
run_lane() {
    local queues=$1 queue item rc=0
    shift
    for queue in $queues; do
        while item=$(next_suite "$queue"); do run_suite "$item" "$@" || rc=1; done
    done
    return "$rc"
}

# Run the suites (the solution is built): MERCATO_TEST_LANES lanes take the CPU-bound suites off one
# queue, longest first (a lane starts the next suite when its last one ends, so the lanes stay
# even whatever the suites take on the day), and one more lane runs the suites that mostly wait.
run_lanes() {
    local lanes=${MERCATO_TEST_LANES:-2} i item key rc=0
    local -a items=() pids=()
    mkdir -p "$tmp/logs"
    for item in tests/*.Tests/*.Tests.csproj; do items+=("$item"); done
    if [[ "${MERCATO_TEST_CHECKS:-1}" != 0 && $# -eq 0 ]]; then
        for item in scripts/checks/*.sh; do [[ -e $item ]] && items+=("$item"); done
    fi
    : >"$tmp/queue.compute"
    : >"$tmp/queue.waits"
    for item in "${items[@]}"; do
        key=$(basename "$item" .csproj)
        printf '%s %s %s\n' "${suite_minutes[$key]:-1}" "${suite_waits[$key]:-0}" "$item"
    done | sort -rn | while read -r _ waits item; do
        if ((waits)); then echo "$item" >>"$tmp/queue.waits"; else echo "$item" >>"$tmp/queue.compute"; fi
    done
    infra_log "$lanes lanes, longest first: $(tr '\n' ' ' <"$tmp/queue.compute")"
    infra_log "1 lane for the suites that mostly wait: $(tr '\n' ' ' <"$tmp/queue.waits")"
    # The CPU lanes start when the server is published: a clean-clone run whose lanes all took
    # in-process suites meanwhile starved the publish (it took 400 s instead of 70) and started the
    # longest suites last. Only the lane of the suites that mostly wait runs meanwhile (its
    # in-process ones), on the CPU the publish leaves idle.
    for ((i = 0; i < lanes; i++)); do
        { while publishing; do sleep 1; done; run_lane "$tmp/queue.compute $tmp/queue.waits" "$@"; } &
        pids+=($!)
    done
    run_lane "$tmp/queue.waits" "$@" &
    pids+=($!)
    for i in "${pids[@]}"; do wait "$i" || rc=1; done
    publish_done || rc=1
    return "$rc"
}

tmp=$(infra_new_dir)
mkdir -p "$tmp/results"

if [[ -n "${MERCATO_TEST_POSTGRES:-}" && -n "${MERCATO_TEST_RABBITMQ:-}" && -n "${MERCATO_TEST_REDIS:-}" \
    && -n "${MERCATO_TEST_SMTP:-}" && -n "${MERCATO_TEST_SMTP_API:-}" ]]; then
    infra_log "reusing infrastructure from MERCATO_TEST_* environment variables"
else
    infra_ensure_packages
    started_infra=1
    # The servers start while the solution builds (below): they need little CPU, the build needs
    # none of them, and nothing runs a test before infra_ready has read their addresses.
    infra_start "$tmp" &
    infra_job=$!
fi

# Waits for the background start of the infrastructure and reads its addresses; fails when it failed.
infra_ready() {
    [[ -n $infra_job ]] || return 0
    local rc=0
    wait "$infra_job" || rc=$?
    infra_job=""
    if ((rc != 0)) || [[ ! -f $tmp/env.sh ]]; then
        infra_log "the test infrastructure did not start (exit $rc)"
        return 1
    fi
    # shellcheck source=/dev/null
    . "$tmp/env.sh"
}

# ---- the browser tests' tools: axe-core from npm (the accessibility pass); screenshots kept
# beside the results (MERCATO_SCREENSHOTS), and in artifacts/screenshots when MERCATO_KEEP_TMP is unset.
axe_dir=tests/Mercato.Web.Tests/Accessibility
# shellcheck source=lib/npm.sh
. "$script_dir/lib/npm.sh"
npm_tools_install "$axe_dir" --silent >&2
export MERCATO_SCREENSHOTS=${MERCATO_SCREENSHOTS:-$repo_root/artifacts/screenshots}

# ---- run the tests
# Runtime settings for the many short-lived .NET processes of a test run (test hosts, and the
# servers they start, which inherit the environment) sharing two cores: workstation GC instead of
# the server GC the executable ships with (its per-core heaps and spinning GC threads are built for
# a machine of its own), no tiered PGO instrumentation and no call counting (methods stay at their
# first, quickly compiled tier: processes that live seconds pay for recompiling hot methods and never
# run long enough to win it back), and thread-pool workers that sleep instead of spinning for work.
# Measured: Identity and Cart side by side 22% less CPU for the first three; call counting off on
# top, the end-to-end suite (mostly server processes) 175 -> 119 CPU-s and Identity's 192 -> 164.
export DOTNET_gcServer=${DOTNET_gcServer:-0}
export DOTNET_TieredPGO=${DOTNET_TieredPGO:-0}
export DOTNET_TC_CallCounting=${DOTNET_TC_CallCounting:-0}
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=${DOTNET_ThreadPool_UnfairSemaphoreSpinLimit:-0}
rc=0
export MERCATO_TEST_RESULTS=$tmp/results
if [[ -n "${MERCATO_TEST_TARGET:-}" ]]; then
    infra_ready || exit 1
    # Default .trx names: the logger reserves a unique name per test project.
    dotnet test "$target" -c Release --logger trx --results-directory "$tmp/results" "$@" || rc=$?
elif build; then
    infra_ready || exit 1
    run_lanes "$@" || rc=$?
else
    rc=$?
fi

# ---- count the real results: the .trx files of the test projects and the shell checks' JUnit
# files (scripts/lib/results.py). The failed tests are named just above the last line, so a log
# cut to its end still says which ones failed.
results=$(python3 "$script_dir/lib/results.py" "$tmp/results") || results="failed: the results could not be read
0 1 0"
failures=""
if [[ $results == *$'\n'* ]]; then failures=${results%$'\n'*}; fi
read -r passed failed ntrx <<<"${results##*$'\n'}"

# dotnet test failed (build error, crashed test host, ...) but no failure was
# counted: never report that as green.
if ((rc != 0 && failed == 0)); then
    infra_log "dotnet test exited with $rc (found $ntrx .trx file(s)); counting 1 failure"
    failed=1
fi

cleanup
summary_printed=1
if [[ -n $failures ]]; then printf '%s\n' "$failures"; fi
echo "tests: $passed passed, $failed failed"
if ((rc == 0 && failed == 0)); then exit 0; fi
((rc != 0)) || rc=1
exit "$rc"
