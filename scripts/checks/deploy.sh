#!/usr/bin/env bash
# Validates the deployment files without Docker or a cluster (neither exists on CI machines):
#   - every Kubernetes document in deploy/kubernetes against the schema of its kind
#     (kubernetes-models / @kubernetes-models/validate), and what every Mercato pod must have
#     (non-root, read-only root, no privilege escalation, ALL capabilities dropped, /tmp emptyDir,
#     resources, probes on /health/live and /health/ready);
#   - kustomization.yaml lists exactly the manifests of its folder;
#   - deploy/compose.yaml against the Compose Specification schema (deploy/validate/compose-spec.json),
#     and each env file it reads has its committed example;
#   - the Dockerfile: every COPY source exists and is not excluded by .dockerignore, the project it
#     publishes exists, and it runs Mercato.Server.dll as a non-root user.
# That every configuration key the files set exists in the code, and that every service the code
# knows is deployed, is checked by tests/Mercato.Server.Tests/Deployment (a .NET test).
# Run alone: MERCATO_TEST_RESULTS=$(mktemp -d) bash scripts/checks/deploy.sh
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root" || exit 1
# shellcheck source=scripts/lib/junit.sh
. scripts/lib/junit.sh
# shellcheck source=scripts/lib/npm.sh
. scripts/lib/npm.sh

tools="$root/deploy/validate"
junit_begin deploy

if ! npm_tools_install "$tools" --ignore-scripts --loglevel=error >&2; then
    junit_fail "validation tools install (npm ci in deploy/validate)" "npm ci failed"
    junit_end
    exit 1
fi
junit_pass "validation tools install (npm ci in deploy/validate)"

validate() { node "$tools/validate.mjs" "$@"; }

manifests=()
for file in deploy/kubernetes/*.yaml; do
    [[ "$(basename "$file")" == kustomization.yaml ]] && continue
    manifests+=("$file")
    junit_case "kubernetes schema: $(basename "$file")" validate kubernetes "$file"
done
if ((${#manifests[@]} == 0)); then
    junit_fail "kubernetes manifests found" "deploy/kubernetes has no manifest"
fi
junit_case "kubernetes pod policy (non-root, read-only, no privileges, probes, resources)" validate policy "${manifests[@]}"
junit_case "kustomization.yaml lists every manifest" validate kustomization deploy/kubernetes
junit_case "compose file validates against the Compose Specification" validate compose deploy/compose.yaml

# The Dockerfile cannot be built here (no Docker); check what can be checked without building it.
dockerfile_lint() {
    local problems=() line source
    [[ -f Dockerfile ]] || { echo "no Dockerfile at the repository root"; return 1; }
    # COPY sources from the build context (not --from=stage): they exist and .dockerignore keeps them.
    while IFS= read -r line; do
        read -r -a words <<<"${line#COPY }"
        for source in "${words[@]:0:${#words[@]}-1}"; do
            [[ "$source" == --* ]] && continue
            [[ -e "$source" ]] || problems+=("COPY source '$source' does not exist")
            if grep -qxE "/?${source%/}/?" .dockerignore 2>/dev/null; then problems+=("COPY source '$source' is excluded by .dockerignore"); fi
        done
    done < <(grep -E '^COPY ' Dockerfile | grep -v -- '--from=')
    local project
    project=$(grep -oE 'dotnet publish [^ ]+\.csproj' Dockerfile | awk '{print $3}')
    [[ -n "$project" && -f "$project" ]] || problems+=("the published project '$project' does not exist")
    [[ "$(basename "$project" .csproj)" == Mercato.Server ]] || problems+=("the image must publish src/Mercato.Server (found '$project')")
    grep -qxF 'ENTRYPOINT ["dotnet", "Mercato.Server.dll"]' Dockerfile || problems+=('ENTRYPOINT must be ["dotnet", "Mercato.Server.dll"]')
    [[ "$(grep -cE '^FROM mcr\.microsoft\.com/dotnet/(sdk|aspnet):' Dockerfile)" == 2 ]] || problems+=("expected two stages: the .NET SDK to build, the ASP.NET runtime to run")
    # The last USER before the ENTRYPOINT must not be root.
    local user
    user=$(grep -E '^USER ' Dockerfile | tail -n 1 | awk '{print $2}')
    [[ -n "$user" && "$user" != root && "$user" != 0 ]] || problems+=("the image must run as a non-root USER")
    # The server's own files must be in the image's source: COPY src/ covers them.
    grep -qE '^COPY .*\bsrc/ ' Dockerfile || problems+=("the sources (src/) are not copied")
    if ((${#problems[@]} > 0)); then printf '%s\n' "${problems[@]}"; return 1; fi
}
junit_case "Dockerfile: COPY sources exist, project and entry point right, non-root" dockerfile_lint

junit_end
