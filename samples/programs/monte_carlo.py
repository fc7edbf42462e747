"""Quasi-Monte-Carlo estimates driven by fixed low-discrepancy sequences.

No random generator is used: points come from the Halton sequence (built
digit by digit with integer arithmetic) and from a linear congruential
generator written out by hand, so the numbers are the same on every run.
"""


def halton(n, base):
    import numpy as np

    index = np.arange(1, n + 1)
    result = np.zeros(n)
    scale = 1.0
    while (index > 0).any():
        scale = scale / base
        result = result + scale * (index % base)
        index = index // base
    return result


def lcg(n, seed):
    import numpy as np

    # Four interleaved streams with the classic ANSI C constants.
    state = np.array([seed, seed + 1, seed + 2, seed + 3], dtype=np.int64)
    out = np.empty((n, 4))
    for i in range(n):
        state = (1103515245 * state + 12345) % 2 ** 31
        out[i] = state / 2.0 ** 31
    return out.ravel()


def main():
    import numpy as np

    n = 4096
    xs = halton(n, 2)
    ys = halton(n, 3)
    print("first Halton points (base 2):", xs[:6])
    print("first Halton points (base 3):", ys[:4].round(6))

    inside = xs ** 2 + ys ** 2 <= 1.0
    pi_estimate = 4.0 * inside.mean()
    print(f"pi ~ {pi_estimate:.5f} (error {abs(pi_estimate - np.pi):.1e}) from {inside.sum()} of {n} points")

    # Running estimate at a few checkpoints, via a cumulative sum.
    running = 4.0 * np.cumsum(inside) / np.arange(1, n + 1)
    checkpoints = np.array([64, 256, 1024, 4096]) - 1
    print("running estimates:", running[checkpoints].round(4))

    # Integral of exp(-x^2) over [0, 1] (exact value 0.746824...).
    integral = np.exp(-xs ** 2).mean()
    print("integral of exp(-x^2):", round(float(integral), 5))

    u = lcg(1024, seed=2024)
    print("LCG sample:", u[:4].round(6), u.dtype, u.shape)
    print(f"LCG mean {u.mean():.4f}  var {u.var():.4f}  (uniform: 0.5000, 0.0833)")
    hist = np.array([((u >= lo) & (u < lo + 0.25)).sum() for lo in (0.0, 0.25, 0.5, 0.75)])
    print("quartile counts:", hist, "total", hist.sum())
    pairs = u.reshape(-1, 2)
    area = 4.0 * np.mean((pairs ** 2).sum(axis=1) <= 1.0)
    print(f"pi from LCG pairs: {area:.4f}")


if __name__ == "__main__":
    main()
