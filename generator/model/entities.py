"""The catalogue's entities: frozen pydantic models, one per kind of thing the catalogue holds.

Input: plain data (dicts and lists) from the loader. Output: validated, immutable objects.
Every field carries a description for content editors; the JSON Schema is exported from these models.
A reference to another entity is an Id marked with Ref(collection), which validate.py resolves.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints

from .fields import EMAIL_PATTERN, PERIOD_PATTERN, PHONE_PATTERN, WEBSITE_PATTERN, Day, Entity, Id, Lines, Ref, Text, field
from .vocabularies import MethodKind, Outcome, PackageTypeKind, ProviderKind, Setting, TargetGroupCategory

REVIEWED = (
    "The day an editor last confirmed this against its source or the provider (sidst bekræftet), "
    "written YYYY-MM-DD, e.g. 2025-03-01. Shown on the page; the build warns when it is old."
)


class SourceRef(Entity):
    """Where in a source document a fact comes from."""

    source: Annotated[Id, Ref("sources")] = field("Id of the source document (see content/sources.yaml), e.g. 'leverandoerkatalog'.")
    lines: Lines = field(
        "Line numbers in the source text file, e.g. '120-180' or '12, 40-44'."
    )


Sources = Annotated[
    tuple[SourceRef, ...],
    Field(min_length=1, description="The source documents and lines that every fact here comes from."),
]


class SourceDate(Entity):
    """The year or period a source states for itself, and where it says so."""

    period: Annotated[str, StringConstraints(pattern=PERIOD_PATTERN)] = field(
        "The year or period the source states, e.g. '2014' or '2021–2022'; 'ukendt' when it states none."
    )
    lines: Lines | None = field(
        "Lines in the source text that state the year or period, e.g. '12'; left out when no line states one.",
        default=None,
    )
    note: Text | None = field(
        "What the year or period is (publication, the period described), or what the source says instead.", default=None
    )


class Source(Entity):
    """A source document: one of the texts in shared/seeds."""

    id: Id = field("Short id used in references, kebab-case ASCII (æ→ae, ø→oe, å→aa).")
    title: Text = field("The document's title as printed on it.")
    publisher: Text = field("Who published the document.")
    date: SourceDate = field("The year or period the document states, or 'ukendt', with the lines that say so.")
    file: Text = field("File name of the extracted text in shared/seeds, e.g. '000_2e893bcf43002dd4.txt'.")
    description: Text = field("What the document is and holds, in two or three plain sentences.")
    key_points: tuple[Text, ...] = field(
        "The document's main conclusions or recommendations, one short sentence each.", default=()
    )


class Contact(Entity):
    """An organisation's own contact details; never an individual employee's."""

    address: Text | None = field("Postal address of the organisation.", default=None)
    phone: Annotated[str, StringConstraints(pattern=PHONE_PATTERN)] | None = field(
        "The organisation's switchboard number (never a person's direct line): digits and spaces, e.g. '33 12 34 56'.", default=None
    )
    email: Annotated[str, StringConstraints(pattern=EMAIL_PATTERN)] | None = field(
        "The organisation's general e-mail address (never a person's), e.g. 'info@example.dk'.", default=None
    )
    website: Annotated[str, StringConstraints(pattern=WEBSITE_PATTERN)] | None = field(
        "The organisation's website, in full, starting with http:// or https://.", default=None
    )


class Partner(Entity):
    """A sub-supplier, unit or partner named in the source, and what it delivers."""

    name: Text = field("The partner's name as the source writes it.")
    role: Text = field("What the partner delivers or does, in one sentence.")


class Provider(Entity):
    """An organisation that delivers offers."""

    id: Id = field("Short id used in references and URLs, kebab-case ASCII, e.g. 'hki'.")
    name: Text = field("The name shown on the site, e.g. 'AOF Job'.")
    spellings: tuple[Text, ...] = field("Other spellings the sources use, e.g. 'AOFJOB'; all are searchable.", default=())
    kind: ProviderKind = field("What kind of organisation it is; 'ukendt' when the source does not say.")
    description: Text = field("What the organisation is and does, in two or three plain sentences.")
    contact: Contact | None = field("Organisation-level contact details exactly as the source gives them.", default=None)
    partners: tuple[Partner, ...] = field("Sub-suppliers, units and partners named in the source.", default=())
    recommendations: tuple[Text, ...] = field(
        "Recommendations the organisation makes in the source, one short sentence each.", default=()
    )
    caveats: tuple[Text, ...] = field("Where the sources are unclear or disagree, said plainly.", default=())
    reviewed: Day | None = field(REVIEWED, default=None)
    sources: Sources


class PackageType(Entity):
    """A kind of offer: a standard package type, or another kind of course the sources describe."""

    id: Id = field("Short id used in references and URLs, e.g. 'mentorpakke'.")
    name: Text = field("The name shown on the site, e.g. 'Mentorpakke'.")
    kind: PackageTypeKind = field("'standardpakke' for the nine standard packages, 'forløb' for other courses, 'projekt' for development projects.")
    description: Text = field("What this kind of offer is for, in general, in two or three plain sentences.")
    reviewed: Day | None = field(REVIEWED, default=None)
    sources: Sources


LAY_TERMS = (
    "Words a caseworker types that no source writes this way: the everyday word, the adjective, the person noun, "
    "an older term, a common abbreviation, another spelling, e.g. 'deprimeret', 'alkoholiker', 'ASF'. Editorial, so "
    "kept apart from the sourced synonyms; each word may lead to one target group or method only."
)


class TargetGroup(Entity):
    """A diagnosis, condition or life situation that offers are meant for."""

    id: Id = field("Short id used in references and URLs, e.g. 'autisme'.")
    name: Text = field("The name shown on the site, e.g. 'Autisme'.")
    category: TargetGroupCategory = field("The group's category; decides where it is listed.")
    synonyms: tuple[Text, ...] = field(
        "Other names for the group, spelled exactly as a source writes them, e.g. 'Asperger'; other words go in lay_terms.", default=()
    )
    lay_terms: tuple[Text, ...] = field(LAY_TERMS, default=())
    description: Text = field("Who belongs to the group, as the sources describe them, in a few plain sentences of our own.")
    caveats: tuple[Text, ...] = field(
        "What the sources caution about the group, or where they are unclear or disagree, one point each.", default=()
    )
    reviewed: Day | None = field(REVIEWED, default=None)
    sources: Sources


class Method(Entity):
    """A method, tool or approach used in offers and cases."""

    id: Id = field("Short id used in references and URLs, e.g. 'sft'.")
    name: Text = field("The name shown on the site, e.g. 'Social færdighedstræning (SFT)'.")
    kind: MethodKind = field("'metode' for an approach, 'redskab' for a concrete tool, 'ordning' for a scheme or activity such as virksomhedspraktik.")
    synonyms: tuple[Text, ...] = field(
        "Other names and abbreviations, spelled exactly as a source writes them, e.g. 'SFT'; other words go in lay_terms.",
        default=(),
    )
    lay_terms: tuple[Text, ...] = field(LAY_TERMS, default=())
    description: Text = field("What the method is and what it is for, in two or three plain sentences.")
    origin: Text | None = field("Where the method comes from, if a source says.", default=None)
    content: tuple[Text, ...] = field("What the method or tool consists of, one element each.", default=())
    how_to: Text | None = field("How a caseworker uses it, in a few plain sentences.", default=None)
    setting: Setting | None = field("Whether it is used individually, in groups or both.", default=None)
    reviewed: Day | None = field(REVIEWED, default=None)
    sources: Sources


class TargetRef(Entity):
    """A reference to a target group, with the source's own nuance."""

    id: Annotated[Id, Ref("target_groups")] = field("Id of the target group, e.g. 'hjerneskade'.")
    note: Text | None = field("The source's own nuance, e.g. 'kun erhvervet hjerneskade'.", default=None)

    @classmethod
    def as_written(cls, value):
        """Read a bare id, the short form, as {id: …}."""
        return {"id": value} if isinstance(value, str) else value


