"""The list report speaks to the school office, not to the student.

The validators' messages (:mod:`checker.messages.curp`, ``nss``, ``postal``)
address the student who types one value («tu CURP», «naciste»).  In the
report of a list they are about a student of the office's list, so each is
read through :data:`VOICE`: phrase by phrase, longest first, «tu CURP» ->
«la CURP», «naciste» -> «nació el alumno».  A test renders every message a
list can produce and finds no «tu», «tuyo», «naciste» or «tienes» left.
"""

#: (student's phrase, the office's), applied in this order.
VOICE = (
    ('no te falte ni te sobre', 'no le falte ni le sobre'),
    ('Según tu CURP naciste', 'Según la CURP, el alumno nació'),
    ('según tu CURP naciste', 'según la CURP, el alumno nació'),
    ('tu constancia de CURP', 'la constancia de CURP del alumno'),
    ('tu acta de nacimiento', 'el acta de nacimiento del alumno'),
    ('tu documento del IMSS', 'el documento del IMSS del alumno'),
    ('tu comprobante de domicilio', 'el comprobante de domicilio del alumno'),
    ('tu recibo de luz o agua', 'el recibo de luz o agua del alumno'),
    ('tus apellidos y tu nombre', 'los apellidos y el nombre del alumno'),
    ('el año en que te dio de alta', 'el año en que el IMSS dio de alta al alumno'),
    ('te dio de alta', 'dio de alta al alumno'),
    ('el año en que naciste', 'el año en que nació el alumno'),
    ('porque naciste', 'porque el alumno nació'),
    ('naciste', 'nació el alumno'),
    ('no tienes segundo apellido', 'el alumno no tiene segundo apellido'),
    ('tienes segundo apellido', 'el alumno tiene segundo apellido'),
    ('tienes', 'tiene el alumno'),
    ('sea tuyo', 'sea del alumno'),
    ('tuyo', 'del alumno'),
    ('tuya', 'del alumno'),
    ('No escribiste', 'No hay'),
    ('escribiste', 'tiene la celda'),
    ('Tu CURP', 'La CURP'),
    ('tu CURP', 'la CURP'),
    ('Tu NSS', 'El NSS'),
    ('tu NSS', 'el NSS'),
    ('tu primer apellido', 'el primer apellido'),
    ('tu segundo apellido', 'el segundo apellido'),
    ('tu nombre', 'el nombre'),
    ('tu fecha de nacimiento', 'la fecha de nacimiento'),
    ('tu mes de nacimiento', 'el mes de nacimiento'),
    ('tu día de nacimiento', 'el día de nacimiento'),
    ('tu año', 'el año'),
    ('tu sexo', 'el sexo'),
    ('tu entidad', 'la entidad'),
    ('tu código postal', 'el código postal'),
    ('tu código', 'el código'),
    ('tu colonia', 'la colonia'),
    ('tu documento', 'el documento del alumno'),
    ('tu acta', 'el acta del alumno'),
    ('tu constancia', 'la constancia del alumno'),
)


def for_office(message):
    """*message* as the office reads it.

    >>> for_office('Los dígitos 5 y 6 de tu NSS deberían ser el año en que naciste.')
    'Los dígitos 5 y 6 del NSS deberían ser el año en que nació el alumno.'
    """
    if not any(w in message for w in ('tu', 'te ', 'nac', 'escrib', 'tien')):
        return message
    for student, office in VOICE:
        if student in message:
            message = message.replace(student, office)
    return message.replace('de el ', 'del ').replace(' a el ', ' al ')
