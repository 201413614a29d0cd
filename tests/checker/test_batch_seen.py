"""checker.batch.seen: every table answers as a dict's setdefault, through
growth, wide rows and (for NSSs) the switch to a wide table."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.batch import seen
from checker.batch.seen import PackedTable, SeenTable

CURPS = st.text('ABHEG0145', min_size=1, max_size=18)
ROWS = st.integers(2, 2**27 - 1) | st.sampled_from([2**27, 2**32 - 1, 2**32, 2**40])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(CURPS, ROWS), max_size=200))
def test_curp_tables_are_a_dict_setdefault(pairs):
    tables, ref = [SeenTable.for_curp(capacity=4), seen._CurpTable32(capacity=4)], {}
    for value, row in pairs:
        want = ref.setdefault(value, row)
        assert [t.setdefault(value, row) for t in tables] == [want, want]
    assert [len(t) for t in tables] == [len(ref)] * 2


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**11 - 1) | st.sampled_from([0, 9, 19, 2**37, 2**40]), ROWS), max_size=200))
def test_int_tables_are_a_dict_setdefault(pairs):
    tables, ref = [SeenTable(capacity=4), SeenTable.for_nss(capacity=4)], {}
    for key, row in pairs:
        want = ref.setdefault(key, row)
        assert [t.setdefault(key, row) for t in tables] == [want, want]
    assert [len(t) for t in tables] == [len(ref)] * 2


def _longest_run(slots):
    run = best = 0
    for v in slots:
        run = run + 1 if v else 0
        best = max(best, run)
    return best


def test_series_of_nss_spread_over_the_table():
    """Real lists hold series of NSSs (one subdelegación and year, a counter):
    keys that share their first digits and count up by tens.  Taken modulo
    the capacity alone, such series piled into runs of occupied slots that
    linear probing walks for every new key (200,000 took 48 s); mixed, the
    longest run stays short."""
    from checker import nss

    table = PackedTable()
    for i in range(60_000):
        n = f'{i // 3000 + 1:02d}1808{i % 3000:04d}'
        table.setdefault(int(n + nss.calc_check_digit(n)), i + 2)
    assert len(table) == 60_000
    assert _longest_run(table.slots) < 200


def test_tables_sized_for_the_rows_do_not_grow():
    capacity = int(1000 / SeenTable.LOAD) + 1
    tables = SeenTable.for_curp(capacity), SeenTable.for_nss(capacity)
    before = [t.capacity for t in tables]
    for n in range(1000):
        assert tables[0].setdefault(f'CURP{n:014d}', n + 2) == n + 2
        assert tables[1].setdefault(28138801999 + 10 * n, n + 2) == n + 2
    assert [t.capacity for t in tables] == before and [len(t) for t in tables] == [1000, 1000]


def test_full_tables_grow_and_keep_their_rows():
    tables = SeenTable.for_curp(capacity=8), SeenTable.for_nss(capacity=8), SeenTable(capacity=8)
    keys = ([f'CURP{n:014d}' for n in range(500)], list(range(0, 5000, 10)), list(range(2**40, 2**40 + 500)))
    for table, values in zip(tables, keys):
        for row, value in enumerate(values, start=2):
            table.setdefault(value, row)
        assert table.capacity >= 500 / SeenTable.LOAD and len(table) == 500
        assert [table.setdefault(v, 1) for v in values] == list(range(2, 502))


def _list(rows):
    """CSV text of *rows* distinct valid CURPs and NSSs."""
    from checker import curp, nss

    lines = ['CURP,NSS']
    for i in range(rows):
        c = f'HEGG{i % 100:02d}{i // 100 % 12 + 1:02d}{i // 1200 % 28 + 1:02d}MVZRRL0'
        n = f'28{i % 90 + 10:02d}88{i // 90:04d}'
        lines.append(f'{c}{curp.calc_check_digit(c)},{n}{nss.calc_check_digit(n)}')
    return '\n'.join(lines) + '\n'


def test_a_list_handed_in_as_bytes_sizes_its_tables():
    """The browser page hands the whole file in: its line count sizes the
    tables, so they never grow (growing to a million keys costs seconds)."""
    from checker.batch.lists import open_run
    from checker.batch.read import text_lines
    from checker.batch.run import check_rows

    text = _list(5000)
    for source in (text.encode(), text):
        run = open_run(source, cross_check=False)  # warnings are not the point
        assert list(run) == [] and run.summary.rows == 5000
        assert sorted(run.seen) == ['curp', 'nss']
        assert [(len(t), t.grown) for t in run.seen.values()] == [(5000, 0), (5000, 0)]
    unsized = check_rows(text_lines(text), cross_check=False)  # no estimate: they grow
    assert list(unsized) == [] and all(t.grown for t in unsized.seen.values())


def test_nss_table_edges_answer_as_a_dict():
    """Key 0 with row 0 would read as a free slot, a negative key or one
    past 37 bits does not fit: each widens the table, which still answers."""
    for pairs in ([(0, 3), (0, 9), (5, 4)], [(0, 0), (0, 7), (5, 4)], [(-3, 2), (-3, 8)], [(2**37, 2), (1, 3)]):
        table, ref = SeenTable.for_nss(), {}
        assert [table.setdefault(k, r) for k, r in pairs] == [ref.setdefault(k, r) for k, r in pairs]
        assert len(table) == len(ref)


def _fnv32(text):
    """CPython's 32-bit str hash (Python/pyhash.c, FNV), Pyodide's hash(),
    with PYTHONHASHSEED=0 (prefix and suffix 0)."""
    data, x = text.encode('latin-1'), 0
    tail = len(data) % 4 or 4
    x ^= data[0] << 7
    for i in range(0, len(data) - tail, 4):
        x = (1000003 * x & 0xFFFFFFFF) ^ int.from_bytes(data[i : i + 4], 'little')
    for c in data[len(data) - tail :]:
        x = (1000003 * x & 0xFFFFFFFF) ^ c
    x ^= len(data)
    return x - (1 << 32) if x >= 1 << 31 else x


def test_curps_whose_32_bit_hashes_collide_are_not_repeated(monkeypatch):
    """In the browser hash() is 32-bit FNV: these two CURPs share its state,
    so a key made of two hashes of each (the CURP, the CURP and a byte)
    called the second one a repetition of the first."""
    a, b = 'HEGG300526MVZRRL00', 'HEGG830806MVZRRL01'
    assert _fnv32(a) == _fnv32(b) and _fnv32(a + '\x00') == _fnv32(b + '\x00')
    monkeypatch.setattr(seen, 'hash', _fnv32, raising=False)  # the module's hash()
    table = seen._CurpTable32()
    assert [table.setdefault(a, 2), table.setdefault(b, 3), table.setdefault(b, 9)] == [2, 3, 3]
