#!/usr/bin/env bash
# Runs a command inside a private D-Bus session bus with an unlocked gnome-keyring Secret
# Service, so QtKeychain (libsecret) works headless and never touches the user's real
# keyring. Usage: scripts/lib/with-keyring.sh COMMAND [ARGS...]
#
# The keyring, XDG data/config/cache/state dirs and XDG_RUNTIME_DIR all live in one temp
# dir that is removed afterwards. Prints nothing of its own after the command has run, and
# exits with the command's status.
set -euo pipefail

(($# > 0)) || {
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
}
for tool in dbus-daemon gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || {
        echo "error: $tool not found (apt-get install dbus gnome-keyring)" >&2
        exit 1
    }
done

root=$(mktemp -d "${TMPDIR:-/tmp}/lifeboat-keyring.XXXXXX")
bus_pid=
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
    # The keyring daemon exits by itself once its session bus is gone.
    [[ -n $bus_pid ]] && kill "$bus_pid" 2>/dev/null
    rm -rf "$root" 2>/dev/null
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

mkdir -m 0700 "$root/data" "$root/config" "$root/cache" "$root/state" "$root/run"
export XDG_DATA_HOME="$root/data" XDG_CONFIG_HOME="$root/config" XDG_CACHE_HOME="$root/cache"
export XDG_STATE_HOME="$root/state" XDG_RUNTIME_DIR="$root/run"
log="$root/daemons.log"

# A private session bus. (Started by hand rather than with dbus-run-session so that its
# stderr chatter, e.g. "Failed to set fd limit" when root in a container, goes to the log.)
bus_info=$(dbus-daemon --session --fork --nopidfile --address="unix:path=$root/run/bus" \
    --print-address=1 --print-pid=1 2>>"$log") || {
    echo "error: could not start a D-Bus session bus:" >&2
    cat "$log" >&2
    exit 1
}
{
    read -r DBUS_SESSION_BUS_ADDRESS
    read -r bus_pid
} <<<"$bus_info"
export DBUS_SESSION_BUS_ADDRESS
unset DBUS_SESSION_BUS_PID DBUS_SESSION_BUS_WINDOWID GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

# --unlock creates the "login" keyring (the default collection) with this password and
# starts the daemon; --start then brings up the Secret Service component on our bus.
# Their only output is VAR=value lines (none when XDG_RUNTIME_DIR holds the control socket).
if ! env1=$(printf 'test' | gnome-keyring-daemon --unlock --components=secrets,pkcs11 2>>"$log") ||
    ! env2=$(gnome-keyring-daemon --start --components=secrets 2>>"$log"); then
    echo "error: gnome-keyring-daemon failed to start:" >&2
    cat "$log" >&2
    exit 1
fi
while IFS= read -r line; do
    [[ $line =~ ^[A-Z_]+=.+ ]] && export "${line?}"
done <<<"$env1"$'\n'"$env2"

# Wait (briefly) until org.freedesktop.secrets is owned on the bus.
if command -v dbus-send >/dev/null; then
    for _ in $(seq 1 50); do
        reply=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null || true)
        [[ $reply == *"boolean true"* ]] && break
        sleep 0.1
    done
fi

set +e
"$@"
rc=$?
set -e
exit "$rc"
