#!/usr/bin/env python3
"""Checks by hand that packed-code .npy files written by Doc2Hash (PackedCodesNpy.Write) load in NumPy and unpack to
the expected bits, and, when Debian's python3-faiss is installed, that a FAISS IndexBinaryFlat built on them returns
the Hamming distances of those bits. CI has neither, so this is a manual check, not a test.

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
    check_faiss(codes, count, bits)


def check_faiss(codes, count, bits):
    """If FAISS is installed (Debian python3-faiss), its binary index must give the Hamming distances of the bits."""
    try:
        import faiss
    except ImportError:
        print("  (faiss not installed: binary-index check skipped)")
        return
    if bits % 8 != 0:
        print("  (bits not a multiple of 8: FAISS binary indexes need whole bytes; check skipped)")
        return
    index = faiss.IndexBinaryFlat(bits)
    index.add(codes)
    distances, _ = index.search(codes, count)
    expected = code_bits(count, bits).astype(int)
    hamming = sorted(int((expected[0] != expected[j]).sum()) for j in range(count))
    assert sorted(distances[0].tolist()) == hamming, f"faiss distances {distances[0]} != {hamming}"
    print(f"  faiss IndexBinaryFlat({bits}): distances from code 0 {sorted(distances[0].tolist())} ok")


def main(args):
    if len(args) == 0 or len(args) % 3 != 0:
        sys.exit(__doc__)
    for i in range(0, len(args), 3):
        check(args[i], int(args[i + 1]), int(args[i + 2]))


if __name__ == "__main__":
    main(sys.argv[1:])
