"""Questions to a store: find an actor, their timeline, who met whom, quotes, events.

Every function takes an open :class:`~newsgraph.store.db.Store` and returns plain dicts (JSON-ready
apart from dates, which the CLI serialises), newest or earliest first as said. Names given by the user
go through :func:`find_entities`, which compares transliteration keys (:mod:`newsgraph.store.names`):
``Lavrov`` finds the entity stored as ``Sergej Lawrow``, because its mention ``Lawrow`` keys alike.
An event's date for filtering and sorting is its date when known, else the day it was first reported.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from .db import Store
from .names import name_key

#: the date an event sorts and filters by
_EVENT_DAY = "coalesce(e.date_start, e.first_reported)"
#: the statuses ``network`` counts by default: who *met* whom
HAPPENED: tuple[str, ...] = ("happened",)


def _dicts(cursor: Any) -> list[dict[str, Any]]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value)
    if len(text) == 4:
        text += "-01-01"
    elif len(text) == 7:
        text += "-01"
    return dt.date.fromisoformat(text)


def _until(value: str | dt.date | None) -> dt.date | None:
    """The last day an ``until`` bound covers: ``2021`` means to 31 Dec 2021, ``2021-05`` to 31 May."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value)
    if len(text) == 4:
        return dt.date(int(text), 12, 31)
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:7])
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date.fromisoformat(text)


