"""How dates read on the site: a day as Danes write it, and a source's year or period."""

from __future__ import annotations

import datetime

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december")


def danish_date(day: datetime.date | None) -> str:
    """Return a date as Danes write it, '3. marts 2025'; '' for None."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}" if day else ""


def period_text(period: str) -> str:
    """Return a source's stated year or period for a reader: '2021–2022', or 'årstal ikke oplyst'."""
    return "årstal ikke oplyst" if period == "ukendt" else period.replace("-", "–")
