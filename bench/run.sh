#!/usr/bin/env bash
# One command for Mercato's speed figures (issue 16). It builds Release, seeds the catalog,
# starts the embedded server and a bare ASP.NET Core JSON endpoint (bench/Mercato.BareJson),
# measures with one HTTP load tool (wrk, closed loop, loopback only, bounded in time) search,
# the product list (uncached, then cached with a Zipf mix over >= 10,000 list URLs), the product
# detail, and then the checkout (bench/Mercato.CheckoutBench: a multi-step flow per shopper that
# wrk cannot script), and prints one table: each figure, its share of the bare endpoint's rate
# in the same run, the load average before and after, and the server's memory.
#
#   bench/run.sh                       # embedded, SQLite (the default)
#   bench/run.sh --postgres            # embedded, PostgreSQL (a private server is started)
#   options: --products N (100000) --duration S (15) --connections C (64) --shoppers N (32)
#            --keep (keep the work directory) --skip-build
#
# Needs wrk (apt-get install wrk) and, for --postgres, what scripts/lib/infra.sh installs.
# Stops only the processes it started. Never asserts anything: it measures and prints.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
provider=sqlite products=100000 duration=15 connections=64 shoppers=32 keep=0 build=1
while (($#)); do
    case "$1" in
    --postgres) provider=postgres ;;
    --products) products=$2; shift ;;
    --duration) duration=$2; shift ;;
    --connections) connections=$2; shift ;;
    --shoppers) shoppers=$2; shift ;;
    --keep) keep=1 ;;
    --skip-build) build=0 ;;
    *) echo "usage: $0 [--postgres] [--products N] [--duration S] [--connections C] [--shoppers N] [--keep] [--skip-build]" >&2; exit 2 ;;
    esac
    shift
done
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install -y wrk)" >&2; exit 1; }

log() { printf '[bench] %s\n' "$*" >&2; }
work=$(mktemp -d /tmp/mercato-bench.XXXXXXXX)
pids=() infra_dir=""
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [[ -n "$infra_dir" ]]; then infra_stop "$infra_dir" || true; infra_remove_dir "$infra_dir" || true; fi
    if ((keep)); then log "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bin() { echo "$repo/$1/bin/Release/net10.0/$(basename "$1").dll"; }
# The server runs as an operator would run it: published, ReadyToRun (precompiled, so the start
# does not wait for the JIT), framework-dependent.
SERVER="$repo/bench/bin/server/Mercato.Server.dll" SEEDER=$(bin bench/Mercato.CatalogSeeder)
BARE=$(bin bench/Mercato.BareJson) CHECKOUT=$(bin bench/Mercato.CheckoutBench)
if ((build)); then
    log "publishing src/Mercato.Server (Release, ReadyToRun) to bench/bin/server"
    dotnet publish -c Release --nologo -v q -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        -o "$repo/bench/bin/server" "$repo/src/Mercato.Server" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
    for project in bench/Mercato.CatalogSeeder bench/Mercato.BareJson bench/Mercato.CheckoutBench; do
        log "building $project (Release)"
        dotnet build -c Release --nologo -v q "$repo/$project" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
    done
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
load() { cut -d' ' -f1 /proc/loadavg; }
rss_mb() { awk -v k="$2" '$1==k":" {printf "%d", $2/1024}' "/proc/$1/status"; }   # VmRSS or VmHWM
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }

