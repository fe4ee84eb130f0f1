#!/usr/bin/env bash
# Renders PRISMA diagrams with headless Chromium and checks each PNG: the size the SVG asks for, not blank,
# not all dark, with dark pixels (text and lines) in all three horizontal thirds of the page.
# Usage: Tests/Scripts/prisma-chromium.sh [FILE.svg ...]
#   Without arguments: builds `sift` and renders every Tests/Golden/prisma/*.flow.json.
# Installs Debian's `chromium` when it is missing (needs root or sudo). PNGs are left in $OUT_DIR (default: a temp dir).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "prisma-chromium: installing chromium"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium
fi

OUT_DIR="${OUT_DIR:-$(mktemp -d)}"
mkdir -p "$OUT_DIR"
svgs=("$@")
if [ ${#svgs[@]} -eq 0 ]; then
  swift build --product sift >/dev/null
  sift="$(swift build --show-bin-path)/sift"
  for flow in Tests/Golden/prisma/*.flow.json; do
    name="$(basename "$flow" .flow.json)"
    "$sift" prisma --flow "$flow" --out "$OUT_DIR/$name.svg"
    svgs+=("$OUT_DIR/$name.svg")
  done
fi

failures=0
for svg in "${svgs[@]}"; do
  name="$(basename "$svg" .svg)"
  png="$OUT_DIR/$name.png"
  # The root element's width and height attributes.
  read -r width height < <(python3 -c '
import re, sys
head = open(sys.argv[1], encoding="utf-8").read(2000)
m = re.search(r"<svg[^>]*\bwidth=\"(\d+)\"[^>]*\bheight=\"(\d+)\"", head)
print(m.group(1), m.group(2)) if m else print(0, 0)' "$svg")
  if [ "$width" = 0 ]; then echo "FAIL $svg: no width/height on <svg>"; failures=$((failures + 1)); continue; fi
  rm -f "$png"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$width,$height" --screenshot="$png" "file://$(realpath "$svg")" >/dev/null 2>&1 || true
  if [ ! -s "$png" ]; then echo "FAIL $svg: chromium wrote no PNG"; failures=$((failures + 1)); continue; fi
  if python3 - "$png" "$width" "$height" <<'PY'
import struct, sys, zlib

path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, chunks = 8, []
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    chunks.append((kind, data[pos + 8:pos + 8 + length]))
    pos += 12 + length
ihdr = dict(chunks)[b"IHDR"]
w, h, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", ihdr)
if (w, h) != (want_w, want_h):
    sys.exit(f"size {w}x{h}, expected {want_w}x{want_h}")
if depth != 8 or color not in (2, 6) or interlace:
    sys.exit(f"unexpected PNG layout (depth {depth}, colour type {color}, interlace {interlace})")
bpp = 3 if color == 2 else 4
raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
stride = w * bpp
prev = bytearray(stride)
dark = [0, 0, 0]
light = 0
for y in range(h):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, w):
        r, g, bl = line[x * bpp:x * bpp + 3]
        if r + g + bl < 300:
            dark[min(2, x * 3 // w)] += 1
        elif r + g + bl > 720:
            light += 1
    prev = line
total = w * h
share = sum(dark) / total
if light < total * 0.5:
    sys.exit(f"mostly not white ({light} of {total} pixels light)")
if share < 0.005:
    sys.exit(f"blank: only {sum(dark)} dark pixels")
if min(dark) == 0 and want_w > 600:
    sys.exit(f"a third of the page has no dark pixel: {dark}")
print(f"{w}x{h}, {share:.1%} dark pixels")
PY
  then echo "ok   $png"; else echo "FAIL $png"; failures=$((failures + 1)); fi
done
[ "$failures" = 0 ] || { echo "prisma-chromium: $failures failure(s)"; exit 1; }
