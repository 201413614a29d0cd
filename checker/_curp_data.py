"""Tables from RENAPO's *Instructivo Normativo para la Asignación de la Clave
Única de Registro de Población* used by :mod:`checker.curp`.

* ``INCONVENIENT_WORDS``: the 81 "palabras inconvenientes" of Anexo 2.  When
  the first four characters would spell one of them RENAPO replaces the
  second character with ``X`` (BACA -> BXCA).
* ``STATES``: the 32 entidades federativas plus ``NE`` (nacido en el
  extranjero) with the names shown to students.
* ``PARTICLES``: prepositions, conjunctions and contractions that are skipped
  in compound names and surnames.
* ``SKIPPED_GIVEN_NAMES``: first given names (MARIA, JOSE and their short
  forms) that are skipped when another given name follows.
* ``ALPHABET``: the check digit's dictionary (a character's value is its
  index), and the character classes ``DIGITS``, ``UPPER``, ``VOWELS`` and
  ``CONSONANTS`` the rules are written with.

>>> len(INCONVENIENT_WORDS), len(STATES)
(81, 33)
"""

from __future__ import annotations

from . import _mexico

INCONVENIENT_WORDS = frozenset(
    '''
    BACA BAKA BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COGI COJA COJE
    COJI COJO COLA CULO FALO FETO GETA GUEI GUEY JETA JOTO KACA KACO KAGA
    KAGO KAKA KAKO KOGE KOGI KOJA KOJE KOJI KOJO KOLA KULO LILO LOCA LOCO
    LOKA LOKO MAME MAMO MEAR MEAS MEON MIAR MION MOCO MOKO MULA MULO NACA
    NACO PEDA PEDO PENE PIPI PITO POPO PUTA PUTO QULO RATA ROBA ROBE ROBO
    RUIN SENO TETA VACA VAGA VAGO VAKA VUEI VUEY WUEI WUEY
'''.split()
)

# RENAPO's key -> the name shown, from the one table of states.
STATES = {curp: name for _, _, curp, name, _ in _mexico.STATES}
STATES[_mexico.BORN_ABROAD[0]] = _mexico.BORN_ABROAD[1]

# Other spellings accepted by derive()/compare() for the state (already
# uppercased and without accents); every STATES name is accepted as well.
STATE_ALIASES = {
    'AGS': 'AS',
    'BAJA CALIFORNIA NORTE': 'BC',
    'BCS': 'BS',
    'COAHUILA DE ZARAGOZA': 'CL',
    'COAH': 'CL',
    'CDMX': 'DF',
    'CIUDAD DE MEXICO': 'DF',
    'DISTRITO FEDERAL': 'DF',
    'MEXICO': 'MC',
    'EDO MEX': 'MC',
    'EDOMEX': 'MC',
    'EDO. MEX.': 'MC',
    'ESTADO DE MEXICO': 'MC',
    'MICHOACAN DE OCAMPO': 'MN',
    'NUEVO LEON': 'NL',
    'QUERETARO': 'QT',
    'QUERETARO DE ARTEAGA': 'QT',
    'SAN LUIS POTOSI': 'SP',
    'VERACRUZ DE IGNACIO DE LA LLAVE': 'VZ',
    'YUCATAN': 'YN',
    'EXTRANJERO': 'NE',
    'NACIDO EN EL EXTRANJERO': 'NE',
    'NACIDA EN EL EXTRANJERO': 'NE',
}

PARTICLES = frozenset(
    '''
    DA DAS DE DEL DER DI DIE DD EL LA LOS LAS LE LES MAC MC VAN VON Y
'''.split()
)

SKIPPED_GIVEN_NAMES = frozenset(('MARIA', 'MA.', 'MA', 'JOSE', 'J', 'J.'))

ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ'
DIGITS = '0123456789'
UPPER = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZ')
VOWELS = frozenset('AEIOU')
CONSONANTS = UPPER - VOWELS
