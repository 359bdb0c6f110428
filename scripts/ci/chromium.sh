#!/usr/bin/env bash
# Makes sure Debian's headless browser and its WebDriver are installed, for
# the explorer's browser test (crates/cli/tests/serve_browser.rs starts
# chromedriver itself; nothing needs to be running).
#
# Installs `chromium` and `chromium-driver` (and a font for legible
# screenshots) when chromedriver is missing. Needs root (or sudo) only when
# it has to install. Safe to run again.
set -euo pipefail

if command -v chromedriver >/dev/null && [ -x /usr/bin/chromium ]; then
    echo "chromium.sh: present:" "$(chromedriver --version | head -1)"
    exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
        as_root=(sudo)
    else
        echo "chromium.sh: need root (or sudo) to install chromium and chromium-driver" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends chromium chromium-driver fonts-dejavu-core

if ! command -v chromedriver >/dev/null; then
    echo "chromium.sh: chromium-driver installed but no chromedriver on PATH" >&2
    exit 1
fi
echo "chromium.sh: installed:" "$(chromedriver --version | head -1)"
