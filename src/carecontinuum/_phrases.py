"""How people write the names of levels and modalities: looser spellings for lookups.

Two functions feed the :class:`~carecontinuum._lookup.Lookup` of every
framework and of the modality catalog, both on normalised keys (lower case,
words joined by ``_``):

* :func:`name_variants` — spellings that mean exactly the same name: an
  abbreviation in brackets dropped (``partial_hospitalization_program_(php)``),
  British spellings folded to American ones, and the words of the seed's
  machine-paraphrased copy folded back to the original article's ("remedy" is
  therapy, "applications" are programs [SEED]).  Names are indexed under these.
* :func:`query_variants` — what a *query* may add around a name: a trailing
  generic word ("program", "care", "treatment", "services", "therapy", "level of
  care", ...), a leading qualifier ("regular", "conventional"), a plural.  Only
  queries are loosened this way, so no entry is ever indexed under a bare
  generic word ("group", "family"), and a lookup still fails on the names of
  other services ("emergency department", "primary care").

Examples
--------
>>> name_variants("partial_hospitalization_program_(php)")
['partial_hospitalization_program']
>>> name_variants("cognitive_behavioural_remedy")
['cognitive_behavioral_therapy']
>>> query_variants("intensive_outpatient_programs")[:3]
['intensive_outpatient_program', 'intensive_outpatient']
"""

from __future__ import annotations

__all__ = ["name_variants", "query_variants"]

#: Words of the seed's machine-paraphrased copy and the original article's words for
#: them ("remedy" is therapy, "applications" are programs ...) [SEED].
SEED_PARAPHRASE: dict[str, str] = {
    "remedy": "therapy",
    "remedies": "therapies",
    "application": "program",
    "applications": "programs",
    "neighborhood": "community",
    "neighbourhood": "community",
    "mannequin": "model",
    "administration": "management",
}

#: British spellings and their American forms.
BRITISH: dict[str, str] = {
    "programme": "program",
    "programmes": "programs",
    "behaviour": "behavior",
    "behavioural": "behavioral",
    "behaviours": "behaviors",
    "counselling": "counseling",
    "hospitalisation": "hospitalization",
    "centre": "center",
    "centres": "centers",
    "stabilisation": "stabilization",
    "organisation": "organization",
}

_WORDS = {**SEED_PARAPHRASE, **BRITISH}

#: Generic words a query may put after a name, longest first.
TRAILING: tuple[tuple[str, ...], ...] = (
    ("level", "of", "care"),
    ("levels", "of", "care"),
    ("of", "care"),
    ("program",),
    ("programs",),
    ("care",),
    ("treatment",),
    ("treatments",),
    ("services",),
    ("service",),
    ("therapy",),
    ("therapies",),
    ("level",),
    ("setting",),
    ("facility",),
    ("facilities",),
    ("approach",),
    ("approaches",),
    ("model",),
    ("sessions",),
)

#: Qualifiers a query may put before a name ("regular outpatient treatment").
LEADING: frozenset[str] = frozenset(
    {"a", "an", "the", "regular", "conventional", "common", "traditional", "standard"}
)

#: The most words a key may have for variants to be tried (hostile input stays cheap).
MAX_WORDS = 16


def _fold_words(words: list[str]) -> list[str]:
    return [_WORDS.get(w, w) for w in words if not (w.startswith("(") and w.endswith(")"))]


def name_variants(key: str) -> list[str]:
    """Spellings of the normalised *key* that mean the same name (see the module docs).

    Examples
    --------
    >>> name_variants("twelve_step_facilitation_(tsf)")
    ['twelve_step_facilitation']
    >>> name_variants("intensive_outpatient")
    []
    """
    words = key.split("_")
    if len(words) > MAX_WORDS:
        return []
    folded = "_".join(_fold_words(words))
    return [folded] if folded and folded != key else []


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def query_variants(key: str) -> list[str]:
    """Looser forms of a query's normalised *key*, closest first (see the module docs).

    Examples
    --------
    >>> query_variants("regular_outpatient_treatment")
    ['outpatient_treatment', 'outpatient']
    >>> query_variants("iops")
    ['iop']
    >>> query_variants("emergency_department")
    []
    """
    words = key.split("_")
    if len(words) > MAX_WORDS:
        return []
    words = _fold_words(words)
    found: list[str] = []

    def add(candidate: list[str]) -> None:
        text = "_".join(candidate)
        if candidate and text != key and text not in found:
            found.append(text)

    while words and words[0] in LEADING and len(words) > 1:
        words = words[1:]
        add(words)
    current = words
    while current:
        if len(current) > 1 or current != words:
            add(current)
        singular = [*current[:-1], _singular(current[-1])]
        if singular != current:
            add(singular)
        for tail in TRAILING:
            if len(current) > len(tail) and tuple(current[-len(tail) :]) == tail:
                current = current[: -len(tail)]
                break
        else:
            singular_tail = tuple([*current[:-1], _singular(current[-1])][-1:])
            if len(current) > 1 and singular_tail in TRAILING:
                current = current[:-1]
                continue
            break
    return found
