"""Dadkhah: an accountability workbench for mass atrocities.

Victim registers linked across lists, scripts and spellings; multiple systems estimation of the
whole toll; sourced accounts of responsibility; reproducible dossiers.

The public API is re-exported from the subpackages (``dadkhah.names``, ``dadkhah.dates``,
``dadkhah.estimate`` ...) and from :mod:`dadkhah.api`, the use cases the CLI and web app call.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dadkhah")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
