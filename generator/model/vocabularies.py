"""The closed vocabularies of the catalogue: each value as written in YAML, with the Danish label the site shows.

Member names are the values as Python names; `member.value` is what YAML, URLs and the open data hold,
`member.label` what a reader sees. The JSON Schema lists the values only.
"""

from __future__ import annotations

from enum import Enum


class Vocabulary(str, Enum):
    """A value written in YAML with its Danish label: `name = "value", "Label"`."""

    label: str

    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


def labels(vocabulary: type[Vocabulary]) -> dict[Vocabulary, str]:
    """Return {member: label} of a vocabulary, in its order."""
    return {member: member.label for member in vocabulary}


class ProviderKind(Vocabulary):
    privat = "privat", "Privat virksomhed"
    kommune = "kommune", "Kommune / jobcenter"
    kommunal_enhed = "kommunal-enhed", "Kommunal enhed"
    oplysningsforbund = "oplysningsforbund", "Oplysningsforbund"
    konsortium = "konsortium", "Konsortium"
    selvejende = "selvejende", "Selvejende institution"
    forening = "forening", "Forening"
    ukendt = "ukendt", "Ikke oplyst i kilden"


class PackageTypeKind(Vocabulary):
    standardpakke = "standardpakke", "Standardpakker"
    forloeb = "forløb", "Andre forløb"
    projekt = "projekt", "Udviklingsprojekter"


class TargetGroupCategory(Vocabulary):
    udvikling = "udvikling", "Udviklingsforstyrrelser"
    psykisk = "psykisk", "Psykiske vanskeligheder"
    helbred = "helbred", "Sygdom, hjerneskade og handicap"
    misbrug = "misbrug", "Misbrug"
    social = "social", "Sociale forhold"
    sprog = "sprog", "Sprog og baggrund"
    ydelse = "ydelse", "Ydelse og arbejdsmarkedssituation"
    alder = "alder", "Alder og livsfase"


class MethodKind(Vocabulary):
    metode = "metode", "Metode eller tilgang"
    redskab = "redskab", "Redskab"
    ordning = "ordning", "Ordning eller aktivitet"


class Setting(Vocabulary):
    individuelt = "individuelt", "Individuelt"
    gruppe = "gruppe", "I grupper"
    begge = "begge", "Individuelt og i grupper"


class Outcome(Vocabulary):
    ordinaert_job = "ordinaert-job", "Ordinært job"
    fleksjob = "fleksjob", "Fleksjob"
    smaajob = "smaajob", "Småjob"
    loentilskud = "loentilskud", "Job med løntilskud"
    uddannelse = "uddannelse", "Uddannelse"
    praktik = "praktik", "Praktik"
    afklaring = "afklaring", "Afklaring"
    foertidspension = "foertidspension", "Førtidspension"
    fortsat_forloeb = "fortsat-forloeb", "Fortsat forløb"
    ukendt = "ukendt", "Ikke oplyst"
