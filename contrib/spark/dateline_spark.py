"""Run dateline's streaming steps on Apache Spark.

``dateline extract`` is a map step (JSONL articles in, JSONL events out) and
``dateline merge`` a reduce step (events or merged entries in, one merged
entry per ``event_id`` out). This module runs them on Spark without the traps
of a bare ``RDD.pipe()``:

* the binary is resolved inside each task (``SparkFiles.get``, then the path
  given, then ``$DATELINE_BINARY``), so ``--files dateline`` is all a cluster
  needs;
* the child gets the task's full environment (``pipe()`` gives it an empty
  one);
* its stderr is drained by a thread into the executor log and kept (the last
  lines) for the error message;
* a non-zero exit fails the task with that stderr tail (``pipe()`` ignores
  it and loses the partition's events silently);
* the summary line the step writes last on stderr is parsed and its ``read``
  count must equal the lines fed, so a child that stopped early is caught
  even when it exits 0.

Pipeline (``run_pipeline``): ``extract`` per input partition (DataFrame
``mapInArrow``, which also works on Spark Connect; or RDD ``mapPartitions``),
hash-partition the events by ``event_id``, ``merge`` per partition, optionally
write the merged entries as JSONL, and ``dateline render`` on the driver.
Diagnostics (bad article lines, step summaries) travel as rows next to the
data, so the driver reports them on Spark Connect too.

Command line (see contrib/spark/README.md)::

    spark-submit --files target/release/dateline contrib/spark/dateline_spark.py \\
        --input articles.jsonl --out site/
    python contrib/spark/dateline_spark.py --master 'local[2]' \\
        --binary target/release/dateline --input articles.jsonl --out site/
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import stat
import subprocess
import sys
import threading
from typing import Callable, Dict, Iterable, Iterator, List, Optional

__all__ = [
    "StepFailed",
    "StepResult",
    "resolve_binary",
    "run_step",
    "ship_binary",
    "extract_partition",
    "merge_partition",
    "extract_rdd",
    "merge_rdd",
    "extract_rows",
    "merge_rows",
    "pipeline_rdd",
    "extract_df",
    "merge_df",
    "run_pipeline",
    "main",
]

BINARY_NAME = "dateline"
ENV_BINARY = "DATELINE_BINARY"
# How many stderr lines of a failed step go into the task's error.
STDERR_TAIL = 40
# Rows per Arrow batch written by the steps.
ARROW_BATCH_ROWS = 4096
# Columns of an article record, in the order `extract` documents them.
ARTICLE_FIELDS = ("id", "published", "text", "title", "url", "source", "lang")


class StepFailed(RuntimeError):
    """A dateline step failed inside a task: non-zero exit, no summary, or a
    summary whose `read` count differs from the lines fed."""


# --------------------------------------------------------------------------
# Running one step as a child process


def resolve_binary(binary: Optional[str] = None) -> str:
    """Find the dateline binary inside a task (or on the driver).

    Tried in order: the file shipped to the task under ``binary``'s base name
    (``spark-submit --files`` / ``addFile``, read with ``SparkFiles.get``),
    ``binary`` itself as a path, then ``$DATELINE_BINARY``. The first
    existing file wins; it is made executable if shipping lost the bit.
    """
    name = os.path.basename(binary) if binary else BINARY_NAME
    candidates: List[str] = []
    try:
        from pyspark import SparkFiles

        candidates.append(SparkFiles.get(name))
    except Exception:  # no SparkFiles root outside a Spark process
        pass
    if binary:
        candidates.append(binary)
    if os.environ.get(ENV_BINARY):
        candidates.append(os.environ[ENV_BINARY])
    for path in candidates:
        if path and os.path.isfile(path):
            if not os.access(path, os.X_OK):
                try:
                    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
                except OSError:
                    pass
            return os.path.abspath(path)
    raise StepFailed(
        f"dateline binary not found (tried {candidates or [name]}); ship it with "
        f"`spark-submit --files path/to/{name}` or set ${ENV_BINARY}"
    )


class StepResult:
    """What a finished step reported on stderr: its summary and diagnostics."""

    def __init__(self) -> None:
        self.summary: Optional[dict] = None
        self.diagnostics: List[str] = []
        self.tail: collections.deque = collections.deque(maxlen=STDERR_TAIL)
        self.fed = 0
        self.returncode: Optional[int] = None


def run_step(
    binary: str,
    args: List[str],
    lines: Iterable[bytes],
    result: Optional[StepResult] = None,
    log: Optional[Callable[[str], None]] = None,
    max_diagnostics: int = 1000,
    expect_summary: bool = True,
) -> Iterator[bytes]:
    """Run ``binary args``, feed it ``lines`` (bytes without newline) on
    stdin from a thread, and yield its stdout lines (without newline) as they
    come. Raises :class:`StepFailed` at the end when the step failed, stopped
    early, or wrote no summary (``expect_summary``). ``result`` receives the summary and the
    diagnostic lines (at most ``max_diagnostics``)."""
    result = result if result is not None else StepResult()
    log = log or _log_to_stderr
    path = resolve_binary(binary)
    proc = subprocess.Popen(
        [path, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ),  # the task's full environment, not pipe()'s empty one
        bufsize=1 << 16,
    )
    feed_error: List[BaseException] = []

    def feed() -> None:
        try:
            for line in lines:
                proc.stdin.write(line)
                proc.stdin.write(b"\n")
                result.fed += 1
        except BrokenPipeError:
            pass  # the child stopped reading: its exit code / summary tell why
        except BaseException as e:  # an error in the input iterator itself
            feed_error.append(e)
        finally:
            try:
                proc.stdin.close()
            except OSError:
                pass

    def drain() -> None:
        for raw in proc.stderr:
            text = raw.decode("utf-8", "replace").rstrip("\n")
            log(f"dateline {args[0] if args else ''}: {text}")
            try:
                obj = json.loads(text)
            except ValueError:
                obj = None
            if isinstance(obj, dict) and obj.get("summary") is True:
                result.summary = obj
                continue
            result.tail.append(text)
            if len(result.diagnostics) < max_diagnostics:
                result.diagnostics.append(text)

    feeder = threading.Thread(target=feed, name="dateline-feed", daemon=True)
    drainer = threading.Thread(target=drain, name="dateline-stderr", daemon=True)
    feeder.start()
    drainer.start()
    finished = False
    try:
        for out in proc.stdout:
            yield out.rstrip(b"\n")
        finished = True
    finally:
        if not finished:  # the consumer stopped early (or failed): stop the child
            proc.kill()
        proc.stdout.close()
        feeder.join()
        drainer.join()
        result.returncode = proc.wait()
        proc.stderr.close()
    if feed_error:
        raise feed_error[0]
    _check(path, args, result, expect_summary)


def _check(path: str, args: List[str], result: StepResult, expect_summary: bool = True) -> None:
    step = " ".join([os.path.basename(path), *args])
    tail = "\n".join(result.tail)
    where = f"\n--- stderr (last {len(result.tail)} lines) ---\n{tail}" if tail else " (no stderr)"
    if result.returncode != 0:
        raise StepFailed(f"`{step}` exited with code {result.returncode}{where}")
    if not expect_summary:
        return
    if result.summary is None:
        raise StepFailed(f"`{step}` exited 0 without its summary line: it stopped early or is not dateline{where}")
    read = result.summary.get("read")
    if read != result.fed:
        raise StepFailed(f"`{step}` read {read} of the {result.fed} lines fed: it stopped early{where}")


def _log_to_stderr(text: str) -> None:
    # A Python worker's stderr is the executor log.
    sys.stderr.write(text + "\n")


# --------------------------------------------------------------------------
# The steps over plain iterators (what each task runs)


def _article_line(record) -> bytes:
    """An article as one JSONL line: a string is taken as the line itself;
    a dict / Row / tuple of fields is serialised (None fields dropped)."""
    if isinstance(record, bytes):
        return record
    if isinstance(record, str):
        return record.encode("utf-8")
    if hasattr(record, "asDict"):
        record = record.asDict()
    obj = {k: v for k, v in dict(record).items() if v is not None}
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def extract_partition(records: Iterable, binary: str = BINARY_NAME, args: Optional[List[str]] = None,
                      result: Optional[StepResult] = None) -> Iterator[str]:
    """``dateline extract`` over one partition of articles: JSONL strings or
    records with the article fields. Yields event JSON strings in order."""
    lines = (_article_line(r) for r in records)
    for out in run_step(binary, ["extract", *(args or [])], lines, result):
        yield out.decode("utf-8")


def merge_partition(lines: Iterable, binary: str = BINARY_NAME, result: Optional[StepResult] = None
                    ) -> Iterator[str]:
    """``dateline merge`` over one partition of event / entry JSON strings."""
    feed = (line.encode("utf-8") if isinstance(line, str) else line for line in lines)
    for out in run_step(binary, ["merge"], feed, result):
        yield out.decode("utf-8")


# --------------------------------------------------------------------------
# RDD API


def extract_rdd(rdd, binary: str = BINARY_NAME, args: Optional[List[str]] = None):
    """Events (JSON strings) of an RDD of articles (JSONL strings or dicts)."""
    return rdd.mapPartitions(lambda it: extract_partition(it, binary, args))


def event_id_of(line: str) -> str:
    """The `event_id` of an event or merged-entry JSON line."""
    return json.loads(line)["event_id"]


def merge_rdd(events, num_partitions: Optional[int] = None, binary: str = BINARY_NAME):
    """Merged entries (JSON strings) of an RDD of event / entry JSON strings:
    hash-partitioned by `event_id` (so every report of one event meets in one
    partition), then ``dateline merge`` per partition."""
    keyed = events.map(lambda line: (event_id_of(line), line))
    parts = keyed.partitionBy(num_partitions or events.getNumPartitions())
    return parts.mapPartitions(lambda it: merge_partition((line for _, line in it), binary))


# --------------------------------------------------------------------------
# Tagged rows: data and diagnostics side by side, so the driver sees both

# The steps' output rows: `kind` is `event`, `entry`, `diagnostic` or
# `summary`; `json` is the line.
STEP_SCHEMA = "kind string, json string"


def _step_rows(outputs: Iterator[str], kind: str, step: str, result: StepResult) -> Iterator[tuple]:
    for line in outputs:
        yield (kind, line)
    for d in result.diagnostics:
        yield ("diagnostic", d)
    yield ("summary", json.dumps({"step": step, **(result.summary or {})}, separators=(",", ":")))


def extract_rows(records: Iterable, binary: str = BINARY_NAME, args: Optional[List[str]] = None
                 ) -> Iterator[tuple]:
    """`extract` over one partition as `(kind, json)` rows: the events, then
    the step's diagnostics and summary."""
    result = StepResult()
    return _step_rows(extract_partition(records, binary, args, result), "event", "extract", result)


