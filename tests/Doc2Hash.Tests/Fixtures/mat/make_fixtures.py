#!/usr/bin/env python3
"""Makes the tiny MATLAB v5 fixtures that the .mat reader tests check against hand-known values.

Run once with Debian's SciPy (apt-get install python3-scipy), from this folder:
    /usr/bin/python3 make_fixtures.py
The files are committed; the C# tests never need Python. Every value below is small and written out by hand so
the tests can state the expected numbers directly.
"""
import numpy as np
import scipy.io
import scipy.sparse


def dense_variables():
    return {
        # 2 x 3 double, row-major as written here: [[1, 2, 3], [4, 5, 6]].
        "a": np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]),
        # A scalar: SciPy stores it as a 1 x 1 double.
        "b": np.array([[7.5]]),
        # Integer and single classes, 1 x 3 each.
        "c": np.array([[-1, 0, 70000]], dtype=np.int32),
        "s": np.array([[0.5, -2.25, 8.0]], dtype=np.float32),
        "u": np.array([[1, 255]], dtype=np.uint8),
        # Logical 2 x 2: [[True, False], [False, True]].
        "flag": np.array([[True, False], [False, True]]),
        # A string (mxCHAR): the reader skips it and reports it as skipped.
        "note": "hi",
    }


def sparse_variables():
    # 3 x 4 sparse double (documents x words):
    #   row 0: (0,1)=1.5  (0,3)=-2
    #   row 1: empty
    #   row 2: (2,0)=4    (2,1)=0.25
    m = scipy.sparse.csr_matrix(
        (np.array([1.5, -2.0, 4.0, 0.25]), np.array([1, 3, 0, 1]), np.array([0, 2, 2, 4])), shape=(3, 4))
    return {
        "m": m,
        # An empty 2 x 2 sparse matrix (no stored values).
        "empty": scipy.sparse.csr_matrix((2, 2)),
    }


def vdsh_variables(gnd_train, gnd_cv, gnd_test):
    # Documents x words tf-idf-like splits over a 5-word vocabulary.
    train = scipy.sparse.csr_matrix(np.array([
        [0.6, 0.0, 0.8, 0.0, 0.0],
        [0.0, 1.0, 0.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 0.28, 0.96],
        [0.5, 0.5, 0.5, 0.5, 0.0],
    ]))
    cv = scipy.sparse.csr_matrix(np.array([
        [0.0, 0.0, 1.0, 0.0, 0.0],
        [0.8, 0.0, 0.0, 0.6, 0.0],
    ]))
    test = scipy.sparse.csr_matrix(np.array([
        [0.0, 0.6, 0.0, 0.0, 0.8],
        [0.0, 0.0, 0.0, 1.0, 0.0],
    ]))
    return {"train": train, "cv": cv, "test": test,
            "gnd_train": gnd_train, "gnd_cv": gnd_cv, "gnd_test": gnd_test}


def main():
    scipy.io.savemat("dense_uncompressed.mat", dense_variables(), do_compression=False)
    scipy.io.savemat("dense_compressed.mat", dense_variables(), do_compression=True)
    scipy.io.savemat("sparse_uncompressed.mat", sparse_variables(), do_compression=False)
    scipy.io.savemat("sparse_compressed.mat", sparse_variables(), do_compression=True)

    # Single-label, one-hot rows over 3 classes: train classes 0, 2, 1, 2; cv 1, 0; test 2, 2.
    def one_hot(classes):
        return np.eye(3)[classes]
    scipy.io.savemat("vdsh_single.mat",
                     vdsh_variables(one_hot([0, 2, 1, 2]), one_hot([1, 0]), one_hot([2, 2])), do_compression=True)

    # Multi-label, multi-hot rows over 3 labels: train {0,1}, {2}, {}, {0,2}; cv {1}, {0,1,2}; test {2}, {0}.
    multi_train = np.array([[1, 1, 0], [0, 0, 1], [0, 0, 0], [1, 0, 1]], dtype=float)
    multi_cv = np.array([[0, 1, 0], [1, 1, 1]], dtype=float)
    multi_test = np.array([[0, 0, 1], [1, 0, 0]], dtype=float)
    scipy.io.savemat("vdsh_multi.mat", vdsh_variables(multi_train, multi_cv, multi_test), do_compression=True)

    # Class ids as column vectors, 1-based as MATLAB writes them: train 1, 3, 2, 3; cv 2, 1; test 3, 3.
    ids = lambda values: np.array(values, dtype=float).reshape(-1, 1)
    scipy.io.savemat("vdsh_class_ids.mat",
                     vdsh_variables(ids([1, 3, 2, 3]), ids([2, 1]), ids([3, 3])), do_compression=False)


if __name__ == "__main__":
    main()
