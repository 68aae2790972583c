from __future__ import annotations

import datetime as dt
import json
import re

from bilingue.safety import escape_text
from bilingue.sharing import Person, SharedPage, Twin, json_for_script, sharing_tags

HOSTILE = 'Titre "quoted" </script><script>alert(1)</script> & co'


def page(**extra) -> SharedPage:
    fields = dict(
        title=HOSTILE,
        description="<img src=x onerror=alert(1)>",
        url="https://x.org/essais/a/",
        language="fr",
        site_name="Essais",
        twin=Twin("en", "https://x.org/en/essais/a/"),
    )
    return SharedPage(**{**fields, **extra})


def test_meta_values_are_escaped_for_attributes():
    html = str(sharing_tags(page()))
    assert "<script>alert" not in html and "<img" not in html
    assert (
        'content="Titre &#34;quoted&#34; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"'
        in html
    )


def test_json_ld_cannot_close_its_script_and_reads_back_the_same():
    html = str(sharing_tags(page(is_article=True, published=dt.date(2024, 1, 2), authors=[Person("A")])))
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    data = json.loads(script)
    assert data["headline"] == HOSTILE
    assert data["workTranslation"]["@id"] == "https://x.org/en/essais/a/"
    assert data["author"] == [{"@type": "Person", "name": "A"}]
    assert "<" not in json_for_script({"a": "</script>"})


def test_translation_points_at_its_original():
    data_html = str(
        sharing_tags(
            page(is_article=True, is_original=False, language="en", twin=Twin("fr", "https://x.org/a/"))
        )
    )
    assert '"translationOfWork":{"@type":"Article","@id":"https://x.org/a/"' in data_html
    assert 'property="og:locale" content="en_US"' in data_html
    assert 'property="og:locale:alternate" content="fr_FR"' in data_html


def test_a_page_that_is_not_an_essay_is_a_website_without_json_ld():
    html = str(sharing_tags(page(twin=None)))
    assert 'content="website"' in html and "ld+json" not in html and "og:locale:alternate" not in html


def test_the_tags_names_need_no_escaping_only_their_values_do():
    # sharing_tags writes its own names ("og:title") as they are and escapes the values only
    article = page(
        is_article=True, published=dt.date(2024, 1, 2), modified=dt.date(2024, 2, 3), tags=['<b>"t"</b>']
    )
    html = str(sharing_tags(article))
    names = re.findall(r'<meta (?:property|name)="([^"]*)" content="', html)
    assert len(names) == html.count("<meta ") > 10
    assert all(str(escape_text(name)) == name for name in names)
    assert 'property="article:tag" content="&lt;b&gt;&#34;t&#34;&lt;/b&gt;"' in html
