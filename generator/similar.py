"""Similar cases (part of stage 3, index): other offers' cases like an offer, and like a package type's offers.

Input: the offers, the cases in list order and each case's package type. Output: for each offer its closest
cases (at most a limit) and how many more there are; for each package type the cases related to its offers.
Pure. A set of cases is a bit mask (bit n: the n-th case in list order), so an offer costs a few operations
on whole sets rather than one per case it shares something with: linear in the catalogue, not quadratic.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from .model import Case


def related_cases(offers, ranked, type_of, limit: int) -> dict[str, tuple[tuple[Case, ...], int]]:
    """Map each offer to other offers' cases that share a target group with it, and a method or the package
    type, closest first (the most target groups and methods in common, the same package type counting as
    one more; then ranked's order): at most limit of them, and how many more there are."""
    by_group, by_method, by_type, by_offer = masks(ranked, type_of)
    related = {}
    for offer in offers:
        groups = [by_group.get(g, 0) for g in {t.id for t in offer.target_groups}]
        methods = [by_method.get(m, 0) for m in set(offer.methods)]
        same = by_type.get(offer.package_type, 0)
        found = union(groups) & (union(methods) | same) & ~by_offer.get(offer.id, 0)
        chosen = closest(tally([*groups, *methods, same]), found, limit)
        related[offer.id] = tuple(ranked[n] for n in chosen), found.bit_count() - len(chosen)
    return related


def masks(ranked, type_of) -> tuple[dict[str, int], ...]:
    """Return the cases, as masks of their places in ranked, by target group, method, package type and offer."""
    by_group, by_method, by_type, by_offer = (defaultdict(int) for _ in range(4))
    for n, case in enumerate(ranked):
        bit = 1 << n
        for g in {t.id for t in case.target_groups}:
            by_group[g] |= bit
        for m in set(case.methods):
            by_method[m] |= bit
        if case.offer:
            by_type[type_of(case)] |= bit
            by_offer[case.offer] |= bit
    return by_group, by_method, by_type, by_offer


def union(masks: list[int]) -> int:
    found = 0
    for mask in masks:
        found |= mask
    return found


def tally(masks: list[int]) -> list[int]:
    """Count at every place how many of masks have it, as bit slices: the count at place n has bit i set when
    slices[i] has bit n set (binary addition of every place at once)."""
    slices: list[int] = []
    for carry in masks:
        for i, bits in enumerate(slices):
            slices[i], carry = bits ^ carry, bits & carry
        if carry:
            slices.append(carry)
    return slices


def closest(slices: list[int], found: int, limit: int) -> list[int]:
    """Return at most limit places of found, the highest count (as tally gives it) first, then in place order."""
    chosen: list[int] = []
    for count in range(2 ** len(slices) - 1, 0, -1):
        if not found or len(chosen) == limit:
            break
        level = found
        for i, bits in enumerate(slices):
            level &= bits if count >> i & 1 else ~bits
        found ^= level
        while level and len(chosen) < limit:
            low = level & -level
            chosen.append(low.bit_length() - 1)
            level ^= low
    return chosen


def related_by_type(offers, ranked, type_of) -> dict[str, tuple[Case, ...]]:
    """Map each package type to the cases, in ranked's order, that are related to one of its offers and not of the
    type themselves: those that share a target group and a method with one of its offers."""
    pairs: dict[str, set] = defaultdict(set)  # package type → (target group, method) that one of its offers names
    for offer in offers:
        pairs[offer.package_type].update(itertools.product({t.id for t in offer.target_groups}, offer.methods))
    found: dict[str, list[Case]] = defaultdict(list)
    for case in ranked:
        named = set(itertools.product({t.id for t in case.target_groups}, case.methods))
        for type_id, named_by_type in pairs.items():
            if type_id != type_of(case) and not named.isdisjoint(named_by_type):
                found[type_id].append(case)
    return {t: tuple(cases) for t, cases in sorted(found.items())}
