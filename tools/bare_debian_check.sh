#!/usr/bin/env bash
# Prove the README's quick start on a bare Debian 12: build a minbase chroot with debootstrap
# (plus git and python3, nothing else), clone this repository into it, and run the two commands
# literally: `./run app` under Xvfb until the window first paints, then `./run tests` to the end.
# Prints each command, its exit code and how long it took; exits non-zero if either fails.
#
#   sudo tools/bare_debian_check.sh [--fresh] [--keep]
#
#   --fresh  debootstrap again instead of unpacking the cached base tarball
#   --keep   leave the chroot in place afterwards (it is unmounted either way)
#
# Needs root and debootstrap. Reuses the host's Debian apt sources and /etc/ssl/certs; the
# clone is of the committed HEAD (uncommitted changes are not in it). Run it whenever `run`,
# tools/ensure_uv.sh, tools/system_packages.sh or .ci/run change.
set -euo pipefail

fresh=false keep=false
for argument in "$@"; do
    case "$argument" in
        --fresh) fresh=true ;;
        --keep) keep=true ;;
        *) echo "usage: $0 [--fresh] [--keep]" >&2; exit 2 ;;
    esac
done
[[ "$(id -u)" == 0 ]] || { echo "bare-check: needs root (debootstrap, chroot, mount)" >&2; exit 2; }

repo="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
common="$(cd "$repo" && realpath "$(git rev-parse --git-common-dir)")"
root="${BARE_ROOT:-/var/tmp/psoas-bare-debian}"
cache="${BARE_CACHE:-/var/cache/psoas-bare}"
tarball="$cache/bookworm-minbase-git-python3.tgz"
log="$cache/last-run.log"
mkdir -p "$cache"
exec > >(tee "$log") 2>&1

# The host's apt source files that name only Debian archives (third-party ones need keys the
# chroot lacks).
sources=()
for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -s "$file" ]] || continue
    uris="$(grep -Eo '^(deb|URIs:)[^#]*' "$file" | grep -Eo '[a-z]+://[^ ]+' || true)"
    [[ -n "$uris" ]] && ! grep -vq debian <<<"$uris" && sources+=("$file")
