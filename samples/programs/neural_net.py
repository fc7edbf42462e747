"""A two-layer neural network: forward pass, softmax cross-entropy, backward pass.

Weights and inputs come from sines and cosines, so no random generator is
needed. The analytic gradient is checked against a finite difference, then
a few steps of gradient descent reduce the loss.
"""
import numpy as np


def softmax(logits):
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def forward(params, x, y):
    w1, b1, w2, b2 = params
    hidden = np.tanh(x @ w1 + b1)
    probs = softmax(hidden @ w2 + b2)
    loss = -np.log(probs[np.arange(len(y)), y]).mean()
    return loss, hidden, probs


def backward(params, x, y, hidden, probs):
    w1, b1, w2, b2 = params
    n = x.shape[0]
    dlogits = probs.copy()
    dlogits[np.arange(n), y] -= 1.0
    dlogits /= n
    dw2 = hidden.T @ dlogits
    db2 = dlogits.sum(axis=0)
    dhidden = dlogits @ w2.T * (1.0 - hidden ** 2)
    dw1 = x.T @ dhidden
    db1 = dhidden.sum(axis=0)
    return [dw1, db1, dw2, db2]


n_samples, n_in, n_hidden, n_out = 12, 4, 5, 3
x = np.sin(np.arange(n_samples * n_in).reshape(n_samples, n_in) * 0.37)
y = np.arange(n_samples) % n_out
w1 = 0.5 * np.cos(np.arange(n_in * n_hidden).reshape(n_in, n_hidden) * 1.1)
b1 = np.zeros(n_hidden)
w2 = 0.5 * np.sin(np.arange(n_hidden * n_out).reshape(n_hidden, n_out) * 0.9 + 0.3)
b2 = np.zeros(n_out)
params = [w1, b1, w2, b2]

loss, hidden, probs = forward(params, x, y)
print("input:", x.shape, "labels:", y)
print(f"initial loss: {loss:.6f}")
print("probabilities of the first two samples:")
print(probs[:2].round(4))
print("rows sum to one:", np.allclose(probs.sum(axis=1), 1.0))

grads = backward(params, x, y, hidden, probs)
print("gradient shapes:", [g.shape for g in grads])

# Finite-difference check on one weight.
eps = 1e-6
w1[1, 2] += eps
loss_plus = forward(params, x, y)[0]
w1[1, 2] -= 2 * eps
loss_minus = forward(params, x, y)[0]
w1[1, 2] += eps
numeric = (loss_plus - loss_minus) / (2 * eps)
print("gradient check passes:", abs(numeric - grads[0][1, 2]) < 1e-6)

learning_rate = 0.5
for step in range(1, 61):
    loss, hidden, probs = forward(params, x, y)
    grads = backward(params, x, y, hidden, probs)
    for p, g in zip(params, grads):
        p -= learning_rate * g
    if step % 20 == 0:
        accuracy = (probs.argmax(axis=1) == y).mean()
        print(f"step {step:3d}  loss {loss:.4f}  accuracy {accuracy:.2f}")

print("predictions:", forward(params, x, y)[2].argmax(axis=1))
print("largest weight magnitude:", np.abs(w2).max().round(3))
