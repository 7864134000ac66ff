"""Result types: plain frozen dataclasses that serialise to the ANNOTATION.md JSON shape.

The shape is the one of ``seeds/*.gold.json`` (see ``seeds/ANNOTATION.md``) plus ``confidence``
on each quote and ``scores`` on each stance. ``to_dict`` / ``from_dict`` round-trip exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

QUOTE_KINDS = ("direct", "indirect", "mixed")
#: Where a quotation's affiliation came from: the article's own words, or the shipped knowledge of
#: political actors (:mod:`stance.speakers.actors`); None when there is no affiliation.
AFFILIATION_SOURCES = ("article", "lookup")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :meth:`Analysis.to_dict` output (shipped as ``stance/schema``)."""
    import json
    from importlib import resources

    return json.loads(resources.files("stance").joinpath("schema", "analysis.schema.json").read_text(encoding="utf-8"))
SPEAKER_TYPES = ("person", "organization", "state", "unknown")
STANCE_LABELS = ("hostile", "neutral", "conciliatory")


def _excerpt(d: Any, width: int = 80) -> str:
    """A short printable form of a malformed value, for an error message."""
    text = repr(d)
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True)
class Span:
    """A character span ``text[start:end]`` of the analysed text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> "Span | None":
        if d is None:
            return None
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span of ``text`` between ``start`` and ``end``."""
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class Speaker:
    """Who speaks: ``name`` is the fullest form the article gives, ``mention`` the cue's subject."""

    name: str
    mention: Span | None
    type: str = "unknown"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mention": self.mention.to_dict() if self.mention else None,
            "type": self.type,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> "Speaker | None":
        if d is None:
            return None
        return cls(str(d["name"]), Span.from_dict(d.get("mention")), str(d.get("type", "unknown")))


@dataclass(frozen=True)
class Stance:
    """The speaker's stance toward one named party, with class probabilities."""

    target: str
    label: str
    scores: Mapping[str, float] = field(default_factory=dict)
    implicit: bool = False

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"target": self.target, "label": self.label}
        if self.implicit:
            d["implicit"] = True
        d["scores"] = {k: round(float(v), 4) for k, v in self.scores.items()}
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Stance":
        return cls(
            str(d["target"]),
            str(d["label"]),
            dict(d.get("scores") or {}),
            bool(d.get("implicit", False)),
        )


@dataclass(frozen=True)
class Quote:
    """One quotation: its content span, kind, cue, speaker, role, affiliation and stances.

    ``affiliation_source`` says where the affiliation came from (:data:`AFFILIATION_SOURCES`, or
    None without one); JSON written before it existed reads back with None."""

    quote: Span
    kind: str
    cue: Span | None
    speaker: Speaker | None
    role: str | None = None
    affiliation: str | None = None
    confidence: float = 1.0
    stances: tuple[Stance, ...] = ()
    affiliation_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote": self.quote.to_dict(),
            "kind": self.kind,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "role": self.role,
            "affiliation": self.affiliation,
            "affiliation_source": self.affiliation_source,
            "confidence": round(float(self.confidence), 4),
            "stances": [s.to_dict() for s in self.stances],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Quote":
        """The quotation a :meth:`to_dict` dict describes; a malformed one raises ``ValueError``
        naming what is wrong (a missing key or a value of the wrong type)."""
        try:
            return cls(
                quote=Span.from_dict(d["quote"]),  # type: ignore[arg-type]
                kind=str(d["kind"]),
                cue=Span.from_dict(d.get("cue")),
                speaker=Speaker.from_dict(d.get("speaker")),
                role=d.get("role"),
                affiliation=d.get("affiliation"),
                confidence=float(d.get("confidence", 1.0)),
                stances=tuple(Stance.from_dict(s) for s in d.get("stances") or ()),
                affiliation_source=d.get("affiliation_source"),
            )
        except KeyError as e:
            raise ValueError(f"malformed quotation: no {e.args[0]!r} in {_excerpt(d)}") from None
        except (TypeError, AttributeError, ValueError) as e:
            raise ValueError(f"malformed quotation {_excerpt(d)}: {e}") from None


@dataclass(frozen=True)
class Analysis:
    """Everything found in one article."""

    id: str | None
    quotes: tuple[Quote, ...] = ()
    text: str | None = None

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id}
        if include_text and self.text is not None:
            d["text"] = self.text
        d["quotes"] = [q.to_dict() for q in self.quotes]
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Analysis":
        """The analysis a :meth:`to_dict` dict describes; a malformed one raises ``ValueError``."""
        if not isinstance(d, Mapping):
            raise ValueError(f"an analysis is a JSON object, got {type(d).__name__}")
        quotes = d.get("quotes") or ()
        if not isinstance(quotes, (list, tuple)):
            raise ValueError(f"an analysis's 'quotes' is a list, got {type(quotes).__name__}")
        return cls(id=d.get("id"), quotes=tuple(Quote.from_dict(q) for q in quotes), text=d.get("text"))

    @property
    def speakers(self) -> dict[str, Speaker]:
        """Speakers by canonical name, in order of first quotation."""
        out: dict[str, Speaker] = {}
        for q in self.quotes:
            if q.speaker is not None and q.speaker.name not in out:
                out[q.speaker.name] = q.speaker
        return out
