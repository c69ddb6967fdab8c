#!/usr/bin/env bash
# Runs every experiment of the paper's evaluation (or the named ones) and writes an index,
# OUT/index.md, that links each figure and table to the claim it supports.
#
# usage: reproduce/all.sh [--quick|--smoke] [--jobs N] [--shard i/n] [--out DIR]
#                         [--only PATTERN]… [EXPERIMENT…]
#   EXPERIMENT  mode-collapse, prior-knowledge, toy-dynamics, mlp-spectrum (default: all)
#   --quick     fewer steps and seeds, the same code paths (about 5 minutes on 2 cores)
#   --smoke     tiny networks and a few steps, one seed: checks every code path in seconds
#   --jobs N    run N jobs at a time (default: the number of cores)
#   --shard i/n run share i of n of the job list: job k (0-based, in plan order) goes to
#               share (k mod n) + 1, so n machines of a job array cover the sweep once
#   --out DIR   output folder (default runs/reproduce-<full|quick|smoke>); a job whose
#               result is already there is skipped, so rerunning continues a sweep, and
#               after the last shard it makes the reports and the index
#   --only PATTERN  keep only the jobs whose id matches the bash glob PATTERN (repeatable),
#               e.g. --only 'mode-collapse/*/guided/*'; ids are the paths under OUT/logs;
#               the reports cover the runs that exist, and --shard splits the kept jobs
# Exit status: 0 when every job and report succeeded, 1 when one failed (its log is named,
# the others still ran), 2 for bad input.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"
SCRIPT_NAME="reproduce/all.sh"
SCRIPT_USAGE="reproduce/all.sh [--quick|--smoke] [--jobs N] [--shard i/n] [--out DIR] \
[--only PATTERN]… [EXPERIMENT…]; experiments: ${EXPERIMENTS[*]}"

parse_options "$@"
for name in "${SELECTED[@]+"${SELECTED[@]}"}"; do
    known_experiment "$name" ||
        usage_error "unknown experiment '$name'; expected one of: ${EXPERIMENTS[*]}"
done
if ((${#SELECTED[@]} == 0)); then
    SELECTED=("${EXPERIMENTS[@]}")
fi
for name in "${SELECTED[@]}"; do
    source "$here/$name.sh"
done
profile_settings
check_only_patterns "${SELECTED[@]}"
prepare_out
mkdir -p "$OUT/logs"

started=$SECONDS
for name in "${SELECTED[@]}"; do
    "plan_${name//-/_}"
done
# With --only, the experiments left without a job have nothing to run, report or index.
kept=()
for name in "${SELECTED[@]}"; do
    if has_jobs "$name"; then
        kept+=("$name")
    fi
done
SELECTED=("${kept[@]}")
echo "$SCRIPT_NAME: profile $PROFILE, ${#JOB_IDS[@]} job(s) in all, output in $OUT"

status=0
run_jobs || status=1
for name in "${SELECTED[@]}"; do
    maybe_report "$name" || status=1
done

# The index: each experiment's claims with links, then the state of each of its jobs.
job_state() {
    local k="$1" state
    state="$(cat "$(status_of "${JOB_IDS[$k]}")" 2>/dev/null || true)"
    if [[ -f "${JOB_MARKERS[$k]}" ]]; then
        echo "done"
    elif [[ "$state" == failed* ]]; then
        echo "**FAILED** (exit ${state#failed }), [log](logs/${JOB_IDS[$k]}.log)"
    elif ((k % SHARD_COUNT + 1 != SHARD_INDEX)); then
        echo "not done (another shard's job)"
    else
        echo "not done"
    fi
}

index="$OUT/index.md"
{
    echo "# Reproduction of the experiments of kernel-guided training"
    echo
    echo "Profile: $PROFILE (full: the protocol's steps and 5 seeds; quick: fewer steps and"
    echo "2 seeds; smoke: tiny networks, 1 seed — only a check that everything runs)."
    echo "Made by \`reproduce/all.sh\`; per-job logs under [logs](logs/)."
    if ((${#ONLY[@]} > 0)); then
        echo
        printf 'Only the jobs matching'
        printf ' `%s`' "${ONLY[@]}"
        echo " (\`--only\`) were run; the rest of the plan was left out."
    fi
    for name in "${SELECTED[@]}"; do
        echo
        echo "## $name"
        echo
        claims="$("claims_${name//-/_}")"
        mark_missing_links <<<"$claims"
        echo
        # The tables the reports made, inline under the links above, in the links' order.
        for table in $(grep -o '([^()]*/summary\.md)' <<<"$claims" | tr -d '()'); do
            table="$OUT/$table"
            [[ -f "$table" ]] || continue
            echo "${table#"$OUT/"}:"
            echo
            grep '^|' "$table" || true
            echo
        done
        echo "| job | state |"
        echo "|---|---|"
        for ((k = 0; k < ${#JOB_IDS[@]}; k++)); do
            if [[ "${JOB_IDS[$k]}" == "$name/"* ]]; then
                echo "| ${JOB_IDS[$k]} | $(job_state "$k") |"
            fi
        done
        if [[ -f "$OUT/logs/$name-report.log" ]]; then
            echo
            echo "Report log: [logs/$name-report.log](logs/$name-report.log)"
        fi
    done
} >"$index.tmp"
mv "$index.tmp" "$index"

echo "$SCRIPT_NAME: $((SECONDS - started)) s; index: $index"
echo "output folder: $OUT"
exit "$status"
