#!/usr/bin/env bash
# Set up a fresh machine: system tools (poppler, Tesseract with Vietnamese, LibreOffice for .doc) when missing,
# then a virtual environment in .venv with congvan installed. Safe to run again: it redoes only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v tesseract >/dev/null || need+=(tesseract-ocr)
{ command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx vie; } || need+=(tesseract-ocr-vie)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  if command -v apt-get >/dev/null; then
    echo "setup: installing ${need[*]}" >&2
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } \
      || echo "setup: could not install ${need[*]}; scans and .doc files will be reported as unreadable" >&2
  else
    echo "setup: no apt-get; install ${need[*]} by hand for OCR and .doc support" >&2
  fi
fi

stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e '.[test]'
  touch "$stamp"
fi
