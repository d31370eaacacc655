"""Turn regional news reports about coordination meetings into proposed records.

``ingest.extract`` is pure (no database): ``read_document`` turns uploaded bytes
(.txt in any common encoding, .html) into text and ``extract`` proposes the
meeting's fields, each with the snippet of the source that supports it. A human
confirms them in the editor before anything is stored.

One module per concern: ``documents`` (reading uploads), ``text`` (sentences,
header, dateline, outlets, teasers, snippets), ``dates`` (date mentions, as-of
dates) and ``meeting_date`` (the meeting's date, year, weekday), ``places``
(gazetteer mentions, English forms) and ``where`` (venue, regency, province,
level), ``organisations`` (organiser) and ``people`` (opener, on whose behalf,
chair), ``participants``, ``figures`` (each cooperative count and its role),
``tables`` (tables pasted as text) and ``cooperatives`` (the area's figures, or why none),
``kdmp`` (Koperasi Merah Putih sentences and their figures), ``pokja`` (task-force stage),
``topic`` (title, kind, sectors), ``result`` (the ``Extraction``, notices) and
``assemble`` (one pass, every rule). ``extract`` is the public face and the
command line.

Run ``python -m ingest.extract FILE [FILE ...] --json`` for JSON Lines.

The API is imported from ``ingest.extract`` directly (``from ingest.extract
import extract``); this package deliberately imports nothing so that
``python -m ingest.extract`` runs the module once, without a warning.
"""
