"""``EnumField`` remembers the member a text names: same answers, bounded, misses refused."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import pytest
from pydantic import BaseModel, ValidationError

from carecontinuum._enum_lookup import _MEMO_SIZE, EnumField, EnumLookup


class _Pay(StrEnum):
    MEDICAID = "MD"
    MEDICARE = "MC"


_FIELD = EnumField(EnumLookup(_Pay, "payment", names={_Pay.MEDICAID: ["Medicaid"]}))


class _Form(BaseModel):
    pay: Annotated[_Pay, _FIELD]


class _Text(str):
    pass


def test_a_text_seen_before_names_the_same_member() -> None:
    for _ in range(3):  # first read, then remembered
        assert [_Form(pay=s).pay for s in ("medicaid", "MD", "Medicare", " mc ")] == [
            _Pay.MEDICAID,
            _Pay.MEDICAID,
            _Pay.MEDICARE,
            _Pay.MEDICARE,
        ]
    assert _FIELD._memo["medicaid"] is _Pay.MEDICAID


def test_a_miss_is_refused_every_time_and_never_remembered() -> None:
    for _ in range(2):
        with pytest.raises(ValidationError, match="unknown payment 'medicade'"):
            _Form(pay="medicade")
    assert "medicade" not in _FIELD._memo


def test_only_plain_text_is_remembered_and_the_memo_is_bounded() -> None:
    field = EnumField(EnumLookup(_Pay, "payment"))
    assert field._validate(_Text("MD")) is _Pay.MEDICAID
    assert field._validate(_Pay.MEDICARE) is _Pay.MEDICARE
    assert field._memo == {}
    for i in range(_MEMO_SIZE + 10):
        assert field._validate(" " * (i % 50) + "MD" + " " * (i // 50)) is _Pay.MEDICAID
    assert len(field._memo) == _MEMO_SIZE


class _OtherPay(StrEnum):
    MEDICAID = "MD"


def test_a_member_is_taken_as_is_and_another_enum_s_member_is_looked_up() -> None:
    assert EnumLookup(_Pay, "payment").enum is _Pay
    field = EnumField(EnumLookup(_Pay, "payment"))
    assert field._validate(_Pay.MEDICARE) is _Pay.MEDICARE
    # equal as text, but not a member of this field's enum: read as its value, never kept as is
    found = field._validate(_OtherPay.MEDICAID)
    assert found is _Pay.MEDICAID
    assert type(found) is _Pay
    assert type(_Form(pay=_OtherPay.MEDICAID).pay) is _Pay
