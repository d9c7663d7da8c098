#!/usr/bin/env bash
# Stops with one line naming a missing tool and how to get it, instead of
# letting a later step fail with a traceback. Usage: require.sh TOOL [ARG]
set -u
case "${1:-}" in
  python)
    py="${2:-python3}"
    if ! command -v "$py" >/dev/null 2>&1; then
      echo "error: $py not found: install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)" >&2; exit 1
    fi
    if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "error: $("$py" --version 2>&1) is too old: install Python 3.11 or newer, or run make PYTHON=python3.11" >&2; exit 1
    fi
    if ! "$py" -c 'import venv, ensurepip' 2>/dev/null; then
      echo "error: $py cannot create virtual environments: install the venv module (Debian: apt-get install python3-venv)" >&2; exit 1
    fi ;;
  node)
    command -v node >/dev/null 2>&1 || { echo "error: node not found: install Node.js 20 or newer (Debian: apt-get install nodejs)" >&2; exit 1; } ;;
  npm)
    command -v npm >/dev/null 2>&1 || { echo "error: npm not found: install Node.js 20 or newer with npm (Debian: apt-get install nodejs npm)" >&2; exit 1; } ;;
  chromium)
    bin="${CHROMIUM:-/usr/bin/chromium}"
    if [ ! -x "$bin" ]; then
      # Install Debian's package only for the default path, and only as root.
      if [ -z "${CHROMIUM:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Chromium not found at $bin: installing Debian's chromium package ..."
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
          || { echo "error: could not install chromium: run apt-get install chromium" >&2; exit 1; }
      else
        echo "error: Chromium not found at $bin: install it (sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium" >&2; exit 1
      fi
    fi ;;
  cjk-font)
    # Without a Chinese font, Chromium spends its layout time looking for
    # fallback glyphs, and the bench's Chinese page figures are not a phone's.
    if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
      if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "No Chinese font found: installing Debian's fonts-noto-cjk package ..."
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null; } \
          || { echo "error: could not install fonts-noto-cjk: run apt-get install fonts-noto-cjk" >&2; exit 1; }
      else
        echo "error: no Chinese font: install one (sudo apt-get install fonts-noto-cjk), or the Chinese page figures are not a phone's" >&2; exit 1
      fi
    fi ;;
  *) echo "usage: require.sh python|node|npm|chromium|cjk-font" >&2; exit 2 ;;
esac
