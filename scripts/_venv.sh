# Shared by scripts/run and scripts/test: create .venv when missing or when pyproject.toml changed.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
ensure_venv() { # extras, e.g. "" or "[dev]"
  local extras=$1 stamp="$VENV/.installed$1"
  local want; want=$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    "$VENV/bin/python" -m pip install -q -e "$ROOT$extras"
    echo "$want" > "$stamp"
  fi
}
