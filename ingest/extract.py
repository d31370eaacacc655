"""Propose a meeting record from an Indonesian regional news report: the API and the command line.

Pure functions, no database: the gazetteer is read from its CSVs
(``data_access.gazetteer.alias_index``). Every proposed value carries the
snippet of the source that supports it (``evidence``) and anything doubtful is
said in ``warnings``; a value the text does not give stays ``None`` — the
extractor never fills a gap with a guess. The rules are written for the way
regional outlets report (datelines, "Kamis (25/8/2022)", "bertempat di ...",
"dibuka oleh ..."), not for particular articles.

    python -m ingest.extract FILE [FILE ...] [--json] [--published-on YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from ingest.assemble import extract
from ingest.documents import decode_text, html_to_text, read_document
from ingest.result import EVIDENCE_KEYS, CooperativeCounts, Extraction, OpenedBy

__all__ = ["EVIDENCE_KEYS", "CooperativeCounts", "Extraction", "OpenedBy", "decode_text", "extract",
           "html_to_text", "main", "read_document"]


def _kdmp_line(kdmp: dict | None) -> str:
    """ "formed 48, legal_entity 45; as of -; area 73.73" (stated keys only) or "-"."""
    if not kdmp:
        return "-"
    stated = ", ".join(f"{k} {kdmp[k]}" for k in ("villages", "formed", "notarial_deed", "legal_entity",
                                                   "operational") if kdmp[k] is not None)
    return f"{stated}; as of {kdmp['as_of'] or '-'}; area {kdmp['area'] or '-'}"


def _summary(d: dict) -> str:
    """A few readable lines per file for a person at a terminal."""
    opened, chaired, coops = d["opened_by"], d["chaired_by"], d["cooperatives"]
    behalf = f" (on behalf of {opened['on_behalf_of']})" if opened and opened["on_behalf_of"] else ""
    figures = "-"
    if coops:
        figures = (f"total {coops['total']}, active {coops['active']}, inactive {coops['inactive']}; "
                   f"as of {coops['as_of'] or '-'}; area {coops['area'] or '-'}"
                   + "".join(f"; {k} {v} derived" for k, v in coops["derived"].items()))
    lines = [
        f"== {d['file']}",
        f"  title:        {d['title'] or '-'}",
        f"  date:         {d['date'] or '-'}  (as written: {d['date_text'] or '-'}"
        f"{', year inferred' if d['date_inferred'] else ''}"
        f"{', weekday mismatch' if d['weekday_ok'] is False else ''})",
        f"  venue:        {d['venue'] or '-'}; city: {d['city'] or '-'}",
        f"  regency:      {d['regency_code'] or '-'} {d['regency_name'] or ''}".rstrip(),
        f"  province:     {d['province_code'] or '-'} {d['province_name'] or ''}".rstrip(),
        f"  organizer:    {d['organizer'] or '-'}",
        f"  opened by:    {(opened['name'] or '-') + ' / ' + (opened['role'] or '-') + behalf if opened else '-'}",
        f"  chaired by:   {(chaired['name'] or '-') + ' / ' + (chaired['role'] or '-') if chaired else '-'}",
        f"  participants: {d['participants'] if d['participants'] is not None else '-'}",
        f"  sectors:      {', '.join(d['sectors']) or '-'}",
        f"  cooperatives: {figures}",
        f"  KDMP:         {_kdmp_line(d['kdmp_figures'])}",
        f"  pokja stage:  {d['pokja_stage'] or '-'}",
        f"  regencies:    {', '.join(d['regencies_involved']) or '-'}",
        f"  kind/level:   {d['kind'] or '-'} / {d['level'] or '-'}",
    ]
    lines += [f"  ! {w}" for w in d["warnings"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.extract",
                                     description="Propose meeting records from news reports (.txt, .html).")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="one JSON object per file (JSON Lines)")
    parser.add_argument("--published-on", type=dt.date.fromisoformat, default=None,
                        help="publication date (YYYY-MM-DD) to anchor dates written without a year")
    args = parser.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    status = 0
    for name in args.files:
        try:
            text = read_document(Path(name).read_bytes(), name)
        except OSError as exc:
            print(f"{name}: {exc.strerror or exc}", file=sys.stderr)
            status = 2
            continue
        result = extract(text, published_on=args.published_on)
        result.file = name
        data = result.to_dict()
        print(json.dumps(data, ensure_ascii=False) if args.json else _summary(data), flush=True)
    return status


if __name__ == "__main__":
    raise SystemExit(main())

