"""K-means clustering of a fixed 2-D point cloud.

Three blobs are laid out with trigonometric offsets around known centres;
the initial centroids are picked by index, so every run is identical.
"""
import np2torch.runtime as numpy

n_points = 30
k = 3

true_centres = numpy.array([[0.0, 0.0], [4.0, 1.0], [1.5, 4.0]])
angles = numpy.arange(n_points) * 0.7
radius = 0.3 + 0.2 * numpy.cos(numpy.arange(n_points) * 1.3)
blob = numpy.arange(n_points) % k
offsets = numpy.stack([radius * numpy.cos(angles), radius * numpy.sin(angles)], axis=1)
points = true_centres[blob] + offsets
print("points:", points.shape, points.dtype)

centroids = points[[1, 2, 3]].copy()
print("initial centroids:")
print(centroids)

for iteration in range(1, 21):
    # Squared distance from every point to every centroid: (n, k).
    diff = points[:, None, :] - centroids[None, :, :]
    dist2 = (diff ** 2).sum(axis=2)
    labels = dist2.argmin(axis=1)
    updated = numpy.array([points[labels == j].mean(axis=0) for j in range(k)])
    shift = numpy.abs(updated - centroids).max()
    centroids = updated
    if shift < 1e-12:
        print(f"converged after {iteration} iterations")
        break

print("labels:", labels.tolist())
print("cluster sizes:", [int((labels == j).sum()) for j in range(k)])
print("centroids:")
print(centroids.round(4))

inertia = dist2.min(axis=1).sum()
print(f"inertia: {inertia:.5f}")

# How far is each found centroid from the nearest true centre?
gap = numpy.sqrt(((centroids[:, None, :] - true_centres[None, :, :]) ** 2).sum(axis=-1))
print("nearest true centre:", gap.argmin(axis=1))
print("max centre error:", round(float(gap.min(axis=1).max()), 4))
print("same partition as construction:", bool(numpy.all(labels == (blob + 2) % k)))
