"""Command line: ``python -m checker curp|nss|cp VALOR`` or ``python -m checker ARCHIVO.csv``.

Prints the same Spanish text the widgets show (see :mod:`checker.text`) and
the batch report of :mod:`checker.batch`.  Exit status: 0 valid (warnings
allowed), 1 something invalid, 2 the command could not run (bad usage, file
not found, no CURP/NSS/CP column).
"""

import os
import sys

from . import text

AYUDA = """\
Uso:
  python -m checker curp VALOR          revisa una CURP
  python -m checker nss VALOR [--curp CURP]
                                        revisa un NSS (y, si das la CURP,
                                        que ambos coincidan)
  python -m checker cp VALOR            revisa un código postal
  python -m checker ARCHIVO.csv [--salida REPORTE.txt] [--sin-duplicados]
                                        revisa una lista completa
  python -m checker ARCHIVO.xlsx [--hoja NOMBRE]
                  [--salida LISTA-revisada.xlsx|LISTA-revisada.csv]
                  [--columnas CAMPO=COLUMNA,...]
                                        lo mismo con una lista de Excel, y
                                        una copia revisada de la lista

Revisa la CURP, el número de seguridad social (NSS) y el código postal, y te
explica en español qué está bien, qué está mal y dónde.

Con una lista de alumnos en Excel (.xlsx) o CSV: busca las columnas cuyo
título diga CURP, NSS (o «Número de Seguridad Social») y CP (o «Código
postal»), revisa cada fila, compara la CURP con el NSS de la misma fila y,
si la lista tiene el nombre, los apellidos, la fecha de nacimiento, el sexo
o la entidad de nacimiento del alumno, con esos datos; marca los valores
repetidos y al final da un resumen.
Si el archivo no tiene títulos (por ejemplo, una CURP por renglón), reconoce
las columnas de CURP y NSS por su contenido. Acepta archivos separados por
comas, punto y coma o tabuladores, en UTF-8 o Latin-1 (como los guarda
Excel). Usa «-» como nombre de archivo para leer de la entrada estándar.

Opciones:
  --salida ARCHIVO, -o ARCHIVO   con .xlsx o .csv: escribe una copia de la
                                 lista con dos columnas más, «Revisión»
                                 (Válida, Con avisos, Con errores) y
                                 «Detalle», y las celdas con problemas
                                 marcadas; el reporte se muestra en
                                 pantalla.  Con otro nombre (REPORTE.txt):
                                 escribe ahí el reporte (el resumen sí se
                                 muestra)
  --hoja NOMBRE                  (con .xlsx) revisa esa hoja; si no, la
                                 primera
  --columnas CAMPO=COLUMNA,...   dice qué columna es cuál cuando sus títulos
                                 no se reconocen; COLUMNA es la letra (B) o
                                 el título; CAMPO: curp, nss, cp, nombre,
                                 primer_apellido, segundo_apellido,
                                 nombre_completo, fecha_nacimiento, sexo,
                                 entidad. Ejemplo:
                                 --columnas "nombre=Nombre del alumno,fecha=F"
  --sin-duplicados               no busca CURP ni NSS repetidos (ahorra
                                 memoria con listas enormes)
  --curp CURP                    (con nss) la CURP de la misma persona
  -h, --help, --ayuda            muestra esta ayuda

Resultado (código de salida): 0 si todo es válido (puede haber avisos),
1 si algo no es válido, 2 si el comando no se pudo ejecutar.
"""

_KINDS = text.KINDS


def _usage_error(message, err):
    err.write(f'{message}\nEscribe «python -m checker --ayuda» para ver cómo usarlo.\n')
    return 2


def _take_option(args, names):
    """Remove ``--name VALUE`` / ``--name=VALUE`` from args; return VALUE."""
    for i, arg in enumerate(args):
        for name in names:
            if arg == name:
                if i + 1 >= len(args):
                    raise _Usage(f'Falta el valor después de {name}.')
                value = args[i + 1]
                del args[i : i + 2]
                return value
            if name.startswith('--') and arg.startswith(name + '='):
                del args[i]
                return arg[len(name) + 1 :]
    return None


class _Usage(Exception):
    pass


def _configure(stream):
    # A Windows console (or a pipe) in a legacy code page must never turn
    # a «» or an accent into a traceback.
    try:
        stream.reconfigure(errors='replace')
    except (AttributeError, ValueError, OSError):
        pass


