"""A synthetic catalogue of any size, for benchmarks and tests: realistic in shape, deterministic for a given N.

Input: a number of offers. Output: {relative path: YAML text}, laid out like the real catalogue, that
validates and builds. The spreads (methods, target groups and content items per offer, optional fields,
offers per provider, cases per offer) follow the real catalogue. Only write_catalogue touches disk.

- names.py      the names and short facts drawn from
- text.py       Danish-like sentences and compound nouns
- catalogue.py  the entities and their files, and write_catalogue
"""

from .catalogue import MARKER, catalogue, write_catalogue

__all__ = ["MARKER", "catalogue", "write_catalogue"]
