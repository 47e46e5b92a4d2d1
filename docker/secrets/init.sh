#!/usr/bin/env bash
# Creates the secret files compose mounts under /run/secrets (one value per file, owner-only), each only if
# it does not exist yet: re-running never replaces a key (a new zemo.secrets.key would make every stored API
# key unreadable). Keep a copy of secrets_key somewhere safe: backups of the database are useless without it.
set -euo pipefail
cd "$(dirname "$0")"
umask 077
make() { # name, value
  if [[ ! -s "$1" ]]; then printf '%s' "$2" > "$1"; echo "created docker/secrets/$1"; fi
}
rand() { head -c "$1" /dev/urandom | base64 | tr -d '\n'; }
make db_password "$(rand 24 | tr '+/' '-_')"
make redis_password "$(rand 24 | tr '+/' '-_')"
make secrets_key "$(rand 32)"
make admin_password "$(rand 18 | tr '+/' '-_')"
make grafana_admin_password "$(rand 18 | tr '+/' '-_')"
