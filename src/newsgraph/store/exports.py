"""Getting data out of a store: records, tables, PLOVER-style events, networks.

- :func:`export_records`: JSON Lines of the stored records, exactly as ingested (one per article
  version in the store; replaced versions are gone);
- :func:`export_tables`: every table as Parquet (DuckDB writes it natively; no pyarrow) or CSV;
- :func:`export_plover`: one JSON object per global event in the field names of PLOVER event data
  (``event``, ``mode``, ``actor``, ``recipient``, ``date``, ``location``, ...) plus what a merged
  newsgraph event adds: status, every source and the recorded conflicts;
- :func:`write_graphml` / :func:`write_gexf`: the who-met-whom network of
  :func:`newsgraph.store.queries.network`, written directly (no networkx), with one count attribute
  per event type.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from ..record import Record
from .db import Store

#: the tables :func:`export_tables` writes
TABLES = ("articles", "entities", "entity_aliases", "article_entities", "mentions", "events", "event_participants",
          "event_sources", "conflicts", "quotes", "times", "ingest_log")

#: PLOVER event category and mode for newsgraph event types without a PLOVER code from the pipeline
PLOVER_OF_TYPE: dict[str, tuple[str, str | None]] = {
    "meeting": ("CONSULT", "meet"),
    "talks": ("CONSULT", "meet"),
    "negotiation": ("CONSULT", "meet"),
    "summit": ("CONSULT", "meet"),
    "visit": ("CONSULT", "visit"),
    "phone_call": ("CONSULT", "phone"),
    "video_call": ("CONSULT", "phone"),
    "agreement": ("AGREE", None),
    "statement": ("OTHER", None),
}


#: Record's field order, so that exported records read like ``newsgraph extract`` output
_FIELD_ORDER = tuple(Record.model_fields)


def iter_records(store: Store, *, chunk: int = 1000) -> Iterator[dict[str, Any]]:
    """Stored records as dicts (Record's JSON shape), in the order they were stored."""
    cursor = store.con.execute("SELECT record_json, text FROM articles ORDER BY article_id")
    while rows := cursor.fetchmany(chunk):
        for record_json, text in rows:
            record = json.loads(record_json)
            record["text"] = text
            yield {key: record[key] for key in _FIELD_ORDER if key in record} | record


def _write_jsonl(items: Iterator[dict[str, Any]], path: str | Path) -> int:
    """Write dicts as JSON Lines; returns how many."""
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
            n += 1
    return n


def export_records(store: Store, path: str | Path) -> int:
    """Write the stored records as JSON Lines; returns how many."""
    return _write_jsonl(iter_records(store), path)


def export_tables(store: Store, directory: str | Path, *, fmt: str = "parquet") -> list[Path]:
    """Write each table to ``directory/<table>.<fmt>`` (``parquet`` or ``csv``); returns the files."""
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"unknown table format {fmt!r}; choose parquet or csv")
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        target = folder / f"{table}.{fmt}"
        options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
        path_literal = str(target).replace("'", "''")
        store.con.execute(f"COPY (SELECT * FROM {table}) TO '{path_literal}' ({options})")
        written.append(target)
    return written


