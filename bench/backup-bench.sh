#!/usr/bin/env bash
# Lifeboat backup benchmark.
#
# Builds a realistic, deterministic database (bench/sql/*.sql: text, jsonb, numeric, bytea,
# timestamps, enums, indexes; scale 1 is about 1 GB) in its own throwaway PostgreSQL
# cluster, then measures in one run, each under GNU time (wall, user+sys CPU, peak RSS):
#   1. pg_dump -Fc -Z0 > file                  the floor: dump, no compression
#   2. pg_dump | gzip > file                   the shell-script habit (plain SQL + gzip)
#   3. pg_dump -Fc > file                      custom format, default compression
#   4. pg_dump -Fc -Z0 | zstd -3 -T2 > file    what Lifeboat should match, minus encryption
#   5. lifeboat-cli backup                     pg_dump -> zstd -3 -> age -> sha256 -> folder
# and checks that the Lifeboat artifact restores (age -d | zstd -d | pg_restore -l).
# With --flat-check it also backs up a 4x larger database with Lifeboat and compares the
# peak RSS (streaming: memory must not grow with the database).
#
# Usage: bench/backup-bench.sh [--scale F] [--flat-check] [options]
#   --scale F        database size: 1 = ~1 GB, 4 = ~4 GB, 0.05 = quick smoke run (default 1)
#   --flat-check     also run Lifeboat on a 4x database and compare peak RSS (target +-10%)
#   --cli PATH       lifeboat-cli to measure (default: build it with the release preset)
#   --no-build       do not build; use build/release's or build/dev's lifeboat-cli
#   --workdir DIR    keep the cluster and generated databases in DIR and reuse them next
#                    time (default: a temp dir under /var/tmp, deleted afterwards)
#   --out FILE       where to write the markdown report
#                    (default bench/results/backup-<date>.md, -scale<F> added unless F = 1)
#   --no-warmup      skip the cache-warming dump before the measurements
# Output: the report on stdout (progress on stderr) and in the report file. Exit status 0
# when every step worked, 1 when a step failed (the report says which and why); missed
# targets are marked in the report but do not change the exit status.
# Disk: about 3x the database size in the work dir (15x with --flat-check); it lives under
# /var/tmp rather than /tmp because /tmp is often a RAM-backed tmpfs.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=../scripts/lib/common.sh
source "$BENCH_DIR/../scripts/lib/common.sh"

orig_args=("$@")
scale=1
flat_check=0
cli=""
build_cli=1
workdir=""
out=""
warmup=1
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
while (($# > 0)); do
    case $1 in
    --scale) scale=${2:?--scale needs a number}; shift 2 ;;
    --scale=*) scale=${1#*=}; shift ;;
    --flat-check) flat_check=1; shift ;;
    --cli) cli=${2:?--cli needs a path}; build_cli=0; shift 2 ;;
    --no-build) build_cli=0; shift ;;
    --workdir) workdir=${2:?--workdir needs a directory}; shift 2 ;;
    --out) out=${2:?--out needs a file}; shift 2 ;;
    --no-warmup) warmup=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) lb_die "unknown argument: $1 (see --help)" ;;
    esac
done
if ! [[ $scale =~ ^([0-9]+([.][0-9]*)?|[.][0-9]+)$ ]] || ! awk -v s="$scale" 'BEGIN { exit !(s > 0) }'; then
    lb_die "--scale must be a positive number, not '$scale'"
fi
[[ -z $cli || -x $cli ]] || lb_die "--cli $cli is not an executable"

# Everything below runs inside a private D-Bus session with an unlocked keyring, in case the
# CLI wants the Secret Service (a benchmark must not touch the user's real keyring).
if [[ -z ${LB_BENCH_IN_KEYRING:-} ]]; then
    lb_ensure_packages postgresql-15 postgresql-client-15 zstd age gzip time procps util-linux \
        gnome-keyring dbus libsecret-tools
    lb_ensure_test_user
    if ((build_cli)); then
        lb_log "building lifeboat-cli (release preset)"
        # A failed build is reported as a failed Lifeboat step, not fatal for the rest.
        if ! (lb_configure_and_build release --target lifeboat-cli) >&2; then
            lb_warn "building lifeboat-cli failed; the Lifeboat step will be reported as failed"
            export LB_BENCH_BUILD_FAILED=1
        fi
    fi
    export LB_BENCH_IN_KEYRING=1
    exec "$LB_SRC/scripts/lib/with-keyring.sh" bash "${BASH_SOURCE[0]}" "${orig_args[@]}"
