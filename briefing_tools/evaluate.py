"""``briefing eval``: score extraction against gold annotations, field by field.

Matching is one-to-one and greedy in rounds, strongest evidence first, so one prediction
never counts for two gold items:

- **dates**: the same span (folded), then one span inside the other («عام 2019» for
  «في عام 2019»); repeated spans count once per occurrence (gold ``count``).
- **people, organizations, countries**: any shared surface form (folded, an attached
  preposition such as لـ dropped), then the same English name, then one multi-word form
  inside the other.
- **numbers**: one span inside the other; recall is the target, precision is shown.
- **quotes**: the gold start (a complementizer such as إن/أن/بأن dropped) begins the
  predicted content, then occurs in it, then the predicted content begins the gold start.

Gold items marked ``uncertain`` are left out: matched, they are neither a hit nor a false
alarm; missed, they are not a miss. The publication date comes from each gold file.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing_tools.gold import Gold, GoldActor, gold_files, load_gold
from builder.arabic import PROCLITICS, fold
from builder.clean.furniture import clean
from builder.errors import BriefError
from builder.extract import extract
from builder.extract.matcher import WORD
from builder.knowledge import Knowledge
from builder.model import ActorMention, Extraction, Quote
from builder.read.sources import SOURCE_SUFFIXES, read_source

FIELDS = ("dates", "people", "organizations", "countries", "numbers", "quotes")

TARGETS: dict[str, tuple[str, float]] = {
    "dates": ("f1", 0.90),
    "people": ("f1", 0.90),
    "quotes": ("f1", 0.90),
    "countries": ("f1", 0.95),
    "organizations": ("f1", 0.85),
    "numbers": ("recall", 0.85),
    "dates.iso": ("accuracy", 0.90),
    "quotes.speaker": ("accuracy", 0.90),
}
"""The targets of issue 3: field -> (measure, minimum)."""


@dataclass
class Tally:
    """Counts for one field (or one accuracy check), summed over articles."""

    hits: int = 0
    false_alarms: int = 0
    misses: int = 0

    @property
    def precision(self) -> float:
        """Share of counted predictions that match gold."""
        found = self.hits + self.false_alarms
        return self.hits / found if found else 1.0

    @property
    def recall(self) -> float:
        """Share of counted gold items that were found."""
        expected = self.hits + self.misses
        return self.hits / expected if expected else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        """For accuracy checks: hits are correct, misses are wrong."""
        return self.recall

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        self.hits += other.hits
        self.false_alarms += other.false_alarms
        self.misses += other.misses


@dataclass
class ArticleResult:
    """Scores and the itemized errors of one article."""

    article: str
    tallies: dict[str, Tally] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    """``field: missed|false alarm|wrong ...`` lines, for ``--details``."""
    furniture_actors: list[str] = field(default_factory=list)
    """Predicted actors that are page furniture according to ``junk_mentions``."""
    seconds: float = 0.0
    """Time spent in clean + extract."""


def surface_key(text: str) -> str:
    """Fold a surface form for comparison; drop an attached preposition before ال."""
    words = WORD.findall(fold(text))
    if words:
        first = words[0]
        if first.startswith("لل") and len(first) > 3:
            words[0] = "ال" + first[2:]
        else:
            for clitic in PROCLITICS:
                if first.startswith(clitic + "ال") and len(first) > len(clitic) + 3:
                    words[0] = first[len(clitic) :]
                    break
    return " ".join(words)


def _english_alternatives(name: str) -> set[str]:
    """``Pentagon (US Department of Defense)`` -> both names, lower-cased."""
    outside = re.sub(r"\([^)]*\)", " ", name)
    inside = re.findall(r"\(([^)]*)\)", name)
    return {" ".join(part.lower().split()) for part in [outside, *inside] if part.strip()}


def _greedy(golds: int, preds: int, rounds: Sequence[Callable[[int, int], bool]]) -> dict[int, int]:
    """One-to-one matching of ``golds`` gold items with ``preds`` predictions, round by
    round; each round is a test on (gold index, prediction index). Returns gold -> pred."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for matches in rounds:
        for gold_index in range(golds):
            if gold_index in pairs:
                continue
            for pred_index in range(preds):
                if pred_index not in taken and matches(gold_index, pred_index):
                    pairs[gold_index] = pred_index
                    taken.add(pred_index)
                    break
    return pairs


