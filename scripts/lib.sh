# Shared by scripts/run.sh and scripts/test.sh: install what Capsule needs, saying what is done.

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages, installed only when a command they provide is missing.
ensure_apt() {
  local command=$1; shift
  if ! command -v "$command" >/dev/null 2>&1; then
    step "Installing $* from Debian's packages"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  fi
}

# The client's npm packages, reinstalled when package-lock.json changed since the last install.
ensure_client_packages() {
  if [ ! -f client/node_modules/.package-lock.json ] || [ client/package-lock.json -nt client/node_modules/.package-lock.json ]; then
    step "Installing the web client's npm packages (npm ci)"
    (cd client && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Type-checks and builds the web client into the server's wwwroot.
build_client() {
  ensure_client_packages
  step "Type-checking and building the web client"
  (cd client && npm run --silent build -- --logLevel warn)
}

# Builds the client only when its sources are newer than the last build.
ensure_client_built() {
  local built=src/Capsule.Server/wwwroot/index.html
  if [ ! -f "$built" ] || [ -n "$(find client -path client/node_modules -prune -o -type f -newer "$built" -print -quit)" ]; then
    build_client
  fi
}
