#!/usr/bin/env bash
# Times kgan's training step against the PyTorch peer on this machine, in one invocation, and
# prints a Markdown table of the ratios; then, unless --no-sweep, the growth study (batch
# 128/512/2048, width 64/128/512) for both, written as CSV and PNG.
#
# Usage: bench/compare.sh [--steps N] [--out FOLDER] [--no-sweep]
# Installs nothing: it needs /usr/bin/python3 with torch (Debian's python3-torch).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
steps=300
out="$root/bench-results"
sweep=1
while [ $# -gt 0 ]; do
    case "$1" in
        --steps) steps="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --no-sweep) sweep=0; shift ;;
        *) echo "compare.sh: unknown argument '$1'; expected --steps N, --out FOLDER or" \
               "--no-sweep" >&2; exit 2 ;;
    esac
done

python=/usr/bin/python3
if [ ! -x "$python" ] || ! "$python" -c 'import torch' 2>/dev/null; then
    echo "compare.sh: the peer needs $python with PyTorch. Install it (as root) with:" >&2
    echo "    apt-get update && apt-get install -y python3-torch libopenblas0-pthread" >&2
    exit 2
fi
mkdir -p "$out"

# ms per step from the peer's line "... 49.5 steps/s, 20.21 ms/step".
peer() {
    "$python" "$here/peer_torch_ring.py" "$1" "$2" 1 reg "$3" "$4" 2>/dev/null \
        | sed -n 's/.* \([0-9.]*\) ms\/step$/\1/p'
}

kgan_json() {
    "$root/kgan" bench --steps "$steps" --json "$@" 2>/dev/null | tail -n 1
}

field() {
    "$python" -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"
}

echo "Timing the step at batch 512, width 128 ($steps steps each)..." >&2
peer32=$(peer "$steps" f32 512 128)
peer64=$(peer "$steps" f64 512 128)
ours=$(kgan_json)
ours_ms=$(field "$ours" ms_per_step)
ours_threads=$(field "$ours" threads)
ours_min=$(field "$ours" ms_per_step_min)
ours_max=$(field "$ours" ms_per_step_max)
ours_cpu=$(field "$ours" cpu_ms_per_step)

"$python" - "$peer32" "$peer64" "$ours_ms" "$ours_min" "$ours_max" "$ours_cpu" \
    "$ours_threads" "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import sys
p32, p64, ours, low, high, cpu = (float(v) for v in sys.argv[1:7])
threads, cores, load = sys.argv[7], sys.argv[8], sys.argv[9]
spread = f"{low:.2f}–{high:.2f}"
print("| program | dtype | threads | ms per step | kgan ÷ program |")
print("|---|---|---|---|---|")
print(f"| PyTorch peer | float32 | 1 | {p32:.2f} | {ours / p32:.2f} |")
print(f"| PyTorch peer | float64 | 1 | {p64:.2f} | {ours / p64:.2f} |")
print(f"| kgan bench | float64 | {threads} | {ours:.2f} (windows {spread}) | 1.00 |")
print()
print(f"Batch 512, width 128, on {cores} cores (load average {load} before the run); "
      f"kgan used {cpu:.2f} ms of CPU per step. Ratios below 1 mean kgan is faster.")
PY

if [ "$sweep" = 1 ]; then
    echo "Growth study: the peer..." >&2
    csv="$out/peer.csv"
    echo "dtype,batch,hidden,ms" > "$csv"
    for point in 128,128 512,128 2048,128 512,64 512,512; do
        n=${point%,*}; h=${point#*,}
        # Fewer timed steps where a step costs more, as kgan bench --sweep does.
        cost=$(( (n > 512 ? n / 512 : 1) * (h > 128 ? h / 128 : 1) ))
        s=$(( steps / cost > 6 ? steps / cost : 6 ))
        for dtype in f32 f64; do
            name=$([ "$dtype" = f32 ] && echo float32 || echo float64)
            echo "$name,$n,$h,$(peer "$s" "$dtype" "$n" "$h")" >> "$csv"
        done
    done
    echo "Growth study: kgan..." >&2
    "$root/kgan" bench --sweep --steps "$steps" --peer "$csv" --out "$out" 2>/dev/null
    echo
    echo '```'
    cat "$out/growth.csv"
    echo '```'
fi