TargetRefs = tuple[Annotated[TargetRef, BeforeValidator(TargetRef.as_written)], ...]


class Offer(Entity):
    """One provider's package, course or project."""

    id: Id = field("Short id used in URLs, usually provider and type, e.g. 'hki-mentorpakke'.")
    name: Text | None = field("The offer's own name, when it has one; otherwise the package type's name is used.", default=None)
    provider: Annotated[Id, Ref("providers")] = field("Id of the provider delivering it (see providers.yaml).")
    package_type: Annotated[Id, Ref("package_types")] = field("Id of its package type (see packages.yaml).")
    purpose: Text = field("What the offer is for, in two or three plain sentences.")
    content: tuple[Text, ...] = field("The concrete elements of the offer, one each, e.g. 'snusepraktik 2–5 dage'.", default=())
    methods: tuple[Annotated[Id, Ref("methods")], ...] = field("Ids of the methods it uses (see content/methods/).", default=())
    target_groups: TargetRefs = field(
        "Target groups, as ids or as {id, note} to keep the source's nuance (see content/target-groups/).", default=()
    )
    duration: Text | None = field("How long it lasts, as the source says, e.g. '8–13 uger'.", default=None)
    intensity: Text | None = field("Hours or frequency, as the source says, e.g. '15 timer om ugen'.", default=None)
    setting: Setting | None = field("Whether it is delivered individually, in groups or both.", default=None)
    location: Text | None = field("Where it takes place.", default=None)
    participant_info: Text | None = field("What the participant is told about it, in our own words.", default=None)
    advantages: tuple[Text, ...] = field("Advantages the source names.", default=())
    drawbacks: tuple[Text, ...] = field("Drawbacks the source names.", default=())
    proposals: tuple[Text, ...] = field("Proposed changes the source names.", default=())
    caveats: tuple[Text, ...] = field("Where the source is unclear or disagrees, said plainly.", default=())
    reviewed: Day | None = field(REVIEWED, default=None)
    sources: Sources


