#!/usr/bin/env bash
# Set up unreport on a Debian/Ubuntu machine and build the example into output/.
#   - a virtual environment in .venv/ with the package and its test tools
#   - what the six UN languages and the tests need, when missing (apt-get, as root or sudo):
#     fonts-liberation2 (Latin, Cyrillic), fonts-noto-cjk (Chinese), fonts-noto-core (Arabic:
#     Noto Naskh Arabic); gettext (msgfmt, msgcat: every PO file is checked with them),
#     poppler-utils (pdftoppm), libreoffice-writer-nogui (the DOCX rendered for the
#     DOCX/PDF comparison tests) and qpdf (PDF structure checks)
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

PACKAGES="fonts-noto-cjk fonts-noto-core fonts-liberation2 gettext poppler-utils libreoffice-writer-nogui qpdf"
have_fonts() {
  .venv/bin/python - <<'PY'
import sys, typst
families = set(typst.Fonts(include_embedded_fonts=False).families())
need = {"Noto Serif CJK SC", "Noto Sans CJK SC", "Liberation Serif", "Noto Naskh Arabic"}
sys.exit(0 if need <= families else 1)
PY
}
have_tools() {
  command -v msgfmt >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && \
    command -v soffice >/dev/null 2>&1 && command -v qpdf >/dev/null 2>&1
}
if ! have_fonts || ! have_tools; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
    if [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; then
      echo "setup: installing $PACKAGES ..."
      $SUDO apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $PACKAGES >/dev/null
    fi
  fi
  if ! have_fonts; then
    echo "setup: fonts missing: install Noto Serif CJK SC, Noto Sans CJK SC, Noto Naskh Arabic and Liberation Serif" >&2
    echo "       (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk fonts-noto-core fonts-liberation2)." >&2
    exit 2
  fi
  have_tools || echo "setup: some test tools are missing (sudo apt-get install $PACKAGES); the tests that need them will fail" >&2
fi

exec .venv/bin/python build.py "$@"
