#!/usr/bin/env bash
# Build, start and stop FerretDB 1.24.2 (MongoDB wire protocol on PostgreSQL) for the
# server-backed tests. See DESIGN.md, "MongoDB-wire server in CI", for why it is built this way.
#
#   scripts/ci/ferretdb.sh build              build once, then reuse the cached binary
#   scripts/ci/ferretdb.sh start <port> <db>  (re)create PostgreSQL database <db>, run FerretDB
#                                             on 127.0.0.1:<port> in the background
#   scripts/ci/ferretdb.sh stop [port]        stop the instance on <port> (all started ones
#                                             when no port is given)
#   scripts/ci/ferretdb.sh bin                print the path of the cached binary
#
# Settings (environment):
#   FERRETDB_BIN      binary path (default: ${XDG_CACHE_HOME:-$HOME/.cache}/gongjian/ferretdb-1.24.2)
#   FERRETDB_RUN_DIR  pid, log and state files (default: ${TMPDIR:-/tmp}/gongjian-ferretdb)
#   FERRETDB_PG_HOST, FERRETDB_PG_PORT, FERRETDB_PG_USER  PostgreSQL (127.0.0.1, 5432, postgres)
#   FERRETDB_POOL_MAX_CONNS  backend pool size (default 64; PostgreSQL allows 100 in all)
#   FERRETDB_START_TIMEOUT   seconds to wait for the port to answer (default 60)
set -euo pipefail

readonly FERRETDB_MODULE='github.com/FerretDB/FerretDB'
readonly FERRETDB_VERSION='v1.24.2'
readonly CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/gongjian"
readonly BIN="${FERRETDB_BIN:-$CACHE_ROOT/ferretdb-${FERRETDB_VERSION#v}}"
readonly RUN_DIR="${FERRETDB_RUN_DIR:-${TMPDIR:-/tmp}/gongjian-ferretdb}"
readonly PG_HOST="${FERRETDB_PG_HOST:-127.0.0.1}"
readonly PG_PORT="${FERRETDB_PG_PORT:-5432}"
readonly PG_USER="${FERRETDB_PG_USER:-postgres}"
readonly POOL_MAX_CONNS="${FERRETDB_POOL_MAX_CONNS:-64}"
readonly START_TIMEOUT="${FERRETDB_START_TIMEOUT:-60}"

