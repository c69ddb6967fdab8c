#!/usr/bin/env bash
# Toy dynamics: the Dirac-GAN (proofs/dirac-gan.md) as a dynamical system.
# Usage: reproduce/toy-dynamics.sh [--quick|--smoke] [--jobs N] [--shard i/n] [--out DIR]
# [--only PATTERN]…; prints its output folder, OUT/toy-dynamics.
#
# The analyses, each one job of `kgan analyze dirac` (the Jacobian spectrum of the Dirac-GAN
# at its equilibrium, Gaussian kernel of bandwidth σ = 1):
#   lambda/<loss>/<λ_g>  the standard, non-saturating and Wasserstein losses as λ_g grows
#                        (λ_l = 0): the root locus, the spectral abscissa and the largest
#                        stable Euler step 2|Re μ|/|μ|² against λ_g
#   witness/<v>          the standard loss with λ_g = 0, λ_l = 1 as the witness v moves
# and one job of `kgan report --dirac`:
#   flows                trajectories of the flow (RK4) in the (θ, ψ) plane for the three
#                        losses, unguided and guided (λ_g = λ_l = 1, v = σ = 1), and the
#                        convergence rate against λ_g measured from trajectories beside the
#                        closed-form spectral abscissa
# Without `kgan analyze` in the build, the spectra are not planned and the report says so.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

TOY_LOSSES=(standard non-saturating wasserstein)

# True when the launcher lists the analyze command (the kgan.dynamics front end) among its
# commands. (`kgan analyze --help` would not do: help succeeds even for an unknown command.)
# Asked once per script run (each question starts a JVM).
have_analyze() {
    if [[ -z "${HAVE_ANALYZE:-}" ]]; then
        local commands
        commands="$("$KGAN" --help 2>/dev/null || true)"
        HAVE_ANALYZE=no
        if grep -qE '^[[:space:]]+analyze([[:space:]]|$)' <<<"$commands"; then
            HAVE_ANALYZE=yes
        fi
    fi
    [[ "$HAVE_ANALYZE" == yes ]]
}

# The swept values of each profile.
toy_sweeps() {
    case "$PROFILE" in
        full)
            TOY_LAMBDAS=(0 0.05 0.1 0.2 0.3 0.5 0.75 1 1.5 2 3 4)
            TOY_WITNESSES=(0 0.25 0.5 0.75 1 1.25 1.5 2 2.5 3)
            TOY_HORIZON=200 ;;
        quick)
            TOY_LAMBDAS=(0 0.1 0.3 0.5 1 2)
            TOY_WITNESSES=(0 0.5 1 1.5 2)
            TOY_HORIZON=100 ;;
        smoke)
            TOY_LAMBDAS=(0 1)
            TOY_WITNESSES=(0 1)
            TOY_HORIZON=5 ;;
    esac
}

plan_toy_dynamics() {
    toy_sweeps
    local base="$OUT/toy-dynamics" loss lambda v lambdas
    lambdas="$(IFS=,; echo "${TOY_LAMBDAS[*]}")"
    add_job "toy-dynamics/flows" "$base/flows/dirac.md" "$KGAN" report --dirac \
        --lambdas "$lambdas" --horizon "$TOY_HORIZON" --out "$base/flows"
    if ! have_analyze; then
        return 0
    fi
    for loss in "${TOY_LOSSES[@]}"; do
        for lambda in "${TOY_LAMBDAS[@]}"; do
            add_job "toy-dynamics/lambda/$loss/$lambda" \
                "$base/spectra/lambda/$loss/$lambda/spectrum.json" \
                "$KGAN" analyze dirac --loss "$loss" --lambda-global "$lambda" \
                --lambda-local 0 --bandwidth 1 --out "$base/spectra/lambda/$loss/$lambda"
        done
    done
    for v in "${TOY_WITNESSES[@]}"; do
        add_job "toy-dynamics/witness/$v" "$base/spectra/witness/$v/spectrum.json" \
            "$KGAN" analyze dirac --loss standard --lambda-global 0 --lambda-local 1 \
            --bandwidth 1 --witness "$v" --out "$base/spectra/witness/$v"
    done
}