class Person(Entity):
    """The citizen of a case, only as pseudonymous as the source has them."""

    name: Text = field("The pseudonym or first name the source uses, e.g. 'Helene'; 'borgeren' if none.")
    age: int | None = field("Age at the time of the course, if the source gives it.", default=None)


class Case(Entity):
    """A real course told in a source: one citizen's way through an offer."""

    id: Id = field("Short id used in URLs, e.g. 'holstebro-maria'.")
    person: Person = field("Who the case is about.")
    provider: Annotated[Id, Ref("providers")] = field("Id of the municipality or provider the case belongs to.")
    offer: Annotated[Id, Ref("offers")] | None = field("Id of the offer the citizen took part in, if it is in the catalogue.", default=None)
    benefit: Text | None = field("The benefit the citizen received at the start, e.g. 'sygedagpenge'.", default=None)
    situation: Text = field("The starting situation, in two or three sentences; leave out health details the case does not need.")
    target_groups: TargetRefs = field("Target groups the citizen belongs to (barriers), as ids.", default=())
    methods: tuple[Annotated[Id, Ref("methods")], ...] = field("Ids of the methods used in the course.", default=())
    steps: tuple[Text, ...] = field("The steps of the course in order, one short sentence each.", default=())
    duration: Text | None = field("How long the course took, if the source says.", default=None)
    outcome: Outcome = field("How the course ended.")
    outcome_note: Text | None = field("The outcome in a sentence, with what the source says about it.", default=None)
    lessons: tuple[Text, ...] = field("What the case shows a caseworker, one point each.", default=())
    caveats: tuple[Text, ...] = field("Where the sources are unclear or disagree, said plainly.", default=())
    reviewed: Day | None = field(REVIEWED, default=None)
    sources: Sources
