"""Reminders for reviews grown old: each entity's `reviewed` date (sidst bekræftet) against today.

Input: the loaded files of a valid catalogue (for the lines), today, and the oldest age allowed in days.
Output: warning diagnostics, sorted. Never an error: an old review is a reminder, and the build goes on.
The age is set with `--review-age DAYS` on validate, build and dist (see README.md).
"""

from __future__ import annotations

import datetime

from .diagnostics import Diagnostic
from .load import LoadedFile, format_loc

DEFAULT_AGE = 365


def stale_reviews(files: list[LoadedFile], today: datetime.date, max_age: int = DEFAULT_AGE) -> list[Diagnostic]:
    """Return a warning for every `reviewed` date more than max_age days before today."""
    found = []
    for file in files:
        for key, items in file.data.items():
            for index, item in enumerate(items):
                value = item.get("reviewed")
                if value is None:
                    continue
                age = (today - datetime.date.fromisoformat(str(value).strip())).days
                message = problem(value, age, max_age)
                if message:
                    loc = (key, index, "reviewed")
                    found.append(Diagnostic(file.path, file.line(loc), format_loc(loc), message, "warning"))
    return sorted(found)


def problem(value, age: int, max_age: int) -> str | None:
    """Return what is wrong with a review age days old, or None."""
    if age < 0:
        return f"'{value}' lies in the future: write the day the content was confirmed"
    if age > max_age:
        return (f"last confirmed {value}, {age} days ago (more than {max_age}): check it against the source or "
                f"the provider and update the date")
    return None