def merge_rows(rows: Iterable[tuple], binary: str = BINARY_NAME) -> Iterator[tuple]:
    """`merge` over one partition of `(kind, json)` rows: `event` and `entry`
    rows are merged into `entry` rows; other rows pass through after them."""
    passed: List[tuple] = []

    def data() -> Iterator[bytes]:
        for kind, js in rows:
            if kind in ("event", "entry"):
                yield js.encode("utf-8")
            else:
                passed.append((kind, js))

    result = StepResult()
    yield from _step_rows(merge_partition(data(), binary, result), "entry", "merge", result)
    # The feeder thread has finished (run_step joined it): `passed` is whole.
    yield from passed


def _key_of(row: tuple):
    kind, js = row
    return event_id_of(js) if kind in ("event", "entry") else None


def pipeline_rdd(lines, num_partitions: int, binary: str = BINARY_NAME):
    """RDD of JSONL article lines → RDD of `(kind, json)` rows after extract
    and merge (classic Spark)."""
    steps = lines.mapPartitions(lambda it: extract_rows(it, binary))
    keyed = steps.keyBy(_key_of).partitionBy(num_partitions)
    return keyed.mapPartitions(lambda it: merge_rows((row for _, row in it), binary))


# --------------------------------------------------------------------------
# DataFrame API (mapInArrow: classic and Spark Connect)