def _tally(
    name: str,
    golds: Sequence[Any],
    preds: Sequence[Any],
    pairs: dict[int, int],
    uncertain: Callable[[Any], bool],
    describe: Callable[[Any], str],
    errors: list[str],
    *,
    list_false_alarms: bool = True,
) -> Tally:
    """Hits, misses and false alarms of one field; misses (and false alarms, unless told
    otherwise) are described in ``errors``."""
    tally = Tally()
    for gold_index, gold in enumerate(golds):
        if gold_index in pairs:
            if not uncertain(gold):
                tally.hits += 1
        elif not uncertain(gold):
            tally.misses += 1
            errors.append(f"{name}: missed {describe(gold)}")
    matched = set(pairs.values())
    for pred_index, pred in enumerate(preds):
        if pred_index not in matched:
            tally.false_alarms += 1
            if list_false_alarms:
                errors.append(f"{name}: false alarm {describe(pred)}")
    return tally


def _match_spans(gold_texts: Sequence[str], pred_texts: Sequence[str]) -> dict[int, int]:
    """Spans of the text: the same span (folded) first, then one inside the other."""
    wanted = [surface_key(text) for text in gold_texts]
    found = [surface_key(text) for text in pred_texts]
    return _greedy(
        len(wanted),
        len(found),
        (lambda g, p: wanted[g] == found[p], lambda g, p: _contains(wanted[g], found[p])),
    )


