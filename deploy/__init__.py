"""Running Pantau Rakor as several server processes behind nginx (see ``deploy/README.md``)."""
