"""Facts about Mexico that several parts of the project need, one table each.

* ``STATES``: the 32 entidades federativas, one row per state with every key
  and name the project uses: ``(inegi, sat, curp, name, official)`` where
  ``inegi`` is the 2-digit INEGI key (the postal catalogue's ``c_estado``),
  ``sat`` the SAT catalogue's key, ``curp`` RENAPO's 2-letter key (CURP
  characters 12-13), ``name`` the name shown to students and school offices,
  and ``official`` the name as the SEPOMEX catalogue spells it.
* ``BORN_ABROAD``: the CURP's key and name for people born abroad.
* ``MONTHS``: the month names in Spanish, January first.

:mod:`checker.curp`, :mod:`checker.postal`, the postal data tool and
``guide/model.py`` derive their own views from these rows.

>>> len(STATES), len({row[2] for row in STATES}), MONTHS[3]
(32, 32, 'abril')
>>> [row for row in STATES if row[2] == 'JC']
[('14', 'JAL', 'JC', 'Jalisco', 'Jalisco')]
"""

from __future__ import annotations

STATES = (
    ('01', 'AGU', 'AS', 'Aguascalientes', 'Aguascalientes'),
    ('02', 'BCN', 'BC', 'Baja California', 'Baja California'),
    ('03', 'BCS', 'BS', 'Baja California Sur', 'Baja California Sur'),
    ('04', 'CAM', 'CC', 'Campeche', 'Campeche'),
    ('05', 'COA', 'CL', 'Coahuila', 'Coahuila de Zaragoza'),
    ('06', 'COL', 'CM', 'Colima', 'Colima'),
    ('07', 'CHP', 'CS', 'Chiapas', 'Chiapas'),
    ('08', 'CHH', 'CH', 'Chihuahua', 'Chihuahua'),
    ('09', 'CMX', 'DF', 'Ciudad de México', 'Ciudad de México'),
    ('10', 'DUR', 'DG', 'Durango', 'Durango'),
    ('11', 'GUA', 'GT', 'Guanajuato', 'Guanajuato'),
    ('12', 'GRO', 'GR', 'Guerrero', 'Guerrero'),
    ('13', 'HID', 'HG', 'Hidalgo', 'Hidalgo'),
    ('14', 'JAL', 'JC', 'Jalisco', 'Jalisco'),
    ('15', 'MEX', 'MC', 'Estado de México', 'México'),
    ('16', 'MIC', 'MN', 'Michoacán', 'Michoacán de Ocampo'),
    ('17', 'MOR', 'MS', 'Morelos', 'Morelos'),
    ('18', 'NAY', 'NT', 'Nayarit', 'Nayarit'),
    ('19', 'NLE', 'NL', 'Nuevo León', 'Nuevo León'),
    ('20', 'OAX', 'OC', 'Oaxaca', 'Oaxaca'),
    ('21', 'PUE', 'PL', 'Puebla', 'Puebla'),
    ('22', 'QUE', 'QT', 'Querétaro', 'Querétaro'),
    ('23', 'ROO', 'QR', 'Quintana Roo', 'Quintana Roo'),
    ('24', 'SLP', 'SP', 'San Luis Potosí', 'San Luis Potosí'),
    ('25', 'SIN', 'SL', 'Sinaloa', 'Sinaloa'),
    ('26', 'SON', 'SR', 'Sonora', 'Sonora'),
    ('27', 'TAB', 'TC', 'Tabasco', 'Tabasco'),
    ('28', 'TAM', 'TS', 'Tamaulipas', 'Tamaulipas'),
    ('29', 'TLA', 'TL', 'Tlaxcala', 'Tlaxcala'),
    ('30', 'VER', 'VZ', 'Veracruz', 'Veracruz de Ignacio de la Llave'),
    ('31', 'YUC', 'YN', 'Yucatán', 'Yucatán'),
    ('32', 'ZAC', 'ZS', 'Zacatecas', 'Zacatecas'),
)

BORN_ABROAD = ('NE', 'Nacido en el extranjero')

MONTHS = (
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
)
