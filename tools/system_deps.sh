#!/usr/bin/env bash
# The system tools `make book` and `make test` need, installed with apt where we are root;
# otherwise one line says what to install. Usage: tools/system_deps.sh npm [browser]
set -euo pipefail

missing=()
for need in "$@"; do
  case "$need" in
    npm) command -v npm >/dev/null || missing+=(nodejs npm) ;;        # pinned MathJax & assets
    browser)                                                           # the browser tests
      command -v chromium >/dev/null || missing+=(chromium)
      for font in fonts-dejavu-core fonts-liberation; do
        dpkg-query -W -f='${Status}' "$font" 2>/dev/null | grep -q "ok installed" \
          || missing+=("$font")
      done ;;
  esac
done
((${#missing[@]})) || exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} with apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -qq -y --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing: ${missing[*]}. Install them first, e.g. sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
