"""DeepL API v2, through the official ``deepl`` client.

deep-translator is not used for DeepL: it sends the key as an ``auth_key`` query parameter, an
authentication style DeepL retired, and it sends one text per request. The official client sends
the ``Authorization: DeepL-Auth-Key`` header and up to 50 texts per request; its own retry loop is
switched off (``max_network_retries = 0``) so that retries, Retry-After and the retry budget are
handled in one place (``resilience``). Its timeout is a module-wide setting of that client.
"""

from __future__ import annotations

from collections.abc import Sequence

import deepl

from bilingue.providers import http
from bilingue.providers.backend import Limits
from bilingue.providers.failures import PermanentError, TransientError
from bilingue.providers.settings import ProviderSettings


class DeepLBackend:
    name = "deepl"

    def __init__(self, settings: ProviderSettings):
        self.url = settings.deepl_url or None  # None: chosen by the client from the key
        self._key = settings.secret("deepl")
        self._english = settings.deepl_english
        # 50 texts per request; the body may not exceed 128 KiB
        self.limits = Limits(max_chars=settings.deepl_max_chars, max_items=50)
        deepl.http_client.max_network_retries = 0
        deepl.http_client.min_connection_timeout = settings.timeout
        self._deadline = settings.deadline
        self._translator: deepl.Translator | None = None

    def request(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        translator = self._client()
        target_code = self._english if target.lower() == "en" else target.upper()
        try:
            results = translator.translate_text(
                list(texts), source_lang=source.upper(), target_lang=target_code
            )
        except deepl.TooManyRequestsException:
            raise TransientError(self.name, "HTTP 429 Too Many Requests", status=429) from None
        except deepl.ConnectionException as error:
            raise TransientError(
                self.name, f"connection failed or timed out ({error})", unreachable=True
            ) from None
        except deepl.AuthorizationException:
            raise PermanentError(
                self.name, "the service refused the key", "check DEEPL_AUTH_KEY", status=403
            ) from None
        except deepl.QuotaExceededException:
            raise PermanentError(
                self.name,
                "character quota used up",
                "wait for the monthly quota to renew or use another provider",
                status=456,
            ) from None
        except deepl.DeepLException as error:
            status = getattr(error, "http_status_code", None)
            if status is None or status >= 500:
                raise TransientError(self.name, f"service error ({error})", status=status) from None
            raise PermanentError(
                self.name,
                f"request rejected ({error})",
                "check the DeepL settings",
                status=status,
                disables_provider=False,
            ) from None
        except (ValueError, KeyError, TypeError, AttributeError):
            raise TransientError(self.name, "unreadable answer (not the expected JSON)") from None
        if len(results) != len(texts):
            raise TransientError(self.name, f"{len(results)} answers for {len(texts)} texts")
        return [result.text for result in results]

    def _client(self) -> deepl.Translator:
        if not self._key:
            raise PermanentError(self.name, "no API key", "set the environment variable DEEPL_AUTH_KEY")
        if self._translator is None:
            self._translator = deepl.Translator(self._key, server_url=self.url, send_platform_info=False)
            # the client's timeout is per read: its session is swapped for one with a deadline for
            # the whole answer and no redirects (the attribute is the client's own, checked by a test)
            self._translator._client._session = http.DeadlineSession(self._deadline)
        return self._translator
