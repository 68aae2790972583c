"""``--dry-run``: how many requests and characters a run would send, against free quotas.

``estimate(texts, chain)`` does what the chain would do before sending anything (drop texts
without letters, merge duplicates, skip cached ones, cut and pack for each provider) and counts.
The first provider of the chain is expected to do the work; each fallback's line says what it
would cost if it had to take over everything. Nothing is sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilingue.providers.chain import TranslationChain
from bilingue.providers.engine import payload_size, plan


@dataclass(frozen=True)
class Quota:
    characters: int | None  # None: no published figure
    period: str  # "day", "month" or ""
    note: str

    def describe(self) -> str:
        if self.characters is None:
            return self.note
        return f"{self.characters:,} characters per {self.period} ({self.note})"


@dataclass(frozen=True)
class ProviderEstimate:
    provider: str
    role: str  # "primary" or "fallback"
    requests: int
    characters: int
    quota: Quota

    @property
    def within_quota(self) -> bool | None:
        if self.quota.characters is None:
            return None
        return self.characters <= self.quota.characters


@dataclass(frozen=True)
class Estimate:
    texts: int  # texts asked for
    distinct: int  # after merging identical texts
    cached: int  # distinct texts already in the cache
    unchanged: int  # distinct texts without letters, never sent
    to_send: int  # distinct texts that need a provider
    providers: list[ProviderEstimate]

    def lines(self) -> list[str]:
        """Human-readable summary, one line each, for the command line."""
        out = [
            f"{self.texts} text(s), {self.distinct} distinct, {self.cached} cached, "
            f"{self.unchanged} without letters, {self.to_send} to translate"
        ]
        for item in self.providers:
            verdict = {True: "fits the free quota", False: "EXCEEDS the free quota", None: ""}[
                item.within_quota
            ]
            out.append(
                f"  {item.provider} ({item.role}): {item.requests} request(s), "
                f"{item.characters:,} characters; quota: {item.quota.describe()}"
                + (f" -> {verdict}" if verdict else "")
            )
        return out


def estimate(
    texts: Sequence[str], chain: TranslationChain, source: str = "fr", target: str = "en"
) -> Estimate:
    cache = chain.cache_for(source, target)
    distinct = list(dict.fromkeys(text.strip() for text in texts))
    unchanged = [text for text in distinct if not any(char.isalpha() for char in text)]
    cached = [
        text
        for text in distinct
        if text not in unchanged and cache is not None and cache.get(text) is not None
    ]
    pending = [text for text in distinct if text not in unchanged and text not in cached]
    rows = []
    for position, engine in enumerate(chain.engines):
        limits = engine.backend.limits
        units, _, packs = plan(pending, limits) if pending else ([], [], [])
        characters = sum(payload_size([units[i].text for i in pack], limits) for pack in packs)
        quota = quota_for(engine.name, chain.settings.mymemory_email is not None)
        rows.append(
            ProviderEstimate(
                engine.name, "primary" if position == 0 else "fallback", len(packs), characters, quota
            )
        )
    return Estimate(len(texts), len(distinct), len(cached), len(unchanged), len(pending), rows)


def quota_for(provider: str, mymemory_email: bool = False) -> Quota:
    if provider == "mymemory" and mymemory_email:
        return Quota(50_000, "day", "MyMemory with MYMEMORY_EMAIL set")
    return QUOTAS[provider]


#: free tiers as published by each service (checked 2026-11); guide/site-owners.md repeats them
QUOTAS = {
    "google": Quota(None, "", "unofficial endpoint: no published quota; answers 429 when overused"),
    "mymemory": Quota(5_000, "day", "MyMemory anonymous; 50,000/day with MYMEMORY_EMAIL"),
    "libre": Quota(None, "", "self-hosted LibreTranslate: your server's own limits"),
    "microsoft": Quota(2_000_000, "month", "Azure Translator free tier F0"),
    "deepl": Quota(500_000, "month", "DeepL API Free"),
}
