#!/usr/bin/env python3
"""Scale figures for dateline's streaming steps (README, "Scale").

Usage:
    python3 contrib/spark/bench_scale.py [--sizes 1000,10000,100000] [--build-max N]
        [--render-max N] [--spark-max N] [--spark-python PATH] [--bin target/release/dateline]
        [--work DIR] [--mem-cap-gb G] [--steps extract,merge,render,build,spark]

For each size N it generates N JSONL articles from the sample articles
(tests/spark/gen_articles.py over `dateline articles data/samples --format
jsonl`, publication dates spread over --spread days so relative dates give
many distinct events; cached in --work), then times, each as one child process with its
wall time and peak resident memory (the `ru_maxrss` of wait4, the figure
`/usr/bin/time -v` prints as "Maximum resident set size"):

- `dateline extract < articles > events`
- `dateline merge events > merged`
- `dateline render merged --out site` (when render works)
- `dateline build articles --out site` (N <= --build-max; it holds every
  article in memory)
- the Spark pipeline in local[2] (N <= --spark-max, with --spark-python, a
  Python that has pyspark), from `spark-submit`-equivalent start to the
  merged JSONL written; the JVM start-up is included and reported apart.

Each row also has the 1-minute load average when the step started (the
machine is shared: wall time measures the neighbours too; CPU seconds less
so). Every step runs under an address-space cap (--mem-cap-gb, default 18):
a step that would outgrow the machine fails with an allocation error instead
of waking the kernel's OOM killer among other people's processes.

Prints one JSON line per measurement and a Markdown table at the end. Run a
release build: `cargo build --release`.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


MEM_CAP = [None]


def _cap():
    if MEM_CAP[0]:
        resource.setrlimit(resource.RLIMIT_AS, (MEM_CAP[0], MEM_CAP[0]))


def timed(cmd, stdin=None, stdout=None, env=None, cap=True):
    """Run cmd; (seconds, peak RSS in MiB, exit code, stderr text, CPU
    seconds). CPU time (user + system) is reported too because on a shared
    machine wall time also measures the neighbours."""
    fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
    fout = open(stdout, "wb") if stdout else subprocess.DEVNULL
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=fin, stdout=fout, stderr=subprocess.PIPE, env=env,
                         preexec_fn=_cap if cap else None)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    secs = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    for f in (fin, fout):
        if f is not subprocess.DEVNULL:
            f.close()
    cpu = usage.ru_utime + usage.ru_stime
    return secs, usage.ru_maxrss / 1024, p.returncode, err.decode("utf-8", "replace"), cpu


def summary_of(stderr):
    for line in reversed(stderr.splitlines()):
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict) and obj.get("summary"):
            return obj
    return {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--build-max", type=int, default=100000)
    ap.add_argument("--render-max", type=int, default=10**9)
    ap.add_argument("--mem-cap-gb", type=float, default=18.0,
                    help="address-space cap of each step (0: none)")
    ap.add_argument("--steps", default="extract,merge,render,build,spark")
    ap.add_argument("--spark-max", type=int, default=0)
    ap.add_argument("--spark-python", default=os.path.join(ROOT, ".venv-spark", "bin", "python"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--work", default=os.path.join(ROOT, "target", "bench-scale"))
    ap.add_argument("--spread", type=int, default=1460,
                    help="publication dates spread over this many days (more distinct events)")
    ap.add_argument("--keep", action="store_true", help="keep the generated events and merged files")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    sizes = [int(s) for s in a.sizes.split(",")]
    steps = set(a.steps.split(","))
    MEM_CAP[0] = int(a.mem_cap_gb * (1 << 30)) if a.mem_cap_gb > 0 else None

    samples = os.path.join(a.work, "samples.jsonl")
    if not os.path.exists(samples) or os.path.getsize(samples) == 0:
        with open(samples, "wb") as f:
            subprocess.run([a.bin, "articles", os.path.join(ROOT, "data", "samples"), "--format", "jsonl"],
                           stdout=f, check=False)
    rows = []
    load = [0.0]

    def run(*args, **kw):
        load[0] = os.getloadavg()[0]
        return timed(*args, **kw)

    def report(**kw):
        kw["load1"] = round(load[0], 1)
        print(json.dumps(kw), flush=True)
        rows.append(kw)

    for n in sizes:
        arts = os.path.join(a.work, f"articles-{n}.jsonl")
        if not os.path.exists(arts) or os.path.getmtime(arts) < os.path.getmtime(samples):
            with open(arts + ".tmp", "wb") as f:
                subprocess.run([sys.executable, os.path.join(ROOT, "tests", "spark", "gen_articles.py"), str(n),
                                samples, "--seed", "1", "--spread", str(a.spread)], stdout=f, check=True)
            os.rename(arts + ".tmp", arts)
        mb = os.path.getsize(arts) / 1e6
        events = os.path.join(a.work, f"events-{n}.jsonl")
        merged = os.path.join(a.work, f"merged-{n}.jsonl")

        need_merged = "render" in steps and n <= a.render_max and not os.path.exists(merged)
        if "extract" in steps or (("merge" in steps or need_merged) and not os.path.exists(events)):
            secs, rss, code, err, cpu = run([a.bin, "extract"], stdin=arts, stdout=events)
            s = summary_of(err)
            report(step="extract", n=n, mb=round(mb, 1), secs=round(secs, 2), cpu_s=round(cpu, 2), rss_mib=round(rss, 1),
                   code=code, articles_per_s=round(n / secs), mb_per_s=round(mb / secs, 1),
                   mb_per_cpu_s=round(mb / max(cpu, 1e-9), 1), events=s.get("events"))

        if "merge" in steps or need_merged:
            secs, rss, code, err, cpu = run([a.bin, "merge", events], stdout=merged)
            report(step="merge", n=n, secs=round(secs, 2), cpu_s=round(cpu, 2), rss_mib=round(rss, 1), code=code,
                   entries=summary_of(err).get("entries"), note=err.strip()[-200:] if code else "")
        if not a.keep and os.path.exists(events):
            os.remove(events)  # (8-9 GB at 1 M articles: free the disk before render writes the site)

        site = os.path.join(a.work, f"site-render-{n}")
        if "render" in steps and n <= a.render_max:
            secs, rss, code, err, cpu = run([a.bin, "render", merged, "--out", site])
            report(step="render", n=n, secs=round(secs, 2), cpu_s=round(cpu, 2), rss_mib=round(rss, 1),
                   code=code, note=err.strip()[-200:] if code else "")

        if "build" in steps and n <= a.build_max:
            site = os.path.join(a.work, f"site-build-{n}")
            secs, rss, code, err, cpu = run([a.bin, "build", arts, "--out", site])
            report(step="build", n=n, mb=round(mb, 1), secs=round(secs, 2), cpu_s=round(cpu, 2), rss_mib=round(rss, 1),
                   code=code, mb_per_cpu_s=round(mb / max(cpu, 1e-9), 1),
                   articles_per_s=round(n / secs), note=err.strip()[-200:] if code else "")

        if "spark" in steps and n <= a.spark_max and os.path.exists(a.spark_python):
            out = os.path.join(a.work, f"merged-spark-{n}")
            env = dict(os.environ, PYSPARK_PYTHON=a.spark_python, SPARK_LOCAL_IP="127.0.0.1")
            cmd = [a.spark_python, os.path.join(ROOT, "contrib", "spark", "dateline_spark.py"), "--master", "local[2]",
                   "--binary", a.bin, "--input", arts, "--merged", out, "--partitions", "4",
                   # (1 GiB, the default, is too little past ~50,000 articles)
                   "--conf", "spark.driver.memory=4g"]
            # (No cap: the JVM reserves far more address space than it uses.)
            secs, rss, code, err, cpu = run(cmd, env=env, cap=False)
            # CPU time of the whole process tree (driver, JVM, workers, steps).
            report(step="spark-local[2]", n=n, mb=round(mb, 1), secs=round(secs, 2), cpu_s=round(cpu, 2), code=code,
                   articles_per_s=round(n / secs),
                   note="" if code == 0 else err.strip()[-300:])
        if not a.keep:
            for p in (events, merged):
                if os.path.exists(p):
                    os.remove(p)

    print()
    print("| step | articles | MB in | wall s | CPU s | articles/s (wall) | MB per CPU s | peak RSS MiB | load | exit |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['step']} | {r['n']} | {r.get('mb', '')} | {r['secs']} | {r.get('cpu_s', '')} "
              f"| {r.get('articles_per_s', '')} | {r.get('mb_per_cpu_s', '')} | {r.get('rss_mib', '')} "
              f"| {r['load1']} | {r['code']} |")


if __name__ == "__main__":
    main()
