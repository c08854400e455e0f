"""Stories: articles about the same event, grouped by themselves. Pure Python, no Textual.

Each article becomes a TF-IDF vector over its cleaned words (title words count double; numbers
such as "7.8" or "2,300" are kept whole because they pin an event down). Two articles are
linked when their cosine similarity reaches ``THRESHOLD`` and, when both have dates, they lie
within ``WINDOW_DAYS`` of each other. Stories are the connected groups of links (single link),
guarded against chaining: two groups merge only if the link is also close to the average
similarity between them (``MERGE_FLOOR``).

The threshold was calibrated on tests/unit/story_corpus.py plus the five seeds: same-event
pairs from different outlets score about 0.25-0.5, different events on the same topic (two
central banks the same week, two earthquakes, NATO summits) score below 0.12.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date

from reader.model import Article

THRESHOLD = 0.27  # mean of the word cosine and the name cosine
WORD_FLOOR = 0.12  # each of the two must still say something on its own
NAME_FLOOR = 0.2
TEXT_ONLY_THRESHOLD = 0.3  # when an article has too few names (e.g. scripts without capitals)
MIN_NAMES = 5
MERGE_FLOOR = 0.12  # average word similarity two groups need to merge over one strong link
WINDOW_DAYS = 14  # stories last; seed articles on one story span 12 days
TITLE_WEIGHT = 2
KEYS_PER_ARTICLE = 16  # candidate pairs share at least one of each other's top terms
NEIGHBOURS = 25  # for terms in more articles than this, only the nearest in time are paired
MAX_GROUPING_CHARS = 30_000  # body text read per article (~5,000 words; news runs far shorter)

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_NAME_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_SENTENCE_END = frozenset('.!?:"\u201c\u2018\u00ab([')
_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    out over own same she should so some such than that the their theirs them themselves then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours said says say told tell according
    would could one two three new year years day days week weeks last first next time
    monday tuesday wednesday thursday friday saturday sunday mr mrs ms per cent percent
    image getty photo picture read more don miss share comment comments""".split()
    # the commonest function words of other languages the app meets (3+ letters only)
    + """para que dos das uma com por mais não nao como foi sobre pelo pela são sao ser tem
    está esta seu sua também tambem após apos entre ainda disse diz este essa isso anos ano
    del los las una con por para más mas como pero sus fue son entre sobre este esta también
    tras desde han ser dijo años año cuando
    che della delle degli dei nel nella per con una sono anche come più piu dopo alla alle
    gli suo sua questo questa anni anno stato stata ha detto
    les des une dans pour sur par pas plus avec qui que est été ont aux son ses cette ans
    année selon après apres entre
    der die das und den dem des ein eine einer nicht mit von auf für fur ist sich auch nach
    bei wie wird wurde sind hat aus zum zur über uber jahr jahre sagte
    что как для это его она они был была было были при после также или уже года год
    сказал заявил который которые""".split()
)


def _normal_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2019", "'")
    words: list[str] = []
    for token in _TOKEN_RE.findall(text):
        if token[0].isdigit():
            if len(token) > 1 or token != "0":
                words.append(token)
            continue
        if len(token) < 3 or token in _STOPWORDS:
            continue
        words.append(_stem(token))
    return words


