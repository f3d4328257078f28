#!/usr/bin/env bash
# Packs the project, installs the tarball into an empty folder and runs the installed command as a user would.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(node -p "require('./package.json').version")
work=$(mktemp -d "${TMPDIR:-/tmp}/provtjanst-mock-smoke.XXXXXX")
serve_pid=
cleanup() {
  if [ -n "$serve_pid" ]; then kill -TERM "$serve_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
step() { echo "package smoke: $*"; }

step "npm pack (dist/ was just built)"
npm pack --ignore-scripts --silent --pack-destination "$work" >/dev/null
tarball=$(ls "$work"/provtjanst-mock-*.tgz)

step "install $(basename "$tarball") into an empty folder"
mkdir "$work/app"
cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "$tarball"

step "npx provtjanst-mock --version"
printed=$(npx --no-install provtjanst-mock --version)
[ "$printed" = "provtjanst-mock $version" ] || { echo "expected 'provtjanst-mock $version', got '$printed'" >&2; exit 1; }

step "generate a small dataset"
npx --no-install provtjanst-mock generate --org 5567044268 --pupils 20 --seed 1 --out data >/dev/null
node -e "const d=require('./data/persons.json').data; if (!(d.length > 20)) { console.error('persons.json has', d.length); process.exit(1) }"

step "conform push --list"
npx --no-install provtjanst-mock conform push --list > list.txt
grep -q '^happy-path — ' list.txt || { echo "conform push --list does not list happy-path" >&2; exit 1; }

step "serve on free ports, ask /alive, stop"
node node_modules/provtjanst-mock/bin/provtjanst-mock.js serve --port 0 --https-port 0 --state-dir state > serve.log 2>&1 &
serve_pid=$!
url=
for _ in $(seq 1 300); do
  url=$(sed -nE 's#^  HTTP   (http://[^ ]+).*#\1#p' serve.log)
  [ -n "$url" ] && break
  kill -0 "$serve_pid" 2>/dev/null || { cat serve.log >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "serve printed no HTTP URL within 30 s" >&2; cat serve.log >&2; exit 1; }
node -e "
fetch(process.argv[1] + '/provtjanst/open-data/v1/alive').then(async (res) => {
  if (res.status !== 200) { console.error('alive answered', res.status, await res.text()); process.exit(1); }
}, (error) => { console.error(error); process.exit(1); });" "$url"
kill -TERM "$serve_pid"
status=0
wait "$serve_pid" || status=$?
serve_pid=
[ "$status" = 0 ] || { echo "serve exited $status after SIGTERM" >&2; cat serve.log >&2; exit 1; }
grep -q 'SIGTERM received, shutting down' serve.log || { echo "serve did not say it shut down" >&2; exit 1; }
step "ok: the tarball installs and its command works"
