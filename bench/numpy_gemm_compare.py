#!/usr/bin/env python3
"""Side-by-side GFLOP/s of gendict's matrix-product kernels and NumPy's BLAS on the paper's shapes.

Not run by CI. Needs a Python 3 with NumPy and a JDK; the gendict side runs through the ./gendict
launcher (which builds cli/target/gendict.jar when it is missing or stale). Usage, from the repository root:

    python3 bench/numpy_gemm_compare.py [--repeats 15] [--rounds 2] [--coretypes SkylakeX]

The interpreter's NumPy decides which OpenBLAS is timed, and its version which CPUs it knows: NumPy
wheels bundle a recent scipy-openblas, Debian's python3-numpy links the system libopenblas. The header
names the NumPy and each column the OpenBLAS kernel set in use.

Each round times NumPy (float64, C order, one BLAS thread: median of --repeats timed products after
warm-up) and then runs `gendict bench --methods none --json` (the SIMD kernel on one and two threads, and
EJML's mult), so the two sides are measured minutes apart on the same machine; several rounds show how
much the machine's load moved the figures. GFLOP/s = 2·M·N·K / seconds. The simd×2/simd×1 column is
gendict's paired speed-up (median over back-to-back pairs), not the ratio of the two medians.

NumPy runs once with OPENBLAS_CORETYPE unset (OpenBLAS picks its kernels from the CPU model; a model it
does not know gets its generic SSE3 "Prescott" kernels) and once per --coretypes entry with that kernel
set forced, each in its own process since OpenBLAS reads the variable when it loads.
"""
import os
import sys

# The BLAS that NumPy loads must see neither thread nor core-type overrides meant for other tools; a
# worker process (--numpy-worker CORETYPE) forces the kernel set it was started for.
JAVA_ENV = dict(os.environ)
for _var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
    os.environ.pop(_var, None)
if "--numpy-worker" in sys.argv[:-1] and sys.argv[sys.argv.index("--numpy-worker") + 1] != "auto":
    os.environ["OPENBLAS_CORETYPE"] = sys.argv[sys.argv.index("--numpy-worker") + 1]
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import ctypes  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHAPES = ((784, 300, 30), (784, 300, 1000), (30, 784, 300), (1000, 1000, 1000))
# OpenBLAS's "which kernels am I using" call under the names of the builds NumPy ships with: Debian's
# libopenblas, and the scipy-openblas wheels (64-bit integers, prefixed and suffixed symbols).
CORENAME_SYMBOLS = ("openblas_get_corename", "scipy_openblas_get_corename64_", "scipy_openblas_get_corename")


def numpy_gflops(m, k, n, repeats):
    """Median and best GFLOP/s of (m×k)·(k×n) in NumPy, after warm-up runs worth about 0.2 s."""
    rng = np.random.default_rng(1)
    a = rng.random((m, k))
    b = rng.random((k, n))
    c = np.empty((m, n))
    flops = 2.0 * m * n * k
    inner = max(1, int(2e7 / flops))
    warm_until = time.perf_counter() + 0.2
    while time.perf_counter() < warm_until:
        np.matmul(a, b, out=c)
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(inner):
            np.matmul(a, b, out=c)
        rates.append(flops * inner / (time.perf_counter() - start) / 1e9)
    return statistics.median(rates), max(rates)


def numpy_process(coretype, repeats):
    """(OpenBLAS's core name, {shape: (median, best)}) from a NumPy process with OPENBLAS_CORETYPE = coretype."""
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--numpy-worker", coretype or "auto",
                          "--repeats", str(repeats)], check=True, capture_output=True, text=True).stdout
    report = json.loads(out)
    return report["core"], {tuple(r["shape"]): (r["median"], r["best"]) for r in report["rates"]}


def numpy_worker(repeats):
    """Prints the NumPy side of one round as JSON: the OpenBLAS core in use and the rate of each shape."""
    core = "?"
    with open("/proc/self/maps") as maps:
        paths = sorted({line.split()[-1] for line in maps if "openblas" in line.lower()})
    for path in paths:
        lib = ctypes.CDLL(path)
        for symbol in CORENAME_SYMBOLS:
            if hasattr(lib, symbol):
                getter = getattr(lib, symbol)
                getter.restype = ctypes.c_char_p
                core = getter().decode()
                break
    rates = [{"shape": shape, "median": med, "best": best}
             for shape in SHAPES for med, best in [numpy_gflops(*shape, repeats)]]
    print(json.dumps({"core": core, "rates": rates}))


def gendict_gflops(repeats):
    """{(m, k, n, implementation, threads): (median, best, paired speed-up or None)} from `gendict bench --json`."""
    out = subprocess.run([os.path.join(ROOT, "gendict"), "bench", "--methods", "none", "--json",
                          "--repeats", str(repeats)], cwd=ROOT, env=JAVA_ENV, check=True,
                         capture_output=True, text=True).stdout
    report = json.loads(out)["kernels"]
    rows = {(r["m"], r["k"], r["n"], r["implementation"], r["threads"]): (r["gflops"], r["bestGflops"], r.get("speedup"))
            for r in report["measurements"]}
    return report["jdk"], rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=15, help="timed runs per product and side")
    parser.add_argument("--rounds", type=int, default=2, help="NumPy-then-gendict rounds")
    parser.add_argument("--coretypes", default="SkylakeX",
                        help="comma-separated OPENBLAS_CORETYPE values to time beside the automatic choice")
    parser.add_argument("--numpy-worker", metavar="CORETYPE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.repeats < 1 or args.rounds < 1:
        parser.error("--repeats and --rounds must be at least 1")
    if args.numpy_worker is not None:
        numpy_worker(args.repeats)
        return
    coretypes = [None] + [c for c in args.coretypes.split(",") if c]
    print(f"NumPy {np.__version__}, one BLAS thread; median GFLOP/s (best in brackets)")
    for rnd in range(1, args.rounds + 1):
        blas = [numpy_process(coretype, args.repeats) for coretype in coretypes]
        jdk, theirs = gendict_gflops(args.repeats)
        print(f"\nround {rnd} (load {os.getloadavg()[0]:.2f}), gendict on JDK {jdk}")
        names = [f"numpy:{core}" for core, _ in blas]
        print(f"{'product':<26}" + "".join(f"{name:>18}" for name in names)
              + f"{'simd×1':>14}{'simd×2':>15}{'ejml×1':>8}{'simd×1/best numpy':>19}{'simd×2/simd×1':>15}")
        for shape in SHAPES:
            m, k, n = shape
            rates = [r[shape] for _, r in blas]
            s1 = theirs[(m, k, n, "simd", 1)]
            s2 = theirs[(m, k, n, "simd", 2)]
            ejml = theirs[(m, k, n, "ejml", 1)]
            best_numpy = max(med for med, _ in rates)
            print(f"{f'({m}×{k})·({k}×{n})':<26}" + "".join(f"{med:>11.1f} ({best:4.1f})" for med, best in rates)
                  + f"{s1[0]:>7.1f} ({s1[1]:4.1f}){s2[0]:>8.1f} ({s2[1]:5.1f}){ejml[0]:>8.1f}"
                  + f"{s1[0] / best_numpy:>19.2f}{s2[2]:>15.2f}")


if __name__ == "__main__":
    main()
