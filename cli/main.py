"""The `np2torch` command.

Kept light on purpose: `np2torch --help` imports click and nothing heavy, and
no command ever imports torch or numpy.  libcst is imported only when a file
is actually converted (inside np2torch.cli.run).
"""

from __future__ import annotations

import sys

import click

from np2torch import __version__

FORMATS = ("text", "json", "github")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="np2torch")
def main():
    """Convert NumPy programs to PyTorch (through np2torch.runtime)."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(file_okay=False),
              help="Write a converted copy of the tree (all files) to DIR instead of converting in place.")
@click.option("--diff", is_flag=True, help="Print a unified diff of the changes; write nothing.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when a file would change or has unconvertible findings.")
@click.option("--format", "report_format", type=click.Choice(FORMATS), default=None,
              help="Report findings as text (default), json, or GitHub Actions annotations.")
@click.option("-j", "--jobs", type=int, default=None, help="Worker processes (default: CPU count for trees).")
@click.option("--exclude", "excludes", multiple=True, metavar="GLOB",
              help="Skip paths matching GLOB (repeatable; added to the configured excludes).")
@click.option("--stdin-filename", default=None,
              help="With '-': the name of the file read from stdin (for messages, config and .ipynb detection).")
@click.option("--runtime", default=None, help="Module converted code imports instead of numpy (default np2torch.runtime).")
@click.option("--select", default=None, help="Comma-separated finding codes (or prefixes) to report.")
@click.option("--ignore", default=None, help="Comma-separated finding codes (or prefixes) never to report.")
@click.option("--approximate/--no-approximate", default=None,
              help="Accept names with documented differences from NumPy without reporting them.")
@click.option("--no-gitignore", is_flag=True, help="Do not skip files matched by .gitignore.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the content cache.")
@click.option("--color/--no-color", default=None, help="Color diffs (default: when stdout is a terminal).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="pyproject.toml to read [tool.np2torch] from (default: found from the working directory upward).")
@click.option("-q", "--quiet", is_flag=True, help="Print only findings and errors, no summary.")
def convert(**kwargs):
    """Convert PATH... (files or directories; '-' reads stdin) to np2torch.

    \b
    Exit status: 0 success; 1 with --check/--diff when something would change
    or cannot be converted; 2 when a file cannot be read or parsed (it is
    named with its line and left untouched; other files are still processed).
    """
    from .run import run_convert

    sys.exit(run_convert(**kwargs))


@main.command()
@click.argument("name")
def explain(name):
    """How NumPy name NAME (e.g. np.linalg.norm) or finding code NAME is handled."""
    from .explain import explain_text

    text, found = explain_text(name)
    click.echo(text)
    sys.exit(0 if found else 1)


if __name__ == "__main__":  # pragma: no cover
    main()
