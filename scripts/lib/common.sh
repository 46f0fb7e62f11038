#!/usr/bin/env bash
# Helpers shared by scripts/run, scripts/test and bench/. Source it; do not execute it.
#
# Everything here must work on a fresh Debian 12 (bookworm) machine, as root or as a user
# with sudo, with only Debian's apt repositories and the npm registry reachable. The common
# case (everything already installed) must be fast and must not touch the network.

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    echo "scripts/lib/common.sh is a library: source it from a script" >&2
    exit 2
fi
set -euo pipefail
# Guard against double sourcing.
[[ -n ${LB_COMMON_SOURCED:-} ]] && return 0
LB_COMMON_SOURCED=1

LB_SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
LB_BUILD="$LB_SRC/build"
LB_PEERS_DIR="$LB_BUILD/test-peers"
# The unprivileged user that runs PostgreSQL (and, when possible, the whole suite) for root.
# tests/support/PgTestCluster.cpp uses the same name.
LB_TEST_USER=lifeboat-test

# Debian packages. An entry "pkg|/abs/path" counts as present when the package is installed
# OR that exact file is executable: NodeSource's nodejs package bundles /usr/bin/npm and
# Conflicts with Debian's npm package, so npm must be judged by the file, not by dpkg. Never a
# bare command name: whatever PATH finds (a pyenv shim, a pip install) is not what we install.
# postgresql-contrib: on bookworm the contrib modules live inside postgresql-15 (it
# "Provides: postgresql-contrib-15"), so postgresql-15 is enough.
LB_PACKAGES=(
    # build
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    libqt6sql6-sqlite libqt6svg6 qtkeychain-qt6-dev
    libzstd-dev libssl-dev libpq-dev libgl-dev
    # lint gates (tests labelled "lint"): scripts/check-format, scripts/check-tidy
    clang-format-14 clang-tidy-14
    # runtime: the tools Lifeboat drives, and a Secret Service for the keychain
    postgresql-15 postgresql-client-15 zstd age awscli
    gnome-keyring libsecret-tools dbus dbus-x11
    # tests: npm peers, Xvfb, GNU time (bench), runuser, ps/pgrep, systemd-analyze, and the
    # time zones of the schedule tests (Europe/Bucharest, America/New_York)
    "nodejs|/usr/bin/node" "npm|/usr/bin/npm" xvfb xauth procps time util-linux systemd tzdata
)

# The programs the tests call, each "name|package|path". This table is the one place that
# decides which program a test runs: lb_ensure_test_programs installs `package` when `path` is
# missing (never judged by what PATH finds under `name`), checks `path` afterwards, and links
# build/test-peers/bin/NAME to it. tests/support/TestPeers.h resolves a test's program names
# there only, and ctest puts that folder first on the tests' PATH for their shell pipelines.
LB_TEST_PROGRAMS=(
    "aws|awscli|/usr/bin/aws"
    "age|age|/usr/bin/age"
    "age-keygen|age|/usr/bin/age-keygen"
    "zstd|zstd|/usr/bin/zstd"
    "sha256sum|coreutils|/usr/bin/sha256sum"
    "node|nodejs|/usr/bin/node"
    "script|bsdutils|/usr/bin/script"
    "unshare|util-linux|/usr/bin/unshare"
    "runuser|util-linux|/usr/sbin/runuser"
    "time|time|/usr/bin/time"
    "systemd-analyze|systemd|/usr/bin/systemd-analyze"
    "dbus-daemon|dbus-daemon|/usr/bin/dbus-daemon"
    "dbus-send|dbus-bin|/usr/bin/dbus-send"
    "gnome-keyring-daemon|gnome-keyring|/usr/bin/gnome-keyring-daemon"
    "secret-tool|libsecret-tools|/usr/bin/secret-tool"
)

lb_log() { printf '==> %s\n' "$*" >&2; }
lb_warn() { printf 'warning: %s\n' "$*" >&2; }
lb_die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

lb_is_root() { [[ $(id -u) -eq 0 ]]; }

lb_nproc() { nproc 2>/dev/null || echo 2; }

