"""Duplicate detection in bounded memory: fixed-size keys in flat arrays.

A ``dict`` from CURP to row costs ~200 bytes per distinct CURP (the string,
the int, the table slot); a million-row list then needs 222 MB.  Here each
value becomes one unsigned 64-bit key in an open-addressing table (linear
probing) made of two ``array`` objects: the key (8 bytes) and the row where
it first appeared (4 bytes, or 8 past 4 billion rows), at most 75 % full,
so a million distinct CURPs take 16 MB.  An NSS and its row share one
64-bit slot (:class:`PackedTable`): 11 MB for a million.

Keys:

* an NSS is its own key (11 digits fit in 64 bits), mixed by a bijective
  multiplication: exact, no collision;
* a CURP is keyed by its 64-bit ``str`` hash (SipHash-1-3 with a key
  drawn per process, 4x faster here than an 8-byte BLAKE2b digest and as
  good for values that are not crafted against that secret key).  Two
  different CURPs share a key with probability about 2**-64 per pair, so
  among n distinct CURPs a false "repetida" has probability at most
  n*(n-1)/2**65: 2.7e-8 for a million, 2.7e-6 for ten million.

>>> seen = SeenTable.for_curp()
>>> seen.setdefault('HEGG560427MVZRRL04', 2)
2
>>> seen.setdefault('HEGG560427MVZRRL04', 9)
2
>>> nss = SeenTable.for_nss()
>>> [nss.setdefault(k, r) for k, r in ((28138801999, 3), (1, 4), (28138801999, 5))]
[3, 4, 3]
>>> len(nss)
2
"""

from array import array

__all__ = ['SeenTable', 'PackedTable']

_EMPTY = 0
_MIX = 0x9E3779B97F4A7C15  # Fibonacci hashing spreads exact keys
_MASK64 = (1 << 64) - 1


def _curp_key(value):
    # str hash: SipHash-1-3, 64-bit, keyed per process (PYTHONHASHSEED)
    return hash(value) & _MASK64 or 1  # 0 marks a free slot


class SeenTable:
    """First row of each key seen; ``setdefault(key, row)`` like a dict.

    *key* is an int (``0 <= key < 2**64``), or any value when the table was
    made with a *keyer* (such as :meth:`for_curp`) that turns it into one.
    """

    LOAD = 0.75

    def __init__(self, capacity=1 << 12, keyer=None):
        self._keyer = keyer
        self._size = 0
        self._alloc(capacity, 'I')

    @classmethod
    def for_curp(cls, capacity=1 << 12):
        """A table keyed by 64-bit digests of compact CURPs."""
        return cls(capacity, _curp_key)

    @staticmethod
    def for_nss(capacity=1 << 12):
        """A table of NSSs (ints), key and row packed in 8 bytes."""
        return PackedTable(capacity)

    def _alloc(self, capacity, rowtype):
        self._cap = capacity
        self._limit = int(capacity * self.LOAD)
        self._keys = array('Q', [0]) * capacity
        self._rows = array(rowtype, [0]) * capacity
        self._row_max = (1 << 8 * self._rows.itemsize) - 1

    def __len__(self):
        return self._size

    def setdefault(self, key, row):
        """The row stored for *key*; stores *row* first if *key* is new."""
        if self._keyer is not None:
            key = self._keyer(key)
        else:
            key = (key * _MIX + 1) & _MASK64 or 1  # spread exact keys
        keys = self._keys
        cap = self._cap
        i = key % cap
        k = keys[i]
        if k == key:
            return self._rows[i]
        while k:  # linear probing
            i += 1
            if i == cap:
                i = 0
            k = keys[i]
            if k == key:
                return self._rows[i]
        if self._size >= self._limit or row > self._row_max:
            self._grow(row)
            return self._insert(key, row)
        keys[i] = key
        self._rows[i] = row
        self._size += 1
        return row

    def _insert(self, key, row):
        keys = self._keys
        cap = self._cap
        i = key % cap
        while keys[i] != _EMPTY:
            i += 1
            if i == cap:
                i = 0
        keys[i] = key
        self._rows[i] = row
        self._size += 1
        return row

    def _grow(self, row):
        # 1.5x keeps the peak (old + new arrays) near 2.5x the live table.
        old_keys, old_rows = self._keys, self._rows
        rowtype = 'Q' if row > self._row_max else old_rows.typecode
        self._alloc(max(self._cap * 3 // 2, 16), rowtype)
        self._size = 0
        for k, r in zip(old_keys, old_rows):
            if k != _EMPTY:
                self._insert(k, r)


class PackedTable:
    """An exact int key below 2**37 (an NSS) and its row in one 64-bit slot.

    The slot holds ``(key + 1) << 27 | row``: rows up to 134,217,727; a
    later row (or a bigger key) turns the table into a :class:`SeenTable`.
    """

    LOAD = SeenTable.LOAD

    def __init__(self, capacity=1 << 12):
        self._cap = capacity
        self._limit = int(capacity * self.LOAD)
        self._slots = array('Q', [0]) * capacity
        self._size = 0
        self._wide = None  # the SeenTable taking over, if it had to

    def __len__(self):
        return len(self._wide) if self._wide is not None else self._size

    def setdefault(self, key, row):
        """The row stored for *key*; stores *row* first if *key* is new."""
        if self._wide is not None:
            return self._wide.setdefault(key, row)
        if row >> 27 or key >> 37:
            return self._widen().setdefault(key, row)
        tag = key + 1
        slots = self._slots
        cap = self._cap
        i = ((tag * _MIX) & _MASK64) % cap
        v = slots[i]
        while v:
            if v >> 27 == tag:
                return v & 0x7FFFFFF
            i += 1
            if i == cap:
                i = 0
            v = slots[i]
        if self._size >= self._limit:
            self._grow()
            return self.setdefault(key, row)
        slots[i] = tag << 27 | row
        self._size += 1
        return row

    def _grow(self):
        old = self._slots
        self.__init__(max(self._cap * 3 // 2, 16))
        slots, cap = self._slots, self._cap
        for v in old:  # the old array, slot by slot: no list of entries
            if v:
                i = (((v >> 27) * _MIX) & _MASK64) % cap
                while slots[i]:
                    i += 1
                    if i == cap:
                        i = 0
                slots[i] = v
                self._size += 1

    def _widen(self):
        wide = SeenTable(max(self._cap, 16))
        for v in self._slots:
            if v:
                wide.setdefault((v >> 27) - 1, v & 0x7FFFFFF)
        self._wide = wide
        self._slots = array('Q')
        return wide
