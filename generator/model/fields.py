"""The building blocks of the model: ids, text, dates, references, and the base of every entity."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from ..safety import describe, refused_character

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LINES_PATTERN = r"^[0-9]+(-[0-9]+)?(, ?[0-9]+(-[0-9]+)?)*$"
# The only fields that become links (http, https, mailto, tel). Quotes, brackets, spaces and '<>' are refused,
# so a value can neither leave its link nor change its scheme.
WEBSITE_PATTERN = r"^https?://[A-Za-z0-9æøåÆØÅ.-]+(:[0-9]+)?(/[A-Za-z0-9æøåÆØÅ._~!$&*+,;=:@%/?#-]*)?$"
EMAIL_PATTERN = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9æøåÆØÅ-]+(\.[A-Za-z0-9æøåÆØÅ-]+)+$"
PHONE_PATTERN = r"^\+?[0-9]+( [0-9]+)*$"
PERIOD_PATTERN = r"^(ukendt|[0-9]{4}([-–][0-9]{4})?)$"

# Ids become file and folder names ('maalgrupper/<id>/index.html', 'assets/finder/maalgruppe-<id>.js'):
# 80 characters keep every name far below the 255 bytes file systems allow, and paths short for Windows.
ID_MAX = 80
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX)]
Lines = Annotated[str, StringConstraints(pattern=LINES_PATTERN)]


@dataclass(frozen=True)
class Ref:
    """Marks an id field as a reference to an entity of a collection, e.g. Annotated[Id, Ref("providers")].

    validate.py finds every reference from these marks and reports the ids that name nothing.
    """

    collection: str


def plain_text(text: str) -> str:
    """Refuse text holding a control or invisible character (see safety.REFUSED_CATEGORIES)."""
    found = refused_character(text)
    if found:
        position, character = found
        where = f"after '{text[max(0, position - 20):position]}'" if position else "at the start"
        raise PydanticCustomError("text_character", "holds the invisible or control character {character} {where}: "
                                  "delete it (retype the text around it if you cannot see it)",
                                  {"character": describe(character), "where": where})
    return text


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(plain_text)]


def _day(value):
    """Accept a YAML date or 'YYYY-MM-DD' only: pydantic would read a number as seconds since 1970."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return value.strip()  # pydantic checks that the day exists
    raise ValueError("not a date")


Day = Annotated[datetime.date, BeforeValidator(_day)]


class Entity(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)

    @classmethod
    def as_written(cls, value):
        """Return value, as written in YAML, in the long form the model reads (see TargetRef's short form)."""
        return value


def field(description: str, **kwargs):
    """Declare a field with the description a content editor reads in the schema."""
    return Field(description=description, **kwargs)


ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u"})


def slugify(text: str) -> str:
    """Turn a Danish name into a kebab-case ASCII id."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(ASCII)).strip("-")