# Prints the packages of "$@" (entries as in LB_PACKAGES) that are missing, one per line.
lb_missing_packages() {
    local -A installed=()
    local entry pkg path names=()
    for entry in "$@"; do names+=("${entry%%|*}"); done
    # One dpkg-query for all of them; unknown names only produce "no packages found" on stderr.
    while read -r pkg status; do
        [[ $status == *" ok installed" ]] && installed[$pkg]=1
    done < <(dpkg-query -W -f='${Package} ${Status}\n' "${names[@]}" 2>/dev/null || true)
    for entry in "$@"; do
        pkg=${entry%%|*}
        [[ -n ${installed[$pkg]:-} ]] && continue
        if [[ $entry == *"|"* ]]; then
            path=${entry#*|}
            [[ -x $path ]] && continue
        fi
        printf '%s\n' "$pkg"
    done
}

# Installs whatever of LB_PACKAGES (or "$@") is missing; a no-op without network when all
# are present. Uses sudo when not root.
lb_ensure_packages() {
    (($# > 0)) || set -- "${LB_PACKAGES[@]}"
    command -v dpkg-query >/dev/null || lb_die "this script expects Debian 12 (dpkg-query not found)"
    local missing
    mapfile -t missing < <(lb_missing_packages "$@")
    ((${#missing[@]} == 0)) && return 0

    lb_log "installing missing packages: ${missing[*]}"
    local -a priv=()
    if ! lb_is_root; then
        if ! command -v sudo >/dev/null; then
            lb_die "missing packages and no sudo; as root run: apt-get install ${missing[*]}"
        fi
        # sudo may prompt for a password on a terminal; without one it must not need to.
        if ! sudo -n true 2>/dev/null && [[ ! -t 0 ]]; then
            lb_die "missing packages and sudo needs a password but there is no terminal; as root run: apt-get install ${missing[*]}"
        fi
        priv=(sudo)
    fi
    local -a apt=("${priv[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o Dpkg::Use-Pty=0)
    if ! "${apt[@]}" update; then
        lb_die "apt-get update failed; as root run: apt-get update && apt-get install ${missing[*]}"
    fi
    if ! "${apt[@]}" install -y --no-install-recommends "${missing[@]}"; then
        lb_die "apt-get install failed for: ${missing[*]}"
    fi
    mapfile -t missing < <(lb_missing_packages "$@")
    ((${#missing[@]} == 0)) || lb_die "still missing after apt-get install: ${missing[*]}"
}

# Creates the unprivileged test user (root only).
lb_ensure_test_user() {
    lb_is_root || return 0
    getent passwd "$LB_TEST_USER" >/dev/null && return 0
    lb_log "creating system user $LB_TEST_USER (PostgreSQL refuses to run as root)"
    useradd --system --create-home --shell /bin/bash "$LB_TEST_USER"
}

# Installs the package of every LB_TEST_PROGRAMS entry whose path is missing, checks every
# path, and (re)links build/test-peers/bin/NAME -> PATH for each.
lb_ensure_test_programs() {
    local entry name rest pkg path wanted=()
    for entry in "${LB_TEST_PROGRAMS[@]}"; do
        wanted+=("${entry#*|}")
    done
    lb_ensure_packages "${wanted[@]}"
    local bin="$LB_PEERS_DIR/bin"
    rm -rf "$bin"
    mkdir -p "$bin"
    for entry in "${LB_TEST_PROGRAMS[@]}"; do
        name=${entry%%|*}
        rest=${entry#*|}
        pkg=${rest%%|*}
        path=${rest#*|}
        [[ -x $path ]] || lb_die "$path is still missing after installing $pkg (the tests call $name there)"
        ln -s "$path" "$bin/$name"
    done
}

# Installs the npm test peers into build/test-peers when node_modules is missing or
# tests/peers/package.json changed since the last install (stamp file).
lb_ensure_test_peers() {
    local src="$LB_SRC/tests/peers/package.json"
    local stamp="$LB_PEERS_DIR/.lifeboat-stamp"
    [[ -f $src ]] || return 0
    local want
    want=$(sha256sum "$src" | cut -d' ' -f1)
    if [[ -d $LB_PEERS_DIR/node_modules && -f $stamp && $(<"$stamp") == "$want" ]]; then
        return 0
    fi
    lb_log "installing npm test peers into ${LB_PEERS_DIR#"$LB_SRC"/}"
    mkdir -p "$LB_PEERS_DIR"
    rm -f "$stamp"
    cp "$src" "$LB_PEERS_DIR/package.json"
    (cd "$LB_PEERS_DIR" && /usr/bin/npm install --no-audit --no-fund --no-update-notifier --loglevel=error </dev/null) ||
        lb_die "npm install of the test peers failed (is registry.npmjs.org reachable?)"
    printf '%s\n' "$want" >"$stamp"
}

# True when $LB_TEST_USER can traverse to and read the whole source tree (build/ and .git
# excluded), so the suite can run as that user. Root only. On failure prints the first path
# it could not read (if it got that far).
lb_test_user_can_read_tree() {
    runuser -u "$LB_TEST_USER" -- test -r "$LB_SRC/CMakeLists.txt" -a -x "$LB_SRC" 2>/dev/null || return 1
    local unreadable
    unreadable=$(runuser -u "$LB_TEST_USER" -- find "$LB_SRC" \
        \( -path "$LB_SRC/build" -o -path "$LB_SRC/.git" -o -path "$LB_SRC/.cache" \) -prune \
        -o ! -readable -print -quit 2>/dev/null) || return 1
    [[ -z $unreadable ]] || {
        printf '%s\n' "$unreadable"
        return 1
    }
}

# Silently stops PostgreSQL clusters that tests left running under DIR (a test that crashed
# or was interrupted never ran PgTestCluster's destructor). Only postmasters recorded in
# DIR/*/data/postmaster.pid are touched, through pg_ctl, as the user that owns them.
lb_stop_leftover_clusters() {
    local dir=$1 pidfile data owner bindir
    bindir=$(lb_pg_bindir) || return 0
    for pidfile in "$dir"/*/data/postmaster.pid; do
        [[ -f $pidfile ]] || continue
        data=${pidfile%/postmaster.pid}
        owner=$(stat -c %U "$data")
        if [[ $owner == "$(id -un)" ]]; then
            "$bindir/pg_ctl" -D "$data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
        elif lb_is_root; then
            runuser -u "$owner" -- "$bindir/pg_ctl" -D "$data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
        fi
    done
}

# Configures and builds a preset (dev by default). Extra args go to cmake --build; the
# configure step also gets the words of $LB_CONFIGURE_ARGS (scripts/test: warnings as errors).
lb_configure_and_build() {
    local preset=${1:-dev}
    shift || true
    cd "$LB_SRC"
    local -a configure=()
    read -ra configure <<<"${LB_CONFIGURE_ARGS:-}"
    cmake --preset "$preset" "${configure[@]}" >&2 || lb_die "cmake --preset $preset failed"
    cmake --build --preset "$preset" --parallel "$(lb_nproc)" "$@" >&2 || lb_die "build failed (preset $preset)"
}

# Finds the bin dir of the newest installed PostgreSQL server (/usr/lib/postgresql/N/bin).
lb_pg_bindir() {
    local d best=0 major
    for d in /usr/lib/postgresql/*/bin; do
        [[ -x $d/initdb ]] || continue
        major=$(basename "$(dirname "$d")")
        [[ $major =~ ^[0-9]+$ ]] && ((major > best)) && best=$major
    done
    ((best > 0)) || return 1
    printf '/usr/lib/postgresql/%s/bin\n' "$best"
}

# A free TCP port on 127.0.0.1 (asks the kernel via python3 or node, else probes).
lb_free_port() {
    if command -v python3 >/dev/null; then
        python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
        return
    fi
    if command -v node >/dev/null; then
        node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
        return
    fi
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        (: </dev/tcp/127.0.0.1/$port) 2>/dev/null || {
            echo "$port"
            return
        }
    done
    return 1
}