done
((${#sources[@]})) || { echo "bare-check: no Debian apt source on this host" >&2; exit 2; }
mirror="$(grep -Ehov '[a-z]+://[^ ]+/debian/?( |$)' "${sources[@]}" | head -1 | tr -d ' ')"

mounts=()
unmount_all() {
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount -l "${mounts[i]}" 2>/dev/null || true
    done
    mounts=()
}
cleanup() {
    unmount_all
    if ! $keep && [[ -d "$root" ]] && ! findmnt -rno TARGET | grep -q "^$root"; then
        rm -rf --one-file-system "$root"
    fi
}
trap cleanup EXIT
bind() {  # bind $1 at the same or given place in the chroot; $3 = ro to make it read-only
    local target="$root${2:-$1}"
    mkdir -p "$target"
    mount --bind "$1" "$target"
    mounts+=("$target")
    [[ "${3:-}" == ro ]] && mount -o remount,bind,ro "$target"
    return 0
}

step() {  # step NAME COMMAND...: run, time and report one command
    local name="$1" start end code=0
    shift
    echo "bare-check: \$ $*" >&2
    start=$EPOCHREALTIME
    "$@" || code=$?
    end=$EPOCHREALTIME
    printf 'bare-check: %s: exit %d after %s s\n' "$name" "$code" \
        "$(awk "BEGIN { printf \"%.0f\", $end - $start }")" >&2
    return "$code"
}

if findmnt -rno TARGET | grep -q "^$root"; then
    echo "bare-check: something is still mounted under $root; unmount it first" >&2
    exit 2
fi
rm -rf --one-file-system "$root"
echo "bare-check: $(date -u '+%Y-%m-%d %H:%M UTC'), $(git -C "$repo" log -1 --format='%h %s' | cut -c1-72)"
[[ -z "$(git -C "$repo" status --porcelain)" ]] || echo "bare-check: note: uncommitted changes are not tested"
if $fresh || [[ ! -s "$tarball" ]]; then
    step "debootstrap (to the cached tarball)" debootstrap --variant=minbase --include=git,python3 \
        --make-tarball="$tarball" bookworm "$root.tarball-work" "$mirror" >/dev/null
    rm -rf --one-file-system "$root.tarball-work"
fi
step "debootstrap --variant=minbase bookworm (+ git, python3)" debootstrap --variant=minbase \
    --include=git,python3 --unpack-tarball="$tarball" bookworm "$root" "$mirror" >/dev/null

rm -f "$root/etc/apt/sources.list"
for file in "${sources[@]}"; do
    cp "$file" "$root$file"
done
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The host's CA certificates, copied (not mounted: Debian's ca-certificates rewrites that folder
# when a package pulls it in) and also kept aside, named by SSL_CERT_FILE and PIP_CERT inside:
# where the host reaches PyPI through a TLS proxy, its CA is only in the host's bundle.
mkdir -p "$root/etc/ssl"
cp -rL /etc/ssl/certs "$root/etc/ssl/"
cp -rL /etc/ssl/certs "$root/etc/ssl/host-certs"
bind /proc
bind /sys
# The chroot keeps the device nodes debootstrap made, with a devpts and a /dev/shm of its own:
# the host's /dev is not bound in, so nothing run inside can change the host's devices.
mkdir -p "$root/dev/pts" "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts" && mounts+=("$root/dev/pts")
mount -t tmpfs -o mode=1777 shm "$root/dev/shm" && mounts+=("$root/dev/shm")
bind "$repo" "" ro
[[ "$common" == "$repo"/* ]] || bind "$common" "" ro   # a worktree's git folder lives elsewhere

inside() {  # run a shell command in the chroot as a login would: root, HOME, a clean PATH
    chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
        SSL_CERT_FILE=/etc/ssl/host-certs/ca-certificates.crt \
        PIP_CERT=/etc/ssl/host-certs/ca-certificates.crt \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -o pipefail -c "$1"
}

echo "bare-check: in the chroot: $(inside '. /etc/os-release; echo "$PRETTY_NAME, $(python3 --version), $(git --version)"')"
echo "bare-check: uv there before the quick start: $(inside 'command -v uv || echo none')"
step "git clone" inside "git -c safe.directory='*' clone -q $repo /root/psoas-desktop"
# Not part of the quick start: a display server for the check, as a desktop would have.
step "harness: apt-get install xvfb xauth" inside \
    "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null"

# What the result speaks for: the quick start's own files and .ci/run's uv lines
# (tests/packaging/test_quick_start.py computes the same and compares it with the README).
fingerprint="$(inside "cd /root/psoas-desktop && { cat run tools/ensure_uv.sh tools/system_packages.sh; sed -n '/^# --- uv:/,/^# --- end uv ---/p' .ci/run; } | sha256sum | cut -c1-16")"
echo "bare-check: quick-start fingerprint $fingerprint"
status=0
# The window reports its first paint and quits (psoas_desktop/first_paint.py).
step "./run app (until the first paint)" inside \
    "cd /root/psoas-desktop && PSOAS_EXIT_AFTER_FIRST_PAINT=1 timeout 1800 xvfb-run -a -s '-screen 0 1366x768x24' ./run app | tee /tmp/app.out" \
    || status=1
inside "grep -q '^first-paint ' /tmp/app.out" && echo "bare-check: the window painted" \
    || { echo "bare-check: the window never painted"; status=1; }
step "./run tests" inside "cd /root/psoas-desktop && timeout 5400 ./run tests" \
    || status=1
echo "bare-check: tests: $(grep -Eo '[0-9]+ (passed|failed|skipped)[^=]*' "$log" | tail -1)"
echo "bare-check: $([[ $status == 0 ]] && echo PASSED || echo FAILED) (log: $log)"
exit "$status"
