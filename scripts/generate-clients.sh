#!/usr/bin/env bash
# Regenerates the API clients from the committed OpenAPI document clients/openapi/mercato-v1.json:
#   clients/dotnet/Mercato.Client/Generated   (Kiota, C#; the local dotnet tool in .config/dotnet-tools.json)
#   clients/typescript/src/generated          (Kiota, TypeScript; the same tool)
# The hand-written layers beside them (sign-in and refresh, idempotency keys, cart key, error
# envelope) are not touched. The output is deterministic: a second run changes no byte, so the
# stale check (scripts/lib/generated-clients.sh) can diff a fresh generation against the tree.
#
#   scripts/generate-clients.sh            # regenerate both in place
#   scripts/generate-clients.sh dotnet     # only one of them (dotnet | typescript)
# Sourced (by scripts/lib/generated-clients.sh), it only defines the functions.

# MERCATO_REPO: the repository (its .config/dotnet-tools.json pins Kiota). MERCATO_ROOT: where
# clients/ is read and written (CLIENTS_ROOT when set, as for scripts/checks/generated.sh's copy).
MERCATO_REPO="${MERCATO_REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
MERCATO_ROOT="${MERCATO_ROOT:-${CLIENTS_ROOT:-$MERCATO_REPO}}"
MERCATO_OPENAPI_DOCUMENT="${MERCATO_OPENAPI_DOCUMENT:-clients/openapi/mercato-v1.json}"

# Kiota (the version the repository pins) without its update check, telemetry or other network use.
kiota__run() {
  (cd "$MERCATO_REPO" && dotnet tool restore >/dev/null &&
    KIOTA_OFFLINE_ENABLED=true KIOTA_TUTORIAL_ENABLED=false KIOTA_UPDATE_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 \
      dotnet kiota "$@")
}

# kiota__generate LANGUAGE NAMESPACE OUTPUT IN_TREE: one client from the document into OUTPUT (an
# absolute path), replacing what was there; IN_TREE is its folder relative to MERCATO_ROOT.
kiota__generate() {
  local language=$1 namespace=$2 output=$3
  rm -rf "$output" || return 1
  kiota__run generate \
    --openapi "$MERCATO_ROOT/$MERCATO_OPENAPI_DOCUMENT" \
    --language "$language" \
    --class-name MercatoApiClient \
    --namespace-name "$namespace" \
    --output "$output" \
    --exclude-backward-compatible \
    --clean-output \
    --log-level Warning || return 1
  # The lock file names the tool's version and the document's hash (useful), and the document's
  # path relative to the output folder (a temporary one in the stale check): write the path as seen
  # from the in-tree folder, so that both runs agree byte for byte.
  local location
  location=$(realpath -m --relative-to="$MERCATO_ROOT/$4" "$MERCATO_ROOT/$MERCATO_OPENAPI_DOCUMENT")
  sed -i -E 's#("descriptionLocation": *")[^"]*"#\1'"$location"'"#' "$output/kiota-lock.json" || return 1
}

# generate_dotnet_client [OUTPUT]: the C# client (default clients/dotnet/Mercato.Client/Generated).
generate_dotnet_client() {
  local in_tree=clients/dotnet/Mercato.Client/Generated
  kiota__generate CSharp Mercato.Client.Generated "${1:-$MERCATO_ROOT/$in_tree}" "$in_tree"
}

# generate_typescript_client [OUTPUT]: the TypeScript client (default clients/typescript/src/generated).
generate_typescript_client() {
  local in_tree=clients/typescript/src/generated
  kiota__generate typescript generated "${1:-$MERCATO_ROOT/$in_tree}" "$in_tree"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-all}" in
    dotnet) generate_dotnet_client ;;
    typescript) generate_typescript_client ;;
    all) generate_dotnet_client && generate_typescript_client ;;
    *) echo "usage: scripts/generate-clients.sh [dotnet|typescript]" >&2; exit 2 ;;
  esac
fi