def _contains(a: str, b: str) -> bool:
    return bool(a and b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def _actor_surfaces(actor: GoldActor | ActorMention) -> set[str]:
    return {surface_key(form) for form in (actor.ar, *actor.forms)} - {""}


def _score_actors(
    name: str, golds: Sequence[GoldActor], preds: Sequence[ActorMention], result: ArticleResult
) -> None:
    gold_surfaces = [_actor_surfaces(gold) for gold in golds]
    pred_surfaces = [_actor_surfaces(pred) for pred in preds]
    gold_english = [_english_alternatives(gold.en) for gold in golds]
    pred_english = [_english_alternatives(pred.en) for pred in preds]

    def same_form(g: int, p: int) -> bool:
        return bool(gold_surfaces[g] & pred_surfaces[p])

    def same_english(g: int, p: int) -> bool:
        return bool(gold_english[g] & pred_english[p])

    def nested_form(g: int, p: int) -> bool:
        return any(
            _contains(a, b) and min(len(a.split()), len(b.split())) >= 2
            for a in gold_surfaces[g]
            for b in pred_surfaces[p]
        )

    pairs = _greedy(len(golds), len(preds), (same_form, same_english, nested_form))
    result.tallies[name] = _tally(
        name,
        golds,
        preds,
        pairs,
        lambda gold: gold.uncertain,
        lambda actor: f"{actor.ar} ({actor.en})",
        result.errors,
    )


def _score_dates(gold: Gold, extraction: Extraction, result: ArticleResult) -> None:
    golds = [date for date in gold.dates for _ in range(date.count)]
    preds = list(extraction.dates)
    pairs = _match_spans([date.text for date in golds], [date.text for date in preds])
    result.tallies["dates"] = _tally(
        "dates",
        golds,
        preds,
        pairs,
        lambda date: date.uncertain,
        lambda date: f"{date.text} [{date.iso}]",
        result.errors,
    )
    iso = Tally()
    for gold_index, pred_index in pairs.items():
        expected, found = golds[gold_index], preds[pred_index]
        if expected.uncertain:
            continue
        if expected.iso == found.iso:
            iso.hits += 1
        else:
            iso.misses += 1
            result.errors.append(
                f"dates.iso: {expected.text} is {expected.iso}, extracted {found.iso}"
            )
    result.tallies["dates.iso"] = iso


def _score_numbers(gold: Gold, extraction: Extraction, result: ArticleResult) -> None:
    preds = list(extraction.numbers)
    pairs = _match_spans([number.text for number in gold.numbers], [p.text for p in preds])
    result.tallies["numbers"] = _tally(
        "numbers",
        gold.numbers,
        preds,
        pairs,
        lambda number: number.uncertain,
        lambda number: (
            f"{number.text} [{number.value:g}]" if number.value is not None else number.text
        ),
        result.errors,
        list_false_alarms=False,  # numbers only target recall; unlisted quantities are fine
    )


# The speech verb's complement marker, with a preposition the verb governs (حذر من أن).
_COMPLEMENTIZER = re.compile(
    r"^(?:(?:من|على|الى|عن|في) )?(?:ب|ل)?ان(?:ه|ها|هم|هما|هن|ني|نا)?(?: |$)"
)


def _quote_key(text: str) -> str:
    return _COMPLEMENTIZER.sub("", surface_key(text))


_STOPWORDS = {"the", "of", "a", "an", "and", "for", "s", "unnamed", "by", "relayed", "at", "in"}
_CANONICAL = {"american": "us", "americans": "us", "u": "us", "usa": "us"}


def _speaker_tokens(name: str) -> list[set[str]]:
    alternatives = []
    for alternative in _english_alternatives(name):
        tokens = {
            # Singular and plural name the same speaker: officials ~ official.
            _CANONICAL.get(token) or (token.removesuffix("s") if len(token) > 3 else token)
            for token in re.findall(r"[a-z0-9]+", alternative)
            if token not in _STOPWORDS
        }
        if tokens:
            alternatives.append(tokens)
    return alternatives


def speaker_matches(
    gold_speaker: str,
    quote: Quote,
    actors: Sequence[ActorMention],
    gold_actors: Sequence[GoldActor] = (),
) -> bool:
    """True when the predicted speaker is the gold speaker: all the words of one English name
    appear in the other («Santoro» for «David Santoro», «State Department spokesperson» for
    «US State Department spokesperson»), or the speaker's Arabic is a form of the gold actor
    that English names (a provisional romanization is still the right person)."""
    if quote.speaker is None:
        return False
    wanted_names = _english_alternatives(gold_speaker)
    speaker_forms = {surface_key(quote.speaker.ar)}
    speaker_forms |= {
        surface_key(form)
        for actor in actors
        if quote.speaker.key and actor.key == quote.speaker.key
        for form in (actor.ar, *actor.forms)
    }
    for gold_actor in gold_actors:
        if _english_alternatives(gold_actor.en) & wanted_names and (
            _actor_surfaces(gold_actor) & speaker_forms
        ):
            return True
    if _speaks_for_gold_body(gold_speaker, quote.speaker.ar, gold_actors):
        return True
    names = [quote.speaker.en or ""]
    names += [actor.en for actor in actors if quote.speaker.key and actor.key == quote.speaker.key]
    expected = _speaker_tokens(gold_speaker)
    return any(
        found <= wanted or wanted <= found
        for name in names
        for found in _speaker_tokens(name)
        for wanted in expected
    )


def _speaks_for_gold_body(
    gold_speaker: str, speaker_ar: str, gold_actors: Sequence[GoldActor]
) -> bool:
    """«متحدث باسم وزارة الخارجية» for "US State Department spokesperson": the unnamed
    speaker's Arabic names the body the gold speaker speaks for. The longest gold form in the
    speaker's words decides, so «وزارة الخارجية الروسية» is not the bare «وزارة الخارجية»."""
    words = f" {surface_key(speaker_ar)} "
    named = [
        (len(form), actor)
        for actor in gold_actors
        for form in _actor_surfaces(actor)
        if f" {form} " in words
    ]
    if not named:
        return False
    body = max(named, key=lambda item: item[0])[1]
    gold = " ".join(gold_speaker.lower().split())
    names = _english_alternatives(body.en)
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", gold) for name in names)


def _score_quotes(gold: Gold, extraction: Extraction, result: ArticleResult) -> None:
    preds = list(extraction.quotes)
    gold_keys = [_quote_key(quote.text_start) for quote in gold.quotes]
    pred_keys = [_quote_key(quote.text) for quote in preds]

    def keys(g: int, p: int) -> tuple[str, str]:
        return gold_keys[g], pred_keys[p]

    def starts(g: int, p: int) -> bool:
        wanted, found = keys(g, p)
        return bool(wanted) and (found == wanted or found.startswith(wanted + " "))

    def inside(g: int, p: int) -> bool:
        wanted, found = keys(g, p)
        return len(wanted.split()) >= 3 and f" {wanted} " in f" {found} "

    def truncated(g: int, p: int) -> bool:
        wanted, found = keys(g, p)
        return len(found.split()) >= 3 and wanted.startswith(found + " ")

    pairs = _greedy(len(gold.quotes), len(preds), (starts, inside, truncated))
    result.tallies["quotes"] = _tally(
        "quotes",
        gold.quotes,
        preds,
        pairs,
        lambda quote: quote.uncertain,
        lambda quote: f"«{getattr(quote, 'text_start', None) or quote.text[:60]}»",
        result.errors,
    )
    actors = extraction.people + extraction.organizations + extraction.countries
    gold_actors = gold.people + gold.organizations + gold.countries
    speakers = Tally()
    for gold_index, pred_index in pairs.items():
        expected, found = gold.quotes[gold_index], preds[pred_index]
        if expected.uncertain:
            continue
        if speaker_matches(expected.speaker_en, found, actors, gold_actors):
            speakers.hits += 1
        else:
            speakers.misses += 1
            said = found.speaker.en or found.speaker.ar if found.speaker else None
            result.errors.append(
                f"quotes.speaker: «{expected.text_start}» is {expected.speaker_en}, "
                f"extracted {said}"
            )
    result.tallies["quotes.speaker"] = speakers


def _furniture_actors(gold: Gold, extraction: Extraction) -> list[str]:
    junk = {surface_key(text) for text in gold.junk_mentions} - {""}
    flagged = []
    for actor in extraction.people + extraction.organizations + extraction.countries:
        surfaces = _actor_surfaces(actor)
        # Only equal or wider: a long caption naming someone the body also names is no proof.
        if any(piece == form or f" {piece} " in f" {form} " for piece in junk for form in surfaces):
            flagged.append(actor.ar)
    return flagged


def source_for(gold: Gold, source_dir: Path) -> Path:
    """The article a gold file annotates: ``<article>.txt`` (or ``.md``) in ``source_dir``."""
    for suffix in SOURCE_SUFFIXES:
        candidate = source_dir / f"{gold.article}{suffix}"
        if candidate.is_file():
            return candidate
    raise BriefError(gold.file, f"no {gold.article}.txt or .md in {source_dir}", field="article")


def evaluate_article(gold: Gold, source: Path, knowledge: Knowledge) -> ArticleResult:
    """Extract one article, anchored on the gold publication date, and score every field."""
    document = read_source(source, display=str(source))
    # Only a full date anchors relative dates; a year-only pub_date leaves them unresolved.
    anchor = gold.pub_date if gold.pub_date and len(gold.pub_date) == 10 else None
    metadata = dataclasses.replace(document.metadata, published=anchor)
    document = dataclasses.replace(document, metadata=metadata)
    started = time.perf_counter()
    extraction = extract(clean(document), knowledge)
    result = ArticleResult(article=gold.article, seconds=time.perf_counter() - started)
    _score_dates(gold, extraction, result)
    _score_actors("people", gold.people, extraction.people, result)
    _score_actors("organizations", gold.organizations, extraction.organizations, result)
    _score_actors("countries", gold.countries, extraction.countries, result)
    _score_numbers(gold, extraction, result)
    _score_quotes(gold, extraction, result)
    result.furniture_actors = _furniture_actors(gold, extraction)
    return result


def evaluate(
    gold_dir: Path, source_dir: Path, knowledge: Knowledge
) -> tuple[list[ArticleResult], list[BriefError]]:
    """Score every gold file of ``gold_dir``; a bad gold file or source is reported, not fatal."""
    results, problems = [], []
    for path in gold_files(gold_dir):
        try:
            gold = load_gold(path)
            results.append(evaluate_article(gold, source_for(gold, source_dir), knowledge))
        except BriefError as error:
            problems.append(error)
    return results, problems


def totals(results: Sequence[ArticleResult]) -> dict[str, Tally]:
    """Tallies summed over articles (micro-averaged scores)."""
    summed: dict[str, Tally] = {}
    for result in results:
        for name, tally in result.tallies.items():
            summed.setdefault(name, Tally()).add(tally)
    return summed


def meets_targets(results: Sequence[ArticleResult]) -> dict[str, bool]:
    """Each target of :data:`TARGETS`, met or not; plus ``furniture`` (no junk actor)."""
    summed = totals(results)
    met = {
        name: getattr(summed.get(name, Tally()), measure) >= minimum
        for name, (measure, minimum) in TARGETS.items()
    }
    met["furniture"] = not any(result.furniture_actors for result in results)
    return met


def report_data(results: Sequence[ArticleResult]) -> dict[str, Any]:
    """The scores as JSON-able data (``briefing eval --json``)."""
    summed = totals(results)
    met = meets_targets(results)
    timings = sorted(result.seconds for result in results)
    return {
        "articles": len(results),
        "fields": {
            name: {
                "hits": tally.hits,
                "false_alarms": tally.false_alarms,
                "misses": tally.misses,
                "precision": round(tally.precision, 4),
                "recall": round(tally.recall, 4),
                "f1": round(tally.f1, 4),
                **(
                    {"target": {"measure": TARGETS[name][0], "minimum": TARGETS[name][1]}}
                    if name in TARGETS
                    else {}
                ),
                "met": met.get(name),
            }
            for name, tally in summed.items()
        },
        "furniture_actors": {r.article: r.furniture_actors for r in results if r.furniture_actors},
        "median_ms_per_article": round(1000 * timings[len(timings) // 2], 1) if timings else None,
        "errors": {result.article: result.errors for result in results},
    }


def format_report(results: Sequence[ArticleResult], *, details: bool = False) -> str:
    """A plain-text table: precision, recall and F1 per field, and each target met or not."""
    data = report_data(results)
    lines = []
    if details:
        for result in results:
            lines.append(f"== {result.article}")
            lines += [f"  {error}" for error in result.errors]
        lines.append("")
    lines.append(
        f"{'field':<16}{'precision':>10}{'recall':>8}{'F1':>7}{'hits':>6}{'false':>7}"
        f"{'missed':>8}  target"
    )
    for name, row in data["fields"].items():
        target = ""
        if "target" in row:
            measure, minimum = row["target"]["measure"], row["target"]["minimum"]
            target = f"{measure} >= {minimum:.2f} {'met' if row['met'] else 'NOT MET'}"
        if name.count("."):
            lines.append(
                f"{name:<16}{'':>10}{row['recall']:>8.3f}{'':>7}{row['hits']:>6}{'':>7}"
                f"{row['misses']:>8}  {target}"
            )
            continue
        lines.append(
            f"{name:<16}{row['precision']:>10.3f}{row['recall']:>8.3f}{row['f1']:>7.3f}"
            f"{row['hits']:>6}{row['false_alarms']:>7}{row['misses']:>8}  {target}"
        )
    furniture = sum(len(names) for names in data["furniture_actors"].values())
    lines.append(f"\nfurniture reported as actors: {furniture}")
    for article, names in data["furniture_actors"].items():
        lines.append(f"  {article}: {', '.join(names)}")
    lines.append(
        f"{data['articles']} articles; median {data['median_ms_per_article']} ms "
        "per article (clean + extract)"
    )
    return "\n".join(lines)
