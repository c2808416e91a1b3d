"""Danish-like text for a synthetic catalogue: compound nouns drawn with Zipf's law, and sentences about offers."""

from __future__ import annotations

import functools
import itertools
import random


def words(text: str) -> list[str]:
    return text.split("|")


GOAL = words("tættere på ordinært job|videre i uddannelse|i gang med en praktik på en almindelig arbejdsplads|til at få øje "
             "på sine egne ressourcer|til at fastholde kontakten til arbejdsmarkedet|til et fleksjob eller småjob med få "
             "timer|til at mestre hverdagen, så arbejde bliver muligt|til en afklaring af sin arbejdsevne")
MEANS = words("individuelle samtaler og praktik|holdundervisning og fælles aktiviteter|en fast mentor, der følger forløbet "
              "tæt|kortere praktikker i virksomheder|træning af sociale færdigheder|en tværfaglig indsats med sundhed og "
              "beskæftigelse|en trinvis optrapning af timer|værkstedstræning i trygge rammer")
FOCUS = words("borgerens egne mål|mestring af angst og uro|struktur i hverdagen|fremmøde og stabilitet|sprog og "
              "kultur på arbejdspladsen|borgerens netværk|helbred og trivsel|konkrete jobåbninger")
ACTIVITY = words("Individuelle samtaler med fast kontaktperson|Virksomhedspraktik på en almindelig arbejdsplads|"
                 "Holdundervisning i jobsøgning og cv|Snusepraktik i en virksomhed|Fælles morgenmøde med gruppen|"
                 "Afklaring af kompetencer og interesser|Mentorstøtte i opstarten på arbejdspladsen|Værkstedstræning "
                 "med faglig instruktør|Undervisning i dansk på arbejdspladsen|Fysisk træning og kostvejledning|"
                 "Opfølgning med virksomheden og jobcentret|Netværksmøde med borgerens pårørende|Samtaler om søvn, "
                 "struktur og hverdagsliv|Udarbejdelse af handleplan med delmål|Afrapportering til sagsbehandleren")
WHEN = words("en gang om ugen|efter behov|de første fire uger|i hele forløbet|to gange om ugen|ved opstart og "
             "afslutning|i samarbejde med borgeren|i borgerens eget tempo")


# Words are compounded from these, as Danish does, and drawn with Zipf's law, so the vocabulary grows with the
# catalogue as real text's does: the search index and compression then behave as they would on real content.
PREFIX = words("arbejds|job|uddannelses|trivsels|mestrings|praktik|virksomheds|sundheds|samtale|forløbs|kompetence|"
               "afklarings|netværks|mentor|hverdags|sprog|fremmøde|ressource|motivations|beskæftigelses|struktur|"
               "rådigheds|fastholdelses|sygdoms|smerte|søvn|kost|bolig|gælds|familie|økonomi|transport|ansøgnings|"
               "branche|fag|værksteds|lager|køkken|rengørings|butiks|handels|lednings|social|psykiatri|misbrugs|"
               "angst|stress|træthed|hukommelses|koncentrations|energi|tillids|samarbejds|lærings|læse|regne")
STEM = words("plan|forløb|indsats|møde|træning|støtte|mål|samtale|afklaring|værktøj|skema|vejledning|opfølgning|"
             "praktik|gruppe|kursus|evne|erfaring|rutine|barriere|situation|kompetence|udfordring|opgave|aftale|"
             "proces|profil|ønske|netværk|miljø|kontakt|fravær|tempo|rolle|ansvar|kultur|område|funktion|strategi|"
             "teknik|øvelse|dagbog|test|screening|portefølje|bevis|vane|grænse")

PERIOD = words("uge|anden uge|måned|fjortende dag|tredje måned")
ADJECTIVE = words("faste|korte|lange|daglige|ugentlige|individuelle|fælles|konkrete|realistiske|gode|nye|små|trygge|"
                  "tydelige|praktiske|faglige|sociale|personlige|digitale|lokale|særlige|relevante|mulige|første|næste")


@functools.cache
def lexicon() -> tuple[list[str], list[float]]:
    """Return the compound nouns in a fixed random order and their cumulative Zipf weights."""
    nouns = [a + b for a in PREFIX for b in STEM] + [a + b + c for a in PREFIX for b in PREFIX[:20] if a != b for c in STEM]
    random.Random(0).shuffle(nouns)
    return nouns, list(itertools.accumulate(1 / (rank + 1) ** 0.85 for rank in range(len(nouns))))


def noun(rng: random.Random) -> str:
    """Return a noun phrase: sometimes an adjective, a compound noun, sometimes inflected."""
    nouns, cumulative = lexicon()
    adjective = rng.choice(ADJECTIVE) + " " if rng.random() < 0.3 else ""
    return adjective + rng.choices(nouns, cum_weights=cumulative)[0] + rng.choice(("", "", "", "en", "er", "erne"))


def sentence(rng: random.Random) -> str:
    """Return one Danish-like sentence about an offer."""
    patterns = (
        "Forløbet skal hjælpe borgeren {goal} gennem {means}.",
        "Borgeren får støtte med fokus på {focus} og {noun}.",
        "Indsatsen bygger på {means}, så borgeren kommer {goal}.",
        "Der arbejdes med {noun} og {noun2}, og forløbet tilpasses borgerens behov undervejs.",
        "Undervejs afklares borgerens {noun}, og der lægges en plan for {noun2}.",
        "Udbyderen har erfaring med {noun} og samarbejder tæt med jobcentret om {noun2}.",
        "Målet er, at borgeren får styr på {noun} og bliver klar til {noun2}.",
        "Forløbet kombinerer {means} med {noun}.",
        "Hvis {noun} står i vejen, hjælper {noun2} borgeren videre mod {noun3}.",
        "Der følges op på {noun} hver {period}, og {noun2} justeres efter behov.",
        "Kontaktpersonen kender {noun} og bruger {noun2} i samarbejdet med {noun3}.",
    )
    return rng.choice(patterns).format(goal=rng.choice(GOAL), means=rng.choice(MEANS), focus=rng.choice(FOCUS),
                                       noun=noun(rng), noun2=noun(rng), noun3=noun(rng), period=rng.choice(PERIOD))


def told(rng: random.Random) -> str:
    """Return one sentence of what the participant is told."""
    patterns = (
        "Du får {means}, og sammen ser I på {focus}.",
        "Forløbet tager udgangspunkt i det, du allerede kan, og I arbejder med {noun}.",
        "Undervejs får du {means}, og du kan altid spørge din kontaktperson om {noun}.",
    )
    focus = rng.choice(FOCUS).replace("borgerens egne", "dine egne").replace("borgerens netværk", "dit netværk")
    return rng.choice(patterns).format(means=rng.choice(MEANS), focus=focus, noun=noun(rng))


def item_text(rng: random.Random) -> str:
    """Return one element of an offer's content."""
    patterns = ("{activity} {when}", "{activity} med fokus på {noun}", "{Noun} {when}", "{activity} og {noun} {when}")
    found = noun(rng)
    return rng.choice(patterns).format(activity=rng.choice(ACTIVITY), when=rng.choice(WHEN), noun=found, Noun=found.capitalize())


def synonyms(rng: random.Random, most: int) -> list[str]:
    return list(dict.fromkeys(noun(rng) for _ in range(rng.randint(0, most))))


def paragraph(rng: random.Random, low: int = 2, high: int = 3) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(low, high)))


