# Pinned npm tools, installed once: sourced by the scripts that run them (the test command's checks,
# scripts/generate-clients.sh, scripts/spectral.sh).
#
#   npm_tools_install DIR [npm ci options...]
#
# Runs `npm ci` in DIR (which holds package.json and package-lock.json) unless DIR/node_modules was
# installed since those two files last changed: npm records each install in
# node_modules/.package-lock.json, and an install counts as current when that record is newer than
# both files (a checkout or edit that changes them makes it stale; a hand-edited node_modules is not
# detected). Callers in parallel lanes of the test command can share a folder (clients/postman serves
# the Postman check and the client generator): a lock per folder, kept in the temp folder, makes the
# second wait for the first's install instead of running `npm ci` over it, which removes
# node_modules while the other is reading it. Before this, every run installed clients/postman twice
# (measured, 12 s and 17 CPU-s each).
npm_tools_install() {
    local dir=$1 record lock
    shift
    record="$dir/node_modules/.package-lock.json"
    # Outside the folder: the stale-clients check compares clients/postman file by file.
    lock="${TMPDIR:-/tmp}/mercato-npm-$(realpath "$dir" | sha256sum | cut -c1-16).lock"
    (
        flock 9
        if [[ -f $record && $record -nt "$dir/package-lock.json" && $record -nt "$dir/package.json" ]]; then
            exit 0
        fi
        cd "$dir" && npm ci --no-audit --no-fund "$@"
    ) 9>"$lock"
}
