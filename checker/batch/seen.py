"""Duplicate detection in bounded memory: fixed-size keys in flat arrays.

A ``dict`` from CURP to row costs ~200 bytes per distinct CURP (the string,
the int, the table slot); a million-row list then needs 222 MB.  Here each
value becomes one 64-bit key in an open-addressing table (linear probing),
at most 60 % full (fewer probes: each one is Python code).  A CURP's key
(8 bytes) and the row where it first appeared (4 bytes, or 8 past 4
billion rows) are in two ``array`` objects: a million distinct CURPs take
20 MB.  An NSS and its row share one 64-bit slot (:class:`PackedTable`):
13 MB for a million.  (A power-of-two size would find a slot with a shift
instead of a modulo, at up to twice the memory: 2 MB more at a million
rows, and a peak with names of 63 of the 64 MB allowed.)

Keys:

* an NSS is its own key (11 digits fit in 64 bits): exact, no collision;
* a CURP is keyed by 64 bits of ``str`` hash (SipHash-1-3 with a key
  drawn per process, 4x faster here than an 8-byte BLAKE2b digest and as
  good for values that are not crafted against that secret key); where
  ``hash`` has 32 bits, as in the browser's WebAssembly Python (FNV there),
  by an 8-byte BLAKE2b digest (two FNV hashes of one value, as it is and
  with a byte appended, share FNV's 32-bit state: 32 bits, not 64, gave
  false "repetida"s, about one per 100,000 CURPs).  Two different CURPs
  share a key with probability about 2**-64 per pair, so among n distinct
  CURPs a false "repetida" has probability at most about n*(n-1)/2**65:
  2.7e-8 for a million, 2.7e-6 for ten million.

Sizing: the caller passes the rows it expects (``capacity`` = rows /
``LOAD``), so a list whose size is known never grows its tables.  A table
that fills up grows by 1.5x; while it does, the old and the new arrays
both live: a peak of 2.5x the table before.

>>> seen = SeenTable.for_curp()
>>> seen.setdefault('HEGG560427MVZRRL04', 2)
2
>>> seen.setdefault('HEGG560427MVZRRL04', 9)
2
>>> nss = SeenTable.for_nss()
>>> [nss.setdefault(k, r) for k, r in ((28138801999, 3), (1, 4), (28138801999, 5))]
[3, 4, 3]
>>> len(nss), nss.capacity
(2, 4096)
"""

import sys
from array import array

__all__ = ['SeenTable', 'PackedTable']

_MIX = 0x9E3779B97F4A7C15  # Fibonacci hashing spreads exact keys
_MASK64 = (1 << 64) - 1
_ROW_BITS = 27  # PackedTable: the row's bits in a slot
_ROW_MASK = (1 << _ROW_BITS) - 1
_KEY_LIMIT = 1 << (64 - _ROW_BITS)  # a key must stay below
# 'L' where it has 8 bytes: CPython converts an int for it with a digit
# loop, for 'Q' through a byte array (slower)
_SLOT_TYPE = 'L' if array('L').itemsize == 8 else 'Q'

# The hot paths (each table's setdefault) are closures: their state is in
# cells, and run.py calls them with no bound method in between.  They do as
# little as Python allows: no keyer call that is not a builtin, the
# free-slot count tested once, the array left to refuse what does not fit.
# Still, a look-up is ~4,000 machine instructions (callgrind) where a
# dict's is ~700: the int arithmetic and array reads are the cost, and a
# single call for both tables saved under 1 % of a row's work.


def _spread(key):
    """An exact int key mixed over 64 bits (0 marks a free slot)."""
    return (key * _MIX + 1) & _MASK64


def _hash64(value):
    """64 bits of BLAKE2b, where ``hash`` has 32 (no second hash of it adds
    bits: FNV's state has 32)."""
    return int.from_bytes(_blake2b(value.encode(), digest_size=8).digest(), 'little')


