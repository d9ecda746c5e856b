#!/usr/bin/env bash
# Lints OpenAPI documents produced by Mercato with Spectral and the OWASP ruleset, and prints the
# error and warning counts. It starts nothing: give it files (written by a server or by
# OpenApiLintExport in tests/Mercato.Server.Tests) or URLs of a server that is already running.
#
#   scripts/spectral.sh http://localhost:5000/openapi/v1.json
#   scripts/spectral.sh bench/openapi/v1.json
#
# Needs Node.js and npm; the first run installs the pinned tools into scripts/spectral/node_modules.
# Extra options go to spectral after "--", e.g. scripts/spectral.sh doc.json -- --format json
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="$here/spectral"
# shellcheck source=scripts/lib/npm.sh
. "$here/lib/npm.sh"
npm_tools_install "$tools" --ignore-scripts >&2

documents=()
while [[ $# -gt 0 && "$1" != "--" ]]; do documents+=("$1"); shift; done
[[ "${1:-}" == "--" ]] && shift
if [[ ${#documents[@]} -eq 0 ]]; then
  echo "usage: scripts/spectral.sh <openapi.json|url>... [-- spectral options]" >&2
  exit 2
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
status=0
for document in "${documents[@]}"; do
  file="$document"
  if [[ "$document" =~ ^https?:// ]]; then
    file="$scratch/$(basename "${document%%\?*}")"
    curl -fsS "$document" -o "$file"
  fi

  echo "== $document"
  report="$scratch/report.json"
  "$tools/node_modules/.bin/spectral" lint "$file" --ruleset "$tools/.spectral.yaml" \
    --format json --output "$report" --fail-severity error --quiet "$@" || status=$?
  node -e '
    const findings = require(process.argv[1]);
    const names = ["error", "warning", "info", "hint"];
    const counts = [0, 0, 0, 0];
    const byRule = {};
    for (const f of findings) {
      counts[f.severity]++;
      const key = names[f.severity] + " " + f.code;
      byRule[key] = (byRule[key] || 0) + 1;
    }
    for (const [key, n] of Object.entries(byRule).sort()) console.log(String(n).padStart(5) + "  " + key);
    console.log("errors: " + counts[0] + ", warnings: " + counts[1] + ", info: " + counts[2] + ", hints: " + counts[3]);
  ' "$report"
done
exit "$status"
