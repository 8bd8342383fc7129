"""Document context: what every record of a document states alike is the document's.

Why: a listing often repeats the room under every talk but forgets it under one, or
gives the Zoom link with all but the newest. A value that all the records that state it
share, stated by most of them, is a property of the document; a record that lacks it
inherits it, with a warning saying so. Records that disagree (two rooms) give no default.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.records import RawTalk

# a value becomes a default when at least this share of the records state it, and no
# record states another
MIN_SHARE = 0.5
DEFAULTABLE = ("location", "series", "timezone")


def fill_constants(talks: Sequence[RawTalk], fields: Sequence[str] = DEFAULTABLE) -> None:
    """Give records lacking a field the value all their stating siblings share."""
    if len(talks) < 3:
        return
    for name in fields:
        values = [getattr(t, name) for t in talks]
        stated = {v for v in values if v}
        count = sum(1 for v in values if v)
        if len(stated) != 1 or count == len(talks) or count < max(2, MIN_SHARE * len(talks)):
            continue
        (value,) = stated
        for talk in talks:
            if not getattr(talk, name):
                setattr(talk, name, value)
                talk.warnings.append(f"{name} taken from the document's other records")


def drop_shared_prose(talks: Sequence[RawTalk], fields: Sequence[str] = ("abstract",
                                                                        "speaker_bio")) -> None:
    """Prose that several records repeat word for word is the page's, not a talk's.

    A template line under every card (``Catégorie : séminaire interne``, a registration
    note) read as each talk's abstract is not one; it is dropped with a warning."""
    if len(talks) < 3:
        return
    for name in fields:
        values = [getattr(t, name) for t in talks if getattr(t, name)]
        if len(values) < 3 or len(set(values)) != 1:
            continue
        for talk in talks:
            if getattr(talk, name):
                setattr(talk, name, None)
                talk.warnings.append(f"{name} repeated word for word by every record: dropped")
