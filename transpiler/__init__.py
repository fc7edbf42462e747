"""NumPy source -> PyTorch source (LibCST rules); pure functions, no I/O."""
