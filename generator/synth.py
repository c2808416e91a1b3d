"""A synthetic catalogue of any size, for benchmarks and tests: realistic in shape, deterministic for a given N.

Input: a number of offers. Output: {relative path: YAML text}, laid out like the real catalogue, that
validates and builds. The spreads (methods, target groups and content items per offer, optional fields,
offers per provider, cases per offer) follow the real catalogue. Only write_catalogue touches disk.
"""

from __future__ import annotations

import functools
import itertools
import random
from pathlib import Path

import yaml

from .load import catalog_paths
from .model import slugify
from .write import BuildError, write_text

Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
MARKER = ".synthetic"


def words(text: str) -> list[str]:
    return text.split("|")


SOURCES = words("leverandoerkatalog|kl-ind-paa-arbejdsmarkedet|jobmatch-rapport|kommunale-indsatser|national-kortlaegning")
PACKAGE_TYPES = [(name, kind) for kind, names in (
    ("standardpakke", "Indgangsmodul|Jobpakke|Uddannelsespakke|Motivationsfremmende pakke|Sygedagpengepakke|Mentorpakke|"
                      "Kombinationspakke|Arbejdsprøvningspakke|Særlig tilbudspakke"),
    ("forløb", "Afklaringsforløb|Mentorforløb|Gruppeforløb|Kommunal indsats|Rammeaftale"),
    ("projekt", "Udviklingsprojekt"),
) for name in words(names)]
TARGET_GROUPS = [(name, category, words(synonyms)) for category, group in (
    ("udvikling", "Autisme:ASF|Asperger|autismespektrumforstyrrelse;ADHD:ADD|opmærksomhedsforstyrrelse;Udviklingshæmning:"
                  "kognitiv funktionsnedsættelse;Udviklingsforstyrrelse:udviklingsforstyrrelser"),
    ("psykisk", "Angst:angstlidelse|fobier;Depression:nedtrykthed;Stress:udbrændthed;Psykiske vanskeligheder:psykisk sygdom|"
                "sindslidelse;PTSD:traumer|posttraumatisk stress;Skizofreni:psykose;Bipolar lidelse:maniodepressiv;"
                "Spiseforstyrrelser:anoreksi|bulimi;Personlighedsforstyrrelse:borderline;OCD:tvangstanker"),
    ("helbred", "Hjerneskade:erhvervet hjerneskade|senhjerneskade;Kroniske smerter:smerter|fibromyalgi;Fysiske "
                "helbredsproblemer:bevægeapparatet|rygproblemer;Blinde og svagsynede:synshandicap;Høretab:døve|"
                "hørehandicap;Funktionsnedsættelse og handicap:handicap;Sclerose:MS;Epilepsi:krampeanfald"),
    ("misbrug", "Misbrug:hash|alkohol|rusmidler|afhængighed;Ludomani:spilafhængighed"),
    ("social", "Sociale problemer:mange problemer;Hjemløshed:hjemløs|uden bolig;Kriminalitet:plettet straffeattest|"
               "løsladte;Enlige forsørgere:alenemor|alenefar;Udadreagerende adfærd:vrede|konflikter"),
    ("sprog", "Flygtninge og indvandrere:flygtning|indvandrer|nydansker;Dansk som andetsprog:sprogbarrierer;"
              "Ordblindhed:dysleksi|talblindhed;Grønlandske borgere:grønlændere"),
    ("ydelse", "Sygemeldte:sygedagpenge|sygemelding;Langtidsledige:langvarig ledighed;Kontanthjælpsmodtagere:kontanthjælp;"
               "Aktivitetsparate:langt fra arbejdsmarkedet;Jobparate:tæt på arbejdsmarkedet;Fleksjobvisiterede:fleksjob;"
               "Revalidender:revalidering;Ressourceforløb:ressourceforløbsydelse"),
    ("alder", "Unge under 30:unge|uddannelseshjælp;Seniorer (50+):seniorer|ældre ledige"),
) for entry in group.split(";") for name, synonyms in [entry.split(":")]]
METHODS = words(
    "Anerkendende tilgang|Angsteksponering|Arbejdsprøvning|Blindepædagogiske principper|Branchepakker|Case-manager|"
    "Coaching|Danskundervisning|Det fælles tredje|Differentieret jobplan|Efterværn|Empowerment|Fontænehuset|"
    "Fremtidsværkstedet|Fysisk træning|Helhedsorienteret indsats|Hjælp til selvhjælp|Holdundervisning|"
    "Ikke-voldelig kommunikation|Individuel samtale|Jobformidling|Jobklub|Jobkompasset|Jobsøgning|JobSpor|Jobværdier|"
    "Kan-vil-værktøj|Klippekort|Kognitiv metode|KRAP|Kvalificeret jobsøgning|Løntilskud|Løsningsfokuseret tilgang|"
    "Mentorstøtte|Miljøterapeutisk metode|Motiverende samtale|Narrativ metode|Netværksinddragelse|Omvendt formidling|"
    "Peer2peer|Personlig udviklingsproces|Positiv psykologi|Problemkrukken|PROFIL|Progressionsmåling|Psykoedukation|"
    "Realkompetenceafklaring|Ressourceprofil|Rollemodeller|Social færdighedstræning|Sidemandsoplæring|"
    "Skalering af udfordringer|Småjob|SMART-modellen|Snusepraktik|Sokratisk dialog|Systemisk metode|Tid til job|"
    "Trekantsamtale|Tværfaglig indsats|Uddannelsesvejledning|Værkstedstræning|Virksomhedskonsulent|"
    "Virksomhedspraktik|Visualisering af udvikling|Walk-and-talk|IPS|Mindfulness|Kostvejledning|Trivselsmåling")
