"""A boosted tree ensemble over feature dicts, evaluated in numpy (no scikit-learn at run time).

:class:`TreeEnsembleScorer` reproduces ``DictVectorizer`` (string values as ``name=value``
features of value 1, numbers as the feature of their name, unknown features ignored, absent ones
0) followed by a binary ``HistGradientBoostingClassifier``: every tree is stored as padded arrays
(feature column, raw split threshold, left and right child, leaf value, where a missing value
goes). A batch without missing values is scored by exit masks over its nonzero entries only
(:meth:`TreeEnsembleScorer._quick_scores`); otherwise all trees of all rows are walked together,
one tree level per numpy step (a leaf points to itself, so walking past it changes nothing). Either
way a document's proposals cost a few array operations whatever their number. The raw score is the baseline plus each tree's leaf value,
added in tree order as scikit-learn adds them; the probability is the logistic of it. With a
linear part (the weights and intercept of a ``LogisticRegression`` over the same columns) the
probability is the mean of the ensemble's and the linear model's (a blend of the two learners)."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

import numpy as np

from stance.artifacts.dict_features import dict_entries
from stance.artifacts.npz import array_field, pack_vocabulary, unpack_vocabulary, vocabulary_header

#: ``inference.npz`` kind of this scorer.
TREE_KIND = "tree-ensemble"


class TreeEnsembleScorer:
    """``predict_proba(list of feature dicts)`` of a binary boosted tree ensemble.

    Args:
        vocabulary: feature name -> column of the dense matrix the trees read.
        feature, threshold, left, right, value, missing_left: ``(n_trees, n_nodes)`` arrays, node 0
            the root; a leaf has ``left == right ==`` its own index and its ``value``.
        depth: the longest root-to-leaf path (the number of steps a walk needs).
        baseline: the raw score before any tree.
        classes: the two classes, the second the positive one.
        separator: what joins a string feature's name and value (``DictVectorizer``'s ``=``).
        coef, intercept: a linear part (one weight per column, and the intercept), or None: the
            probability is then the mean of the trees' and the linear model's.
    """

    kind = TREE_KIND

    def __init__(self, vocabulary: Mapping[str, int], feature: Any, threshold: Any, left: Any, right: Any, value: Any,
                 missing_left: Any, depth: int, baseline: float, classes: Any, separator: str = "=",
                 coef: Any = None, intercept: float = 0.0):
        self.vocabulary_ = dict(vocabulary)
        self.feature = np.asarray(feature, dtype=np.int32)
        self.threshold = np.asarray(threshold, dtype=np.float64)
        self.left = np.asarray(left, dtype=np.int32)
        self.right = np.asarray(right, dtype=np.int32)
        self.value = np.asarray(value, dtype=np.float64)
        self.missing_left = np.asarray(missing_left, dtype=bool)
        self.depth = int(depth)
        self.baseline = float(baseline)
        self.classes_ = np.asarray(classes)
        self.separator = separator
        shape = self.feature.shape
        if len(shape) != 2 or any(a.shape != shape for a in (self.threshold, self.left, self.right, self.value,
                                                              self.missing_left)):
            raise ValueError("the tree arrays must be 2-d and of one shape")
        n_trees, n_nodes = shape
        if n_nodes and (self.left.min(initial=0) < 0 or self.left.max(initial=0) >= n_nodes
                        or self.right.min(initial=0) < 0 or self.right.max(initial=0) >= n_nodes):
            raise ValueError("a child index is outside its tree")
        if n_nodes and (self.feature.min(initial=0) < 0 or self.feature.max(initial=0) >= max(len(self.vocabulary_), 1)):
            raise ValueError("a split feature is outside the vocabulary")
        self.coef = None if coef is None else np.asarray(coef, dtype=np.float64)
        self.intercept = float(intercept)
        if self.coef is not None and self.coef.shape != (len(self.vocabulary_),):
            raise ValueError(f"coef has shape {self.coef.shape}, expected ({len(self.vocabulary_)},)")
        if len(self.classes_) != 2:
            raise ValueError(f"a binary ensemble needs 2 classes, got {len(self.classes_)}")
        self._trees = np.arange(n_trees)
        # flattened for the walk (raw_scores): node t * n_nodes + i is node i of tree t
        self._offsets = np.arange(n_trees, dtype=np.int64) * n_nodes
        children = np.stack([self.left + self._offsets[:, None], self.right + self._offsets[:, None]], axis=-1)
        self._flat = (self.feature.ravel().astype(np.int64), self.threshold.ravel(), children.reshape(-1).astype(np.int64),
                      ~self.missing_left.ravel())
        self._values = self.value.ravel()
        self._exits = self._exit_masks()

    def _exit_masks(self) -> tuple[Any, ...] | None:
        """The tables of :meth:`_quick_scores`, or None when it cannot be used (a tree of more than
        63 leaves, or a split a zero value does not take to the left).

        Leaves are numbered left to right in each tree; each split node carries the mask of its
        tree's leaves outside its left subtree. Per column, the split nodes on it (CSR order):
        ``(ptr, tree, threshold, mask, leaf values (n_trees, max leaves))``."""
        n_trees = len(self._trees)
        internal = self.left != np.arange(self.left.shape[1])[None, :]
        if internal.any() and float(self.threshold[internal].min()) < 0.0:
            return None
        leaf_values: list[list[float]] = []
        rows: list[tuple[int, int, float, int]] = []
        for t in range(n_trees):
            leaves: list[float] = []
            left, right = self.left[t], self.right[t]

            def visit(i: int) -> tuple[int, int]:
                """Number the leaves under node ``i``; return the first and one past the last."""
                if left[i] == i:
                    leaves.append(float(self.value[t, i]))
                    return len(leaves) - 1, len(leaves)
                a, b = visit(int(left[i]))
                _, c = visit(int(right[i]))
                rows.append((int(self.feature[t, i]), t, float(self.threshold[t, i]), ((1 << b) - 1) ^ ((1 << a) - 1)))
                return a, c

            visit(0)
            if len(leaves) > 63:
                return None
            leaf_values.append(leaves)
        rows.sort(key=lambda r: (r[0], r[1]))
        feats = np.asarray([r[0] for r in rows], dtype=np.int64)
        ptr = np.searchsorted(feats, np.arange(len(self.vocabulary_) + 1)).astype(np.int64)
        tree = np.asarray([r[1] for r in rows], dtype=np.int64)
        thr = np.asarray([r[2] for r in rows], dtype=np.float64)
        full = (1 << 64) - 1
        mask = np.asarray([full ^ r[3] for r in rows], dtype=np.uint64)
        width = max((len(v) for v in leaf_values), default=1)
        values = np.zeros((n_trees, width), dtype=np.float64)
        for t, v in enumerate(leaf_values):
            values[t, :len(v)] = v
        return ptr, tree, thr, mask, values

    def __repr__(self) -> str:
        linear = ", with a linear part" if self.coef is not None else ""
        return (f"TreeEnsembleScorer({self.feature.shape[0]} trees, {len(self.vocabulary_)} features{linear}, "
                f"classes={self.classes_.tolist()})")

    # -- export / import ---------------------------------------------------------------------
    @classmethod
    def from_hist_gradient_boosting(cls, model: Any, vocabulary: Mapping[str, int], columns: Any = None,
                                    separator: str = "=", coef: Any = None, intercept: float = 0.0) -> "TreeEnsembleScorer":
        """The scorer of a fitted binary ``HistGradientBoostingClassifier``: each predictor node's
        raw threshold (``num_threshold``), children, leaf value and ``missing_go_to_left``
        (categorical splits are not supported). ``vocabulary`` names the columns of the matrix the
        scorer builds; the ensemble's input column ``i`` is its column ``columns[i]`` (all of
        them, in order, when ``columns`` is None); ``coef`` and ``intercept``, an optional linear
        part over the vocabulary's columns."""
        cols = np.arange(len(vocabulary)) if columns is None else np.asarray(columns, dtype=np.int64)
        trees = [it[0].nodes for it in model._predictors]
        if any(len(it) != 1 for it in model._predictors):
            raise ValueError("only a binary ensemble (one tree per iteration) can be exported")
        if any(bool(n["is_categorical"].any()) for n in trees):
            raise ValueError("categorical splits cannot be exported")
        n_nodes = max((len(n) for n in trees), default=1)
        shape = (len(trees), n_nodes)
        own = np.broadcast_to(np.arange(n_nodes, dtype=np.int32), shape).copy()
        feature = np.zeros(shape, np.int32)
        threshold = np.zeros(shape, np.float64)
        left, right = own.copy(), own.copy()
        value = np.zeros(shape, np.float64)
        missing = np.zeros(shape, bool)
        depth = 0
        for t, nodes in enumerate(trees):
            k = len(nodes)
            leaf = nodes["is_leaf"].astype(bool)
            feature[t, :k] = np.where(leaf, 0, cols[nodes["feature_idx"]])
            threshold[t, :k] = np.where(leaf, 0.0, nodes["num_threshold"])
            left[t, :k] = np.where(leaf, np.arange(k), nodes["left"])
            right[t, :k] = np.where(leaf, np.arange(k), nodes["right"])
            value[t, :k] = np.where(leaf, nodes["value"], 0.0)
            missing[t, :k] = np.where(leaf, False, nodes["missing_go_to_left"].astype(bool))
            depth = max(depth, int(nodes["depth"].max()))
        baseline = float(np.asarray(model._baseline_prediction).ravel()[0])
        return cls(vocabulary, feature, threshold, left, right, value, missing, depth, baseline, model.classes_, separator,
                   coef, intercept)

    def to_arrays(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The ``inference.npz`` arrays and header of this scorer."""
        arrays, spec, n_features = pack_vocabulary(self.vocabulary_)
        arrays.update(feature=self.feature, threshold=self.threshold, left=self.left, right=self.right,
                      value=self.value, missing_left=self.missing_left.astype(np.uint8))
        if self.coef is not None:
            arrays["coef"] = self.coef
        return arrays, vocabulary_header(self.kind, self.classes_, self.separator, n_features, spec, depth=self.depth,
                                         baseline=self.baseline, linear=self.coef is not None, intercept=self.intercept)

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, Any], meta: Mapping[str, Any]) -> "TreeEnsembleScorer":
        """The scorer an ``inference.npz`` written by :meth:`to_arrays` holds."""
        return cls(unpack_vocabulary(arrays, meta), array_field(arrays, "feature", np.int32, 2),
                   array_field(arrays, "threshold", np.float64, 2), array_field(arrays, "left", np.int32, 2),
                   array_field(arrays, "right", np.int32, 2), array_field(arrays, "value", np.float64, 2),
                   array_field(arrays, "missing_left", np.uint8, 2).astype(bool), int(meta["depth"]),
                   float(meta["baseline"]), meta["classes"], str(meta["separator"]),
                   array_field(arrays, "coef", np.float64, 1) if meta["linear"] else None, float(meta["intercept"]))

    # -- prediction --------------------------------------------------------------------------
    def entries(self, X: Iterable[Mapping[str, Any]]) -> tuple[Any, Any, Any, int]:
        """``(rows, columns, values, n_rows)`` of the known features of the feature dicts, as
        ``DictVectorizer`` reads them (:func:`~stance.artifacts.dict_features.dict_entries`), each
        (row, column) once: the values of one repeated (an iterable value naming a string twice)
        are added, as ``DictVectorizer`` adds them."""
        rows, cols, vals, n = dict_entries(X, self.vocabulary_, self.separator)
        keys = rows * max(len(self.vocabulary_), 1) + cols
        if len(keys) > 1 and len(np.unique(keys)) < len(keys):
            uniq, inverse = np.unique(keys, return_inverse=True)
            vals = np.bincount(inverse, weights=vals, minlength=len(uniq))
            rows, cols = np.divmod(uniq, max(len(self.vocabulary_), 1))
        return rows, cols, vals, n

    def _dense(self, rows: Any, cols: Any, vals: Any, n: int) -> Any:
        """The dense ``(n, n_features)`` float64 matrix of the entries :meth:`entries` gives."""
        out = np.zeros((n, len(self.vocabulary_)), dtype=np.float64)
        out[rows, cols] = vals
        return out

    def transform(self, X: Iterable[Mapping[str, Any]]) -> Any:
        """The dense ``(n, n_features)`` float64 matrix of the feature dicts (:meth:`entries`)."""
        return self._dense(*self.entries(X))

    def raw_scores(self, M: Any) -> Any:
        """The raw (log-odds) score of each row of the dense matrix ``M``: by the leaves' exit
        masks (:meth:`_quick_scores`) when it has no missing value, else by walking the trees
        (:meth:`_walk_scores`); both reach the same leaves and add them in the same order."""
        M = np.ascontiguousarray(M, dtype=np.float64)
        if self._exits is not None and not np.isnan(M).any():
            r, c = np.nonzero(M)
            return self._quick_scores(r, c, M[r, c], M.shape[0])
        return self._walk_scores(M)

    def _quick_scores(self, r: Any, c: Any, x: Any, n: int) -> Any:
        """The raw scores of ``n`` rows given by their entries ``(r, c, x)`` (no missing values;
        every split sends a zero to the left) by exit masks (QuickScorer, Lucchese et al. 2015): a
        row leaves a tree at the leftmost leaf no split that sends it right has ruled out, and only
        splits on its nonzero columns can send it right, so only those (the features are sparse)
        are read."""
        ptr, tree, thr, mask, values = self._exits
        T = len(self._trees)
        counts = ptr[c + 1] - ptr[c]
        total = int(counts.sum())
        first = np.repeat(ptr[c] - (np.cumsum(counts) - counts), counts)
        node = first + np.arange(total, dtype=np.int64)
        right = np.repeat(x, counts) > thr[node]
        acc = np.full(n * T, np.iinfo(np.uint64).max, dtype=np.uint64)
        np.bitwise_and.at(acc, (np.repeat(r, counts) * T + tree[node])[right], mask[node][right])
        lowest = acc & (~acc + np.uint64(1))
        leaf = np.frexp(lowest.astype(np.float64))[1] - 1
        leaves = np.empty((n, T + 1), dtype=np.float64)
        leaves[:, 0] = self.baseline
        leaves[:, 1:] = values[np.tile(self._trees, n), leaf].reshape(n, T)
        # sequential sums in tree order: the additions scikit-learn makes, in its order
        return np.cumsum(leaves, axis=1)[:, -1]

    def _walk_scores(self, M: Any) -> Any:
        """The raw scores of the rows of ``M`` by walking: all trees of all rows walked at once, one
        level per step, over the flattened node arrays of :attr:`_flat` (a node's number is its
        tree's offset plus its index; its children are entries ``2 * node`` and ``2 * node + 1``
        of the children array)."""
        n, T = M.shape[0], len(self._trees)
        feature, threshold, children, missing_right = self._flat
        values = np.ascontiguousarray(M, dtype=np.float64).ravel()
        node = np.tile(self._offsets, n)
        row = np.repeat(np.arange(n, dtype=np.int64) * M.shape[1], T)
        has_nan = bool(np.isnan(values).any())
        for _ in range(self.depth):
            x = values[row + feature[node]]
            right = ~(x <= threshold[node])
            if has_nan:
                right = np.where(np.isnan(x), missing_right[node], right)
            nxt = children[2 * node + right]
            if np.array_equal(nxt, node):
                break  # every walk is at its leaf
            node = nxt
        leaves = np.empty((n, T + 1), dtype=np.float64)
        leaves[:, 0] = self.baseline
        leaves[:, 1:] = self._values[node].reshape(n, T)
        # sequential sums in tree order: the additions scikit-learn makes, in its order
        return np.cumsum(leaves, axis=1)[:, -1]

    def predict_proba(self, X: Iterable[Mapping[str, Any]]) -> Any:
        """``(n, 2)`` probabilities of the classes (``classes_`` order) of the feature dicts."""
        rows, cols, vals, n = self.entries(X)
        if self._exits is not None and not np.isnan(vals).any():
            raw = self._quick_scores(rows, cols, vals, n)
            linear = None if self.coef is None else np.bincount(rows, vals * self.coef[cols], minlength=n) + self.intercept
        else:
            M = self._dense(rows, cols, vals, n)
            raw = self._walk_scores(M)
            linear = None if self.coef is None else M @ self.coef + self.intercept
        p = 1.0 / (1.0 + np.exp(-raw))
        if linear is not None:
            p = (p + 1.0 / (1.0 + np.exp(-linear))) / 2.0
        return np.column_stack([1.0 - p, p])
