"""NumPy API on torch tensors."""
