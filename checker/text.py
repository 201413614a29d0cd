"""The Spanish text a student sees for one CURP, NSS or postal code.

:func:`describe` turns the validators' ``explain()`` (or their
:class:`~checker.InvalidInput`) into a plain dict that the browser widget
shows and ``python -m checker curp|nss|cp VALOR`` prints (with
:func:`render`), so both say exactly the same thing::

    {
      "kind": "curp" | "nss" | "cp",
      "state": "valid" | "warning" | "invalid" | "error",
      "message": "...",          # one-line headline
      "details": ["...", ...],   # what the value says (date, sex, state...)
      "warnings": [{"code", "message"}, ...],
      "notes": ["...", ...],     # informative, never change the state
      "position": int | None,    # 0-based, in "value"
      "code": str | None,        # InvalidInput.code when invalid
      "value": "...",            # the compact value ("position" points here)
      ...                        # per kind: "parts", "settlements", ...
    }

``state`` is ``error`` only when the check itself could not run (the
postal-code catalogue could not be loaded); the widget shows it as such.
Nothing here raises for bad input: any ``InvalidInput`` becomes
``state="invalid"``.

>>> d = describe('curp', 'HEGG560427MVZRRL04')
>>> d['state'], d['message']
('valid', 'Tu CURP es válida.')
>>> d['details']
['Fecha de nacimiento: 27/04/1956', 'Sexo: Mujer', 'Entidad de nacimiento: Veracruz (VZ)']
>>> d = describe('nss', '28138801998')
>>> d['state'], d['code'], d['position']
('invalid', 'nss.check_digit', 10)
"""

from . import curp as _curp
from . import nss as _nss
from . import postal as _postal
from .exceptions import InvalidInput

__all__ = ['describe', 'render', 'KINDS', 'NOTE_CODES']

#: Accepted names for each kind (describe() and ``python -m checker``).
KINDS = {
    'curp': 'curp',
    'nss': 'nss',
    'cp': 'cp',
    'postal': 'cp',
    'codigo_postal': 'cp',
    'codigo-postal': 'cp',
    'código-postal': 'cp',
}

#: Warning codes that inform but never make a value "warning": the check
#: digit's blind spots come with every valid CURP, and an NSS cannot be
#: compared with a CURP that is itself invalid (the CURP's own check says
#: what is wrong with it).
NOTE_CODES = frozenset({'curp.check_digit_blind_spot', 'nss.curp_invalid'})

#: Codes meaning the check could not run at all (not the student's fault).
ERROR_CODES = frozenset({'postal.data_unavailable'})

_MAX_SHOWN_SETTLEMENTS = 8


def _result(kind, value):
    return {
        'kind': kind,
        'state': 'valid',
        'message': '',
        'details': [],
        'warnings': [],
        'notes': [],
        'position': None,
        'code': None,
        'value': value,
    }


def _safe_compact(module, value):
    try:
        return module.compact(value)
    except InvalidInput:
        return value if isinstance(value, str) else ''


def _split_warnings(result, warnings):
    for w in warnings or ():
        if w.get('code') in NOTE_CODES:
            result['notes'].append(w.get('message', ''))
        else:
            shown = {'code': w.get('code'), 'message': w.get('message', '')}
            if w.get('position') is not None:
                shown['position'] = w['position']
            result['warnings'].append(shown)


def _invalid(result, exc):
    result['state'] = 'error' if exc.code in ERROR_CODES else 'invalid'
    result['message'] = exc.message
    result['code'] = exc.code
    result['position'] = exc.position
    return result


def _dmy(iso):
    """'1956-04-27' -> '27/04/1956'."""
    year, month, day = iso.split('-')
    return f'{day}/{month}/{year}'


def _headline(result, valid_text, subject):
    if result['warnings']:
        result['state'] = 'warning'
        # a warning about one character points at it, as an error does
        result['position'] = next((w['position'] for w in result['warnings'] if 'position' in w), None)
        many = len(result['warnings']) > 1
        result['message'] = f'{subject}, pero revisa {"los avisos" if many else "el aviso"}.'
    else:
        result['state'] = 'valid'
        result['message'] = valid_text


def _describe_curp(value):
    result = _result('curp', _safe_compact(_curp, value))
    try:
        info = _curp.explain(value)
    except InvalidInput as exc:
        return _invalid(result, exc)
    result['value'] = info['curp']
    result['parts'] = {k: v for k, v in info.items() if k != 'warnings'}
    result['details'] = [
        f'Fecha de nacimiento: {_dmy(info["birth_date"])}',
        f'Sexo: {info["sex_name"]}',
        f'Entidad de nacimiento: {info["state_name"]} ({info["state"]})',
    ]
    _split_warnings(result, info.get('warnings'))
    _headline(result, 'Tu CURP es válida.', 'Tu CURP es válida')
    return result


