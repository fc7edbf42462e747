"""Binary logistic regression trained by batch gradient descent.

Two classes of 2-D points sit on either side of the line x0 + x1 = 1.6, with
a deterministic jitter and a few flipped labels. We train until the
gradient norm is small and report the decision boundary, accuracy and a
confusion matrix.
"""
import np2torch.runtime as np
import np2torch.runtime.linalg as la


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


n = 40
t = np.arange(n)
features = np.stack([(t % 8) / 4.0, (t // 8) / 2.5], axis=1)
features = features + 0.15 * np.stack([np.sin(3.1 * t), np.cos(1.7 * t)], axis=1)
labels = (features.sum(axis=1) + 0.2 * np.sin(5.0 * t) > 1.6).astype(np.float64)
noisy = [5, 18, 27, 33]  # a few mislabelled points keep the problem non-separable
labels[noisy] = 1.0 - labels[noisy]
print("features:", features.shape, "positives:", int(labels.sum()), "of", n)

# Standardise the features and prepend a bias column.
mu = features.mean(axis=0)
sigma = features.std(axis=0)
scaled = (features - mu) / sigma
X = np.hstack([np.ones((n, 1)), scaled])
print("scaled means ~ 0:", np.allclose(scaled.mean(axis=0), 0.0), "stds:", sigma.round(3))

w = np.zeros(3)
rate = 0.5
for epoch in range(1, 2001):
    p = sigmoid(X @ w)
    grad = X.T @ (p - labels) / n
    w -= rate * grad
    if la.norm(grad) < 1e-4:
        break
print(f"stopped after {epoch} epochs, |grad| = {la.norm(grad):.2e}")
print("weights:", w.round(3))

eps = 1e-12
p = np.clip(sigmoid(X @ w), eps, 1 - eps)
loss = -np.mean(labels * np.log(p) + (1 - labels) * np.log(1 - p))
print(f"log-loss: {loss:.4f}")

predicted = p >= 0.5
truth = labels == 1.0
accuracy = (predicted == truth).mean()
confusion = np.array([[np.sum(~predicted & ~truth), np.sum(predicted & ~truth)],
                      [np.sum(~predicted & truth), np.sum(predicted & truth)]])
print(f"accuracy: {accuracy:.3f}")
print("confusion matrix:")
print(confusion)
print("misclassified:", np.where(predicted != truth)[0].tolist())

# The boundary in original units: w0 + w1 (x0 - mu0)/s0 + w2 (x1 - mu1)/s1 = 0.
slope = -(w[1] / sigma[0]) / (w[2] / sigma[1])
print(f"boundary slope in data units: {slope:.3f}")
print("confident predictions:", np.sum((p > 0.9) | (p < 0.1)), "uncertain:", predicted[np.abs(p - 0.5) < 0.1])
