"""The names and short facts a synthetic catalogue draws from: sources, package types, target groups with
their synonyms, methods, towns, providers' name parts, people, and the offers' short fields. Package
kinds and target group categories are the model's values."""

from __future__ import annotations

from ..model import PackageTypeKind, TargetGroupCategory
from .text import words

SOURCES = words("leverandoerkatalog|kl-ind-paa-arbejdsmarkedet|jobmatch-rapport|kommunale-indsatser|national-kortlaegning")
PACKAGE_TYPES = [(name, kind.value) for kind, names in (
    (PackageTypeKind.standardpakke, "Indgangsmodul|Jobpakke|Uddannelsespakke|Motivationsfremmende pakke|Sygedagpengepakke|Mentorpakke|"
                      "Kombinationspakke|Arbejdsprøvningspakke|Særlig tilbudspakke"),
    (PackageTypeKind.forloeb, "Afklaringsforløb|Mentorforløb|Gruppeforløb|Kommunal indsats|Rammeaftale"),
    (PackageTypeKind.projekt, "Udviklingsprojekt"),
) for name in words(names)]
TARGET_GROUPS = [(name, TargetGroupCategory(category).value, words(synonyms)) for category, group in (
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

CAVEAT = words("Kilden oplyser ikke forløbets samlede varighed.|Kilden oplyser ikke antal timer om ugen.|Kilden siger "
               "ikke, hvordan resultaterne måles.|Det fremgår ikke, om forløbet kan forlænges.|Kilden nævner ingen "
               "bestemt målgruppe.|Kilderne er uenige om, hvor mange deltagere et hold har.")
NOTE = words("Særlig erfaring med gruppen|Kan tilpasses borgere med lette vanskeligheder|Kilden nævner gruppen som "
             "eksempel|Egen kontaktperson med kendskab til gruppen|Især unge i gruppen|Gruppen udgør de fleste deltagere")
DURATION = words("1–13 uger|8–13 uger|6 uger|3 måneder|6 måneder|Op til 26 uger|9 måneder|1–2 timer|5 samtaler|12 måneder")
INTENSITY = words("10–37 timer om ugen|15 timer om ugen|To samtaler om ugen|Hver dag kl. 9–14|En dag om ugen|Efter aftale")
LOCATION = words("En almindelig virksomhed, hvis det er muligt|Udbyderens egne lokaler|Borgerens eget hjem og "
                 "lokalområdet|Udbyderens værksteder og partnervirksomheder|Jobcentrets lokaler|Skiftende arbejdspladser")
