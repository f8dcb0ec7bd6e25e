#!/usr/bin/env bash
# Makes the app's icon set from nothing but ImageMagick 6 and icnsutils (Debian: apt-get install
# imagemagick icnsutils), so it can be remade and changed: a blue rounded square with "DDx".
# The PNGs are the Linux icon set (electron-builder reads NxN.png), icon.ico is Windows', icon.icns macOS'.
set -euo pipefail
cd "$(dirname "$0")"
convert=/usr/bin/convert # the real ImageMagick, not a wrapper earlier on PATH
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
"$convert" -size 1024x1024 xc:none -fill '#1d4ed8' -draw 'roundrectangle 64,64 959,959 180,180' \
  -font "$font" -pointsize 360 -fill white -gravity center -annotate +0+10 'DDx' \
  -strip -define png:exclude-chunks=date,time 1024x1024.png
for size in 512 256 128 64 48 32 24 16; do
  "$convert" 1024x1024.png -resize "${size}x${size}" -strip -define png:exclude-chunks=date,time "${size}x${size}.png"
done
"$convert" 16x16.png 24x24.png 32x32.png 48x48.png 64x64.png 128x128.png 256x256.png icon.ico
png2icns icon.icns 16x16.png 32x32.png 48x48.png 128x128.png 256x256.png 512x512.png 1024x1024.png >/dev/null
