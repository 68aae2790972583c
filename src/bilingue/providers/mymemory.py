"""MyMemory (translated.net), through deep-translator's ``MyMemoryTranslator``.

No key; an e-mail address (``MYMEMORY_EMAIL``) raises the anonymous daily quota. Requests are
limited to 500 bytes of UTF-8 text. MyMemory reports a spent quota with HTTP 200 and a warning
*as the translated text*: this backend reads ``responseStatus`` and that warning and stops using
the provider for the run instead of publishing the warning as a translation.
"""

from __future__ import annotations

from collections.abc import Sequence

import deep_translator.mymemory
from deep_translator import MyMemoryTranslator
from deep_translator.exceptions import BaseError

from bilingue.providers import http
from bilingue.providers.backend import Limits
from bilingue.providers.failures import PermanentError, TransientError
from bilingue.providers.packing import measure_utf8
from bilingue.providers.settings import ProviderSettings

http.install_shim(deep_translator.mymemory)


class MyMemoryBackend:
    name = "mymemory"

    def __init__(self, settings: ProviderSettings):
        self.url = settings.mymemory_url
        self.email = settings.mymemory_email
        self.limits = Limits(max_chars=settings.mymemory_max_chars, measure=measure_utf8)
        self._session = http.new_session()
        self._timeout = (settings.connect_timeout, settings.timeout)
        self._deadline = settings.deadline

    def request(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        (text,) = texts
        # its constructor only knows language names; the API takes plain ISO codes
        translator = MyMemoryTranslator(source="french", target="english", email=self.email)
        translator.source, translator.target = source, target
        translator._base_url = self.url
        context = http.HttpContext(self.name, self._session, self._timeout, deadline=self._deadline)
        with http.calling(context):
            try:
                answer = translator.translate(text)
            except BaseError as error:
                raise TransientError(self.name, f"unusable answer ({type(error).__name__})") from None
            except (ValueError, AttributeError, KeyError, TypeError, StopIteration):
                raise TransientError(self.name, "unreadable answer (not the expected JSON)") from None
        self._check_quota(context, answer)
        return [answer if isinstance(answer, str) else None]

    def _check_quota(self, context: http.HttpContext, answer: object) -> None:
        status = None
        if context.response is not None:
            try:
                status = int(context.response.json().get("responseStatus", 200))
            except (ValueError, TypeError, AttributeError):
                status = None
        warning = isinstance(answer, str) and answer.lstrip().upper().startswith("MYMEMORY WARNING")
        if warning or status in (403, 429):
            raise PermanentError(
                self.name,
                "daily free quota used up (MyMemory answered with a quota warning)",
                "set MYMEMORY_EMAIL to raise the quota, wait until tomorrow, or use another provider",
                status=status,
            )
        if status is not None and status >= 400:
            raise TransientError(
                self.name, f"responseStatus {status} in the answer", status=status if status >= 500 else None
            )
