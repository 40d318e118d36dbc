#!/bin/sh
# Entrypoint of the stand-in haproxy image, with the official image's
# contract: an argument list starting with an option runs haproxy with it,
# and `haproxy` gets `-W -db` (master-worker, so SIGUSR2 to PID 1 reloads;
# no daemon, so the container lives as long as the master).
set -e
if [ "${1#-}" != "$1" ]; then set -- haproxy "$@"; fi
if [ "$1" = haproxy ]; then
  shift
  set -- haproxy -W -db "$@"
fi
exec "$@"
