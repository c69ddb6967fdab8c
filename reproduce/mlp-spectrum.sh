#!/usr/bin/env bash
# The realisable small MLP GAN (section 6 of the method): the full Jacobian spectrum at an
# exact equilibrium of the empirical game (data = a teacher generator applied to a fixed
# latent batch, the model's batch using the same latents), unguided against guided, for the
# standard and the Wasserstein loss. Usage: reproduce/mlp-spectrum.sh [--quick|--smoke]
# [--jobs N] [--shard i/n] [--out DIR]; prints its output folder, OUT/mlp-spectrum.
# Without `kgan analyze` in the build, the script plans no job and its report says so.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
source "$REPRODUCE_DIR/toy-dynamics.sh"

MLP_LOSSES=(standard wasserstein)

plan_mlp_spectrum() {
    if ! have_analyze; then
        return 0
    fi
    local base="$OUT/mlp-spectrum" loss guidance lambda
    for loss in "${MLP_LOSSES[@]}"; do
        for guidance in unguided guided; do
            lambda=0
            [[ "$guidance" == guided ]] && lambda=1
            add_job "mlp-spectrum/$loss-$guidance" "$base/$loss-$guidance/summary.json" \
                "$KGAN" analyze mlp --loss "$loss" --lambda-global "$lambda" \
                --out "$base/$loss-$guidance" --overwrite
        done
    done
}

report_mlp_spectrum() {
    if ! have_analyze; then
        unavailable mlp-spectrum
        return 0
    fi
}

claims_mlp_spectrum() {
    echo "Claims (section 4 of the method): at the realisable equilibrium every eigenvalue of"
    echo "the unguided Wasserstein game is purely imaginary (Claim 2); with guidance every"
    echo "eigenvalue off the equilibrium manifold has Re < 0 (Claim 3), and the zero"
    echo "eigenvalues number the manifold's tangent directions."
    echo
    if [[ -f "$OUT/mlp-spectrum/UNAVAILABLE.md" ]]; then
        echo "- not run: [why](mlp-spectrum/UNAVAILABLE.md)"
    else
        echo "- [spectra, unguided against guided](mlp-spectrum/)"
    fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    experiment_main mlp-spectrum "$@"
fi
