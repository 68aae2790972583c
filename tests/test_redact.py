"""One redaction for every message: credentials in URLs and every known key, in any form."""

from __future__ import annotations

import io
import logging

from bilingue.redact import RedactingFilter, RedactingStream, redact, remember_secret


def test_credentials_in_a_url_are_masked():
    assert redact("cannot connect to http://user:s3cret@proxy.example:8080/x") == (
        "cannot connect to http://***@proxy.example:8080/x"
    )


def test_a_key_from_the_environment_is_masked_as_written_and_url_encoded(monkeypatch):
    monkeypatch.setenv("DEEPL_AUTH_KEY", "k3y/with+signs:fx")
    echoed = "bad request auth_key=k3y%2Fwith%2Bsigns%3Afx header DeepL-Auth-Key k3y/with+signs:fx"
    assert "k3y" not in redact(echoed)


def test_a_key_read_through_the_settings_is_masked():
    remember_secret("a-remembered-secret-value")
    assert redact("echo: a-remembered-secret-value!") == "echo: ***!"


def test_log_records_and_streams_are_redacted():
    remember_secret("another-secret-for-logs")
    stream = io.StringIO()
    logger = logging.getLogger("tests.redact")
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    logger.addFilter(RedactingFilter())
    try:
        logger.warning("service said %s", "another-secret-for-logs")
    finally:
        logger.removeHandler(handler)
    wrapped = RedactingStream(stream)
    wrapped.write("and printed another-secret-for-logs\n")
    assert "another-secret" not in stream.getvalue() and stream.getvalue().count("***") == 2


def test_every_environment_variable_of_a_key_is_redacted():
    # a key variable added to the providers' settings must be added to what redact() reads too
    from bilingue.providers.settings import ENVIRONMENT, SECRET_FIELDS
    from bilingue.redact import KEY_VARIABLES

    assert set(KEY_VARIABLES) == {name for field in SECRET_FIELDS for name in ENVIRONMENT[field]}
