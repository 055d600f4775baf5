"""How two matters are connected, and how each side reads the connection.

One incident becomes many proceedings: an investigation, prosecutions, an agency matter, civil
suits, appeals. A link is stored once, from the side it was typed on (`A appeal-of B`); each
matter shows it in its own words (A: "appeal of" B; B: "appealed in" A). Only an appeal reads
differently from its two ends; the other relations say the same thing both ways.
"""

from __future__ import annotations

from docket.choices import Choice


class LinkRelation(Choice):
    RELATED = "related"
    CONSOLIDATED = "consolidated"
    APPEAL_OF = "appeal_of"
    """The linking matter is an appeal of the other one."""
    PARALLEL = "parallel"
    """Proceedings on the same facts in another forum (a criminal case beside a civil suit)."""
    SAME_INCIDENT = "same_incident"


#: What a link reads as from the matter it was typed on, and from the other matter: the
#: machine word (`case show --json`'s `relation`) and the words a person reads.
_SIDES: dict[LinkRelation, tuple[tuple[str, str], tuple[str, str]]] = {
    LinkRelation.RELATED: (("related", "related to"), ("related", "related to")),
    LinkRelation.CONSOLIDATED: (
        ("consolidated", "consolidated with"),
        ("consolidated", "consolidated with"),
    ),
    LinkRelation.APPEAL_OF: (("appeal_of", "appeal of"), ("appealed_in", "appealed in")),
    LinkRelation.PARALLEL: (("parallel", "parallel to"), ("parallel", "parallel to")),
    LinkRelation.SAME_INCIDENT: (
        ("same_incident", "same incident as"),
        ("same_incident", "same incident as"),
    ),
}


def relation_as_seen(relation: LinkRelation, *, from_linking_side: bool) -> str:
    """The relation's word from one end of the link (`appeal_of` or `appealed_in`)."""
    return _SIDES[relation][0 if from_linking_side else 1][0]


def relation_words(relation: LinkRelation, *, from_linking_side: bool) -> str:
    """The relation as a person reads it from one end (`appeal of`, `appealed in`)."""
    return _SIDES[relation][0 if from_linking_side else 1][1]


#: Every word `relation_as_seen` can give, with what a person reads for it.
WORDS_FOR: dict[str, str] = {word: words for sides in _SIDES.values() for word, words in sides}
