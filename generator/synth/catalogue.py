"""The synthetic catalogue itself: providers, offers, cases and the rest, as YAML files; and writing them."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from ..load import catalog_paths
from ..model import MethodKind, Outcome, ProviderKind, Setting, slugify
from ..write import BuildError, write_text
from .names import (CAVEAT, DURATION, FIRST, INTENSITY, LAST, LOCATION, METHODS, NOTE, PACKAGE_TYPES, PEOPLE, SOURCES, SUFFIX,
                    TARGET_GROUPS, TOWNS)
from .text import FOCUS, item_text, noun, paragraph, sentence, synonyms, told

Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
MARKER = ".synthetic"
OUTCOMES = [outcome.value for outcome in Outcome]
KINDS = [kind.value for kind in ProviderKind]
SETTINGS = tuple(setting.value for setting in Setting)
METHOD_KINDS = tuple(kind.value for kind in MethodKind)


def pick(rng: random.Random, items: list, k: int) -> list:
    """Return k distinct items, the first ones in the list more often (a realistic long tail)."""
    weights = [1 / (i + 1) ** 0.9 for i in range(len(items))]
    chosen: list = []
    while len(chosen) < min(k, len(items)):
        item = rng.choices(items, weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


def source_refs(rng: random.Random, count: int = 1) -> list[dict]:
    refs = []
    for source in rng.sample(SOURCES, count):
        start = rng.randint(1, 1500)
        refs.append({"source": source, "lines": f"{start}-{start + rng.randint(5, 60)}"})
    return refs


def described(rng: random.Random, entity: dict, sentences: tuple[int, int] = (1, 2)) -> dict:
    return {**entity, "description": paragraph(rng, *sentences), "sources": source_refs(rng)}


def providers(rng: random.Random, n_offers: int) -> list[dict]:
    """Return providers: the municipalities' jobcentres first, then private and other providers."""
    count, names = max(8, round(n_offers / 4.3)), [f"Jobcenter {town}" for town in TOWNS]
    ids = {slugify(name) for name in names}
    while len(names) < count:
        name = f"{rng.choice(FIRST)}{rng.choice(LAST)} {rng.choice(SUFFIX)} {rng.choice(TOWNS)}".replace("  ", " ")
        if slugify(name) not in ids:
            names.append(name)
            ids.add(slugify(name))
    result = []
    for name in sorted(names[:count], key=lambda _: rng.random()):
        provider = described(rng, {"id": slugify(name), "name": name, "kind": ProviderKind.kommune.value if name.startswith("Jobcenter") else rng.choice(KINDS)}, (2, 3))
        if rng.random() < 0.6:
            provider["contact"] = {"address": f"{rng.choice(FIRST)}vej {rng.randint(1, 99)}, {rng.randint(1000, 9990)} {rng.choice(TOWNS)}",
                                   "phone": str(rng.randint(20000000, 99999999)), "email": f"kontakt@{provider['id']}.dk",
                                   "website": f"https://www.{provider['id']}.dk"}
        provider["partners"] = [{"name": f"{rng.choice(FIRST)}{rng.choice(LAST)}", "role": sentence(rng)} for _ in range(rng.choice((0, 1, 2, 3)))]
        provider["recommendations"] = [sentence(rng) for _ in range(rng.choice((0, 0, 0, 2, 4)))]
        result.append(provider)
    return result


def offer(rng: random.Random, offer_id: str, provider: str, package_type: str, groups: list[str], methods: list[str]) -> dict:
    """Return one offer with the real catalogue's spread of fields."""
    item = {"id": offer_id, "provider": provider, "package_type": package_type, "purpose": paragraph(rng)}
    if rng.random() < 0.16:
        item["name"] = f"{rng.choice(FIRST)}{rng.choice(LAST)} – {rng.choice(FOCUS)}".capitalize()
    item["content"] = [item_text(rng) for _ in range(rng.choice((0, 3, 5, 6, 7, 8, 9, 10, 12, 15)))]
    item["methods"] = pick(rng, methods, rng.choice((1, 2, 3, 4, 5, 6, 6, 7, 8, 10, 13)))
    item["target_groups"] = [{"id": g, "note": rng.choice(NOTE + [f"Særlig erfaring med {noun(rng)}"])} if rng.random() < 0.95 else g
                             for g in pick(rng, groups, rng.choice((0, 1, 1, 2, 2, 2, 3, 3, 4, 5, 7)))]
    for key, values, share in (("duration", DURATION, 0.21), ("intensity", INTENSITY, 0.15), ("location", LOCATION, 0.52),
                               ("setting", SETTINGS, 0.77)):
        if rng.random() < share:
            item[key] = rng.choice(values)
    if rng.random() < 0.85:
        item["participant_info"] = " ".join(told(rng) for _ in range(rng.randint(2, 3)))
    if rng.random() < 0.04:
        item.update(advantages=[sentence(rng) for _ in range(3)], drawbacks=[sentence(rng)], proposals=[sentence(rng)])
    item["caveats"] = rng.sample(CAVEAT + [f"Kilden forklarer ikke, hvad {noun(rng)} indebærer."], rng.choice((0, 1, 1, 2, 2, 3)))
    item["sources"] = source_refs(rng)
    return item


