#!/usr/bin/python3
"""Side-by-side OMP and online dictionary learning: scikit-learn vs gendict on identical data.

Not run by CI. Needs /usr/bin/python3 with python3-sklearn (Debian) and a compiled worktree
(`mvn -q -pl baselines -am test-compile`). Usage, from the repository root:

    /usr/bin/python3 bench/sklearn_compare.py [--signals 1000] [--dim 784] [--atoms 300] [--k 10]

Data (seeded): a random unit-norm dictionary D (dim x atoms), 1000 signals that are k-sparse over D
plus N(0, 0.05^2) noise. OMP codes the signals over D with k non-zeros (scikit-learn:
orthogonal_mp_gram, timed with and without its Gram / D^T Y products). Online DL learns `atoms`
atoms from the same signals, both libraries starting from the same dictionary (the first `atoms`
signals, normalized) and seeing the same mini-batches in the same order (scikit-learn: partial_fit
of MiniBatchDictionaryLearning with fit_algorithm='cd'; gendict: online-dl with coder=lasso, same
alpha, and coder=omp). Every learned dictionary is then scored with the same coder (scikit-learn
OMP, k non-zeros): relative error ||Y - X D^T||_F / ||Y||_F.
"""
import argparse
import glob
import os
import subprocess
import tempfile
import time

import numpy as np
from sklearn.decomposition import MiniBatchDictionaryLearning
from sklearn.linear_model import orthogonal_mp_gram

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rel_error(y, x, d):
    return np.linalg.norm(y - x @ d.T) / np.linalg.norm(y)


def omp_codes(y, d, k):
    return orthogonal_mp_gram(d.T @ d, d.T @ y.T, n_nonzero_coefs=k).T


def classpath():
    jars = glob.glob(os.path.expanduser("~/.m2/repository/org/ejml/*/0.46.1/*.jar"))
    dirs = [os.path.join(ROOT, p) for p in ("core/target/classes", "baselines/target/classes", "baselines/target/test-classes")]
    return ":".join(dirs + jars)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--signals", type=int, default=1000)
    ap.add_argument("--dim", type=int, default=784)
    ap.add_argument("--atoms", type=int, default=300)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--alpha", type=float, default=0.1)
    ap.add_argument("--repeats", type=int, default=5)
    a = ap.parse_args()

    rng = np.random.default_rng(0)
    d = rng.standard_normal((a.dim, a.atoms))
    d /= np.linalg.norm(d, axis=0)
    x = np.zeros((a.signals, a.atoms))
    for b in range(a.signals):
        x[b, rng.choice(a.atoms, a.k, replace=False)] = rng.standard_normal(a.k)
    y = x @ d.T + 0.05 * rng.standard_normal((a.signals, a.dim))
    init = y[: a.atoms].T / np.linalg.norm(y[: a.atoms], axis=1)

    work = tempfile.mkdtemp(prefix="gendict-bench-")
    np.save(os.path.join(work, "Y.npy"), np.ascontiguousarray(y))
    np.save(os.path.join(work, "D.npy"), np.ascontiguousarray(d))
    np.save(os.path.join(work, "Dinit.npy"), np.ascontiguousarray(init))

    total, coding = [], []
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        gram, xy = d.T @ d, d.T @ y.T
        t1 = time.perf_counter()
        xs = orthogonal_mp_gram(gram, xy, n_nonzero_coefs=a.k).T
        t2 = time.perf_counter()
        total.append(t2 - t0)
        coding.append(t2 - t1)
    sk_omp_err = rel_error(y, xs, d)

    sk = MiniBatchDictionaryLearning(n_components=a.atoms, alpha=a.alpha, fit_algorithm="cd",
                                     dict_init=init.T, batch_size=a.batch, random_state=0)
    t0 = time.perf_counter()
    for _ in range(a.epochs):
        for b in range(0, a.signals, a.batch):
            sk.partial_fit(y[b:b + a.batch])
    sk_odl_time = time.perf_counter() - t0
    d_sk = sk.components_.T

    cmd = ["java", "--add-modules", "jdk.incubator.vector", "-cp", classpath(),
           "io.gendict.baselines.SklearnCompareBench", work, str(a.k), str(a.batch), str(a.epochs),
           str(a.alpha), str(a.repeats)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    j = dict(line.split("=", 1) for line in out.split() if "=" in line)
    gd_omp_err = rel_error(y, np.load(os.path.join(work, "X_gendict.npy")), d)

    print(f"data: {a.signals} signals, dim {a.dim}, {a.atoms} atoms, k = {a.k}; load average {os.getloadavg()[0]:.1f}")
    print(f"{'method':<44}{'rel. error':>12}{'time [s]':>12}")
    print(f"{'OMP  scikit-learn orthogonal_mp_gram (total)':<44}{sk_omp_err:>12.6f}{min(total):>12.4f}")
    print(f"{'OMP  scikit-learn (Gram, D^T Y given)':<44}{'':>12}{min(coding):>12.4f}")
    for t in (1, 2):
        print(f"{'OMP  gendict BatchOmp, ' + str(t) + ' thread(s) (total)':<44}{gd_omp_err:>12.6f}{float(j[f'omp_time_t{t}']):>12.4f}")
        print(f"{'OMP  gendict BatchOmp, ' + str(t) + ' thread(s) (Gram given)':<44}{'':>12}{float(j[f'omp_coding_time_t{t}']):>12.4f}")
    print(f"{'  of which the D^T Y product (scalar kernel)':<44}{'':>12}{float(j['product_time']):>12.4f}")
    print(f"online DL, {a.epochs} epochs of batches of {a.batch}, alpha {a.alpha}; error = OMP k={a.k} in the learned dictionary")
    print(f"{'ODL  scikit-learn MiniBatchDL (cd)':<44}{rel_error(y, omp_codes(y, d_sk, a.k), d_sk):>12.6f}{sk_odl_time:>12.4f}")
    for coder in ("lasso", "omp"):
        dg = np.load(os.path.join(work, f"D_gendict_{coder}.npy"))
        print(f"{'ODL  gendict online-dl coder=' + coder:<44}{rel_error(y, omp_codes(y, dg, a.k), dg):>12.6f}{float(j[f'odl_{coder}_time']):>12.4f}")
    print(f"{'(initial dictionary)':<44}{rel_error(y, omp_codes(y, init, a.k), init):>12.6f}")


if __name__ == "__main__":
    main()
