# Sourced by scripts/docker-offline.sh (which defines `say`). A fresh machine
# has no debootstrap: install it the way docker-engine.sh installs docker.io
# (as root, from the system's own sources), or say in one line what to do.
need_debootstrap() {
  command -v debootstrap >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "docker-offline: debootstrap not found; as root run: apt-get install -y debootstrap (building the images needs root too)" >&2
    return 1
  fi
  say "installing debootstrap (Debian 12)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  command -v debootstrap >/dev/null 2>&1 || { echo "docker-offline: apt-get installed debootstrap but it is not on PATH ($PATH)" >&2; return 1; }
}
