#!/usr/bin/env bash
# Spark integration test of `dateline extract | merge | render` (issue 6).
#
# Installs pyspark, pyarrow and pandas (mapInArrow needs all three) into .venv-spark when no Python on the machine
# has them (skips, with a message, only when that install fails), builds the
# binary, generates a few thousand articles from the samples, and runs
# tests/spark/check_pipeline.py in local[2]: identity with `extract | merge`
# and `build`, plus the failure cases. Java 17+ must be installed.
#
# Environment: DATELINE_SPARK_ARTICLES (default 3000) articles to generate;
# DATELINE_SPARK_VENV (default .venv-spark) where to install pyspark;
# DATELINE_SPARK_CONNECT=1 also runs every DataFrame case on Spark Connect (a
# local Connect server started by the client, `builder.remote("local[2]")`;
# installs pyspark[connect]; adds about a minute, so it is opt-in).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
start=$SECONDS
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
n="${DATELINE_SPARK_ARTICLES:-3000}"
venv="${DATELINE_SPARK_VENV:-$root/.venv-spark}"

connect="${DATELINE_SPARK_CONNECT:-0}"
needs='import pyspark, pyarrow, pandas'
packages=(pyspark pyarrow 'pandas<3')
if [ "$connect" = 1 ]; then
    needs="$needs, grpc, grpc_status, google.rpc, zstandard"
    packages=('pyspark[connect]' pyarrow 'pandas<3')
fi

python=""
for candidate in "$venv/bin/python" python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "$needs" 2>/dev/null; then
        python="$candidate"
        break
    fi
done
if [ -z "$python" ]; then
    echo "-- installing ${packages[*]} into $venv"
    if ! { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check "${packages[@]}"; }; then
        echo "SKIP: Spark test: pyspark cannot be installed on this machine"
        exit 0
    fi
    python="$venv/bin/python"
fi
if ! command -v java >/dev/null 2>&1; then
    echo "FAIL: Spark test: pyspark is installed but no java is on PATH (Spark needs Java 17+)" >&2
    exit 1
fi
echo "-- pyspark ready ($SECONDS s): $("$python" -c 'import pyspark; print(pyspark.__version__)')"

# The test profile (opt-level 1) is what `cargo test` just built in CI: no
# extra compile, and extraction runs ~10x faster than an opt-level 0 build.
cargo build --quiet --profile test
bin="$root/target/debug/dateline"
work="$(mktemp -d "${TMPDIR:-/tmp}/dateline-spark.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Articles: the samples as dateline reads them, recombined; the generator's
# own paragraphs when there are no samples (or `articles` cannot read them).
samples="$work/samples.jsonl"
if [ -d data/samples ] && "$bin" articles data/samples --format jsonl >"$samples" 2>"$work/articles.err" \
    && [ -s "$samples" ]; then
    echo "-- generating $n articles from $(wc -l <"$samples") sample articles"
else
    echo "-- generating $n articles from the generator's built-in paragraphs (no readable data/samples)"
    : >"$samples"
fi
echo "-- generator and binary ready ($((SECONDS - start)) s)"
"$python" tests/spark/gen_articles.py "$n" "$samples" --seed 6 >"$work/articles.jsonl"

"$python" tests/spark/check_pipeline.py "$bin" "$work/articles.jsonl" "$work/run"
echo "-- classic Spark checks done ($((SECONDS - start)) s)"
if [ "$connect" = 1 ]; then
    "$python" tests/spark/check_pipeline.py "$bin" "$work/articles.jsonl" "$work/run-connect" --connect
    echo "-- Spark Connect checks done ($((SECONDS - start)) s)"
fi
echo "-- Spark test done in $((SECONDS - start)) s"
