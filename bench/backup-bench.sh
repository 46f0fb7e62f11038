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
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$BENCH_DIR/lib.sh"

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
bench_check_scale "$scale"
[[ -z $cli || -x $cli ]] || lb_die "--cli $cli is not an executable"

# Everything below runs inside a private D-Bus session with an unlocked keyring, in case the
# CLI wants the Secret Service (a benchmark must not touch the user's real keyring).
bench_enter_keyring "${BASH_SOURCE[0]}" "${orig_args[@]}"

# ---------------------------------------------------------------------------------------
# Work dir and the throwaway cluster (bench/lib.sh)

bench_start_cluster
db=$(db_name "$scale")
ensure_database "$db" "$scale"
scale4=$(awk -v s="$scale" 'BEGIN { printf "%g", s * 4 }')
db4=$(db_name "$scale4")
if ((flat_check)); then
    ensure_database "$db4" "$scale4"
fi

db_size=$(psql_q -d "$db" -c "SELECT pg_database_size(current_database())")
table_facts=$(bench_table_facts "$db")

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

[[ -n $out ]] || out=$(bench_default_out backup "$scale")
mkdir -p "$(dirname "$out")"

bench_collect_facts

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
