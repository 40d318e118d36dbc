#!/bin/sh
# Runs in the nginx image's entrypoint (after its own 30-tune-worker-processes.sh):
# one worker process by default, like the local lab. Round robin and the
# passive failure state (max_fails) are kept per worker, so with several
# workers a distribution or a failover is only exact per worker.
# LAB_NGINX_WORKERS=auto (or a number) overrides.
set -eu

conf=${LAB_NGINX_CONF:-/etc/nginx/nginx.conf}
workers=${LAB_NGINX_WORKERS:-1}

case "$workers" in
  auto | [1-9] | [1-9][0-9]) ;;
  *) echo "$0: LAB_NGINX_WORKERS must be auto or a number from 1 to 99, got '$workers'" >&2; exit 1 ;;
esac

if ! grep -q '^[[:space:]]*worker_processes[[:space:]]' "$conf"; then
  echo "$0: no worker_processes line in $conf; leaving it as it is" >&2
  exit 0
fi
sed -i "s/^[[:space:]]*worker_processes[[:space:]].*;/worker_processes $workers;/" "$conf"
echo "$0: worker_processes $workers"