def _batches(rows: Iterable[tuple]) -> Iterator:
    import pyarrow as pa

    kinds: List[str] = []
    jsons: List[str] = []
    for kind, js in rows:
        kinds.append(kind)
        jsons.append(js)
        if len(kinds) >= ARROW_BATCH_ROWS:
            yield pa.RecordBatch.from_arrays([pa.array(kinds, pa.string()), pa.array(jsons, pa.string())],
                                             names=["kind", "json"])
            kinds, jsons = [], []
    if kinds:
        yield pa.RecordBatch.from_arrays([pa.array(kinds, pa.string()), pa.array(jsons, pa.string())],
                                         names=["kind", "json"])


def _article_lines_of_batches(batches) -> Iterator[bytes]:
    for batch in batches:
        names = batch.schema.names
        if names == ["value"]:  # raw JSONL lines (spark.read.text)
            for v in batch.column(0).to_pylist():
                yield (v or "").encode("utf-8")
        else:
            cols = [n for n in names if n in ARTICLE_FIELDS]
            for row in batch.select(cols).to_pylist():
                yield _article_line(row)


def extract_df(df, binary: str = BINARY_NAME, args: Optional[List[str]] = None):
    """``dateline extract`` over a DataFrame of articles: either one string
    column ``value`` of JSONL lines (``spark.read.text``) or columns named as
    the article fields (``id``, ``published``, ``text``, ...). Returns a
    DataFrame ``(kind, json)`` of `event` rows plus one `summary` row and the
    `diagnostic` rows of each task."""

    def fn(batches):
        return _batches(extract_rows(_article_lines_of_batches(batches), binary, args))

    return df.mapInArrow(fn, STEP_SCHEMA)


