#!/bin/bash
# End-to-end tests of the bibmark VS Code extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3)
# in Debian's chromium, driven by playwright-core (install both with tests/vscode/install.sh).
#
#   tests/vscode/run.sh [SCENARIO...]    (default: all of diagnostics completion hover quickfix settings restart nojava)
#
# Environment: VSIX (default client-vscode/bibmark.vsix, built by `npm run package`), CORPUS (default
# ../shared/corpus next to the repository; the diagnostics scenario adds one real list from it when present),
# E2E_OUT (screenshots and logs, default tests/vscode/out), KEEP_TMP=1 keeps each scenario's temporary
# folder, UPDATE_SCREENSHOTS=1 saves the hover scenario's screenshot as docs/img/vscode-hover.png (the README's).
#
# Each scenario gets a fresh code-server on a free localhost port, with fresh HOME, user data and
# extensions folders and a temporary copy of fixtures/workspace (the UI saves edits), installs the .vsix
# with `code-server --install-extension`, runs e2e.js, then ends everything it started (the whole session
# of processes: code-server, its extension host and the Java server). Every step has a time limit.
# Exit status: 0 when no scenario failed (a SKIP is not a failure), 1 when one failed, 2 on bad setup.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CS="$HERE/node_modules/.bin/code-server"
VSIX=${VSIX:-$ROOT/client-vscode/bibmark.vsix}
CORPUS=${CORPUS:-$ROOT/../shared/corpus}
OUT=${E2E_OUT:-$HERE/out}
CORPUS_LIST=llms-learning/dev/training/pretrain/mem_manage/offload.md
ALL=(diagnostics completion hover quickfix settings restart nojava)
SCENARIOS=("$@"); [ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=("${ALL[@]}")

die() { echo "vscode-e2e: $*" >&2; exit 2; }
[ -x "$CS" ] || die "code-server is not installed; run tests/vscode/install.sh"
[ -d "$HERE/node_modules/playwright-core" ] || die "playwright-core is not installed; run tests/vscode/install.sh"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || die "chromium is not installed; run tests/vscode/install.sh"
[ -f "$VSIX" ] || die "no extension at $VSIX; build it: ./mvnw -B -ntp -q -DskipTests package && (cd client-vscode && npm ci && npm run package)"
command -v java >/dev/null || die "java is not on PATH (the extension needs Java 17+)"
for s in "${SCENARIOS[@]}"; do [[ " ${ALL[*]} " == *" $s "* ]] || die "unknown scenario '$s' (known: ${ALL[*]})"; done
VSIX=$(realpath "$VSIX")
mkdir -p "$OUT"
HOVER_SCREENSHOT=$OUT/hover.png
if [ -n "${UPDATE_SCREENSHOTS:-}" ]; then mkdir -p "$ROOT/docs/img" && HOVER_SCREENSHOT=$ROOT/docs/img/vscode-hover.png; fi

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# Ends every process of the session that setsid gave code-server (its id is code-server's pid), by id.
end_session() {
  local sid=$1 pids
  for sig in TERM KILL; do
    pids=$(ps -e -o pid=,sid= | awk -v s="$sid" '$2 == s { print $1 }')
    [ -n "$pids" ] || return 0
    # shellcheck disable=SC2086
    kill -s $sig $pids 2>/dev/null
    for _ in $(seq 1 25); do
      pids=$(ps -e -o pid=,sid= | awk -v s="$sid" '$2 == s { print $1 }')
      [ -n "$pids" ] || return 0
      sleep 0.2
    done
  done
}

# run_scenario NAME -> prints the scenario's log; returns 0 PASS, 3 SKIP, other FAIL
run_scenario() {
  local name=$1 W port cspid='' rc jar
  W=$(mktemp -d "${TMPDIR:-/tmp}/bibmark-vscode-$name.XXXXXX")
  export HOME=$W/home XDG_CONFIG_HOME=$W/home/.config XDG_DATA_HOME=$W/home/.local/share XDG_CACHE_HOME=$W/home/.cache
  mkdir -p "$W/data/User" "$HOME"
  cp -r "$HERE/fixtures/workspace" "$W/reading-list"
  if [ "$name" = diagnostics ] && [ -f "$CORPUS/$CORPUS_LIST" ]; then
    mkdir -p "$W/reading-list/corpus" && cp "$CORPUS/$CORPUS_LIST" "$W/reading-list/corpus/" && chmod -R u+w "$W/reading-list/corpus"
    echo "  (with the corpus list $CORPUS_LIST)"
  fi
  cat > "$W/data/User/settings.json" <<'EOF'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "git.enabled": false,
  "files.autoSave": "off",
  "editor.accessibilitySupport": "off"
}
EOF
  local D=(--user-data-dir "$W/data" --extensions-dir "$W/ext") t_install=$SECONDS t_up t_run t_end
  if ! timeout -k 5 90 "$CS" "${D[@]}" --install-extension "$VSIX" > "$W/install.log" 2>&1; then
    echo "  install of $VSIX failed:"; sed 's/^/    /' "$W/install.log" | tail -20
    rm -rf "$W"; return 1
  fi
  jar=$(ls "$W"/ext/bibmark.bibmark-*/server/bibmark.jar 2>/dev/null | head -1)
  [ -f "$jar" ] || { echo "  the installed extension has no server/bibmark.jar"; rm -rf "$W"; return 1; }
  local ENV=()
  if [ "$name" = nojava ]; then
    # PATH without any `java` (links to everything else on PATH) and no JAVA_HOME.
    mkdir -p "$W/nojava-bin"
    local d dirs
    IFS=: read -ra dirs <<< "$PATH"
    for d in "${dirs[@]}"; do
      [ -d "$d" ] && ln -s "$d"/* "$W/nojava-bin/" 2>/dev/null # the first of two same names wins, as on PATH
    done
    rm -f "$W/nojava-bin/java"
    # VSCODE_CLI=1: the server then skips resolving the login shell's environment (which would put
    # /usr/bin back on the extension host's PATH).
    ENV=(env -u JAVA_HOME PATH="$W/nojava-bin" VSCODE_CLI=1)
  fi
  port=$(free_port)
  t_up=$SECONDS
  # A new session (setsid), so that everything code-server starts can be found and ended by its session id;
  # the session leader writes that id (its pid, kept by exec) before becoming code-server.
  setsid bash -c 'echo $$ > "$0/sid"; shift; exec "$@"' "$W" _ "${ENV[@]}" "$CS" "${D[@]}" --auth none \
    --bind-addr "127.0.0.1:$port" --disable-telemetry --disable-update-check --disable-workspace-trust \
    --disable-getting-started-override "$W/reading-list" > "$W/cs.log" 2>&1 < /dev/null &
  local bgpid=$! deadline=$((SECONDS + 60))
  rc=0
  until [ -s "$W/sid" ] || [ $SECONDS -ge $deadline ]; do sleep 0.1; done
  cspid=$(cat "$W/sid" 2>/dev/null)
  [ -n "$cspid" ] || { echo "  code-server did not start"; rc=1; }
  until [ $rc -ne 0 ] || curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do
    if ! kill -0 "$cspid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "  code-server did not come up on port $port:"; tail -20 "$W/cs.log" | sed 's/^/    /'
      rc=1; break
    fi
    sleep 0.2
  done
  t_run=$SECONDS
  if [ $rc -eq 0 ]; then
    E2E_SID=$cspid BIBMARK_JAR=$jar HOVER_SCREENSHOT=$HOVER_SCREENSHOT NODE_PATH="$HERE/node_modules" \
      timeout -k 5 180 node "$HERE/e2e.js" "$name" "http://127.0.0.1:$port" "$W/reading-list" "$W" "$OUT" 2>&1 | sed 's/^/  /'
    rc=${PIPESTATUS[0]}
    [ $rc -eq 124 ] && echo "  e2e.js timed out after 180 s"
  fi
  t_end=$SECONDS
  [ -n "$cspid" ] && end_session "$cspid"
  wait "$bgpid" 2>/dev/null
  echo "  (install $((t_up - t_install)) s, code-server up $((t_run - t_up)) s, scenario $((t_end - t_run)) s, stop $((SECONDS - t_end)) s)"
  if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
    cp "$W/cs.log" "$OUT/$name-code-server.log" 2>/dev/null
    find "$W/data/logs" -name 'bibmark.log' -exec cp {} "$OUT/$name-bibmark.log" \; 2>/dev/null
    echo "  logs: $OUT/$name-code-server.log, $OUT/$name-bibmark.log"
  fi
  if [ -n "${KEEP_TMP:-}" ]; then echo "  kept $W"; else rm -rf "$W"; fi
  return $rc
}

passed=0 failed=0 skipped=0 start=$SECONDS
echo "vscode-e2e: $("$CS" --version 2>/dev/null | head -1 | cut -d' ' -f1,4-), $("${CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null), $(basename "$VSIX")"
for s in "${SCENARIOS[@]}"; do
  t=$SECONDS
  echo "--- $s"
  run_scenario "$s"; rc=$?
  case $rc in
    0) passed=$((passed + 1)); echo "--- $s: PASS ($((SECONDS - t)) s)" ;;
    3) skipped=$((skipped + 1)); echo "--- $s: SKIP ($((SECONDS - t)) s)" ;;
    *) failed=$((failed + 1)); echo "--- $s: FAIL, rc=$rc ($((SECONDS - t)) s)" ;;
  esac
done
echo "vscode-e2e finished in $((SECONDS - start)) s"
echo "vscode: $passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
