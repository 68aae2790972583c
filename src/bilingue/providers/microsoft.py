"""Microsoft Azure AI Translator (v3), with its REST API called directly.

deep-translator's ``MicrosoftTranslator`` is not used: its constructor downloads the language list
from a hard-coded public URL (ignoring any base URL, with no timeout), it sends one text per
request although the API takes up to 1000, and it crashes on a network error (``response`` is None).
The API is one small JSON call: texts in, translations out, in order.
"""

from __future__ import annotations

from collections.abc import Sequence

from bilingue.providers import http
from bilingue.providers.backend import Limits
from bilingue.providers.failures import PermanentError, TransientError
from bilingue.providers.settings import ProviderSettings


class MicrosoftBackend:
    name = "microsoft"

    def __init__(self, settings: ProviderSettings):
        self.url = settings.microsoft_url.rstrip("/") + "/translate"
        self._key = settings.secret("microsoft")
        self._region = settings.microsoft_region
        # 1000 texts and 50,000 characters per request are the service's limits
        self.limits = Limits(max_chars=settings.microsoft_max_chars, max_items=1000)
        self._session = http.new_session()
        self._timeout = (settings.connect_timeout, settings.timeout)
        self._deadline = settings.deadline

    def request(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        if not self._key:
            raise PermanentError(
                self.name, "no API key", "set the environment variable MICROSOFT_TRANSLATOR_KEY"
            )
        headers = {"Ocp-Apim-Subscription-Key": self._key}
        if self._region:
            headers["Ocp-Apim-Subscription-Region"] = self._region
        context = http.HttpContext(self.name, self._session, self._timeout, deadline=self._deadline)
        response = http.send(
            context,
            "POST",
            self.url,
            params={"api-version": "3.0", "from": source, "to": target},
            headers=headers,
            json=[{"Text": text} for text in texts],
        )
        try:
            items = response.json()
            answers = [item["translations"][0]["text"] for item in items]
        except (ValueError, KeyError, IndexError, TypeError):
            raise TransientError(self.name, "unreadable answer (not the expected JSON)") from None
        if len(answers) != len(texts):
            raise TransientError(self.name, f"{len(answers)} answers for {len(texts)} texts")
        return answers
