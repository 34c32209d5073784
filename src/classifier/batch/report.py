"""``paradip report``: what a classified archive holds, as tables and a self-contained HTML page.

The report reads the output of ``paradip batch`` as a stream and keeps only
counters, so it works on archives of any size. The HTML page has its charts
as inline SVG: no script, no network, one file to mail or archive.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from classifier.data.schema import LABELS
from classifier.io.readers import read_rows

__all__ = ["ArchiveReport", "render_html", "summarise_archive"]

COLOURS: Final = {
    "complementary": "#2b8a3e",
    "parallel": "#1c7ed6",
    "constituent": "#c92a2a",
    "none": "#adb5bd",
}
UNDATED: Final = "undated"


@dataclass
class ArchiveReport:
    """Counters over a classified archive."""

    path: Path
    items: int = 0
    uncertain: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    by_lang: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_month: Counter[tuple[str, str]] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    entity_labels: Counter[tuple[str, str]] = field(default_factory=Counter)
    skipped: int = 0
    date_field: str | None = None

    def langs(self) -> list[str]:
        """Languages seen, sorted."""
        return sorted({lang for _, lang in self.by_lang})

    def months(self) -> list[str]:
        """Months seen, in order, undated last."""
        months = sorted({m for m, _ in self.by_month if m != UNDATED})
        return months + ([UNDATED] if any(m == UNDATED for m, _ in self.by_month) else [])


def _month(value: Any) -> str:
    """``YYYY-MM`` of a date, datetime or ISO-like string; ``undated`` otherwise."""
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, str) and len(value) >= 7:
        try:
            parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            head = value.strip()[:7]
            if len(head) == 7 and head[4] in "-/" and head[:4].isdigit() and head[5:].isdigit():
                return f"{head[:4]}-{head[5:]}"
            return UNDATED
        return f"{parsed.year:04d}-{parsed.month:02d}"
    return UNDATED


def summarise_archive(
    path: Path,
    *,
    date_field: str | None = None,
    entity_field: str = "entity",
    fmt: str | None = None,
) -> ArchiveReport:
    """Count labels, languages, months and entities of a classified archive.

    Raises
    ------
    ValueError
        When the file holds no classified record (no ``label`` field).
    """
    report = ArchiveReport(path=path, date_field=date_field)
    for row in read_rows(path, fmt):
        label = row.get("label")
        if label not in LABELS:
            report.skipped += 1
            continue
        lang = str(row.get("lang") or "und")
        report.items += 1
        report.labels[label] += 1
        report.by_lang[(label, lang)] += 1
        if str(row.get("uncertain")).lower() in ("true", "1"):
            report.uncertain += 1
        if date_field:
            report.by_month[(_month(row.get(date_field)), label)] += 1
        entity = row.get(entity_field)
        if isinstance(entity, str) and entity.strip():
            report.entities[entity.strip()] += 1
            report.entity_labels[(entity.strip(), label)] += 1
    if report.items == 0:
        raise ValueError(
            f"{path} holds no classified record (no 'label' field with one of {list(LABELS)}); "
            "give it the output of 'paradip batch'"
        )
    return report


def _stacked_bars(title: str, groups: list[str], counts: dict[str, Counter[str]]) -> str:
    """An inline SVG of one 100 % stacked bar per group, coloured by label."""
    bar, gap, left, width = 22, 8, 110, 520
    height = len(groups) * (bar + gap) + 40
    parts = [
        f'<svg role="img" aria-label="{html.escape(title)}" width="{left + width + 20}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg" '
        'font-family="sans-serif" font-size="12">'
    ]
    for row, group in enumerate(groups):
        y = 10 + row * (bar + gap)
        total = sum(counts[group].values()) or 1
        parts.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{html.escape(group)}</text>'
        )
        x = float(left)
        for label in LABELS:
            share = counts[group][label] / total
            if share:
                w = share * width
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" '
                    f'fill="{COLOURS[label]}">'
                    f"<title>{label}: {counts[group][label]} ({share:.0%})</title></rect>"
                )
                x += w
        parts.append(f'<text x="{left + width + 4}" y="{y + 15}">{total}</text>')
    legend_y = height - 12
    for i, label in enumerate(LABELS):
        parts.append(
            f'<rect x="{left + i * 130}" y="{legend_y - 10}" width="12" height="12" '
            f'fill="{COLOURS[label]}"/>'
        )
        parts.append(f'<text x="{left + i * 130 + 16}" y="{legend_y}">{label}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(report: ArchiveReport) -> str:
    """The report as one self-contained HTML page."""
    langs = report.langs()
    per_lang = {
        lang: Counter({label: report.by_lang[(label, lang)] for label in LABELS}) for lang in langs
    }
    rows = "".join(
        f"<tr><td>{label}</td><td>{report.labels[label]:,}</td>"
        f"<td>{report.labels[label] / report.items:.1%}</td></tr>"
        for label in LABELS
    )
    skipped = f"; {report.skipped:,} rows without a label skipped" if report.skipped else ""
    sections = [
        f"<h1>paradip report: {html.escape(report.path.name)}</h1>",
        f"<p>{report.items:,} classified items; {report.uncertain:,} "
        f"({report.uncertain / report.items:.1%}) marked uncertain{skipped}.</p>",
        f"<table><tr><th>label</th><th>items</th><th>share</th></tr>{rows}</table>",
        "<h2>Label mix per language</h2>",
        _stacked_bars("label mix per language", langs, per_lang),
    ]
    if report.date_field:
        months = report.months()
        per_month = {
            m: Counter({label: report.by_month[(m, label)] for label in LABELS}) for m in months
        }
        sections += [
            f"<h2>Label mix over time ({html.escape(report.date_field)}, by month)</h2>",
            _stacked_bars("label mix over time", months, per_month),
        ]
    if report.entities:
        entity_rows = "".join(
            f"<tr><td>{html.escape(entity)}</td><td>{count:,}</td>"
            + "".join(f"<td>{report.entity_labels[(entity, label)]:,}</td>" for label in LABELS)
            + "</tr>"
            for entity, count in report.entities.most_common(20)
        )
        sections += [
            "<h2>Most frequent entities</h2>",
            "<table><tr><th>entity</th><th>items</th>"
            + "".join(f"<th>{label}</th>" for label in LABELS)
            + f"</tr>{entity_rows}</table>",
        ]
    style = (
        "body{font-family:sans-serif;max-width:900px;margin:2em auto;color:#212529}"
        "table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #dee2e6;padding:4px 10px;"
        "text-align:right}td:first-child,th:first-child{text-align:left}"
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>paradip report: {html.escape(report.path.name)}</title>"
        f"<style>{style}</style></head>"
        f"<body>{''.join(sections)}</body></html>\n"
    )
