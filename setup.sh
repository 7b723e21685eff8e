#!/usr/bin/env bash
# Set up unreport on a Debian/Ubuntu machine and build the example into output/.
#   - a virtual environment in .venv/ with the package and its test tools
#   - the fonts fonts-noto-cjk and fonts-liberation2, when missing (apt-get, as root or sudo)
#   - GNU gettext (msgfmt, msgcat: the tests check every PO file with it), when missing
# Extra arguments go to `build.py` (for example: ./setup.sh --strict).
set -euo pipefail
cd "$(dirname "$0")"

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed (found: $("$PY" --version 2>&1))." >&2
  exit 2
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv || { echo "setup: cannot create .venv (Debian: apt-get install python3-venv)" >&2; exit 2; }
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'

have_fonts() {
  .venv/bin/python - <<'PY'
import sys, typst
families = set(typst.Fonts(include_embedded_fonts=False).families())
need = {"Noto Serif CJK SC", "Noto Sans CJK SC", "Liberation Serif"}
sys.exit(0 if need <= families else 1)
PY
}
if ! command -v msgfmt >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && \
    { [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null 2>&1; }; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing gettext ..."
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq gettext >/dev/null
fi
if ! have_fonts; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
    if [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; then
      echo "setup: installing fonts-noto-cjk and fonts-liberation2 ..."
      $SUDO apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-noto-cjk fonts-liberation2 poppler-utils gettext >/dev/null
    fi
  fi
  if ! have_fonts; then
    echo "setup: fonts missing: install Noto Serif CJK SC, Noto Sans CJK SC and Liberation Serif" >&2
    echo "       (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk fonts-liberation2)." >&2
    exit 2
  fi
fi

exec .venv/bin/python build.py "$@"
