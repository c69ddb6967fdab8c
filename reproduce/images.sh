#!/usr/bin/env bash
# Fashion-MNIST with kernels and witness points in an autoencoder's latent space.
#
#   reproduce/images.sh [quick|full] [OUTPUT_FOLDER]
#
# quick (the default) trains on 20,000 images, 10,000 steps per game, and must finish within
# 15 minutes on 2 cores; full uses all 60,000 for longer. Both train the autoencoder once
# (autoencoder.bin in the output folder, reused by a rerun with the same settings), then run
# the kernel-guided GAN and, for comparison, the same GAN without kernel guidance, and
# writes comparison.csv (latent MMD² to held-out test images, class coverage) of the two.
# The last line printed is the output folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-quick}"
out="${2:-$here/runs/images-$mode}"
data_dir="${KGAN_FASHION_MNIST:-/usr/share/datasets/fashion-mnist}"

if [ ! -d "$data_dir" ]; then
    echo "images.sh: Fashion-MNIST not found in $data_dir; install it with" \
        "'apt-get install dataset-fashion-mnist' or set KGAN_FASHION_MNIST" >&2
    exit 2
fi

case "$mode" in
    quick) size=(--train-images 20000 --test-images 5000 --ae-steps 800 --steps 10000
                 --eval-every 2500 --eval-samples 1000) ;;
    full)  size=(--train-images 60000 --test-images 10000 --ae-steps 6000 --steps 10000
                 --eval-every 1000 --eval-samples 2000) ;;
    *) echo "images.sh: unknown mode '$mode'; expected quick or full" >&2; exit 2 ;;
esac

mkdir -p "$out"
common=(--data-dir "$data_dir" --autoencoder "$out/autoencoder.bin" "${size[@]}" --seed 0)
"$here/kgan" images --out "$out/guided" --overwrite "${common[@]}" \
    --lambda-global 1 --lambda-local 1 >&2
"$here/kgan" images --out "$out/unguided" --overwrite "${common[@]}" \
    --lambda-global 0 --lambda-local 0 >&2

{
    printf 'run,latent_mmd2_test,class_kl_uniform,classes_covered\n'
    for run in guided unguided; do
        tail -n 1 "$out/$run/metrics.csv" | awk -F, -v r="$run" '{print r "," $6 "," $7 "," $8}'
    done
} > "$out/comparison.csv"
cat "$out/comparison.csv" >&2
echo "$out"
