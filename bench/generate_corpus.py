#!/usr/bin/env python3
"""Deterministic generator of a synthetic Fieldwork workspace for the ingest benchmark.

Writes, under OUT:

    corpus/interviews/bNN/bench-NNNNN.md   N interview transcripts (~WORDS words each)
    corpus/participants.yaml               every participant a transcript names
    codebooks/fieldwork.yaml               a byte copy of the repository's codebook

and, with --csv, one CSV row per segment (doc_id, idx, text) holding exactly the text that
`fieldwork ingest` stores in `segment.text` and indexes in FTS5: a speaker turn without its
label, the turn's paragraphs and list items joined by a blank line, emphasis markers removed.
That CSV is what the benchmark's floor bulk-loads into SQLite.

Everything is synthetic and seeded: the same --seed, --docs and --words give byte-identical
files on every machine (string seeds are hashed with SHA-512 by `random.Random`, independent
of PYTHONHASHSEED).

    generate_corpus.py --out bench/out/corpus --docs 1000 --csv bench/out/segments.csv
    generate_corpus.py --verify-db WS/.fieldwork/fieldwork.sqlite --csv bench/out/segments.csv

The second form (used by the benchmark after timing) checks that the store holds the same
segments, in the same order and with the same text, as the CSV: the floor and the tool then
index the same text.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import math
import os
import random
import shutil
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SEED = 20250301
REPO = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------- vocabulary
# Sentences are assembled as opener + core + tail + punctuation. Cores start in lower case and
# are capitalised when no opener precedes them. Nothing here is Markdown syntax: no '*', '_',
# '#', '<', '[', '`', '&', no leading digits, and no 'Name:' that could read as a speaker label.

SV_OPENERS = [
    # Only openers that keep straight word order (no adverbial first, which would need V2 inversion).
    "", "", "", "", "Ja, ", "Nej, ", "Alltså, ", "Men ", "Och ", "Jo, ", "Fast ", "Ärligt talat tycker jag att ",
    "Jag tror att ", "Det är så att ", "Det konstiga är att ", "Jag vet inte, men ", "Min dotter säger att ",
    "Grannen tycker att ", "Personalen säger att ", "Handläggaren sa att ", "Som jag ser det är det så att ",
    "Sedan min man dog känns det som att ", "Förr i tiden var det inte så att ", "Jag har märkt att ",
]

SV_CORES = [
    "jag vaknar tidigt och ligger en stund och lyssnar på radion",
    "hemtjänsten kommer vid halv åtta och hjälper mig med frukosten",
    "det är olika personal nästan varje gång och man hinner inte lära känna dem",
    "larmet ligger på nattduksbordet eftersom det skaver mot huden",
    "min son ringer på söndagar men han bor i en annan kommun",
    "jag är rädd att jag har glömt spisen på när jag har gått och lagt mig",
    "bussen går bara en gång i timmen efter klockan sju",
    "handläggaren på socialtjänsten byts ut hela tiden",
    "sensorn i hallen blinkar när jag går förbi på natten",
    "jag förstår inte riktigt appen som kommunen vill att jag ska använda",
    "det är svårt att få tag på någon på kommunen efter lunch",
    "skolan skickar meddelanden i en app och fritidsgården i en annan",
    "jobbcoachen på arbetsmarknadsförvaltningen hjälper mig med ansökningarna",
    "fritidsgården i Solhöjden stänger klockan nio på vardagar",
    "det kostar för mycket med ännu ett abonnemang varje månad",
    "jag har en dosett från apoteket med påsar där datumet står",
    "man känner sig som ett ärende och inte som en människa",
    "det är tyst här på eftermiddagarna från två till sex",
    "jag vill inte ha en kamera i sovrummet eller i badrummet",
    "en sensor som bara säger till när något är fel skulle kännas tryggare",
    "vem är det som ser larmet på natten och vad händer sedan",
    "jag glömmer att ladda telefonen och hörapparaten",
    "trapphuset är mörkt och hissen har varit trasig i tre veckor",
    "min dotter har installerat en smart högtalare i köket",
    "boendestödet kommer på tisdagar och torsdagar",
    "jag skulle vilja kunna låsa upp dörren själv med telefonen",
    "det är krångligt att logga in med bank-id för varje liten sak",
    "på vårdcentralen säger de att det är regionens ansvar och inte kommunens",
    "jag har ramlat två gånger i badrummet under det senaste året",
    "mattan i hallen är det farligaste i hela lägenheten",
    "grannen på våning fyra brukar titta förbi med tidningen",
    "jag går till träffpunkten i Norrby på onsdagar när det inte är halt",
    "färdtjänsten kommer ofta för sent och då missar jag tiden",
    "personalen på boendet är snälla men de har så bråttom",
    "jag vill bestämma själv vem som får se uppgifterna om mig",
    "det känns som att de vill spara pengar på personal med tekniken",
    "jag har fått en surfplatta men den ligger mest i lådan",
    "min man skötte alltid räkningarna och nu måste jag lära mig allt själv",
    "det var hemtjänsten som hittade mig på morgonen efter fallet",
    "jag litar mer på människor än på maskiner",
    "det är skönt att kunna prata med någon som förstår",
    "mina barn är oroliga för mig när jag är ute och går på kvällen",
    "köket är för trångt för rullatorn så jag bär tallrikarna en i taget",
    "spisvakten stänger av plattan om jag går ifrån den för länge",
    "det blir så många papper från så många olika förvaltningar",
    "jag ska ha ett möte med både skolan och socialtjänsten nästa vecka",
    "daglig verksamhet är det bästa i veckan för mig",
    "jag tycker om att baka bullar när barnbarnen kommer",
    "det vore bra med en lapp på kylskåpet som förklarar allt",
    "man ska inte behöva berätta samma sak för fem olika personer",
    "jag sover dåligt och vaknar vid minsta ljud från trapphuset",
    "det luktar bränt ibland fast jag inte har lagat mat",
    "vattnet i badrummet har runnit över en gång",
    "jag blir yr om jag reser mig för fort ur sängen",
    "tekniken måste fungera även när strömmen går",
    "min kontaktperson på fritidsförvaltningen heter Åsa",
    "Göran från hemtjänsten är den enda som vet hur kaffebryggaren fungerar",
    "Märta och jag brukar gå runt sjön i Björkhagen på morgonen",
    "det tar en halvtimme att gå till Älvsjö centrum med rullator",
    "Örjan på biblioteket har visat mig hur man ringer videosamtal",
]

SV_TAILS = [
    "", "", "", "", "", ", tror jag", ", det är det som är det svåra", " och det känns otryggt",
    " men det fungerar för det mesta", ", så är det bara", " på kvällarna", " när det är mörkt ute",
    " och det gör mig trött", ", om jag ska vara ärlig", " varje vecka", " och det oroar mig",
    ", men det får man väl leva med", " trots att jag har sagt till flera gånger",
    " och det har blivit värre i år", ", fast ingen frågar mig om det",
]

EN_OPENERS = [
    "", "", "", "", "Yeah, ", "No, ", "Well, ", "But ", "And ", "Honestly, ", "Sometimes ",
    "Most of the time ", "In the winter ", "Last year ", "Since the move ", "Usually ",
    "On weekends ", "These days ", "Actually, ", "The strange thing is that ", "I don't know, but ",
    "My daughter says that ", "The staff say that ", "My case worker said that ", "As I see it, ",
]

EN_CORES = [
    "I wake up early and listen to the radio for a while",
    "the home care staff come at half past seven and help me with breakfast",
    "it is different staff almost every time so you never get to know them",
    "the alarm stays on the bedside table because it rubs against my skin",
    "my son calls on Sundays but he lives in another municipality",
    "I worry that I left the stove on when I went to bed",
    "the bus only runs once an hour after seven in the evening",
    "the social worker keeps changing every few months",
    "the sensor in the hallway blinks when I walk past at night",
    "I don't really understand the app the city wants me to use",
    "it is hard to reach anyone at the city office after lunch",
    "the school sends messages in one app and the youth centre in another",
    "the job coach at the labour market administration helps me with applications",
    "the youth centre closes at nine on weekdays",
    "one more subscription every month costs too much",
    "I have a pill organiser from the pharmacy with dated pouches",
    "you feel like a case number and not like a person",
    "it is quiet here in the afternoons from two until six",
    "I don't want a camera in the bedroom or in the bathroom",
    "a sensor that only speaks up when something is wrong would feel safer",
    "who actually sees the alarm at night and what happens then",
    "I forget to charge the phone and the hearing aid",
    "the stairwell is dark and the lift has been broken for three weeks",
    "my daughter put a smart speaker in the kitchen",
    "the housing support worker comes on Tuesdays and Thursdays",
    "I would like to unlock the front door myself with my phone",
    "logging in with a bank ID for every little thing is a hassle",
    "the health centre says it is the region's job and not the city's",
    "I have fallen twice in the bathroom in the last year",
    "the rug in the hallway is the most dangerous thing in the flat",
    "my neighbour on the fourth floor drops by with the newspaper",
    "the paratransit is often late and then I miss my appointment",
    "I want to decide for myself who gets to see the data about me",
    "it feels like they want to save money on staff with the technology",
    "I was given a tablet but it mostly stays in the drawer",
    "I trust people more than I trust machines",
    "it is good to talk to someone who understands",
    "there are so many forms from so many different departments",
    "I have a meeting with both the school and social services next week",
    "the day centre is the best part of my week",
    "you shouldn't have to tell the same story to five different people",
    "I sleep badly and wake up at the smallest noise from the stairwell",
    "the technology has to keep working when the power goes out",
    "the stove guard switches off the hob if I walk away for too long",
    "my contact person at the leisure department is called Åsa",
    "Jörgen from home care is the only one who knows how the coffee machine works",
]

EN_TAILS = [
    "", "", "", "", "", ", I think", ", that's the hard part", " and it makes me feel unsafe",
    " but it works most of the time", ", that's just how it is", " in the evenings",
    " when it is dark outside", " and it wears me out", ", to be honest", " every week",
    " and it worries me", ", even though I've told them several times", " and it got worse this year",
]

# Detail clauses add lexical variety (an FTS index over a few hundred distinct words would be
# unrealistically small): Swedish compounds from two stems, names, places, numbers.
SV_STEMS_A = ["trygghets", "natt", "dag", "hem", "vård", "omsorgs", "bostads", "kommun", "skol", "fritids",
              "arbets", "läkemedels", "sjuk", "färd", "kvälls", "helg", "köks", "badrums", "hall", "trapp",
              "dörr", "spis", "larm", "sensor", "telefon", "buss", "grann", "familje", "anhörig", "personal",
              "besöks", "mat", "tvätt", "medicin", "ekonomi", "hjälp", "stöd", "kontakt", "samtals", "rörelse",
              "sömn", "värme", "ljus", "nyckel", "språk", "ungdoms", "förskole", "matsals", "städ", "sjöängs"]
SV_STEMS_B = ["larmet", "planen", "rutinen", "mötet", "beslutet", "ansökan", "personalen", "besöket", "appen",
              "sensorn", "lampan", "dörren", "tiden", "listan", "kostnaden", "avgiften", "kön", "schemat",
              "samtalet", "handläggaren", "boendet", "stödet", "frågan", "oron", "tryggheten", "ansvaret",
              "kontakten", "lösningen", "tekniken", "servicen", "blanketten", "förändringen", "väntan",
              "nyckeln", "skåpet", "gruppen", "tjänsten", "kvittot", "området", "pärmen"]
SV_DETAILS = [" med {c}", " på grund av {c}", " och sedan var det {c}", " trots {c}", " precis som med {c}",
              ", särskilt {c}", " efter {c} i {place}", ", enligt {name}", " sedan {name} slutade",
              " klockan {h}", " för {n} kronor i månaden", " (ärende {case})", " i {place}",
              " och {c} som {name} pratade om"]
EN_ADJ = ["night", "home", "care", "safety", "city", "school", "weekend", "kitchen", "bathroom", "hallway",
          "door", "stove", "alarm", "sensor", "phone", "bus", "family", "staff", "visit", "medicine",
          "support", "contact", "sleep", "heating", "key", "language", "youth", "cleaning", "laundry", "meal"]
EN_NOUNS = ["alarm", "plan", "routine", "meeting", "decision", "application", "staff", "visit", "app",
            "sensor", "lamp", "door", "schedule", "list", "cost", "fee", "queue", "call", "case worker",
            "placement", "support", "question", "worry", "responsibility", "contact", "solution", "service",
            "form", "change", "wait", "key", "cupboard", "group", "receipt", "folder", "booking", "rota"]
EN_DETAILS = [" with the {c}", " because of the {c}", " and then there was the {c}", " despite the {c}",
              " just like with the {c}", ", especially the {c}", " after the {c} in {place}",
              ", according to {name}", " since {name} left", " at {h} o'clock", " for {n} kronor a month",
              " (case {case})", " in {place}", " and the {c} that {name} talked about"]
# A long tail of proper names (streets, schools, families) built from Swedish-like syllables and
# drawn with a skewed distribution, as rare words are in real transcripts.
SYLLABLES = ["berg", "lind", "ström", "holm", "vik", "gård", "by", "sjö", "dal", "ek", "björk", "gran",
             "mark", "näs", "hag", "kvarn", "sand", "ås", "torp", "back", "lund", "fors", "hult", "sten",
             "ängs", "myr", "ros", "kron", "löv", "åker"]
LEXICON = [a.capitalize() + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES if a != b != c]
random.Random(DEFAULT_SEED).shuffle(LEXICON)
SV_NAMED = [" på {w}vägen", " hos familjen {w}", " vid {w}skolan", " nära {w}torget", " i {w}"]
EN_NAMED = [" on {w} Road", " with the {w} family", " at {w} School", " near {w} Square", " in {w}"]

NAMES = ["Åsa", "Göran", "Märta", "Örjan", "Britt", "Jörgen", "Ingrid", "Sören", "Kjell", "Ylva",
         "Håkan", "Björn", "Agneta", "Leila", "Yusuf", "Amina", "Mikael", "Sanna", "Pär", "Lærke",
         "Teodor", "Ebba", "Ahmed", "Zeynep", "Noor", "Åke", "Gunnel", "Anneli", "Rasmus", "Dagny"]

SV_QUESTIONS = [
    "Kan du börja med att berätta hur en vanlig dag ser ut?",
    "Hur är det mellan besöken?",
    "Vill du berätta mer om det?",
    "Hur känns det på natten nu?",
    "Hur fungerar kontakten med kommunen?",
    "Vem ringer du om något händer?",
    "Vad tänker du när du hör ordet sensor?",
    "Hur skulle det behöva vara för att du skulle kunna säga ja?",
    "Vad skulle du tycka om att dela uppgifter med kommunen?",
    "Vilka personer träffar du under en vecka?",
    "Har du provat någon teknik hemma tidigare?",
    "Vad är det viktigaste för att du ska känna dig trygg?",
    "Hur tar du dig till affären?",
    "Vad händer om larmet går på natten?",
    "Hur sköter du medicinerna?",
    "Finns det något du skulle vilja ändra på?",
    "Vad tycker dina anhöriga om det?",
    "Hur ofta träffar du din handläggare?",
    "Om du fick bestämma, hur skulle det se ut?",
    "Vad gör du en söndag?",
    "Hur känns det att behöva be om hjälp?",
    "Har något förändrats sedan förra året?",
]

EN_QUESTIONS = [
    "Could you start by describing an ordinary day?",
    "What happens between the visits?",
    "Would you like to tell me more about that?",
    "How do the nights feel now?",
    "How does contact with the city work for you?",
    "Who do you call if something happens?",
    "What comes to mind when you hear the word sensor?",
    "What would it take for you to say yes?",
    "How would you feel about sharing data with the city?",
    "Who do you meet during a typical week?",
    "Have you tried any technology at home before?",
    "What matters most for you to feel safe?",
    "How do you get to the shop?",
    "What happens if the alarm goes off at night?",
    "If it were up to you, what would it look like?",
    "How does your family feel about it?",
    "Has anything changed since last year?",
]

SV_FOLLOWUPS = ["Hur menar du då?", "Och sedan?", "Mm.", "Det låter tröttsamt.", "Berätta gärna mer.",
                "Kan du ge ett exempel?", "Hur kändes det?", "Det är viktigt att höra."]
EN_FOLLOWUPS = ["What do you mean?", "And then?", "Mm.", "That sounds exhausting.", "Tell me more.",
                "Could you give an example?", "How did that feel?", "That's important to hear."]

SV_LIST_INTROS = ["Det jag skulle behöva är det här.", "Jag skrev en lista till mötet.",
                  "Det finns några saker som måste fungera.", "Så här ser veckan ut."]
EN_LIST_INTROS = ["This is what I would need.", "I wrote a list for the meeting.",
                  "A few things have to work.", "This is what the week looks like."]
SV_ITEMS = ["att bussen kommer i tid", "samma personal på kvällen", "ett larm som fungerar utomhus",
            "hjälp med att handla på torsdagar", "en lapp på kylskåpet med alla telefonnummer",
            "att någon svarar på natten", "en spisvakt i köket", "att få välja själv",
            "bättre belysning i trapphuset", "en kontaktperson i stället för fem",
            "måndag daglig verksamhet", "tisdag boendestöd", "onsdag träffpunkten", "fredag städning"]
EN_ITEMS = ["the bus arriving on time", "the same staff in the evening", "an alarm that works outdoors",
            "help with shopping on Thursdays", "a note on the fridge with every phone number",
            "someone answering at night", "a stove guard in the kitchen", "being allowed to choose",
            "better lighting in the stairwell", "one contact person instead of five",
            "Monday day centre", "Tuesday housing support", "Wednesday meeting point", "Friday cleaning"]

EMOJI = ["🙂", "😊", "👍🏽", "❤️", "😅", "📱", "🏠", "🚌", "☕", "🌧️"]

SV_INTROS = ["Intervjun genomfördes i deltagarens hem i {place}. Inspelningen startade efter samtycke.",
             "Samtalet hölls på träffpunkten i {place}. En anhörig var med under första halvan.",
             "Intervjun gjordes per telefon. Deltagaren satt hemma i {place}."]
EN_INTROS = ["The interview took place in the participant's home in {place}. Recording started after consent.",
             "The conversation was held at the meeting point in {place}. A relative joined for the first half.",
             "The interview was done by phone. The participant was at home in {place}."]

PLACES = ["Norrby", "Solhöjden", "Björkhagen", "Älvsjö", "Östra Gärdet", "Kvarnholmen", "Sjöängen", "Åkerby"]
SV_TITLES = ["Vardag och trygghet i {place}", "Teknik, tillit och hemtjänst i {place}",
             "Kontakter med kommunen, {place}", "Nätter, larm och grannar i {place}"]
EN_TITLES = ["Everyday safety in {place}", "Technology, trust and home care in {place}",
             "Dealing with the city, {place}", "Nights, alarms and neighbours in {place}"]
INTERVIEWERS = ["L. Berg", "S. Haddad", "A. Lind", "M. Öberg", "K. Åström", "J. Nyström"]
ADMINISTRATIONS = ["social", "care", "labour", "school", "leisure"]


# --------------------------------------------------------------------------- model

@dataclass
class Block:
    markdown: str   # the source text (a list item without its "- ")
    plain: str      # what cmark + Fieldwork make of it: emphasis markers removed
    item: bool = False


@dataclass
class Turn:
    speaker: str | None            # None: an unlabelled paragraph before the first turn
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Document:
    doc_id: str
    relpath: str
    markdown: str
    segments: list[str]
    words: int


class Writer:
    """Produces sentences and paragraphs in one language from one seeded generator."""

    def __init__(self, rng: random.Random, swedish: bool, emoji: bool):
        self.rng = rng
        self.sv = swedish
        self.emoji = emoji
        self.openers, self.cores, self.tails = (
            (SV_OPENERS, SV_CORES, SV_TAILS) if swedish else (EN_OPENERS, EN_CORES, EN_TAILS))

    def sentence(self) -> tuple[str, str]:
        """(markdown, plain) of one sentence."""
        rng = self.rng
        opener = rng.choice(self.openers)
        core = rng.choice(self.cores)
        if not opener:
            core = core[0].upper() + core[1:]
        detail = ""
        if rng.random() < 0.15:
            word = LEXICON[int(len(LEXICON) * rng.random() ** 3)]
            detail = rng.choice(SV_NAMED if self.sv else EN_NAMED).format(w=word)
        elif rng.random() < 0.4:
            if self.sv:
                compound = rng.choice(SV_STEMS_A) + rng.choice(SV_STEMS_B)
                detail = rng.choice(SV_DETAILS)
            else:
                compound = rng.choice(EN_ADJ) + " " + rng.choice(EN_NOUNS)
                detail = rng.choice(EN_DETAILS)
            detail = detail.format(c=compound, place=rng.choice(PLACES), name=rng.choice(NAMES),
                                   h=rng.randint(6, 22), n=rng.randint(2, 60) * 50,
                                   case=rng.randint(10_000, 999_999))
        words = (opener + core + detail + rng.choice(self.tails)).split(" ")
        plain_words = list(words)
        if rng.random() < 0.04 and len(words) > 3:   # occasional *emphasis* on one word
            k = rng.randrange(1, len(words))
            if words[k].isalpha():
                words[k] = "*" + words[k] + "*"
        end = rng.choices([".", "?", "!", "..."], weights=[86, 6, 3, 5])[0]
        text, plain = " ".join(words) + end, " ".join(plain_words) + end
        if self.emoji and rng.random() < 0.05:
            e = " " + rng.choice(EMOJI)
            text, plain = text + e, plain + e
        return text, plain

    def paragraph(self, lo: int, hi: int) -> Block:
        parts = [self.sentence() for _ in range(self.rng.randint(lo, hi))]
        return Block(" ".join(p[0] for p in parts), " ".join(p[1] for p in parts))


def participants_for(n_docs: int) -> list[dict]:
    """A register sized to the corpus: residents R, relatives N (närstående), staff S."""
    rng = random.Random(f"{DEFAULT_SEED}-participants-{n_docs}")
    people = []
    counts = [("R", "resident", max(8, math.ceil(n_docs * 0.4))),
              ("N", "relative", max(3, math.ceil(n_docs * 0.1))),
              ("S", "staff", max(3, math.ceil(n_docs * 0.05)))]
    for prefix, role, count in counts:
        for i in range(1, count + 1):
            people.append({
                "id": f"{prefix}{i:04d}", "role": role,
                "administrations": sorted(rng.sample(ADMINISTRATIONS, rng.randint(1, 3))),
                "area": rng.choice(PLACES),
                "age": rng.choice(["18-29", "30-39", "40-49", "50-64", "65-74", "75-79", "80-89", "90+"]),
                "lang": rng.choice(["sv", "sv", "sv", "en", "ar", "fi", "so"]),
                "date": f"2025-{rng.randint(1, 5):02d}-{rng.randint(1, 28):02d}",
            })
    return people


def participants_yaml(people: list[dict]) -> str:
    out = ["# Synthetic participant register generated by bench/generate_corpus.py. Not real people.",
           "participants:"]
    for p in people:
        out += [
            f"  - id: {p['id']}",
            f"    role: {p['role']}",
            f"    administrations: [{', '.join(p['administrations'])}]",
            "    attributes:",
            f"      age_band: \"{p['age']}\"",
            f"      municipality_area: {p['area']}",
            f"      preferred_language: {p['lang']}",
            "    consents:",
            f"      - id: c-{p['id'].lower()}-1",
            f"        date: {p['date']}",
            "        scopes: [interview, recording, quote]",
            "",
        ]
    return "\n".join(out)


def make_document(index: int, seed: int, target_words: int, people: list[dict]) -> Document:
    rng = random.Random(f"{seed}-doc-{index}")
    swedish = rng.random() < 0.7
    writer = Writer(rng, swedish, emoji=rng.random() < 0.2)
    residents = [p for p in people if p["role"] == "resident"]
    others = [p for p in people if p["role"] != "resident"]
    speakers = [rng.choice(residents)["id"]]
    if rng.random() < 0.25:
        speakers.append(rng.choice(others)["id"])
    interviewer_label = "Intervjuare" if swedish else "Interviewer"
    place = rng.choice(PLACES)
    doc_id = f"bench-{index:05d}"
    admins = sorted(rng.sample(ADMINISTRATIONS, rng.randint(1, 3)))
    title = rng.choice(SV_TITLES if swedish else EN_TITLES).format(place=place)
    front = "\n".join([
        "---", f"id: {doc_id}", "type: interview", f"title: \"{title}\"",
        f"date: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", f"language: {'sv' if swedish else 'en'}",
        f"participants: [{', '.join(speakers)}]", f"interviewer: {rng.choice(INTERVIEWERS)}",
        f"administrations: [{', '.join(admins)}]", "---", ""])

    turns: list[Turn] = []
    if rng.random() < 0.2:
        text = rng.choice(SV_INTROS if swedish else EN_INTROS).format(place=place)
        turns.append(Turn(None, [Block(text, text)]))
    questions = SV_QUESTIONS if swedish else EN_QUESTIONS
    followups = SV_FOLLOWUPS if swedish else EN_FOLLOWUPS
    words = 0
    while words < target_words:
        q = rng.choice(followups) if turns and rng.random() < 0.25 else rng.choice(questions)
        turns.append(Turn(interviewer_label, [Block(q, q)]))
        answer = Turn(rng.choice(speakers))
        shape = rng.random()
        if shape < 0.05:      # a turn with a bullet list
            intro = rng.choice(SV_LIST_INTROS if swedish else EN_LIST_INTROS)
            answer.blocks.append(Block(intro, intro))
            for item in rng.sample(SV_ITEMS if swedish else EN_ITEMS, rng.randint(3, 5)):
                answer.blocks.append(Block(item, item, item=True))
            if rng.random() < 0.5:
                answer.blocks.append(writer.paragraph(1, 3))
        elif shape < 0.30:    # a multi-paragraph turn
            for _ in range(rng.randint(2, 4)):
                answer.blocks.append(writer.paragraph(2, 6))
        else:
            answer.blocks.append(writer.paragraph(1, 7))
        turns.append(answer)
        words += sum(len(b.plain.split()) for t in turns[-2:] for b in t.blocks)

    body: list[str] = []
    segments: list[str] = []
    for turn in turns:
        for k, block in enumerate(turn.blocks):
            if block.item:
                body.append(f"- {block.markdown}")
                # consecutive items form one list: no blank line between them
                nxt = turn.blocks[k + 1] if k + 1 < len(turn.blocks) else None
                body.append("" if not (nxt and nxt.item) else None)
            elif k == 0 and turn.speaker:
                body.append(f"**{turn.speaker}:** {block.markdown}")
                body.append("")
            else:
                body.append(block.markdown)
                body.append("")
        segments.append("\n\n".join(b.plain for b in turn.blocks))
    markdown = front + "\n".join(line for line in body if line is not None)
    folder = f"b{index // 100:02d}"
    return Document(doc_id, f"corpus/interviews/{folder}/{doc_id}.md", markdown, segments,
                    len(markdown.split()))


# --------------------------------------------------------------------------- commands

def generate(args: argparse.Namespace) -> None:
    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    (out / "corpus").mkdir(parents=True)
    (out / "codebooks").mkdir()
    shutil.copyfile(args.codebook, out / "codebooks" / Path(args.codebook).name)
    people = participants_for(args.docs)
    (out / "corpus" / "participants.yaml").write_text(participants_yaml(people), encoding="utf-8")

    csv_file = open(args.csv, "w", encoding="utf-8", newline="") if args.csv else None
    rows = csv.writer(csv_file, lineterminator="\n") if csv_file else None
    if rows:
        rows.writerow(["doc_id", "idx", "text"])
    total_bytes = total_words = total_segments = 0
    for i in range(1, args.docs + 1):
        doc = make_document(i, args.seed, args.words, people)
        path = out / doc.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        data = doc.markdown.encode("utf-8")
        path.write_bytes(data)
        total_bytes += len(data)
        total_words += doc.words
        total_segments += len(doc.segments)
        if rows:
            for idx, text in enumerate(doc.segments):
                rows.writerow([doc.doc_id, idx, text])
    if csv_file:
        csv_file.close()
    print(f"generated {args.docs} documents, {total_words} words, {total_bytes / 1e6:.1f} MB, "
          f"{total_segments} segments, {len(people)} participants -> {out}", file=sys.stderr)
    if args.stats:
        Path(args.stats).write_text(
            f"docs={args.docs}\nwords={total_words}\nbytes={total_bytes}\nsegments={total_segments}\n"
            f"participants={len(people)}\n", encoding="utf-8")


def verify(args: argparse.Namespace) -> None:
    """The store's segment texts must equal the CSV's, row for row."""
    db = sqlite3.connect(f"file:{args.verify_db}?mode=ro", uri=True)
    stored = db.execute("SELECT s.document_id, s.idx, t.text FROM segment s JOIN segment_text t ON t.id = s.id ORDER BY s.document_id, s.idx")
    with open(args.csv, encoding="utf-8", newline="") as f:
        expected = csv.reader(f)
        next(expected)
        count = 0
        for want, got in itertools.zip_longest(expected, stored):
            if want is None or got is None:
                sys.exit(f"segment count differs after {count} rows: "
                         f"{'the store' if want is None else 'the CSV'} has more")
            want = (want[0], int(want[1]), want[2])
            if tuple(got) != want:
                sys.exit(f"segment mismatch at row {count + 1}:\n  csv:   {want!r:.300}\n  store: {tuple(got)!r:.300}")
            count += 1
    print(f"verified: the store holds the CSV's {count} segment texts", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", help="workspace folder to (re)create")
    parser.add_argument("--docs", type=int, default=1000, help="number of transcripts (default 1000)")
    parser.add_argument("--words", type=int, default=5000, help="approximate words per transcript (default 5000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--codebook", default=str(REPO / "codebooks" / "fieldwork.yaml"))
    parser.add_argument("--csv", help="write the segment texts here (doc_id, idx, text)")
    parser.add_argument("--stats", help="write key=value totals here")
    parser.add_argument("--verify-db", help="instead of generating: compare a fieldwork.sqlite with --csv")
    args = parser.parse_args()
    if args.verify_db:
        if not args.csv:
            parser.error("--verify-db needs --csv")
        verify(args)
    elif args.out:
        generate(args)
    else:
        parser.error("give --out DIR (generate) or --verify-db DB --csv CSV (verify)")


if __name__ == "__main__":
    os.umask(0o022)
    main()