# Starts a Mercato server on the data directory $1 with extra arguments; sets server_pid,
# server_url and start_ms (process start to the first 200 of /health/ready).
admin_password='Bench-Admin-Passw0rd!'
start_server() {
    local data=$1; shift
    local port; port=$(free_port)
    server_url="http://127.0.0.1:$port"
    local args=(--urls "$server_url" --RateLimiting:Enabled=false --Persistence:DataDirectory="$data"
        --Identity:Admin:Password="$admin_password" --Logging:LogLevel:Default=Warning
        --Logging:LogLevel:Mercato.Catalog.Search=Information)
    if [[ $provider == postgres ]]; then
        args+=(--Persistence:Provider=postgres "--Persistence:Postgres=$MERCATO_TEST_POSTGRES" --Persistence:DatabasePrefix="$db_prefix")
    fi
    local started; started=$(date +%s%N)
    (cd "$work" && exec dotnet "$SERVER" "${args[@]}" "$@" >>"$work/server.log" 2>&1) &
    server_pid=$!; pids+=("$server_pid")
    until curl -sf -o /dev/null "$server_url/health/ready"; do
        kill -0 "$server_pid" 2>/dev/null || { tail -30 "$work/server.log" >&2; exit 1; }
        sleep 0.02
    done
    start_ms=$((($(date +%s%N) - started) / 1000000))
    api="$server_url/api/v1"
}
# JIT and connection warm-up before a measured phase (not counted): the list and search mixes.
warm_up() {
    MERCATO_WRK_REPORT="$repo/bench/wrk/report.lua" wrk -t2 -c16 -d5s --timeout 10s -s "$repo/bench/wrk/mix.lua" "$server_url" -- "$work/list-urls.txt" >/dev/null
    MERCATO_WRK_REPORT="$repo/bench/wrk/report.lua" wrk -t2 -c16 -d5s --timeout 10s -s "$repo/bench/wrk/mix.lua" "$server_url" -- "$work/search-urls.txt" >/dev/null
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; }

