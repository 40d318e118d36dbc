#!/bin/sh
# Runs in the nginx image's entrypoint (after its own 30-tune-worker-processes.sh):
# one worker process by default, like the local lab. Round robin and the
# passive failure state (max_fails) are kept per worker, so with several
# workers a distribution or a failover is only exact per worker.
# LAB_NGINX_WORKERS=auto (or a number) overrides.
# Also bounds how long a reload's old workers may live (worker_shutdown_timeout,
# as the local lab's main config does): the compose driver's reload waits for
# them to exit, so a long-lived connection (a live socket) cannot hold it.
# And sizes worker_connections and the file limit as the local lab does.
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
if ! grep -q '^[[:space:]]*worker_shutdown_timeout[[:space:]]' "$conf"; then
  sed -i "s/^worker_processes $workers;/&\nworker_shutdown_timeout 10s;/" "$conf"
fi
# Room for one address's idle half headers without starving everyone else,
# and a file descriptor for each (the local lab's main config: the same two
# numbers, apps/lab/src/nginx/main-conf.ts).
sed -i "s/^\([[:space:]]*\)worker_connections[[:space:]].*;/\1worker_connections 4096;/" "$conf"
if ! grep -q '^[[:space:]]*worker_rlimit_nofile[[:space:]]' "$conf"; then
  sed -i "s/^worker_processes $workers;/&\nworker_rlimit_nofile 8192;/" "$conf"
fi
echo "$0: worker_processes $workers, worker_connections 4096, worker_rlimit_nofile 8192, worker_shutdown_timeout $(sed -n 's/^[[:space:]]*worker_shutdown_timeout[[:space:]]*\([^;]*\);/\1/p' "$conf")"
