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
    assert _longest_run(table._slots) < 200


def test_tables_sized_for_the_rows_do_not_grow():
    table = SeenTable.for_curp(capacity=int(1000 / SeenTable.LOAD) + 1)
    keys = table._keys
    for n in range(1000):
        table.setdefault(f'CURP{n:014d}', n + 2)
    assert table._keys is keys and len(table) == 1000
