"""What one source in the registry is: the fields, their types and their rules (pydantic).

Field names follow citation practice: Wikipedia's "cite web" (url, title, publisher, date,
language, access-date, archive-url, archive-date) and CSL (issued, accessed, container-title, DOI).
A figure records what the source says, with the data vintage, because statistical offices revise
their numbers (Our World in Data's advice: credit the original provider, keep the vintage).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


@dataclass(frozen=True, order=True)
class PartialDate:
    """A publication date known to the year, the month or the day (CSL allows all three)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError("expected a date written YYYY, YYYY-MM or YYYY-MM-DD")
        match = _PARTIAL_DATE.fullmatch(value.strip())
        if not match:
            raise ValueError(f"'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError as error:
            raise ValueError(f"'{value}' is not a real date ({error})") from None
        return cls(year, month, day)

    def isoformat(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


class Localized(BaseModel):
    """A short text in both languages of the site: a note must exist for every reader."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fr: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.fr


class Figure(BaseModel):
    """A number the source states, so that `check` can compare it with what an essay says."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: float
    unit: str | None = None  # "USD", "deaths", "%"...: free text, compared only when both have one
    year: int | None = None  # the year the figure is about (reference year)
    vintage: str | None = None  # which release of the data ("2024-10", "WEO April 2024")
    indicator: str | None = None  # the provider's code, e.g. World Bank "NY.GDP.MKTP.CD"
    label: Localized | None = None
    tolerance: float | None = Field(default=None, gt=0, lt=1)  # relative; overrides the default


class Source(BaseModel):
    """One entry of the registry (the key of the entry is its id)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    type: Literal["webpage", "article-journal", "report", "dataset", "article-newspaper", "post"] = "webpage"
    title: str = Field(min_length=1)
    author: list[str] = Field(default_factory=list)
    publisher: str | None = None
    container_title: str | None = None  # website, journal or newspaper the item appears in
    volume: str | None = None
    pages: str | None = None
    url: str
    doi: str | None = None
    issued: PartialDate | None = None  # publication date; absent when the source shows none
    accessed: dt.date | None = None  # when someone last checked that the source says this
    language: str = Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")
    archive_url: str | None = None
    archive_date: dt.date | None = None
    figures: dict[str, Figure] = Field(default_factory=dict)
    notes: Localized | None = None

    @field_validator("author", mode="before")
    @classmethod
    def _author_as_list(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("issued", mode="before")
    @classmethod
    def _parse_issued(cls, value: object) -> object:
        return None if value is None else PartialDate.parse(value)

    @field_validator("url", "archive_url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        if value is not None:
            check_url(value)
        return value

    @field_validator("doi")
    @classmethod
    def _check_doi(cls, value: str | None) -> str | None:
        if value is not None and not _DOI.fullmatch(value):
            raise ValueError(
                f"'{value}' is not a DOI: write it as 10.NNNN/suffix, without 'doi:' or 'https://doi.org/'"
            )
        return value

    @field_validator("accessed", "archive_date")
    @classmethod
    def _not_in_future(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and value > today():
            raise ValueError(
                f"{value.isoformat()} is in the future: write the day the source was actually checked"
            )
        return value

    @field_validator("figures")
    @classmethod
    def _figure_names(cls, value: dict[str, Figure]) -> dict[str, Figure]:
        for name in value:
            if not _FIGURE_NAME.fullmatch(name):
                raise ValueError(f"figure name '{name}' must be lowercase letters, digits, _ or -")
        return value

    @model_validator(mode="after")
    def _who_and_archive(self) -> Source:
        if not self.author and not self.publisher:
            raise ValueError("give an author or a publisher (who stands behind the source)")
        if (self.archive_url is None) != (self.archive_date is None):
            raise ValueError("archive_url and archive_date go together: give both or neither")
        return self


def check_url(value: str) -> None:
    """Raise ValueError unless ``value`` is an absolute http(s) URL a reader can open."""
    if any(char.isspace() for char in value):
        raise ValueError(f"URL '{value}' contains a space: encode it as %20")
    if bad := sorted({char for char in value if char in _NOT_IN_URL or not char.isprintable()}):
        shown = " ".join(repr(char) for char in bad)
        raise ValueError(f"URL '{value}' contains {shown}: percent-encode them (e.g. \" as %22)")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"URL '{value}' must start with https:// or http://")
    host = parts.hostname or ""
    if not _HOST.fullmatch(host):
        raise ValueError(f"URL '{value}' has no valid host name")


def today() -> dt.date:
    """The current day (UTC): a seam so tests can move the clock."""
    return dt.datetime.now(dt.UTC).date()


# ---------------------------------------------------------------------------------------------------
# Data

#: characters a URL never holds as such (RFC 3986); in a page they could end the attribute
_NOT_IN_URL = frozenset('"<>`{}|\\^')
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_FIGURE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}", re.IGNORECASE)
