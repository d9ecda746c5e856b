# Pinned npm tools, installed once: sourced by the scripts that run them (the test command's checks,
# scripts/generate-clients.sh, scripts/spectral.sh).
#
#   npm_tools_install DIR [npm ci options...]
#
# Runs `npm ci` in DIR (which holds package.json and package-lock.json) unless DIR/node_modules
# already holds exactly that lock file's packages: npm records what it installed in
# node_modules/.package-lock.json, and an install is taken as current when that record is newer than
# both package.json and package-lock.json. Callers in parallel lanes of the test command share one
# folder (clients/postman serves the Postman check and the client generator): a lock on the folder
# makes the second wait for the first's install instead of running `npm ci` over it, which removes
# node_modules while the other is reading it. Before this, every run installed clients/postman twice
# (measured, 12 s and 17 CPU-s each).
npm_tools_install() {
    local dir=$1 record lock
    shift
    record="$dir/node_modules/.package-lock.json"
    # The lock lives outside the folder (which the stale-clients check compares file by file).
    lock="${TMPDIR:-/tmp}/mercato-npm-$(realpath "$dir" | sha256sum | cut -c1-16).lock"
    (
        flock 9
        if [[ -f $record && $record -nt "$dir/package-lock.json" && $record -nt "$dir/package.json" ]]; then
            exit 0
        fi
        cd "$dir" && npm ci --no-audit --no-fund "$@"
    ) 9>"$lock"
}
