"""Fit a straight line and a parabola to measurements with least squares.

The "measurements" follow y = 2.5 x - 1 plus a fixed wobble, so the run is
reproducible without a random number generator.
"""
import np2torch.runtime as np

x = np.linspace(0.0, 4.0, 9)
wobble = 0.1 * np.sin(7.0 * x)
y = 2.5 * x - 1.0 + wobble

# Design matrix with an intercept column.
X = np.stack([np.ones_like(x), x], axis=1)
print("design matrix:", X.shape, X.dtype)
print(X[:3])

# Normal equations: (X^T X) beta = X^T y
coef = np.linalg.solve(X.T @ X, X.T @ y)
print("normal equations:", np.round(coef, 6))

coef_lstsq, residuals, rank, singular = np.linalg.lstsq(X, y, rcond=None)
print("lstsq agrees:", np.allclose(coef, coef_lstsq), "rank:", rank)
print(f"intercept={coef_lstsq[0]:.4f} slope={coef_lstsq[1]:.4f}")
print("singular values:", singular.round(4))

pred = X @ coef
res = y - pred
ss_res = np.sum(res ** 2)
ss_tot = np.sum((y - y.mean()) ** 2)
r2 = 1.0 - ss_res / ss_tot
print(f"R^2 = {r2:.6f}")
print("largest residual at index", np.argmax(np.abs(res)))
print(repr(pred[:4].round(3)))

# A quadratic model: columns 1, x, x^2.
Q = np.vstack([x ** 0, x, x ** 2]).T
beta = np.linalg.inv(Q.T @ Q) @ Q.T @ y
print("quadratic coefficients:", beta.round(5).tolist())
print(f"curvature is negligible: {abs(beta[2]) < 0.05}")

# Predictions on a new grid, as a small table.
grid = np.array([0.5, 1.5, 2.5])
table = np.stack([grid, coef[0] + coef[1] * grid], axis=1)
for xi, yi in table:
    print(f"  x={xi:4.1f} -> y={yi:7.3f}")
