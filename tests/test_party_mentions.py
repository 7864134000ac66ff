"""The party's other mentions in a stance example (name again, or a pronoun after it) and the
quote model's ``mentions`` feature group: estimator and numpy scorer see the same columns."""

from __future__ import annotations

import numpy as np

from stance.stance_model.features import LABELS, StanceExample, read_lexicon, tokenize_batch, tokenize_marked
from stance.stance_model.party_mentions import mention_features, other_mentions
from stance.stance_model.relation import read_cameo

from .test_quote_stance import FixedBase


def _ex(text: str, party: str, speaker: str | None = None) -> StanceExample:
    ts = text.index(party)
    if speaker is None:
        return StanceExample(text, ts, ts + len(party))
    ss = text.index(speaker)
    return StanceExample(text, ts, ts + len(party), ss, ss + len(speaker))


def _mentioned(ex: StanceExample) -> list[str]:
    tk = tokenize_marked(ex)
    return [tk[0][j] for j in other_mentions(ex, tk)]


def test_pronouns_after_the_party_and_its_name_again_are_its_mentions():
    ex = _ex('Rubio said: "Barack Obama wants to change the country. He is wrong, and Obama knows it."',
             "Barack Obama", "Rubio")
    assert _mentioned(ex) == ["he", "obama"]
    # a pronoun before the party is not taken as its mention; a plural party takes plural pronouns
    ex = _ex("He said the Democrats failed, and they will pay for it.", "Democrats")
    assert _mentioned(ex) == ["they"]


def test_a_pronoun_right_after_the_speaker_is_the_speakers():
    ex = _ex("Clinton attacked Trump, and Clinton said he would lose.", "Trump", "Clinton said")
    assert "he" not in _mentioned(ex)
    ex = _ex("Clinton attacked Trump, Clinton said, and he would lose.", "Trump", "Clinton said")
    assert _mentioned(ex) == ["he"]


def test_mention_features_read_the_cues_around_the_other_mentions():
    lexicon, cameo = read_lexicon(), read_cameo()
    ex = _ex('"Freedonia is our neighbour. We condemn it. They lied, and they will not apologize," Ruiz said.',
             "Freedonia", "Ruiz")
    # a party named in the singular takes he/she pronouns only: "it" and "they" are not its mentions
    assert mention_features(ex, tokenize_marked(ex), cameo, lexicon) == ["n0"]
    ex = _ex('"The rebels are our neighbours," Ruiz said. "They lied, and they will not apologize."', "rebels", "Ruiz")
    feats = mention_features(ex, tokenize_marked(ex), cameo, lexicon)
    assert feats[0] == "n2"
    assert "clx:hostile:R" in feats  # "lied" after "They"
    assert len(feats) == len(set(feats))


def _toy(n: int = 90) -> tuple[list[StanceExample], list[str], list[str]]:
    words = {"hostile": "lied", "neutral": "spoke", "conciliatory": "helped"}
    X, y, g = [], [], []
    for i in range(n):
        lab = LABELS[i % 3]
        text = f'Ruiz said: "The rebels met us on day {i}. They {words[lab]} a lot."'
        X.append(_ex(text, "rebels", "Ruiz"))
        y.append(lab)
        g.append(f"a{i // 6}")
    return X, y, g


def test_the_mentions_group_is_learnt_and_scored_alike_by_estimator_and_scorer():
    from stance.stance_model.quote_estimator import QuoteStanceClassifier

    X, y, g = _toy()
    groups = ("lexical", "relation", "mentions", "heads")
    m = QuoteStanceClassifier(base=FixedBase(), groups=groups, C=1.0, min_count=1).fit(X, y, groups=g)
    assert any(f.startswith("men:clx:hostile") for f in m.vocabulary_)
    without = QuoteStanceClassifier(base=FixedBase(), groups=("lexical", "relation", "heads"), C=1.0, min_count=1).fit(X, y, groups=g)
    assert not any(f.startswith("men:") for f in without.vocabulary_)
    scorer = m.to_scorer()
    assert np.abs(scorer.predict_proba(X) - m.predict_proba(X)).max() < 1e-9
    # the scorer's two look-up paths (lexical columns looked up before, or with the other groups) agree
    tokens = tokenize_batch(X)
    from stance.stance_model.features import extract_features, lookup_columns

    lex = [extract_features(ex, scorer.lexicon_, scorer.window, tk) for ex, tk in zip(X, tokens)]
    cols = lookup_columns(X, scorer._group_vocabularies()[0], scorer.lexicon_, scorer.window, tokens, lex)
    joint, separate = scorer._sparse(X, tokens, lex, cols), scorer._sparse(X, tokens, lex)
    assert all(np.array_equal(u, v) for u, v in zip(joint, separate))