def _describe_nss(value, curp=None):
    result = _result('nss', _safe_compact(_nss, value))
    if isinstance(curp, str) and not curp.strip():
        curp = None
    try:
        info = _nss.explain(value, curp=curp)
    except InvalidInput as exc:
        return _invalid(result, exc)
    result['value'] = info['nss']
    result['parts'] = {k: v for k, v in info.items() if k != 'warnings'}
    registration = info.get('registration_year_full')
    reg = info['registration_year']
    result['details'] = [
        f'Subdelegación del IMSS: {info["subdelegacion"]}',
        f'Año de alta en el IMSS: {reg}' + (f' ({registration})' if registration else ''),
        f'Año de nacimiento: {info["birth_year"]}',
        f'Folio: {info["folio"]}',
        f'Dígito verificador: {info["check_digit"]}',
    ]
    _split_warnings(result, info.get('warnings'))
    compared = curp is not None and not any(w.get('code') == 'nss.curp_invalid' for w in info.get('warnings', ()))
    if compared and not result['warnings']:
        result['details'].append('Comparado con tu CURP: el año de nacimiento coincide.')
        valid_text = 'Tu NSS es válido y coincide con tu CURP.'
    else:
        valid_text = 'Tu NSS es válido.'
    _headline(result, valid_text, 'Tu NSS es válido')
    return result


def _describe_cp(value):
    result = _result('cp', _safe_compact(_postal, value))
    try:
        info = _postal.explain(value)
    except InvalidInput as exc:
        _invalid(result, exc)
        try:
            result['catalogue_date'] = _postal.catalogue_date()
        except InvalidInput:
            result['catalogue_date'] = None
        return result
    code = info['code']
    result['value'] = code
    former = info.get('former') or []
    municipalities = [m for m in info.get('municipalities') or [] if m not in former]
    settlements = info.get('settlements') or []
    result['catalogue_date'] = info.get('catalogue_date')
    result['sources'] = info.get('sources') or []
    result['settlements'] = [f'{name} ({kind})' if kind else name for name, kind in settlements]
    result['parts'] = {k: v for k, v in info.items() if k != 'warnings'}
    details = [f'Estado: {info["state"]}']
    if municipalities:
        # Mexico City has alcaldías, not municipios
        cdmx = info.get('state_key') == '09' or info['state'] == 'Ciudad de México'
        label = 'Alcaldía' if cdmx else 'Municipio'
        if len(municipalities) > 1:
            label = 'Alcaldías' if cdmx else 'Municipios'
        details.append(f'{label}: {", ".join(municipalities)}')
    if info.get('city'):
        details.append(f'Ciudad: {info["city"]}')
    if former:
        # a newer source renamed it; the old name still matches
        details.append(f'Nombre anterior: {", ".join(former)}')
    n = len(settlements)
    if n:
        names = [name for name, _kind in settlements]
        shown = ', '.join(names[:_MAX_SHOWN_SETTLEMENTS])
        if n > _MAX_SHOWN_SETTLEMENTS:
            shown += f' y {n - _MAX_SHOWN_SETTLEMENTS} más'
        noun = 'colonia o asentamiento' if n == 1 else 'colonias o asentamientos'
        details.append(f'{n} {noun}: {shown}')
    catalogue = info.get('catalogue') or info.get('catalogue_date')
    if catalogue:
        sources = '; '.join(result['sources'])
        details.append(f'Catálogo de códigos postales: {catalogue}' + (f' (fuentes: {sources})' if sources else ''))
    result['details'] = details
    _split_warnings(result, info.get('warnings'))
    if info.get('in_catalogue') is False:
        # possible but not in the catalogue: the warning says what to do
        result['state'] = 'warning'
        result['message'] = (
            f'El código postal {code} es de {info["state"]}, pero no aparece en el catálogo: revisa el aviso.'
        )
        return result
    place = municipalities[0] if municipalities else ''
    where = f'{place}, {info["state"]}' if place else info['state']
    _headline(result, f'El código postal {code} existe: {where}.', f'El código postal {code} existe ({where})')
    return result


def describe(kind, value, curp=None):
    """Describe ``value`` (a CURP, NSS or postal code) for a student.

    ``kind`` is ``'curp'``, ``'nss'`` or ``'cp'`` (also ``'postal'``);
    ``curp`` (NSS only) is the CURP typed on the same page, for the
    cross-check (``None`` or ``''``: no cross-check).  Raises only
    ``ValueError`` for an unknown ``kind`` (a programming error).

    >>> describe('cp', '4410')['message']
    'Al código postal le faltan dígitos: tiene 4 y debe tener 5. Si empieza con cero (como 06600), no omitas ese cero.'
    >>> describe('nss', '28138801999', curp='HEGG560427MVZRRL04')['state']
    'warning'
    """
    canonical = KINDS.get(kind) if isinstance(kind, str) else None
    if canonical is None:
        raise ValueError(f'unknown kind {kind!r}: use curp, nss or cp')
    if canonical == 'curp':
        return _describe_curp(value)
    if canonical == 'nss':
        return _describe_nss(value, curp)
    return _describe_cp(value)


def _marker(result):
    """Two lines pointing at the offending character, or []."""
    value, position = result.get('value'), result.get('position')
    if not isinstance(value, str) or position is None or not 0 <= position < len(value) or not value.isprintable():
        return []
    return [f'  {value}', f'  {" " * position}^ carácter {position + 1}']


def render(result):
    """The text of :func:`describe`'s result, as the command line prints it.

    >>> print(render(describe('nss', '28138801998')))  # doctest: +ELLIPSIS
    El último dígito de tu NSS (el 11) no coincide ...
      28138801998
                ^ carácter 11
    """
    lines = [result['message']]
    lines.extend(_marker(result))
    lines.extend(f'  {d}' for d in result['details'])
    lines.extend(f'Aviso: {w["message"]}' for w in result['warnings'])
    lines.extend(f'Nota: {n}' for n in result['notes'])
    return '\n'.join(lines)
