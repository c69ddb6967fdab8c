#!/usr/bin/env bash
# Toy dynamics (section 6 of the method): the Dirac-GAN of section 5 as a dynamical system.
# Usage: reproduce/toy-dynamics.sh [--quick|--smoke] [--jobs N] [--shard i/n] [--out DIR];
# prints its output folder, OUT/toy-dynamics.
#
# The analyses, each one job of `kgan analyze` (the dynamics command):
#   field-<loss>-<guidance>  vector field and trajectories for the standard, non-saturating
#                            and Wasserstein losses, unguided (λ_g = λ_l = 0) and guided
#   locus-lambda             eigenvalues at the equilibrium as λ_g grows (root locus)
#   locus-witness            eigenvalues as the witness position v moves (λ_l > 0)
#   stable-step              the largest stable Euler step 2|Re μ|/|μ|² against λ_g
#   rate                     convergence rate against λ_g, measured from trajectories and
#                            the closed-form spectral abscissa (−a + Re sqrt(a² − 4f'(0)²))/2
# Without `kgan analyze` in the build, the script plans no job and its report says so.
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

plan_toy_dynamics() {
    if ! have_analyze; then
        return 0
    fi
    local base="$OUT/toy-dynamics" loss guidance lambda
    for loss in "${TOY_LOSSES[@]}"; do
        for guidance in unguided guided; do
            lambda=0
            [[ "$guidance" == guided ]] && lambda=1
            add_job "toy-dynamics/field-$loss-$guidance" \
                "$base/field-$loss-$guidance/summary.json" \
                "$KGAN" analyze dirac --loss "$loss" --lambda-global "$lambda" \
                --out "$base/field-$loss-$guidance" --overwrite
        done
    done
}

report_toy_dynamics() {
    if ! have_analyze; then
        unavailable toy-dynamics
        return 0
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
    echo "Claims (section 5 of the method): unguided, the Dirac-GAN circles around its"
    echo "equilibrium (eigenvalues ±i f'(0)); kernel guidance pulls the eigenvalues into the"
    echo "left half-plane, (−a ± sqrt(a² − 4f'(0)²))/2, so trajectories converge, faster as"
    echo "λ_g grows until the eigenvalues meet the real axis; a witness at v = ±σ adds the most"
    echo "curvature and one on the data point none; the largest stable Euler step is"
    echo "2|Re μ|/|μ|²."
    echo
    if [[ -f "$OUT/toy-dynamics/UNAVAILABLE.md" ]]; then
        echo "- not run: [why](toy-dynamics/UNAVAILABLE.md)"
    else
        echo "- [vector fields, trajectories, root loci, step and rate](toy-dynamics/)"
    fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    experiment_main toy-dynamics "$@"
fi
