#!/bin/sh
# Renders the pre-boot and post-boot command files from the environment and the database password secret (as
# the launcher's PostBoot does), then runs Payara Micro with the production flags of PayaraNode.
set -eu

escape() { # asadmin property syntax: \ : = " and space are escaped with a backslash
  printf '%s' "$1" | sed -e 's/[\\:=" ]/\\&/g'
}

db_password="-"
if [ -n "${ZEMO_DB_PASSWORD_FILE:-}" ] && [ -r "$ZEMO_DB_PASSWORD_FILE" ]; then
  db_password=$(cat "$ZEMO_DB_PASSWORD_FILE")
elif [ -n "${ZEMO_DB_PASSWORD:-}" ]; then
  db_password=$ZEMO_DB_PASSWORD
fi
unset ZEMO_DB_PASSWORD

run_dir=$(mktemp -d /tmp/zemo-payara.XXXXXX)
umask 077
post_boot="$run_dir/post-boot.asadmin"
# sed replacement strings: escape & | and \ once more
sub() { printf '%s' "$1" | sed -e 's/[&|\\]/\\&/g'; }
sed -e "s|@SECRETS_DIR@|$(sub "$ZEMO_SECRETS_DIR")|" \
    -e "s|@DB_POOL_MAX@|$(sub "$ZEMO_DB_POOL_MAX")|" \
    -e "s|@DB_HOST@|$(sub "$(escape "$ZEMO_DB_HOST")")|" \
    -e "s|@DB_PORT@|$(sub "$ZEMO_DB_PORT")|" \
    -e "s|@DB_NAME@|$(sub "$(escape "$ZEMO_DB_NAME")")|" \
    -e "s|@DB_USER@|$(sub "$(escape "$ZEMO_DB_USER")")|" \
    -e "s|@DB_PASSWORD@|$(sub "$(escape "$db_password")")|" \
    /opt/zemo/config/post-boot.asadmin.template > "$post_boot"
unset db_password
# request threads: ZEMO_HTTP_THREADS, else four per core and at least 8 (PostBoot.httpThreads)
http_threads=${ZEMO_HTTP_THREADS:-$(( $(nproc) * 4 > 8 ? $(nproc) * 4 : 8 ))}
http_threads_min=$(( http_threads < 4 ? http_threads : 4 ))
pre_boot="$run_dir/pre-boot.asadmin"
sed -e "s|@HTTP_THREADS@|$http_threads|" -e "s|@HTTP_THREADS_MIN@|$http_threads_min|" \
    /opt/zemo/config/pre-boot.asadmin.template > "$pre_boot"
umask 022
mkdir -p "$ZEMO_HOME/logs"

# shellcheck disable=SC2086 # ZEMO_JAVA_OPTS is a list of options
exec java $ZEMO_JAVA_OPTS \
  -Dzemo.node.name="$ZEMO_NODE_NAME" -Dzemo.home="$ZEMO_HOME" -Djava.awt.headless=true \
  -jar /opt/payara/payara-micro.jar \
  --nohazelcast \
  --port "$ZEMO_HTTP_PORT" \
  --rootdir "$run_dir/root" \
  --addLibs /opt/zemo/lib/postgresql.jar \
  --prebootcommandfile "$pre_boot" \
  --postbootcommandfile "$post_boot" \
  --contextroot / \
  --deploy /opt/zemo/zemo.war