log() { printf 'ferretdb: %s\n' "$*" >&2; }
die() {
  printf 'ferretdb: error: %s\n' "$*" >&2
  exit 1
}
usage() {
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

find_go() {
  if command -v go >/dev/null 2>&1; then
    command -v go
  elif [[ -x /usr/local/go/bin/go ]]; then
    echo /usr/local/go/bin/go
  else
    die 'Go is needed to build FerretDB and was not found (PATH, /usr/local/go/bin)'
  fi
}

binary_ok() {
  [[ -x "$BIN" ]] && "$BIN" --version >/dev/null 2>&1
}

cmd_build() {
  if binary_ok; then
    log "using cached binary $BIN"
    return 0
  fi
  local go work json dir
  go="$(find_go)"
  log "building FerretDB $FERRETDB_VERSION with $("$go" version) (first time takes a few minutes)"
  work="$(mktemp -d "${TMPDIR:-/tmp}/gongjian-ferretdb-build.XXXXXX")"
  # shellcheck disable=SC2064 # expand $work now
  trap "chmod -R u+w '$work' 2>/dev/null || true; rm -rf '$work'" EXIT

  # `go install ...@version` needs the proxy's version list, which is refused here;
  # downloading the one version directly works.
  json="$(cd "$work" && "$go" mod download -json "$FERRETDB_MODULE@$FERRETDB_VERSION")" ||
    die "go mod download failed: $json"
  dir="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir":[[:space:]]*"\(.*\)",\{0,1\}[[:space:]]*$/\1/p')"
  [[ -n "$dir" && -d "$dir" ]] || die "no module directory in go mod download output: $json"

  cp -R "$dir" "$work/src"
  chmod -R u+w "$work/src"
  # The module lacks this generated file; the binary panics at start without it.
  mkdir -p "$work/src/build/version"
  printf '%s' "$FERRETDB_VERSION" >"$work/src/build/version/version.txt"

  mkdir -p "$(dirname "$BIN")"
  (cd "$work/src" && "$go" build -buildvcs=false -trimpath -o "$work/ferretdb" ./cmd/ferretdb)
  mv -f "$work/ferretdb" "$BIN.tmp.$$"
  mv -f "$BIN.tmp.$$" "$BIN"
  binary_ok || die "built binary $BIN does not run"
  log "built $BIN ($("$BIN" --version 2>/dev/null | head -n 1))"
}

port_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

psql_admin() {
  PGOPTIONS='-c client_min_messages=warning' psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -q -X "$@"
}

pid_file() { echo "$RUN_DIR/ferretdb-$1.pid"; }

cmd_start() {
  [[ $# -eq 2 ]] || usage
  local port="$1" db="$2"
  if ! [[ "$port" =~ ^[1-9][0-9]{0,4}$ ]] || ((port > 65535)); then
    die "bad port: $port"
  fi
  [[ "$db" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "bad database name (use [a-z0-9_]): $db"
  command -v psql >/dev/null 2>&1 || die 'psql (PostgreSQL client) not found'

  binary_ok || cmd_build

  local pidf
  pidf="$(pid_file "$port")"
  if [[ -f "$pidf" ]] && kill -0 "$(cat "$pidf")" 2>/dev/null; then
    die "FerretDB already running on port $port (pid $(cat "$pidf")); run: $0 stop $port"
  fi
  if port_answers "$port"; then
    die "127.0.0.1:$port is already in use by another process"
  fi

  log "recreating PostgreSQL database $db on $PG_HOST:$PG_PORT"
  psql_admin -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" -c "CREATE DATABASE \"$db\"" ||
    die "could not recreate database $db on PostgreSQL $PG_HOST:$PG_PORT (is it running?)"

  mkdir -p "$RUN_DIR"
  local state_dir="$RUN_DIR/state-$port" logf="$RUN_DIR/ferretdb-$port.log"
  rm -rf "$state_dir"
  mkdir -p "$state_dir"
  : >"$logf"

  # Never the SQLite handler: it scans whole collections on updates and non-_id finds.
  nohup "$BIN" \
    --handler=postgresql \
    "--postgresql-url=postgres://$PG_USER@$PG_HOST:$PG_PORT/$db?pool_max_conns=$POOL_MAX_CONNS" \
    "--listen-addr=127.0.0.1:$port" \
    --telemetry=disable \
    "--state-dir=$state_dir" \
    --debug-addr=127.0.0.1:0 \
    --log-level=WARN \
    </dev/null >>"$logf" 2>&1 &
  local pid=$!
  echo "$pid" >"$pidf"

  local waited=0
  until port_answers "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pidf"
      tail -n 40 "$logf" >&2 || true
      die "FerretDB exited during start (log: $logf)"
    fi
    if ((waited >= START_TIMEOUT * 10)); then
      tail -n 40 "$logf" >&2 || true
      kill "$pid" 2>/dev/null || true
      rm -f "$pidf"
      die "FerretDB did not answer on 127.0.0.1:$port within ${START_TIMEOUT}s (log: $logf)"
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  log "running on 127.0.0.1:$port (pid $pid, database $db, log $logf)"
}

stop_one() {
  local pidf="$1" pid port
  port="$(basename "$pidf" .pid)"
  port="${port#ferretdb-}"
  pid="$(cat "$pidf" 2>/dev/null || true)"
  rm -f "$pidf"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 100; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "pid $pid did not stop on TERM; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    log "stopped instance on port $port (pid $pid)"
  fi
  rm -rf "$RUN_DIR/state-$port"
}

cmd_stop() {
  [[ $# -le 1 ]] || usage
  if [[ $# -eq 1 ]]; then
    [[ -f "$(pid_file "$1")" ]] || {
      log "no instance recorded on port $1"
      return 0
    }
    stop_one "$(pid_file "$1")"
    return 0
  fi
  local f found=0
  shopt -s nullglob
  for f in "$RUN_DIR"/ferretdb-*.pid; do
    found=1
    stop_one "$f"
  done
  ((found)) || log 'no instance recorded'
}

main() {
  [[ $# -ge 1 ]] || usage
  local cmd="$1"
  shift
  case "$cmd" in
  build) cmd_build ;;
  start) cmd_start "$@" ;;
  stop) cmd_stop "$@" ;;
  bin) echo "$BIN" ;;
  -h | --help | help) usage ;;
  *) usage ;;
  esac
}

main "$@"
