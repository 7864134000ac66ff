"""The speaker candidate record and the candidate kinds the rules propose and the ranker scores."""

from __future__ import annotations

from dataclasses import dataclass, field


#: candidate kinds, in the rules' default preference order
CANDIDATE_KINDS = ("proportion", "according", "participle", "agent", "appositive", "colon", "coordinated", "left", "right", "subject", "agent_for",
                   "previous", "nearest", "sent_subject")
#: kinds proposed only for the trained ranker; :func:`pick_by_rules` never picks them
RANKER_ONLY_KINDS = frozenset({"nearest", "sent_subject"})


@dataclass
class Candidate:
    """A possible speaker of a cue: tokens ``[start, end)`` and how it was found."""

    start: int
    end: int
    kind: str  # one of CANDIDATE_KINDS
    np_type: str  # name | pronoun | nominal
    features: dict = field(default_factory=dict)
    etype: str = ""  # the entity type of a name candidate's head name (stance.text.entity_types)
