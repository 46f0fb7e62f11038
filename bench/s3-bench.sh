#!/usr/bin/env bash
# Lifeboat S3 upload benchmark: uploads an incompressible file (default 500 MiB) to a local,
# SigV4-verifying S3 server (@20minutes/s3rver on 127.0.0.1) through Lifeboat's S3Destination
# (multipart, 3 parts in flight) and with `aws s3 cp`, and prints wall time and peak RSS of each.
# Runs the env-gated TestS3::benchmarkUpload of an already built test tree.
#
# Usage: bench/s3-bench.sh [--mb N] [--build-dir DIR]   (default 500, build/s3 or build/dev)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
mb=500
build=""
while (($# > 0)); do
    case $1 in
    --mb) mb=${2:?--mb needs a number}; shift 2 ;;
    --build-dir) build=${2:?--build-dir needs a folder}; shift 2 ;;
    -h | --help) sed -n '2,8{s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
if [[ -z $build ]]; then
    for b in "$here/../build/s3" "$here/../build/dev"; do
        [[ -x $b/tests/TestS3 ]] && build=$b && break
    done
fi
[[ -n $build && -x $build/tests/TestS3 ]] || { echo "build TestS3 first (cmake --build build/dev --target TestS3)" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "GNU time (/usr/bin/time) is needed" >&2; exit 1; }
LIFEBOAT_S3_BENCH_MB=$mb "$build/tests/TestS3" benchmarkUpload 2>&1 | grep -E 'S3 upload of|FAIL|Totals'