rows=() bare_rps="" bare_mix_rps=""
row() { rows+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s |' "$@")"); }
fmt_ms() { awk -v us="$1" 'BEGIN { printf (us < 10000 ? "%.2f ms" : "%.0f ms"), us / 1000 }'; }
share() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f %%", 100 * a / b; else print "-" }'; }

# measure NAME PID URL [mix-file]: one wrk run; appends a table row, prints its RESULT line.
measure() {
    local name=$1 pid=$2 url=$3 mix=${4:-} before after out rps
    before=$(load)
    if [[ -n "$mix" ]]; then
        out=$(MERCATO_WRK_REPORT="$repo/bench/wrk/report.lua" wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$repo/bench/wrk/mix.lua" "$url" -- "$mix")
    else
        out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$repo/bench/wrk/report.lua" "$url")
    fi
    after=$(load)
    local result; result=$(grep '^RESULT' <<<"$out")
    log "$name: $result"
    # shellcheck disable=SC2046
    local $(sed 's/^RESULT //' <<<"$result")
    local bare=$bare_rps
    [[ -n "$mix" && -n "$bare_mix_rps" ]] && bare=$bare_mix_rps
    if [[ -z "$bare" ]]; then bare=$rps; fi
    local errors="" ; ((bad + socket > 0)) && errors=" ($bad non-2xx, $socket socket errors)"
    row "$name" "$(printf "%'.0f req/s%s" "$rps" "$errors")" "$(fmt_ms "$p50_us")" "$(fmt_ms "$p99_us")" \
        "$(share "$rps" "$bare")" "$before → $after" "$(rss_mb "$pid" VmRSS) MB" "$(rss_mb "$pid" VmHWM) MB"
    last_rps=$rps
}

# --- infrastructure and data --------------------------------------------------------------------
db_prefix="bench$(date +%s)_"
if [[ $provider == postgres ]]; then
    # shellcheck source=../scripts/lib/infra.sh
    . "$repo/scripts/lib/infra.sh"
    infra_ensure_packages
    infra_dir=$(infra_new_dir)
    infra_start "$infra_dir"
    # shellcheck disable=SC1091
    . "$infra_dir/env.sh"
fi

log "cold start: every module, embedded, empty data directory (demo data on)"
mkdir -p "$work/fresh"
start_server "$work/fresh"
cold_ms=$start_ms
sleep 10
idle_rss=$(rss_mb "$server_pid" VmRSS)
stop_server
start_server "$work/fresh"
warm_ms=$start_ms
stop_server
if [[ $provider == postgres ]]; then db_prefix="bench$(date +%s)b_"; fi

log "seeding $products products ($provider)"
mkdir -p "$work/data"
seed_started=$(date +%s)
if [[ $provider == postgres ]]; then
    dotnet "$SEEDER" --postgres "$MERCATO_TEST_POSTGRES;Database=${db_prefix}catalog" --products "$products" >&2
    psql_bin=$(infra__pg_bindir)/psql
    PGPASSWORD=postgres "$psql_bin" -h 127.0.0.1 -p "$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$MERCATO_TEST_POSTGRES")" -U postgres \
        -d "${db_prefix}catalog" -qc 'VACUUM (ANALYZE)' >&2
else
    dotnet "$SEEDER" --sqlite "$work/data/catalog.db" --products "$products" >&2
fi
log "seeded in $(($(date +%s) - seed_started)) s"

bare_port=$(free_port)
(cd "$work" && exec dotnet "$BARE" --urls "http://127.0.0.1:$bare_port" >"$work/bare.log" 2>&1) &
bare_pid=$!; pids+=("$bare_pid")
until curl -sf -o /dev/null "http://127.0.0.1:$bare_port/json"; do sleep 0.1; done

# --- reads, uncached ----------------------------------------------------------------------------
log "server on the seeded catalog, catalog cache off"
start_server "$work/data" --Catalog:Caching:Enabled=false
index_wait=${MERCATO_BENCH_INDEX_WAIT:-300}
log "waiting for the search index (log line 'index is current', at most $index_wait s)"
for _ in $(seq $((index_wait * 10))); do grep -qi 'index is current' "$work/server.log" && break; sleep 0.1; done
read -r product_id category <<<"$(curl -sf "$api/products?pageSize=1" | python3 -c '
import json, sys; p = json.load(sys.stdin)["data"]["items"][0]; print(p["id"], p["category"]["slug"])')"
last_page=$(curl -sf "$api/products?pageSize=20" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["totalPages"])')

# URL lists for the Zipf mixes, most popular first (a fixed shuffle: first pages of popular lists
# are not all of the same category). Lists: every category and none, 5 sorts, 4 price bands,
# pages 1-20 = 10,400 distinct URLs. Search: words and pairs of the seeder's vocabulary, pages 1-3.
curl -sf "$api/categories" | python3 -c '
import json, random, sys
def walk(nodes):
    for n in nodes:
        yield n["slug"]; yield from walk(n.get("children") or [])
slugs = [None] + list(walk(json.load(sys.stdin)["data"]))
sorts = ["", "&sortBy=price&sortOrder=asc", "&sortBy=price&sortOrder=desc", "&sortBy=name&sortOrder=asc", "&sortBy=rating&sortOrder=desc"]
bands = ["", "&minPrice=0&maxPrice=100", "&minPrice=100&maxPrice=500", "&minPrice=500"]
urls = []
for page in range(1, 21):
    combos = [(c, s, b) for c in slugs for s in sorts for b in bands]
    random.Random(42 + page).shuffle(combos)
    urls += ["/api/v1/products?pageSize=20&pageNumber=%d%s%s%s" % (page, "&category=" + c if c else "", s, b) for c, s, b in combos]
open(sys.argv[1], "w").write("\n".join(urls) + "\n")
words = ["compact","smart","classic","ultra","eco","pro","light","rugged","speaker","lamp","backpack","kettle","jacket","watch","chair","bottle","drill","blender","wireless","outdoor","kitchen","travel","gift","bestseller"]
queries = words + [a + "+" + b for a in words[:8] for b in words[8:18]] + [a + "+" + b for a in words[8:18] for b in words[18:]]
random.Random(7).shuffle(queries)
search = ["/api/v1/products/search?q=%s&pageNumber=%d" % (q, p) for p in (1, 2, 3) for q in queries]
open(sys.argv[2], "w").write("\n".join(search) + "\n")
print(len(urls), len(search), file=sys.stderr)
' "$work/list-urls.txt" "$work/search-urls.txt"
awk '{printf "/json?u=%d\n", NR}' "$work/list-urls.txt" >"$work/bare-urls.txt"
warm_up

measure "bare JSON (\`bench/Mercato.BareJson\`)" "$bare_pid" "http://127.0.0.1:$bare_port/json"; bare_rps=$last_rps
measure "bare JSON, through the Zipf mix script (10,400 URLs)" "$bare_pid" "http://127.0.0.1:$bare_port" "$work/bare-urls.txt"; bare_mix_rps=$last_rps
measure "\`GET /health/live\` (Mercato's pipeline alone)" "$server_pid" "$server_url/health/live"
measure "search \`q=wireless\` (22,389 matches at 100,000)" "$server_pid" "$api/products/search?q=wireless"
measure "search \`q=smart+speaker\`" "$server_pid" "$api/products/search?q=smart+speaker"
measure "search, Zipf mix of $(wc -l <"$work/search-urls.txt") queries and pages" "$server_pid" "$server_url" "$work/search-urls.txt"
measure "list, first page, no filter, uncached" "$server_pid" "$api/products?pageSize=20"
measure "list \`category=$category&minPrice=100&maxPrice=500\`, uncached" "$server_pid" "$api/products?category=$category&minPrice=100&maxPrice=500"
measure "same, \`pageNumber=250\`, uncached" "$server_pid" "$api/products?category=$category&minPrice=100&maxPrice=500&pageNumber=250"
measure "list, last page ($last_page), no filter, uncached" "$server_pid" "$api/products?pageSize=20&pageNumber=$last_page"
measure "list, Zipf mix of 10,400 URLs, uncached" "$server_pid" "$server_url" "$work/list-urls.txt"
measure "detail \`GET /products/{id}\`, uncached" "$server_pid" "$api/products/$product_id"
uncached_peak=$(rss_mb "$server_pid" VmHWM)
stop_server

# --- reads, cached, then the checkout -----------------------------------------------------------
log "server on the seeded catalog, catalog cache on"
start_server "$work/data"
warm_up
measure "list, Zipf mix of 10,400 URLs, cached" "$server_pid" "$server_url" "$work/list-urls.txt"
measure "search \`q=wireless\`, cached" "$server_pid" "$api/products/search?q=wireless"
measure "search, Zipf mix of $(wc -l <"$work/search-urls.txt") queries and pages, cached" "$server_pid" "$server_url" "$work/search-urls.txt"
measure "list, first page, no filter, cached" "$server_pid" "$api/products?pageSize=20"
measure "detail \`GET /products/{id}\`, cached" "$server_pid" "$api/products/$product_id"
# The storefront's pages (issue 18): the HTML of a list page, rendered by the web module from its own
# calls to /api/v1 over loopback, with $shoppers shoppers as the issue asks (compared with the bare
# endpoint's rate at $connections connections).
page_connections=$connections connections=$shoppers
# The pages are the process's first Blazor renders: 5 s of the same load first, not recorded, so
# the figures are the steady state's (the API rows above were warmed by the rows before them).
for page in "/products" "/products?page=40&sort=price-asc"; do
    wrk -t2 -c"$shoppers" -d5s "$server_url$page" >/dev/null
done
measure "storefront page \`/products\` (HTML), $shoppers shoppers, cached" "$server_pid" "$server_url/products"
measure "storefront page \`/products?page=40&sort=price-asc\` (HTML), $shoppers shoppers, cached" "$server_pid" "$server_url/products?page=40&sort=price-asc"
connections=$page_connections

log "checkout: $shoppers shoppers, 30 s, not paid then paid (after a 5 s trial run)"
dotnet "$CHECKOUT" --url "$server_url" --admin-password "$admin_password" --shoppers 4 --stock 1000 --duration 5 >/dev/null
checkout_summary=()
for payment in off sandbox; do
    before=$(load)
    dotnet "$CHECKOUT" --url "$server_url" --admin-password "$admin_password" --shoppers "$shoppers" \
        --stock 1000000 --duration 30 --payment "$payment" --pid "$server_pid" | tee "$work/checkout-$payment.txt" >&2
    after=$(load)
    checkout_summary+=("- checkout, $([[ $payment == off ]] && echo "orders placed, not paid" || echo "paid through the sandbox"), load $before → $after:"
        "$(grep -E '^(orders|paid|order POST|payment|checkout|statuses|oversold|money)' "$work/checkout-$payment.txt" | sed 's/^/    /')")
done
after_rss=$(rss_mb "$server_pid" VmRSS) after_peak=$(rss_mb "$server_pid" VmHWM)
stop_server

# --- the table ----------------------------------------------------------------------------------
echo
echo "Mercato bench, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version), commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'), $provider, $products products, wrk -t2 -c$connections -d${duration}s"
echo
echo "| Endpoint | Throughput | p50 | p99 | Share of bare JSON | Load average before → after | RSS after | RSS peak |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Checkout, $shoppers shoppers, 30 s each, stock 1,000,000:"
printf '%s\n' "${checkout_summary[@]}"
echo "Start to ready, every module, empty data directory (migrations + demo data): $cold_ms ms; second start on it: $warm_ms ms; idle RSS 10 s after ready: $idle_rss MB"
echo "Server RSS after the checkout: $after_rss MB (peak $after_peak MB; uncached reads' server peak $uncached_peak MB)"