TOWNS = words(
    "Aarhus|Aalborg|Odense|Esbjerg|Vejle|Randers|Viborg|Kolding|Silkeborg|Herning|Horsens|Roskilde|Næstved|Slagelse|"
    "Holbæk|Køge|Hillerød|Helsingør|Frederikshavn|Hjørring|Holstebro|Skive|Svendborg|Sønderborg|Aabenraa|Haderslev|"
    "Fredericia|Ringsted|Kalundborg|Nyborg|Faaborg|Thisted|Rebild|Favrskov|Skanderborg|Stevns|Gentofte|Halsnæs|"
    "Lolland|Guldborgsund|Bornholm|Ballerup|Gladsaxe|Glostrup|Tårnby|Brøndby|Hvidovre|Rødovre|Ishøj|Vordingborg")
FIRST = words("Nord|Syd|Vest|Øst|Midt|Ny|Grøn|Fri|Fælles|Lokal|Aktiv|Klar|Solid|Trin|Vende|Bro|Spor|Kompas|Horisont|Fokus")
LAST = words("job|vækst|bro|vej|kraft|start|punkt|center|huset|værket|gården|skolen|partner|linjen|kompagniet")
SUFFIX = words("ApS|A/S|Fonden|Job|Beskæftigelse|Erhverv|")
PEOPLE = words("Maria|Peter|Sofie|Ali|Helene|Morten|Louise|Natacha|Poul|Namir|Lotte|Malthe|Miriam|Phillip|Fatima|Jens|"
               "Aisha|Kasper|Mette|Omar|Line|Rasmus|Hanne|Yusuf|Camilla|Nikolaj|Sara|Thomas|Ida|Ahmed|Borgeren")

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
CAVEAT = words("Kilden oplyser ikke forløbets samlede varighed.|Kilden oplyser ikke antal timer om ugen.|Kilden siger "
               "ikke, hvordan resultaterne måles.|Det fremgår ikke, om forløbet kan forlænges.|Kilden nævner ingen "
               "bestemt målgruppe.|Kilderne er uenige om, hvor mange deltagere et hold har.")
NOTE = words("Særlig erfaring med gruppen|Kan tilpasses borgere med lette vanskeligheder|Kilden nævner gruppen som "
             "eksempel|Egen kontaktperson med kendskab til gruppen|Især unge i gruppen|Gruppen udgør de fleste deltagere")
DURATION = words("1–13 uger|8–13 uger|6 uger|3 måneder|6 måneder|Op til 26 uger|9 måneder|1–2 timer|5 samtaler|12 måneder")
INTENSITY = words("10–37 timer om ugen|15 timer om ugen|To samtaler om ugen|Hver dag kl. 9–14|En dag om ugen|Efter aftale")
LOCATION = words("En almindelig virksomhed, hvis det er muligt|Udbyderens egne lokaler|Borgerens eget hjem og "
                 "lokalområdet|Udbyderens værksteder og partnervirksomheder|Jobcentrets lokaler|Skiftende arbejdspladser")
OUTCOMES = words("ordinaert-job|fleksjob|smaajob|loentilskud|uddannelse|praktik|afklaring|foertidspension|fortsat-forloeb|ukendt")
KINDS = words("privat|kommune|kommunal-enhed|oplysningsforbund|konsortium|selvejende|forening|ukendt")


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
        provider = described(rng, {"id": slugify(name), "name": name, "kind": "kommune" if name.startswith("Jobcenter") else rng.choice(KINDS)}, (2, 3))
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
                               ("setting", ("individuelt", "gruppe", "begge"), 0.77)):
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
    methods = [described(rng, {"id": slugify(name), "name": name, "kind": rng.choice(("metode", "redskab", "ordning")),
                               "synonyms": ([name.lower()] if name.isupper() else []) + synonyms(rng, 4)}) for name in METHODS]
    people = providers(rng, n)
    group_ids, method_ids = [g["id"] for g in groups], [m["id"] for m in methods]
    offers = offers_by_provider(rng, n, [p["id"] for p in people], [t["id"] for t in types], group_ids, method_ids)
    files = {
        "content/sources.yaml": dump({"sources": [{"id": s, "title": s.replace("-", " ").capitalize(), "publisher": "Syntetisk kilde",
                                                   "date": {"period": "ukendt"}, "file": f"{i:03}_synthetic.txt", "description": paragraph(rng, 1, 1)}
                                                  for i, s in enumerate(SOURCES)]}),
        "providers.yaml": dump({"providers": people}),
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
