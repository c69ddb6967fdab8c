# Shared by the reproduce/ scripts (sourced, not run): option parsing, the job list, the
# parallel job runner, and the experiments' reports. Each experiment script defines
#   plan_<name>    adds its jobs with add_job (given PROFILE and OUT)
#   report_<name>  aggregates its finished runs with `kgan report`
#   claims_<name>  prints the Markdown lines of the index: each claim with its figures/tables
# where <name> is the experiment's name with dashes as underscores.

# Loaded once: all.sh sources every experiment script, and each of them sources this file.
if [[ -n "${REPRODUCE_LIB_LOADED:-}" ]]; then
    return 0
fi
REPRODUCE_LIB_LOADED=1

REPRODUCE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$REPRODUCE_DIR/.." && pwd)"
EXPERIMENTS=(mode-collapse prior-knowledge toy-dynamics mlp-spectrum)

# The launcher; tests point KGAN at a wrapper around their own classpath.
KGAN="${KGAN:-$ROOT_DIR/kgan}"

PROFILE=full
# One job per core by default: a job's start-up and evaluations run on one thread, so two
# jobs keep both cores busy (`--quick` took 5 minutes at two, on 2 cores).
JOBS="$(nproc 2>/dev/null || echo 1)"
SHARD_INDEX=1
SHARD_COUNT=1
OUT=""
SELECTED=()
# --only patterns: bash globs over job ids; when given, the plan keeps the matching jobs only.
ONLY=()
ONLY_MATCHES=()

JOB_IDS=()
JOB_MARKERS=()
JOB_COMMANDS=()

usage_error() {
    echo "$SCRIPT_NAME: $1" >&2
    echo "usage: $SCRIPT_USAGE" >&2
    exit 2
}

# Parses the common options into PROFILE, JOBS, SHARD_*, OUT; other words go to SELECTED.
parse_options() {
    while (($# > 0)); do
        case "$1" in
            --quick|--smoke)
                [[ "$PROFILE" == full || "$PROFILE" == "${1#--}" ]] ||
                    usage_error "$1 after --$PROFILE: choose one profile"
                PROFILE="${1#--}" ;;
            --jobs)
                (($# >= 2)) || usage_error "--jobs needs a number"
                [[ "$2" =~ ^[1-9][0-9]*$ ]] ||
                    usage_error "--jobs '$2': expected a whole number ≥ 1"
                JOBS="$2"
                shift ;;
            --jobs=*) set -- --jobs "${1#--jobs=}" "${@:2}"; continue ;;
            --shard)
                (($# >= 2)) || usage_error "--shard needs i/n"
                parse_shard "$2"
                shift ;;
            --shard=*) set -- --shard "${1#--shard=}" "${@:2}"; continue ;;
            --out)
                (($# >= 2)) || usage_error "--out needs a folder"
                OUT="$2"
                shift ;;
            --out=*) set -- --out "${1#--out=}" "${@:2}"; continue ;;
            --only)
                (($# >= 2)) ||
                    usage_error "--only needs a pattern, e.g. 'mode-collapse/*/gan/*'"
                ONLY+=("$2")
                ONLY_MATCHES+=(0)
                shift ;;
            --only=*) set -- --only "${1#--only=}" "${@:2}"; continue ;;
            -h|--help) echo "usage: $SCRIPT_USAGE"; exit 0 ;;
            -*) usage_error "unknown option '$1'" ;;
            *) SELECTED+=("$1") ;;
        esac
        shift
    done
}