fi

# ---------------------------------------------------------------------------------------
# Helpers

progress() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
now() { date +%s.%N; }
# awk arithmetic: calc 'a / b' a=1 b=2 (prints with %.*g unless a format is given)
fmt() { awk -v v="$1" -v f="${2:-%.2f}" 'BEGIN { printf f, v }'; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else printf "n/a" }'; }
md_cell() { local t=${1//|/\\|}; printf '%s' "${t//$'\n'/ }"; }
file_size() { stat -c %s "$1" 2>/dev/null || echo 0; }

# Reads GNU time's output file (format "%e %U %S %M"); sets T_WALL T_CPU T_RSS_KIB.
read_time() {
    local line
    line=$(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$1" | tail -n1 || true)
    if [[ -z $line ]]; then
        T_WALL=0 T_CPU=0 T_RSS_KIB=0
        return 1
    fi
    read -r T_WALL u s T_RSS_KIB <<<"$line"
    T_CPU=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
}
TIME_FMT='%e %U %S %M'

# Samples the peak RSS (VmHWM, a high-water mark, so sampling only misses growth in the
# last interval) of every descendant of PID until PID exits; writes "comm kib" lines to
# FILE. Pure bash in the loop (no forks but sleep) to keep its own cost negligible.
sample_tree_rss() {
    local root=$1 file=$2 pid comm key val
    local -A peak=()
    local -a queue
    while [[ -d /proc/$root ]]; do
        queue=("$root")
        while ((${#queue[@]} > 0)); do
            pid=${queue[0]}
            queue=("${queue[@]:1}")
            if [[ $pid != "$root" ]] && read -r comm 2>/dev/null <"/proc/$pid/comm"; then
                while read -r key val _; do
                    if [[ $key == VmHWM: ]]; then
                        ((val > ${peak[$comm]:-0})) && peak[$comm]=$val
                        break
                    fi
                done 2>/dev/null <"/proc/$pid/status"
            fi
            # Children hang off the thread that forked them (QProcess in a worker thread),
            # so look at every task, not just the main one.
            local task children
            for task in "/proc/$pid/task/"*/children; do
                children=""
                read -r children 2>/dev/null <"$task" || true
                # shellcheck disable=SC2206  # word splitting of pid lists is intended
                [[ -n $children ]] && queue+=($children)
            done
        done
        sleep 0.1
    done
    : >"$file"
    for comm in "${!peak[@]}"; do printf '%s %s\n' "$comm" "${peak[$comm]}" >>"$file"; done
}

# ---------------------------------------------------------------------------------------
# Work dir and the throwaway cluster

bin=$(lb_pg_bindir) || lb_die "no PostgreSQL server found (apt-get install postgresql-15)"
pg_major=$(basename "$(dirname "$bin")")
server_user=$(id -un)
as_server() { "$@"; }
if lb_is_root; then
    server_user=$LB_TEST_USER
    as_server() { runuser -u "$LB_TEST_USER" -- "$@"; }
fi

keep_workdir=0
if [[ -n $workdir ]]; then
    keep_workdir=1
    mkdir -p "$workdir"
    work=$(cd "$workdir" && pwd -P)
else
    work=$(mktemp -d "${LIFEBOAT_BENCH_TMPDIR:-/var/tmp}/lifeboat-bench.XXXXXX")
fi
chmod 0755 "$work"
mkdir -p "$work/pg" "$work/out"
pgdata="$work/pg/data"
server_started=0

# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
    if ((server_started)); then
        as_server "$bin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if ((keep_workdir)); then
        rm -rf "$work/out" 2>/dev/null
    else
        rm -rf "$work" 2>/dev/null
    fi
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

if [[ ! -f $pgdata/PG_VERSION ]]; then
    progress "initdb ($pg_major) in $work/pg as $server_user"
    rm -rf "$pgdata"
    head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$work/pg/password"
    cp "$work/pg/password" "$work/pg/pwfile"
    chown -R "$server_user:" "$work/pg"
    as_server "$bin/initdb" -D "$pgdata" -U postgres --pwfile="$work/pg/pwfile" --auth-local=trust \
        --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$work/pg/initdb.log" 2>&1 ||
        {
            cat "$work/pg/initdb.log" >&2
            lb_die "initdb failed"
        }
    rm -f "$work/pg/pwfile"
fi
export PGPASSWORD
PGPASSWORD=$(<"$work/pg/password")
export PGHOST=127.0.0.1 PGUSER=postgres PGCONNECT_TIMEOUT=10
unset PGDATABASE PGSERVICE PGSSLMODE PGPASSFILE

for attempt in 1 2 3 4 5; do
    port=$(lb_free_port)
    if as_server "$bin/pg_ctl" -D "$pgdata" -l "$work/pg/server.log" -w -t 120 start -o \
        "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c fsync=off \
         -c synchronous_commit=off -c full_page_writes=off -c wal_level=minimal -c max_wal_senders=0 \
         -c max_wal_size=8GB -c checkpoint_timeout=30min -c autovacuum=off -c max_connections=20" \
        >/dev/null 2>&1; then
        server_started=1
        break
    fi
    progress "server did not start on port $port (attempt $attempt)"
done
((server_started)) || {
    tail -n 20 "$work/pg/server.log" >&2
    lb_die "could not start PostgreSQL"
}
export PGPORT=$port
progress "PostgreSQL $pg_major on 127.0.0.1:$port"
psql_q() { PGOPTIONS='-c client_min_messages=warning' "$bin/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

# Creates database $1 at scale $2 unless a complete one is already there (--workdir reuse).
ensure_database() {
    local db=$1 s=$2 t0
    if [[ $(psql_q -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'") == 1 ]] &&
        [[ $(psql_q -d "$db" -c "SELECT value FROM bench_meta WHERE key = 'complete'" 2>/dev/null) == true ]]; then
        progress "reusing database $db (scale $s)"
        return 0
    fi
    progress "generating database $db at scale $s (scale 1 takes a few minutes)"
    t0=$(now)
    psql_q -d postgres -c "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\""
    psql_q -d "$db" -f "$BENCH_DIR/sql/schema.sql" >&2
    psql_q -d "$db" -v scale="$s" -f "$BENCH_DIR/sql/data.sql" >&2
    progress "indexes, keys, VACUUM ANALYZE"
    psql_q -d "$db" -v scale="$s" -f "$BENCH_DIR/sql/indexes.sql" >&2
    progress "generated $db in $(fmt "$(awk -v a="$t0" -v b="$(now)" 'BEGIN{print b-a}')" %.0f) s"
}

db_name() { printf 'bench_s%s' "${1//./_}"; }
db=$(db_name "$scale")
ensure_database "$db" "$scale"
scale4=$(awk -v s="$scale" 'BEGIN { printf "%g", s * 4 }')
db4=$(db_name "$scale4")
if ((flat_check)); then
    ensure_database "$db4" "$scale4"
fi

db_size=$(psql_q -d "$db" -c "SELECT pg_database_size(current_database())")
table_facts=$(psql_q -d "$db" -F ' | ' -c "
    SELECT '| ' || n.nspname || '.' || c.relname, to_char(c.reltuples::bigint, 'FM999,999,999,999'),
           pg_size_pretty(pg_table_size(c.oid)), pg_size_pretty(pg_indexes_size(c.oid)) || ' |'
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname IN ('shop', 'app')
    ORDER BY pg_total_relation_size(c.oid) DESC")

# ---------------------------------------------------------------------------------------
# Measurements

declare -A WALL CPU RSS SIZE STATUS
steps=(floor gzip fc zstd lifeboat)
# shellcheck disable=SC2016  # backticks are markdown, not command substitution
declare -A LABEL=(
    [floor]='`pg_dump -Fc -Z0 > file` (floor)'
    [gzip]='`pg_dump \| gzip > file`'
    [fc]='`pg_dump -Fc > file` (default compression)'
    [zstd]='`pg_dump -Fc -Z0 \| zstd -3 -T2 > file`'
    [lifeboat]='`lifeboat-cli backup` (zstd 3 + age)'
)
pg_dump_args=("$bin/pg_dump" -h 127.0.0.1 -p "$port" -U postgres)
tm="$work/out/time"
mkdir -p "$tm"

fail_step() {
    STATUS[$1]="FAILED: $2"
    progress "step $1 FAILED: $2"
}

if ((warmup)); then
    progress "warm-up dump (fills the OS page cache and shared buffers)"
    "${pg_dump_args[@]}" -Fc -Z0 -d "$db" >/dev/null
fi

progress "1/5 pg_dump -Fc -Z0"
f="$work/out/floor.dump"
if /usr/bin/time -f "$TIME_FMT" -o "$tm/floor" "${pg_dump_args[@]}" -Fc -Z0 -d "$db" >"$f" &&
    read_time "$tm/floor"; then
    WALL[floor]=$T_WALL CPU[floor]=$T_CPU RSS[floor]="pg_dump $(kib_to_mib "$T_RSS_KIB")"
    SIZE[floor]=$(file_size "$f") STATUS[floor]=ok
else
    fail_step floor "pg_dump exited with an error"
fi
floor_toc=$("$bin/pg_restore" -l "$f" 2>/dev/null | grep -c 'TABLE DATA' || true)
rm -f "$f"

progress "2/5 pg_dump | gzip"
f="$work/out/plain.sql.gz"
t0=$(now)
set +e
/usr/bin/time -f "$TIME_FMT" -o "$tm/gzip.1" "${pg_dump_args[@]}" -d "$db" |
    /usr/bin/time -f "$TIME_FMT" -o "$tm/gzip.2" gzip >"$f"
rcs=("${PIPESTATUS[@]}")
set -e
t1=$(now)
if [[ ${rcs[*]} == "0 0" ]] && read_time "$tm/gzip.1"; then
    c1=$T_CPU r1=$T_RSS_KIB
    read_time "$tm/gzip.2"
    WALL[gzip]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    CPU[gzip]=$(awk -v a="$c1" -v b="$T_CPU" 'BEGIN { printf "%.2f", a + b }')
    RSS[gzip]="pg_dump $(kib_to_mib "$r1") · gzip $(kib_to_mib "$T_RSS_KIB")"
    SIZE[gzip]=$(file_size "$f") STATUS[gzip]=ok
else
    fail_step gzip "pipeline exit statuses ${rcs[*]}"
fi
rm -f "$f"

progress "3/5 pg_dump -Fc"
f="$work/out/default.dump"
if /usr/bin/time -f "$TIME_FMT" -o "$tm/fc" "${pg_dump_args[@]}" -Fc -d "$db" >"$f" &&
    read_time "$tm/fc"; then
    WALL[fc]=$T_WALL CPU[fc]=$T_CPU RSS[fc]="pg_dump $(kib_to_mib "$T_RSS_KIB")"
    SIZE[fc]=$(file_size "$f") STATUS[fc]=ok
else
    fail_step fc "pg_dump exited with an error"
fi
rm -f "$f"

progress "4/5 pg_dump -Fc -Z0 | zstd -3 -T2"
f="$work/out/zstd.dump.zst"
t0=$(now)
set +e
/usr/bin/time -f "$TIME_FMT" -o "$tm/zstd.1" "${pg_dump_args[@]}" -Fc -Z0 -d "$db" |
    /usr/bin/time -f "$TIME_FMT" -o "$tm/zstd.2" zstd -q -3 -T2 >"$f"
rcs=("${PIPESTATUS[@]}")
set -e
t1=$(now)
if [[ ${rcs[*]} == "0 0" ]] && read_time "$tm/zstd.1"; then
    c1=$T_CPU r1=$T_RSS_KIB
    read_time "$tm/zstd.2"
    WALL[zstd]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    CPU[zstd]=$(awk -v a="$c1" -v b="$T_CPU" 'BEGIN { printf "%.2f", a + b }')
    RSS[zstd]="pg_dump $(kib_to_mib "$r1") · zstd $(kib_to_mib "$T_RSS_KIB")"
    SIZE[zstd]=$(file_size "$f") STATUS[zstd]=ok
else
    fail_step zstd "pipeline exit statuses ${rcs[*]}"
fi
rm -f "$f"

# Lifeboat: profile add, then a measured backup. Sets LB_* results for database $1.
# Returns non-zero with LB_ERROR set when something failed.
find_cli() {
    if [[ -n $cli ]]; then
        printf '%s\n' "$cli"
        return
    fi
    local c
    for c in "$LB_BUILD/release/src/cli/lifeboat-cli" "$LB_BUILD/dev/src/cli/lifeboat-cli"; do
        [[ -x $c ]] && {
            printf '%s\n' "$c"
            return
        }
    done
    return 1
}
key="$work/out/age-key.txt"
age-keygen -o "$key" 2>/dev/null
recipient=$(age-keygen -y "$key")

run_lifeboat() {
    local dbname=$1 tag=$2 clibin
    LB_ERROR="" LB_WALL=0 LB_CPU=0 LB_RSS_SELF=0 LB_RSS_TREE=0 LB_RSS_DUMP=0 LB_RSS_OTHERS="" LB_SIZE=0 LB_ARTIFACT=""
    if [[ -n ${LB_BENCH_BUILD_FAILED:-} ]]; then
        LB_ERROR="building lifeboat-cli failed (see the build output above)"
        return 1
    fi
    clibin=$(find_cli) || {
        LB_ERROR="no lifeboat-cli found (build it, or pass --cli PATH)"
        return 1
    }
    local cfg="$work/out/lifeboat-config-$tag" dest="$work/out/lifeboat-dest-$tag" log="$work/out/lifeboat-$tag.log"
    rm -rf "$cfg" "$dest"
    mkdir -p "$cfg" "$dest"
    if ! "$clibin" --config-dir "$cfg" profile add "bench-$tag" \
        --db "postgresql://postgres@127.0.0.1:$port/$dbname" --dest "$dest" \
        --recipient "$recipient" --zstd-level 3 >"$log" 2>&1; then
        LB_ERROR="\`lifeboat-cli profile add\` failed: $(tail -n 3 "$log" | tr '\n' ' ')"
        return 1
    fi
    /usr/bin/time -f "$TIME_FMT" -o "$tm/lifeboat-$tag" "$clibin" --config-dir "$cfg" backup "bench-$tag" \
        >>"$log" 2>&1 &
    local pid=$! rc=0
    sample_tree_rss "$pid" "$tm/lifeboat-$tag.rss" &
    local sampler=$!
    wait "$pid" || rc=$?
    wait "$sampler" || true
    if ((rc != 0)); then
        LB_ERROR="\`lifeboat-cli backup\` exited with status $rc: $(tail -n 3 "$log" | tr '\n' ' ')"
        return 1
    fi
    read_time "$tm/lifeboat-$tag" || true
    LB_WALL=$T_WALL LB_CPU=$T_CPU LB_RSS_TREE=$T_RSS_KIB
    LB_RSS_SELF=$(awk '$1 == "lifeboat-cli" { print $2 }' "$tm/lifeboat-$tag.rss")
    LB_RSS_DUMP=$(awk '$1 == "pg_dump" { print $2 }' "$tm/lifeboat-$tag.rss")
    # Any other helper processes it started (there should be none: zstd and age are in-process).
    LB_RSS_OTHERS=$(awk '$1 != "lifeboat-cli" && $1 != "pg_dump" && $1 != "time" { printf " · %s %.1f", $1, $2 / 1024 }' "$tm/lifeboat-$tag.rss")
    # Without a sample of the CLI itself (a very short run), GNU time's figure is the best
    # we have: the peak of the CLI and the children it waited for.
    [[ -n $LB_RSS_SELF ]] || LB_RSS_SELF=$LB_RSS_TREE
    local artifacts
    mapfile -t artifacts < <(find "$dest" -type f -name "${dbname}_*.dump.zst.age")
    if ((${#artifacts[@]} != 1)); then
        LB_ERROR="expected one ${dbname}_*.dump.zst.age under the destination, found ${#artifacts[@]}: $(find "$dest" -type f | sed "s|^$dest/||" | head -n 5 | tr '\n' ' ')"
        return 1
    fi
    LB_ARTIFACT=${artifacts[0]}
    LB_SIZE=$(file_size "$LB_ARTIFACT")
    # The artifact must restore with standard tools alone. First the whole stream: age
    # authenticates every chunk and zstd checks its frame checksum.
    local toc="$work/out/lifeboat-$tag.toc" err="$work/out/lifeboat-$tag.err"
    set +e
    age -d -i "$key" "$LB_ARTIFACT" 2>"$err" | zstd -q -d 2>>"$err" | wc -c >/dev/null
    local -a prc=("${PIPESTATUS[@]}")
    set -e
    if [[ ${prc[*]} != "0 0 0" ]]; then
        LB_ERROR="artifact does not decode: age -d | zstd -d exited ${prc[*]}: $(head -c 300 "$err" | tr '\n' ' ')"
        return 1
    fi
    # Then the documented one-liner. pg_restore -l stops reading after the table of contents,
    # so age and zstd may die of SIGPIPE (141); only pg_restore's status counts here.
    set +e
    age -d -i "$key" "$LB_ARTIFACT" 2>/dev/null | zstd -q -d 2>/dev/null | "$bin/pg_restore" -l >"$toc" 2>"$err"
    prc=("${PIPESTATUS[@]}")
    set -e
    if ((prc[2] != 0)); then
        LB_ERROR="artifact does not restore: age -d | zstd -d | pg_restore -l: pg_restore exited ${prc[2]}: $(head -c 300 "$err" | tr '\n' ' ')"
        return 1
    fi
    LB_TOC_TABLES=$(grep -c 'TABLE DATA' "$toc" || true)
    return 0
}

progress "5/5 lifeboat-cli backup"
lifeboat_restore="not checked"
if run_lifeboat "$db" s; then
    WALL[lifeboat]=$LB_WALL CPU[lifeboat]=$LB_CPU SIZE[lifeboat]=$LB_SIZE STATUS[lifeboat]=ok
    RSS[lifeboat]="lifeboat-cli $(kib_to_mib "$LB_RSS_SELF")${LB_RSS_DUMP:+ · pg_dump $(kib_to_mib "$LB_RSS_DUMP")}$LB_RSS_OTHERS"
    lb_rss_s=$LB_RSS_SELF
    if [[ $LB_TOC_TABLES == "$floor_toc" ]]; then
        lifeboat_restore="✅ \`age -d -i key.txt | zstd -d | pg_restore -l\` lists all $LB_TOC_TABLES TABLE DATA entries"
    else
        lifeboat_restore="❌ pg_restore -l lists $LB_TOC_TABLES TABLE DATA entries, the plain dump $floor_toc"
        STATUS[lifeboat]="FAILED: artifact's table of contents differs from pg_dump's"
    fi
else
    fail_step lifeboat "$LB_ERROR"
    lifeboat_restore="❌ not checked (the backup step failed)"
fi

flat_line=""
if ((flat_check)); then
    if [[ ${STATUS[lifeboat]} != ok ]]; then
        flat_line="| Peak RSS at ${scale4}× vs ${scale}× | n/a (the Lifeboat step failed) | ±10% | ❌ |"
    else
        progress "flat check: lifeboat-cli backup of $db4"
        if run_lifeboat "$db4" s4; then
            d=$(awk -v a="$lb_rss_s" -v b="$LB_RSS_SELF" 'BEGIN { printf "%+.1f", (b - a) * 100 / a }')
            ok=$(awk -v d="$d" 'BEGIN { print (d <= 10 && d >= -10) ? "✅" : "❌" }')
            flat_line="| Lifeboat peak RSS, scale $scale4 vs $scale | $(kib_to_mib "$LB_RSS_SELF") vs $(kib_to_mib "$lb_rss_s") MiB ($d%; wall $(fmt "$LB_WALL") s, $(mib "$LB_SIZE") MiB) | ±10% | $ok |"
        else
            fail_step lifeboat-flat "$LB_ERROR"
            flat_line="| Peak RSS at ${scale4}× vs ${scale}× | $(md_cell "FAILED: $LB_ERROR") | ±10% | ❌ |"
        fi
    fi
fi

# ---------------------------------------------------------------------------------------
# Report

date_tag=$(date +%F)
if [[ -z $out ]]; then
    suffix=""
    [[ $scale == 1 ]] || suffix="-scale$scale"
    out="$BENCH_DIR/results/backup-$date_tag$suffix.md"
fi
mkdir -p "$(dirname "$out")"

cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem_total=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
git_rev=$(git -c safe.directory="$LB_SRC" -C "$LB_SRC" describe --always --dirty 2>/dev/null || echo unknown)
cli_version="n/a"
if clibin=$(find_cli 2>/dev/null); then
    cli_version=$("$clibin" --version 2>/dev/null | head -n1 || true)
    [[ -n $cli_version ]] || cli_version="(no --version output) $clibin"
fi

target() { # value op limit -> ✅/❌/n/a
    awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {
        if (v == "n/a" || v == "") { print "n/a"; exit }
        ok = (op == "<=") ? (v <= l) : (v >= l); print ok ? "✅" : "❌" }'
}

{
    echo "# Backup benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Scale $scale: database \`$db\`, $(mib "$db_size") MiB (\`pg_database_size\`, indexes included)."
    echo "Machine: $cpu_model, $(lb_nproc) CPUs, $mem_total RAM, $(uname -r)."
    echo "Versions: $("$bin/pg_dump" --version), zstd $(zstd --version | grep -o 'v[0-9][0-9.]*' | head -n1), $(gzip --version | head -n1), age $(age --version), Lifeboat $cli_version (tree $git_rev)."
    echo "Server: PostgreSQL $pg_major on 127.0.0.1 (TCP, scram-sha-256), same machine; page cache warm$( ((warmup)) || echo ' (no warm-up dump)')."
    echo
    echo "| Method | Wall s | CPU s (client) | Peak RSS MiB | Output MiB | Output / floor |"
    echo "|---|---:|---:|---|---:|---:|"
    for s in "${steps[@]}"; do
        if [[ ${STATUS[$s]:-} == ok ]]; then
            echo "| ${LABEL[$s]} | $(fmt "${WALL[$s]}") | $(fmt "${CPU[$s]}") | ${RSS[$s]} | $(mib "${SIZE[$s]}") | $(ratio "${SIZE[$s]}" "${SIZE[floor]:-0}") |"
        else
            echo "| ${LABEL[$s]} | $(md_cell "${STATUS[$s]:-not run}") | | | | |"
        fi
    done
    echo
    echo "CPU is the client side only (pg_dump and the compressors or Lifeboat; the server backend is not counted). Pipelines: wall time of the whole pipeline, CPU summed over its processes, peak RSS per process. Lifeboat: peak RSS of the lifeboat-cli process itself (VmHWM, sampled every 0.1 s) and of its pg_dump child."
    echo
    echo "| Target | Measured | Goal | |"
    echo "|---|---|---|---|"
    if [[ ${STATUS[lifeboat]} == ok && ${STATUS[floor]} == ok && ${STATUS[zstd]} == ok ]]; then
        r=$(ratio "${WALL[lifeboat]}" "${WALL[floor]}")
        echo "| Lifeboat wall / floor wall | $r | ≤ 1.10 | $(target "$r" '<=' 1.10) |"
        r=$(ratio "${SIZE[lifeboat]}" "${SIZE[zstd]}")
        echo "| Lifeboat size / zstd -3 size | $r | ≤ 1.01 | $(target "$r" '<=' 1.01) |"
    else
        echo "| Lifeboat wall / floor wall | n/a (a step failed) | ≤ 1.10 | ❌ |"
        echo "| Lifeboat size / zstd -3 size | n/a (a step failed) | ≤ 1.01 | ❌ |"
    fi
    if [[ ${STATUS[lifeboat]} == ok ]]; then
        r=$(kib_to_mib "$lb_rss_s")
        echo "| Lifeboat peak RSS (lifeboat-cli) | $r MiB | ≤ 80 MiB | $(target "$r" '<=' 80) |"
    else
        echo "| Lifeboat peak RSS (lifeboat-cli) | n/a (the step failed) | ≤ 80 MiB | ❌ |"
    fi
    [[ -n $flat_line ]] && echo "$flat_line"
    echo
    echo "Restore check: $lifeboat_restore."
    for s in "${steps[@]}" lifeboat-flat; do
        if [[ ${STATUS[$s]:-ok} != ok ]]; then
            echo
            echo "**Step \`$s\` failed:** ${STATUS[$s]#FAILED: }"
        fi
    done
    echo
    echo "Tables (\`shop\`, \`app\`; generated by \`bench/sql/\`):"
    echo
    echo "| Table | Rows | Heap+TOAST | Indexes |"
    echo "|---|---:|---:|---:|"
    echo "$table_facts"
} >"$out"

cat "$out"
progress "report written to ${out#"$LB_SRC"/}"
failed=0
for s in "${!STATUS[@]}"; do [[ ${STATUS[$s]} == ok ]] || failed=1; done
exit "$failed"
