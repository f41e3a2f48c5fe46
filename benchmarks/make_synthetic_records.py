"""Write N synthetic article records (JSON Lines of ``newsgraph.record.Record``) for store benchmarks and tests.

    python benchmarks/make_synthetic_records.py -n 100000 -o /tmp/records.jsonl [--seed 0]

The records look like what ``newsgraph extract`` writes for short German agency reports, but their
content comes from a simulated world, so that the store's cross-article merging has real work to do:

- a cast of persons (names built from syllables, one in four with a German and an English
  romanisation, ``Wadim Petrow`` / ``Vadim Petrov``, chosen per outlet), organisations, places and
  outlets; who appears is Zipf-distributed, so a few actors are in many events, as in the news;
- *happenings* (meetings, talks, calls, visits, summits, agreements) with 2-3 participants, a place
  and a day, spread over ``--days`` days from ``--start``;
- each article reports one happening (one in five: two), published a few days before it (then the
  status is ``planned``) or after (``happened``, sometimes ``cancelled``); the date is written to the
  day (one in twenty a day off, giving the store date conflicts to record), to the month, or not at
  all; 1-3 quotes by participants and 1-3 time expressions.

Articles come out in order of publication, as a crawler would deliver them. Every span satisfies
``text[start:end] == span text`` (the tests validate records through the pydantic model). The output
is a pure function of ``--seed`` and ``-n``. About 1 KB per record; 100,000 records took 78 s on the
shared 2-core machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

SYLLABLES = ["ka", "lo", "mi", "ser", "gej", "an", "to", "ni", "ra", "vi", "dim", "pe", "tro", "bo", "ris",
             "le", "na", "ma", "ri", "os", "dan", "el", "ju", "li", "ov", "sta", "nis", "lav", "mar", "tin"]
SURNAME_ENDS = ["ov", "ev", "in", "enko", "sky", "er", "mann", "ard", "oni", "ez"]
TYPES = ["meeting", "meeting", "meeting", "talks", "talks", "phone_call", "visit", "summit", "agreement", "negotiation"]
VERBS = {
    "meeting": ("traf sich mit", "wird sich treffen mit"),
    "talks": ("führte Gespräche mit", "will Gespräche führen mit"),
    "negotiation": ("verhandelte mit", "will verhandeln mit"),
    "phone_call": ("telefonierte mit", "will telefonieren mit"),
    "visit": ("besuchte", "will besuchen"),
    "summit": ("kam zum Gipfel zusammen mit", "kommt zum Gipfel zusammen mit"),
    "agreement": ("unterzeichnete ein Abkommen mit", "will ein Abkommen unterzeichnen mit"),
}
PLOVER = {"meeting": "CONSULT", "talks": "CONSULT", "negotiation": "CONSULT", "phone_call": "CONSULT",
          "visit": "CONSULT", "summit": "CONSULT", "agreement": "AGREE"}
QUOTE_WORDS = ["Gespräche", "Frieden", "Sanktionen", "Zusammenarbeit", "Sicherheit", "Handel", "Energie", "Krieg",
               "Verhandlungen", "Vertrauen", "Grenze", "Abkommen", "Partner", "Lösung", "Dialog", "Wirtschaft",
               "Klima", "Waffen", "Truppen", "Hilfe", "Zukunft", "Region", "Fortschritt", "Krise", "Einigung"]
QUOTE_FILLER = ["wir", "brauchen", "mehr", "keine", "die", "eine", "gute", "neue", "für", "und", "ist", "sind",
                "wichtig", "jetzt", "weiter", "nicht", "heute", "bleibt", "offen", "klar"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _germanise(name: str) -> str:
    """A German romanisation of an English-style name (v -> w, y -> j: Vadim Petrov -> Wadim Petrow)."""
    return name.replace("v", "w").replace("V", "W").replace("y", "j").replace("Y", "J")


class World:
    """The simulated cast, places and outlets (sizes grow with the number of records)."""

    def __init__(self, rng: random.Random, n_records: int) -> None:
        n_people = max(60, n_records // 40)
        self.people: list[tuple[str, str]] = []  # (english-style, german-style)
        seen: set[str] = set()
        while len(self.people) < n_people:
            first = _name(rng, rng.randint(2, 3))
            last = _name(rng, rng.randint(1, 2)) + rng.choice(SURNAME_ENDS)
            name = f"{first} {last}"
            if name in seen:
                continue
            seen.add(name)
            german = _germanise(name) if rng.random() < 0.25 else name
            self.people.append((name, german))
        self.places = [_name(rng, rng.randint(2, 3)) for _ in range(max(30, n_records // 400))]
        self.orgs = [f"{_name(rng, 2)}-{rng.choice(['Partei', 'Bund', 'Rat', 'Union'])}" for _ in range(40)]
        self.outlets = [f"{_name(rng, 2).lower()}-news" for _ in range(50)]
        self.person_weights = [1.0 / (i + 1) ** 0.9 for i in range(len(self.people))]
        self.place_weights = [1.0 / (i + 1) ** 0.7 for i in range(len(self.places))]


class _Text:
    """Builds an article text while recording the offsets of the pieces that become spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def value(self) -> str:
        return "".join(self.parts)


