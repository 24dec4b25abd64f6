#!/usr/bin/python3
"""Side-by-side: the paper's altmin and autodiff recipes in PyTorch vs gendict, on the paper's settings.

Not run by CI. Needs /usr/bin/python3 with python3-torch (Debian) and a JDK; the gendict side runs
through the ./gendict launcher (which builds cli/target/gendict.jar when it is missing or stale).
Usage, from the repository root:

    /usr/bin/python3 bench/pytorch_compare.py [--batches 10] [--settings dependencies,group-sparsity]

Recipe (docs/algorithms.md §2.2, §2.3, §3, §9), float32, one PyTorch thread, loss = sum of squared residuals:
- data: A*, A0 entries Uniform[0,1); z* ~ N(0, I_k); y = A* G(z*) + N(0, 0.1^2) noise;
  dependencies: G(z) = [z; z*z; sin z], k = 3, n = 9, m = 10;
  group-sparsity: G(z) = ReLU(M (z*z)), M in {0,1}^{n x k} Bernoulli(0.6), k = 10, n = 300, m = 784;
- altmin, per batch of 30: Z ~ N(0, I) then Adam(lr 1e-2) x 1000 on Z; then Adam(lr 1e-3) x 1000 on A
  with Z fixed; optimiser state reset per call;
- autodiff, per batch: Adam on (A, Z) jointly, lr 1e-3 for A and 1e-2 for Z, 1000 steps, A warm-started,
  Z ~ N(0, I) fresh, state reset per batch;
- test: 5 batches of 30 fresh samples decoded as in training (Adam lr 1e-2 x 1000), codes rounded to 4
  decimals, error = mean ||A G(round(z)) - A* G(z*)||.
Both sides train one untimed warm-up batch, then --batches timed batches (median seconds per batch), then
decode the 150 test samples (timed once) and report the test error. gendict runs
`gendict bench --no-kernels --methods altmin,autodiff --json` with 1 and 2 threads (its results do not
depend on the thread count). The data are drawn the same way on both sides, not shared, so test errors
agree in distribution, not digit for digit; run several --seed values to see their spread.
"""
import os

# OpenBLAS settings meant for the JVM side must not reach the BLAS that torch and numpy load.
JAVA_ENV = dict(os.environ)
for _var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
    os.environ.pop(_var, None)

import argparse  # noqa: E402
import collections  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

import torch  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BATCH = 30
TEST_BATCHES = 5
SIGMA = 0.1
METHODS = ("altmin", "autodiff")

Prior = collections.namedtuple("Prior", "g k m")


def dependencies(z):
    return torch.cat([z, z * z, torch.sin(z)], dim=1)


def setting(name, gen):
    """The prior G with its latent dimension k, and the data dimension m, of a synthetic setting."""
    if name == "dependencies":
        return Prior(dependencies, 3, 10)
    if name == "group-sparsity":
        m_t = (torch.rand(300, 10, generator=gen) < 0.6).to(torch.float32).t().contiguous()
        return Prior(lambda z: torch.relu((z * z) @ m_t), 10, 784)
    raise SystemExit(f"unknown setting {name!r}: expected dependencies or group-sparsity")


def samples(p, a_star, count, gen):
    z = torch.randn(count, p.k, generator=gen)
    clean = p.g(z) @ a_star.t()
    return clean + SIGMA * torch.randn(clean.shape, generator=gen), clean


def decode(p, a, y, gen):
    """Adam(lr 1e-2) x 1000 on the latents of every row of y, from N(0, I)."""
    g = p.g
    z = torch.randn(y.shape[0], p.k, generator=gen).requires_grad_()
    opt = torch.optim.Adam([z], lr=1e-2)
    for _ in range(1000):
        opt.zero_grad()
        ((g(z) @ a.t() - y) ** 2).sum().backward()
        opt.step()
    return z.detach()


def altmin_batch(p, a, y, gen):
    x = p.g(decode(p, a, y, gen))
    a.requires_grad_()
    opt = torch.optim.Adam([a], lr=1e-3)
    for _ in range(1000):
        opt.zero_grad()
        ((x @ a.t() - y) ** 2).sum().backward()
        opt.step()
    return a.detach()


