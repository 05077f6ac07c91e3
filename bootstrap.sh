#!/usr/bin/env bash
# Set up asyncops in ./.venv on a fresh machine.
#   bash bootstrap.sh          the app (runtime dependencies)
#   bash bootstrap.sh --test   the app plus what the test suite needs
# On Debian/Ubuntu it installs the few system libraries Qt needs (as root, or through sudo); elsewhere, or
# without the rights, it prints exactly what is missing and stops.
set -euo pipefail
cd "$(dirname "$0")"

MODE=app
[[ "${1:-}" == "--test" ]] && MODE=test

PYTHON="${PYTHON:-python3}"
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "bootstrap: $PYTHON not found: install Python 3.11 or newer" >&2
  exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "bootstrap: asyncops needs Python >= 3.11; $PYTHON is $("$PYTHON" -V 2>&1)" >&2
  exit 1
fi

# Qt's shared libraries: enough for offscreen use (tests) ...
PKGS=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3)
# ... and for a real window through Qt's xcb plugin.
if [[ "$MODE" == app ]]; then
  PKGS+=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
         libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0)
fi
"$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || PKGS+=(python3-venv)

if command -v dpkg-query >/dev/null 2>&1; then
  MISSING=()
  for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || MISSING+=("$p")
  done
  if ((${#MISSING[@]})); then
    SUDO=""
    if [[ $(id -u) -ne 0 ]]; then
      if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; else
        echo "bootstrap: missing system packages; install them with:" >&2
        echo "  sudo apt-get install -y ${MISSING[*]}" >&2
        exit 1
      fi
    fi
    echo "bootstrap: installing ${MISSING[*]}" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null
  fi
else
  echo "bootstrap: not a Debian/Ubuntu system: make sure Qt 6's system libraries (EGL, GL, xkbcommon," \
       "fontconfig, glib, dbus; xcb for a window) are installed" >&2
fi

[[ -x .venv/bin/python ]] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [[ "$MODE" == test ]]; then
  .venv/bin/python -m pip install -q -e ".[test,bench]"
else
  .venv/bin/python -m pip install -q -e .
fi
echo "bootstrap: ready ($MODE) in $(pwd)/.venv" >&2
