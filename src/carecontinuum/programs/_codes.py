"""Who a program serves and how it is paid: the SAMHSA treatment-locator categories.

Codes and wording follow the locator's public source [LOCATOR].  Each enum's
value is the locator code; fields accept the code, the member name or the
label, in any case.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, TypeVar

from pydantic import StringConstraints

from .._enum_lookup import EnumField, EnumLookup

_E = TypeVar("_E", bound=StrEnum)

__all__ = [
    "AgeGroup",
    "AgeGroupField",
    "Language",
    "Payment",
    "PaymentField",
    "SpecialGroup",
    "SpecialGroupField",
]


class Payment(StrEnum):
    """Payment a program accepts; value = locator code [LOCATOR]."""

    PRIVATE_INSURANCE = "PI"
    MEDICAID = "MD"
    MEDICARE = "MC"
    MILITARY_INSURANCE = "MI"
    IHS_TRIBAL_URBAN_FUNDS = "ITU"
    SLIDING_FEE_SCALE = "SS"
    CASH_OR_SELF_PAYMENT = "SF"
    FREE_CARE = "NP"
    PAYMENT_ASSISTANCE = "PA"

    @property
    def label(self) -> str:
        """The locator's wording."""
        return _PAYMENT_LABELS[self]


_PAYMENT_LABELS = {
    Payment.PRIVATE_INSURANCE: "private health insurance",
    Payment.MEDICAID: "Medicaid",
    Payment.MEDICARE: "Medicare",
    Payment.MILITARY_INSURANCE: "military insurance (e.g. TRICARE)",
    Payment.IHS_TRIBAL_URBAN_FUNDS: "IHS/Tribal/Urban (ITU) funds",
    Payment.SLIDING_FEE_SCALE: "sliding fee scale",
    Payment.CASH_OR_SELF_PAYMENT: "cash or self-payment",
    Payment.FREE_CARE: "free or no-cost care",
    Payment.PAYMENT_ASSISTANCE: "payment assistance available",
}


class AgeGroup(StrEnum):
    """Age groups of the locator [LOCATOR]."""

    ADULTS = "ADLT"
    """Adults, 18 and older."""
    YOUTH = "CHLD"
    """Youth, under 18."""

    @property
    def label(self) -> str:
        """The locator's wording."""
        return "adults (18 and older)" if self is AgeGroup.ADULTS else "youth (under 18)"


class SpecialGroup(StrEnum):
    """Special groups a program offers services for [LOCATOR]."""

    VETERANS = "VET"
    LGBTQ = "GL"
    """The locator's "LGBT (lesbian, gay, bisexual, transgender)" group."""
    DEAF_AND_HARD_OF_HEARING = "AH"

    @property
    def label(self) -> str:
        """The locator's group, in words."""
        return _GROUP_LABELS[self]


_GROUP_LABELS = {
    SpecialGroup.VETERANS: "veterans",
    SpecialGroup.LGBTQ: "LGBT clients",
    SpecialGroup.DEAF_AND_HARD_OF_HEARING: "deaf and hard of hearing clients",
}


def _names(enum: type[_E], extra: dict[str, str]) -> dict[_E, list[str]]:
    names: dict[_E, list[str]] = {m: [] for m in enum}
    for member in enum:
        label = getattr(member, "label", "")
        if label:
            names[member].append(label)
    for text, code in extra.items():
        if code in enum._value2member_map_:
            names[enum(code)].append(text)
    return names


#: Other spellings people write for the locator's codes [LOCATOR].
_EXTRA: dict[str, str] = {"LGBT": "GL", "LGBTQ+": "GL", "LGBTQ": "GL", "self-pay": "SF"}

#: The wording of the locator's own listings and filters for the same codes [LOCATOR]: the
#: labels its listing rows carry (``src/utils/_DATA.js``), the labels it rewrites for display
#: (``src/utils/services.js``) and its filter labels (``src/utils/filters.js``).  A listing in
#: label form is read through these.
_LISTING_LABELS: dict[str, str] = {
    "Military insurance (e.g., TRICARE)": "MI",
    "Sliding fee scale (fee is based on income and other factors)": "SS",
    "Sliding fee scale, based on income and other factors": "SS",
    "Payment assistance (check with facility for details)": "PA",
    "Payment assistance available (check with facility for details)": "PA",
    "Free services, no payment needed": "NP",
    "No payment accepted": "NP",
    "Lesbian, gay, bisexual, or transgender (LGBT) clients": "GL",
    "LGBT (Lesbian, gay, bisexual, transgender)": "GL",
    "Services for the deaf and hard of hearing": "AH",
    "Adults": "ADLT",
    "Adults (18 and older)": "ADLT",
    "Youth (under 18)": "CHLD",
    "Children/adolescents": "CHLD",
}
_EXTRA.update(_LISTING_LABELS)

PAYMENTS = EnumLookup(Payment, "payment code", names=_names(Payment, _EXTRA))
AGE_GROUPS = EnumLookup(AgeGroup, "age group", names=_names(AgeGroup, _EXTRA))
SPECIAL_GROUPS = EnumLookup(SpecialGroup, "special group", names=_names(SpecialGroup, _EXTRA))

#: A payment field: a :class:`Payment`, its code ("MD"), name or label, any case.
PaymentField = Annotated[Payment, EnumField(PAYMENTS, "locator_code")]
#: An age-group field: ``"ADLT"``, ``"adults"``, ``"CHLD"``, ``"youth"`` …
AgeGroupField = Annotated[AgeGroup, EnumField(AGE_GROUPS, "locator_code")]
#: A special-group field: ``"VET"``, ``"veterans"``, ``"GL"``, ``"LGBTQ+"``, ``"AH"`` …
SpecialGroupField = Annotated[SpecialGroup, EnumField(SPECIAL_GROUPS, "locator_code")]

#: A language sessions are held in, as written: ``"Spanish"`` or the locator's ``"SP-Spanish"``.
Language = Annotated[str, StringConstraints(min_length=1, max_length=200)]
