#!/usr/bin/env bash
# Lifeboat restore benchmark.
#
# Builds the same deterministic database as bench/backup-bench.sh (bench/sql/*.sql; scale 1
# is about 1 GB) in its own throwaway PostgreSQL cluster, takes a plain dump
# (pg_dump -Fc -Z0) and a Lifeboat backup of it (once, neither timed), then measures in one
# run, each under GNU time (wall, user+sys CPU, peak RSS) with a process-tree RSS sampler:
#   1. pg_restore -j2 -d NEWDB plain.dump        the floor, into a fresh database
#   2. lifeboat-cli restore ID --to-db NEWDB --jobs 2
#   3. lifeboat-cli restore ID --to-db NEWDB     streaming (age -> zstd -> pg_restore, one job)
#   4. lifeboat-cli verify ID --restore          deep verification in a throwaway cluster
# as --repeat N rounds, each round running 1 -> 2 -> 3 -> 4 (interleaved, so that the
# machine's drift hits every method alike), with a fresh database, a CHECKPOINT and a sync
# between steps. Per method it reports the median wall time (and min-max), the medians of
# client and server CPU and the largest peak RSS over the rounds, plus a per-round table.
# Targets use the ratio of the medians: Lifeboat restore --jobs 2 / pg_restore -j2
# (target <= 1.10) and deep verification / Lifeboat streaming restore (target <= 1.25;
# verification restores as one stream too); the per-round ratios (min-median-max) are
# given for reference. A step fails when it fails in any round (the report names the round);
# a Lifeboat step fails when the CLI exits non-zero or prints a MISMATCH (or MISSING) line in
# its row-count comparison. A failed step is not run again in later rounds.
# PostgreSQL refuses to run as root, so as root step 4 runs the CLI as the unprivileged user
# that runs the bench server (lifeboat-test), with the config dir, backup and key handed to
# it. When that user cannot run the CLI (or with --verify-target) step 4 verifies into a
# scratch database on the bench server instead (verify --restore --target URI); the report
# says which.
#
# Usage: bench/restore-bench.sh [--scale F] [--repeat N] [options]
#   --scale F        database size: 1 = ~1 GB, 4 = ~4 GB, 0.05 = quick smoke run (default 1)
#   --repeat N       rounds of the four steps (default 3); 1 measures each step once
#   --cli PATH       lifeboat-cli to measure (default: build it with the release preset)
#   --no-build       do not build; use build/release's or build/dev's lifeboat-cli
#   --workdir DIR    keep the cluster and generated database in DIR and reuse them next
#                    time (default: a temp dir under /var/tmp, deleted afterwards); one work
#                    dir can serve both backup-bench.sh and restore-bench.sh
#   --out FILE       where to write the markdown report
#                    (default bench/results/restore-<date>.md, -scale<F> added unless F = 1)
#   --verify-target  deep verification into a scratch database on the bench server
#                    (verify --restore --target URI) rather than a throwaway cluster
# Output: the report on stdout (progress on stderr) and in the report file. Exit status 0
# when every step worked in every round, 1 when a step failed (the report says which, in
# which round and why); missed targets are marked in the report but do not change the exit
# status.
# Time: N times the four steps (at scale 1 on two cores, about 1.5 minutes per round).
# Disk: about 5x the database size in the work dir, under /var/tmp rather than /tmp (often a
# RAM-backed tmpfs); the plain dump stays until the last round's floor step. The CLI's own
# temporary files (the --jobs copy of the archive, the throwaway cluster) go to the work dir
# as well: TMPDIR points there.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=../scripts/lib/common.sh
source "$BENCH_DIR/../scripts/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$BENCH_DIR/lib.sh"

orig_args=("$@")
scale=1
cli=""
build_cli=1
workdir=""
out=""
verify_target=0
repeat=3
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
while (($# > 0)); do
    case $1 in
    --scale) scale=${2:?--scale needs a number}; shift 2 ;;
    --scale=*) scale=${1#*=}; shift ;;
    --cli) cli=${2:?--cli needs a path}; build_cli=0; shift 2 ;;
    --no-build) build_cli=0; shift ;;
    --workdir) workdir=${2:?--workdir needs a directory}; shift 2 ;;
    --out) out=${2:?--out needs a file}; shift 2 ;;
    --repeat) repeat=${2:?--repeat needs a number}; shift 2 ;;
    --repeat=*) repeat=${1#*=}; shift ;;
    --verify-target) verify_target=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) lb_die "unknown argument: $1 (see --help)" ;;
    esac
done
bench_check_scale "$scale"
[[ $repeat =~ ^[1-9][0-9]{0,2}$ ]] || lb_die "--repeat must be a whole number from 1 to 999, not '$repeat'"
[[ -z $cli || -x $cli ]] || lb_die "--cli $cli is not an executable"

