"""Command line: ``python -m data_access init | demo | stats``.

- ``init``: migrate the database (``DATABASE_URL`` or the embedded SQLite file)
  and load the gazetteer and real facts if it is empty.
- ``demo --scale small|national [--seed N] [--remove]``: add (or remove) a
  deterministic synthetic data set.
- ``stats``: row counts per table as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from data_access import demo, engine, stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data_access", description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="overrides DATABASE_URL")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init", help="migrate and load gazetteer + real facts")
    demo_cmd = sub.add_parser("demo", help="add deterministic synthetic demo data")
    demo_cmd.add_argument("--scale", choices=sorted(demo.SCALES), default="small")
    demo_cmd.add_argument("--seed", type=int, default=42)
    demo_cmd.add_argument("--remove", action="store_true", help="delete this demo data set instead")
    sub.add_parser("stats", help="row counts per table as JSON")
    args = parser.parse_args(argv)

    eng = engine.get_engine(args.database_url)
    if args.command == "init":
        engine.prepare_database(eng, with_demo=False)
        print(json.dumps(stats.table_counts(eng), indent=2))
    elif args.command == "demo":
        engine.prepare_database(eng, with_demo=False)
        started = time.perf_counter()
        if args.remove:
            removed = demo.remove(eng, args.scale, args.seed)
            print(json.dumps({"removed": removed}))
        else:
            counts = demo.generate(eng, args.scale, args.seed)
            counts["seconds"] = round(time.perf_counter() - started, 1)
            print(json.dumps(counts))
    elif args.command == "stats":
        engine.migrate(eng)
        print(json.dumps(stats.table_counts(eng), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
