# shellcheck shell=bash
# Stale check of the generated API clients, for scripts/checks/generated.sh:
#
#   . scripts/lib/generated-clients.sh
#   check_generated_clients "$tmp"      # after clients/openapi/mercato-v1.json is known to be current
#
# Regenerates the .NET and TypeScript clients from the committed clients/openapi/mercato-v1.json
# into <tempdir> (with scripts/generate-clients.sh's own functions) and compares them with
# clients/dotnet/Mercato.Client/Generated and clients/typescript/src/generated. Records one JUnit
# case per client (junit_begin must have been called) and returns 1 when either differs, printing
# the diff's first lines and the command that brings the tree up to date.

check_generated_clients() {
  local temp=$1 root rc=0 name generator in_tree out diff
  root=$(git rev-parse --show-toplevel 2>/dev/null || pwd)
  MERCATO_REPO=$root MERCATO_ROOT=$root
  # shellcheck source=scripts/generate-clients.sh
  . "$root/scripts/generate-clients.sh"
  for name in dotnet typescript; do
    case $name in
      dotnet) generator=generate_dotnet_client in_tree=clients/dotnet/Mercato.Client/Generated ;;
      typescript) generator=generate_typescript_client in_tree=clients/typescript/src/generated ;;
    esac
    out="$temp/generated-clients/$name"
    mkdir -p "$(dirname "$out")"
    if ! diff=$("$generator" "$out" 2>&1); then
      junit_fail "$name client generates from clients/openapi/mercato-v1.json" "$diff"
      rc=1
      continue
    fi
    if diff=$(diff -r -u "$root/$in_tree" "$out" 2>&1); then
      junit_pass "$name client is up to date with clients/openapi/mercato-v1.json"
    else
      junit_fail "$name client is up to date with clients/openapi/mercato-v1.json" \
        "$(head -n 60 <<<"$diff")"$'\n'"... run scripts/generate-clients.sh $name and commit $in_tree"
      rc=1
    fi
  done
  return "$rc"
}
