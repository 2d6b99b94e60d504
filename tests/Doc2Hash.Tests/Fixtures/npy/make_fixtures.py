#!/usr/bin/env python3
"""Makes the NumPy-written packed-code fixtures the C# tests compare Doc2Hash's .npy output against, byte for byte.

Run once with Debian's NumPy (it comes with python3-scipy), from this folder:
    /usr/bin/python3 make_fixtures.py
Code i has bit b set exactly when (7 * b + 3 * i) % 5 == 0; the C# tests build the same codes from that rule.
"""
import numpy as np


def code_bits(count, bits):
    return np.array([[1 if (7 * b + 3 * i) % 5 == 0 else 0 for b in range(bits)] for i in range(count)], dtype=np.uint8)


def main():
    # 3 codes of 16 bits; 2 codes of 72 bits (crossing a 64-bit word); 2 codes of 12 bits (zero-padded last byte).
    for count, bits in [(3, 16), (2, 72), (2, 12)]:
        np.save(f"codes_{count}x{bits}.npy", np.packbits(code_bits(count, bits), axis=1))


if __name__ == "__main__":
    main()