def records(n: int, seed: int = 0, start: dt.date = dt.date(2015, 1, 1), days: int = 3650) -> Iterator[dict]:
    """The ``n`` records as dicts in Record's JSON shape, in order of publication."""
    rng = random.Random(seed)
    world = World(rng, n)
    n_happenings = max(1, n // 3)
    happenings = []
    for h in range(n_happenings):
        k = 2 if rng.random() < 0.8 else 3
        participants: list[int] = []
        while len(participants) < k:
            p = rng.choices(range(len(world.people)), world.person_weights)[0]
            if p not in participants:
                participants.append(p)
        day = start + dt.timedelta(days=rng.randrange(days))
        place = rng.choices(range(len(world.places)), world.place_weights)[0]
        happenings.append((h, rng.choice(TYPES), participants, place, day))
    # each article: (published, happenings reported, outlet)
    plan = []
    for i in range(n):
        reported = [rng.randrange(n_happenings)]
        if rng.random() < 0.2:
            reported.append(rng.randrange(n_happenings))
        published = happenings[reported[0]][4] + dt.timedelta(days=rng.choice([-6, -3, -1, 0, 0, 1, 1, 1, 2, 3]))
        plan.append((published, i, reported, rng.randrange(len(world.outlets))))
    plan.sort()
    for published, i, reported, outlet_index in plan:
        yield _article(rng, world, i, published, [happenings[h] for h in reported], world.outlets[outlet_index])


def _article(rng: random.Random, world: World, number: int, published: dt.date, reported: list, outlet: str) -> dict:
    text = _Text()
    german = outlet[0] < "n"  # half the outlets write German romanisations
    entities: dict[str, dict] = {}  # name -> entity
    events, quotes, times = [], [], []

    def entity(name: str, etype: str) -> tuple[str, dict]:
        if name not in entities:
            entities[name] = {"id": f"e{len(entities) + 1}", "type": etype, "name": name, "kb_id": None,
                              "mentions": [], "roles": []}
        return entities[name]["id"], entities[name]

    def mention(name: str, etype: str, surface: str) -> str:
        eid, ent = entity(name, etype)
        s, e = text.add(surface)
        ent["mentions"].append({"start": s, "end": e, "text": surface})
        return eid

    title = None
    for h_index, (_, etype, participants, place, day) in enumerate(reported):
        names = [world.people[p][1] if german else world.people[p][0] for p in participants]
        planned = published < day
        status = "planned" if planned else ("cancelled" if rng.random() < 0.03 else "happened")
        ids = [mention(names[0], "PER", names[0])]
        text.add(f" {VERBS[etype][1 if planned else 0]} ")
        for j, name in enumerate(names[1:]):
            if j:
                text.add(" und ")
            ids.append(mention(name, "PER", name))
        text.add(" in ")
        place_id = mention(world.places[place], "LOC", world.places[place])
        time = None
        roll = rng.random()
        if roll < 0.7:
            when = day + dt.timedelta(days=rng.choice([-1, 1])) if rng.random() < 0.05 else day
            written = f"{when.day}. {MONTHS[when.month - 1]} {when.year}"
            text.add(" am ")
            s, e = text.add(written)
            time = {"value": when.isoformat(), "text": written, "start": s, "end": e}
        elif roll < 0.8:
            written = f"{MONTHS[day.month - 1]} {day.year}"
            text.add(" im ")
            s, e = text.add(written)
            time = {"value": f"{day.year}-{day.month:02d}", "text": written, "start": s, "end": e}
        text.add(". ")
        if time:
            times.append({"start": time["start"], "end": time["end"], "text": time["text"], "type": "DATE",
                          "value": time["value"], "inside_quote": False})
        if title is None:
            title = f"{names[0]} und {names[1]} in {world.places[place]}"
        events.append({"id": f"ev{h_index + 1}", "type": etype, "participants": ids, "place": place_id,
                       "time": time, "status": status, "evidence": [], "confidence": 0.8,
                       "plover": PLOVER.get(etype), "cameo": None})
        for _ in range(rng.randint(0, 2)):
            speaker = rng.randrange(len(names))
            words = [rng.choice(QUOTE_FILLER) for _ in range(rng.randint(4, 10))]
            for _ in range(rng.randint(1, 3)):
                words.insert(rng.randrange(len(words) + 1), rng.choice(QUOTE_WORDS))
            content = " ".join(words).capitalize() + "."
            text.add("„")
            qs, qe = text.add(content)
            text.add("“, ")
            cs, ce = text.add("sagte")
            text.add(" ")
            mention(names[speaker], "PER", names[speaker].split()[-1])
            text.add(". ")
            quotes.append({"id": f"q{len(quotes) + 1}", "kind": "direct", "start": qs, "end": qe, "text": content,
                           "speaker": ids[speaker], "speaker_text": names[speaker].split()[-1],
                           "cue": {"start": cs, "end": ce, "text": "sagte"}, "via": None,
                           "event": f"ev{h_index + 1}"})
    if rng.random() < 0.5:
        org = rng.choice(world.orgs)
        text.add("Die ")
        mention(org, "ORG", org)
        s, e = text.add(" äußerte sich am Mittwoch")
        times.append({"start": e - 8, "end": e, "text": "Mittwoch", "type": "DATE", "value": None,
                      "inside_quote": False})
        text.add(" zunächst nicht.")
    text.add(f" (Meldung {number})")
    return {
        "schema_version": "1.0",
        "id": f"syn{number:08d}",
        "language": "de",
        "title": title,
        "url": f"https://{outlet}.example/{published.isoformat()}/{number}",
        "source": outlet,
        "published": published.isoformat(),
        "reference_date": {"value": published.isoformat(), "source": "published", "reason": "synthetic"},
        "text": text.value(),
        "entities": list(entities.values()),
        "events": events,
        "quotes": quotes,
        "times": times,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="number of records")
    parser.add_argument("-o", "--output", type=Path, help="JSON Lines file (default: stdout)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", default="2015-01-01", help="first day of the simulated span")
    parser.add_argument("--days", type=int, default=3650, help="length of the simulated span in days")
    args = parser.parse_args(argv)
    out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    try:
        for record in records(args.n, args.seed, dt.date.fromisoformat(args.start), args.days):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()


if __name__ == "__main__":
    main()