def _stem(word: str) -> str:
    """Tiny suffix folding (talks/talk, troops/troop); errs on the side of doing nothing."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _grouping_paragraphs(article: Article, limit: int = MAX_GROUPING_CHARS) -> list[str]:
    """The article's first ``limit`` characters of body, as paragraphs.

    An event is told in the first few paragraphs; a huge file (a log, a book, a 20 MB line)
    would otherwise cost time in proportion to its size on every regroup of the library.
    """
    kept: list[str] = []
    left = limit
    for paragraph in article.paragraphs:
        if left <= 0:
            break
        if len(paragraph) > left:
            cut = paragraph.rfind(" ", 0, left)  # do not keep half a word
            paragraph = paragraph[: cut if cut > 0 else left]
        kept.append(paragraph)
        left -= len(paragraph) + 1
    return kept


def _term_counts(article: Article) -> Counter[str]:
    counts: Counter[str] = Counter(_normal_words("\n".join(_grouping_paragraphs(article))))
    if not article.title_derived:
        for word in _normal_words(article.title):
            counts[word] += TITLE_WEIGHT
    return counts


def _name_counts(article: Article, limit: int | None = MAX_GROUPING_CHARS) -> Counter[str]:
    """Names (capitalised words not opening a sentence, acronyms) and multi-digit numbers.

    What an event is about - who, where, how many - lives in these, while topic words (rates,
    inflation, earthquake) are shared by different events on one topic.
    """
    counts: Counter[str] = Counter()
    paragraphs = article.paragraphs if limit is None else _grouping_paragraphs(article, limit)
    for paragraph in paragraphs:
        previous_end = 0
        for match in _NAME_TOKEN_RE.finditer(paragraph):
            token = match.group()
            # Only the characters since the previous token can end a sentence (a token itself
            # never ends in one): looking at the whole prefix each time was quadratic.
            gap = paragraph[previous_end : match.start()].rstrip()
            opens_sentence = gap[-1] in _SENTENCE_END if gap else previous_end == 0
            previous_end = match.end()
            if token[0].isdigit():
                if len(token) >= 2:
                    counts[token] += 1
                continue
            if not token[0].isupper() or (opens_sentence and not token.isupper()):
                continue
            name = token.casefold().replace("\u2019", "'").removesuffix("'s")
            if len(name) >= 2 and name not in _STOPWORDS:
                counts[name] += 1
    return counts


def _day(value: str | None) -> int | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _tfidf(counts: list[Counter[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (sublinear tf, smoothed idf over these articles)."""
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(counts)
    idf = {term: math.log((n + 1) / (d + 1)) + 1.0 for term, d in df.items()}
    vectors: list[dict[str, float]] = []
    for c in counts:
        vector = {term: (1.0 + math.log(tf)) * idf[term] for term, tf in c.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append({term: w / norm for term, w in vector.items()})
    return vectors


def tfidf_vectors(articles: Sequence[Article]) -> list[dict[str, float]]:
    """Word vectors of the articles (title words count double)."""
    return _tfidf([_term_counts(article) for article in articles])


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())


