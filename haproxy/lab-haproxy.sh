#!/bin/sh
# Writes the lab's HAProxy config for one strategy to stdout, from the same
# replica list the nginx side uses. The ONE place the HAProxy config is built,
# for both ways of running: the lab's local renderer runs it, and an image
# runs it before `haproxy -W -db -f`.
#
# Input:  LB_STRATEGY   round-robin | ip-hash | consistent-hash | sticky-cookie |
#                       url-hash | stick-table | bounded-load
#         LAB_REPLICAS  "app1=host:port app2=host:port …" (removal = omit it)
#         LAB_DOWN      "app2 …"  `disabled` (maintenance): no traffic at all
#         LAB_DRAIN     "app2 …"  `weight 0`: only clients already stuck to it
#         LAB_PEERS     "lb1=host:port lb2=host:port" share the stick table
#         LAB_LOCAL_PEER  this instance's name in LAB_PEERS
#         LAB_LISTEN, LAB_GENERATION, LAB_ADMIN_SOCKET, LAB_CHECK_INTER,
#         LAB_SERVER_TIMEOUT, LAB_STICK_EXPIRE, LAB_BALANCE_FACTOR, LAB_ERRORS_DIR (defaults below)
# Output: the config on stdout; a message on stderr and exit 1 on bad input.
set -eu
# Lists are split on spaces, never globbed: a `*` in input stays a bad name.
set -f

lab_nl='
'
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
LAB_TEMPLATE_SRC=${LAB_TEMPLATE_SRC:-$here/templates}
# Raw HTTP answers HAProxy sends as they are (errorfile): beside the templates.
LAB_ERRORS_DIR=${LAB_ERRORS_DIR:-$here/errors}

fail() {
  echo "lab-haproxy: $*" >&2
  exit 1
}

in_list() {
  case " $2 " in *" $1 "*) return 0 ;; esac
  return 1
}

# An HAProxy time: digits and an optional unit (us ms s m h d).
check_time() {
  lab_digits=${2%us}; lab_digits=${lab_digits%ms}; lab_digits=${lab_digits%[smhd]}
  case "$lab_digits" in '' | *[!0-9]*) fail "$1 must be an HAProxy time like 500ms or 2s, got '$2'" ;; esac
}

check_replicas() {
  [ -n "${LAB_REPLICAS:-}" ] || fail "LAB_REPLICAS is empty (want \"app1=host:port app2=host:port\")"
  for r in $LAB_REPLICAS; do
    name=${r%%=*}
    addr=${r#*=}
    # Names become server names, cookie values and runtime API arguments.
    case "$name" in '' | *[!A-Za-z0-9_-]*) fail "bad replica name in LAB_REPLICAS: '$r'" ;; esac
    case "$addr" in '' | "$r" | *[!A-Za-z0-9_.:\[\]-]*) fail "bad replica address in LAB_REPLICAS: '$r'" ;; esac
  done
  for n in ${LAB_DOWN:-} ${LAB_DRAIN:-}; do
    case " $LAB_REPLICAS " in *" $n="*) ;; *) fail "LAB_DOWN/LAB_DRAIN names an unknown replica: '$n'" ;; esac
  done
}

# A server's id is fixed by its NAME, never by its position or address: the
# consistent ring is built from ids, so every instance rendered from the same
# names builds the same ring, in any order (app3 -> 3). A name without a
# trailing number gets a stable checksum id.
server_id() {
  digits=$(printf '%s' "$1" | sed -n 's/^.*[^0-9]\([0-9][0-9]*\)$/\1/p')
  [ -n "$digits" ] || digits=$(printf '%s' "$1" | sed -n 's/^\([0-9][0-9]*\)$/\1/p')
  digits=$(printf '%s' "$digits" | sed 's/^0*//')
  # Ids start at 1; keep them short so they never collide with checksum ids.
  if [ -n "$digits" ] && [ "${#digits}" -le 6 ]; then
    printf '%s' "$digits"
  else
    printf '%s' "$(($(printf '%s' "$1" | cksum | cut -d' ' -f1) % 900000 + 1000000))"
  fi
}

build_servers() {
  LAB_SERVERS=''
  ids=' '
  for r in $LAB_REPLICAS; do
    name=${r%%=*}
    addr=${r#*=}
    id=$(server_id "$name")
    in_list "$id" "$ids" && fail "replicas map to the same server id $id (from '$name'): rename one"
    ids="$ids$id "
    line="    server $name $addr id $id check"
    [ "$LB_STRATEGY" = sticky-cookie ] && line="$line cookie $name"
    if in_list "$name" "${LAB_DOWN:-}"; then line="$line disabled"
    elif in_list "$name" "${LAB_DRAIN:-}"; then line="$line weight 0"; fi
    LAB_SERVERS="$LAB_SERVERS$line$lab_nl"
  done
  LAB_SERVERS=${LAB_SERVERS%"$lab_nl"}
}

build_peers() {
  LAB_PEERS_SECTION=''
  LAB_STICK_PEERS=''
  [ -n "${LAB_PEERS:-}" ] || return 0
  [ -n "${LAB_LOCAL_PEER:-}" ] || fail "LAB_PEERS is set but LAB_LOCAL_PEER is not"
  case " $LAB_PEERS " in *" $LAB_LOCAL_PEER="*) ;; *) fail "LAB_LOCAL_PEER '$LAB_LOCAL_PEER' is not in LAB_PEERS" ;; esac
  # localpeer is a global keyword: this variable closes the global section.
  LAB_PEERS_SECTION="    localpeer $LAB_LOCAL_PEER${lab_nl}peers lab_peers"
  for p in $LAB_PEERS; do
    pname=${p%%=*}
    paddr=${p#*=}
    case "$pname" in '' | *[!A-Za-z0-9_-]*) fail "bad peer name in LAB_PEERS: '$p'" ;; esac
    case "$paddr" in '' | "$p" | *[!A-Za-z0-9_.:\[\]-]*) fail "bad peer address in LAB_PEERS: '$p'" ;; esac
    LAB_PEERS_SECTION="$LAB_PEERS_SECTION$lab_nl    peer $pname $paddr"
  done
  LAB_STICK_PEERS=" peers lab_peers"
}