parse_shard() {
    local spec="$1"
    if [[ ! "$spec" =~ ^([0-9]+)/([0-9]+)$ ]]; then
        usage_error "--shard '$spec': expected i/n with 1 ≤ i ≤ n, e.g. 2/8"
    fi
    # 10# reads the numbers in base 10 even with leading zeros.
    SHARD_INDEX=$((10#${BASH_REMATCH[1]}))
    SHARD_COUNT=$((10#${BASH_REMATCH[2]}))
    if ((SHARD_INDEX < 1 || SHARD_COUNT < 1 || SHARD_INDEX > SHARD_COUNT)); then
        usage_error "--shard '$spec': expected i/n with 1 ≤ i ≤ n, e.g. 2/8"
    fi
}

# check_only_patterns EXPERIMENT…: plans the experiments once without an output folder and
# refuses (status 2) a --only pattern that selects no job, before anything is written.
check_only_patterns() {
    ((${#ONLY[@]} > 0)) || return 0
    local name p saved_out="$OUT"
    OUT=/unused
    for name in "$@"; do
        "plan_${name//-/_}"
    done
    for p in "${!ONLY[@]}"; do
        if ((ONLY_MATCHES[p] == 0)); then
            usage_error "--only '${ONLY[$p]}' matches no job; job ids look like \
'${PLANNED_ANY_ID:-mode-collapse/ring/gan/seed-1}'"
        fi
        ONLY_MATCHES[p]=0
    done
    JOB_IDS=()
    JOB_MARKERS=()
    JOB_COMMANDS=()
    OUT="$saved_out"
}

# True when the plan holds a job of EXPERIMENT.
has_jobs() {
    local id
    for id in "${JOB_IDS[@]+"${JOB_IDS[@]}"}"; do
        [[ "$id" == "$1/"* ]] && return 0
    done
    return 1
}

# Picks the default output folder, creates it and checks that it can be written.
prepare_out() {
    if [[ -z "$OUT" ]]; then
        OUT="$ROOT_DIR/runs/reproduce-$PROFILE"
    fi
    if [[ -e "$OUT" && ! -d "$OUT" ]]; then
        usage_error "--out '$OUT' exists and is not a folder"
    fi
    if ! mkdir -p "$OUT" 2>/dev/null || ! [[ -w "$OUT" ]]; then
        usage_error "--out '$OUT' cannot be created or written"
    fi
    OUT="$(cd "$OUT" && pwd)"
    local probe="$OUT/.write-test.$$"
    if ! : >"$probe" 2>/dev/null; then
        usage_error "--out '$OUT' is not writable"
    fi
    rm -f "$probe"
}

known_experiment() {
    local e
    for e in "${EXPERIMENTS[@]}"; do
        [[ "$e" == "$1" ]] && return 0
    done
    return 1
}

# True when ID is selected by the --only patterns (all ids are when there are none); counts
# the matches of each pattern.
selected_job() {
    local id="$1" p kept=1
    ((${#ONLY[@]} > 0)) || return 0
    for p in "${!ONLY[@]}"; do
        # shellcheck disable=SC2053  # the pattern is a glob on purpose
        if [[ "$id" == ${ONLY[$p]} ]]; then
            ONLY_MATCHES[p]=$((ONLY_MATCHES[p] + 1))
            kept=0
        fi
    done
    return "$kept"
}

# add_job ID MARKER WORD…: a job that is done once the file MARKER exists; WORD… is the
# command, run with its output in the job's log. Jobs that --only leaves out are not added.
add_job() {
    local id="$1" marker="$2"
    shift 2
    PLANNED_ANY_ID="${PLANNED_ANY_ID:-$id}"
    selected_job "$id" || return 0
    JOB_IDS+=("$id")
    JOB_MARKERS+=("$marker")
    JOB_COMMANDS+=("$(printf '%q ' "$@")")
}

# add_train_job ID RUN_FOLDER OPTION…: `kgan train` into RUN_FOLDER, done at its summary.
add_train_job() {
    local id="$1" run="$2"
    shift 2
    add_job "$id" "$run/summary.json" "$KGAN" train "$@" --out "$run" --overwrite
}

# The job's log and status files, under OUT/logs/ with the job id as relative path.
log_of() { echo "$OUT/logs/$1.log"; }
status_of() { echo "$OUT/logs/$1.status"; }

# Settings of each profile for the GAN experiments. quick: the protocol's networks with fewer
# steps and seeds; smoke: tiny networks, a few steps, one seed (tests every code path fast).
profile_settings() {
    case "$PROFILE" in
        full)
            SEEDS=(1 2 3 4 5)
            TRAIN_SIZE=(--steps 25000 --eval-every 1000)
            ;;
        quick)
            SEEDS=(1 2)
            TRAIN_SIZE=(--steps 200 --eval-every 100)
            ;;
        smoke)
            SEEDS=(1)
            TRAIN_SIZE=(--steps 6 --eval-every 3 --batch-size 32 --latent-dim 4
                --generator-hidden 8,8 --discriminator-hidden 8 --eval-samples 100
                --witnesses 2)
            ;;
    esac
}

# Runs one job in the background context of run_jobs; writes its status file.
run_one() {
    local k="$1" total="$2"
    local id="${JOB_IDS[$k]}"
    local log status started
    log="$(log_of "$id")"
    status="$(status_of "$id")"
    mkdir -p "$(dirname "$log")"
    started=$SECONDS
    if (cd "$ROOT_DIR" && eval "${JOB_COMMANDS[$k]}") >"$log" 2>&1; then
        echo ok >"$status"
        echo "[$(finished_count)/$total] done   $id ($((SECONDS - started)) s)"
    else
        local code=$?
        echo "failed $code" >"$status"
        echo "[$(finished_count)/$total] FAILED $id (exit $code); log: $log" >&2
    fi
}

finished_count() {
    local n=0 k
    for k in "${RUN_LIST[@]}"; do
        [[ -f "$(status_of "${JOB_IDS[$k]}")" ]] && n=$((n + 1))
    done
    echo "$n"
}

# Every PROGRESS_SECONDS while jobs run, the last progress line of each running job's log.
PROGRESS_SECONDS="${PROGRESS_SECONDS:-60}"

report_running() {
    local k id log line
    for k in "${RUN_LIST[@]}"; do
        id="${JOB_IDS[$k]}"
        log="$(log_of "$id")"
        if [[ -f "$log" && ! -f "$(status_of "$id")" ]]; then
            # The JVM's incubator-module warning is not progress.
            line="$({ grep -v '^WARNING: Using incubator modules' "$log" 2>/dev/null || true; } |
                tail -n 1 | tr -d '\r' | cut -c1-100)"
            echo "    running $id: ${line:-starting}"
        fi
    done
}

# Runs this shard's jobs, JOBS at a time. Job k (0-based, in plan order) belongs to shard
# (k mod n) + 1. A job whose marker exists is done already and skipped, so a rerun
# continues an interrupted sweep. Returns 1 when a job failed.
run_jobs() {
    local total=${#JOB_IDS[@]} k
    RUN_LIST=()
    for ((k = 0; k < total; k++)); do
        if ((k % SHARD_COUNT + 1 != SHARD_INDEX)); then
            continue
        fi
        if [[ -f "${JOB_MARKERS[$k]}" ]]; then
            echo "skip   ${JOB_IDS[$k]} (done earlier: ${JOB_MARKERS[$k]} exists)"
            mkdir -p "$(dirname "$(status_of "${JOB_IDS[$k]}")")"
            echo ok >"$(status_of "${JOB_IDS[$k]}")"
            continue
        fi
        rm -f "$(status_of "${JOB_IDS[$k]}")"
        RUN_LIST+=("$k")
    done
    local count=${#RUN_LIST[@]}
    echo "$SCRIPT_NAME: $count job(s) to run in shard $SHARD_INDEX/$SHARD_COUNT, $JOBS at a" \
        "time; logs in $OUT/logs"
    ((count > 0)) || return 0

    # Build the launcher once, before jobs could race to build it.
    "$KGAN" --version >/dev/null

    local last_report=$SECONDS pids=()
    for k in "${RUN_LIST[@]}"; do
        while (($(jobs -rp | wc -l) >= JOBS)); do
            sleep 1
            if ((SECONDS - last_report >= PROGRESS_SECONDS)); then
                report_running
                last_report=$SECONDS
            fi
        done
        echo "start  ${JOB_IDS[$k]}"
        run_one "$k" "$count" &
        pids+=($!)
    done
    while (($(jobs -rp | wc -l) > 0)); do
        sleep 1
        if ((SECONDS - last_report >= PROGRESS_SECONDS)); then
            report_running
            last_report=$SECONDS
        fi
    done
    local pid
    for pid in "${pids[@]}"; do
        wait "$pid" || true
    done

    local failed=0
    for k in "${RUN_LIST[@]}"; do
        if [[ "$(cat "$(status_of "${JOB_IDS[$k]}")" 2>/dev/null)" != ok ]]; then
            failed=$((failed + 1))
        fi
    done
    if ((failed > 0)); then
        echo "$SCRIPT_NAME: $failed job(s) failed; see the logs named above" >&2
        return 1
    fi
}

# True when no job of the plan whose id starts with PREFIX is pending: each is done, or has
# failed (its status file says so, whichever shard ran it).
none_pending() {
    local prefix="$1" k
    for ((k = 0; k < ${#JOB_IDS[@]}; k++)); do
        if [[ "${JOB_IDS[$k]}" == "$prefix"* && ! -f "${JOB_MARKERS[$k]}" ]] &&
            ! grep -q '^failed' "$(status_of "${JOB_IDS[$k]}")" 2>/dev/null; then
            return 1
        fi
    done
    return 0
}

# report_runs EXPERIMENT DATA TITLE [REPORT OPTION…] -- METHOD…: `kgan report` over the
# run folders OUT/EXPERIMENT/runs/DATA/METHOD/seed-S that have a config.json, into
# OUT/EXPERIMENT/DATA. Runs whose job failed before writing anything are left out here and
# marked in the index.
report_runs() {
    local experiment="$1" data="$2" title="$3"
    shift 3
    local options=()
    while (($# > 0)) && [[ "$1" != -- ]]; do
        options+=("$1")
        shift
    done
    shift
    local arguments=() method seed run
    for method in "$@"; do
        for seed in "${SEEDS[@]}"; do
            run="$OUT/$experiment/runs/$data/$method/seed-$seed"
            if [[ -f "$run/config.json" ]]; then
                arguments+=("$method=$run")
            fi
        done
    done
    # No run folder: the data set's jobs were left out by --only, or failed at once (the
    # index marks those).
    if ((${#arguments[@]} == 0)); then
        echo "$SCRIPT_NAME: no runs of $experiment/$data to report"
        return 0
    fi
    "$KGAN" report --out "$OUT/$experiment/$data" --title "$title" "${options[@]}" \
        "${arguments[@]}"
}

# Copies Markdown lines from standard input, adding "(not made in this run)" after each link
# whose target, relative to OUT, does not exist: a part --only left out, or a failed report.
mark_missing_links() {
    local line rest out pattern='\]\(([^)]+)\)'
    while IFS= read -r line; do
        out=""
        rest="$line"
        while [[ "$rest" =~ $pattern ]]; do
            out+="${rest%%"${BASH_REMATCH[0]}"*}${BASH_REMATCH[0]}"
            rest="${rest#*"${BASH_REMATCH[0]}"}"
            if [[ ! -e "$OUT/${BASH_REMATCH[1]}" ]]; then
                out+=" (not made in this run)"
            fi
        done
        printf '%s\n' "$out$rest"
    done
}

# Runs the report of an experiment once none of its jobs is pending (failed runs are left
# out of it, and the index marks them); says why not otherwise.
maybe_report() {
    local name="$1"
    local fn="report_${name//-/_}"
    if ! none_pending "$name/"; then
        echo "$SCRIPT_NAME: $name: some jobs are not done yet (other shards); its report" \
            "waits. Rerun with the same --out once they are: finished jobs are skipped" \
            "and the report is made."
        return 0
    fi
    echo "== report: $name"
    if ! "$fn" >"$OUT/logs/$name-report.log" 2>&1; then
        echo "$SCRIPT_NAME: the report of $name FAILED; log: $OUT/logs/$name-report.log" >&2
        return 1
    fi
    cat "$OUT/logs/$name-report.log"
}

# The whole run of one experiment script: options, plan, jobs, report, folder.
experiment_main() {
    local name="$1"
    shift
    SCRIPT_NAME="reproduce/$name.sh"
    SCRIPT_USAGE="reproduce/$name.sh [--quick|--smoke] [--jobs N] [--shard i/n] [--out DIR] \
[--only PATTERN]…"
    parse_options "$@"
    if ((${#SELECTED[@]} > 0)); then
        usage_error "unexpected argument '${SELECTED[0]}'"
    fi
    profile_settings
    check_only_patterns "$name"
    prepare_out
    mkdir -p "$OUT/logs"
    "plan_${name//-/_}"
    local status=0
    run_jobs || status=1
    maybe_report "$name" || status=1
    echo "output folder: $OUT/$name"
    return "$status"
}
