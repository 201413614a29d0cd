"""The Spanish (es-MX) texts of the checker, one catalogue per identifier.

Each module maps a stable ``code`` (the one :class:`checker.InvalidInput`
and the warnings carry) to its message template; the validators fill in
the values with ``str.format`` and keep only logic.
"""
