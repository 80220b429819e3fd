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

# npm packages of a folder, installed at the versions of its package-lock.json, again whenever the
# lock changed since the last install. Not `npm ci`: the registry mirror here serves only this
# platform's optional packages (e.g. rollup's native builds), so the lock cannot list the others and
# `npm ci` rejects it as out of sync; `npm install` installs exactly the locked versions all the same.
ensure_npm_packages() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    step "Installing npm packages in $dir"
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
  fi
}

ensure_client_packages() { ensure_npm_packages client; }

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

# A local PostgreSQL for the platform suite's second run: Debian's package, its newest cluster started,
# the postgres user given a password for TCP connections. Prints the connection string (no database).
ensure_postgres() {
  ensure_apt pg_ctlcluster postgresql >&2
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
    as_root pg_createcluster "$version" main >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
    step "Starting PostgreSQL $version" >&2
    as_root pg_ctlcluster "$version" main start >&2
  fi
  local port
  port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
  as_root runuser -u postgres -- psql -q -p "$port" -c "ALTER USER postgres PASSWORD 'capsule'" >/dev/null
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=capsule"
}
