#!/usr/bin/env bash
# shellcheck disable=SC2034,SC2154  # globals shared with the scripts that source this file
# Helpers shared by bench/backup-bench.sh and bench/restore-bench.sh. Source it after
# scripts/lib/common.sh; do not execute it.
#
# What it provides:
#   bench_check_scale F            dies unless F is a positive number
#   bench_enter_keyring SCRIPT ARGS...
#                                  installs what the benchmarks need, builds lifeboat-cli
#                                  when $build_cli is 1, then re-runs SCRIPT ARGS inside a
#                                  private D-Bus session with an unlocked keyring (returns
#                                  at once when already inside)
#   bench_start_cluster            the work dir ($work, --workdir reuse via $workdir) and the
#                                  throwaway PostgreSQL cluster: sets bin pg_major server_user
#                                  work pgdata keep_workdir server_started port, exports
#                                  PGHOST PGPORT PGUSER PGPASSWORD, defines as_server and
#                                  psql_q, and an EXIT trap that stops the server and removes
#                                  the work dir ($work/out only with --workdir). Functions named
#                                  in BENCH_CLEANUP_HOOKS run first.
#   db_name F, ensure_database DB F, bench_table_facts DB
#   find_cli                       the lifeboat-cli to use ($cli, else build/{release,dev})
#   bench_collect_facts            sets cpu_model mem_total git_rev cli_version
#   bench_default_out KIND F       bench/results/KIND-<date>[-scale<F>].md
#   progress now fmt mib kib_to_mib ratio md_cell file_size target fail_step
#   read_time FILE, TIME_FMT       GNU time output -> T_WALL T_CPU T_RSS_KIB
#   sample_tree_rss PID FILE       peak RSS per command name of PID's descendants

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    echo "bench/lib.sh is a library: source it from a benchmark script" >&2
    exit 2
fi
[[ -n ${LB_COMMON_SOURCED:-} ]] || {
    echo "bench/lib.sh needs scripts/lib/common.sh sourced first" >&2
    exit 2
}
BENCH_DIR=${BENCH_DIR:-"$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"}
BENCH_CLEANUP_HOOKS=()

# ---------------------------------------------------------------------------------------
# Arguments and environment

bench_check_scale() {
    local scale=$1
    if ! [[ $scale =~ ^([0-9]+([.][0-9]*)?|[.][0-9]+)$ ]] || ! awk -v s="$scale" 'BEGIN { exit !(s > 0) }'; then
        lb_die "--scale must be a positive number, not '$scale'"
    fi
}

# Everything after this runs inside a private D-Bus session with an unlocked keyring, in
# case the CLI wants the Secret Service (a benchmark must not touch the user's real keyring).
bench_enter_keyring() {
    local script=$1
    shift
    [[ -z ${LB_BENCH_IN_KEYRING:-} ]] || return 0
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
    exec "$LB_SRC/scripts/lib/with-keyring.sh" bash "$script" "$@"
}

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

target() { # value op limit -> ✅/❌/n/a
    awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {
        if (v == "n/a" || v == "") { print "n/a"; exit }
        ok = (op == "<=") ? (v <= l) : (v >= l); print ok ? "✅" : "❌" }'
}

# Marks step $1 failed with reason $2 (in the caller's STATUS array).
fail_step() {
    STATUS[$1]="FAILED: $2"
    progress "step $1 FAILED: $2"
}

# ---------------------------------------------------------------------------------------
# Work dir and the throwaway cluster

bench_start_cluster() {
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

    local attempt
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
}

# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
    local hook
    for hook in "${BENCH_CLEANUP_HOOKS[@]}"; do "$hook" || true; done
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

# The report's table of tables (markdown rows) for database $1.
bench_table_facts() {
    psql_q -d "$1" -F ' | ' -c "
    SELECT '| ' || n.nspname || '.' || c.relname, to_char(c.reltuples::bigint, 'FM999,999,999,999'),
           pg_size_pretty(pg_table_size(c.oid)), pg_size_pretty(pg_indexes_size(c.oid)) || ' |'
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname IN ('shop', 'app')
    ORDER BY pg_total_relation_size(c.oid) DESC"
}

# ---------------------------------------------------------------------------------------
# Lifeboat and the report

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

bench_collect_facts() {
    cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    mem_total=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    git_rev=$(git -c safe.directory="$LB_SRC" -C "$LB_SRC" describe --always --dirty 2>/dev/null || echo unknown)
    cli_version="n/a"
    local clibin
    if clibin=$(find_cli 2>/dev/null); then
        cli_version=$("$clibin" --version 2>/dev/null | head -n1 || true)
        [[ -n $cli_version ]] || cli_version="(no --version output) $clibin"
    fi
}

bench_default_out() {
    local kind=$1 scale=$2 suffix=""
    [[ $scale == 1 ]] || suffix="-scale$scale"
    printf '%s\n' "$BENCH_DIR/results/$kind-$(date +%F)$suffix.md"
}
