#!/bin/sh
# Entrypoint of the stand-in nginx image, honouring the official image's
# documented contract: when the command is nginx, every
# /docker-entrypoint.d/*.envsh is sourced and every *.sh run, in `sort -V`
# order, before nginx starts (NGINX_ENTRYPOINT_QUIET_LOGS silences it).
set -eu

entrypoint_log() {
  if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then echo "$@"; fi
}

if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
  for f in $(find /docker-entrypoint.d/ -follow -type f -print | sort -V); do
    case "$f" in
      *.envsh)
        if [ -x "$f" ]; then entrypoint_log "$0: sourcing $f"; . "$f"; else entrypoint_log "$0: ignoring $f, not executable"; fi ;;
      *.sh)
        if [ -x "$f" ]; then entrypoint_log "$0: launching $f"; "$f"; else entrypoint_log "$0: ignoring $f, not executable"; fi ;;
      *) entrypoint_log "$0: ignoring $f" ;;
    esac
  done
  entrypoint_log "$0: ready for start up"
fi
exec "$@"
