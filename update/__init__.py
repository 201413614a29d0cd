"""Maintainer scripts that regenerate the data :mod:`checker` reads.

Like python-stdnum's ``update/`` folder: run from the repository root, never
shipped (neither in the package nor to the browser)::

    python -m update.postal                       # postal codes from the pinned packages
    python -m update.postal --sepomex CPdescarga.txt
    python -m update.postal --download CPdescarga.txt   # fetch the official file first

See :mod:`update.postal`.
"""
