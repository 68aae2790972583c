"""Translation services behind one small interface (see ``base.Provider``).

Entry point: ``registry.get_provider(name)`` returns a ``chain.TranslationChain`` (a fallback
chain with a cache in front). Below it, one module per concern: ``config`` (settings and
environment variables), ``http`` (timeouts, status classification), ``resilience`` (retries,
rate limit, shared pause, retry budget), ``packing`` (many texts per request, long texts cut),
``sanity`` (is this answer a translation?), ``cache`` (on-disk translation cache), ``engine``
(one provider at work), ``estimate`` (dry-run figures and free quotas) and one module per
service: ``google``, ``mymemory``, ``libre``, ``microsoft``, ``deepl``.
"""
