"""The catalogue's typed model, the single source of truth for what an entity holds.

- fields.py        ids, text, dates, Ref (a reference to another collection), the Entity base
- vocabularies.py  the closed vocabularies, each value with its Danish label
- entities.py      the entities: Source, Provider, PackageType, TargetGroup, Method, Offer, Case
- catalog.py       the collections, their sections of the site, a catalogue file, the whole catalogue
- walk.py          reading the declarations: the references in data as written, the models a field holds

validate.py, the JSON Schema, synth.py, the exports and the templates all read these definitions.
"""

from .catalog import COLLECTIONS, NOUNS, RESERVED_IDS, SECTIONS, Catalog, CatalogFile
from .entities import (Case, Contact, Method, Offer, PackageType, Partner, Person, Provider, Source, SourceDate,
                       SourceRef, TargetGroup, TargetRef)
from .fields import (EMAIL_PATTERN, ID_MAX, ID_PATTERN, LINES_PATTERN, PERIOD_PATTERN, PHONE_PATTERN, WEBSITE_PATTERN,
                     Entity, Id, Ref, Text, slugify)
from .vocabularies import MethodKind, Outcome, PackageTypeKind, ProviderKind, Setting, TargetGroupCategory, Vocabulary, labels
from .walk import held_models, references

__all__ = [
    "COLLECTIONS", "NOUNS", "RESERVED_IDS", "SECTIONS", "Catalog", "CatalogFile",
    "Case", "Contact", "Method", "Offer", "PackageType", "Partner", "Person", "Provider", "Source", "SourceDate",
    "SourceRef", "TargetGroup", "TargetRef",
    "EMAIL_PATTERN", "ID_MAX", "ID_PATTERN", "LINES_PATTERN", "PERIOD_PATTERN", "PHONE_PATTERN", "WEBSITE_PATTERN",
    "Entity", "Id", "Ref", "Text", "slugify",
    "MethodKind", "Outcome", "PackageTypeKind", "ProviderKind", "Setting", "TargetGroupCategory", "Vocabulary", "labels",
    "held_models", "references",
]
