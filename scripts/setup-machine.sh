#!/usr/bin/env bash
# Installs what a fresh machine may lack beyond the .NET 10 SDK. Idempotent and quiet when nothing is missing.
# - fonts: ScottPlot renders text with a system font (DejaVu Sans); without one, figures come out with no text.
set -euo pipefail
if command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "DejaVu Sans"; then exit 0; fi
if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "setup: installing fonts-dejavu-core (figures need a font)" >&2
  $sudo_cmd apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq fonts-dejavu-core fontconfig >/dev/null
else
  echo "setup: no DejaVu Sans font found and no apt-get; install the DejaVu fonts with your package manager for figures with text." >&2
fi
