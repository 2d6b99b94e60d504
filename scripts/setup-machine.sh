#!/usr/bin/env bash
# Installs what a fresh machine may lack beyond the .NET 10 SDK. Idempotent and quiet when nothing is missing.
# - fonts: ScottPlot renders text with a system font (DejaVu Sans); without one, figures come out with no text.
# - Jupyter (Debian's packages) and the .NET Interactive kernel: the tests execute notebooks in real Jupyter.
#   The kernelspec binds the kernel's web server to loopback (--http-local-only) and puts ~/.dotnet/tools on the
#   kernel's PATH (`dotnet interactive` resolves the global tool there). See environment.md, "Notebooks".
set -euo pipefail

dotnet_interactive_version="1.0.712001"
jupyter_packages=(jupyter-nbconvert python3-nbconvert python3-nbclient jupyter-client python3-jupyter-client jupyter-core python3-ipykernel)

sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
apt_updated=""
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: no apt-get; install $* with your package manager" >&2; return 1
  fi
  echo "setup: installing $*" >&2
  if [ -z "$apt_updated" ]; then $sudo_cmd apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@" >/dev/null
}

ensure_fonts() {
  if command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "DejaVu Sans"; then return 0; fi
  if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then return 0; fi
  apt_install fonts-dejavu-core fontconfig || echo "setup: figures need the DejaVu fonts for their text." >&2
}

ensure_jupyter() {
  local missing=()
  for package in "${jupyter_packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}" || echo "setup: without Jupyter the notebook tests that use it fail; install: ${missing[*]}" >&2
  fi
}

ensure_dotnet_interactive() {
  local tools="$HOME/.dotnet/tools"
  if [ -x "$tools/dotnet-interactive" ] && [ -d "$tools/.store/microsoft.dotnet-interactive/$dotnet_interactive_version" ]; then return 0; fi
  echo "setup: installing the .NET Interactive Jupyter kernel (Microsoft.dotnet-interactive $dotnet_interactive_version)" >&2
  dotnet tool uninstall -g Microsoft.dotnet-interactive >/dev/null 2>&1 || true
  dotnet tool install -g Microsoft.dotnet-interactive --version "$dotnet_interactive_version" >/dev/null ||
    echo "setup: could not install Microsoft.dotnet-interactive; the Jupyter notebook tests will fail" >&2
}

# Written by hand rather than by `dotnet interactive jupyter install`, whose kernelspec listens on every interface.
ensure_kernelspec() {
  local folder="$HOME/.local/share/jupyter/kernels/.net-csharp"
  local dotnet_path; dotnet_path="$(command -v dotnet)"
  local spec
  spec=$(cat <<JSON
{
 "argv": ["$dotnet_path", "interactive", "jupyter", "--default-kernel", "csharp", "--http-local-only", "{connection_file}"],
 "env": {"PATH": "$HOME/.dotnet/tools:\${PATH}", "DOTNET_CLI_TELEMETRY_OPTOUT": "1"},
 "display_name": ".NET (C#)",
 "language": "C#",
 "metadata": {"debugger": false}
}
JSON
)
  if [ -f "$folder/kernel.json" ] && [ "$(cat "$folder/kernel.json")" = "$spec" ]; then return 0; fi
  echo "setup: writing the Jupyter kernelspec $folder (loopback only)" >&2
  mkdir -p "$folder"
  printf '%s\n' "$spec" > "$folder/kernel.json.tmp" && mv "$folder/kernel.json.tmp" "$folder/kernel.json"
}

ensure_fonts
ensure_jupyter
ensure_dotnet_interactive
ensure_kernelspec
