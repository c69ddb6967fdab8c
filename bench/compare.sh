#!/usr/bin/env bash
# Times kgan's training step against the PyTorch peer on this machine, in one invocation, and
# prints a Markdown table of the ratios, with a row for kgan on the system's BLAS
# (KGAN_BLAS=native) when that library loads; then, unless --no-sweep, the growth study (batch
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

# kgan's own products, whatever KGAN_BLAS the caller exported.
kgan_json() {
    KGAN_BLAS=java "$root/kgan" bench --steps "$steps" --json "$@" 2>/dev/null | tail -n 1
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

# The same step with the products on the system's BLAS, when it loads; kgan's one-line
# error says why when it does not.
native_err=$(mktemp)
trap 'rm -f "$native_err"' EXIT
native_ms=0 native_min=0 native_max=0 native_cpu=0 native_skip=""
if native=$(KGAN_BLAS=native "$root/kgan" bench --steps "$steps" --json 2>"$native_err")
then
    native=$(tail -n 1 <<<"$native")
    native_ms=$(field "$native" ms_per_step)
    native_min=$(field "$native" ms_per_step_min)
    native_max=$(field "$native" ms_per_step_max)
    native_cpu=$(field "$native" cpu_ms_per_step)
else
    native_skip=$(sed -n 's/^kgan: //p' "$native_err" | head -n 1)
    native_skip=${native_skip:-kgan bench failed: $(tail -n 1 "$native_err")}
fi
# A guess, for the table: OpenBLAS runs one thread per core unless OPENBLAS_NUM_THREADS (or
# OMP_NUM_THREADS) says otherwise, and another libblas.so.3 may do as it likes.
native_threads=${OPENBLAS_NUM_THREADS:-${OMP_NUM_THREADS:-$(nproc)}}

"$python" - "$peer32" "$peer64" "$ours_ms" "$ours_min" "$ours_max" "$ours_cpu" \
    "$ours_threads" "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)" \
    "$native_ms" "$native_min" "$native_max" "$native_cpu" "$native_threads" \
    "$native_skip" <<'PY'
import sys
p32, p64, ours, low, high, cpu = (float(v) for v in sys.argv[1:7])
threads, cores, load = sys.argv[7], sys.argv[8], sys.argv[9]
nat, nat_low, nat_high, nat_cpu = (float(v) for v in sys.argv[10:14])
nat_threads, skipped = sys.argv[14], sys.argv[15]
spread = f"{low:.2f}–{high:.2f}"
if skipped:
    print("| program | dtype | threads | ms per step | kgan ÷ program |")
    print("|---|---|---|---|---|")
    print(f"| PyTorch peer | float32 | 1 | {p32:.2f} | {ours / p32:.2f} |")
    print(f"| PyTorch peer | float64 | 1 | {p64:.2f} | {ours / p64:.2f} |")
    print(f"| kgan bench | float64 | {threads} | {ours:.2f} (windows {spread}) | 1.00 |")
else:
    nat_spread = f"{nat_low:.2f}–{nat_high:.2f}"
    print("| program | dtype | threads | ms per step | kgan ÷ program "
          "| kgan native ÷ program |")
    print("|---|---|---|---|---|---|")
    print(f"| PyTorch peer | float32 | 1 | {p32:.2f} | {ours / p32:.2f} | {nat / p32:.2f} |")
    print(f"| PyTorch peer | float64 | 1 | {p64:.2f} | {ours / p64:.2f} | {nat / p64:.2f} |")
    print(f"| kgan bench | float64 | {threads} | {ours:.2f} (windows {spread}) | 1.00 "
          f"| {nat / ours:.2f} |")
    print(f"| KGAN_BLAS=native kgan bench | float64 | {nat_threads} | {nat:.2f} "
          f"(windows {nat_spread}) | {ours / nat:.2f} | 1.00 |")
print()
print(f"Batch 512, width 128, on {cores} cores (load average {load} before the run); "
      f"kgan used {cpu:.2f} ms of CPU per step"
      + ("." if skipped else f", {nat_cpu:.2f} ms with KGAN_BLAS=native.")
      + " Ratios below 1 mean kgan is faster.")
if skipped:
    print()
    print(f"Skipped the KGAN_BLAS=native row: {skipped}")
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
    KGAN_BLAS=java "$root/kgan" bench --sweep --steps "$steps" --peer "$csv" --out "$out" \
        2>/dev/null
    echo
    echo '```'
    cat "$out/growth.csv"
    echo '```'
fi
