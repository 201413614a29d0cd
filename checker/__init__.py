"""Validators for Mexican CURP, NSS and postal codes that explain themselves.

Pure standard-library Python (CPython 3.11+ and Pyodide), in the style of
python-stdnum: each module has ``compact()``, ``validate()`` and
``is_valid()``; ``validate()`` raises :class:`InvalidInput`, whose
``code``, ``message`` (Spanish, es-MX) and ``position`` say what is wrong
and where.

>>> from checker import curp, nss, InvalidInput
>>> curp.is_valid('HEGG560427MVZRRL04'), nss.is_valid('28138801999')
(True, True)
"""

from . import curp, nss, postal
from .exceptions import InvalidInput, warning

__all__ = ['curp', 'nss', 'postal', 'InvalidInput', 'warning']
