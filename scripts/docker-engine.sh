#!/usr/bin/env bash
# Makes sure a Docker engine and the Compose v2 plugin answer, and says what it did.
#
# Nothing to do when `docker info` and `docker compose version` already answer.
# Otherwise, as root on Debian 12:
#   - installs docker.io from the system's own sources when dockerd is missing;
#   - installs the Compose v2 CLI plugin from Debian 13's docker-compose .deb
#     (Debian 12 packages only Compose v1, which rejects the files' top-level
#     `name:`). That one .deb is fetched with a throw-away apt configuration
#     pointing at Debian 13: the system's sources, lists and packages are never
#     touched by it, so nothing is upgraded from Debian 13;
#   - starts dockerd in the background (log: $DOCKERD_LOG) and waits, bounded,
#     until `docker info` answers.
# Idempotent: a second run finds everything in place and says so.
set -euo pipefail

DOCKERD_LOG=${DOCKERD_LOG:-/var/log/dockerd.log}
DOCKERD_WAIT_S=${DOCKERD_WAIT_S:-60}
PLUGIN_DIR=${DOCKER_PLUGIN_DIR:-/usr/local/lib/docker/cli-plugins}
TRIXIE_MIRROR=${TRIXIE_MIRROR:-http://deb.debian.org/debian}

say() { echo "docker-engine: $*"; }
die() { echo "docker-engine: $*" >&2; exit 1; }

engine_answers() { timeout 20 docker info --format '{{.ServerVersion}}' >/dev/null 2>&1; }
compose_answers() { timeout 20 docker compose version >/dev/null 2>&1; }

need_root() {
  [ "$(id -u)" = 0 ] || die "$1 needs root (run this script as root, or start the engine yourself)"
}

install_engine() {
  command -v dockerd >/dev/null 2>&1 && return 0
  need_root "installing docker.io"
  say "installing docker.io (Debian 12)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends docker.io >/dev/null
}

# Downloads docker-compose from Debian 13 with an apt configuration of its own
# (sources, lists, cache all in a temp dir) and copies out only the plugin.
install_compose_plugin() {
  compose_answers && return 0
  need_root "installing the Compose plugin"
  local tmp rc=0
  tmp=$(mktemp -d)
  fetch_compose_plugin "$tmp" || rc=$?
  rm -rf "$tmp"
  [ "$rc" = 0 ] || die "could not install the Compose plugin from Debian 13"
  compose_answers || die "docker compose version still fails after installing the plugin"
}

fetch_compose_plugin() {
  local tmp=$1
  mkdir -p "$tmp/lists/partial" "$tmp/archives/partial" "$tmp/deb"
  cat >"$tmp/trixie.sources" <<SRC
Types: deb
URIs: $TRIXIE_MIRROR
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  local apt_opts=(
    -o "Dir::Etc::SourceList=/dev/null"
    -o "Dir::Etc::SourceParts=$tmp/none"
    -o "Dir::State::Lists=$tmp/lists"
    -o "Dir::Cache=$tmp"
    -o "Dir::Cache::archives=$tmp/archives"
    -o "Debug::NoLocking=1"
    # The temp dir is root's: download as root rather than open it to _apt.
    -o "APT::Sandbox::User=root"
    -o "APT::Get::List-Cleanup=0"
  )
  mkdir -p "$tmp/none" && cp "$tmp/trixie.sources" "$tmp/none/trixie.sources"
  say "downloading docker-compose (Compose v2) from Debian 13 into a temporary apt root"
  apt-get "${apt_opts[@]}" update -qq
  (cd "$tmp/deb" && apt-get "${apt_opts[@]}" download docker-compose >/dev/null)
  dpkg-deb -x "$tmp"/deb/docker-compose_*.deb "$tmp/root"
  local bin
  bin=$(find "$tmp/root" -path '*cli-plugins/docker-compose' -type f | head -n1)
  [ -n "$bin" ] || die "the Debian 13 docker-compose package holds no cli-plugins/docker-compose"
  install -D -m 0755 "$bin" "$PLUGIN_DIR/docker-compose"
  say "installed the plugin from $(basename "$(ls "$tmp"/deb/*.deb)") as $PLUGIN_DIR/docker-compose"
}

start_engine() {
  engine_answers && return 0
  need_root "starting dockerd"
  if ! pgrep -x dockerd >/dev/null 2>&1; then
    say "starting dockerd (log: $DOCKERD_LOG)"
    mkdir -p "$(dirname "$DOCKERD_LOG")"
    # setsid + nohup: the engine outlives this script and its terminal.
    setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
  else
    say "dockerd is running but not answering yet; waiting"
  fi
  local waited=0
  until engine_answers; do
    [ "$waited" -lt "$DOCKERD_WAIT_S" ] || die "no answer from dockerd after ${DOCKERD_WAIT_S}s; last log lines: $(tail -n 5 "$DOCKERD_LOG" 2>/dev/null | tr '\n' ' ')"
    sleep 1
    waited=$((waited + 1))
  done
  say "dockerd answers after ${waited}s"
}

main() {
  if engine_answers && compose_answers; then
    say "engine and Compose already answer, nothing to do"
  else
    install_engine
    install_compose_plugin
    start_engine
  fi
  say "engine $(docker info --format '{{.ServerVersion}}'), $(docker compose version | head -n1)"
}

main "$@"
