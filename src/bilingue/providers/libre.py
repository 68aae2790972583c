"""LibreTranslate (usually self-hosted), through deep-translator's ``LibreTranslator``.

Workarounds: the client demands an API key even when the server needs none (it is given a
placeholder and then told there is no key, so no ``api_key`` parameter is sent), it has no
timeout, and it maps statuses through another service's table (both handled by ``http``).
"""

from __future__ import annotations

from collections.abc import Sequence

import deep_translator.libre
from deep_translator import LibreTranslator
from deep_translator.exceptions import BaseError

from bilingue.providers import http
from bilingue.providers.backend import Limits
from bilingue.providers.failures import TransientError
from bilingue.providers.settings import ProviderSettings

http.install_shim(deep_translator.libre)


class LibreBackend:
    name = "libre"

    def __init__(self, settings: ProviderSettings):
        self.url = settings.libre_url.rstrip("/") + "/"  # it appends "translate"
        self._key = settings.secret("libre")
        self.limits = Limits(max_chars=settings.libre_max_chars)
        self._session = http.new_session()
        self._timeout = (settings.connect_timeout, settings.timeout)
        self._deadline = settings.deadline

    def request(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        (text,) = texts
        translator = LibreTranslator(
            source=source, target=target, api_key=self._key or "no-key", custom_url=self.url
        )
        translator.api_key = self._key  # None: send no api_key at all
        with http.calling(http.HttpContext(self.name, self._session, self._timeout, deadline=self._deadline)):
            try:
                answer = translator.translate(text)
            except BaseError as error:
                raise TransientError(self.name, f"unusable answer ({type(error).__name__})") from None
            except (ValueError, KeyError, TypeError):
                raise TransientError(self.name, "unreadable answer (not the expected JSON)") from None
        return [answer if isinstance(answer, str) else None]
