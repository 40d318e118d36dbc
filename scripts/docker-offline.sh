#!/usr/bin/env bash
# Stand-in base images for machines where no container registry answers, and
# the settings that make the project's own `docker compose` commands use them.
#
#   npm run docker:offline
#   set -a; . ./.docker-offline.env; set +a
#   docker compose up --build
#
# Builds, from Debian packages (debootstrap --variant=minbase + docker import):
#   node   Debian 12 + this machine's node and npm, user `node` (uid 1000)
#   nginx  Debian sid + its nginx (1.30.x: open-source `sticky`), wget, curl,
#          gettext-base, and an entrypoint with the official image's contract
#   redis  Debian 12 redis-server + redis-cli, running as `redis` in /data
#   haproxy  Debian sid + its haproxy (3.2), user `haproxy`, the official
#          image's entrypoint (-W -db: master-worker, SIGUSR2 reloads)
# Each tag carries a hash of its recipe: a second run finds the tags and takes
# seconds; a changed recipe builds a new tag.
# Also fills an npm cache on the host (.docker-offline/npm-cache, git-ignored)
# that the cart-api build uses with `npm ci --offline` when NPM_OFFLINE=1.
# Nothing from the host's certificates, credentials or proxy settings goes
# into an image: the node image gets only the node binary and npm's own files.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
HERE=$ROOT/scripts/offline
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
OUT_ENV=$ROOT/.docker-offline.env
CACHE_DIR=$ROOT/.docker-offline/npm-cache
WORK=$(mktemp -d /var/tmp/docker-offline.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

say() { echo "docker-offline: $*"; }
# shellcheck source=offline/need-debootstrap.sh
. "$HERE/need-debootstrap.sh"

# KIND FILES…: a hash of what builds that image (its functions and files), so
# a changed recipe gets a new tag and an unchanged one is found again.
recipe_hash() {
  local kind=$1
  shift
  { declare -f rootfs import_rootfs add_user "build_$kind"; cat "$@"; } | sha256sum | cut -c1-12
}

have_image() { docker image inspect "$1" >/dev/null 2>&1; }

# debootstrap SUITE ROOTFS PACKAGES… ; apt's caches and lists are dropped after.
rootfs() {
  local suite=$1 dir=$2
  shift 2
  local pkgs
  pkgs=$(IFS=,; echo "$*")
  say "debootstrap --variant=minbase $suite (+ $pkgs)"
  debootstrap --variant=minbase --include="$pkgs" "$suite" "$dir" "$MIRROR" >"$WORK/debootstrap-$suite.log" 2>&1 || {
    tail -n 20 "$WORK/debootstrap-$suite.log" >&2
    return 1
  }
  rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir"/var/cache/apt/archives/*.deb
}

# import ROOTFS TAG --change… : the root file system as a one-layer image.
import_rootfs() {
  local dir=$1 tag=$2
  shift 2
  local changes=()
  for c in "$@"; do changes+=(--change "$c"); done
  tar -C "$dir" --numeric-owner -c . | docker import "${changes[@]}" - "$tag" >/dev/null
  rm -rf "$dir"
  say "built $tag"
}

add_user() {
  local dir=$1 name=$2 id=$3 home=$4
  echo "$name:x:$id:" >>"$dir/etc/group"
  echo "$name:x:$id:$id::$home:/bin/sh" >>"$dir/etc/passwd"
  echo "$name:!:19000:0:99999:7:::" >>"$dir/etc/shadow"
  mkdir -p "$dir$home" && chown "$id:$id" "$dir$home"
}

build_node() {
  local tag=$1 dir=$WORK/node
  rootfs bookworm "$dir" ca-certificates
  install -m 0755 "$(readlink -f "$(command -v node)")" "$dir/usr/local/bin/node"
  local npm_dir
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  mkdir -p "$dir/usr/local/lib/node_modules"
  cp -a "$npm_dir" "$dir/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$dir/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$dir/usr/local/bin/npx"
  add_user "$dir" node 1000 /home/node
  import_rootfs "$dir" "$tag" \
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'CMD ["node"]'
}

build_nginx() {
  local tag=$1 dir=$WORK/nginx
  rootfs sid "$dir" nginx,curl,wget,gettext-base,ca-certificates
  add_user "$dir" nginx 101 /nonexistent
  rm -rf "$dir"/etc/nginx/sites-enabled "$dir"/etc/nginx/sites-available
  mkdir -p "$dir/etc/nginx/conf.d" "$dir/etc/nginx/templates" "$dir/docker-entrypoint.d" "$dir/var/log/nginx"
  install -m 0644 "$HERE/nginx.conf" "$dir/etc/nginx/nginx.conf"
  install -m 0755 "$HERE/nginx-entrypoint.sh" "$dir/docker-entrypoint.sh"
  install -m 0755 "$HERE/20-envsubst-on-templates.sh" "$dir/docker-entrypoint.d/20-envsubst-on-templates.sh"
  # As in the official image: the access log to stdout, the error log to stderr.
  ln -sf /dev/stdout "$dir/var/log/nginx/access.log"
  ln -sf /dev/stderr "$dir/var/log/nginx/error.log"
  import_rootfs "$dir" "$tag" \
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'ENTRYPOINT ["/docker-entrypoint.sh"]' \
    'CMD ["nginx", "-g", "daemon off;"]' \
    'EXPOSE 80'
}

# As the official image: config at /usr/local/etc/haproxy/haproxy.cfg, user
# `haproxy` (uid 99) in /var/lib/haproxy. (`docker import` cannot set the
# image's STOPSIGNAL SIGUSR1: docker-compose.haproxy.yml sets stop_signal.)
build_haproxy() {
  local tag=$1 dir=$WORK/haproxy
  rootfs sid "$dir" haproxy
  # The package's user has its own uid; the official image's is 99.
  sed -i '/^haproxy:/d' "$dir/etc/passwd" "$dir/etc/group" "$dir/etc/shadow"
  add_user "$dir" haproxy 99 /var/lib/haproxy
  mkdir -p "$dir/usr/local/etc/haproxy"
  install -m 0755 "$HERE/haproxy-entrypoint.sh" "$dir/usr/local/bin/docker-entrypoint.sh"
  import_rootfs "$dir" "$tag" \
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'USER haproxy' \
    'WORKDIR /var/lib/haproxy' \
    'ENTRYPOINT ["docker-entrypoint.sh"]' \
    'CMD ["haproxy", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]'
}

build_redis() {
  local tag=$1 dir=$WORK/redis
  rootfs bookworm "$dir" redis-server,redis-tools
  mkdir -p "$dir/data"
  install -m 0755 "$HERE/redis-entrypoint.sh" "$dir/usr/local/bin/docker-entrypoint.sh"
  import_rootfs "$dir" "$tag" \
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'WORKDIR /data' \
    'ENTRYPOINT ["docker-entrypoint.sh"]' \
    'CMD ["redis-server"]' \
    'EXPOSE 6379'
}

ensure() {
  local kind=$1 tag=$2
  if have_image "$tag"; then say "$tag already built"; else need_debootstrap; "build_$kind" "$tag"; fi
}

# The cart-api's dependencies, fetched once on the host (the registry is not
# reachable from inside a container). A scratch copy of the lockfile keeps
# the checkout's node_modules untouched.
fill_npm_cache() {
  local stamp=$CACHE_DIR/.lock-sha
  local want
  want=$(sha256sum package-lock.json | cut -c1-64)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then say "npm cache up to date"; return 0; fi
  say "filling the npm cache for package-lock.json"
  mkdir -p "$WORK/npm" "$CACHE_DIR"
  cp package.json package-lock.json "$WORK/npm/"
  (cd "$WORK/npm" && npm ci --cache "$CACHE_DIR" --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$want" >"$stamp"
}

main() {
  bash "$ROOT/scripts/docker-engine.sh"
  local node_v
  node_v=$(node -p 'process.versions.node')
  local node_tag nginx_tag redis_tag haproxy_tag
  node_tag="sticky-lab-offline/node:$node_v-bookworm-$(recipe_hash node "$(readlink -f "$(command -v node)")")"
  nginx_tag="sticky-lab-offline/nginx:sid-$(recipe_hash nginx "$HERE"/nginx* "$HERE"/20-envsubst-on-templates.sh)"
  redis_tag="sticky-lab-offline/redis:bookworm-$(recipe_hash redis "$HERE"/redis-entrypoint.sh)"
  haproxy_tag="sticky-lab-offline/haproxy:sid-$(recipe_hash haproxy "$HERE"/haproxy-entrypoint.sh)"
  ensure node "$node_tag"
  ensure nginx "$nginx_tag"
  ensure redis "$redis_tag"
  ensure haproxy "$haproxy_tag"
  fill_npm_cache
  cat >"$OUT_ENV" <<ENV
# Written by scripts/docker-offline.sh: stand-in base images built from Debian
# packages. Use: set -a; . ./.docker-offline.env; set +a
NODE_IMAGE=$node_tag
NGINX_IMAGE=$nginx_tag
REDIS_IMAGE=$redis_tag
HAPROXY_IMAGE=$haproxy_tag
NPM_OFFLINE=1
ENV
  say "wrote $OUT_ENV:"
  grep -v '^#' "$OUT_ENV" | sed 's/^/  /'
  say "nginx in $nginx_tag: $(docker run --rm --entrypoint nginx "$nginx_tag" -v 2>&1)"
  say "haproxy in $haproxy_tag: $(docker run --rm "$haproxy_tag" haproxy -v 2>&1 | head -n 1)"
}

main "$@"
