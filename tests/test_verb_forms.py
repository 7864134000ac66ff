"""The one "looks like a past verb" rule (stance.text.verb_forms) and its bounds."""

from stance.text.mentions import is_past_tense
from stance.text.verb_forms import is_ed_form, is_irregular_past, is_past_form

_WORDS = ["endorsed", "said", "drew", "went", "bred", "died", "re-elected", "need", "ed", "red",
          "hundred", "agreed", "speaks", "", "Endorsed", "u.s.-backed"]


def test_defaults_match_mentions_is_past_tense() -> None:
    assert [is_past_form(w) for w in _WORDS] == [is_past_tense(w) for w in _WORDS]


def test_bounds() -> None:
    assert not is_ed_form("died") and is_ed_form("died", min_len=4)
    assert is_ed_form("ed", min_len=0) and not is_ed_form("ed", min_len=3)
    assert not is_ed_form("re-elected") and is_ed_form("re-elected", alpha_only=False)
    assert is_irregular_past("drew") and not is_irregular_past("drawn")
    assert is_past_form("drew", min_len=99) and not is_past_form("speaks", min_len=0)


def test_verb_forms_drop_rules() -> None:
    from stance.text.inflection import inflections, verb_forms

    assert verb_forms("walk") == inflections("walk") == {"walk", "walks", "walked", "walking"}
    # an irregular verb loses the regular pasts it does not list ...
    assert verb_forms("tell", {"told"}) == {"tell", "tells", "told", "telling"}
    assert verb_forms("tell", {"told"}, drop_pasts=False) >= {"telled", "told"}
    # ... the doubled past only when asked, and extra forms are not protected
    assert "quipped" in verb_forms("quip", {"quipt"})
    assert "quipped" not in verb_forms("quip", {"quipt"}, drop_doubled=True)
    assert "said" in verb_forms("say", {"said"}, {"sayed"}) and "sayed" not in verb_forms("say", {"said"}, {"sayed"})
    assert verb_forms("flee", (), {"fled"}) == inflections("flee") | {"fled"}
