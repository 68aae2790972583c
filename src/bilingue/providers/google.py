"""Google Translate's public mobile page, through deep-translator's ``GoogleTranslator``.

No key. Unofficial: no published quota, so stay polite (rate limit, concurrency). Defects of the
client worked around here: no timeout (requests go through ``bilingue.providers.http``), misleading
exceptions (statuses are classified before it sees them), and one instance mutates its parameters
on each call (a fresh instance per request, so workers never share one).
"""

from __future__ import annotations

from collections.abc import Sequence

import deep_translator.google
from deep_translator import GoogleTranslator
from deep_translator.exceptions import BaseError

from bilingue.providers import http
from bilingue.providers.backend import Limits
from bilingue.providers.failures import PermanentError, TransientError
from bilingue.providers.settings import ProviderSettings

http.install_shim(deep_translator.google)


class GoogleBackend:
    name = "google"

    def __init__(self, settings: ProviderSettings):
        self.url = settings.google_url
        self.limits = Limits(max_chars=settings.google_max_chars)
        self._session = http.new_session()
        self._timeout = (settings.connect_timeout, settings.timeout)
        self._deadline = settings.deadline

    def request(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        (text,) = texts
        translator = GoogleTranslator(source=source, target=target)
        translator._base_url = self.url  # the only way to set its endpoint
        with http.calling(http.HttpContext(self.name, self._session, self._timeout, deadline=self._deadline)):
            try:
                return [translator.translate(text)]
            except deep_translator.exceptions.TranslationNotFound:
                raise TransientError(
                    self.name, "the page has no translation element (div.result-container)"
                ) from None
            except deep_translator.exceptions.NotValidLength as error:
                raise PermanentError(
                    self.name,
                    "text longer than 4999 characters",
                    "report a bug: packing should have cut it",
                    disables_provider=False,
                ) from error
            except BaseError as error:
                raise TransientError(self.name, f"unusable answer ({type(error).__name__})") from None
