"""Stoplists and language guessing for the boilerplate classifier.

Body text is full of function words ("the", "of", "that"); menus, captions and headline lists
are not. The density of stopwords in a line is the main signal, as in jusText. Korean has no
stopwords in that sense: particles glued to words play their role, so we count tokens ending in
a particle or a sentence-final verb ending instead. Chinese/Japanese have no spaces: there we
rely on sentence punctuation and length.
"""

from __future__ import annotations

import re
from collections import Counter

_STOPLISTS_TEXT: dict[str, str] = {
    "en": """a about above after again against all also am an and any are as at be because been
        before being below between both but by can could did do does doing down during each few
        for from further had has have having he her here hers herself him himself his how i if in
        into is it its itself just me more most my myself no nor not now of off on once only or
        other our ours out over own same she should so some such than that the their theirs them
        themselves then there these they this those through to too under until up very was we
        were what when where which while who whom why will with would you your yours yourself
        said says say told tell according would's it's that's there's he's she's they're we're
        don't doesn't didn't won't can't isn't wasn't aren't weren't hasn't haven't hadn't
        may might must shall since though although however yet still even ever also already
        just than whether because despite among within without upon onto across around""",
    "it": """a ad al alla alle allo agli ai anche ancora avere aveva avevano c che chi ci come con
        contro cui da dal dalla dalle dallo dagli dai del della delle dello degli dei di dove
        e ed è era erano essere fa fino fra gli ha hanno ho i il in io la le lei lo loro lui ma
        me mi ne nei nel nella nelle nello negli noi non nostro o per perché più può quale
        quando quanto quella quelle quello questi questa queste questo qui se sei si sia siamo
        sono sta stato stata stati su sua sue sui sul sulla sulle suo suoi tra tu tutti tutto
        un una uno vi voi già dopo mentre dove secondo stesso così essere stata poi però
        nelle degli sugli sull dall dell nell all quell un' l d""",
    "pt": """a ao aos aquela aquele aqueles as até com como da das de dela dele deles depois do
        dos e é ela elas ele eles em entre era eram essa esse esta está estão este eu foi foram
        há isso isto já lhe mais mas me mesmo meu minha muito na não nas nem no nos nós num numa
        o os ou para pela pelas pelo pelos por qual quando que quem se sem ser seu seus sua suas
        são também te tem têm ter tinha um uma umas uns você vocês sobre após ainda segundo
        disse afirmou porque onde será seria foram sido estava pode""",
    "es": """a al algo algunos ante antes como con contra cual cuando de del desde donde durante
        e el ella ellas ellos en entre era es esa ese eso esta está están este esto estos fue
        fueron ha había han hasta hay la las le les lo los más me mi muy nada ni no nos o otra
        otro para pero por porque que quien se sea según ser si sí sin sobre son su sus también
        tanto te tiene tienen todo todos tras un una uno unos usted y ya dijo afirmó""",
    "fr": """à au aux avec ce ces cette dans de des du elle elles en est et été être il ils je
        la le les leur leurs lui ma mais me même mes moi mon ne nos notre nous on ont ou où par
        pas pour qu que qui sa se ses son sont sur ta te tes toi ton tu un une vos votre vous
        y a avait était fait plus comme après aussi bien déjà encore entre selon sans sous
        tout tous très c d l j n s qu' d' l' n' s' c' dont lors""",
    "de": """aber alle allem allen aller als also am an auch auf aus bei bin bis bist da damit
        dann das dass dem den der des die dies diese diesem diesen dieser doch dort du durch ein
        eine einem einen einer eines er es für gegen hat hatte hatten hier ich ihm ihn ihr ihre
        im in ist ja jetzt kann kein keine man mehr mit muss nach nicht noch nur ob oder ohne
        sehr sei sein seine sich sie sind so soll über um und uns unter vom von vor war waren
        was weil wenn werden wie wieder wir wird wurde wurden zu zum zur zwischen sagte""",
    "ru": """а без более бы был была были было быть в вам вас весь во вот все всего всех вы где
        да даже для до его ее её если есть еще ещё же за здесь и из или им их к как ко когда кто
        ли либо мне может мы на над надо наш не него нее неё нет ни них но ну о об однако он она
        они оно от очень по под после при про с со так также такой там те тем то того тоже той
        только том ты у уже хотя чего чей чем что чтобы чье чья эта эти это я который которая
        которые которых году заявил сказал отметил словам между более около через после перед
        вокруг среди против также пока потому поэтому сейчас теперь всё свой своей своих ними
        нам нас вами будет будут было стал стала стали может могут должен должно должны""",
}

STOPLISTS: dict[str, frozenset[str]] = {
    lang: frozenset(text.split()) for lang, text in _STOPLISTS_TEXT.items()
}

WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
LETTER_RE = re.compile(r"[^\W\d_]")
HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")
CJK_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Scripts we have no function-word list for (Greek, Armenian, Hebrew, Arabic, Devanagari,
# Thai, Georgian): their text is judged without function words, by length and sentence ends.
OTHER_SCRIPT_RE = re.compile(
    r"[\u0370-\u03ff\u1f00-\u1fff\u0530-\u058f\u0590-\u05ff\u0600-\u06ff"
    r"\u0900-\u097f\u0e00-\u0e7f\u10a0-\u10ff]"
)
OTHER = "other"  # the language code of such text

# Korean: tokens ending in a case particle or a sentence-final ending work like stopwords.
KOREAN_FUNCTION_RE = re.compile(
    r"(?:은|는|이|가|을|를|에|의|로|으로|와|과|도|에서|에게|까지|부터|만|고|며|다|했다|이다|한다|있다|됐다|했다고|라고|면서)$"
)

_SAMPLE_TOKENS = 1500


def guess_language(text: str) -> str:
    """A two-letter code: one of STOPLISTS, or "ko" (Korean), "cjk" (Chinese/Japanese), or
    ``OTHER`` (a script with no function-word list here, such as Greek or Arabic)."""
    tokens = WORD_RE.findall(text[:20000].lower())[:_SAMPLE_TOKENS]
    return guess_language_from(text[:4000], tokens)


def guess_language_from(head: str, tokens: list[str]) -> str:
    """The language from the start of the text and a sample of its lower-cased words."""
    if HANGUL_RE.search(head) or CJK_RE.search(head):
        letters = len(LETTER_RE.findall(head)) or 1
        if len(HANGUL_RE.findall(head)) > 0.3 * letters:
            return "ko"
        if len(CJK_RE.findall(head)) > 0.3 * letters:
            return "cjk"
    if OTHER_SCRIPT_RE.search(head):
        letters = len(LETTER_RE.findall(head)) or 1
        if len(OTHER_SCRIPT_RE.findall(head)) > 0.3 * letters:
            return OTHER
    counts = Counter(tokens)
    words = counts.keys()
    best, best_hits = "en", -1
    for lang, stoplist in STOPLISTS.items():
        hits = sum(counts[w] for w in words & stoplist)
        if hits > best_hits:
            best, best_hits = lang, hits
    return best


def stopword_count(tokens: list[str], lang: str) -> int:
    """How many of the (lower-cased) tokens are function words in ``lang``."""
    if lang == "ko":
        return len([token for token in tokens if KOREAN_FUNCTION_RE.search(token)])
    stoplist = STOPLISTS.get(lang, STOPLISTS["en"])
    return len([token for token in tokens if token in stoplist])
