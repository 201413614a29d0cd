"""The one exception family of :mod:`checker`, and the warning shape.

Every validator in :mod:`checker` raises :class:`InvalidInput` (a
:class:`ValueError`, in the spirit of ``stdnum.exceptions.ValidationError``)
and nothing else for bad input.  It carries three attributes:

``code``
    a stable identifier for programs and tests, such as ``curp.check_digit``,
    ``curp.date``, ``nss.length`` or ``postal.unknown``;
``message``
    a friendly Spanish (es-MX) sentence for a student: what is wrong and how
    to fix it, naming positions in human 1-based terms ("el carácter 7");
``position``
    the 0-based index of the offending character in the *compact* value, or
    ``None`` when no single character is to blame.

Warnings are returned, never raised (a real document that breaks a rule must
not block a student); they are plain dicts ``{"code": ..., "message": ...}``
made with :func:`warning`.

>>> e = InvalidInput('curp.sex', 'El carácter 11 debe ser H, M o X.', 10)
>>> isinstance(e, ValueError), e.code, e.position
(True, 'curp.sex', 10)
>>> str(e)
'El carácter 11 debe ser H, M o X.'
>>> warning('curp.inconvenient_word', 'Aviso.')
{'code': 'curp.inconvenient_word', 'message': 'Aviso.'}
"""

from __future__ import annotations

__all__ = ['FileError', 'InvalidInput', 'catalogue_errors', 'warning']


class InvalidInput(ValueError):
    """The value given cannot be valid; ``message`` says why in Spanish."""

    __slots__ = ('code', '_message', 'position', '_template', '_values')

    def __init__(self, code: str, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self._message = message
        self.position = position

    @classmethod
    def lazy(cls, code: str, template: str, values: dict, position: int | None = None) -> InvalidInput:
        """The error with its message filled in only when it is read.

        Callers that only test validity never pay for the Spanish sentence:

        >>> e = InvalidInput.lazy('nss.length', 'Faltan {n} dígitos.', {'n': 2})
        >>> e.code, e.message, str(e), e.args
        ('nss.length', 'Faltan 2 dígitos.', 'Faltan 2 dígitos.', ('Faltan 2 dígitos.',))
        """
        self = cls.__new__(cls)
        self.code = code
        self._message = None
        self._template = template
        self._values = values
        self.position = position
        return self

    @property
    def message(self) -> str:
        if self._message is None:
            self._message = self._template.format_map(self._values)
            self.args = (self._message,)
        return self._message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f'InvalidInput(code={self.code!r}, message={self.message!r}, position={self.position!r})'

    def __reduce__(self):  # keep it picklable (e.g. multiprocessing)
        return (self.__class__, (self.code, self.message, self.position))

    def as_dict(self) -> dict:
        """The error as a plain dict (handy for JSON / the browser widget).

        >>> InvalidInput('nss.length', 'Faltan dígitos.').as_dict()
        {'code': 'nss.length', 'message': 'Faltan dígitos.', 'position': None}
        """
        return {'code': self.code, 'message': self.message, 'position': self.position}


def catalogue_errors(messages: dict):
    """The ``error(key, position=None, **values)`` of one catalogue of messages.

    *key* is a ``code`` or ``code#variant`` of *messages*; with *values* the
    message is filled in only when read (:meth:`InvalidInput.lazy`):

    >>> error = catalogue_errors({'x.short': 'Corto.', 'x.short#n': 'Faltan {n}.'})
    >>> e = error('x.short#n', 4, n=2)
    >>> e.code, e.message, e.position
    ('x.short', 'Faltan 2.', 4)
    >>> error('x.short').message
    'Corto.'
    """
    codes = {key: key.partition('#')[0] for key in messages}

    def error(key: str, position: int | None = None, **values) -> InvalidInput:
        if not values:
            return InvalidInput(codes[key], messages[key], position)
        return InvalidInput.lazy(codes[key], messages[key], values, position)

    return error


def warning(code: str, message: str, position: int | None = None) -> dict:
    """Build a warning in the shape every ``explain()`` returns.

    ``position`` (0-based, in the compact value) only when one character is
    the reason, as for an error:

    >>> warning('curp.inner_vowel', 'Aviso.', 1)
    {'code': 'curp.inner_vowel', 'message': 'Aviso.', 'position': 1}
    """
    result = {'code': code, 'message': message}
    if position is not None:
        result['position'] = position
    return result


class FileError(Exception):
    """A whole file cannot be checked (not one value): ``code`` and a Spanish ``message``.

    Each subclass names its catalogue of messages in ``CATALOGUE``.
    """

    CATALOGUE: dict = {}

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    @classmethod
    def of(cls, code: str, **values):
        """The error *code* with its catalogue message (filled with *values*)."""
        return cls(code, cls.CATALOGUE[code].format(**values))
