#!/bin/sh
# Mutation testing of core/ and storage/writes.py (settings: [tool.mutmut] in pyproject.toml),
# then the score. Slow (see README "Mutation testing"), so not part of CI.
#
#   sh tools/mutation.sh [--min 90] [MUTANT_GLOB ...]
#
# MUTANT_GLOB narrows the run, e.g. "psoas_desktop.core.engine*"; the score still counts every
# result mutmut keeps in ./mutants/. Set MUTATION_CHILDREN to run several mutants at once.
set -eu
cd "$(dirname "$0")/.."
min=0
if [ "${1:-}" = "--min" ]; then
    min=$2
    shift 2
fi
export QT_QPA_PLATFORM=offscreen
nice -n 19 uv run mutmut run --max-children "${MUTATION_CHILDREN:-1}" "$@"
uv run python tools/mutation_score.py --min "$min"
