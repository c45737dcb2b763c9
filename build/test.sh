#!/usr/bin/env bash
# Builds the solution and runs every test project, then prints a summary.
#
#   bash build/test.sh
#
# On a machine missing what the tests need (Debian 12), it installs it with apt:
# chromium (browser tests, certificate PDFs), postgresql (PostgreSQL tests),
# LibreOffice Calc without a GUI (spreadsheet conversion), and maildev from tests/package.json.
# Results (.trx) go to TestResults/test-run/. The last line is
#   Tests: N passed, N failed, N skipped
# and the exit code is non-zero if a test failed, a project did not run, or no test ran.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root="$(pwd)"

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

# A single test still running after this long is treated as hung: its test host is stopped
# and the project counts as failed, so a hang cannot use up the whole run.
hang_timeout="${TEST_HANG_TIMEOUT:-15m}"
results_dir="$repo_root/TestResults/test-run"

step() { printf '\n==> %s\n' "$*"; }

# --- System packages -------------------------------------------------------------

apt_updated=0
apt_install() {
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "error: installing $* needs root (or sudo)." >&2
            return 1
        fi
    fi
    if [ "$apt_updated" -eq 0 ]; then
        step "apt-get update"
        "${sudo[@]}" apt-get update -q
        apt_updated=1
    fi
    step "apt-get install $*"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

have_postgresql() {
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

ensure_chromium() {
    [ -x /usr/bin/chromium ] || apt_install chromium
}

ensure_postgresql() {
    # The PostgreSQL test fixture runs initdb/pg_ctl itself, as the postgres OS user the package creates.
    have_postgresql || apt_install postgresql
}

ensure_libreoffice() {
    # 'libreoffice --headless --convert-to ...' for spreadsheets; no GUI, no Java.
    if ! command -v libreoffice >/dev/null 2>&1 && ! command -v soffice >/dev/null 2>&1; then
        apt_install libreoffice-calc-nogui
    fi
}

ensure_node() {
    command -v npm >/dev/null 2>&1 || apt_install nodejs npm
}

ensure_chromium
ensure_postgresql
ensure_libreoffice
ensure_node

# --- Test tools from npm ---------------------------------------------------------

if [ ! -f tests/node_modules/.package-lock.json ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
    step "npm ci (tests/)"
    (cd tests && npm ci --no-audit --no-fund)
fi

# --- Build -----------------------------------------------------------------------

shutdown_build_servers() {
    dotnet build-server shutdown >/dev/null 2>&1 || true
}
trap shutdown_build_servers EXIT

step "dotnet tool restore"
dotnet tool restore

step "dotnet build TrainingPortal.sln -c Release"
dotnet build TrainingPortal.sln -c Release

# --- Test ------------------------------------------------------------------------

shopt -s nullglob
unit_projects=()
other_projects=()
for project in tests/*/*Tests.csproj; do
    name="$(basename "$project" .csproj)"
    case "$name" in
        TrainingPortal.Testing | TrainingPortal.Benchmarks) continue ;;
        *.Tests) unit_projects+=("$project") ;;
        *) other_projects+=("$project") ;;
    esac
done
shopt -u nullglob
# The browser journeys are the longest suite and spend much of their time waiting on the browser, so they run
# alongside the others: started first, in the background, with their output kept and printed when they end.
# The rest run one after another: unit tests first, then the whole-app integration suite.
foreground=("${unit_projects[@]}")
background=()
for project in "${other_projects[@]}"; do
    if [[ "$project" == *IntegrationTests* ]]; then foreground+=("$project"); else background+=("$project"); fi
done

rm -rf "$results_dir"
mkdir -p "$results_dir"

if [ $(( ${#foreground[@]} + ${#background[@]} )) -eq 0 ]; then
    echo "No test projects found (tests/*/*Tests.csproj)."
    echo "Tests: 0 passed, 0 failed, 0 skipped"
    exit 1
fi

run_tests() {
    local project="$1" name
    name="$(basename "$project" .csproj)"
    dotnet test "$project" --no-build -c Release \
        --logger "trx;LogFileName=$name.trx" \
        --results-directory "$results_dir" \
        --blame-hang-timeout "$hang_timeout" --blame-hang-dump-type none
}

background_pids=()
for project in "${background[@]}"; do
    name="$(basename "$project" .csproj)"
    step "dotnet test $name (in the background; its output follows when it ends)"
    run_tests "$project" >"$results_dir/$name.log" 2>&1 &
    background_pids+=("$!")
done

names=()
exit_codes=()
for project in "${foreground[@]}"; do
    name="$(basename "$project" .csproj)"
    step "dotnet test $name"
    code=0
    run_tests "$project" || code=$?
    names+=("$name")
    exit_codes+=("$code")
done

for i in "${!background[@]}"; do
    name="$(basename "${background[$i]}" .csproj)"
    code=0
    wait "${background_pids[$i]}" || code=$?
    step "dotnet test $name (ran in the background)"
    cat "$results_dir/$name.log"
    names+=("$name")
    exit_codes+=("$code")
done

# --- Summary ---------------------------------------------------------------------

# Reads one numeric attribute of the <Counters .../> element in a .trx file (0 when absent).
counter() {
    local value
    value="$(printf '%s' "$1" | sed -n "s/.*[[:space:]]$2=\"\([0-9]*\)\".*/\1/p")"
    printf '%s' "${value:-0}"
}

total_passed=0
total_failed=0
total_skipped=0
broken_projects=0
problems=()

echo
printf '%-48s %7s %7s %7s %7s  %s\n' "Project" "Total" "Passed" "Failed" "Skipped" "Result"
printf '%-48s %7s %7s %7s %7s  %s\n' "-------" "-----" "------" "------" "-------" "------"
for i in "${!names[@]}"; do
    name="${names[$i]}"
    code="${exit_codes[$i]}"
    trx="$results_dir/$name.trx"
    counters=""
    if [ -f "$trx" ]; then
        counters="$(grep -o '<Counters[^>]*>' "$trx" | head -n 1 || true)"
    fi
    if [ -z "$counters" ]; then
        printf '%-48s %7s %7s %7s %7s  %s\n' "$name" "-" "-" "-" "-" "DID NOT RUN (exit code $code, no results)"
        problems+=("$name did not run")
        broken_projects=$(( broken_projects + 1 ))
        continue
    fi

    total="$(counter "$counters" total)"
    executed="$(counter "$counters" executed)"
    passed="$(counter "$counters" passed)"
    failed=$(( $(counter "$counters" failed) + $(counter "$counters" error) + $(counter "$counters" timeout) + $(counter "$counters" aborted) ))
    skipped=$(( total - executed ))
    if [ "$skipped" -lt 0 ]; then skipped=0; fi

    if [ "$failed" -gt 0 ]; then
        result="FAILED"
        problems+=("$name: $failed failed")
    elif [ "$code" -ne 0 ]; then
        result="RUN ERROR (exit code $code)"
        problems+=("$name: test run ended with exit code $code (crashed, hung or aborted)")
        broken_projects=$(( broken_projects + 1 ))
    elif [ "$total" -eq 0 ]; then
        result="no tests"
    else
        result="passed"
    fi
    printf '%-48s %7s %7s %7s %7s  %s\n' "$name" "$total" "$passed" "$failed" "$skipped" "$result"

    total_passed=$(( total_passed + passed ))
    total_failed=$(( total_failed + failed ))
    total_skipped=$(( total_skipped + skipped ))
done

echo
echo "Results: $results_dir"
if [ $(( total_passed + total_failed )) -eq 0 ]; then
    problems+=("no test ran")
fi
for problem in "${problems[@]}"; do
    echo "Problem: $problem"
done
if [ "$broken_projects" -gt 0 ]; then
    # A project that crashed or did not run counts as one failed test, so the total never looks clean.
    echo "($broken_projects project(s) that crashed or did not run are counted as one failure each.)"
    total_failed=$(( total_failed + broken_projects ))
fi

echo "Tests: $total_passed passed, $total_failed failed, $total_skipped skipped"
[ "${#problems[@]}" -eq 0 ]
