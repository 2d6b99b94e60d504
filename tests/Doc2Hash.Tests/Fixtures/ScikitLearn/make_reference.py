#!/usr/bin/env python3
"""Writes reference.json: what scikit-learn and numpy compute on small seeded inputs, for the C# cross-check tests
(tests/Doc2Hash.Tests/Text/ScikitLearnReferenceTests.cs). Run once and commit the output; CI does not need Python.

Made with Debian 12's python3-sklearn (scikit-learn 1.2.1, numpy 1.24.2): `apt-get install python3-sklearn`, then
`/usr/bin/python3 make_reference.py` in this folder.
"""
import json
import random

import numpy as np
import sklearn
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfTransformer

rng = random.Random(2019)

# Characters from many Unicode categories, including those where Python's \w and .NET's \w disagree.
POOL = list("aZq70_ \n'-.,é") + ["É", "ß", "µ", "²", "½", "×", "ª", "\u00ad", "α", "Σ", "ж", "Ж", "東", "\u0301",
                                "\u203f", "\u2160", "\u0660", "\u3000", "ǅ", "İ", "\U0001d400", "\U00010400"]


def random_text(length):
    return "".join(rng.choice(POOL) for _ in range(length))


analyze = CountVectorizer().build_analyzer()
tokenization = [{"text": t, "tokens": analyze(t)} for t in (random_text(rng.randint(5, 80)) for _ in range(200))]

argsort = []
for size, distinct in [(17, 3), (40, 5), (100, 4), (300, 20), (1000, 7)]:
    values = [rng.randint(-distinct, 0) for _ in range(size)]
    argsort.append({"values": values, "order": np.argsort(np.array(values, dtype=np.int64)).tolist()})

# A corpus with many terms tied at the max_features cut (scikit-learn picks among them with numpy's argsort).
WORDS = ["the", "and", "Alpha", "beta", "gamma", "delta", "x1", "a", "système", "naïve"] + [f"w{i:03d}" for i in range(150)]


def random_document():
    return " ".join(rng.choice(WORDS[:10]) if rng.random() < 0.3 else rng.choice(WORDS) for _ in range(rng.randint(3, 40)))


train = [random_document() for _ in range(60)]
test = [random_document() for _ in range(15)] + ["unseen words only", ""]
vectorizer = CountVectorizer(stop_words="english", max_features=40, max_df=0.8, min_df=2)
train_counts = vectorizer.fit_transform(train)
transformer = TfidfTransformer(sublinear_tf=True)
train_tfidf = transformer.fit_transform(train_counts).tocoo()
test_tfidf = transformer.transform(vectorizer.transform(test)).tocoo()


def triplets(matrix):
    """Stored entries as [row, column, value], row-major."""
    return sorted([int(r), int(c), float(v)] for r, c, v in zip(matrix.row, matrix.col, matrix.data))


reference = {
    "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
    "english_stop_words": sorted(ENGLISH_STOP_WORDS),
    "tokenization": tokenization,
    "argsort": argsort,
    "corpus": {
        "train": train,
        "test": test,
        "settings": {"stop_words": "english", "max_features": 40, "max_df": 0.8, "min_df": 2, "sublinear_tf": True},
        "vocabulary": vectorizer.get_feature_names_out().tolist(),
        "idf": transformer.idf_.tolist(),
        "train_tfidf": triplets(train_tfidf),
        "test_tfidf": triplets(test_tfidf),
    },
}
with open("reference.json", "w", encoding="utf-8") as f:
    json.dump(reference, f, ensure_ascii=False, separators=(",", ":"))
