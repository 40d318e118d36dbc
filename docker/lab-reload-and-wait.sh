#!/bin/sh
# Reloads a balancer in its container and returns once the old workers are gone.
#
#   lab-reload-and-wait.sh MASTER_PID COMMAND [ARG...]
#
# nginx and HAProxy start the new workers before they retire the old ones, and
# an old worker may still accept a connection, or serve a client's kept-alive
# one, in between: a request right after the new generation answered can
# still meet the old config (a drained replica served, a scale-out nobody sees).
# The old workers are the master's children before COMMAND runs; the engines
# bound their exit (worker_shutdown_timeout, hard-stop-after), and
# LAB_RELOAD_WAIT_S (default 15) bounds the wait here. The same wait as the
# process driver's reload, inside the container.
set -eu

die() { echo "lab-reload-and-wait: $*" >&2; exit 1; }

[ $# -ge 2 ] || die "usage: lab-reload-and-wait.sh MASTER_PID COMMAND [ARG...]"
master=$1
shift
case "$master" in '' | *[!0-9]*) die "MASTER_PID must be a number, got '$master'" ;; esac
[ -d "/proc/$master" ] || die "no process $master"
limit=${LAB_RELOAD_WAIT_S:-15}
case "$limit" in '' | *[!0-9]*) die "LAB_RELOAD_WAIT_S must be a whole number of seconds, got '$limit'" ;; esac

old=""
for s in /proc/[0-9]*/stat; do
  # pid (comm) state ppid …: the engines' comm has no space.
  read -r pid _comm _state ppid _rest <"$s" 2>/dev/null || continue
  [ "$ppid" = "$master" ] && old="$old $pid"
done

"$@"

i=0
while :; do
  alive=""
  for p in $old; do [ -d "/proc/$p" ] && alive="$alive $p"; done
  [ -z "$alive" ] && exit 0
  i=$((i + 1))
  [ "$i" -le $((limit * 10)) ] || die "old workers still running ${limit} s after the reload:$alive"
  sleep 0.1
done