def merge_df(steps, num_partitions: int, binary: str = BINARY_NAME):
    """Hash-partition the `event` (or `entry`) rows of a step DataFrame by
    `event_id` and ``dateline merge`` each partition. Other rows pass
    through. Returns a DataFrame ``(kind, json)`` of `entry`, `diagnostic`
    and `summary` rows."""
    from pyspark.sql import functions as F

    keyed = steps.withColumn(
        "_key",
        F.when(F.col("kind").isin("event", "entry"), F.get_json_object("json", "$.event_id")),
    )
    parts = keyed.repartition(num_partitions, "_key").drop("_key")

    def fn(batches):
        def rows() -> Iterator[tuple]:
            for batch in batches:
                yield from zip(batch.column(0).to_pylist(), batch.column(1).to_pylist())

        return _batches(merge_rows(rows(), binary))

    return parts.mapInArrow(fn, STEP_SCHEMA)


# --------------------------------------------------------------------------
# Shipping the binary and the whole pipeline


def ship_binary(spark, path: str) -> None:
    """Make ``path`` available to every task as ``SparkFiles.get(basename)``:
    ``addFile`` on classic Spark, ``addArtifacts(file=True)`` on Spark
    Connect."""
    path = os.path.abspath(path)
    try:
        spark.sparkContext.addFile(path)
        return
    except Exception as classic_error:  # Spark Connect has no SparkContext
        try:
            spark.addArtifacts(path, file=True)
        except Exception:
            raise classic_error


def _register_by_value() -> None:
    # Imported as a library, this module's functions are pickled by
    # reference and executors would need it on their path; by value they
    # need nothing.
    if __name__ != "__main__":
        try:
            from pyspark import cloudpickle

            cloudpickle.register_pickle_by_value(sys.modules[__name__])
        except Exception:
            pass


