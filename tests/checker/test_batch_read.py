"""checker.batch.read hands lines on a block at a time: whatever the block
size, the lines and the limits' errors are those of reading line by line."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.batch import read
from checker.batch.results import BatchError

PIECES = st.sampled_from(['a', 'bb', ',', '"', '""', '\r', '\n', '\r\n', '\ufeff', 'ñ', ' '])


def line_by_line(text, max_line, max_record):
    """The limits read one line at a time (readline), as a reference:
    (lines handed on, (error line, limit) or None)."""
    lines, quoted, record, start = [], False, 0, 0
    stream = io.StringIO(text, newline='')
    for number, line in enumerate(iter(lambda: stream.readline(max_line + 1), ''), 1):
        if len(line) > max_line:
            return lines, (number, max_line)
        if quoted or '"' in line:
            if not quoted:
                record, start = 0, number
            record += len(line)
            quoted = read._ends_quoted(line, quoted)
            if record > max_record:
                return lines, (start, max_record)
        lines.append(line)
    return lines, None


def blockwise(text):
    got = []
    try:
        for line in read.text_lines(text):
            got.append(line)
    except BatchError as exc:
        assert exc.code == 'batch.row_too_big'
        return got, exc
    return got, None


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=60).map(''.join), st.integers(1, 9))
def test_lines_are_those_of_reading_line_by_line(text, block):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(read, 'BLOCK', block)
        got, error = blockwise(text)
    assert error is None
    body = text[1:] if text.startswith('\ufeff') else text
    assert got == io.StringIO(body, newline='').readlines()


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=80).map(''.join), st.integers(1, 9), st.integers(1, 12), st.integers(1, 30))
def test_limits_stop_at_the_line_that_reading_line_by_line_stops_at(text, block, max_line, max_record):
    body = text[1:] if text.startswith('\ufeff') else text
    want, stop = line_by_line(body, max_line, max_record)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(read, 'BLOCK', block)
        mp.setattr(read, 'MAX_LINE', max_line)
        mp.setattr(read, 'MAX_RECORD', max_record)
        got, error = blockwise(text)
    if stop is None:
        assert error is None and got == want
    else:
        # every line before the stop is handed on first
        assert error is not None and got == want
        line, limit = stop
        assert f'línea {line}' in error.message and f'{limit:,}' in error.message


def test_a_crlf_split_between_two_blocks_is_one_line_ending(monkeypatch):
    monkeypatch.setattr(read, 'BLOCK', 4)
    assert list(read.text_lines('CURP\r\nX\r\n')) == ['CURP\r\n', 'X\r\n']
    assert list(read.open_lines(b'abc\r\ndef')) == ['abc\r\n', 'def']


def test_a_long_line_is_refused_before_it_is_all_read(monkeypatch):
    monkeypatch.setattr(read, 'BLOCK', 8)
    monkeypatch.setattr(read, 'MAX_LINE', 20)
    reads = []

    class Counting(io.StringIO):
        def read(self, n=-1):
            reads.append(n)
            return super().read(n)

    lines = read.open_lines(Counting('ok\n' + 'x' * 10_000, newline=''))
    assert next(lines) == 'ok\n'
    with pytest.raises(BatchError, match='línea 2'):
        next(lines)
    assert len(reads) <= 5  # stopped near MAX_LINE, not at the end of the text
