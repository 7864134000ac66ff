"""The speaker candidate record and the candidate kinds the rules propose and the ranker scores."""

from __future__ import annotations

from dataclasses import dataclass, field


#: candidate kinds, in the rules' default preference order
CANDIDATE_KINDS = ("proportion", "according", "owner", "participle", "agent", "appositive", "colon", "coordinated", "left", "right", "subject", "agent_for",
                   "previous", "nearest", "sent_subject")
#: kinds proposed only for the trained ranker; :func:`pick_by_rules` never picks them
RANKER_ONLY_KINDS = frozenset({"nearest", "sent_subject"})
#: Candidate kinds chosen by rule over the ranker: the phrase after "according to" (the source by
#: definition), the subject of the clause a participle cue hangs on, a passive cue's agent after "by",
#: the sentence's subject before an appositive chain that ends at the cue, the speaker of the
#: sentence whose colon introduces a quotation without a cue (kind "colon", also given to the speaker
#: of an attribution right after a cueless quotation, :func:`~stance.speakers.clause_subjects.trailing_speaker`,
#: or the subject before it in its own sentence, :func:`~stance.speakers.clause_subjects.subject_before_quote`),
#: the subject of the first of two coordinated verbs, right before that verb ("Graham called both
#: men 'crazy' and said ...", kind "coordinated"), and a proportion of people right before the cue
#: ("Twenty-four percent said", kind "proportion": :mod:`stance.speakers.proportions`), and the
#: owner of a noun cue ("Trump's claim that ...", "his promise to ...", kind "owner").
RULED_KINDS = frozenset({"proportion", "according", "owner", "participle", "agent", "appositive", "colon", "coordinated"})
#: :data:`RULED_KINDS` in the rules' preference order (:data:`CANDIDATE_KINDS`)
RULED_ORDER = tuple(k for k in CANDIDATE_KINDS if k in RULED_KINDS)


@dataclass
class Candidate:
    """A possible speaker of a cue: tokens ``[start, end)`` and how it was found."""

    start: int
    end: int
    kind: str  # one of CANDIDATE_KINDS
    np_type: str  # name | pronoun | nominal
    features: dict = field(default_factory=dict)
    etype: str = ""  # the entity type of a name candidate's head name (stance.text.entity_types)
