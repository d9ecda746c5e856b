#!/usr/bin/env bash
# Fails when what clients/ holds is out of date with the code: it copies clients/ (without
# node_modules) to a temporary folder, regenerates there with scripts/generate-clients.sh
# (CLIENTS_ROOT), and compares. Any file that differs, or exists on one side only, is named; run
# scripts/generate-clients.sh and commit the result to fix it. Covers the OpenAPI document, the
# Postman collection and environment, and whatever else the script generates (the SDKs).
#
#   source /tmp/infra-env.sh; MERCATO_TEST_RESULTS=$(mktemp -d) bash scripts/checks/generated.sh
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
# shellcheck source=scripts/lib/junit.sh
. scripts/lib/junit.sh

copy="$(mktemp -d /tmp/mercato-generated.XXXXXX)"
trap 'rm -rf "$copy"' EXIT

junit_begin generated
tar -C "$repo" --exclude=node_modules --exclude=tmp -cf - clients | tar -C "$copy" -xf -
if ! CLIENTS_ROOT="$copy" scripts/generate-clients.sh >"$copy/generate.log" 2>&1; then
    junit_fail "scripts/generate-clients.sh runs" "$(tail -n 40 "$copy/generate.log")"
    junit_end
    exit 1
fi
junit_pass "scripts/generate-clients.sh runs"

# The tracked files of clients/ as committed (and as in the working tree) against the regenerated copy.
stale="$(diff -rq --exclude=node_modules --exclude=tmp --exclude=generate.log clients "$copy/clients" || true)"
if [[ -n "$stale" ]]; then
    junit_fail "clients/ is up to date with the code" "Out of date (run scripts/generate-clients.sh and commit):
$(sed -e "s|$copy/||g" <<<"$stale")"
else
    junit_pass "clients/ is up to date with the code"
fi
junit_end
