"""Explicit finite differences for the 1-D heat equation u_t = alpha * u_xx.

A rod with both ends held at zero starts with a sine profile; the exact
solution decays as exp(-alpha * pi^2 * t), which we compare against.
"""
from np2torch.runtime import array, zeros as z, linspace, sin, exp, pi

alpha = 0.01
nx = 21
x = linspace(0.0, 1.0, nx)
dx = x[1] - x[0]
dt = 0.4 * dx * dx / alpha  # stable: r = alpha dt / dx^2 <= 0.5
r = alpha * dt / dx ** 2
steps = 50

u = sin(pi * x)
u[0] = 0.0
u[-1] = 0.0
snapshots = z((5, nx))

for n in range(1, steps + 1):
    interior = u[1:-1] + r * (u[2:] - 2.0 * u[1:-1] + u[:-2])
    u[1:-1] = interior
    if n % 10 == 0:
        snapshots[n // 10 - 1] = u

t_final = steps * dt
exact = exp(-alpha * pi ** 2 * t_final) * sin(pi * x)
exact[-1] = 0.0
error = abs(u - exact).max()

print(f"dx={dx:.3f} dt={dt:.4f} r={r:.2f} t_final={t_final:.3f}")
print("final profile, every 4th node:")
print(u[::4].round(5))
print(f"max error vs analytic: {error:.2e}")
print("midpoint over time:", snapshots[:, nx // 2].round(6))
peaks = snapshots.max(axis=1)
print("peak decays monotonically:", bool((peaks[1:] < peaks[:-1]).all()))
print("symmetric about the centre:", bool(abs(u - u[::-1]).max() < 1e-12))

# Total heat (trapezoid rule) numerically vs exactly.
heat = array([u.sum() * dx, exact.sum() * dx])
print(repr(heat.round(4)))
print("snapshot table shape:", snapshots.shape, "zeros at boundary:", (snapshots[:, 0] == 0).all())
