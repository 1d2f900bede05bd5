"""Salient quantities in Arabic news text: money, people, weapons, percentages, distances.

A mention is a number (Western or Arabic-Indic digits with ``٫``/``.`` decimals and
``٬``/``,`` thousands, or spelled-out words: ``ثلاثة آلاف``, ``خمسة وعشرون``), an optional
multiplier (``ألف``، ``مليون``، ``مليار``...), an optional range (``بين 10 و15``, ``من 10 إلى
15``, ``10-15``), a hedge before it (``أكثر من``, ``نحو``, ``ما لا يقل عن``...; an attached
ب/ل stays in the span, as in ``بأكثر من 20%``) and the counted thing after it, mapped to an
English ``unit`` through :data:`UNITS`. Duals of time units (``يومين``, ``عقدين``) count 2, and
``السنوات الأربع الماضية`` (noun, then number) counts too.

Not reported: years and dates (anything :func:`extract_dates` reads as a calendar date),
footnote and list markers (``[1]``, ``(2)``, ``1.`` at line start), labels (``القرار 2231``,
``المادة 5``, ``الفرقة 82``), model names (``إف-35``, ``إس-400``, ``كوفيد-19``), times, vague
plurals (``آلاف الجنود``, ``عشرات``), and small spelled numbers without a known counted noun.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from builder.arabic import fold_keep_length, sentence_at
from builder.extract.dates import extract_dates
from builder.extract.spans import DisjointSpans
from builder.model import DateMention, NumberMention

_T = "\u0640*"
_Hit = tuple[int, int, "NumberMention"]
"""start, end, mention."""

UNITS: dict[str, tuple[str, ...]] = {
    "USD": ("دولار", "دولارات", "دولار أمريكي", "دولار أميركي", "دولار أمريكى"),
    "EUR": ("يورو",),
    "GBP": ("جنيه إسترليني", "جنيه استرليني", "جنيهات إسترلينية"),
    "EGP": ("جنيه مصري", "جنيهات مصرية"),
    "SAR": ("ريال سعودي", "ريالات سعودية"),
    "QAR": ("ريال قطري",),
    "IRR": ("ريال إيراني", "تومان"),
    "AED": ("درهم إماراتي",),
    "MAD": ("درهم مغربي",),
    "KWD": ("دينار كويتي",),
    "IQD": ("دينار عراقي",),
    "DZD": ("دينار جزائري",),
    "TND": ("دينار تونسي",),
    "TRY": ("ليرة تركية",),
    "RUB": ("روبل", "روبلات"),
    "CNY": ("يوان",),
    "INR": ("روبية",),
    "ILS": ("شيكل", "شيقل"),
    "pounds": ("جنيه", "جنيهات"),
    "riyals": ("ريال", "ريالات"),
    "dinars": ("دينار", "دنانير"),
    "dirhams": ("درهم", "دراهم"),
    "lira": ("ليرة", "ليرات"),
    "percent": ("في المئة", "في المائة", "بالمئة", "بالمائة", "في الميه", "بالمية", "%", "٪"),
    "percentage points": ("نقطة مئوية", "نقاط مئوية"),
    "km": ("كيلومتر", "كيلومترات", "كيلو متر", "كلم", "كم"),
    "km2": ("كيلومتر مربع", "كيلومترات مربعة", "كلم مربع", "كم مربع"),
    "metres": ("متر", "أمتار", "مترا"),
    "miles": ("ميل", "أميال"),
    "nautical miles": ("ميل بحري", "أميال بحرية"),
    "tonnes": ("طن", "أطنان"),
    "kg": ("كيلوغرام", "كيلوجرام", "كغ", "كلغ"),
    "barrels": ("برميل", "براميل"),
    "MW": ("ميغاواط", "ميجاوات", "ميغاوات"),
    "kilotons": ("كيلوطن", "كيلو طن"),
    "megatons": ("ميغاطن", "ميجا طن"),
    "troops": ("عسكري", "عسكريين", "جندي", "جنود", "عنصر", "عناصر", "فرد", "أفراد"),
    "officers": ("ضابط", "ضباط"),
    "fighters": ("مقاتل", "مقاتلين", "مسلح", "مسلحين"),
    "people": ("شخص", "أشخاص", "شخصا", "نسمة", "إنسان"),
    "civilians": ("مدني", "مدنيين"),
    "killed": ("قتيل", "قتلى"),
    "wounded": ("جريح", "جرحى", "مصاب", "مصابين", "إصابة", "إصابات"),
    "dead": ("ضحية", "ضحايا"),
    "refugees": ("لاجئ", "لاجئين"),
    "displaced": ("نازح", "نازحين"),
    "migrants": ("مهاجر", "مهاجرين"),
    "prisoners": ("أسير", "أسرى", "سجين", "سجناء"),
    "detainees": ("معتقل", "معتقلين", "موقوف", "موقوفين"),
    "hostages": ("رهينة", "رهائن", "محتجز", "محتجزين"),
    "children": ("طفل", "أطفال"),
    "women": ("امرأة", "نساء", "سيدة"),
    "delegates": ("مندوب", "مندوبين", "ممثل", "ممثلين"),
    "diplomats": ("دبلوماسي", "دبلوماسيين"),
    "experts": ("خبير", "خبراء"),
    "journalists": ("صحفي", "صحفيين", "صحافي", "صحافيين"),
    "members": ("عضو", "أعضاء"),
    "votes": ("صوت", "أصوات"),
    "seats": ("مقعد", "مقاعد"),
    "workers": ("عامل", "عمال"),
    "countries": ("دولة", "دول", "بلد", "بلدان"),
    "missiles": ("صاروخ", "صواريخ"),
    "rockets": ("قذيفة صاروخية",),
    "shells": ("قذيفة", "قذائف"),
    "nuclear warheads": ("رأس نووي", "رؤوس نووية", "رأس حربي نووي", "رؤوس حربية نووية"),
    "warheads": ("رأس", "رؤوس", "رأس حربي", "رؤوس حربية"),
    "nuclear weapons": ("سلاح نووي", "أسلحة نووية", "قنبلة نووية", "قنابل نووية"),
    "bombs": ("قنبلة", "قنابل"),
    "aircraft": ("طائرة", "طائرات", "طائرة حربية", "طائرات حربية"),
    "fighter jets": ("مقاتلة", "مقاتلات", "طائرة مقاتلة", "طائرات مقاتلة"),
    "drones": ("مسيرة", "مسيرات", "طائرة مسيرة", "طائرات مسيرة", "طائرة بدون طيار",
               "طائرات بدون طيار", "طائرة دون طيار", "طائرات دون طيار", "درون"),
    "helicopters": ("مروحية", "مروحيات"),
    "tanks": ("دبابة", "دبابات"),
    "armoured vehicles": ("مدرعة", "مدرعات", "آلية", "آليات"),
    "ships": ("سفينة", "سفن"),
    "warships": ("سفينة حربية", "سفن حربية", "بارجة", "بوارج", "فرقاطة", "فرقاطات"),
    "submarines": ("غواصة", "غواصات"),
    "aircraft carriers": ("حاملة طائرات", "حاملات طائرات"),
    "launchers": ("منصة", "منصات", "منصة إطلاق", "منصات إطلاق", "قاذفة", "قاذفات"),
    "air strikes": ("غارة", "غارات", "غارة جوية", "غارات جوية"),
    "strikes": ("ضربة", "ضربات"),
    "attacks": ("هجوم", "هجمات"),
    "bases": ("قاعدة", "قواعد", "قاعدة عسكرية", "قواعد عسكرية"),
    "brigades": ("لواء", "ألوية"),
    "battalions": ("كتيبة", "كتائب"),
    "mines": ("لغم", "ألغام"),
    "satellites": ("قمر صناعي", "أقمار صناعية"),
    "reactors": ("مفاعل", "مفاعلات"),
    "centrifuges": ("جهاز طرد مركزي", "أجهزة طرد مركزي"),
    "weapons": ("سلاح", "أسلحة", "قطعة سلاح", "قطع سلاح"),
    "times": ("أضعاف", "ضعف"),
    "years": ("عام", "أعوام", "سنة", "سنوات", "سنين"),
    "months": ("شهر", "أشهر", "شهور"),
    "weeks": ("أسبوع", "أسابيع"),
    "days": ("يوم", "أيام"),
    "hours": ("ساعة", "ساعات"),
    "minutes": ("دقيقة", "دقائق"),
    "decades": ("عقد", "عقود"),
    "centuries": ("قرن", "قرون"),
}  # fmt: skip
"""English unit -> Arabic forms (singular, plural, multi-word); folding covers hamza/alef."""

DUALS: dict[str, tuple[str, float]] = {
    "يومين": ("days", 2), "يومان": ("days", 2), "أسبوعين": ("weeks", 2),
    "شهرين": ("months", 2), "شهران": ("months", 2), "عامين": ("years", 2),
    "عامان": ("years", 2), "سنتين": ("years", 2), "سنتان": ("years", 2),
    "عقدين": ("decades", 2), "عقدان": ("decades", 2), "ساعتين": ("hours", 2),
    "قرنين": ("centuries", 2), "دولتين": ("countries", 2), "صاروخين": ("missiles", 2),
    "طائرتين": ("aircraft", 2), "جنديين": ("troops", 2), "ضعفين": ("times", 2),
}  # fmt: skip
"""Dual nouns that stand for «two of» without a number word."""

_NUMBER_WORDS: dict[str, tuple[float, str]] = {
    "واحد": (1, "unit"), "واحدة": (1, "unit"), "أحد": (1, "unit"), "إحدى": (1, "unit"),
    "اثنان": (2, "unit"), "اثنين": (2, "unit"), "اثنتان": (2, "unit"), "اثنتين": (2, "unit"),
    "اثنا": (2, "unit"), "اثني": (2, "unit"), "اثنتا": (2, "unit"), "اثنتي": (2, "unit"),
    "ثلاث": (3, "unit"), "ثلاثة": (3, "unit"), "أربع": (4, "unit"), "أربعة": (4, "unit"),
    "خمس": (5, "unit"), "خمسة": (5, "unit"), "ست": (6, "unit"), "ستة": (6, "unit"),
    "سبع": (7, "unit"), "سبعة": (7, "unit"), "ثمان": (8, "unit"), "ثماني": (8, "unit"),
    "ثمانية": (8, "unit"), "تسع": (9, "unit"), "تسعة": (9, "unit"), "عشر": (10, "ten"),
    "عشرة": (10, "ten"), "عشرون": (20, "ten"), "عشرين": (20, "ten"), "ثلاثون": (30, "ten"),
    "ثلاثين": (30, "ten"), "أربعون": (40, "ten"), "أربعين": (40, "ten"), "خمسون": (50, "ten"),
    "خمسين": (50, "ten"), "ستون": (60, "ten"), "ستين": (60, "ten"), "سبعون": (70, "ten"),
    "سبعين": (70, "ten"), "ثمانون": (80, "ten"), "ثمانين": (80, "ten"), "تسعون": (90, "ten"),
    "تسعين": (90, "ten"), "مئة": (100, "hundred"), "مائة": (100, "hundred"),
    "مئتان": (200, "hundred"), "مئتين": (200, "hundred"), "مائتان": (200, "hundred"),
    "مائتين": (200, "hundred"), "مئتا": (200, "hundred"), "مائتا": (200, "hundred"),
    "ألف": (1e3, "scale"), "آلاف": (1e3, "plural"), "ألفان": (2e3, "dual"), "ألفين": (2e3, "dual"),
    "ألفا": (2e3, "dual"), "مليون": (1e6, "scale"), "ملايين": (1e6, "plural"),
    "مليونان": (2e6, "dual"), "مليونين": (2e6, "dual"), "مليار": (1e9, "scale"),
    "مليارات": (1e9, "plural"), "ملياران": (2e9, "dual"), "مليارين": (2e9, "dual"),
    "بليون": (1e9, "scale"), "تريليون": (1e12, "scale"), "ترليون": (1e12, "scale"),
    "تريليونات": (1e12, "plural"), "نصف": (0.5, "frac"), "ربع": (0.25, "frac"),
}  # fmt: skip
for _n, _stem in enumerate(["ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"], start=3):
    _NUMBER_WORDS[_stem + "مئة"] = (_n * 100, "hundred")
    _NUMBER_WORDS[_stem + "مائة"] = (_n * 100, "hundred")

_QUALIFIERS: dict[str, str] = {
    "أكثر من": "more than", "ما يزيد على": "more than", "ما يزيد عن": "more than",
    "يزيد على": "more than", "يزيد عن": "more than", "ما يربو على": "more than",
    "يربو على": "more than", "أزيد من": "more than", "ما يفوق": "more than",
    "يفوق": "more than", "ما يتجاوز": "more than", "يتجاوز": "more than", "فوق": "more than",
    "نحو": "about", "حوالي": "about", "حوالى": "about", "قرابة": "about", "زهاء": "about",
    "ما يقرب من": "about", "يقرب من": "about", "ما يقارب": "about", "يقارب": "about",
    "ما يناهز": "about", "يناهز": "about", "في حدود": "about", "حدود": "about",
    "أقل من": "less than", "ما يقل عن": "less than", "دون": "less than",
    "ما لا يقل عن": "at least", "لا يقل عن": "at least", "ما لا يزيد على": "at most",
    "ما لا يزيد عن": "at most", "ما يصل إلى": "up to", "يصل إلى": "up to", "تصل إلى": "up to",
}  # fmt: skip
_AFTER_QUALIFIERS = {"تقريبا": "about", "على الأقل": "at least", "فقط": None}

# Words after which a number is a name or a reference, not a quantity.
_LABELS = {
    "رقم", "القرار", "قرار", "المادة", "مادة", "البند", "الفقرة", "الفصل", "الصفحة", "ص",
    "الباب", "طراز", "الطراز", "موديل", "الدورة", "الجولة", "النسخة", "المرحلة", "الفئة",
    "الحلقة", "الجزء", "العدد", "الساعة", "الطريق", "الكيلو", "الفرقة", "اللواء",
    "المبنى", "الحي", "الشارع", "الدرجة", "المركز", "المرتبة", "الجيل", "المجموعة",
    "كوفيد", "الآية", "سورة", "الجدول", "الشكل", "الملحق", "قانون", "القانون", "المرسوم",
}  # fmt: skip


def _norm(word: str) -> str:
    folded = fold_keep_length(word).replace("\u0640", "")
    return re.sub(r"\s+", " ", folded).strip()


def _pat(phrase: str, case_ending: bool = True) -> str:
    """Folded, tatweel-tolerant pattern; each word may carry an accusative alef."""
    words = []
    for word in _norm(phrase).split(" "):
        body = _T.join(re.escape(ch) for ch in word) + _T
        words.append(body + ("(?:ا" + _T + ")?" if case_ending and word[-1] != "ا" else ""))
    return r"\s+".join(words)


def _alt(phrases: object, case_ending: bool = True) -> str:
    unique = sorted({_norm(p) for p in phrases}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(_pat(p, case_ending) for p in unique) + ")"


_UNIT_OF = {_norm(form): unit for unit, forms in UNITS.items() for form in forms}
_PERCENT_FORMS = {_norm(f) for f in UNITS["percent"]}
_NUMBER_OF = {_norm(k): v for k, v in _NUMBER_WORDS.items()}
_QUALIFIER_OF = {_norm(k): v for k, v in _QUALIFIERS.items()}
_LABELS_FOLDED = {_norm(w) for w in _LABELS}

_DIGITS = r"\d{1,3}(?:[,٬]\d{3})+(?:[.٫]\d+)?(?!\d)|\d+(?:[.٫]\d+|,\d{1,2}(?!\d))?"
_WORD = _alt(_NUMBER_WORDS, case_ending=False)
_MULT = _alt(["ألف", "آلاف", "مليون", "ملايين", "مليار", "مليارات", "بليون", "تريليون",
              "ترليون", "تريليونات"], case_ending=False)  # fmt: skip
_UNIT = _alt([f for forms in UNITS.values() for f in forms if f not in ("%", "٪")])

_CORE = (
    rf"(?P<pct>[%٪]\s?)?(?P<digits>{_DIGITS})(?![\dA-Za-z]|[.,٫٬]\d)"
    rf"|(?<!\w)(?:وب|و|ب|ل)?(?P<words>{_WORD}(?:\s+و?{_WORD})*)(?!\w)"
)
CORE_RE = re.compile(r"(?<![\d\-–/.,٫٬A-Za-z])" + _CORE)
SECOND_RE = re.compile(_CORE)
"""The upper end of a range may follow a hyphen, which CORE_RE refuses (إف-35)."""
MULT_RE = re.compile(rf"\s*(?P<mult>{_MULT})(?!\w)(?P<half>\s+ونصف(?!\w))?")
RANGE_RE = re.compile(r"\s*(?P<sep>-|–|و|الي|حتي)\s*")
PERCENT_RE = re.compile(r"\s*(?:[%٪]|(?:في\s+|ب)ال" + _T + r"م[يئ]" + _T + r"ا?" + _T + r"[هي]" + _T
                        + r"(?!\w))")  # fmt: skip
UNIT_RE = re.compile(
    rf"\s*(?:(?P<min>من\s+)(?P<al>ال))?(?P<unit>{_UNIT})(?!\w)(?P<zaman>\s+من\s+الزمن)?"
)
DUAL_RE = re.compile(r"(?<!\w)(?:[وبل]|وب|ل)?(?P<body>" + _alt(DUALS, case_ending=False)
                     + r"(?:\s+من\s+الزمن)?)(?!\w)")  # fmt: skip
NOUN_NUMBER_RE = re.compile(
    r"(?<!\w)[وبل]?(?P<body>ال(?P<unit>" + _UNIT + r")\s+ال(?P<num>" + _WORD + r")"
    r"(?:\s+(?:الماضيه|المقبله|القادمه|الاخيره|الماضيين|الماضي|المقبل|الاخير))?)(?!\w)"
)
_QUAL_BEFORE_RE = re.compile(
    r"(?<!\w)(?:و)?(?P<q>[بل]?" + _alt(_QUALIFIERS, case_ending=False) + r")\s+$"
)
_LEAD_BEFORE_RE = re.compile(r"(?<!\w)(?:و)?(?P<lead>(?:ما\s+)?بين|من)\s+$")
_AFTER_QUAL_RE = re.compile(r"\s+(?P<aq>تقريبا|علي\s+الاقل)" + _T + r"(?!\w)")
_PREV_WORD_RE = re.compile(r"(\w+)\W*$")
_COUNTED_RE = re.compile(rf"\s*(?:[%٪]|{_MULT}(?!\w)|{_UNIT}(?!\w))")


def counted_after(folded: str, end: int) -> bool:
    """True when a counted noun, a multiplier or a percent sign follows ``end`` in folded text."""
    return _COUNTED_RE.match(folded, end) is not None


def _digits_value(raw: str) -> float:
    raw = raw.replace("٬", "").replace("٫", ".")
    if re.fullmatch(r"\d+,\d{1,2}", raw):
        raw = raw.replace(",", ".")  # Maghrebi decimal comma: 1,5 مليار
    return float(raw.replace(",", ""))


def _words_value(phrase: str) -> tuple[float, bool] | None:
    """Value of a spelled-out number, and whether it carries a scale word (ألف، مليون...).

    None for a bare plural scale (آلاف الجنود, ملايين الدولارات): vague, not a count.
    """
    total = current = 0.0
    last_scale = 0.0
    previous = ""
    scaled = False
    for token in re.split(r"\s+", phrase):
        token = token.replace("\u0640", "")
        if token.startswith("و") and token[1:] in _NUMBER_OF and token not in _NUMBER_OF:
            token = token[1:]
        value, kind = _NUMBER_OF[token]
        if kind == "plural":
            if not current:
                return None
            kind = "scale"
        if kind == "ten" and value == 10 and previous == "unit":
            current += 10  # ثلاثة عشر
        elif kind in {"scale", "dual"}:
            # ألفا جندي is 2000 on its own; ثلاثة آلاف multiplies what came before
            current = current + value if kind == "dual" else (current or 1) * value
            total += current
            current, last_scale, scaled = 0.0, value, True
        elif kind == "frac" and last_scale and previous in {"scale", "dual"}:
            total += value * last_scale
        else:
            current += value
        previous = kind
    return total + current, scaled


def _unit_at(folded: str, pos: int, scaled: bool) -> tuple[str | None, int]:
    """The counted thing right after ``pos`` as (English unit, end), or (None, pos).

    «من الدولارات» counts only after a multiplier: «واحدة من القواعد» is "one of", not a count.
    """
    pct = PERCENT_RE.match(folded, pos)
    if pct:
        return "percent", pct.end()
    unit = UNIT_RE.match(folded, pos)
    if unit and (scaled or not unit["min"]):
        key = re.sub(r"\s+", " ", unit["unit"].replace("\u0640", ""))
        name = _lookup_unit(key)
        if name:
            return name, unit.end()
    return None, pos


@lru_cache(maxsize=4096)
def _lookup_unit(key: str) -> str | None:
    if key in _UNIT_OF:
        return _UNIT_OF[key]
    # accusative alef on each word (رأسا حربيا)
    stripped = " ".join(w[:-1] if w.endswith("ا") and w[:-1] in _WORD_STEMS else w
                        for w in key.split(" "))  # fmt: skip
    return _UNIT_OF.get(stripped)


_WORD_STEMS = {w for form in _UNIT_OF for w in form.split(" ")}


def _prev_word(folded: str, start: int) -> str:
    match = _PREV_WORD_RE.search(folded[max(0, start - 25) : start])
    return match.group(1).replace("\u0640", "") if match else ""


def _date_spans(text: str, dates: tuple[DateMention, ...]) -> list[tuple[int, int]]:
    """Offsets of calendar dates and years (relative durations such as قبل يومين stay numbers)."""
    spans, cursor = [], 0
    for mention in dates:
        start = text.find(mention.text, cursor)
        if start < 0:
            continue
        cursor = start + len(mention.text)
        if mention.iso is not None:
            spans.append((start, cursor))
    return spans


def _is_marker(folded: str, start: int, end: int) -> bool:
    """Footnote, list and clock numbers ([1], (2), «1.» at line start, 10:30), URL pieces."""
    before, after = folded[max(0, start - 2) : start], folded[end : end + 2]
    token_start = max(folded.rfind(" ", 0, start), folded.rfind("\n", 0, start)) + 1
    token = folded[token_start : end + 40].split(None, 1)[0] if folded[token_start:end] else ""
    if re.search(r"https?:|www\.|/\S|=|%\d", token):
        return True
    if re.search(r"[\[(]\s*$", before) and re.match(r"\s*[\])]", after):
        return True
    if re.match(r":\d", after) or re.search(r"\d:$", before):
        return True
    line_start = folded.rfind("\n", 0, start) + 1
    return not folded[line_start:start].strip() and re.match(r"\s*[.)\-–]\s", after) is not None


def _number_at(folded: str, core: re.Match[str]) -> tuple[float, int, bool, bool, float] | None:
    """Value, end, scaled?, spelled? and multiplier of one number core plus its multiplier."""
    if core["digits"]:
        value, end, scaled, spelled = _digits_value(core["digits"]), core.end(), False, False
    else:
        parsed = _words_value(core["words"])
        if parsed is None:
            return None
        (value, scaled), end, spelled = parsed, core.end(), True
    factor = 1.0
    mult = MULT_RE.match(folded, end)
    if mult and not core["pct"]:
        factor = _NUMBER_OF[_norm(mult["mult"])][0]
        value = value * factor + (0.5 * factor if mult["half"] else 0)
        end, scaled = mult.end(), True
    return value, end, scaled, spelled, factor


def _mention(text: str, start: int, end: int, value: float, unit: str | None,
             value_max: float | None, qualifier: str | None) -> NumberMention:  # fmt: skip
    return NumberMention(text=text[start:end], value=value, unit=unit,
                         sentence=sentence_at(text, start), value_max=value_max,
                         qualifier=qualifier)  # fmt: skip


def extract_numbers(
    text: str, dates: tuple[DateMention, ...] | None = None
) -> tuple[NumberMention, ...]:
    """Salient quantities of ``text`` in text order (dates, years, labels and markers left out).

    ``dates`` are the date mentions of the same text when the caller already has them
    (their ``iso`` does not depend on the publication date); otherwise they are extracted.
    """
    folded = fold_keep_length(text)
    blocked = DisjointSpans(
        _date_spans(text, extract_dates(text, None) if dates is None else dates)
    )
    found: list[_Hit] = []

    def free(start: int, end: int) -> bool:
        return not blocked.overlaps(start, end)

    pos = 0
    while (core := CORE_RE.search(folded, pos)) is not None:
        pos = core.end()
        start = core.start("digits") if core["digits"] else core.start("words")
        if core["pct"]:
            start = core.start("pct")
        number = _number_at(folded, core)
        if number is None:
            continue
        value, end, scaled, spelled, _ = number
        value_max = None
        window = max(0, start - 12)
        lead = _LEAD_BEFORE_RE.search(folded[window:start])
        rng = RANGE_RE.match(folded, end)
        if rng:
            second = SECOND_RE.match(folded, rng.end())
            sep = rng["sep"]
            lead_word = lead["lead"] if lead else ""
            allowed = ("و",) if "بين" in lead_word else ("الي", "حتي", "-", "–")
            if second and sep in allowed and (second["digits"] or second["words"]):
                other = _number_at(folded, second)
                if other and other[0] > value:
                    if other[2] and not scaled:
                        value *= other[4]  # «بين 10 و15 مليار»: the multiplier covers both ends
                    value_max, end, scaled = other[0], other[1], scaled or other[2]
                    pos = end
                    if lead:
                        start = window + lead.start("lead")
        unit, unit_end = ("percent", end) if core["pct"] else _unit_at(folded, end, scaled)
        if unit:
            end = unit_end
            pos = max(pos, end)
        qualifier = None
        window = max(0, start - 20)
        q = _QUAL_BEFORE_RE.search(folded[window:start])
        if q:
            key = _norm(q["q"])
            qualifier = _QUALIFIER_OF.get(key) or _QUALIFIER_OF.get(key[1:])
            if qualifier:
                start = window + q.start("q")
        after = _AFTER_QUAL_RE.match(folded, end)
        if after and qualifier is None:
            qualifier = "about" if after["aq"].startswith("تقريب") else "at least"
            end = after.end()
        if not free(start, end) or _is_marker(folded, start, end):
            continue
        prev = _prev_word(folded, start)
        labelled = prev in _LABELS_FOLDED or prev.lstrip("وبل") in _LABELS_FOLDED
        if labelled and not qualifier and value_max is None:
            continue
        if re.fullmatch(r"[A-Za-z]+", prev) and not unit:
            continue  # «April 24» in an English reference
        salient = unit or scaled or qualifier or value_max is not None
        if spelled and not (unit or scaled or value >= 11):
            continue
        if not salient:
            if spelled or value < 10 or (1800 <= value <= 2100 and value == int(value)):
                continue
            if prev.startswith("ال") and prev not in {"الي", "الا"} and not _lookup_unit(prev[2:]):
                continue  # «الفرقة 82»-like labels after a definite noun
        found.append((start, end, _mention(text, start, end, value, unit, value_max, qualifier)))

    found.extend(_duals(text, folded, free))
    found.extend(_noun_numbers(text, folded, free))
    found.sort(key=lambda item: item[0])
    return _share_units(folded, found)


def _duals(text: str, folded: str, free: Callable[[int, int], bool]) -> list[_Hit]:
    """«يومين», «عقدين من الزمن»: a dual noun counts two."""
    out = []
    for m in DUAL_RE.finditer(folded):
        word = m["body"].split()[0].replace("\u0640", "")
        unit, value = DUALS_FOLDED[word]
        start, end = m.start("body"), m.end("body")
        if free(start, end):
            out.append((start, end, _mention(text, start, end, value, unit, None, None)))
    return out


def _noun_numbers(text: str, folded: str, free: Callable[[int, int], bool]) -> list[_Hit]:
    """«السنوات الأربع الماضية»: a definite counted noun followed by a definite number."""
    out = []
    for m in NOUN_NUMBER_RE.finditer(folded):
        unit = _lookup_unit(re.sub(r"\s+", " ", m["unit"].replace("\u0640", "")))
        parsed = _words_value(m["num"])
        if not unit or not parsed:
            continue
        start, end = m.start("body"), m.end("body")
        if free(start, end):
            out.append((start, end, _mention(text, start, end, parsed[0], unit, None, None)))
    return out


DUALS_FOLDED = {_norm(k): v for k, v in DUALS.items()}


def _share_units(folded: str, found: list[_Hit]) -> tuple[NumberMention, ...]:
    """Drop overlaps; in «1770 و1710 رأسا» the bare number shares the counted one's unit."""
    kept: list[_Hit] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            if item[1] - item[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = item
            continue
        kept.append(item)
    result = []
    for index, (_, end, mention) in enumerate(kept):
        if mention.unit is None and index + 1 < len(kept):
            nxt = kept[index + 1]
            if re.fullmatch(r"\s*و\s*", folded[end : nxt[0]]) and nxt[2].unit:
                mention = NumberMention(mention.text, mention.value, nxt[2].unit, mention.sentence,
                                        mention.value_max, mention.qualifier)  # fmt: skip
        result.append(mention)
    return tuple(result)