def iter_plover(store: Store, *, chunk: int = 1000) -> Iterator[dict[str, Any]]:
    """Global events as PLOVER-style dicts, in event id order."""
    cursor = store.con.execute("""
        SELECT e.event_id, e.type, e.status, e.date_value, e.date_precision, e.first_reported, e.last_reported,
               e.plover, e.cameo, e.confidence, pl.name AS place, pl.kb_id AS place_kb,
               (SELECT list({'name': en.name, 'type': en.type, 'kb_id': en.kb_id} ORDER BY en.entity_id)
                  FROM event_participants p JOIN entities en USING (entity_id) WHERE p.event_id = e.event_id) AS actors,
               (SELECT list({'url': a.url, 'title': a.title, 'source': a.source, 'published': a.published,
                             'type': s.type, 'status': s.status, 'date': s.date_value}
                            ORDER BY s.published NULLS FIRST, s.article_id)
                  FROM event_sources s JOIN articles a USING (article_id) WHERE s.event_id = e.event_id) AS sources,
               (SELECT list({'field': c.field, 'value': c.value, 'article_ids': c.article_ids})
                  FROM conflicts c WHERE c.event_id = e.event_id) AS conflicts
        FROM events e LEFT JOIN entities pl ON pl.entity_id = e.place_entity_id
        ORDER BY e.event_id
    """)
    columns = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(chunk):
        for row in rows:
            ev = dict(zip(columns, row, strict=True))
            category, mode = PLOVER_OF_TYPE.get(ev["type"], ("OTHER", None))
            actors = ev["actors"] or []
            yield {
                "id": f"newsgraph-{ev['event_id']}",
                "date": ev["date_value"] or (ev["first_reported"].isoformat() if ev["first_reported"] else None),
                "date_resolution": ev["date_precision"] or "reported",
                "event": ev["plover"] or category,
                "mode": mode,
                "context": [],
                "actor": actors[0]["name"] if actors else None,
                "recipient": "; ".join(a["name"] for a in actors[1:]) or None,
                "actors": actors,
                "location": {"name": ev["place"], "kb_id": ev["place_kb"]} if ev["place"] else None,
                "status": ev["status"],
                "newsgraph_type": ev["type"],
                "cameo": ev["cameo"],
                "confidence": ev["confidence"],
                "sources": [
                    {**s, "published": s["published"].isoformat() if s["published"] else None}
                    for s in (ev["sources"] or [])
                ],
                "conflicts": ev["conflicts"] or [],
            }


def export_plover(store: Store, path: str | Path) -> int:
    """Write PLOVER-style events as JSON Lines; returns how many."""
    return _write_jsonl(iter_plover(store), path)


def _edge_types(graph: dict[str, Any]) -> list[str]:
    return sorted({_safe(t) for edge in graph["edges"] for t in edge["by_type"]})


def _safe(event_type: str) -> str:
    """An event type as part of an XML attribute id."""
    return re.sub(r"\W", "_", event_type)


def write_graphml(graph: dict[str, Any], path: str | Path) -> None:
    """The network as GraphML: node name/type, edge ``events`` total and ``count_<type>`` per event type."""
    types = _edge_types(graph)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
        '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
        '  <key id="events" for="edge" attr.name="events" attr.type="int"/>',
    ]
    lines += [f'  <key id="count_{t}" for="edge" attr.name="count_{t}" attr.type="int"/>' for t in types]
    lines.append('  <graph id="who_met_whom" edgedefault="undirected">')
    for node in graph["nodes"]:
        lines.append(f'    <node id="n{node["id"]}"><data key="name">{escape(str(node["name"]))}</data>'
                     f'<data key="type">{escape(str(node["type"]))}</data></node>')
    for i, edge in enumerate(graph["edges"]):
        data = f'<data key="events">{edge["events"]}</data>' + "".join(
            f'<data key="count_{_safe(t)}">{n}</data>' for t, n in sorted(edge["by_type"].items()))
        lines.append(f'    <edge id="e{i}" source="n{edge["source"]}" target="n{edge["target"]}">{data}</edge>')
    lines += ["  </graph>", "</graphml>"]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_gexf(graph: dict[str, Any], path: str | Path) -> None:
    """The network as GEXF 1.3 (Gephi): edge weight = number of events, per-type counts as attributes."""
    types = _edge_types(graph)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
        '  <graph defaultedgetype="undirected">',
        '    <attributes class="node"><attribute id="type" title="type" type="string"/></attributes>',
        '    <attributes class="edge">',
    ]
    lines += [f'      <attribute id="count_{t}" title="count_{t}" type="integer"/>' for t in types]
    lines += ["    </attributes>", "    <nodes>"]
    for node in graph["nodes"]:
        lines.append(f'      <node id="n{node["id"]}" label={quoteattr(str(node["name"]))}><attvalues>'
                     f'<attvalue for="type" value={quoteattr(str(node["type"]))}/></attvalues></node>')
    lines += ["    </nodes>", "    <edges>"]
    for i, edge in enumerate(graph["edges"]):
        values = "".join(f'<attvalue for="count_{_safe(t)}" value="{n}"/>' for t, n in sorted(edge["by_type"].items()))
        lines.append(f'      <edge id="e{i}" source="n{edge["source"]}" target="n{edge["target"]}" '
                     f'weight="{edge["events"]}"><attvalues>{values}</attvalues></edge>')
    lines += ["    </edges>", "  </graph>", "</gexf>"]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