# Everything below runs inside a private D-Bus session with an unlocked keyring, in case the
# CLI wants the Secret Service (a benchmark must not touch the user's real keyring).
bench_enter_keyring "${BASH_SOURCE[0]}" "${orig_args[@]}"

# ---------------------------------------------------------------------------------------
# Helpers

CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)

# Sets TICKS to the CPU time, in clock ticks, of PID and its live descendants (utime, stime,
# and the cutime/cstime of the children they have reaped: exited backends count there).
tree_ticks() {
    local -a queue=("$1") f
    local pid stat task children
    TICKS=0
    while ((${#queue[@]} > 0)); do
        pid=${queue[0]}
        queue=("${queue[@]:1}")
        stat=""
        read -r stat 2>/dev/null <"/proc/$pid/stat" || continue
        stat=${stat##*) }
        read -ra f <<<"$stat"
        ((TICKS += f[11] + f[12] + f[13] + f[14])) || true
        for task in "/proc/$pid/task/"*/children; do
            children=""
            read -r children 2>/dev/null <"$task" || true
            # shellcheck disable=SC2206  # word splitting of pid lists is intended
            [[ -n $children ]] && queue+=($children)
        done
    done
    return 0
}

# TICKS of the postmaster whose postmaster.pid is $1 (0 when it is not running).
cluster_ticks() {
    local pm=""
    TICKS=0
    read -r pm 2>/dev/null <"$1" || true
    [[ $pm =~ ^[0-9]+$ ]] && tree_ticks "$pm"
    return 0
}

# While PID runs, samples the CPU time of the throwaway clusters the CLI starts under DIR
# (they leave the CLI's process tree: pg_ctl daemonizes the postmaster); writes the largest
# total seen, in seconds, to FILE.
sample_sandbox_cpu() {
    local root=$1 dir=$2 file=$3 best=0 pidfile
    while [[ -d /proc/$root ]]; do
        for pidfile in "$dir"/lifeboat-sandbox-*/data/postmaster.pid; do
            [[ -f $pidfile ]] || continue
            cluster_ticks "$pidfile"
            ((TICKS > best)) && best=$TICKS
        done
        sleep 0.2
    done
    awk -v t="$best" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f\n", t / hz }' >"$file"
}

# "name MiB · name MiB ..." from a sample_tree_rss file: the names given first, in that order,
# then any other client process: not the wrappers, not a PostgreSQL server, and not names
# lifeboat-* (a child between fork and exec carries the name of the CLI's thread that
# forked it, lifeboat-jobs, and the CLI's memory).
rss_summary() {
    local file=$1 name kib parts=()
    shift
    for name in "$@"; do
        kib=$(awk -v n="$name" '$1 == n { print $2 }' "$file")
        [[ -n $kib ]] && parts+=("$name $(kib_to_mib "$kib")")
    done
    while read -r name kib; do
        parts+=("$name $(kib_to_mib "$kib")")
    done < <(awk -v skip=" $* time runuser env sh bash postgres " \
        'index(skip, " " $1 " ") == 0 && $1 !~ /^lifeboat-/' "$file" | sort)
    local i
    for i in "${!parts[@]}"; do
        ((i == 0)) || printf ' · '
        printf '%s' "${parts[$i]}"
    done
}

drop_db() { psql_q -d postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)"; }

# Between steps: write out what the last step left in shared buffers and the page cache, so
# that it is not paid for by the next one.
settle() {
    psql_q -d postgres -c CHECKPOINT
    sync -f "$work" 2>/dev/null || sync
}

MEASURED_PID=""
# shellcheck disable=SC2317  # invoked by the EXIT trap (cleanup in bench/lib.sh)
stop_measured() {
    [[ -n ${MEASURED_PID:-} && -d /proc/$MEASURED_PID ]] || return 0
    local -a queue=("$MEASURED_PID") all=()
    local pid task children
    while ((${#queue[@]} > 0)); do
        pid=${queue[0]}
        queue=("${queue[@]:1}")
        all+=("$pid")
        for task in "/proc/$pid/task/"*/children; do
            children=""
            read -r children 2>/dev/null <"$task" || true
            # shellcheck disable=SC2206  # word splitting of pid lists is intended
            [[ -n $children ]] && queue+=($children)
        done
    done
    kill -TERM "${all[@]}" 2>/dev/null || true
    wait "$MEASURED_PID" 2>/dev/null || true
}
# Throwaway clusters a verification left behind (if the bench was interrupted).
# shellcheck disable=SC2317  # invoked by the EXIT trap (cleanup in bench/lib.sh)
stop_sandboxes() {
    local d
    for d in "$work/out/tmp" "$work/out/verify/tmp"; do
        [[ -d $d ]] && lb_stop_leftover_clusters "$d"
    done
    return 0
}

# Runs "$@" for run $1 (step-rN) under GNU time, output in $work/out/$1.log, sampling the peak
# RSS of its process tree and the CPU time of the server it restores into: $2 is "bench" (the
# bench cluster) or "sandbox:DIR" (the throwaway cluster the CLI starts under DIR). Sets M_RC,
# T_WALL T_CPU T_RSS_KIB (GNU time), M_SRV_CPU (seconds) and M_LOG.
measure() {
    local run=$1 srv=$2
    shift 2
    M_LOG="$work/out/$run.log"
    local ticks0=0 rc=0 sampler cpu_sampler=""
    [[ $srv == bench ]] && cluster_ticks "$pgdata/postmaster.pid" && ticks0=$TICKS
    /usr/bin/time -f "$TIME_FMT" -o "$tm/$run" "$@" >"$M_LOG" 2>&1 &
    MEASURED_PID=$!
    sample_tree_rss "$MEASURED_PID" "$tm/$run.rss" &
    sampler=$!
    if [[ $srv == sandbox:* ]]; then
        sample_sandbox_cpu "$MEASURED_PID" "${srv#sandbox:}" "$tm/$run.srv" &
        cpu_sampler=$!
    fi
    wait "$MEASURED_PID" || rc=$?
    MEASURED_PID=""
    wait "$sampler" || true
    M_RC=$rc
    if [[ -n $cpu_sampler ]]; then
        wait "$cpu_sampler" || true
        M_SRV_CPU=$(cat "$tm/$run.srv" 2>/dev/null || echo 0)
    else
        # Backends exit just after their client does; give the postmaster a moment to reap them.
        sleep 0.3
        cluster_ticks "$pgdata/postmaster.pid"
        M_SRV_CPU=$(awk -v a="$ticks0" -v b="$TICKS" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", (b - a) / hz }')
    fi
    read_time "$tm/$run" || true
}

# "in round R of N: " when there is more than one round (for failure messages).
round_tag() { ((repeat == 1)) || printf 'in round %s of %s: ' "$1" "$repeat"; }

# A step is run in a round unless it has failed (in preparation or an earlier round).
runnable() { [[ ${STATUS[$1]:-ok} == ok ]]; }

# Records the measurement (measure's T_* and M_*) of step $1 in round $2.
record_round() {
    local key="$1:$2"
    R_WALL[$key]=$T_WALL R_CPU[$key]=$T_CPU R_SRV[$key]=$M_SRV_CPU
    STATUS[$1]=ok
}

# Checks a Lifeboat step's output and records its result. $1 step, $2 round, $3 label for
# errors. Sets ROWCHECK[$step] (on a difference), STATUS[$step], and for the round R_OKN and
# R_SPLIT (Lifeboat's own split: "integrity restore rest" seconds).
lifeboat_result() {
    local step=$1 round=$2 what=$3 okn bad split tag
    tag=$(round_tag "$round")
    okn=$(grep -cE '^ok +' "$M_LOG" || true)
    bad=$(grep -E '^(MISMATCH|MISSING) ' "$M_LOG" | head -n 3 | tr '\n' ';' || true)
    if [[ -n $bad ]]; then
        ROWCHECK[$step]="❌ ${tag}${bad%;}"
        fail_step "$step" "${tag}\`$what\` reported a difference from the manifest: ${bad%;}"
        return 1
    fi
    if ((M_RC != 0)); then
        fail_step "$step" "${tag}\`$what\` exited with status $M_RC: $(grep -v '^ok ' "$M_LOG" | tail -n 3 | tr '\n' ' ')"
        return 1
    fi
    if ((okn == 0)); then
        fail_step "$step" "${tag}\`$what\` printed no row-count comparison (no \"ok\" lines): $(tail -n 3 "$M_LOG" | tr '\n' ' ')"
        return 1
    fi
    R_OKN[$step:$round]=$okn
    # "restored ... in 12.3 s (integrity check 4.5 s)": Lifeboat's own split of the time.
    split=$(sed -n 's/^restored .* in \([0-9.]*\) s (integrity check \([0-9.]*\) s)$/\2 \1/p' "$M_LOG" | tail -n1)
    if [[ -n $split ]]; then
        R_SPLIT[$step:$round]=$(awk -v w="$T_WALL" -v s="$split" 'BEGIN { split(s, a, " ");
            printf "%s %s %.2f", a[1], a[2], w - a[1] - a[2] }')
    fi
    return 0
}

# Sets VALS to the values of per-round array $1 (keys "step:round") for step $2, in round
# order, skipping rounds without one.
round_values() {
    local -n _values=$1
    local r
    VALS=()
    for ((r = 1; r <= repeat; r++)); do
        [[ -n ${_values[$2:$r]:-} ]] && VALS+=("${_values[$2:$r]}")
    done
    return 0
}

# "median min max" of the numbers given (the median of an even count is the mean of the
# middle two).
stats() {
    printf '%s\n' "$@" | sort -g | awk 'NF { v[++n] = $1 } END {
        if (n == 0) { print "0 0 0"; exit }
        m = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
        printf "%.4f %s %s\n", m, v[1], v[n] }'
}

# Median of the values of per-round array $1 for step $2.
round_median() {
    local m _
    round_values "$1" "$2"
    read -r m _ <<<"$(stats "${VALS[@]}")"
    printf '%s' "$m"
}

# Per-round ratios R_WALL[$1] / R_WALL[$2] as "min–median–max" (3 decimals).
round_ratios() {
    local r ratios=() med lo hi
    for ((r = 1; r <= repeat; r++)); do
        ratios+=("$(ratio "${R_WALL[$1:$r]}" "${R_WALL[$2:$r]}")")
    done
    read -r med lo hi <<<"$(stats "${ratios[@]}")"
    printf '%s–%s–%s' "$lo" "$(fmt "$med" %.3f)" "$hi"
}

# Merges the rounds' RSS files of step $1 (largest per process name) into $tm/$1.rss.
merge_rss() {
    cat "$tm/$1"-r*.rss 2>/dev/null |
        awk '$2 > m[$1] { m[$1] = $2 } END { for (n in m) print n, m[n] }' >"$tm/$1.rss"
}

# ---------------------------------------------------------------------------------------
# Work dir and the throwaway cluster (bench/lib.sh)

BENCH_CLEANUP_HOOKS+=(stop_measured stop_sandboxes)
bench_start_cluster

db=$(db_name "$scale")
ensure_database "$db" "$scale"
db_size=$(psql_q -d "$db" -c "SELECT pg_database_size(current_database())")
table_facts=$(bench_table_facts "$db")

# ---------------------------------------------------------------------------------------
# Preparation (not timed): the plain dump, the Lifeboat profile and backup

declare -A WALL CPU SRV RSS STATUS ROWCHECK SPLIT
# Per round, keyed "step:round": wall, CPU and server CPU seconds, "ok" lines, Lifeboat's split.
# shellcheck disable=SC2034  # read through round_values (a nameref)
declare -A R_WALL R_CPU R_SRV R_OKN R_SPLIT
steps=(floor lb_j2 lb_stream verify)
# shellcheck disable=SC2016  # backticks are markdown, not command substitution
declare -A LABEL=(
    [floor]='`pg_restore -j2 -d NEWDB plain.dump` (floor)'
    [lb_j2]='`lifeboat-cli restore ID --to-db NEWDB --jobs 2`'
    [lb_stream]='`lifeboat-cli restore ID --to-db NEWDB` (streaming)'
    [verify]='`lifeboat-cli verify ID --restore` (throwaway cluster)'
)
tm="$work/out/time"
mkdir -p "$tm"
chmod 0755 "$work/out"

# Leftovers of an interrupted run in a reused work dir.
while read -r old; do
    [[ -n $old ]] && drop_db "$old"
done < <(psql_q -d postgres -c "SELECT datname FROM pg_database
    WHERE starts_with(datname, '${db}_r_') OR starts_with(datname, '${db}_verify_')")

progress "plain dump (pg_dump -Fc -Z0, not timed)"
plain="$work/out/plain.dump"
plain_size=0
if "$bin/pg_dump" -h 127.0.0.1 -p "$port" -U postgres -Fc -Z0 -d "$db" >"$plain" 2>"$work/out/plain.err"; then
    plain_size=$(file_size "$plain")
else
    fail_step floor "pg_dump -Fc -Z0 failed: $(head -c 300 "$work/out/plain.err" | tr '\n' ' ')"
    rm -f "$plain"
fi

key="$work/out/age-key.txt"
age-keygen -o "$key" 2>/dev/null
recipient=$(age-keygen -y "$key")
cfg="$work/out/lifeboat-config"
dest="$work/out/lifeboat-dest"
profile=bench-restore
backup_id=""
artifact_size=0
cli_tmp="$work/out/tmp"
mkdir -p "$cli_tmp"
chmod 0700 "$cli_tmp"
lifeboat_error=""
clibin=""
if [[ -n ${LB_BENCH_BUILD_FAILED:-} ]]; then
    lifeboat_error="building lifeboat-cli failed (see the build output above)"
elif ! clibin=$(find_cli); then
    lifeboat_error="no lifeboat-cli found (build it, or pass --cli PATH)"
else
    progress "lifeboat-cli profile add + backup (not timed)"
    mkdir -p "$cfg" "$dest"
    log="$work/out/lifeboat-backup.log"
    if ! "$clibin" --config-dir "$cfg" profile add "$profile" \
        --db "postgresql://postgres@127.0.0.1:$port/$db" --dest "$dest" \
        --recipient "$recipient" --zstd-level 3 >"$log" 2>&1; then
        lifeboat_error="\`lifeboat-cli profile add\` failed: $(tail -n 3 "$log" | tr '\n' ' ')"
    elif ! TMPDIR=$cli_tmp "$clibin" --config-dir "$cfg" backup "$profile" >>"$log" 2>&1; then
        lifeboat_error="\`lifeboat-cli backup\` failed: $(tail -n 3 "$log" | tr '\n' ' ')"
    elif ! "$clibin" --config-dir "$cfg" --json list "$profile" >"$work/out/list.json" 2>>"$log"; then
        lifeboat_error="\`lifeboat-cli --json list\` failed: $(tail -n 3 "$log" | tr '\n' ' ')"
    else
        mapfile -t ids < <(grep -oE '"id"[[:space:]]*:[[:space:]]*[0-9]+' "$work/out/list.json" | grep -oE '[0-9]+$')
        if ((${#ids[@]} != 1)); then
            lifeboat_error="expected one backup in \`lifeboat-cli --json list $profile\`, found ${#ids[@]}"
        else
            backup_id=${ids[0]}
            artifact_size=$(find "$dest" -type f -name "${db}_*.dump.zst.age" -printf '%s\n' | head -n1)
            artifact_size=${artifact_size:-0}
        fi
    fi
fi
if [[ -n $lifeboat_error ]]; then
    progress "Lifeboat preparation failed: $lifeboat_error"
    for s in lb_j2 lb_stream verify; do fail_step "$s" "$lifeboat_error"; done
fi
settle

# ---------------------------------------------------------------------------------------
# Measurements

pg_conn=(-h 127.0.0.1 -p "$port" -U postgres)

# Step 1 in round $1: pg_restore -j2 from the plain dump into a fresh database. The dump is
# deleted after the last round's.
run_floor() {
    local round=$1 newdb="${db}_r_floor"
    drop_db "$newdb"
    psql_q -d postgres -c "CREATE DATABASE \"$newdb\" TEMPLATE template0"
    measure "floor-r$round" bench "$bin/pg_restore" "${pg_conn[@]}" -j 2 -d "$newdb" "$plain"
    if ((M_RC == 0)); then
        record_round floor "$round"
    else
        fail_step floor "$(round_tag "$round")pg_restore exited with status $M_RC: $(tail -n 3 "$M_LOG" | tr '\n' ' ')"
    fi
    drop_db "$newdb"
    ((round < repeat)) || rm -f "$plain"
    settle
}

# Lifeboat restore into a new database on the bench server; $1 step, $2 round, $3 database,
# then extra CLI arguments.
lifeboat_restore() {
    local step=$1 round=$2 newdb=$3
    shift 3
    drop_db "$newdb"
    measure "$step-r$round" bench env TMPDIR="$cli_tmp" "$clibin" --config-dir "$cfg" restore "$backup_id" \
        --identity "$key" --to-db "$newdb" "$@"
    if lifeboat_result "$step" "$round" "lifeboat-cli restore${*:+ $*}"; then
        record_round "$step" "$round"
    fi
    drop_db "$newdb"
    settle
}

# Deep verification: how it runs is decided once, before the rounds. The throwaway cluster
# cannot run as root: as root, the CLI runs as the user that runs the bench server, with its
# own home, runtime and temp dirs and no session bus (the throwaway cluster trusts local
# connections; no password or keychain is involved).
verify_mode=""
verify_note=""
vtmp=""
vdir=""
verify_cmd=()
verify_srv=""
# Hands the config dir, backup and key to the user that verifies (again before every round:
# the restores, run as root, may have added files to the config dir).
hand_to_test_user() { chown -R "$LB_TEST_USER:" "$vdir" "$cfg" "$dest" "$key"; }
if runnable verify; then
    if ((verify_target)); then
        verify_note="--verify-target given"
    elif lb_is_root; then
        vdir="$work/out/verify"
        mkdir -p "$vdir/home" "$vdir/run" "$vdir/tmp"
        chmod 0700 "$vdir/run" "$vdir/tmp"
        hand_to_test_user
        vtmp="$vdir/tmp"
        # A Unix socket path has room for 107 bytes: the cluster's is
        # $TMPDIR/lifeboat-sandbox-XXXXXX/.s.PGSQL.5432.
        ((${#vtmp} <= 68)) || vtmp=""
        if ! runuser -u "$LB_TEST_USER" -- test -x "$clibin" -a -r "$key" -a -w "$cfg" -a -r "$dest"; then
            verify_note="$LB_TEST_USER cannot run $clibin or read the config dir, backup and key under $work/out"
        elif ! runuser -u "$LB_TEST_USER" -- "$clibin" --version >/dev/null 2>"$work/out/verify-version.err"; then
            verify_note="\`lifeboat-cli --version\` fails as $LB_TEST_USER: $(head -c 200 "$work/out/verify-version.err" | tr '\n' ' ')"
        else
            verify_mode="as $LB_TEST_USER"
            verify_cmd=(runuser -u "$LB_TEST_USER" -- env
                -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY -u GNOME_KEYRING_CONTROL
                -u PGPASSWORD -u PGHOST -u PGPORT -u PGUSER -u PGCONNECT_TIMEOUT
                HOME="$vdir/home" XDG_RUNTIME_DIR="$vdir/run" XDG_CONFIG_HOME="$vdir/home/.config"
                XDG_CACHE_HOME="$vdir/home/.cache" XDG_DATA_HOME="$vdir/home/.local/share"
                XDG_STATE_HOME="$vdir/home/.local/state")
        fi
    else
        verify_mode="as $(id -un)"
        vtmp=$cli_tmp
        ((${#vtmp} <= 68)) || vtmp=""
        verify_cmd=(env)
    fi
    if ((${#verify_cmd[@]} > 0)); then
        [[ -n $vtmp ]] && verify_cmd+=(TMPDIR="$vtmp")
        verify_cmd+=("$clibin" --config-dir "$cfg" verify "$backup_id" --restore --identity "$key")
        verify_srv="sandbox:${vtmp:-${TMPDIR:-/tmp}}"
    fi
    if [[ -n $verify_mode && -z $vtmp ]]; then
        progress "work dir path too long for the throwaway cluster's socket: its files go to the default temp dir"
    fi
    if ((${#verify_cmd[@]} == 0)); then
        progress "verifying into a scratch database on the bench server instead ($verify_note)"
        verify_mode="target"
        # shellcheck disable=SC2016  # backticks are markdown
        LABEL[verify]='`lifeboat-cli verify ID --restore --target URI` (scratch database on the bench server)'
        verify_cmd=(env TMPDIR="$cli_tmp" "$clibin" --config-dir "$cfg" verify "$backup_id" --restore
            --identity "$key" --target "postgresql://postgres@127.0.0.1:$port/postgres")
        verify_srv=bench
    fi
fi

# Step 4 in round $1.
run_verify() {
    local round=$1
    [[ $verify_mode == "as $LB_TEST_USER" ]] && hand_to_test_user
    measure "verify-r$round" "$verify_srv" "${verify_cmd[@]}"
    if lifeboat_result verify "$round" "lifeboat-cli verify --restore"; then
        record_round verify "$round"
    fi
    settle
}

# The round in which a step failed (for the per-round table).
declare -A FAIL_ROUND
# After step $1 ran in round $2.
note_failure() { runnable "$1" || FAIL_ROUND[$1]=${FAIL_ROUND[$1]:-$2}; }
for ((round = 1; round <= repeat; round++)); do
    rtag=""
    ((repeat == 1)) || rtag="round $round/$repeat: "
    if runnable floor; then
        progress "${rtag}1/4 pg_restore -j2 (floor)"
        run_floor "$round"
        note_failure floor "$round"
    fi
    if runnable lb_j2; then
        progress "${rtag}2/4 lifeboat-cli restore --jobs 2"
        lifeboat_restore lb_j2 "$round" "${db}_r_lb_j2" --jobs 2
        note_failure lb_j2 "$round"
    fi
    if runnable lb_stream; then
        progress "${rtag}3/4 lifeboat-cli restore (streaming)"
        lifeboat_restore lb_stream "$round" "${db}_r_lb_stream"
        note_failure lb_stream "$round"
    fi
    if runnable verify; then
        progress "${rtag}4/4 lifeboat-cli verify --restore"
        run_verify "$round"
        note_failure verify "$round"
    fi
done
rm -f "$plain"

# Per method over the rounds: medians of wall, CPU and server CPU, min-max of wall, the
# largest peak RSS per process, Lifeboat's split (the median of each part) and the row check.
declare -A WALL_MIN WALL_MAX
for s in "${steps[@]}"; do
    [[ ${STATUS[$s]:-} == ok ]] || continue
    round_values R_WALL "$s"
    read -r "WALL[$s]" "WALL_MIN[$s]" "WALL_MAX[$s]" <<<"$(stats "${VALS[@]}")"
    CPU[$s]=$(round_median R_CPU "$s")
    SRV[$s]=$(round_median R_SRV "$s")
    merge_rss "$s"
    if [[ $s == floor ]]; then
        RSS[$s]=$(rss_summary "$tm/$s.rss" pg_restore)
        continue
    fi
    RSS[$s]=$(rss_summary "$tm/$s.rss" lifeboat-cli pg_restore)
    round_values R_OKN "$s"
    read -r _ okn_lo okn_hi <<<"$(stats "${VALS[@]}")"
    okn=$okn_lo
    ((okn_lo == okn_hi)) || okn="$okn_lo–$okn_hi"
    ROWCHECK[$s]="✅ $okn \"ok\" lines"
    ((repeat == 1)) || ROWCHECK[$s]+=" in each round"
    round_values R_SPLIT "$s"
    if ((${#VALS[@]} > 0)); then
        parts=()
        for i in 0 1 2; do
            col=()
            for v in "${VALS[@]}"; do
                read -ra f <<<"$v"
                col+=("${f[$i]}")
            done
            read -r m _ <<<"$(stats "${col[@]}")"
            parts+=("$m")
        done
        SPLIT[$s]=$(awk -v i="${parts[0]}" -v r="${parts[1]}" -v x="${parts[2]}" \
            'BEGIN { printf "integrity check %.1f s · restore %.1f s · rest %.1f s", i, r, x }')
    fi
done

# ---------------------------------------------------------------------------------------
# Report

[[ -n $out ]] || out=$(bench_default_out restore "$scale")
mkdir -p "$(dirname "$out")"
bench_collect_facts

{
    echo "# Restore benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Scale $scale: database \`$db\`, $(mib "$db_size") MiB (\`pg_database_size\`, indexes included); plain dump (\`pg_dump -Fc -Z0\`) $(mib "$plain_size") MiB; Lifeboat backup${backup_id:+ $backup_id} (zstd 3 + age) $(mib "$artifact_size") MiB."
    echo "Machine: $cpu_model, $(lb_nproc) CPUs, $mem_total RAM, $(uname -r)."
    echo "Versions: $("$bin/pg_restore" --version), age $(age --version), Lifeboat $cli_version (tree $git_rev)."
    echo "Server: PostgreSQL $pg_major on 127.0.0.1 (TCP, scram-sha-256), same machine, fsync=off, wal_level=minimal, shared_buffers=256MB; each restore goes into a fresh database, then a CHECKPOINT and sync before the next step. Lifeboat's temporary files (the \`--jobs\` copy, the throwaway cluster) in the work dir (TMPDIR)."
    case $verify_mode in
    target) echo "Deep verification: **not in a throwaway cluster** but into a scratch database on the bench server (\`verify --restore --target URI\`), because $verify_note." ;;
    "as "*) echo "Deep verification: in a throwaway cluster that lifeboat-cli starts (Lifeboat's own settings, Unix socket), lifeboat-cli running $verify_mode${vtmp:+ (TMPDIR in the work dir)}." ;;
    esac
    if ((repeat > 1)); then
        echo "Rounds: $repeat, interleaved (each round runs the four steps in table order, so that the machine's drift hits every method alike). Wall and CPU: the median over the rounds (for an even number of rounds, the mean of the middle two), with the wall's min–max beside it; peak RSS: the largest over the rounds. Targets use the ratio of the medians; the per-round ratios are given for reference."
    fi
    echo
    if ((repeat > 1)); then
        echo "| Method | Wall s (median) | Wall s min–max | CPU s client (median) | CPU s server (median) | Peak RSS MiB (max) |"
        echo "|---|---:|---:|---:|---:|---|"
    else
        echo "| Method | Wall s | CPU s (client) | CPU s (server) | Peak RSS MiB |"
        echo "|---|---:|---:|---:|---|"
    fi
    for s in "${steps[@]}"; do
        if [[ ${STATUS[$s]:-} == ok ]]; then
            spread=""
            ((repeat == 1)) || spread=" $(fmt "${WALL_MIN[$s]}")–$(fmt "${WALL_MAX[$s]}") |"
            echo "| ${LABEL[$s]} | $(fmt "${WALL[$s]}") |$spread $(fmt "${CPU[$s]}") | $(fmt "${SRV[$s]}") | ${RSS[$s]} |"
        else
            empty=" | | |"
            ((repeat == 1)) || empty+=" |"
            echo "| ${LABEL[$s]} | $(md_cell "${STATUS[$s]:-not run}") |$empty"
        fi
    done
    echo
    echo "CPU (client): the measured command and the children it waited for (pg_restore and its workers; for verification also initdb and pg_ctl), from GNU time. CPU (server): the PostgreSQL processes restored into (backends, checkpointer, ...), from /proc: for the bench server the difference before/after the step, for the throwaway cluster the last of samples taken every 0.2 s. Peak RSS: per process name, the largest process (VmHWM, sampled every 0.1 s); servers not included."
    if ((repeat > 1)); then
        echo
        echo "Wall seconds per round (✗: the step failed in that round; —: not run):"
        echo
        echo "| Round | floor | lb_j2 | lb_stream | verify | lb_j2 / floor | verify / lb_stream |"
        echo "|---:|---:|---:|---:|---:|---:|---:|"
        for ((r = 1; r <= repeat; r++)); do
            line="| $r |"
            for s in "${steps[@]}"; do
                if [[ -n ${R_WALL[$s:$r]:-} ]]; then
                    line+=" $(fmt "${R_WALL[$s:$r]}") |"
                elif [[ ${FAIL_ROUND[$s]:-} == "$r" ]]; then
                    line+=" ✗ |"
                else
                    line+=" — |"
                fi
            done
            for pair in "lb_j2 floor" "verify lb_stream"; do
                read -r x y <<<"$pair"
                if [[ -n ${R_WALL[$x:$r]:-} && -n ${R_WALL[$y:$r]:-} ]]; then
                    line+=" $(ratio "${R_WALL[$x:$r]}" "${R_WALL[$y:$r]}") |"
                else
                    line+=" — |"
                fi
            done
            echo "$line"
        done
    fi
    if [[ -n ${SPLIT[lb_j2]:-}${SPLIT[lb_stream]:-}${SPLIT[verify]:-} ]]; then
        echo
        per_round=""
        ((repeat == 1)) || per_round=", the median of each part over the rounds"
        echo "Where Lifeboat's time went, from its own output (\"restored ... in X s (integrity check Y s)\"$per_round; integrity check: a full pass over the backup, SHA-256, age, zstd and archive, with --jobs also writing the temporary copy for pg_restore -j; restore: pg_restore; rest: start-up, pre-flight checks, the row-count comparison and, for verification in a throwaway cluster, starting and stopping it):"
        echo
        for s in lb_j2 lb_stream verify; do
            [[ -n ${SPLIT[$s]:-} ]] && echo "- ${LABEL[$s]%% (*}: $(md_cell "${SPLIT[$s]}")"
        done
    fi
    echo
    # target_row TEXT STEP STEP GOAL: the ratio of the medians of STEP / STEP (and with more than
    # one round, the per-round ratios); GOAL empty for a reference line.
    target_row() {
        local text=$1 x=$2 y=$3 goal=$4 r="" rounds="" mark=""
        if [[ ${STATUS[$x]:-} == ok && ${STATUS[$y]:-} == ok ]]; then
            r=$(ratio "${WALL[$x]}" "${WALL[$y]}")
            ((repeat == 1)) || rounds=" $(round_ratios "$x" "$y") |"
            [[ -z $goal ]] || mark=$(target "$r" '<=' "$goal")
        elif [[ -n $goal ]]; then
            r="n/a (a step failed)"
            ((repeat == 1)) || rounds=" |"
            mark="❌"
        else
            return 0
        fi
        echo "| $text | $r |$rounds${goal:+ ≤ $goal} |${mark:+ $mark} |"
    }
    if ((repeat > 1)); then
        echo "| Target | Ratio of the medians | Per round, min–median–max | Goal | |"
        echo "|---|---|---|---|---|"
    else
        echo "| Target | Measured | Goal | |"
        echo "|---|---|---|---|"
    fi
    target_row "Lifeboat restore --jobs 2 / pg_restore -j2 (wall)" lb_j2 floor 1.10
    target_row "Deep verification / Lifeboat restore, streaming (wall)" verify lb_stream 1.25
    target_row "(for reference) Deep verification / Lifeboat restore --jobs 2 (wall)" verify lb_j2 ""
    echo
    rows=()
    for s in lb_j2 lb_stream verify; do rows+=("${LABEL[$s]%% (*} ${ROWCHECK[$s]:-not checked}"); done
    echo "Row counts against the manifest (the CLI's \"ok\"/\"MISMATCH\" lines): ${rows[0]}; ${rows[1]}; ${rows[2]}."
    for s in "${steps[@]}"; do
        if [[ ${STATUS[$s]:-ok} != ok ]]; then
            echo
            echo "**Step \`$s\` failed:** $(md_cell "${STATUS[$s]#FAILED: }")"
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