class _Features:
    """Word and name vectors, name counts and days of a set of articles."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.words = tfidf_vectors(articles)
        names = [_name_counts(article) for article in articles]
        self.name_totals = [sum(c.values()) for c in names]
        self.names = _tfidf(names)
        self.days = [_day(article.date) for article in articles]
        # Ties (equal strengths, equal days) are broken by content, not by position in the
        # input, so the same articles group the same way whatever order they come in.
        order = sorted(range(len(articles)), key=lambda i: _content_key(articles[i]))
        self.rank = [0] * len(articles)
        for position, i in enumerate(order):
            self.rank[i] = position

    def similarity(self, i: int, j: int) -> tuple[float, float]:
        """(word cosine, name cosine)."""
        return cosine(self.words[i], self.words[j]), cosine(self.names[i], self.names[j])

    def linked(self, i: int, j: int, threshold: float, window_days: int) -> float | None:
        """The link strength if i and j tell the same event, else None."""
        day_i, day_j = self.days[i], self.days[j]
        if day_i is not None and day_j is not None and abs(day_i - day_j) > window_days:
            return None
        if min(self.name_totals[i], self.name_totals[j]) < MIN_NAMES:
            words = cosine(self.words[i], self.words[j])
            return words if words >= TEXT_ONLY_THRESHOLD else None
        names = cosine(self.names[i], self.names[j])  # short vectors: the cheap test first
        if names < NAME_FLOOR or names + 1.0 < 2 * threshold:
            return None
        words = cosine(self.words[i], self.words[j])
        strength = (words + names) / 2
        if strength >= threshold and words >= WORD_FLOOR and names >= NAME_FLOOR:
            return strength
        return None


def _content_key(article: Article) -> tuple[str, str, str]:
    return (article.title, article.date or "", "\n".join(article.paragraphs)[:CONTENT_KEY_CHARS])


CONTENT_KEY_CHARS = 2_000


def similarity_matrix(articles: Sequence[Article]) -> list[list[tuple[float, float]]]:
    """All pairwise (word, name) similarities (for calibration and tests; O(n^2))."""
    features = _Features(articles)
    n = len(articles)
    return [[features.similarity(i, j) for j in range(n)] for i in range(n)]


def _candidate_pairs(
    vectors: list[dict[str, float]], days: list[int | None], rank: list[int]
) -> set[tuple[int, int]]:
    """Pairs sharing one of their top terms; avoids comparing every article with every other.

    A term shared by very many articles (a big topic, a frequent name) pairs each article only
    with its ``NEIGHBOURS`` nearest in time among them, so the work stays near-linear; a story
    is still found through its rarer shared names, or through the chain of neighbours.
    """
    # Keys are chosen among terms another article has too: a term only one article uses pairs
    # nothing, and letting such terms fill the top slots left articles with no candidates at all
    # (one unrelated article added to the set could split a story).
    df: Counter[str] = Counter()
    for vector in vectors:
        df.update(vector.keys())
    index: dict[str, list[int]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        shared = [term for term in vector if df[term] > 1]
        top = sorted(shared, key=vector.__getitem__, reverse=True)[:KEYS_PER_ARTICLE]
        for term in top:
            index[term].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) > NEIGHBOURS:
            members = sorted(members, key=lambda i: (days[i] is None, days[i] or 0, rank[i]))
            reach = NEIGHBOURS
        else:
            reach = len(members)
        for x, i in enumerate(members):
            for j in members[x + 1 : x + 1 + reach]:
                pairs.add((i, j) if i < j else (j, i))
    return pairs


def scored_links(
    articles: Sequence[Article], *, threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS
) -> list[tuple[float, int, int]]:
    """(strength, i, j) for every pair that tells the same event, strongest first."""
    return _links(_Features(articles), threshold, window_days)


def _links(features: _Features, threshold: float, window_days: int) -> list[tuple[float, int, int]]:
    links: list[tuple[float, int, int]] = []
    for i, j in _candidate_pairs(features.words, features.days, features.rank):
        strength = features.linked(i, j, threshold, window_days)
        if strength is not None:
            links.append((strength, i, j))
    rank = features.rank
    # Rounded: a cosine summed in the other order may differ in its last bits.
    links.sort(key=lambda link: (-round(link[0], 9), *sorted((rank[link[1]], rank[link[2]]))))
    return links


def assign_stories(
    articles: Sequence[Article], *, threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS
) -> list[int]:
    """A story id per article: the index of the story's first article (same id = same story)."""
    n = len(articles)
    if n == 0:
        return []
    features = _Features(articles)
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _strength, i, j in _links(features, threshold, window_days):
        root_i, root_j = find(i), find(j)
        if root_i == root_j:
            continue
        if not _may_merge(members[root_i], members[root_j], features.words):
            continue
        if len(members[root_i]) < len(members[root_j]):
            root_i, root_j = root_j, root_i
        parent[root_j] = root_i
        members[root_i].extend(members.pop(root_j))
    first: dict[int, int] = {}
    return [first.setdefault(find(i), i) for i in range(n)]


def _may_merge(group_a: list[int], group_b: list[int], vectors: list[dict[str, float]]) -> bool:
    """Average-link check so that one strong link cannot chain two different events."""
    if len(group_a) == 1 and len(group_b) == 1:
        return True
    pairs = [(i, j) for i in group_a[:50] for j in group_b[:50]]
    average = sum(cosine(vectors[i], vectors[j]) for i, j in pairs) / len(pairs)
    return average >= MERGE_FLOOR


def keep_story_ids(
    old_ids: Sequence[int], labels: Sequence[int], fresh: Callable[[], int]
) -> list[int]:
    """Story ids for a new grouping (``labels``) that keep the old ids (``old_ids``) stable.

    A reader who noted "story 12" expects it to stay story 12 after more articles arrive. Each
    new group keeps the old id most of its members had (ties: the older id, then the group
    whose first member comes first); an old id goes to one group only. Groups left without
    one (a story split in two) get ``fresh()`` ids, which the caller never hands out twice.
    """
    members: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        members.setdefault(label, []).append(index)
    candidates = sorted(
        (-count, old, group[0], label)
        for label, group in members.items()
        for old, count in Counter(old_ids[i] for i in group).items()
    )
    chosen: dict[int, int] = {}
    taken: set[int] = set()
    for _, old, _, label in candidates:
        if label not in chosen and old not in taken:
            chosen[label] = old
            taken.add(old)
    for label in members:  # dicts keep insertion order: groups in order of their first member
        if label not in chosen:
            chosen[label] = fresh()
    return [chosen[label] for label in labels]
