"""np2torch: move NumPy code onto PyTorch with NumPy's results.

Subpackages:
  np2torch.transpiler  source text -> converted source text + findings
  np2torch.runtime     NumPy's public API on torch tensors (needs torch)
  np2torch.cli         the `np2torch` command
"""

__version__ = "0.1.0"
