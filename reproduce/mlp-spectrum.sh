#!/usr/bin/env bash
# The realisable small MLP GAN: the full Jacobian spectrum at an
# exact equilibrium of the empirical game (data = a teacher generator applied to a fixed
# latent batch, the model's batch using the same latents), unguided against guided, for the
# standard and the Wasserstein loss. Usage: reproduce/mlp-spectrum.sh [--quick|--smoke]
# [--jobs N] [--shard i/n] [--out DIR] [--only PATTERN]…; prints its output folder,
# OUT/mlp-spectrum.
# Without `kgan analyze` in the build, the script plans no job and its report says so.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
source "$REPRODUCE_DIR/toy-dynamics.sh"

MLP_LOSSES=(standard wasserstein)
# Guided: λ_g = 1, λ_l = 0.5 (the analyze defaults); unguided: both 0.
MLP_GUIDANCE=(unguided guided)

mlp_size() {
    case "$PROFILE" in
        full) MLP_PARAMETERS=1000 ;;
        quick) MLP_PARAMETERS=300 ;;
        smoke) MLP_PARAMETERS=40 ;;
    esac
}

mlp_lambdas() {
    case "$1" in
        unguided) echo 0 0 ;;
        guided) echo 1 0.5 ;;
    esac
}

plan_mlp_spectrum() {
    if ! have_analyze; then
        return 0
    fi
    mlp_size
    local base="$OUT/mlp-spectrum" loss guidance lambdas
    for loss in "${MLP_LOSSES[@]}"; do
        for guidance in "${MLP_GUIDANCE[@]}"; do
            read -r -a lambdas <<<"$(mlp_lambdas "$guidance")"
            add_job "mlp-spectrum/$loss-$guidance" \
                "$base/spectra/$loss-$guidance/spectrum.json" \
                "$KGAN" analyze mlp-equilibrium --loss "$loss" \
                --lambda-global "${lambdas[0]}" --lambda-local "${lambdas[1]}" \
                --parameters "$MLP_PARAMETERS" --seed 1 --out "$base/spectra/$loss-$guidance"
        done
    done
}

report_mlp_spectrum() {
    if ! have_analyze; then
        unavailable mlp-spectrum
        return 0
    fi
    rm -f "$OUT/mlp-spectrum/UNAVAILABLE.md"
    local base="$OUT/mlp-spectrum" loss guidance lambdas arguments=()
    for loss in "${MLP_LOSSES[@]}"; do
        for guidance in "${MLP_GUIDANCE[@]}"; do
            read -r -a lambdas <<<"$(mlp_lambdas "$guidance")"
            if [[ -f "$base/spectra/$loss-$guidance/spectrum.json" ]]; then
                arguments+=("$loss@${lambdas[0]}=$base/spectra/$loss-$guidance")
            fi
        done
    done
    "$KGAN" report --spectra --parameter λ_g --out "$base/spectra-report" \
        --title "Realisable MLP game, unguided (λ_g = 0) and guided (λ_g = 1)" \
        "${arguments[@]}"
}

claims_mlp_spectrum() {
    echo "Claims (proofs/guided-stability.md): at the realisable equilibrium every eigenvalue of"
    echo "the unguided Wasserstein game is purely imaginary (Claim 2); with guidance every"
    echo "eigenvalue off the equilibrium manifold has Re < 0 (Claim 3), and the zero"
    echo "eigenvalues number the manifold's tangent directions."
    echo
    if [[ -f "$OUT/mlp-spectrum/UNAVAILABLE.md" ]]; then
        echo "- not run: [why](mlp-spectrum/UNAVAILABLE.md)"
    else
        echo "- [table](mlp-spectrum/spectra-report/spectra.md)," \
            "[eigenvalues, unguided and guided](mlp-spectrum/spectra-report/locus.png)," \
            "[abscissa and largest stable step](mlp-spectrum/spectra-report/stability.png);" \
            "each spectrum alone: mlp-spectrum/spectra/*/spectrum.png"
    fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    experiment_main mlp-spectrum "$@"
fi
