"""bilingue: the pipeline behind a bilingual (French -> English) essay site.

Importable without MkDocs: the MkDocs hooks in ``hooks/`` are thin glue over this package.
"""

__version__ = "0.1.0"

SOURCE_LANGUAGE = "fr"
TARGET_LANGUAGE = "en"
