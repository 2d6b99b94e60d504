#!/usr/bin/python3
"""Checks that FAISS reads the kit's packed .npy codes and finds the same top-K as the kit.

Usage (Debian: apt-get install python3-faiss python3-numpy; run with /usr/bin/python3):
  ./doc2hash encode RUN --out /tmp/fx/codes.npy
  ./doc2hash topk --database /tmp/fx/codes.train.npy --queries /tmp/fx/codes.test.npy --bits 64 --k 100 --out /tmp/fx/kit
  /usr/bin/python3 scripts/faiss_check.py /tmp/fx/codes.train.npy /tmp/fx/codes.test.npy 64 /tmp/fx/kit

The kit ranks by (Hamming distance, database index). FAISS's IndexBinaryFlat returns the same distances, but
orders codes tied at a distance by its heap, not by index. So the check is: identical distance lists, identical
sets of codes strictly closer than the K-th distance, and FAISS's codes at the K-th distance truly at that distance.
Exits 1 on any difference.
"""
import sys

import faiss
import numpy as np


def main(database_path, queries_path, bits, kit_prefix):
    bits = int(bits)
    database = np.load(database_path)
    queries = np.load(queries_path)
    kit_indices = np.load(kit_prefix + ".indices.npy")
    kit_distances = np.load(kit_prefix + ".distances.npy")
    k = kit_indices.shape[1]
    assert database.dtype == np.uint8 and database.shape[1] * 8 == bits, "FAISS binary indexes need bits % 8 == 0"

    index = faiss.IndexBinaryFlat(bits)
    index.add(database)
    distances, indices = index.search(queries, k)

    # Bits as FAISS and numpy see them: the kit's bit b is bit 7 - b % 8 of byte b // 8 (numpy.packbits order).
    unpacked_db = np.unpackbits(database, axis=1)
    problems = 0
    same_order = 0
    for q in range(queries.shape[0]):
        if not np.array_equal(distances[q], kit_distances[q]):
            problems += 1
            continue
        kth = kit_distances[q, -1]
        closer = kit_distances[q] < kth
        if set(indices[q][closer]) != set(kit_indices[q][closer]):
            problems += 1
            continue
        query_bits = np.unpackbits(queries[q])
        tied = indices[q][~closer]
        if not np.all((unpacked_db[tied] != query_bits).sum(axis=1) == kth):
            problems += 1
            continue
        same_order += np.array_equal(indices[q], kit_indices[q])

    n = queries.shape[0]
    print(f"faiss {faiss.__version__}: IndexBinaryFlat({bits}) over {database.shape[0]} codes, {n} queries, top-{k}")
    print(f"distances identical and closer-than-K-th sets identical for {n - problems}/{n} queries; "
          f"identical index order (ties included) for {same_order}/{n}")
    return 0 if problems == 0 else 1


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
