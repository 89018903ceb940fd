# Shared start of ./lpsync and ./test: make sure the Debian packages of
# third_party/debian-packages.txt are installed. Sourced, not run; expects $LPSYNC_ROOT.

lpsync_missing_packages() {
  local pkg missing=()
  while read -r pkg; do
    pkg=${pkg%%#*}
    pkg=${pkg//[[:space:]]/}
    [ -n "$pkg" ] || continue
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done < "$LPSYNC_ROOT/third_party/debian-packages.txt"
  echo "${missing[@]}"
}

lpsync_bootstrap() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "lpsync needs Debian 12 (dpkg-query not found)." >&2
    return 2
  fi
  local missing
  missing=$(lpsync_missing_packages)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "lpsync needs these Debian packages, which are not installed: $missing" >&2
    echo "Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y $missing" >&2
    return 2
  fi
  echo "Installing Debian packages: $missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086
  if ! apt-get install -y -q $missing >&2; then
    echo "apt-get install failed; refreshing the package lists and trying once more." >&2
    apt-get update -q >&2 && apt-get install -y -q $missing >&2 || {
      echo "Could not install: $missing (see apt-get's messages above)." >&2
      return 2
    }
  fi
}
