"""``python -m data_access pack …`` (a briefing snapshot's PDF and XLSX) and ``digest send | subscribe |
list`` (the weekly digests)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from data_access.cli_accounts import _actor


def _pack(args, eng) -> int:
    from briefing import pack, permalink
    from data_access import filters as flt
    from data_access import regions, snapshots

    if args.snapshot is not None:
        snapshot = snapshots.load(args.snapshot, eng)
        if snapshot is None:
            print(f"snapshot {args.snapshot}: tidak ada / not found", file=sys.stderr)
            return 2
        made = pack.files(snapshot, args.lang)
    else:
        params = {name: value for name, value in (("prov", args.prov), ("kab", args.kab), ("dari", args.dari),
                                                  ("sampai", args.sampai), ("n", args.n)) if value}
        if args.nyata:
            params["nyata"] = "1"
        filters, notes = flt.parse(params, known_provinces=set(regions.provinces(eng)["code"]),
                                   known_regencies=set(regions.regencies(eng)["code"]))
        if notes:
            print("\n".join(notes), file=sys.stderr)
            return 2
        made = pack.make(filters, page=args.halaman, lang=args.lang, user=_actor(), engine=eng)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for kind in ("pdf", "xlsx"):
        path = out / f"bahan-rapat-{made.snapshot.id}-{args.lang}.{kind}"
        path.write_bytes(getattr(made, kind))
        written[kind] = str(path)
    print(json.dumps({"snapshot": made.snapshot.id, "figures_hash": made.snapshot.figures_hash,
                      "data_version": made.snapshot.data_version, **written,
                      "permalink": permalink(made.snapshot)}, ensure_ascii=False))
    return 0


def _digest(args, eng) -> int:
    import datetime as dt

    from data_access import digest

    if args.digest_command == "subscribe":
        try:
            made = digest.subscribe(args.user, email=args.email, webhook_url=args.webhook,
                                    provinces=tuple(p for p in (args.prov or "").split(",") if p),
                                    sections=tuple(s.strip() for s in (args.bagian or "").split(",") if s.strip()),
                                    weekday=args.day,
                                    hour=args.hour, lang=args.lang, send_no_change=not args.quiet_when_unchanged,
                                    engine=eng)
        except digest.DigestError as error:
            print(str(error), file=sys.stderr)
            return 2
        print(json.dumps({"subscription": made}))
        return 0
    if args.digest_command == "list":
        print(digest.subscriptions(engine=eng).to_string(index=False))
        return 0
    from briefing import digest_send

    now = dt.datetime.fromisoformat(args.now) if args.now else None
    if now is not None and now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    results = digest_send.run(now, eng)
    print(json.dumps(results, ensure_ascii=False, indent=2))
    return 1 if any(r["status"] == "failed" for r in results) else 0
