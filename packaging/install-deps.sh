#!/usr/bin/env bash
# Installs the Debian 12 / Ubuntu packages the project builds, tests and runs with.
# Safe to run again: apt-get skips what is already there. With --no-install-recommends, Qt Charts needs
# libqt6opengl6-dev named here (its CMake config requires Qt6OpenGL; a clean machine failed to configure without it).
set -euo pipefail
pkgs=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
  libqcustomplot-dev libqcustomplot2.1-qt6 libyaml-cpp-dev libsqlite3-dev sqlite3 libzip-dev libisal-dev zlib1g-dev
  libmuparser-dev libbenchmark-dev libssl-dev xvfb xauth python3
  libcurl4-openssl-dev qtkeychain-qt6-dev dbus python3-aiosmtpd openssl qt6-translations-l10n
  qt6-charts-dev libqt6opengl6-dev qt6-httpserver-dev
  clang libclang-rt-14-dev lld appstream desktop-file-utils dpkg-dev file
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
