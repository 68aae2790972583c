"""Names vulture cannot see being used: called by name by MkDocs, argparse or another library.

`make lint` runs vulture on src/, hooks/ and benchmarks/ with this file. Nothing of ours that is
merely unused belongs here: remove such code instead. (Pydantic's conventions, ``model_config``,
``settings_customise_sources`` and ``@field_validator``/``@model_validator`` methods, are passed
to vulture as --ignore-names / --ignore-decorators in the Makefile.)
"""

# ruff: noqa
_ = object()

# --- MkDocs calls the hooks of mkdocs.yml's `hooks:` by their event names --------------------------
on_config  # hooks/translation.py, hooks/hreflang.py
on_pre_build  # hooks/translation.py, hooks/search_per_language.py, hooks/sources.py
on_page_markdown  # hooks/translation.py, essays.py, untranslated_pages.py, sources.py
on_post_page  # hooks/hreflang.py, hooks/search_per_language.py
on_post_build  # hooks/search_per_language.py
on_serve  # hooks/sources.py
on_files  # hooks/symlinks.py
on_page_content  # hooks/sanitize.py
on_page_context  # hooks/sharing.py
on_template_context  # hooks/not_found.py
on_post_template  # hooks/not_found.py
nav  # on_page_context's argument, passed by MkDocs
builder  # on_serve's third argument, passed by MkDocs

# --- Python calls a module's __getattr__ for a name it lacks (PEP 562) -----------------------------
__getattr__  # bilingue/providers/__init__.py: its public names are loaded when first used

# --- deep-translator calls our `requests` shim as it calls requests (providers/http.py) --------
_.post  # RequestsShim.post: LibreTranslate and MyMemory post through it
proxies  # RequestsShim.get/post: deep-translator passes proxies=..., which the shim ignores
_.encoding  # requests.Response.encoding, read by requests when decoding the body
_._content  # requests.Response's body, set as requests' own reading would (providers/http.py)
_._content_consumed
_.writelines  # redact's stream wrapper: the text-stream protocol print and logging use
_.handle_startendtag  # html.parser.HTMLParser calls these by name (bilingue.safety, markdown/judge.py)
_.handle_endtag
_.handle_data
_.updatepos  # html.parser's line counting, overridden by bilingue.safety's finder (never asks positions)

# --- settings of client libraries, set as attributes they read ---------------------------------
_.max_network_retries  # deepl.http_client: retries are ours (providers/resilience.py)
_.min_connection_timeout  # deepl.http_client
_._base_url  # deep-translator's GoogleTranslator / MyMemoryTranslator endpoint
_.api_key  # deep-translator's LibreTranslator: None sends no api_key parameter

# --- settings fields read by name: settings.rate_limit(name) is getattr(f"{name}_rate_limit") ---
_.google_rate_limit
_.mymemory_rate_limit
_.libre_rate_limit
_.microsoft_rate_limit
_.deepl_rate_limit
_.libre_api_key  # settings.secret(name): getattr of the provider's key field
_.microsoft_key
_.deepl_auth_key
dotenv_settings  # pydantic-settings passes every source to settings_customise_sources
file_secret_settings
settings_cls

# --- fields of files we write or read, kept for their readers ---------------------------------
_.indicator  # sources.yml: the data provider's indicator code, e.g. NY.GDP.MKTP.CD
_.since  # x.lock.json: the day a person's block was set aside

# --- http.server calls these by name (benchmarks/providers.py's loopback server) ----------------
_.do_GET
_.log_message
_.daemon_threads

# --- benchmarks/alignment.py picks its edit operations by name (getattr(self, name)) -------------
_.delete
_.move
_.edit
_.merge

# --- more MkDocs events, and what MkDocs, i18n and Jinja read from objects we fill --------------
on_page_read_source  # hooks/essays.py
on_nav  # hooks/essays.py
on_env  # hooks/templates.py
on_startup  # hooks/translation.py
dirty  # on_startup's argument, passed by MkDocs
_.bytecode_cache  # Jinja's Environment reads it (hooks/templates.py)
_.load_bytecode  # jinja2.BytecodeCache API (bilingue.templating)
_.dump_bytecode
_.next_page  # MkDocs' Page links, set by bilingue.navigation
_.previous_page
_.locale  # mkdocs-static-i18n's attributes of a File (bilingue.site.mark_as_i18n_file)
_.locale_alternate_of
_.localization
_.norm_src_uri
_.mtime_ns  # FileState is compared as a whole (bilingue.files)
