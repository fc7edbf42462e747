"""Image-style array manipulation on a synthetic 8x10 grayscale picture.

The picture is built from row/column arithmetic (a diagonal ramp with a
bright square), then cropped, flipped, thresholded, blurred and measured.
"""
import np2torch.runtime as np

rows = np.arange(8).reshape(8, 1)
cols = np.arange(10).reshape(1, 10)
img = (rows * 20 + cols * 12) % 256
img[2:5, 6:9] = 250  # a bright square
print("image:", img.shape, img.dtype, "min", img.min(), "max", img.max())
print(img)

crop = img[1:4, 2:7]
print("crop:")
print(crop)
print("flipped up/down, first column:", img[::-1, 0])
print("mirrored, last row:", img[-1, ::-1])
print("transposed shape:", img.T.shape)

# Threshold into a mask and count bright pixels per row.
mask = img > 150
print("bright pixels per row:", mask.sum(axis=1))
print(mask[2:5, 5:10])
print(repr(mask[2, 5:]), repr(img[0, :4]))
ys, xs = np.where(mask & (img == 250))
print("square corners:", ys.min(), xs.min(), ys.max(), xs.max())

# Darken the bright pixels, keeping the original intact.
darker = img.copy()
darker[mask] = darker[mask] // 2
print("darkened total:", darker.sum(), "original total:", img.sum())

# Normalise to [0, 1] and convert to 8-bit.
norm = img.astype(np.float64) / 255.0
as_bytes = (norm * 255).round().astype(np.uint8)
print("norm row 0:", norm[0].round(3))
print("bytes:", as_bytes.dtype, as_bytes[0, :5], (as_bytes == img).all())

# 3x3 box blur on the interior by summing shifted slices.
f = img.astype(float)
blur = (f[:-2, :-2] + f[:-2, 1:-1] + f[:-2, 2:]
        + f[1:-1, :-2] + f[1:-1, 1:-1] + f[1:-1, 2:]
        + f[2:, :-2] + f[2:, 1:-1] + f[2:, 2:]) / 9.0
print("blurred:", blur.shape)
print(np.floor(blur[:3, :4]))

# Horizontal gradient and the location of its strongest edge.
grad = np.abs(f[:, 1:] - f[:, :-1])
flat = int(np.argmax(grad))
print("strongest edge at", divmod(flat, grad.shape[1]), "strength", grad.max())
print("clipped:", np.clip(img[0], 50, 100))