def offers_by_provider(rng: random.Random, n: int, provider_ids: list[str], type_ids: list[str], groups, methods) -> dict[str, list[dict]]:
    """Spread n offers over the providers, a few providers having many, most a handful."""
    weights = [rng.paretovariate(1.6) for _ in provider_ids]
    result: dict[str, list[dict]] = {}
    for provider in rng.choices(provider_ids, weights, k=n):
        mine = result.setdefault(provider, [])
        package_type = pick(rng, type_ids, 1)[0]
        same = sum(o["package_type"] == package_type for o in mine)
        offer_id = f"{provider}-{package_type}" + (f"-{same + 1}" if same else "")
        mine.append(offer(rng, offer_id, provider, package_type, groups, methods))
    return result


def case(rng: random.Random, case_id: str, person: str, of: dict, groups: list[str], methods: list[str]) -> dict:
    item = {"id": case_id, "person": {"name": person, "age": rng.randint(18, 64)}, "provider": of["provider"]}
    if rng.random() < 0.8:
        item["offer"] = of["id"]
    item.update(situation=paragraph(rng, 2, 3), target_groups=pick(rng, groups, rng.randint(1, 3)),
                methods=pick(rng, methods, rng.randint(1, 4)), steps=[sentence(rng) for _ in range(rng.randint(4, 10))],
                outcome=rng.choice(OUTCOMES), outcome_note=sentence(rng), lessons=[sentence(rng) for _ in range(rng.randint(1, 3))],
                sources=source_refs(rng))
    return item


def catalogue(n: int) -> dict[str, str]:
    """Return every YAML file of a synthetic catalogue of n offers, as {relative path: text}."""
    rng = random.Random(n)
    types = [described(rng, {"id": slugify(name), "name": name, "kind": kind}) for name, kind in PACKAGE_TYPES]
    groups = [described(rng, {"id": slugify(name), "name": name, "category": cat, "synonyms": syn + synonyms(rng, 3)})
              for name, cat, syn in TARGET_GROUPS]
    methods = [described(rng, {"id": slugify(name), "name": name, "kind": rng.choice(METHOD_KINDS),
                               "synonyms": ([name.lower()] if name.isupper() else []) + synonyms(rng, 4)}) for name in METHODS]
    people = providers(rng, n)
    group_ids, method_ids = [g["id"] for g in groups], [m["id"] for m in methods]
    offers = offers_by_provider(rng, n, [p["id"] for p in people], [t["id"] for t in types], group_ids, method_ids)
    files = {
        "content/sources.yaml": dump({"sources": [{"id": s, "title": s.replace("-", " ").capitalize(), "publisher": "Syntetisk kilde",
                                                   "date": {"period": "ukendt"}, "file": f"{i:03}_synthetic.txt", "description": paragraph(rng, 1, 1)}
                                                  for i, s in enumerate(SOURCES)]}),
        **provider_files(people),
        "packages.yaml": dump({"package_types": types}),
        **{f"content/target-groups/{g['id']}.yaml": dump({"target_groups": [g]}) for g in groups},
        **{f"content/methods/{m['id']}.yaml": dump({"methods": [m]}) for m in methods},
        **{f"content/offers/{provider}.yaml": dump({"offers": items}) for provider, items in sorted(offers.items())},
    }
    all_offers = [o for _, items in sorted(offers.items()) for o in items]
    for i in range(n // 8):
        of, person = rng.choice(all_offers), rng.choice(PEOPLE)
        case_id = f"{of['provider']}-{slugify(person)}-{i + 1}"
        files[f"cases/{case_id}.yaml"] = dump({"cases": [case(rng, case_id, person, of, group_ids, method_ids)]})
    return files


# Providers per file: a national catalogue's providers outgrow one file's limits (5 MB, 250,000 values) at about
# 5,000, so beyond PROVIDERS_PER_FILE they go into content/providers/, as an editor would split them.
PROVIDERS_PER_FILE = 4000


def provider_files(people: list[dict]) -> dict[str, str]:
    """Return providers.yaml, or the providers in parts of PROVIDERS_PER_FILE under content/providers/."""
    if len(people) <= PROVIDERS_PER_FILE:
        return {"providers.yaml": dump({"providers": people})}
    return {f"content/providers/{i // PROVIDERS_PER_FILE + 1:02}.yaml": dump({"providers": people[i:i + PROVIDERS_PER_FILE]})
            for i in range(0, len(people), PROVIDERS_PER_FILE)}


def dump(data: dict) -> str:
    return yaml.dump(prune(data), Dumper=Dumper, allow_unicode=True, sort_keys=False, width=110)


def prune(data):
    """Leave out empty lists, as an editor would."""
    if isinstance(data, dict):
        return {key: prune(value) for key, value in data.items() if value != []}
    return [prune(value) for value in data] if isinstance(data, list) else data


def write_catalogue(out: Path, files: dict[str, str]) -> int:
    """Write files under out, removing a previous synthetic catalogue's leftovers; refuse to touch a real one."""
    existing = catalog_paths(out) if out.is_dir() else []
    if existing and not (out / MARKER).is_file():
        raise BuildError(f"{out} already holds a catalogue that synth did not write; choose an empty folder")
    for stale in existing:
        if stale.relative_to(out).as_posix() not in files:
            stale.unlink()
    for rel, text in files.items():
        write_text(out / rel, text)
    write_text(out / MARKER, "Written by `python -m generator synth`; safe to delete.\n")
    return len(files)
