"""What can go wrong with a translation service, sorted by what to do about it.

``TransientError``: try again later (429, 5xx, timeout, connection, empty or unreadable answer).
``PermanentError``: trying again will not help (bad key, quota spent, request refused).
``ProviderError``: the final word on one provider after retries, for the user.
``UntranslatedError``: some texts could not be translated by any provider; carries the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bilingue.errors import BilingueError
from bilingue.redact import redact

if TYPE_CHECKING:
    from bilingue.providers.outcome import Outcome


class TransientError(Exception):
    """A failure worth retrying. ``retry_after`` is the server's own delay, in seconds;
    ``unreachable`` says no answer came at all (connection refused or timed out), which calls for
    different advice than a service that answers with errors."""

    def __init__(
        self,
        provider: str,
        problem: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
        unreachable: bool = False,
    ):
        self.provider = provider
        self.problem = redact(problem)
        self.status = status
        self.retry_after = retry_after
        self.unreachable = unreachable
        super().__init__(f"{provider}: {self.problem}")

    @property
    def too_many_requests(self) -> bool:
        """True for HTTP 429: every worker of the service pauses."""
        return self.status == 429


class _Failure(Exception):
    """The facts of a failure that retrying will not fix: who, what, what to do, the HTTP status.

    ``disables_provider`` (no later request to this provider can succeed in this run) defaults to
    the class's ``DISABLES_BY_DEFAULT``.
    """

    DISABLES_BY_DEFAULT: bool

    def __init__(
        self,
        provider: str,
        problem: str,
        fix: str,
        *,
        status: int | None = None,
        disables_provider: bool | None = None,
    ):
        self.provider = provider
        self.problem = redact(problem)
        self.fix = redact(fix)
        self.status = status
        self.disables_provider = self.DISABLES_BY_DEFAULT if disables_provider is None else disables_provider
        super().__init__(self._message())

    def _message(self) -> str:
        return f"{self.provider}: {self.problem} ({self.fix})"


class PermanentError(_Failure):
    """A failure retrying cannot fix; ``fix`` tells the user what to do instead.

    ``disables_provider`` is False when only this request was refused (the next one may succeed).
    """

    DISABLES_BY_DEFAULT = True


class ProviderError(_Failure, BilingueError):
    """One provider gave up on a request: names the provider, the status and what to do.

    ``disables_provider`` is True when no later request to this provider can succeed in this run.
    """

    DISABLES_BY_DEFAULT = False

    @classmethod
    def from_permanent(cls, error: PermanentError) -> ProviderError:
        """The final error for a failure that retrying cannot fix (bad key, quota, bad request)."""
        return cls(
            error.provider,
            error.problem,
            error.fix,
            status=error.status,
            disables_provider=error.disables_provider,
        )

    def _message(self) -> str:
        said = not self.status or self.problem.startswith(f"HTTP {self.status}")  # not twice
        status_text = "" if said else f" (HTTP {self.status})"
        return f"translation provider {self.provider!r}{status_text}: {self.problem}. {self.fix}"


class UntranslatedError(BilingueError):
    """Some texts were not translated. Finished translations are kept in ``outcomes``.

    ``outcomes[i].translation`` is None exactly for the texts that failed; ``outcomes[i].error``
    says why. Translated ones are already in the cache, so running again only retries the rest.
    """

    def __init__(self, outcomes: Sequence[Outcome]):
        self.outcomes = list(outcomes)
        failed = [outcome for outcome in self.outcomes if outcome.translation is None]
        lines = [f"{len(failed)} of {len(self.outcomes)} text(s) left untranslated:"]
        by_reason: dict[str, list[str]] = {}
        for outcome in failed:  # one reason, said once, with the texts it stopped
            by_reason.setdefault(str(outcome.error), []).append(_preview(outcome.source))
        for reason, previews in by_reason.items():
            lines.append(f"  {reason}")
            lines += [f"    - {preview!r}" for preview in previews[:5]]
            if len(previews) > 5:
                lines.append(f"    - ... and {len(previews) - 5} more")
        lines.append(
            "The translated ones are saved; run the same command again later to finish, "
            "or add another provider to the chain (BILINGUE_CHAIN)."
        )
        super().__init__("\n".join(lines))


def _preview(text: str) -> str:
    preview = text.strip().replace("\n", " ")
    return preview[:60] + ("…" if len(preview) > 60 else "")
