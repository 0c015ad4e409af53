"""Evaluation -> Markdown report (and a short plain-text summary for the terminal)."""
from __future__ import annotations

from collections import Counter

from dateline.evaluate.run import Evaluation
from dateline.evaluate.score import MISSED, SPURIOUS, EventScores, Mismatch, Ratio, TimexScores

FIELD_LABELS = {
    "type": "PLOVER type (matched events)",
    "mode": "PLOVER mode (where gold gives one)",
    "cameo_root": "CAMEO root agreement (where gold gives CAMEO)",
    "actor_country": "actor country codes",
    "recipient_country": "recipient country codes",
    "dyad_countries": "dyad countries (either side)",
    "date": "date, exact at gold granularity",
    "place_country": "place country",
    "context": "context overlap (where gold gives contexts)",
}


def _num(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def _cell(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summary_rows(events: EventScores | None, timexes: TimexScores | None) -> list[tuple[str, str, str]]:
    """(metric, value, base) rows; the base says what the figure is computed over."""
    rows: list[tuple[str, str, str]] = []
    if events is not None:
        d = events.detection
        rows += [
            ("event detection precision", _num(d.precision), f"{d.matched_system} of {d.matched_system + d.false_alarms} system events"),
            ("event detection recall", _num(d.recall), f"{d.matched_gold} of {d.matched_gold + d.missed} gold events"),
            ("event detection F1", _num(d.f1), ""),
        ]
        for name, ratio in events.fields.items():
            if ratio.total:
                rows.append((FIELD_LABELS[name], _num(ratio.value), f"{ratio.hits}/{ratio.total} matched events"))
            if name == "type" and ratio.total:
                every = events.type_all_gold
                rows.append(("PLOVER type, all gold events (a miss is wrong)", _num(every.value),
                             f"{every.hits}/{every.total} gold events"))
        if events.facts.total:
            rows.append(("facts found", _num(events.facts.value), f"{events.facts.hits}/{events.facts.total} gold facts"))
    if timexes is not None and timexes.all.total:
        for kind in sorted(timexes.by_type, key=lambda k: (k != "DATE", k)):
            r = timexes.by_type[kind]
            rows.append((f"TIMEX3 value accuracy, {kind}", _num(r.value), f"{r.hits}/{r.total} expressions"))
        rows.append(("TIMEX3 value accuracy, all types", _num(timexes.all.value), f"{timexes.all.hits}/{timexes.all.total} expressions"))
    return rows


def metric(evaluation: Evaluation, name: str) -> float | None:
    """One headline figure by name: precision, recall, f1, a field name, facts, timex_DATE, timex_all."""
    ev, tx = evaluation.events, evaluation.timexes
    if name in ("precision", "recall", "f1"):
        return getattr(ev.detection, name) if ev else None
    if ev and name in ev.fields:
        return ev.fields[name].value
    if name == "type_all_gold":
        return ev.type_all_gold.value if ev else None
    if name == "facts":
        return ev.facts.value if ev else None
    if name.startswith("timex_") and tx:
        kind = name[len("timex_"):]
        return tx.all.value if kind == "all" else tx.by_type.get(kind, Ratio()).value
    return None


def top_confusions(events: EventScores, n: int = 8) -> list[tuple[str, str, int]]:
    pairs = [(g, s, c) for (g, s), c in events.confusion.items() if g != s and MISSED not in (g, s) and SPURIOUS not in (g, s)]
    return sorted(pairs, key=lambda x: (-x[2], x[0], x[1]))[:n]


def most_missed(events: EventScores, n: int = 6) -> list[tuple[str, int, int]]:
    """(gold type, missed, total gold of that type), most misses first."""
    totals: Counter = Counter()
    missed: Counter = Counter()
    for (g, s), c in events.confusion.items():
        if g == SPURIOUS:
            continue
        totals[g] += c
        if s == MISSED:
            missed[g] += c
    return sorted(((t, missed[t], totals[t]) for t in missed), key=lambda x: (-x[1], x[0]))[:n]


def most_false_alarms(events: EventScores, n: int = 6) -> list[tuple[str, int]]:
    alarms = Counter({s: c for (g, s), c in events.confusion.items() if g == SPURIOUS})
    return sorted(alarms.items(), key=lambda x: (-x[1], x[0]))[:n]


def confusion_table(events: EventScores) -> list[str]:
    gold_types = sorted({g for g, _ in events.confusion if g != SPURIOUS})
    system_types = sorted({s for _, s in events.confusion if s != MISSED})
    if not gold_types and not system_types:
        return ["(no events)"]
    columns = system_types + [MISSED]
    lines = ["| gold \\ system | " + " | ".join(columns) + " |", "|---|" + "---|" * len(columns)]
    for g in gold_types + ([SPURIOUS] if any(k[0] == SPURIOUS for k in events.confusion) else []):
        cells = [str(events.confusion.get((g, s), "")) for s in columns]
        lines.append(f"| {g} | " + " | ".join(cells) + " |")
    return lines


def group_table(events: EventScores, by: str) -> list[str]:
    lines = [f"| {by} | gold events | recall | precision | type | actor | recipient | date | place |",
             "|---|---|---|---|---|---|---|---|---|"]
    for key in sorted(events.groups):
        g = events.groups[key]
        f = g.fields
        lines.append(f"| {key} | {g.gold_events} | {_num(g.detection.recall)} | {_num(g.detection.precision)} | "
                     f"{_num(f['type'].value)} | {_num(f['actor_country'].value)} | {_num(f['recipient_country'].value)} | "
                     f"{_num(f['date'].value)} | {_num(f['place_country'].value)} |")
    return lines


def mismatch_table(mismatches: list[Mismatch], limit: int | None) -> list[str]:
    shown = mismatches if limit is None else mismatches[:limit]
    lines = ["| record | what | expected | found | sentence |", "|---|---|---|---|---|"]
    for m in shown:
        what = m.kind if m.kind != "field" else m.field
        lines.append(f"| {_cell(m.gold_id or m.record_id, 40)} | {what} | {_cell(m.expected, 80)} | "
                     f"{_cell(m.found, 120)} | {_cell(m.sentence)} |")
    if limit is not None and len(mismatches) > limit:
        lines.append(f"\n… and {len(mismatches) - limit} more (run `dateline evaluate` with `--mismatches 0` for all).")
    return lines


def timex_table(timexes: TimexScores, limit: int | None) -> list[str]:
    wrong = timexes.wrong
    shown = wrong if limit is None else wrong[:limit]
    lines = ["| document | words | type | gold value | system value |", "|---|---|---|---|---|"]
    for item in shown:
        lines.append(f"| {_cell(item.record_id, 40)} | {_cell(item.timex.text, 60)} | {item.timex.type} | "
                     f"{item.timex.value} | {item.found or 'none'} |")
    if limit is not None and len(wrong) > limit:
        lines.append(f"\n… and {len(wrong) - limit} more.")
    return lines


def weak_spots(evaluation: Evaluation) -> list[str]:
    """Plain sentences naming what goes wrong most often, for the people fixing the extractors."""
    spots: list[str] = []
    ev = evaluation.events
    if ev is not None:
        conf = top_confusions(ev, 5)
        if conf and conf[0][2] > 1:
            spots.append("most frequent type confusions (gold → system): "
                         + ", ".join(f"{g} → {s} ({c})" for g, s, c in conf))
        elif conf:
            spots.append(f"type confusions are scattered ({len(top_confusions(ev, 10_000))} pairs, none more than once), "
                         "e.g. " + ", ".join(f"{g} → {s}" for g, s, _ in conf))
        missed = most_missed(ev, 5)
        if missed:
            spots.append("gold types most often missed: " + ", ".join(f"{t} ({m} of {n})" for t, m, n in missed))
        misses = [m for m in ev.mismatches if m.kind == "missed"]
        silent = sum(1 for m in misses if m.found.startswith("no event"))
        if silent:
            spots.append(f"{silent} of {len(misses)} misses have no system event at all in the sentence (trigger not recognised)")
        stateless = sum(1 for m in ev.mismatches if m.field in ("actor_country", "recipient_country")
                        and "NSA" in m.found.split("+") and "NSA" not in m.expected.split("+"))
        empty = sum(1 for m in ev.mismatches if m.field == "recipient_country" and m.found == "-")
        if stateless or empty:
            spots.append(f"actor codes: {stateless} sides resolved to an actor without a country where the gold has one; "
                         f"{empty} gold recipients with no system recipient")
        alarms = most_false_alarms(ev, 5)
        if alarms:
            spots.append("false alarms by system type: " + ", ".join(f"{t} ({c})" for t, c in alarms))
        fields = [(name, r) for name, r in ev.fields.items() if r.total and name != "type" and r.hits < r.total]
        fields.sort(key=lambda x: x[1].value)
        if fields:
            spots.append("weakest fields on matched events: "
                         + ", ".join(f"{FIELD_LABELS[n]} {r}" for n, r in fields[:3]))
    tx = evaluation.timexes
    if tx is not None and tx.wrong:
        kinds = Counter(i.timex.type for i in tx.wrong)
        none = sum(1 for i in tx.wrong if i.found is None)
        spots.append(f"time values wrong: {len(tx.wrong)} ({', '.join(f'{k} {c}' for k, c in kinds.most_common())}); "
                     f"{none} of them not recognised at all")
    return spots


def render_markdown(evaluation: Evaluation, mismatch_limit: int | None = 50, level: int = 1,
                    include_confusion: bool = True) -> str:
    h = "#" * level
    ev, tx = evaluation.events, evaluation.timexes
    out = [f"{h} Evaluation: {evaluation.name}", ""]
    counts = [f"{len(evaluation.records)} gold records"]
    if ev is not None:
        counts.append(f"{ev.gold_events} gold events, {ev.system_events} system events")
    if tx is not None:
        counts.append(f"{tx.all.total} time expressions")
    out += [f"Gold: `{evaluation.gold_path}` · " + " · ".join(counts) + f" · {evaluation.seconds:.1f} s", ""]
    out += ["| metric | value | over |", "|---|---|---|"]
    out += [f"| {m} | {v} | {b} |" for m, v, b in summary_rows(ev, tx)]
    spots = weak_spots(evaluation)
    if spots:
        out += ["", f"{h}# Weak spots", ""] + [f"- {s}" for s in spots]
    if ev is not None and evaluation.by and ev.groups:
        out += ["", f"{h}# By {evaluation.by}", ""] + group_table(ev, evaluation.by)
    if ev is not None and include_confusion and ev.confusion:
        out += ["", f"{h}# Type confusion (matched events; {MISSED}: gold not found; {SPURIOUS}: false alarms)", ""]
        out += confusion_table(ev)
    if ev is not None and ev.mismatches:
        out += ["", f"{h}# Mismatches", ""] + mismatch_table(ev.mismatches, mismatch_limit)
    if tx is not None and tx.wrong:
        out += ["", f"{h}# Wrong time values", ""] + timex_table(tx, mismatch_limit)
    if evaluation.notes:
        out += ["", f"{h}# Gold conversion notes", ""] + [f"- {n}" for n in evaluation.notes]
    return "\n".join(out) + "\n"


def render_text(evaluation: Evaluation) -> str:
    rows = summary_rows(evaluation.events, evaluation.timexes)
    width = max((len(m) for m, _, _ in rows), default=10)
    lines = [f"{evaluation.name}: {len(evaluation.records)} gold records, {evaluation.seconds:.1f} s"]
    lines += [f"  {m.ljust(width)}  {v:>5}  {b}" for m, v, b in rows]
    spots = weak_spots(evaluation)
    if spots:
        lines.append("weak spots:")
        lines += [f"  - {s}" for s in spots]
    return "\n".join(lines)
