#!/usr/bin/env bash
# Print the path of a uv to use, installing one first if there is none; messages go to stderr.
#
#   tools/ensure_uv.sh           any uv on PATH will do, else a private one is installed
#   tools/ensure_uv.sh --exact   uv $UV_VERSION exactly (CI), else a private one is installed
#
# Safe on a bare Debian or Ubuntu: never `pip install` into the system Python (PEP 668 refuses
# it there anyway). A private copy goes to ~/.cache/psoas-desktop-dev/uv-VERSION through pipx
# when it is present, else through a venv of its own; when neither works and root or sudo is
# at hand, `python3-venv` is installed with apt-get first, else the apt-get line is printed.
set -euo pipefail

UV_VERSION=0.13.9
exact=false
[[ "${1:-}" == --exact ]] && exact=true

say() { echo "ensure-uv: $*" >&2; }

acceptable() {  # $1: a uv executable
    [[ -x "$1" ]] || return 1
    $exact || return 0
    [[ "$("$1" --version 2>/dev/null)" == "uv $UV_VERSION"* ]]
}

private="${XDG_CACHE_HOME:-$HOME/.cache}/psoas-desktop-dev/uv-$UV_VERSION"
for candidate in "$(command -v uv || true)" "$HOME/.local/bin/uv" "$private/bin/uv"; do
    if [[ -n "$candidate" ]] && acceptable "$candidate"; then
        echo "$candidate"
        exit 0
    fi
done

as_root() {  # run a command as root if that is possible without guessing a password
    if [[ "$(id -u)" == 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null && { sudo -n true 2>/dev/null || [[ -t 0 ]]; }; then
        sudo "$@"
    else
        return 1
    fi
}

with_pipx() {
    command -v pipx >/dev/null || return 1
    say "installing uv $UV_VERSION with pipx into $private"
    PIPX_HOME="$private/pipx" PIPX_BIN_DIR="$private/bin" \
        pipx install --force "uv==$UV_VERSION" >&2
}

with_venv() {
    python3 -c 'import ensurepip, venv' 2>/dev/null || return 1
    say "installing uv $UV_VERSION into a venv of its own: $private"
    rm -rf "$private/venv"
    python3 -m venv "$private/venv" >&2
    "$private/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        "uv==$UV_VERSION" >&2
    mkdir -p "$private/bin"
    ln -sf "$private/venv/bin/uv" "$private/bin/uv"
}

if ! command -v python3 >/dev/null; then
    say "python3 is missing: sudo apt-get install python3"
    exit 1
fi
if ! with_pipx && ! with_venv; then
    if command -v apt-get >/dev/null \
        && as_root env DEBIAN_FRONTEND=noninteractive sh -c \
            'apt-get update -qq && apt-get install -y -qq --no-install-recommends python3-venv' >/dev/null
    then
        with_venv
    else
        say "cannot install uv: Python's venv module is missing. Run this, then try again:"
        say "  sudo apt-get install python3-venv"
        exit 1
    fi
fi
acceptable "$private/bin/uv" || { say "uv did not install in $private"; exit 1; }
echo "$private/bin/uv"
