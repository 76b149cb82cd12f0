#!/usr/bin/env bash
# Install the Debian packages that Qt's wheels and the app need, for `app` or for `tests`.
# Installs with apt-get as root or through sudo; where neither is at hand it prints the exact
# apt-get line and fails. On a system without dpkg it only says what to look for.
set -euo pipefail

say() { echo "system-packages: $*" >&2; }

# Qt offscreen, plus libpulse0 and libxrandr2 without which QtMultimedia and QtTextToSpeech do
# not even import.
qt=(libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0 libx11-6 libpulse0
    libxrandr2)
# A window on X11 (the xcb plugin) or Wayland, and spoken cues. The sound server itself
# (PipeWire or PulseAudio) is the desktop's: installing one here could fight the one it has.
window=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
        libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libwayland-client0 libwayland-cursor0
        libwayland-egl1 speech-dispatcher speech-dispatcher-espeak-ng)
# strace: the test that proves the app opens no network connection; dbus-daemon: a private
# bus for the media-key and keep-awake tests; the validators of the desktop entry and metainfo.
checks=(strace sqlite3 dbus-daemon desktop-file-utils appstream)

case "${1:-}" in
    app) wanted=("${qt[@]}" "${window[@]}") ;;
    tests) wanted=("${qt[@]}" "${checks[@]}") ;;
    *) say "usage: $0 app|tests"; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null; then
    say "not a Debian-family system: make sure Qt 6's X11/Wayland, EGL, fontconfig and"
    say "PulseAudio client libraries are installed (Debian names: ${wanted[*]})"
    exit 0
fi

missing=()
for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
((${#missing[@]})) || exit 0

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ "$(id -u)" == 0 ]]; then
    sudo=()
elif command -v sudo >/dev/null && { sudo -n true 2>/dev/null || [[ -t 0 ]]; }; then
    sudo=(sudo)
else
    say "these Debian packages are missing; install them, then try again:"
    say "  sudo $line"
    exit 1
fi
say "installing ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086  # $line is split on purpose
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive $line -qq >/dev/null