def _keyed_table(capacity, load, typecode, keyer):
    """(setdefault, state) closures over a key array and a row array.

    *keyer* makes the key of a value: ``hash`` for CURPs (a builtin: the
    call costs what ``hash(value)`` would inline).  Rows take 4 bytes each
    (8 past 4 billion): side by side with the keys they would take 8, which
    a million-row list pays 7 MB for, against the 64 MB bound.
    """
    cap = free = limit = grown = 0
    keys = rows = None

    def alloc(capacity, rowtype):
        nonlocal cap, free, limit, keys, rows
        cap = max(int(capacity), 8)
        limit = free = int(cap * load)
        keys = array(typecode, [0]) * cap  # no temporary of that size
        rows = array(rowtype, [0]) * cap

    def setdefault(value, row):
        nonlocal free, rows
        key = keyer(value) or 1  # 0 marks a free slot
        i = key % cap
        k = keys[i]
        while k:  # linear probing
            if k == key:
                return rows[i]
            i += 1
            if i == cap:
                i = 0
            k = keys[i]
        if free:
            try:
                rows[i] = row  # first: a row the array refuses stores nothing
            except OverflowError:  # past 4 billion rows: 8-byte rows
                if rows.typecode == 'Q':
                    raise
                rows = array('Q', rows)
                rows[i] = row
            keys[i] = key
            free -= 1
            return row
        grow()
        return setdefault(value, row)

    def grow():
        nonlocal free, grown
        old_keys, old_rows, size = keys, rows, limit - free
        alloc(cap * 3 // 2, old_rows.typecode)
        grown += 1
        for k, r in zip(old_keys, old_rows):
            if k:
                i = k % cap
                while keys[i]:
                    i += 1
                    if i == cap:
                        i = 0
                keys[i] = k
                rows[i] = r
        free -= size

    def state():
        return limit - free, cap, grown

    alloc(capacity, 'I')
    return setdefault, state


class _Sized:
    """What a table tells of itself, from its ``_state()`` closure."""

    def __len__(self):
        return self._state()[0]

    @property
    def capacity(self):
        """The slots the table has now (it grows when 60 % are used; a
        widened :class:`PackedTable`: its wide table's)."""
        return self._state()[1]

    @property
    def grown(self):
        """How many times the table grew (0 when sized for its keys)."""
        return self._state()[2]


class SeenTable(_Sized):
    """First row of each key seen; ``setdefault(key, row)`` like a dict.

    *key* is an int (``0 <= key < 2**64``), *row* too; :meth:`for_curp`
    makes a table keyed by CURPs instead.
    """

    LOAD = 0.6
    _TYPECODE = 'Q'
    _KEYER = staticmethod(_spread)

    def __init__(self, capacity=1 << 12):
        # an instance attribute: t.setdefault is the closure itself
        self.setdefault, self._state = _keyed_table(capacity, self.LOAD, self._TYPECODE, self._KEYER)

    @classmethod
    def for_curp(cls, capacity=1 << 12):
        """A table keyed by 64-bit digests of compact CURPs."""
        return _CurpTable(capacity) if sys.hash_info.width >= 64 else _CurpTable32(capacity)

    @staticmethod
    def for_nss(capacity=1 << 12):
        """A table of NSSs (ints), key and row packed in 8 bytes."""
        return PackedTable(capacity)


class _CurpTable(SeenTable):
    """A :class:`SeenTable` keyed by the ``str`` hash of compact CURPs."""

    # str hash: SipHash-1-3, 64-bit, keyed per process (PYTHONHASHSEED)
    _TYPECODE = 'q'  # hash() is signed
    _KEYER = staticmethod(hash)


class _CurpTable32(SeenTable):
    """:class:`_CurpTable` where ``hash`` has 32 bits: keyed by BLAKE2b."""

    _KEYER = staticmethod(_hash64)

    def __init__(self, capacity=1 << 12):
        # imported here, for _hash64: on CPython hashlib loads OpenSSL, 4 MB
        # more resident memory for a table only the browser uses
        global _blake2b
        from hashlib import blake2b as _blake2b

        super().__init__(capacity)


class PackedTable(_Sized):
    """An exact int key below 2**37 (an NSS) and its row in one 64-bit slot.

    The slot holds ``key << 27 | row``: rows up to 134,217,727; a later
    row (or a bigger key) turns the table into a :class:`SeenTable`.  The
    slot is chosen from the key mixed by a Fibonacci multiplication (its
    64-bit product, modulo the size): real lists
    hold runs of NSSs that share their first digits and count up, and such
    keys taken modulo the capacity alone fall in overlapping runs that
    linear probing makes quadratic (200,000 such NSSs took 48 s).
    """

    LOAD = SeenTable.LOAD

    def __init__(self, capacity=1 << 12):
        self.setdefault, self._state = _packed_table(capacity, self.LOAD)

    @property
    def slots(self):
        """The array of slots (empty once widened), to see how it fills."""
        return self._state()[3]


def _packed_table(capacity, load):
    """(setdefault, state) closures of a :class:`PackedTable`."""
    cap = free = limit = grown = 0
    slots = wide = None

    def alloc(capacity):
        nonlocal cap, free, limit, slots
        cap = max(int(capacity), 16)
        limit = free = int(cap * load)
        slots = array(_SLOT_TYPE, [0]) * cap

    def setdefault(key, row):
        nonlocal free
        i = (key * _MIX & _MASK64) % cap
        v = slots[i]
        while v:  # linear probing
            if v >> _ROW_BITS == key:
                return v & _ROW_MASK
            i += 1
            if i == cap:
                i = 0
            v = slots[i]
        if free and row <= _ROW_MASK:
            try:  # the array refuses a key past 37 bits, a negative one, and
                # -1: key 0 with row 0 would read as a free slot
                slots[i] = key << _ROW_BITS | row or -1
            except OverflowError:
                pass
            else:
                free -= 1
                return row
        if wide is not None:  # widened: this array is empty
            return wide.setdefault(key, row)
        if not (0 <= key < _KEY_LIMIT and 0 <= row <= _ROW_MASK and key | row):
            widen()
            return wide.setdefault(key, row)
        grow()
        return setdefault(key, row)

    def grow():
        nonlocal free, grown
        old, size = slots, limit - free
        alloc(cap * 3 // 2)
        grown += 1
        for v in old:  # the old array, slot by slot: no list of entries
            if v:
                i = ((v >> _ROW_BITS) * _MIX & _MASK64) % cap
                while slots[i]:
                    i += 1
                    if i == cap:
                        i = 0
                slots[i] = v
        free -= size

    def widen():
        nonlocal wide, slots, cap, free
        wide = SeenTable(max(cap, 16))
        for v in slots:
            if v:
                wide.setdefault(v >> _ROW_BITS, v & _ROW_MASK)
        # an empty array of one slot: every look-up falls through to wide
        slots = array(_SLOT_TYPE, [0])
        cap = 1
        free = 0

    def state():
        if wide is not None:
            return len(wide), wide.capacity, grown + wide.grown, slots
        return limit - free, cap, grown, slots

    alloc(capacity)
    return setdefault, state
