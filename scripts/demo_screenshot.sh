#!/bin/sh
# scripts/demo_screenshot.sh: render the GIL pictures to PNG in a headless
# browser, to check how they look without opening a browser by hand.
#
#   scripts/demo_screenshot.sh              (`make demo-screenshot`)
#   scripts/demo_screenshot.sh FILE.svg...  render these instead
#
# Without arguments it records fresh traces (countdown and sleep, on
# build/minipy and build/minipyt when present) into build/demo/*.svg,
# exactly as `make demo` does, then writes build/demo/*.png next to them.
# Needs Debian's chromium: installed with apt-get when run as root,
# otherwise the command to run is printed.
cd "$(dirname "$0")/.." || exit 1
TRACE_N=${TRACE_N:-1500000}
TRACE_SLEEP=${TRACE_SLEEP:-0.1}

browser=""
for b in chromium chromium-browser google-chrome; do
    command -v $b >/dev/null 2>&1 && { browser=$b; break; }
done
if [ -z "$browser" ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "installing chromium (Debian package) ..."
        (apt-get install -y --no-install-recommends chromium fonts-dejavu-core ||
            (apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core)) \
            >/dev/null 2>&1 || { echo "apt-get install chromium failed"; exit 1; }
        browser=chromium
    else
        echo "chromium is missing; run:  sudo apt-get install -y chromium"
        exit 1
    fi
fi

if [ $# = 0 ]; then
    mkdir -p build/demo
    for interp in build/minipy build/minipyt; do
        [ -x $interp ] || continue
        name=$(basename $interp)
        $interp -X giltrace=build/demo/countdown-$name.svg scripts/countdown.py "$TRACE_N" \
            >/dev/null 2>&1
        $interp -X giltrace=build/demo/sleep-$name.svg scripts/sleep.py "$TRACE_SLEEP" 2 \
            >/dev/null 2>&1
        set -- "$@" build/demo/countdown-$name.svg build/demo/sleep-$name.svg
    done
    [ $# -gt 0 ] || { echo "no interpreter found: run make first"; exit 1; }
fi

status=0
for svg in "$@"; do
    png=${svg%.*}.png
    case $png in /*) ;; *) png=$(pwd)/$png ;; esac
    # The picture's own size, so the screenshot holds all of it.
    width=$(sed -n 's/.*<svg[^>]* width="\([0-9]*\)".*/\1/p' "$svg" | head -1)
    height=$(sed -n 's/.*<svg[^>]* height="\([0-9]*\)".*/\1/p' "$svg" | head -1)
    if "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --window-size="${width:-1000},${height:-400}" --screenshot="$png" \
        "file://$(cd "$(dirname "$svg")" && pwd)/$(basename "$svg")" >/dev/null 2>&1 &&
        [ -s "$png" ]; then
        echo "$png"
    else
        echo "failed to render $svg"
        status=1
    fi
done
exit $status
