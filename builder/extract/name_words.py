"""Whether an Arabic word can be part of a person's name, by its shape and by name tables.

Arabic has no capital letters, so a word next to a title is not a name just because it is
there. A word is *not* a name word when:

- it is a particle, pronoun or common verb (:data:`builder.extract.stopwords.NOT_NAME`), a
  title's head noun, or one of the common nouns listed in :data:`COMMON_WORDS`;
- it carries an attached preposition or conjunction (و ف ب ل ك) in front of the article
  («للعلاقات», «بالمركز») or of a word that is itself no name («لرئيس», «ومعالي», «بمدينة»);
- its morphology is that of a common noun or verb: a masdar (تفعيل «تطبيق», استفعال
  «استقبال», مفاعلة «مكافحة»), a place noun or participle in -ة («منطقة», «مديرية»), a
  relational noun in -ية («تذكارية»), an imperfect verb with a plural or dual ending
  («يمثلان», «يروجون»), an adverbial accusative («تطبيقاً»), a hamza inside a word the name
  tables spell with ي («زائد», not the name «زايد»).

A word a name table knows (a given name, a word of a listed person's name, a token of
``builder/data/name_spellings.tsv`` when the package has it) is a name word despite its
shape, unless it is a particle or listed common word: «يعلون» looks like a verb and is a
surname.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from builder.arabic import fold, strip_diacritics
from builder.extract.matcher import WORD
from builder.extract.stopwords import NOT_NAME

_CLITICS = "وفبلك"

COMMON_WORDS = frozenset(
    fold(word)
    for word in [
        # honorifics and ranks that stand between a title and a name
        "صاحب", "سمو", "السمو", "معالي", "فخامة", "سعادة", "جلالة", "دولة", "ركن", "طيار",
        "بحري", "مهندس", "سماحة", "فضيلة", "سيادة", "حضرة",
        # nouns and adjectives seen right after a title or a given name
        "مجلس", "هيئة", "لجنة", "جهاز", "مكتب", "ديوان", "قسم", "فرع", "إدارة", "دائرة",
        "قوات", "جيش", "شرطة", "أمن", "دفاع", "حرس", "قيادة", "أركان", "بيت", "طريق", "شارع",
        "مراسم", "استقبال", "رسالة", "أرسل", "زائد", "واحد", "اثنين", "اثنان", "ثلاثة",
        "جديد", "جديدة", "رفيع", "كبير", "كبار", "عدد", "جميع", "بقية", "آخرين", "آخرون",
        "قديم", "سابق", "سابقا", "أسبق", "حالي", "قوي", "رسمي", "رسمية",
        "دعم", "بلاده", "بلادها", "طلب", "عدم", "ارتفاع", "انخفاض", "بصورة", "سيكون",
        "مقالات", "رأي", "صف", "إصابة", "سبب", "سببين", "قتلى", "جرحى", "مصدر", "مصادر",
        "محلية", "محلي", "عام", "عامة", "خاص", "خاصة", "أعلى", "عليا", "ثاني", "ثالث",
        "كتيبة", "لواء", "فرقة", "سرية", "فوج", "معسكر", "قاعدة", "عملية", "هدية",
        "تذكارية", "بحضور", "حضور", "برئاسة", "رئاسة", "نيابة", "عضو", "أعضاء", "شخص",
        "أشخاص", "رجل", "امرأة", "شاب", "طفل", "مواطن", "مواطنين", "حكومة", "دولته",
        "يمكن", "يجب", "تم", "باتت", "بات", "ظل", "صار", "أصبح", "عاد", "مازال", "لازال",
        "إقليم", "منطقة", "محافظة", "ولاية", "مدينة", "قرية", "بلدة", "حي",
        "والد", "والده", "نجل", "شقيق", "شقيقة", "زوجة", "زوج", "ابنة", "أرملة", "اسم",
        "مركز", "كتاب", "كتابا", "قمة", "قصف", "هجوم", "غارة", "خطوة", "أدار", "تجربة",
        "شهداء", "شهيد",
        "محامي", "قاضي", "طبيب", "صحفي", "صحافي", "كاتب", "باحث", "خبير", "محلل", "ناشط",
        "أنصار", "عناصر", "مسلحي", "مقاتلي",
        "مواليد", "حجم", "والي", "حضر", "شارك", "قام", "عقد", "أجرى", "التقى", "استقبل",
        "بري", "جوي", "باسم", "زعيم", "قائد", "مسؤول", "أمر", "سجون", "حمد",
        "حركة", "صحة", "نداء", "موقع", "حزب", "جبهة", "تيار", "ائتلاف", "تحالف", "منظمة",
        "شمال", "جنوب", "شرق", "غرب", "وسط", "موال", "موالي", "مسلم", "مسلمين", "متكامل",
        # indefinite relational adjectives: «قائد عسكري», «مصدر أمني»
        "عسكري", "سياسي", "أمني", "رسمي", "إعلامي", "دولي", "وطني", "شعبي", "إقليمي",
        "اقتصادي", "إنساني", "قانوني", "ميداني", "إسلامي", "عربي", "حكومي", "دبلوماسي",
        "محلي", "أجنبي", "برلماني", "حزبي", "قبلي", "طائفي", "إرهابي", "أرمني", "ديني",
    ]
)  # fmt: skip
"""Common nouns, adjectives and verbs that stand where a name might: never name words."""

_ALEF_TANWEEN = re.compile("[\u064b]")

_VERB_ENDINGS = ("ون", "ان", "وا")


@lru_cache(maxsize=4096)
def common_shape(folded: str, verbs: bool = True) -> bool:
    """True when a folded word (no clitic stripped) has the morphology of a common noun or
    verb rather than a name; ``verbs`` False leaves out the imperfect-verb shape, which
    foreign names after و share («ويلسون»)."""
    size = len(folded)
    if folded in COMMON_WORDS or folded in NOT_NAME:
        return True
    if folded.startswith("است") and size >= 6 and (folded[-2] == "ا" or folded.endswith("ه")):
        return True  # استفعال, استفعالة: «استقبال», «استشارة»
    if size == 5 and folded[0] == "ت" and folded[3] == "ي":
        return True  # تفعيل: «تطبيق», «تأجيل», «تحقيق»
    if size == 6 and folded[0] == "م" and folded[2] == "ا" and folded.endswith("ه"):
        return True  # مفاعلة: «مكافحة», «مواجهة»
    if size == 5 and folded[0] == "م" and folded[2] == "ت":
        return True  # مفتعل: «معتدل», «منتشر» (the names of the shape are listed)
    if size == 5 and folded[0] == "م" and folded[3] == "و":
        return True  # مفعول: «مبعوث», «مسؤول» (names of the shape are in the name tables)
    if size == 5 and folded[1] == "ا" and folded.endswith("ت"):
        return True  # فاعلت: «حاولت», «شاركت»
    if size >= 5 and folded[0] == "م" and folded.endswith("ه"):
        return True  # place nouns and participles: «منطقة», «مديرية», «منظمة»
    if size >= 6 and folded.endswith("ات"):
        return True  # feminine plurals: «تصريحات», «مقالات»
    if size >= 6 and folded.endswith("يه"):
        return True  # relational nouns and adjectives: «تذكارية», «عسكرية»
    if size == 5 and folded[0] == "ا" and folded[2] == "ت":
        return True  # افتعل: «احتفل», «اعتبر»
    if (
        verbs
        and size == 6
        and folded[0] == "ا"
        and folded[4] == "ا"
        and (folded[2] == "ت" or folded[1] == "ن")
    ):
        return True  # افتعال, انفعال: «افتتاح», «انطلاق» (the name tables rescue «انطوان»)
    if size >= 5 and folded[0] in "ات" and folded.endswith("ت"):
        return True  # past feminine of derived verbs: «تضمنت», «اختارت»
    if verbs and size == 4 and folded[0] in "يت" and folded[1] not in "اويش":
        return True  # imperfect verbs: «يزور», «يقدم» (the names of the shape are listed)
    if verbs and size >= 5 and folded[:2] in ("نت", "نن", "نس"):
        return True  # first person plural: «ننتظر», «نستطيع»
    if verbs and size >= 5 and folded[:2] in ("سي", "ست", "سن") and folded[2] not in "اويت":
        return True  # the future: «سيقوم», «ستعقد» (not «ستيفن», «ستيوارت»)
    if verbs and size >= 5 and folded[:2] in ("يت", "يس") and folded[:3] != "يسر":
        return True  # derived imperfects: «يتقدم», «يستخدم»
    # imperfect verbs, plural or dual: «يمثلان», «يروجون», «يتكلمون»
    return verbs and folded[0] in "يت" and 5 <= size <= 8 and folded.endswith(_VERB_ENDINGS)


def _doubtful(folded: str, plain: str) -> bool:
    """A shape names share with common words: a final ة or ا, an imperfect-verb prefix on
    a short word. (An initial و/ب/ل/ك is not: too many foreign names begin so.)"""
    return (
        plain.endswith(("ة", "ا"))
        or (folded[0] in "يتنا" and len(folded) <= 5)
        or len(folded) <= 3
        or (len(folded) == 4 and folded.endswith("ت"))
    )


def _foreign_alef(folded: str, plain: str) -> bool:
    """A bare initial alef on a word of four letters or more that has no other doubtful
    shape: how foreign names are spelled («ارجش», «اوزان»); Arabic verbs of the shape take
    a hamza in edited text («أكد»), and common words are refused before this is asked."""
    return (
        plain[0] == "ا"
        and len(folded) >= 4
        and not plain.endswith(("ة", "ا"))
        and not (len(folded) == 4 and folded.endswith("ت"))
    )


def clitic_rest(folded: str) -> str | None:
    """The word after an attached و/ف/ب/ل/ك when what remains is long enough to be a word."""
    if folded[:1] in _CLITICS and len(folded) > 3:
        return folded[1:]
    return None


class NameWords:
    """Decides name words, given the name tokens the knowledge base and tables know."""

    def __init__(
        self,
        known: frozenset[str],
        excluded: frozenset[str],
        hamza: frozenset[str],
        table: frozenset[str] = frozenset(),
    ) -> None:
        self.known = known
        """Folded words that are names (given names, words of listed people's names): a name
        word whatever its shape."""
        self.table = table
        """Tokens of the name-spelling table: evidence that a word is a name, but no licence
        for a word whose shape is a common noun's (the table has «عقل» and «سعيد»)."""
        self.excluded = excluded
        """Folded words that are never name words (title heads, country names, nisbas)."""
        self.hamza = hamza
        """Known names as spelled with ئ or ؤ inside («خامنئي»), alef forms unified."""

    def is_known(self, word: str) -> bool:
        """True when a name table knows the word as a personal-name token."""
        folded = fold(word)
        return folded in self.known or folded in self.table

    def is_name_word(self, word: str, *, first: bool = False, titled: bool = False) -> bool:
        """True when ``word`` (as written) can be a word of a person's name. A ``first`` word
        opens the name: a common noun in -ة does not («رسالة»), a surname may («حمزة»). A
        ``titled`` word follows a title: a foreign name with a bare initial alef («ارجش»)
        is one there, though common words share the shape elsewhere."""
        plain = strip_diacritics(word)
        folded = fold(word)
        if len(folded) < 2 or not folded.isalpha() or plain.startswith("ال"):
            return False
        if folded.isascii():
            return False  # a Latin word inside Arabic text is an acronym or a gloss
        if plain == "علي":
            return True  # the name: the preposition is «على» (both fold alike)
        if folded in NOT_NAME or folded in COMMON_WORDS or folded in self.excluded:
            return False
        if self._attached(folded, plain):
            return False
        if ("ئ" in plain[1:] or "ؤ" in plain[1:]) and hamza_key(plain) not in self.hamza:
            return False  # «زائد» is not the name «زايد», «مؤدي» not «مودي»
        if folded in self.known:
            return True
        if (
            self.table
            and folded not in self.table
            and _doubtful(folded, plain)
            and not (titled and _foreign_alef(folded, plain))
        ):
            return False  # a shape common words share needs the name table's word for it
        if _ALEF_TANWEEN.search(word):
            return False
        if common_shape(folded) and (folded not in self.table or common_shape(folded, False)):
            return False  # a verb's shape, unless the name table has the word («سيمون»)
        if "\u0651" in word and folded[0] in "يت" and len(folded) <= 5:
            return False  # a verb with shadda: «تبيّن», «يتوقّع»
        if len(folded) >= 4 and plain.endswith(("ه", "ها", "هم", "هما", "كم")):
            return False  # an attached pronoun: «أقنعه», «حفظهم» (ة is the name ending)
        if len(folded) >= 4 and folded.endswith("ا") and self._common(folded[:-1]):
            return False  # an accusative: «جديدا», «تقييما», «أوروبيا»
        if len(folded) == 5 and folded.endswith("وا"):
            return False  # a past plural: «قتلوا», «كانوا»
        if first and len(folded) == 4 and folded[0] == "و":
            return False  # «وقدم»: a conjunction and a verb opening a clause
        if first and folded[0] == "و" and folded[1] in "يتن" and len(folded) >= 5:
            return False  # «ويردد»: a conjunction and an imperfect verb
        if not first and len(folded) == 4 and plain[0] == "أ":
            return False  # أفعل after a name is a verb: «أبدع», «أصيب» (the names are listed)
        return not (first and folded.endswith("ه") and len(folded) >= 4)

    def _common(self, folded: str) -> bool:
        return (
            folded in COMMON_WORDS
            or folded in NOT_NAME
            or folded in self.excluded
            or common_shape(folded)
            or folded.endswith("ي")
        )

    def _attached(self, folded: str, plain: str) -> bool:
        """True when the word is a clitic on the article or on a word that is no name."""
        if folded[:1] in "وفبلك" and (folded[1:] in NOT_NAME or folded[1:] in COMMON_WORDS):
            return True  # «وفي», «ولا», «بما», «وتم»
        if plain[1:2] in ("أ", "إ") and folded[0] in "وفبلك" and folded not in self.known:
            return True  # a clitic before a hamza word: «لأوبك», «وأكد», «بأي»
        rest = clitic_rest(folded)
        if rest is None:
            return False
        if folded in self.known:
            return False
        if plain[1:2] in ("أ", "إ") and len(rest) >= 2:
            return True  # a clitic before a hamza word: «لأوبك», «وأكد», «بإيران»
        if rest.startswith("ال") or folded.startswith("لل"):
            return True
        if rest in NOT_NAME or rest in COMMON_WORDS or rest in self.excluded:
            return True
        if rest in self.known:
            return True  # «وسليماني»: a conjunction and the next person
        if len(rest) == 3 and folded[0] in "ول":
            # a clitic on a short word: «ومضت», «لرصد» (ب, ك and ف open too many names:
            # «بادي», «كمال», «فريد»)
            return True
        if rest.endswith("ه") and len(rest) >= 4 and plain.endswith("ه"):
            return True  # a clitic and a verb with a pronoun: «واعتمده»
        if folded[0] in "وف":
            # «ومبعوث», «وعدد» are a conjunction and a common word; «ويلسون», «فيكتور»
            # are names that begin with the letter (Chinese «ويمين» too).
            return common_shape(rest, verbs=False)
        # Prepositions attach to nouns: a verb-shaped rest makes a name («بيترسون»).
        if folded[0] in "بل" and rest[0] == "م" and len(rest) >= 4:
            return True  # a preposition on a place noun or masdar: «بمعدل», «لمنظمة»
        return common_shape(rest, verbs=False) or rest.endswith("ه")


def hamza_key(word: str) -> str:
    """A word's letters with diacritics dropped and alef forms unified, ئ and ؤ kept."""
    return strip_diacritics(word).translate(_ALEFS)


_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})

_TABLE = Path(__file__).resolve().parent.parent / "data" / "name_spellings.tsv"


@lru_cache(maxsize=1)
def table_tokens() -> frozenset[str]:
    """Folded Arabic tokens of the package's name-spelling table, if it has one (first
    column of ``builder/data/name_spellings.tsv``); empty otherwise."""
    if not _TABLE.exists():
        return frozenset()
    tokens = set()
    with _TABLE.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or "\t" not in line:
                continue
            token = fold(line.split("\t", 1)[0].strip())
            if token and " " not in token:
                tokens.add(token)
    return frozenset(tokens)


Word = tuple[int, int, str]
"""A word of a text: (start, end, the word as written)."""


@lru_cache(maxsize=16)
def words_of(text: str) -> tuple[Word, ...]:
    """(start, end, word) for every word of the text, as the patterns walk it (found once
    per text: every people rule walks the same words)."""
    return tuple((m.start(), m.end(), m.group(0)) for m in WORD.finditer(text))


def has_article(word: str) -> bool:
    """The article is always written with a bare alef; «ألبيرك» (Alberque) has none."""
    return strip_diacritics(word).startswith("ال")
