#!/usr/bin/env bash
# Fails when a tracked file outside docs/ refers to the shared folder beside the clone, which a user never has.
set -euo pipefail
cd "$(dirname "$0")/.."
word=shared # spelt through a variable so that this file does not match its own pattern
pattern="\.\./${word}|${word}/(spec|docs|seeds)"
if hits=$(git ls-files -z | grep -zv '^docs/' | xargs -0 grep -nE "$pattern" --); then
  echo "fresh-clone guard: these tracked files refer to ../${word} (a fresh clone has no such folder):" >&2
  echo "$hits" >&2
  exit 1
fi
echo "fresh-clone guard: no tracked file outside docs/ refers to ../${word}"
