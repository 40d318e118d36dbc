#!/bin/sh
# Entrypoint of the stand-in redis image, like the official one: redis-server
# runs as the redis user in /data, and without a config file it is started
# with protected mode off (the container's network is the boundary).
set -eu

if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then set -- redis-server "$@"; fi
if [ "$1" = "redis-server" ] && [ "$(id -u)" = 0 ]; then
  chown -R redis:redis /data
  case "${2:-}" in *.conf) ;; *) shift; set -- redis-server "$@" --protected-mode no ;; esac
  exec setpriv --reuid=redis --regid=redis --init-groups "$@"
fi
exec "$@"
