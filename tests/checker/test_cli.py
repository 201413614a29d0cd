"""``python -m checker``: one value or a whole CSV, in Spanish, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker import curp, nss, text

ROOT = Path(__file__).resolve().parents[2]
VALID_CURP = 'HEGG560427MVZRRL04'
GUIDE_NSS = '28138801999'


def cli(*args, stdin=None, env=None):
    """Run the command line; returns (exit status, stdout, stderr)."""
    full_env = dict(os.environ)
    full_env.pop('PYTHONIOENCODING', None)
    full_env.update(env or {})
    p = subprocess.run(
        [sys.executable, '-m', 'checker', *map(str, args)],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=120,
    )
    out = p.stdout.decode('utf-8', 'replace')
    err = p.stderr.decode('utf-8', 'replace')
    assert 'Traceback' not in out + err, out + err
    return p.returncode, out, err


def make_curp(i: int) -> str:
    s = f'GO{"ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i % 26]}C080315HDFRRL' + 'A'
    return s + curp.calc_check_digit(s)


def make_nss(i: int) -> str:
    s = f'{i + 10:02d}1808{i:04d}'
    return s + nss.calc_check_digit(s)


# ------------------------------------------------------------ one value


def test_valid_curp():
    status, out, err = cli('curp', VALID_CURP)
    assert status == 0
    assert out.startswith('Tu CURP es válida.\n')
    assert '  Fecha de nacimiento: 27/04/1956\n' in out
    assert '  Sexo: Mujer\n' in out
    assert '  Entidad de nacimiento: Veracruz (VZ)\n' in out
    assert err == ''


def test_same_text_as_the_widget():
    for args, expected in [
        (('curp', VALID_CURP), text.describe('curp', VALID_CURP)),
        (('curp', 'HEGG560427MVZRRL05'), text.describe('curp', 'HEGG560427MVZRRL05')),
        (('nss', GUIDE_NSS, '--curp', VALID_CURP), text.describe('nss', GUIDE_NSS, curp=VALID_CURP)),
        (('cp', '29000'), text.describe('cp', '29000')),
    ]:
        status, out, _ = cli(*args)
        assert out == text.render(expected) + '\n'
        assert status == (1 if expected['state'] == 'invalid' else 0)


def test_invalid_curp_points_at_the_character():
    status, out, _ = cli('curp', 'HEGG560427MVZRRL05')
    assert status == 1
    lines = out.splitlines()
    assert lines[0].startswith('El dígito verificador (carácter 18)')
    assert lines[1:3] == ['  HEGG560427MVZRRL05', '  ' + ' ' * 17 + '^ carácter 18']


_POSTAL_44100 = ('  Estado: Jalisco\n', '  Catálogo de códigos postales: ', '(fuentes: ', 'Correos de México')


@pytest.mark.parametrize(
    'args, status, first, also',
    [
        pytest.param(('curp', 'HEGG', '560427', 'MVZRRL04'), 0, 'Tu CURP es válida.', (), id='spaces-in-arguments'),
        pytest.param(
            ('nss', GUIDE_NSS, '--curp', VALID_CURP),
            0,
            'Tu NSS es válido, pero revisa el aviso.\n',
            ('\nAviso: Los dígitos 5 y 6 de tu NSS (88)',),
            id='nss-warning-exits-zero',
        ),
        pytest.param(('nss', '2813880199'), 1, 'Tu NSS tiene 10 caracteres, pero debe tener 11', (), id='nss-invalid'),
        *[
            pytest.param(
                (kind, '44100'), 0, 'El código postal 44100 existe: Guadalajara, Jalisco.\n', _POSTAL_44100, id=kind
            )
            for kind in ('cp', 'postal', 'CP')
        ],
        pytest.param(
            ('cp', '44109'),
            0,
            'El código postal 44109 es de Jalisco, pero no aparece en el catálogo',
            ('\nAviso: El código postal 44109 (Jalisco) no aparece en el catálogo de códigos postales de ',),
            id='unknown-cp-is-an-aviso',
        ),
        pytest.param(('cp', '18000'), 1, 'Ningún código postal de México empieza con 18', (), id='impossible-cp'),
    ],
)
def test_one_value_gets_its_verdict_and_exit_status(args, status, first, also):
    got, out, _ = cli(*args)
    assert got == status
    assert out.startswith(first)
    for part in also:  # the postal code names its catalogue's date and sources
        assert part in out


def test_missing_value():
    status, out, err = cli('curp')
    assert status == 2
    assert 'Falta el valor que quieres revisar' in err
    assert '--ayuda' in err


def test_curp_option_only_with_nss():
    status, _, err = cli('curp', VALID_CURP, '--curp', VALID_CURP)
    assert status == 2 and 'sólo sirve con nss' in err


def test_unknown_option():
    status, _, err = cli('curp', VALID_CURP, '--verbose')
    assert status == 2 and 'No conozco la opción --verbose' in err


@pytest.mark.parametrize('flag', ['-h', '--help', '--ayuda'])
def test_help_in_spanish(flag):
    status, out, err = cli(flag)
    assert status == 0
    assert out.startswith('Uso:\n')
    assert 'python -m checker curp VALOR' in out
    assert 'python -m checker ARCHIVO.csv [--salida REPORTE.txt]' in out
    assert 'código de salida' in out


def test_no_arguments_shows_help_and_fails():
    status, out, err = cli()
    assert status == 2 and err.startswith('Uso:\n') and out == ''


def test_console_that_cannot_show_accents():
    # A legacy console encoding must not turn «» or accents into a crash.
    status, out, err = cli('curp', VALID_CURP, env={'PYTHONIOENCODING': 'ascii'})
    assert status == 0
    assert out.startswith('Tu CURP es v?lida.')


# ---------------------------------------------------------------- files


def write(tmp_path, name, content, encoding='utf-8'):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return path


def test_valid_file(tmp_path):
    rows = ''.join(f'Alumno {i};{make_curp(i)};{make_nss(i)};44100\n' for i in range(5))
    path = write(tmp_path, 'alumnos.csv', '\ufeffNombre;CURP;NSS;C.P.\n' + rows)
    status, out, err = cli(path)
    assert status == 0
    assert out.startswith('Revisión de alumnos.csv\n')
    assert 'Columnas revisadas: CURP en la columna B («CURP»)' in out
    assert 'Separador: punto y coma' in out
    assert '  Filas revisadas: 5\n  Válidas: 5\n' in out
    assert out.endswith('Todo en orden: todas las filas son válidas.\n')


def test_file_with_problems(tmp_path):
    content = (
        'CURP,NSS,Código postal\n'
        f'{make_curp(1)},{make_nss(1)},44100\n'
        f'{make_curp(2)[:-1]}Z,{make_nss(2)},4410\n'
        f'{make_curp(1)},{make_nss(3)},29000\n'
        f'{make_curp(4)},{make_nss(4)[:5]}99{make_nss(4)[7:]},29000\n'
    )
    path = write(tmp_path, 'lista.csv', content, 'latin-1')
    status, out, _ = cli(path)
    assert status == 1
    assert 'Fila 3:\n  Error en CURP (columna A)' in out
    assert 'Error en código postal (columna C) «4410»' in out
    assert 'Fila 4:\n  Error en CURP (columna A)' in out
    assert 'CURP repetida: ya aparece en la fila 2.' in out
    assert 'Fila 5:\n  Error en NSS (columna B)' in out
    assert (
        'Resumen\n  Filas revisadas: 4\n  Válidas: 1\n'
        '  Con advertencias: 0\n  Con errores: 3\n'
        '  Duplicados: 1 (CURP: 1, NSS: 0)\n'
    ) in out
    assert out.endswith('Hay filas con errores: corrígelas y vuelve a revisar el archivo.\n')


def test_warnings_only_exit_zero(tmp_path):
    # NSS says born in 1999, the CURP 2008
    n = '0118990042'
    n += nss.calc_check_digit(n)
    path = write(tmp_path, 'l.csv', f'CURP,NSS\n{make_curp(1)},{n}\n')
    status, out, _ = cli(path)
    assert status == 0
    assert 'Aviso en NSS (columna B)' in out
    assert '  Con advertencias: 1\n' in out


def test_salida_writes_the_report(tmp_path):
    path = write(tmp_path, 'l.csv', f'CURP\n{make_curp(1)}\nX\n')
    report = tmp_path / 'reporte.txt'
    status, out, _ = cli(path, '--salida', report)
    assert status == 1
    saved = report.read_text(encoding='utf-8')
    assert saved.startswith('Revisión de l.csv\n')
    assert 'Fila 3:' in saved
    assert 'Fila 3:' not in out
    assert out.startswith('Resumen\n')
    assert f'El reporte completo está en «{report}».' in out


def test_stdin(tmp_path):
    status, out, _ = cli('-', stdin=f'CURP\n{make_curp(1)}\n'.encode())
    assert status == 0
    assert out.startswith('Revisión de la entrada estándar\n')


def test_missing_file(tmp_path):
    status, out, err = cli(tmp_path / 'no-existe.csv')
    assert status == 2
    assert out == ''
    assert err.startswith('No encontré el archivo «')


def test_directory(tmp_path):
    status, _, err = cli(tmp_path)
    assert status == 2 and 'es una carpeta' in err


def test_file_without_columns(tmp_path):
    path = write(tmp_path, 'l.csv', 'Nombre,Grupo\nAna,3A\n')
    status, out, err = cli(path)
    assert status == 2
    assert err.startswith('l.csv: No encontré ninguna columna de CURP, NSS o código postal.')


def test_empty_file(tmp_path):
    path = write(tmp_path, 'vacio.csv', '')
    status, _, err = cli(path)
    assert status == 2 and 'El archivo está vacío' in err


def test_binary_garbage_is_not_a_traceback(tmp_path):
    path = tmp_path / 'foto.csv'
    path.write_bytes(bytes(range(256)) * 40)
    status, out, err = cli(path)
    assert status == 2


def test_file_named_like_a_kind(tmp_path):
    # a file called "cp" in the current folder is a file, not the kind
    path = write(tmp_path, 'cp', 'CP\n44100\n')
    p = subprocess.run(
        [sys.executable, '-m', 'checker', 'cp'],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, 'PYTHONPATH': str(ROOT)},
    )
    assert p.returncode == 0
    assert p.stdout.decode().startswith('Revisión de cp\n')
    assert path.exists()


def test_unreadable_output(tmp_path):
    path = write(tmp_path, 'l.csv', f'CURP\n{make_curp(1)}\n')
    status, _, err = cli(path, '--salida', tmp_path / 'no' / 'existe.txt')
    assert status == 2 and 'No pude escribir el reporte' in err


@pytest.mark.parametrize(
    'magic, words',
    [
        (b'PK\x03\x04\x14\x00\x06\x00', 'hoja de cálculo de Excel'),
        (b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', 'hoja de cálculo de Excel'),
        (b'%PDF-1.7\n', 'es un PDF'),
    ],
)
def test_not_a_csv(tmp_path, magic, words):
    path = tmp_path / 'lista.xlsx'
    path.write_bytes(magic + bytes(300))
    status, out, err = cli(path)
    assert status == 2
    assert words in err


def test_output_cut_short_is_quiet(tmp_path):
    # e.g. `python -m checker lista.csv | head`
    path = write(tmp_path, 'l.csv', 'CURP\n' + 'X\n' * 20_000)
    p = subprocess.Popen(
        [sys.executable, '-m', 'checker', str(path)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert p.stdout.readline() == 'Revisión de l.csv\n'.encode()
    p.stdout.close()
    err = p.stderr.read().decode()
    p.stderr.close()
    assert p.wait(timeout=60) == 1
    assert err == ''


def test_file_report_is_what_the_page_shows(tmp_path):
    # The "Revisa tu lista" page calls batch.report(bytes, name).
    from checker import batch

    content = (
        'Nombre;CURP;NSS;CP\n'
        f'Ana;{make_curp(1)};{make_nss(1)};44100\n'
        f'Beto;{make_curp(2)[:-1]};{make_nss(2)};4410\n'
        f'Ana;{make_curp(1)};{make_nss(1)};44100\n'
    )
    path = write(tmp_path, 'grupo 3A.csv', content, 'latin-1')
    status, out, _ = cli(path)
    page = batch.report(path.read_bytes(), 'grupo 3A.csv')
    assert out == page['text']
    assert status == page['exit_status'] == 1