def autodiff_batch(p, a, y, gen):
    g = p.g
    z = torch.randn(y.shape[0], p.k, generator=gen).requires_grad_()
    a.requires_grad_()
    opt = torch.optim.Adam([{"params": [a], "lr": 1e-3}, {"params": [z], "lr": 1e-2}])
    for _ in range(1000):
        opt.zero_grad()
        ((g(z) @ a.t() - y) ** 2).sum().backward()
        opt.step()
    return a.detach()


def round4(z):
    """4 decimal places, half away from zero (docs/algorithms.md §3)."""
    return torch.sign(z) * torch.floor(z.abs() * 1e4 + 0.5) / 1e4


def torch_run(name, method, batches, seed):
    gen = torch.Generator().manual_seed(seed)
    p = setting(name, gen)
    n = p.g(torch.zeros(1, p.k)).shape[1]
    a_star = torch.rand(p.m, n, generator=gen)
    a = torch.rand(p.m, n, generator=gen)
    tests = [samples(p, a_star, BATCH, gen) for _ in range(TEST_BATCHES)]
    step = altmin_batch if method == "altmin" else autodiff_batch
    seconds = []
    for b in range(batches + 1):
        y, _ = samples(p, a_star, BATCH, gen)
        start = time.perf_counter()
        a = step(p, a, y, gen)
        if b > 0:
            seconds.append(time.perf_counter() - start)
    start = time.perf_counter()
    errors = []
    for y, clean in tests:
        z = round4(decode(p, a, y, gen))
        with torch.no_grad():
            errors.append(torch.linalg.norm(p.g(z) @ a.t() - clean, dim=1).mean().item())
    test_seconds = time.perf_counter() - start
    return {"median": statistics.median(seconds), "test": test_seconds, "error": sum(errors) / len(errors)}


def gendict_run(batches, threads, seed):
    cmd = [os.path.join(ROOT, "gendict"), "bench", "--no-kernels", "--methods", ",".join(METHODS),
           "--method-batches", str(batches), "--method-budget", "1e9", "--threads", str(threads), "--seed", str(seed),
           "--json"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=JAVA_ENV, cwd=ROOT).stdout
    return {(t["setting"], t["method"]): {"median": t["medianSeconds"], "test": t["testSeconds"],
                                          "error": t["testError"]} for t in json.loads(out)["methods"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batches", type=int, default=10, help="timed training batches (after one untimed)")
    ap.add_argument("--settings", default="dependencies,group-sparsity")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)

    names = a.settings.split(",")
    java = {t: gendict_run(a.batches, t, a.seed) for t in (1, 2)}
    torch_results = {(s, meth): torch_run(s, meth, a.batches, a.seed) for s in names for meth in METHODS}

    print(f"PyTorch {torch.__version__} (float32, 1 thread) vs gendict (float64, 1 and 2 threads); batches of {BATCH}, "
          f"1 untimed + {a.batches} timed; load average {os.getloadavg()[0]:.1f}")
    print("train: median seconds per training batch; test: seconds to decode 5 x 30 test samples; "
          "ratio = PyTorch / gendict")
    head = ["setting", "method", "torch", "gd x1", "gd x2", "ratio x1", "ratio x2"]
    print(f"{'':<30}{'train s/batch':^50}{'test decode s':^50}{'test error':^24}")
    print(f"{head[0]:<16}{head[1]:<14}" + "".join(f"{h:>10}" for h in head[2:]) * 2
          + f"{'torch':>12}{'gendict':>12}")
    for s in names:
        for meth in METHODS:
            t, g1, g2 = torch_results[(s, meth)], java[1][(s, meth)], java[2][(s, meth)]
            row = f"{s:<16}{meth:<14}"
            for key in ("median", "test"):
                row += f"{t[key]:>10.4f}{g1[key]:>10.4f}{g2[key]:>10.4f}"
                row += f"{t[key] / g1[key]:>9.1f}x{t[key] / g2[key]:>9.1f}x"
            print(row + f"{t['error']:>12.4g}{g1['error']:>12.4g}")


if __name__ == "__main__":
    main()
