#!/usr/bin/env bash
# Builds the .deb from a configured and built tree, checks what it declares and holds, extracts it
# into a temporary root (no root rights, nothing installed system-wide) and runs the extracted
# `lhm liqprice` there: it must give the build tree's answer from its OWN config folder
# (bin/../share/liquidationheatmap/config), which the last step proves by removing a tier file
# from the extracted tree only.
#   usage: packaging/check-deb.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build/release}" && pwd)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
fail() { echo "check-deb: $*" >&2; exit 1; }

(cd "$build" && rm -f liquidationheatmap_*.deb && cpack -G DEB > "$root/cpack.log" 2>&1) || { cat "$root/cpack.log"; fail "cpack failed"; }
deb=$(ls "$build"/liquidationheatmap_*.deb | head -1)
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KB)"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libqt6core6 libqt6network6 libqt6websockets6 libyaml-cpp libzip libisal2 libsqlite3; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib"
done
if [ -x "$build/app/liquidationheatmap" ]; then
  for lib in libqcustomplot libqt6widgets6 qt6-qpa-plugins; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib"
  done
fi

dpkg-deb -x "$deb" "$root/pkg"
usr=$root/pkg/usr
for f in bin/lhm share/liquidationheatmap/config/exchanges.yaml share/liquidationheatmap/config/tiers/binance/BTCUSDT.yaml; do
  [ -e "$usr/$f" ] || fail "package lacks /usr/$f"
done
if [ -x "$build/app/liquidationheatmap" ]; then
  for f in bin/liquidationheatmap share/applications/liquidationheatmap.desktop \
           share/metainfo/io.github.liquidationheatmap.metainfo.xml \
           share/icons/hicolor/scalable/apps/liquidationheatmap.svg; do
    [ -e "$usr/$f" ] || fail "package lacks /usr/$f"
  done
  desktop-file-validate "$usr/share/applications/liquidationheatmap.desktop"
  appstreamcli validate --no-net "$usr/share/metainfo/io.github.liquidationheatmap.metainfo.xml"
fi

args=(liqprice --exchange binance --symbol BTCUSDT --side long --entry 67000 --leverage 10 --qty 1 --json)
want=$(cd "$root" && "$build/app/lhm" "${args[@]}")
got=$(cd "$root" && env -u LHM_CONFIG_DIR "$usr/bin/lhm" "${args[@]}") || fail "extracted lhm liqprice failed"
[ "$got" = "$want" ] || fail "extracted lhm liqprice gave '$got', the build tree '$want'"
echo "extracted lhm liqprice: $got"
rm "$usr/share/liquidationheatmap/config/tiers/binance/BTCUSDT.yaml"
if err=$(cd "$root" && env -u LHM_CONFIG_DIR "$usr/bin/lhm" "${args[@]}" 2>&1); then
  fail "extracted lhm still answered without its own tier file: it reads config from elsewhere"
fi
grep -q "$usr/share/liquidationheatmap/config/tiers/binance/BTCUSDT.yaml" <<<"$err" \
  || fail "extracted lhm did not look for its tier file next to itself: $err"
echo "check-deb: ok"
