#!/usr/bin/env bash
# Installs the Debian packages gapproof needs (only what is missing). Run as root or with sudo.
set -euo pipefail
pkgs=(cmake g++ make ninja-build pkg-config ccache
      libboost-dev libantlr4-runtime-dev antlr4 default-jre-headless
      time libfmt-dev catch2 libbdd-dev nlohmann-json3-dev libyaml-cpp-dev libcli11-dev
      clang-format clang libclang-rt-14-dev python3 python3-jsonschema
      libgraphviz-dev chromium libgit2-dev libdtl-dev)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all packages present"
fi
