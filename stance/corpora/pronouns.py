"""The pronoun-antecedent set: pronoun speakers (he/she, it/they/we) and who they are.

Two parts, both split by article:

- ``data/pronouns/polnear.jsonl``: pronoun sources of attributions in PolNeAR train articles that
  are not in the article-level corpus, with the antecedent the annotators gave (offsets only: the
  pronoun's and those of the antecedent's name; the texts are read at run time from the user's
  PolNeAR copy). Splits ``train`` / ``dev``.
- the article-level corpus (``data/quote_stance/articles``): every gold quotation whose speaker
  mention is a pronoun, with the speaker's name as the antecedent (its train / dev / test splits).

:func:`load_pronouns` gives one record per pronoun: ``{"start", "end", "pronoun",
"antecedent"}``, grouped by article (``[{"id", "text", "source", "pronouns": [...]}]``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable

from stance.corpora.polnear import load_polnear
from stance.corpora.quote_corpus import load_quote_corpus
from stance.io import jsonl_objects

#: The shipped pronoun set.
DEFAULT_PRONOUNS = Path(__file__).resolve().parent.parent.parent / "data" / "pronouns" / "polnear.jsonl"
#: Pronouns of the set the he/she part of the ranker learns from (the default of :func:`load_pronouns`).
PRONOUNS = ("he", "she")
#: The other speaker pronouns the ranker learns ("it", "they", "we").
GROUP_PRONOUNS = ("it", "they", "we")


def load_pronouns(split: str, data_dir: str | os.PathLike[str], *, sources: Iterable[str] = ("pronoun_set", "corpus"),
                  path: str | os.PathLike[str] | None = None, pronouns: Iterable[str] = PRONOUNS) -> list[dict[str, Any]]:
    """Articles of ``split`` with their speaker pronouns of ``pronouns`` (lowercase) and antecedents.

    ``sources``: ``"pronoun_set"`` (``data/pronouns/polnear.jsonl``; splits train and dev) and
    ``"corpus"`` (the article-level corpus, both its sources). ``data_dir`` holds ``polnear/``."""
    sources = tuple(sources)
    wanted = frozenset(pronouns)
    out: list[dict[str, Any]] = []
    if "pronoun_set" in sources and split in ("train", "dev"):
        p = Path(path) if path is not None else DEFAULT_PRONOUNS
        rows = []
        with open(p, "rb") as f:
            for n, r, err in jsonl_objects(f, str(p)):
                if err:
                    raise ValueError(err)
                if r.get("split") == split and r.get("status") == "resolved":
                    rows.append(r)
        want = {r["doc_id"] for r in rows}
        texts = {d["doc_id"]: d["text"] for d in load_polnear(data_dir, "train") if d["doc_id"] in want}
        by_doc: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            text = texts.get(r["doc_id"])
            if text is None:
                raise ValueError(f"{p}: article {r['doc_id']!r} is not in the PolNeAR train file under {data_dir}")
            a, b = r["pronoun"]["start"], r["pronoun"]["end"]
            if text[a:b].lower() not in wanted:
                continue
            spans = r.get("antecedent_spans") or []
            if not spans:
                continue
            name = text[spans[0]["start"]:spans[0]["end"]]
            by_doc.setdefault(r["doc_id"], []).append({"start": a, "end": b, "pronoun": text[a:b].lower(), "antecedent": name})
        out += [{"id": k, "text": texts[k], "source": "pronoun_set", "pronouns": v} for k, v in sorted(by_doc.items())]
    if "corpus" in sources:
        for d in load_quote_corpus(split, data_dir):
            prons = []
            seen = set()
            for q in d["quotes"]:
                sp = q.get("speaker") or {}
                m = sp.get("mention") or {}
                if m.get("start") is None or not sp.get("name"):
                    continue
                a, b = m["start"], m["end"]
                if d["text"][a:b].lower() in wanted and (a, b) not in seen:
                    seen.add((a, b))
                    prons.append({"start": a, "end": b, "pronoun": d["text"][a:b].lower(), "antecedent": sp["name"]})
            if prons:
                out.append({"id": d["id"], "text": d["text"], "source": "corpus", "pronouns": prons})
    return out
