"""Reading the model's own declarations: which fields refer to which collection (their Ref marks), and
which model a field holds. validate.py and the tests ask here instead of keeping tables of their own."""

from __future__ import annotations

import types
import typing
from typing import Annotated, Iterator

from .fields import Entity, Ref


def references(cls: type[Entity], data, parts: tuple = ()) -> Iterator[tuple[tuple, str, object]]:
    """Yield (parts, collection, id as written) for every reference that cls declares, in data as written.

    data need not be valid: whatever stands where an id belongs is yielded, for the caller to judge.
    """
    written = cls.as_written(data)
    if not isinstance(written, dict):
        return
    for name, info in cls.model_fields.items():
        if name in written:
            # a short form (a bare id for {id: …}) is the whole item: its problems are reported there
            where = parts if written is not data else (*parts, name)
            yield from value_references(info.annotation, tuple(info.metadata), written[name], where)


def value_references(annotation, metadata: tuple, value, parts: tuple) -> Iterator[tuple[tuple, str, object]]:
    ref = next((m for m in metadata if isinstance(m, Ref)), None)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if ref is not None:
        yield from (((*parts, i), ref.collection, v) for i, v in enumerate(value)) if isinstance(value, list) else [(parts, ref.collection, value)]
    elif origin is Annotated:
        yield from value_references(args[0], annotation.__metadata__, value, parts)
    elif origin is tuple:  # a list: each item, or the value itself when it is not a list
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for i, item in items:
            yield from value_references(args[0], (), item, parts if i is None else (*parts, i))
    elif origin in (typing.Union, types.UnionType):
        for arg in args:
            yield from value_references(arg, (), value, parts)
    elif isinstance(annotation, type) and issubclass(annotation, Entity):
        yield from references(annotation, value, parts)


def held_models(annotation) -> list[type[Entity]]:
    """Return the models an annotation holds, through Annotated, | None and tuple[…, ...]."""
    if isinstance(annotation, type) and issubclass(annotation, Entity):
        return [annotation]
    if typing.get_origin(annotation) is Annotated:
        return held_models(typing.get_args(annotation)[0])
    return [cls for arg in typing.get_args(annotation) for cls in held_models(arg)]
