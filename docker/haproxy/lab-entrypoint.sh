#!/bin/sh
# The lab's HAProxy under Compose: renders the config with the same generator
# the process side uses (haproxy/lab-haproxy.sh, mounted read-only at
# $LAB_HAPROXY_DIR), then hands over to the image's own entrypoint
# (official contract: `haproxy -W -db`, master-worker, SIGUSR2 reloads).
#
#   lab-entrypoint.sh haproxy -f CFG …  render CFG, then run the image's entrypoint
#   lab-entrypoint.sh reload            re-render from this exec's environment,
#                                       check it, swap it in, SIGUSR2 to PID 1,
#                                       wait for the old workers to exit
#
# Docker-only addition to the rendered config: names are resolved through
# Docker's DNS at run time (`resolvers`, `init-addr last,libc,none`), so the
# balancer (re)starts while a replica is stopped and finds it when it returns,
# as nginx's LAB_RESOLVER does. A bad config never replaces a good one.
set -eu

dir=${LAB_HAPROXY_DIR:-/usr/local/etc/haproxy/lab}
cfg=${LAB_HAPROXY_CFG:-/var/lib/haproxy/haproxy.cfg}

render() {
  out=$1
  sh "$dir/lab-haproxy.sh" >"$out.body"
  if [ -n "${LAB_RESOLVER:-}" ]; then
    case "$LAB_RESOLVER" in *[!0-9.]*) echo "lab-entrypoint: LAB_RESOLVER must be an IPv4 address, got '$LAB_RESOLVER'" >&2; exit 1 ;; esac
    # A second default-server line adds to the first one.
    sed 's/^\( *\)default-server .*/&\n\1default-server init-addr last,libc,none resolvers docker/' "$out.body" >"$out"
    printf '\nresolvers docker\n    nameserver dns %s:53\n    hold valid 1s\n' "$LAB_RESOLVER" >>"$out"
    rm -f "$out.body"
  else
    mv "$out.body" "$out"
  fi
}

if [ "${1:-}" = reload ]; then
  render "$cfg.next"
  haproxy -c -q -f "$cfg.next"
  mv "$cfg.next" "$cfg"
  # PID 1 is the master; done once its old workers are gone.
  exec sh /usr/local/bin/lab-reload-and-wait.sh 1 kill -USR2 1
fi

render "$cfg"
haproxy -c -q -f "$cfg"
exec docker-entrypoint.sh "$@"
