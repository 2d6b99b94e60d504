#!/usr/bin/env python3
"""Checks by hand that .mat files written by Doc2Hash load in SciPy and equal the SciPy-made fixture they came from.

CI has no SciPy, so this is a manual check, not a test. Make the files with Doc2Hash, e.g.
    VdshMatDataset.Save(VdshMatDataset.Load("vdsh_single.mat"), "vdsh_single.written.mat")
then run, from this folder, with Debian's SciPy:
    /usr/bin/python3 check_written_with_scipy.py vdsh_single.mat /path/to/vdsh_single.written.mat [...pairs]
Doc2Hash keeps tf-idf values as float32, so the expected matrices are compared after a float32 round trip.
"""
import sys

import numpy as np
import scipy.io
import scipy.sparse


def check_pair(fixture_path, written_path):
    expected = scipy.io.loadmat(fixture_path)
    actual = scipy.io.loadmat(written_path)
    names = sorted(k for k in expected if not k.startswith("__"))
    for name in names:
        e, a = expected[name], actual[name]
        assert scipy.sparse.issparse(e) == scipy.sparse.issparse(a), f"{name}: sparse vs dense"
        if scipy.sparse.issparse(e):
            assert e.shape == a.shape, f"{name}: shape {a.shape} != {e.shape}"
            assert a.dtype == np.float64, f"{name}: dtype {a.dtype}"
            rounded = e.astype(np.float32).astype(np.float64)
            assert (rounded != a).nnz == 0, f"{name}: values differ"
            assert e.nnz == a.nnz, f"{name}: {a.nnz} stored values != {e.nnz}"
        else:
            assert e.shape == a.shape, f"{name}: shape {a.shape} != {e.shape}"
            assert np.array_equal(e, a), f"{name}: values differ"
        print(f"  {name}: {'sparse' if scipy.sparse.issparse(a) else 'dense'} {a.shape} {a.dtype} ok")
    print(f"{written_path}: {len(names)} variables equal to {fixture_path}")


def main(args):
    if len(args) == 0 or len(args) % 2 != 0:
        sys.exit(__doc__)
    for fixture_path, written_path in zip(args[0::2], args[1::2]):
        check_pair(fixture_path, written_path)


if __name__ == "__main__":
    main(sys.argv[1:])
