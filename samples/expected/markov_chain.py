"""Markov chains: a weather model's long-run behaviour and an absorbing walk.

The stationary distribution is found twice (power iteration and a linear
solve); the expected time to absorption uses the fundamental matrix.
"""
from np2torch.runtime import array, eye, ones, zeros, linalg, allclose, outer

# Rows: today's state; columns: tomorrow's. States: sunny, cloudy, rainy.
P = array([[0.7, 0.2, 0.1],
           [0.3, 0.4, 0.3],
           [0.2, 0.3, 0.5]])
states = ["sunny", "cloudy", "rainy"]
print("transition matrix is stochastic:", allclose(P.sum(axis=1), 1.0))

# Power iteration from a sunny day.
dist = array([1.0, 0.0, 0.0])
for day in range(1, 101):
    nxt = dist @ P
    if abs(nxt - dist).max() < 1e-12:
        break
    dist = nxt
print(f"power iteration settled after {day} days:", dist.round(6))

# Solve pi (P - I) = 0 with sum(pi) = 1 by replacing one equation.
A = (P - eye(3)).T
A[-1] = ones(3)
b = zeros(3)
b[-1] = 1.0
pi = linalg.solve(A, b)
print("stationary distribution:", pi.round(6))
print("methods agree:", allclose(pi, dist, atol=1e-9))
for name, share in zip(states, pi):
    print(f"  {name:>6}: {100 * share:5.2f}% of days")

# Two-day forecast from a rainy day, and the rank-one limit matrix.
P2 = P @ P
print("rain today -> in two days:", P2[2].round(4))
limit = outer(ones(3), pi)
power = P.copy()
for _ in range(6):  # repeated squaring: P^64
    power = power @ power
print("P^64 ~ limit:", allclose(power, limit))
print(f"det(P) = {linalg.det(P):.4f}")

# Gambler's ruin on 0..5 with p = 0.4: transient states 1..4.
p = 0.4
Q = zeros((4, 4))
for i in range(4):
    if i + 1 < 4:
        Q[i, i + 1] = p
    if i - 1 >= 0:
        Q[i, i - 1] = 1 - p
N = linalg.inv(eye(4) - Q)  # fundamental matrix
steps = N @ ones(4)
print("expected steps to finish from 1..4:", steps.round(4))
R = zeros((4, 2))
R[0, 0] = 1 - p
R[3, 1] = p
B = N @ R
print("probability of reaching 5:", B[:, 1].round(4))
print("rows of B sum to one:", allclose(B.sum(axis=1), 1.0), B.shape, B.dtype)
print("norm of N:", round(float(linalg.norm(N)), 4))