def run_pipeline(
    spark,
    input_path: str,
    out_dir: Optional[str] = None,
    binary: str = BINARY_NAME,
    merged_path: Optional[str] = None,
    partitions: Optional[int] = None,
    api: str = "df",
    render_args: Optional[List[str]] = None,
    log: Callable[[str], None] = _log_to_stderr,
    driver_binary: Optional[str] = None,
) -> Dict[str, int]:
    """articles JSONL at ``input_path`` → extract → merge by `event_id` →
    merged JSONL at ``merged_path`` (optional) → ``dateline render`` into
    ``out_dir`` on the driver (optional). Returns the totals of the step
    summaries and logs every diagnostic. ``api`` is ``df`` (mapInArrow) or
    ``rdd`` (mapPartitions, classic Spark only). ``render`` runs on the
    driver with ``driver_binary`` (default: ``binary`` resolved there; on
    Spark Connect the client cannot see shipped files, so give a local
    path)."""
    _register_by_value()
    n = partitions or int(spark.conf.get("spark.sql.shuffle.partitions", "8"))
    # Totals of the step summaries: read, articles, events from extract;
    # entries from merge; errors from both.
    stats = dict(read=0, articles=0, events=0, entries=0, errors=0)

    if api == "rdd":
        steps = pipeline_rdd(spark.sparkContext.textFile(input_path), n, binary)
        if merged_path:
            steps.persist()
            steps.filter(lambda r: r[0] == "entry").map(lambda r: r[1]).saveAsTextFile(merged_path)
        rows = steps.toLocalIterator()
    else:
        steps = merge_df(extract_df(spark.read.text(input_path), binary), n, binary)
        if merged_path:
            steps.persist()
            steps.where("kind = 'entry'").select("json").write.mode("overwrite").text(merged_path)
        rows = ((r["kind"], r["json"]) for r in steps.toLocalIterator())

    def entries() -> Iterator[bytes]:
        for kind, js in rows:
            if kind == "entry":
                yield js.encode("utf-8")
            elif kind == "summary":
                s = json.loads(js)
                keys = ("read", "articles", "events", "errors") if s.get("step") == "extract" else ("entries", "errors")
                for k in keys:
                    stats[k] += int(s.get(k, 0))
            else:
                log(f"dateline: {js}")

    # render reads whole files: spool the entries to a local file first.
    import tempfile

    with tempfile.NamedTemporaryFile("wb", prefix="dateline-merged-", suffix=".jsonl", delete=False) as spool:
        for line in entries():
            spool.write(line + b"\n")
    try:
        if out_dir is not None:
            args = ["render", "--out", out_dir, *(render_args or []), spool.name]
            render = StepResult()
            for line in run_step(driver_binary or _driver_binary(binary), args, [], render, log, expect_summary=False):
                log(f"dateline render: {line.decode('utf-8', 'replace')}")
    finally:
        os.unlink(spool.name)
    return stats


def _driver_binary(binary: str) -> str:
    return resolve_binary(binary)


# --------------------------------------------------------------------------
# Command line


def main(argv: Optional[List[str]] = None) -> int:
    p = argparse.ArgumentParser(
        prog="dateline_spark",
        description="Run dateline extract → merge → render on Spark.",
    )
    p.add_argument("--input", required=True, help="JSONL articles (file, directory or glob; any Spark path)")
    p.add_argument("--out", help="site directory to render into on the driver (omit to skip render)")
    p.add_argument("--merged", help="also write the merged entries as JSONL here (any Spark path)")
    p.add_argument("--binary", default=BINARY_NAME,
                   help="dateline binary: a local path (shipped to the tasks) or the name given to --files")
    p.add_argument("--master", help="Spark master when not run by spark-submit (e.g. local[2])")
    p.add_argument("--remote", help="Spark Connect: sc://HOST:PORT of a Connect server, or local[N] to start "
                   "a local one (needs pyspark[connect]); DataFrame API only")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                   help="Spark setting, repeatable (e.g. spark.driver.memory=4g in local mode)")
    p.add_argument("--partitions", type=int, help="partitions for the merge (default spark.sql.shuffle.partitions)")
    p.add_argument("--api", choices=["df", "rdd"], default="df", help="DataFrame mapInArrow (default) or RDD")
    p.add_argument("--max-errors", type=int, default=None,
                   help="fail when the steps report more bad lines than this in total")
    a = p.parse_args(argv)

    from pyspark.sql import SparkSession

    # Local-mode workers must run the interpreter that has pyspark/pyarrow
    # (a virtualenv's), not whatever `python3` is first on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if a.remote and a.master:
        p.error("--remote and --master exclude each other")
    if a.remote and a.api == "rdd":
        p.error("--api rdd needs classic Spark: Spark Connect has no RDDs")
    builder = SparkSession.builder.appName("dateline")
    if a.master:
        builder = builder.master(a.master)
    if a.remote:
        builder = builder.remote(a.remote)
    for kv in a.conf:
        key, sep, value = kv.partition("=")
        if not sep:
            p.error(f"--conf {kv}: expected KEY=VALUE")
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    try:
        if os.path.isfile(a.binary):
            ship_binary(spark, a.binary)
        stats = run_pipeline(spark, a.input, a.out, binary=a.binary, merged_path=a.merged,
                             partitions=a.partitions, api=a.api)
    finally:
        spark.stop()
    print(json.dumps({"summary": True, **stats}, separators=(",", ":")), file=sys.stderr)
    if a.max_errors is not None and stats["errors"] > a.max_errors:
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