report_toy_dynamics() {
    if ! have_analyze; then
        unavailable toy-dynamics
        return 0
    fi
    rm -f "$OUT/toy-dynamics/UNAVAILABLE.md"
    toy_sweeps
    local base="$OUT/toy-dynamics" loss lambda v arguments=()
    for loss in "${TOY_LOSSES[@]}"; do
        for lambda in "${TOY_LAMBDAS[@]}"; do
            if [[ -f "$base/spectra/lambda/$loss/$lambda/spectrum.json" ]]; then
                arguments+=("$loss@$lambda=$base/spectra/lambda/$loss/$lambda")
            fi
        done
    done
    # A sweep that --only left out entirely has no report.
    if ((${#arguments[@]} > 0)); then
        "$KGAN" report --spectra --parameter λ_g --out "$base/lambda" \
            --title "Dirac-GAN: eigenvalues as λ_g grows (λ_l = 0, σ = 1)" "${arguments[@]}"
    fi
    arguments=()
    for v in "${TOY_WITNESSES[@]}"; do
        if [[ -f "$base/spectra/witness/$v/spectrum.json" ]]; then
            arguments+=("standard@$v=$base/spectra/witness/$v")
        fi
    done
    if ((${#arguments[@]} > 0)); then
        "$KGAN" report --spectra --parameter v --out "$base/witness" \
            --title "Dirac-GAN: eigenvalues as the witness v moves (λ_l = 1, σ = 1)" \
            "${arguments[@]}"
    fi
}

# Writes OUT/EXPERIMENT/UNAVAILABLE.md: the build lacks the command this experiment needs.
unavailable() {
    mkdir -p "$OUT/$1"
    {
        echo "# $1: not run"
        echo
        echo "This experiment needs \`kgan analyze\` (the kgan.dynamics front end), which the"
        echo "build at $ROOT_DIR does not have yet."
    } >"$OUT/$1/UNAVAILABLE.md"
    echo "$1: not run: this build has no \`kgan analyze\`; see $OUT/$1/UNAVAILABLE.md"
}

claims_toy_dynamics() {
    echo "Claims (proofs/dirac-gan.md): unguided, the Dirac-GAN circles around its"
    echo "equilibrium (eigenvalues ±i f'(0)); kernel guidance pulls the eigenvalues into the"
    echo "left half-plane, (−a ± sqrt(a² − 4f'(0)²))/2, so trajectories converge, faster as"
    echo "λ_g grows until the eigenvalues meet the real axis; a witness at v = ±σ adds the most"
    echo "curvature and one on the data point none; the largest stable Euler step is"
    echo "2|Re μ|/|μ|²."
    echo
    echo "- [trajectories, unguided and guided](toy-dynamics/flows/trajectories.png);" \
        "[rate against λ_g, measured and closed form](toy-dynamics/flows/rates.png)" \
        "([table](toy-dynamics/flows/dirac.md), [CSV](toy-dynamics/flows/rates.csv))"
    if [[ -f "$OUT/toy-dynamics/UNAVAILABLE.md" ]]; then
        echo "- spectra not run: [why](toy-dynamics/UNAVAILABLE.md)"
    else
        echo "- as λ_g grows: [table](toy-dynamics/lambda/spectra.md)," \
            "[root locus](toy-dynamics/lambda/locus.png)," \
            "[abscissa and largest stable step](toy-dynamics/lambda/stability.png)"
        echo "- as the witness moves: [table](toy-dynamics/witness/spectra.md)," \
            "[root locus](toy-dynamics/witness/locus.png)," \
            "[abscissa and largest stable step](toy-dynamics/witness/stability.png)"
    fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    experiment_main toy-dynamics "$@"
fi