def find_entities(store: Store, name: str, *, types: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Entities a name denotes: same key as one of their names or mentions, else all the name's words.

    ``Lavrov``, ``Lawrow`` and ``Sergei Lawrow`` all find the entity (the key folds transliteration);
    most-mentioned first.
    """
    key = name_key(name)
    if not key:
        return []
    type_filter = " AND a.type IN (SELECT unnest($2))" if types else ""
    params: list[Any] = [key] + ([list(types)] if types else [])
    sql = (
        "SELECT e.entity_id, e.type, e.name, e.kb_id, e.n_articles AS articles FROM entities e "
        "WHERE e.entity_id IN (SELECT a.entity_id FROM entity_aliases a WHERE {match}{types}) "
        "ORDER BY articles DESC, e.entity_id"
    )
    found = _dicts(store.con.execute(sql.format(match="a.alias_key = $1", types=type_filter), params))
    if not found:
        params[0] = key.split()
        match = "list_has_all(string_split(a.alias_key, ' '), $1)"
        found = _dicts(store.con.execute(sql.format(match=match, types=type_filter), params))
    return found


def _event_rows(store: Store, where: str, params: list[Any], *, limit: int | None, order: str) -> list[dict[str, Any]]:
    """Events matching ``where``, with participant and place names (looked up in the small entity table)."""
    rows = _dicts(store.con.execute(
        f"SELECT e.event_id, {_EVENT_DAY} AS day, e.date_value AS date, e.date_precision, e.type, e.status,"
        " e.place_entity_id, e.n_sources AS sources, e.n_conflicts AS conflicts, e.participant_ids,"
        " e.first_reported, e.last_reported, e.plover"
        f" FROM events e WHERE {where} ORDER BY day {order}, e.event_id {order}"
        + (f" LIMIT {int(limit)}" if limit else ""),
        params,
    ))
    wanted = {i for row in rows for i in (row["participant_ids"] or [])}
    wanted |= {row["place_entity_id"] for row in rows if row["place_entity_id"] is not None}
    names = dict(store.con.execute(
        "SELECT entity_id, name FROM entities WHERE entity_id IN (SELECT unnest($1))", [sorted(wanted)]
    ).fetchall()) if wanted else {}
    for row in rows:
        place = row.pop("place_entity_id")
        row["place"] = names.get(place) if place is not None else None
        row["participants"] = sorted(names.get(i, str(i)) for i in row.pop("participant_ids") or [])
    return rows


def timeline(
    store: Store,
    name: str,
    *,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    types: Sequence[str] | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """The events an actor took part in, earliest first, with the entities the name matched.

    One scan of ``events`` (its ``participant_ids`` column), measured faster than a semi-join through
    ``event_participants``.
    """
    matches = find_entities(store, name)
    ids = [m["entity_id"] for m in matches]
    if not ids:
        return {"query": name, "entities": [], "events": []}
    params: list[Any] = list(ids)
    where = ["(" + " OR ".join(f"list_contains(e.participant_ids, ${i + 1})" for i in range(len(ids))) + ")"]
    _filters(where, params, since=since, until=until, types=types)
    events = _event_rows(store, " AND ".join(where), params, limit=limit, order="ASC")
    return {"query": name, "entities": matches, "events": events}


def _filters(
    where: list[str],
    params: list[Any],
    *,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    types: Sequence[str] | None = None,
    status: str | None = None,
) -> None:
    if since:
        params.append(_date(since))
        where.append(f"{_EVENT_DAY} >= ${len(params)}")
    if until:
        params.append(_until(until))
        where.append(f"{_EVENT_DAY} <= ${len(params)}")
    if types:
        params.append(list(types))
        where.append(f"(e.type IN (SELECT unnest(${len(params)})) OR e.merge_group IN (SELECT unnest(${len(params)})))")
    if status:
        params.append(status)
        where.append(f"e.status = ${len(params)}")


def events(
    store: Store,
    *,
    place: str | None = None,
    participant: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    types: Sequence[str] | None = None,
    status: str | None = None,
    limit: int | None = 100,
) -> list[dict[str, Any]]:
    """Events by place, participant, date range, type (or merge group) and status; newest first."""
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if place:
        ids = [m["entity_id"] for m in find_entities(store, place)]
        params.append(ids)
        where.append(f"e.place_entity_id IN (SELECT unnest(${len(params)}))")
    if participant:
        ids = [m["entity_id"] for m in find_entities(store, participant)]
        params.append(ids)
        where.append(
            f"e.event_id IN (SELECT event_id FROM event_participants"
            f" WHERE entity_id IN (SELECT unnest(${len(params)})))"
        )
    _filters(where, params, since=since, until=until, types=types, status=status)
    return _event_rows(store, " AND ".join(where), params, limit=limit, order="DESC")


def event_detail(store: Store, event_id: int) -> dict[str, Any] | None:
    """One event with every source's account (its status history) and the recorded conflicts."""
    rows = _event_rows(store, "e.event_id = $1", [event_id], limit=None, order="ASC")
    if not rows:
        return None
    detail = rows[0]
    detail["sources"] = _dicts(store.con.execute(
        "SELECT s.article_id, a.url, a.title, a.source, s.published, s.type, s.status, s.date_value AS date,"
        " s.time_text, pl.name AS place, s.evidence_json AS evidence, s.merge_reason AS why FROM event_sources s"
        " JOIN articles a USING (article_id) LEFT JOIN entities pl ON pl.entity_id = s.place_entity_id"
        " WHERE s.event_id = $1 ORDER BY s.published NULLS FIRST, s.article_id", [event_id]))
    detail["conflicts"] = _dicts(store.con.execute(
        "SELECT c.field, CASE WHEN c.field = 'place' THEN coalesce(en.name, c.value) ELSE c.value END AS value,"
        " c.article_ids FROM conflicts c LEFT JOIN entities en"
        " ON c.field = 'place' AND en.entity_id = TRY_CAST(c.value AS BIGINT)"
        " WHERE c.event_id = $1 ORDER BY c.field, c.value", [event_id]))
    return detail


def network(
    store: Store,
    *,
    actor: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    types: Sequence[str] | None = None,
    min_count: int = 1,
    limit: int | None = None,
    status: Sequence[str] | None = HAPPENED,
) -> dict[str, Any]:
    """Who met whom: pairs of participants of the same events, with counts per event type and per status.

    With ``actor``, only events that actor took part in (their ego network). ``status``: the events'
    (latest) statuses to count, by default only ``happened`` — a planned or cancelled meeting is not a
    meeting; None counts every status (``by_status`` then shows how many of each).
    """
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if status:
        params.append(list(status))
        where.append(f"list_contains(${len(params)}, e.status)")
    if actor:
        ids = [m["entity_id"] for m in find_entities(store, actor)]
        params.append(ids)
        where.append(
            f"e.event_id IN (SELECT event_id FROM event_participants"
            f" WHERE entity_id IN (SELECT unnest(${len(params)})))"
        )
    _filters(where, params, since=since, until=until, types=types)
    params.append(min_count)
    sql = f"""
        WITH ev AS (SELECT e.event_id, e.type, e.status FROM events e WHERE {" AND ".join(where)}),
        pairs AS (
            SELECT p1.entity_id AS source, p2.entity_id AS target, ev.type, ev.status, count(*) AS n
            FROM ev JOIN event_participants p1 USING (event_id) JOIN event_participants p2 USING (event_id)
            WHERE p1.entity_id < p2.entity_id GROUP BY ALL
        ),
        edges AS (
            SELECT source, target, sum(n)::BIGINT AS events, list(type) AS types, list(status) AS statuses,
                   list(n) AS ns
            FROM pairs GROUP BY ALL HAVING sum(n) >= ${len(params)}
        )
        SELECT source, s.name AS source_name, s.type AS source_type, target, t.name AS target_name,
               t.type AS target_type, events, types, statuses, ns
        FROM edges JOIN entities s ON s.entity_id = source JOIN entities t ON t.entity_id = target
        ORDER BY events DESC, source, target {"LIMIT " + str(int(limit)) if limit else ""}
    """
    edges = _dicts(store.con.execute(sql, params))
    for edge in edges:  # counts per (type, status) -> per type and per status
        by_type: Counter[str] = Counter()
        by_status: Counter[str] = Counter()
        for etype, status_, n in zip(edge.pop("types"), edge.pop("statuses"), edge.pop("ns"), strict=True):
            by_type[etype] += int(n)
            by_status[status_] += int(n)
        edge["by_type"], edge["by_status"] = dict(sorted(by_type.items())), dict(sorted(by_status.items()))
    nodes: dict[int, dict[str, Any]] = {}
    for edge in edges:
        for end in ("source", "target"):
            nodes.setdefault(edge[end], {"id": edge[end], "name": edge[f"{end}_name"], "type": edge[f"{end}_type"]})
    return {"nodes": list(nodes.values()), "edges": edges}


def search_quotes(
    store: Store,
    *,
    words: str | None = None,
    speaker: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int = 50,
    prefix: bool = False,
) -> list[dict[str, Any]]:
    """Quotes containing all ``words`` (full-text, accents and case ignored), by ``speaker``, in a date range.

    Newest first. ``prefix`` makes each word match as a prefix (``Gespräch`` finds ``Gespräche``).
    Answered from the quote index (:mod:`.fts`) alone: an inverted index for words, B-tree indexes for
    speaker and date. The speaker is named as the quote's article names them.
    """
    speakers: list[int] | None = None
    if speaker:
        speakers = [m["entity_id"] for m in find_entities(store, speaker)]
        if not speakers:
            return []
    since_d, until_d = _date(since), _until(until)
    if getattr(store, "index_problem", None):
        return _search_quotes_duckdb(store, words, speakers, since_d, until_d, limit, prefix)
    return store.quote_index.search(
        words or None, speakers=speakers, since=since_d.isoformat() if since_d else None,
        until=until_d.isoformat() if until_d else None, limit=limit, prefix=prefix,
    )


def _search_quotes_duckdb(store: Store, words: str | None, speakers: list[int] | None, since: dt.date | None,
                          until: dt.date | None, limit: int, prefix: bool) -> list[dict[str, Any]]:
    """Quote search straight from DuckDB, for a store whose quote index lags and could not be rebuilt
    (``Store.index_problem``): slower, and words match as case-insensitive substrings of the text
    (accents count), whole words unless ``prefix``, rather than through the full-text index."""
    from .db import QUOTE_INDEX_ROWS
    from .fts import _WORD

    clauses, params = ["TRUE"], []
    for word in _WORD.findall(words or ""):
        params.append(f"\\b{word}" + ("" if prefix else "\\b"))
        clauses.append(f"regexp_matches(q.text, ${len(params)}, 'i')")
    if speakers is not None:
        params.append(speakers)
        clauses.append(f"q.speaker_entity_id IN (SELECT unnest(${len(params)}))")
    for bound, op in ((since, ">="), (until, "<=")):
        if bound is not None:
            params.append(bound)
            clauses.append(f"q.published {op} ${len(params)}")
    sql = (f"SELECT * FROM ({QUOTE_INDEX_ROWS} WHERE {' AND '.join(clauses)}) "
           f"ORDER BY 4 DESC NULLS LAST, 1 DESC LIMIT {int(limit)}")
    names = ("quote_id", "text", "speaker_id", "published", "speaker", "kind", "via", "event_id", "title", "url",
             "source", "article_id")
    return [dict(zip(names, row, strict=True)) for row in store.con.execute(sql, params).fetchall()]


def summary(store: Store) -> dict[str, int]:
    """Row counts of the main tables."""
    tables = ("articles", "entities", "mentions", "events", "event_sources", "conflicts", "quotes", "times")
    return {t: int(store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}  # type: ignore[index]
