"""Interface texts, one module per page or area; merged by ``ui.i18n``."""
