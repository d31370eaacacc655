"""``python -m ingest FILE ...`` is the same command as ``python -m ingest.extract``."""

from ingest.extract import main

if __name__ == "__main__":
    raise SystemExit(main())
