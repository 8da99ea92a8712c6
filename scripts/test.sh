#!/usr/bin/env bash
# Runs every GridFlow test: process model tests, HTTP integration tests, the MySQL-profile tests against
# MariaDB, front-end unit tests and the browser test. Prepares what they need on a Debian machine first:
# Debian's Chromium for the browser test and a local MariaDB server (127.0.0.1:3306, root, no password).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || ! fc-list 2>/dev/null | grep -qi "wqy\|noto sans cjk"; then
  echo "== installing Debian's chromium for the browser test"
  apt_install chromium fonts-wqy-microhei
fi

mariadb_up() { (echo > /dev/tcp/127.0.0.1/3306) >/dev/null 2>&1; }
if [ -z "${GRIDFLOW_IT_DB_HOST:-}" ] && ! mariadb_up; then
  echo "== starting MariaDB on 127.0.0.1:3306"
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || apt_install mariadb-server
  as_root mkdir -p /run/mysqld
  as_root chown mysql:mysql /run/mysqld 2>/dev/null || true
  as_root start-stop-daemon --start --oknodo --background --make-pidfile --pidfile /run/mysqld/ci.pid \
    --exec /usr/sbin/mariadbd -- --user=mysql --bind-address=127.0.0.1 --port=3306
  for _ in $(seq 1 60); do mariadb_up && break; sleep 1; done
  mariadb_up || { echo "MariaDB did not start on 127.0.0.1:3306" >&2; exit 1; }
fi

export IBM_TELEMETRY_DISABLED=true
exec ./mvnw -B verify "$@"
