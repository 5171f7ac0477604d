#!/bin/sh
# Installs what the conformance run (npm run test:conformance) needs on a fresh Debian machine:
# the brokers and the database it starts natively, Java and Maven for Kafka, and the Kafka jars
# (fetched from Maven Central into ~/.cache/polyglot-canvas). Run it after `npm ci` (it uses
# tsx). Idempotent and quiet: it only prints what it installs and what it cannot.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
need=""
have() { command -v "$1" >/dev/null 2>&1; }

have redis-server || need="$need redis-server"
have nats-server || [ -x /usr/sbin/nats-server ] || need="$need nats-server"
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need="$need rabbitmq-server"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need="$need postgresql"
have java || need="$need openjdk-17-jdk-headless"
have mvn || need="$need maven"
have setpriv || need="$need util-linux"
# protoc, and the well-known types' .proto files it imports (google/protobuf/*.proto), for Go
have protoc || need="$need protobuf-compiler"
[ -f /usr/include/google/protobuf/timestamp.proto ] || need="$need libprotobuf-dev"
# Ruby · Sinatra stubs build with Debian's Ruby and gems (RubyGems is not reached): the packages
# of the versions their Gemfile.lock pins (src/core/generators/stubs/ruby/manifest.ts).
have ruby || need="$need ruby"
have bundle || need="$need ruby-bundler"
for pkg in ruby-sinatra puma ruby-rack ruby-json ruby-bunny ruby-redis ruby-pg ruby-grpc ruby-grpc-tools ruby-google-protobuf ruby-googleapis-common-protos-types; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need="$need $pkg"
done

# Native modules of Python services (ctypes, cffi, Cython, PyO3) compile C against Python's headers
have gcc || need="$need gcc libc6-dev"
python3 -c 'import os,sys,sysconfig; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' ||
  need="$need python3-dev"

if [ -n "$need" ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "conformance: installing$need"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $need >/dev/null
fi

# The Kafka broker's jars, cached; a second run finds them and returns at once.
cd "$root"
npx --no-install tsx conformance/infra/up.ts --prefetch kafka redis rabbitmq nats postgres

# The stubs' toolchains are not Debian packages of a recent enough version; say what is missing.
for tool in python3 go cargo node java mvn ruby bundle; do
  have "$tool" || echo "conformance: $tool is not on PATH; services that need it are skipped" >&2
done
exit 0
