"""Conversion rules, one family per module.

imports     numpy imports -> runtime imports (every import form)
bridge      torch <-> NumPy idioms -> zero-copy runtime helpers
references  report NumPy names the runtime cannot honour (catalog tiers)
dtypes      report structured and object dtypes
"""