pick_template() {
  case "$LB_STRATEGY" in
    round-robin | ip-hash | consistent-hash | sticky-cookie | url-hash | stick-table | bounded-load) ;;
    *) fail "LB_STRATEGY must be one of round-robin ip-hash consistent-hash sticky-cookie url-hash stick-table bounded-load, got '$LB_STRATEGY'" ;;
  esac
  LAB_TEMPLATE="$LB_STRATEGY.cfg.template"
}

# ${LAB_…}/${LB_…} replaced from the environment (awk's ENVIRON keeps
# multi-line values intact); an undefined one is an error, not a silent hole.
substitute() {
  awk -v src="$1" '
    {
      line = $0; out = ""
      while (match(line, /\$\{(LAB|LB)_[A-Za-z0-9_]*\}/)) {
        name = substr(line, RSTART + 2, RLENGTH - 3)
        if (!(name in ENVIRON)) { printf "lab-haproxy: %s references undefined variable %s\n", src, name > "/dev/stderr"; bad = 1; exit 1 }
        out = out substr(line, 1, RSTART - 1) ENVIRON[name]
        line = substr(line, RSTART + RLENGTH)
      }
      print out line
    }
    END { if (bad) exit 1 }' "$1"
}

main() {
  LB_STRATEGY=${LB_STRATEGY:-round-robin}
  LAB_LISTEN=${LAB_LISTEN:-:80}
  LAB_GENERATION=${LAB_GENERATION:-0}
  LAB_ADMIN_SOCKET=${LAB_ADMIN_SOCKET:-/var/run/haproxy-lab.sock}
  LAB_CHECK_INTER=${LAB_CHECK_INTER:-1s}
  LAB_SERVER_TIMEOUT=${LAB_SERVER_TIMEOUT:-5s}
  LAB_STICK_EXPIRE=${LAB_STICK_EXPIRE:-30m}
  LAB_BALANCE_FACTOR=${LAB_BALANCE_FACTOR:-125}
  LAB_RATE_EXEMPT=${LAB_RATE_EXEMPT:-127.0.0.1}
  case "$LAB_GENERATION" in '' | *[!0-9]*) fail "LAB_GENERATION must be a number, got '$LAB_GENERATION'" ;; esac
  case "$LAB_BALANCE_FACTOR" in '' | *[!0-9]*) fail "LAB_BALANCE_FACTOR must be a number, got '$LAB_BALANCE_FACTOR'" ;; esac
  # Times reach the config verbatim: a newline would smuggle in a line.
  check_time LAB_CHECK_INTER "$LAB_CHECK_INTER"
  check_time LAB_SERVER_TIMEOUT "$LAB_SERVER_TIMEOUT"
  check_time LAB_STICK_EXPIRE "$LAB_STICK_EXPIRE"
  # One address or CIDR the per-client limit does not count (the bench: 127.0.0.0/8).
  case "$LAB_RATE_EXEMPT" in '' | *[!0-9A-Fa-f.:/]*) fail "LAB_RATE_EXEMPT must be one address or CIDR, got '$LAB_RATE_EXEMPT'" ;; esac
  case "$LAB_LISTEN" in '' | *[!A-Za-z0-9_.:\[\]*-]*) fail "bad LAB_LISTEN: '$LAB_LISTEN'" ;; esac
  case "$LAB_ADMIN_SOCKET" in '' | *[!A-Za-z0-9_./@+-]*) fail "bad LAB_ADMIN_SOCKET: '$LAB_ADMIN_SOCKET'" ;; esac
  # Quoted in the config: a quote, backslash, dollar or newline would break out.
  case "$LAB_ERRORS_DIR" in '' | *[\"\$\\]* | *"$lab_nl"*) fail "bad LAB_ERRORS_DIR: '$LAB_ERRORS_DIR'" ;; esac
  pick_template
  check_replicas
  build_servers
  build_peers
  export LB_STRATEGY LAB_LISTEN LAB_GENERATION LAB_ADMIN_SOCKET LAB_CHECK_INTER LAB_SERVER_TIMEOUT \
    LAB_STICK_EXPIRE LAB_BALANCE_FACTOR LAB_RATE_EXEMPT LAB_ERRORS_DIR LAB_SERVERS LAB_PEERS_SECTION LAB_STICK_PEERS LAB_TEMPLATE
  for part in global defaults frontend conn-table; do
    substitute "$LAB_TEMPLATE_SRC/parts/$part.cfg.template"
    echo
  done
  substitute "$LAB_TEMPLATE_SRC/$LAB_TEMPLATE"
}

main
