"""``numpy.testing._private``: the private layout NumPy's own test files import from."""
