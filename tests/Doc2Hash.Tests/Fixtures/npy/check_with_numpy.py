#!/usr/bin/env python3
"""Checks by hand that packed-code .npy files written by Doc2Hash (PackedCodesNpy.Write) load in NumPy and unpack to
the expected bits. CI has no NumPy, so this is a manual check, not a test.

Write codes with Doc2Hash whose bit b of code i is set exactly when (7 * b + 3 * i) % 5 == 0 (the rule of
make_fixtures.py), then run with Debian's NumPy:
    /usr/bin/python3 check_with_numpy.py FILE.npy COUNT BITS [FILE.npy COUNT BITS ...]
"""
import sys

import numpy as np

sys.dont_write_bytecode = True  # keep __pycache__ out of the fixtures folder (the test project copies it)
from make_fixtures import code_bits  # noqa: E402


def check(path, count, bits):
    codes = np.load(path)
    assert codes.dtype == np.uint8, f"{path}: dtype {codes.dtype}"
    assert codes.shape == (count, (bits + 7) // 8), f"{path}: shape {codes.shape}"
    unpacked = np.unpackbits(codes, axis=1)
    assert np.array_equal(unpacked[:, :bits], code_bits(count, bits)), f"{path}: bits differ"
    assert not unpacked[:, bits:].any(), f"{path}: padding bits are not zero"
    with open(path, "rb") as f:
        f.seek(8)
        header_length = int.from_bytes(f.read(2), "little")
    assert (10 + header_length) % 64 == 0, f"{path}: data offset {10 + header_length} is not a multiple of 64"
    print(f"{path}: {count} x {bits} bits ok (dtype uint8, shape {codes.shape}, data at byte {10 + header_length})")


def main(args):
    if len(args) == 0 or len(args) % 3 != 0:
        sys.exit(__doc__)
    for i in range(0, len(args), 3):
        check(args[i], int(args[i + 1]), int(args[i + 2]))


if __name__ == "__main__":
    main(sys.argv[1:])
