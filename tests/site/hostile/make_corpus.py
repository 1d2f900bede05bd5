"""Writes the hostile corpus in ``tests/site/hostile/briefs/`` (run once; the files are committed).

Each file is one way a real source goes wrong: the bytes are written here so that the
encodings, byte-order marks and invisible characters are exact and reviewable.
``expected.yaml`` says what the builder must make of each. The two big files (20 MB, and
a 100,000-character line) are not committed: ``tests/test_hostile.py`` writes them.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent / "briefs"

ARTICLE = (
    "موسكو (رويترز) - قال وزير الخارجية الروسي سيرغي لافروف يوم الثلاثاء 12 مارس 2024 إن "
    "بلاده مستعدة لاستئناف المحادثات مع الولايات المتحدة بشأن الحد من الأسلحة النووية.\n\n"
    "وأضاف أن «الحوار هو السبيل الوحيد لتجنب سباق تسلح جديد»، مشيرا إلى أن واشنطن لم ترد "
    "بعد على المقترح الروسي.\n"
)
"""A short wire story written for these tests (not from any outlet)."""

PLAIN_QUOTES = ARTICLE.replace("«", '"').replace("»", '"')
"""ISO-8859-6 has no guillemets."""

PAYLOADS = (
    "<script>window.__pwned = 'script'</script>",
    '<img src="x" onerror="window.__pwned = \'img\'">',
    "<a href=\"javascript:window.__pwned='link'\">اضغط هنا</a>",
    "[رابط](javascript:window.__pwned='markdown-link')",
    "![صورة](x.png\" onerror=\"window.__pwned='markdown-image')",
    "{{ config.site_name }} {% include 'x.html' %}",
    "--8<-- '/etc/passwd'",
    "{: onclick=\"window.__pwned='attr-list'\" }",
    "<style>body { display: none }</style>",
    "<iframe src=\"javascript:window.__pwned='iframe'\"></iframe>",
    "<svg onload=\"window.__pwned='svg'\"></svg>",
)
"""Markup an article scraped from a hostile page might carry; each must stay text."""


def _presentation_forms(text: str) -> str:
    """The text as a PDF export spells it: every letter in its isolated presentation form."""
    isolated = {
        "ا": "\ufe8d",
        "ب": "\ufe8f",
        "ت": "\ufe95",
        "ث": "\ufe99",
        "ج": "\ufe9d",
        "ح": "\ufea1",
        "خ": "\ufea5",
        "د": "\ufea9",
        "ذ": "\ufeab",
        "ر": "\ufead",
        "ز": "\ufeaf",
        "س": "\ufeb1",
        "ش": "\ufeb5",
        "ص": "\ufeb9",
        "ض": "\ufebd",
        "ط": "\ufec1",
        "ظ": "\ufec5",
        "ع": "\ufec9",
        "غ": "\ufecd",
        "ف": "\ufed1",
        "ق": "\ufed5",
        "ك": "\ufed9",
        "ل": "\ufedd",
        "م": "\ufee1",
        "ن": "\ufee5",
        "ه": "\ufee9",
        "و": "\ufeed",
        "ي": "\ufef1",
        "ة": "\ufe93",
        "ى": "\ufeef",
        "أ": "\ufe83",
        "إ": "\ufe87",
        "ء": "\ufe80",
    }
    return "".join(isolated.get(char, char) for char in text)


def _files() -> dict[str, bytes]:
    utf8 = ARTICLE.encode("utf-8")
    laughs = "\n".join(
        [f'a: &a ["{"lol" * 3}"]']
        + [
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]"
            for i in range(8)
        ]
    )
    files = {
        # 1. Encodings
        "enc-utf8-bom.txt": b"\xef\xbb\xbf" + utf8,
        "enc-utf16-le.txt": b"\xff\xfe" + ARTICLE.encode("utf-16-le"),
        "enc-utf16-be.txt": b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
        "enc-windows-1256.txt": ARTICLE.encode("cp1256"),
        "enc-iso-8859-6.txt": PLAIN_QUOTES.encode("iso8859_6"),
        "bin-pdf.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
        "bin-nul.txt": b"\x00\x01\x02\x03" * 64 + utf8,
        "bin-bad-utf16.txt": b"\xff\xfe" + b"\x00\xd8\x41\x00",
        # A legacy newspaper archive's export: windows-1256, CRLF, one NUL byte at the end.
        "enc-legacy-nul.txt": ARTICLE.replace("\n", "\r\n").encode("cp1256") + b"\x00",
        "bin-utf16-no-bom.txt": ARTICLE.encode("utf-16-le"),
        # 2. Sizes
        "size-empty.txt": b"",
        "size-blank.txt": b" \n\t\n\r\n   \n",
        "size-front-matter-only.txt": "---\ntitle: عنوان بلا مقال\n---\n\n".encode(),
        "size-no-arabic.txt": b"Moscow (Reuters) - Russia said on Tuesday it was ready to resume "
        b"talks with the United States on nuclear arms control.\n",
        # 3. Metadata
        "meta-malformed.txt": ('---\ntitle: "unclosed\noutlet: x\n---\n' + ARTICLE).encode(),
        "meta-wrong-type.txt": ("---\ntitle: 42\n---\n" + ARTICLE).encode(),
        "meta-unknown-key.txt": ("---\ncolour: red\n---\n" + ARTICLE).encode(),
        "meta-impossible-date.txt": ("---\npublished: 2023-02-29\n---\n" + ARTICLE).encode(),
        "meta-alias-bomb.txt": (f"---\n{laughs}\n---\n" + ARTICLE).encode(),
        "meta-object-tag.txt": (
            "---\ntitle: !!python/object/apply:os.system ['touch /tmp/briefing-pwned']\n---\n"
            + ARTICLE
        ).encode(),
        "meta-bad-url.txt": ("---\nurl: javascript:alert(1)\n---\n" + ARTICLE).encode(),
        "meta-duplicate-key.txt": ("---\ntitle: أ\ntitle: ب\n---\n" + ARTICLE).encode(),
        "meta-bad-value.txt": ("---\ntitle: !!int abc\n---\n" + ARTICLE).encode(),
        "meta-sidecar.txt": utf8,
        "meta-sidecar.yaml": b"published: tomorrow\n",
        "meta-sidecar-malformed.txt": ("---\noutlet: Example Wire\n---\n" + ARTICLE).encode(),
        "meta-sidecar-malformed.yaml": b"title: [unclosed\nauthor: x\n",
        # 4. Names and paths
        "index.txt": utf8,
        "Same Name.txt": utf8,
        "same-name.txt": utf8,
        ("تقرير " * 20).strip() + ".txt": utf8,
        "path-traversal-metadata.txt": (
            "---\ntitle: ../../../outside/evil\noutlet: ../../../../tmp/evil-outlet\n"
            "author: /etc/passwd\n---\n" + ARTICLE
        ).encode(),
        # 5. Injection
        "inject-html.txt": ("\n\n".join(PAYLOADS) + "\n\n" + ARTICLE).encode(),
        "inject-metadata.txt": (
            "---\n"
            "title: \"--- <script>window.__pwned='title'</script> ... {{ 7*7 }}\"\n"
            "title_en: |-\n  ---\n  injected: true\n  ...\n"
            "  <b onmouseover=\"window.__pwned='en'\">x</b>\n"
            "outlet: \"<img src=x onerror=window.__pwned='outlet'>\"\n"
            "author: \"[مؤلف](javascript:window.__pwned='author')\"\n"
            "summary_en: \"![x](javascript:window.__pwned='summary') **bold** {{ page.title }}\"\n"
            "url: https://example.org/a?b=1&c=%3Cscript%3E\n"
            "---\n" + ARTICLE
        ).encode(),
        "inject-source.md": (
            "# عنوان <script>window.__pwned='md-heading'</script>\n\n"
            "<div onclick=\"window.__pwned='md-html'\">كتلة HTML</div>\n\n"
            "[رابط خبيث](javascript:window.__pwned='md-link') و![صورة](javascript:x)\n\n" + ARTICLE
        ).encode(),
        # 6. Unicode
        "uni-bidi.txt": (
            '---\ntitle: "\u202eعنوان معكوس\u202c \u2067معزول\u2069"\n---\n'
            + ARTICLE.replace("الولايات المتحدة", "\u202bالولايات\u200f المتحدة\u202c")
            + "\u202eنص بلا إغلاق\n"
        ).encode(),
        "uni-zero-width.txt": ARTICLE.replace("الولايات المتحدة", "الولا\u200bيات المت\u200dحدة")
        .replace("لافروف", "لاف\u200cروف\u2060")
        .encode(),
        "uni-presentation.txt": _presentation_forms(ARTICLE).encode(),
        "uni-mixed-digits.txt": ARTICLE.replace("12 مارس 2024", "١٢ مارس ۲۰۲۴").encode(),
        "uni-controls.txt": ARTICLE.replace("قال", "\x1b[31mقال\x1b[0m\x07").encode(),
    }
    return files


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for name, data in _files().items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
