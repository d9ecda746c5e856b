# shellcheck shell=bash
# Record the results of a shell check (scripts/checks/*.sh) as JUnit XML, so that
# scripts/test.sh counts them with the .NET tests in its "tests: N passed, N failed" line.
#
#   . scripts/lib/junit.sh
#   junit_begin deploy                         # the suite; file: $MERCATO_TEST_RESULTS/deploy.junit.xml
#   junit_case "compose file validates" node validate-compose.js deploy/compose.yaml
#   junit_pass "manifests found" / junit_fail "name" "message"   # for results computed by hand
#   junit_import some-report.xml               # a JUnit file written by a tool (newman, node --test)
#   junit_end                                  # writes the file; returns 1 if any case failed
#
# A case's output is printed (so a CI log shows why it failed) and kept in the XML.

JUNIT__SUITE=""
JUNIT__CASES=""
JUNIT__FAILED=0
JUNIT__COUNT=0
JUNIT__IMPORT_FAILED=0

junit__escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' <<<"$1" | tr -d '\000-\010\013\014\016-\037'; }

junit_begin() {
    JUNIT__SUITE=$1
    JUNIT__CASES=""
    JUNIT__FAILED=0
    JUNIT__COUNT=0
    JUNIT__IMPORT_FAILED=0
    : "${MERCATO_TEST_RESULTS:=$(mktemp -d /tmp/mercato-checks.XXXXXX)}"
    mkdir -p "$MERCATO_TEST_RESULTS"
    printf '[check:%s] started\n' "$JUNIT__SUITE" >&2
}

junit_pass() {
    JUNIT__COUNT=$((JUNIT__COUNT + 1))
    JUNIT__CASES+="  <testcase classname=\"$JUNIT__SUITE\" name=\"$(junit__escape "$1")\"/>"$'\n'
    printf '[check:%s] passed: %s\n' "$JUNIT__SUITE" "$1" >&2
}

junit_fail() {
    JUNIT__COUNT=$((JUNIT__COUNT + 1))
    JUNIT__FAILED=$((JUNIT__FAILED + 1))
    JUNIT__CASES+="  <testcase classname=\"$JUNIT__SUITE\" name=\"$(junit__escape "$1")\"><failure message=\"failed\">$(junit__escape "${2:-}")</failure></testcase>"$'\n'
    printf '[check:%s] FAILED: %s\n%s\n' "$JUNIT__SUITE" "$1" "${2:-}" >&2
}

# junit_case NAME COMMAND [ARGS...]: run the command; exit status 0 passes.
junit_case() {
    local name=$1 out rc=0
    shift
    out=$("$@" 2>&1) || rc=$?
    if ((rc == 0)); then
        [[ -z "$out" ]] || printf '%s\n' "$out" >&2
        junit_pass "$name"
    else
        junit_fail "$name" "exit $rc"$'\n'"$out"
    fi
    return 0
}

# junit_import FILE: count a tool's own JUnit report as part of this suite's results.
junit_import() {
    if [[ -s "$1" ]]; then
        cp "$1" "$MERCATO_TEST_RESULTS/$JUNIT__SUITE.$(basename "$1" .xml).$RANDOM.junit.xml"
        if grep -q -E '<(failure|error)[ >/]' "$1"; then JUNIT__IMPORT_FAILED=$((JUNIT__IMPORT_FAILED + 1)); fi
    else
        junit_fail "report $(basename "$1")" "the tool wrote no report"
    fi
}

junit_end() {
    {
        printf '<?xml version="1.0" encoding="UTF-8"?>\n'
        printf '<testsuite name="%s" tests="%d" failures="%d">\n' "$JUNIT__SUITE" "$JUNIT__COUNT" "$JUNIT__FAILED"
        printf '%s' "$JUNIT__CASES"
        printf '</testsuite>\n'
    } >"$MERCATO_TEST_RESULTS/$JUNIT__SUITE.junit.xml"
    printf '[check:%s] done: %d case(s), %d failed, %d failing imported report(s)\n' \
        "$JUNIT__SUITE" "$JUNIT__COUNT" "$JUNIT__FAILED" "$JUNIT__IMPORT_FAILED" >&2
    ((JUNIT__FAILED == 0 && JUNIT__IMPORT_FAILED == 0))
}