def _explain_value(kind, args, out):
    curp = _take_option(args, ('--curp',))
    unknown = [a for a in args if a.startswith('--')]
    if unknown:
        raise _Usage(f'No conozco la opción {unknown[0]}.')
    if curp is not None and kind != 'nss':
        raise _Usage('La opción --curp sólo sirve con nss.')
    if not args:
        raise _Usage(f'Falta el valor que quieres revisar: python -m checker {kind} VALOR')
    value = ' '.join(args)
    result = text.describe(kind, value, curp=curp)
    out.write(text.render(result) + '\n')
    return 1 if result['state'] == 'invalid' else 0


def _check_file(args, out, err):
    from . import batch
    from .batch import lists

    salida = _take_option(args, ('--salida', '-o'))
    sheet = _take_option(args, ('--hoja',))
    columnas = _take_option(args, ('--columnas',))
    copy_fmt = lists.copy_format(salida)
    try:
        mapping = lists.parse_mapping(columnas) if columnas else None
    except ValueError as exc:
        raise _Usage(str(exc)) from None
    duplicates = True
    while '--sin-duplicados' in args:
        args.remove('--sin-duplicados')
        duplicates = False
    unknown = [a for a in args if a.startswith('-') and a != '-']
    if unknown:
        raise _Usage(f'No conozco la opción {unknown[0]}.')
    if len(args) != 1:
        raise _Usage('Da un solo archivo (CSV o Excel) para revisar.')
    path = args[0]
    if path == '-':
        source, name = sys.stdin.buffer, 'la entrada estándar'
    else:
        if os.path.isdir(path):
            err.write(f'«{path}» es una carpeta, no un archivo.\n')
            return 2
        if not os.path.exists(path):
            err.write(
                f'No encontré el archivo «{path}». Revisa el nombre y '
                'la carpeta (puedes arrastrar el archivo a la terminal '
                'para escribir su ruta).\n'
            )
            return 2
        source, name = path, os.path.basename(path)
    tap = lists.RowTap() if copy_fmt else None
    try:
        run = lists.open_run(
            source,
            name,
            sheet=sheet,
            duplicates=duplicates,
            tap=tap,
            mapping=mapping,
            expected_rows=lists.estimate_rows(path),
        )
    except batch.BatchError as exc:
        err.write(f'{name}: {exc.message}\n')
        return 2
    except OSError as exc:
        err.write(f'No pude abrir «{path}»: {exc.strerror or exc}.\n')
        return 2

    target = out
    handle = copy = None
    if copy_fmt is not None:
        try:
            copy = lists.CopyFile(salida, run, tap, copy_fmt)
        except OSError as exc:
            err.write(f'No pude escribir la copia revisada en «{salida}»: {exc.strerror or exc}.\n')
            return 2
        run = copy.run
    elif salida is not None:
        try:
            handle = open(salida, 'w', encoding='utf-8', newline='\n')
        except OSError as exc:
            err.write(f'No pude escribir el reporte en «{salida}»: {exc.strerror or exc}.\n')
            return 2
        target = handle
    done = False
    try:
        for line in batch.format_report(run, name):
            target.write(line + '\n')
        done = True
    except batch.BatchError as exc:
        target.write(exc.message + '\n')
        if handle is not None:
            err.write(f'{name}: {exc.message}\n')
        return 2
    except BrokenPipeError:
        raise
    except OSError as exc:
        err.write(f'No pude leer «{path}» completo: {exc.strerror or exc}.\n')
        return 2
    finally:
        if handle is not None:
            handle.close()
        if copy is not None:
            copy.close(done)
    if copy is not None:
        out.write(f'La copia revisada de la lista está en «{salida}».\n')
    if handle is not None:
        # The report went to the file; still show the counts.
        for line in batch.format_summary(run.summary):
            out.write(line + '\n')
        out.write(f'El reporte completo está en «{salida}».\n')
    return run.summary.exit_status


def main(argv=None, out=None, err=None):
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    out = out or sys.stdout
    err = err or sys.stderr
    _configure(out)
    _configure(err)
    if not args:
        err.write(AYUDA)
        return 2
    if any(a in ('-h', '--help', '--ayuda', '-?') for a in args) or args[0] in ('ayuda', 'help'):
        out.write(AYUDA)
        return 0
    try:
        kind = _KINDS.get(args[0].lower())
        # "cp VALOR" is a value; a lone "cp" that names a file is the file.
        if kind is not None and (len(args) > 1 or not os.path.isfile(args[0])):
            return _explain_value(kind, args[1:], out)
        return _check_file(args, out, err)
    except _Usage as exc:
        return _usage_error(str(exc), err)
    except KeyboardInterrupt:
        err.write('\nRevisión interrumpida.\n')
        return 130
    except BrokenPipeError:
        # e.g. piped into `head`: stop quietly (and keep Python from
        # complaining while flushing stdout at exit).
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):  # pragma: no cover
            pass
        return 1


if __name__ == '__main__':
    sys.exit(main())
