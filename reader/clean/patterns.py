"""Phrase patterns for page furniture, each with the reason a removed line carries.

These are generic phrases of the web (comment forms, share bars, promo labels, cookie notices,
photo credits) in the languages we read, never sentences from a particular article.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Whole-line furniture (checked on short lines only). Group name = reason.
_FURNITURE = {
    "comment-form": r"""leave\ a\ (?:reply|comment).*
        |your\ email\ address\ will\ not\ be\ published.*
        |required\ fields\ are\ marked.*|this\ site\ uses\ akismet.*|%?d?\ ?bloggers\ like\ this.*
        |comments?\ (?:are|is)\ (?:now\ )?closed.*|sort\ by.*
        |load\ more\ comments|show\ more\ comments
        |post\ a\ comment|add\ a\ comment|(?:\d+\s+)?comments?(?:\s*\(\d+\))?:?|cancel\ reply
        |be\ the\ first\ to\ comment|join\ the\ (?:conversation|discussion)|show\ comments
        |(?:log|sign)\ in\ to\ (?:comment|reply)|save\ my\ name,?\ email.*|notify\ me\ of.*
        |(?:name|email|website)\s*\*?|submit(?:\ comment)?|reply|report\ (?:this\ )?comment
        |lascia\ un\ commento|deixe\ (?:um\ )?coment[aá]rio|deja\ un\ comentario
        |laisser\ un\ commentaire|комментари[ийея]\s*(?:\(\d+\))?
        |댓글(?:\ ?\d+|\ ?\(\d+\)|\ ?쓰기|\ ?달기|\ ?보기|\ ?작성)?
        |(?:\d+\s+)?(?:comentários|comentarios|commenti|commentaires|kommentare|комментарии)
        (?:\s*\(\d+\))?:?|deixe\ (?:seu|o\ seu|sua)\ coment[aá]rio.*|comente\b.{0,40}
        |ver\ coment[aá]rios
        |commenta|mostra\ (?:i\ )?commenti|оставить\ комментарий|написать\ комментарий
        |responder|rispondi|ответить|répondre|antworten|답글(?:\ 달기|쓰기)?|kommentieren
        |escreva\ (?:seu|um)\ coment[aá]rio.*|scrivi\ un\ commento""",
    "share-count": r"""(?:share|tweet|pin(?:\ it)?|e-?mail|print|whatsapp|facebook|twitter|x
        |linkedin|reddit|telegram|messenger|flipboard|copy\ link|copied|link\ copied
        |compartilh[ae]r?|compartilhe|condividi|compartir|partager|teilen|поделиться|공유(?:하기)?
        |copiar\ link|copia\ link|скопировать\ ссылку|링크\ 복사|url\ 복사
        |follow\ us|siga-nos|seguici|suivez-nous|folgen\ sie\ uns|мы\ в\ соцсетях
        |подписывайтесь|siga\ a\ .{1,30}\ n[oa]s?\ redes\ sociais)
        (?:\s+(?:this|on|via)(?:\ (?:article|story|post|page|\w+))?)?:?
        |\d[\d,.]*\s*[km]?\s*(?:shares?|comments?|views?|likes?|reads?)
        |[^\w\s]{1,3}\s*\d[\d,.]*\s*[kmк]?
        |(?:(?:facebook|twitter|x|whatsapp|linkedin|reddit|telegram|e-?mail|print|share|pinterest)
        [\s,|/·•]*){2,}""",
    # Relative times under readers' comments; they also mark the start of a comment section.
    "comment-time": r"""(?:há|fa)\ \d+\ \w+|\d+\ (?:ore|horas?|minutos?|minuti|giorni|dias?)
        \ (?:fa|atrás)|\d+\ \w+\ назад|\d+\s*(?:분|시간|일)\ 전|hace\ \d+\ \w+
        |il\ y\ a\ \d+\ \w+|vor\ \d+\ \w+|just\ now|adesso|agora|только\ что|방금\ 전""",
    "promo-section": r"""see\ more.*|around\ the\ (?:site|web)|from\ around\ the\ web
        |more\ to\ explore|explore\ more|we\ recommend|further\ reading|what\ to\ read\ next
        |popular\ on\ .{1,30}|you\ might\ like|more\ (?:like\ this|for\ you)
        |potrebbe\ interessarti(?:\ anche)?|ti\ potrebbe\ interessare(?:\ anche)?
        |more\ (?:about|from|on|in)\ .{1,40}
        |more\ (?:stories|news|articles|videos)
        |you\ (?:may|might)\ also\ (?:like|be\ interested\ in)
        |recommended(?:\ for\ you|\ stories|\ articles)?
        |related(?:\ (?:articles?|stories|news|posts|content|topics|coverage|links))?
        |most\ (?:read|popular|viewed|shared|watched)|trending(?:\ now|\ stories)?
        |popular(?:\ now|\ stories)?|top\ stories|in\ other\ news|elsewhere\ on\ .{1,30}
        |latest(?:\ \w+){0,3}|editor['’]?s\ picks?|what\ to\ read\ next|up\ next
        |i\ più\ letti|più\ lett[ie]|mais\ lidas|más\ leídos|les\ plus\ lus|meistgelesen
        |самое\ читаемое|популярное|많이\ 본\ 뉴스|인기\ 기사
        |mais\ sobre\ (?:este|o)\ (?:tema|assunto)|(?:notícias\ )?relacionadas|mais\ notícias
        |últimas\ notícias|recomendad[oa]s|você\ (?:também\ )?pode\ gostar.*|mais\ em\ .{1,30}
        |ti\ potrebbe\ interessare|articoli\ correlati|correlati|ultime\ notizie|altre\ notizie
        |dalla\ stessa\ sezione|in\ evidenza|potrebbe\ interessarti
        |материалы\ по\ теме|сюжеты|новости\ партнеров|последние\ новости|еще\ по\ теме
        |ещё\ по\ теме|другие\ \w+|похожие\ материалы|главное|лента\ новостей
        |other\ (?:stories|news|interviews|articles|reviews)|altri\ articoli|outras\ notícias
        |otras\ noticias|autres\ articles
        |관련\s?뉴스|주요\s?뉴스|최신\s?뉴스|이\ 시각\ 주요\s?뉴스
        |추천\s?기사|다른\ 기사|포토\s?뉴스
        |noticias\ relacionadas|lo\ más\ leído|más\ noticias|últimas\ noticias
        |sur\ le\ même\ sujet|articles\ similaires|dernières\ actualités|à\ lire\ aussi
        |das\ könnte\ sie\ auch\ interessieren|weitere\ artikel""",
    "promo": r"""(?:related|read\ more|read\ also|read|see\ also|also\ read|more|watch|listen
        |recommended|leggi\ anche|leia\ também|veja\ também|lea\ también|lire\ aussi|читайте\ также
        |см\.\ также)\s*[:|]\s*.{1,150}
        |(?:see|view|read)\ (?:full\ )?(?:bio|profile)|full\ bio|more\ by\ .{1,40}
        |read\ more|read\ also|also\ read|see\ also|don['’]?t\ miss|must\ read
        |watch(?:\ now)?|listen(?:\ now)?
        |click\ here.*|source\ link|continue\ reading
        |leggi\ anche|leggi\ pure|potrebbe\ interessarti|leia\ (?:também|mais)
        |veja\ (?:também|mais)|saiba\ mais|lea\ también|te\ puede\ interesar
        |(?:à\ )?lire\ aussi|lesen\ sie\ auch|mehr\ zum\ thema
        |читайте\ также|смотрите\ также|по\ теме|관련\s?기사|추천\s?기사""",
    # Ad slots inside the article: furniture, but the text around them is still the article.
    "advertisement": r"""advertisement\b.{0,40}|advertising|ad|ads|sponsored(?:\ content)?|promoted
        |(?:scroll|swipe)\ (?:down\ )?to\ continue.*
        |story\ continues\ below.*|article\ continues\ below.*|continue\ reading\ below.*
        |skip\ (?:the\ )?(?:ad|advertisement)
        |pubblicità|publicidade|publicidad|publicité|anzeige|реклама|광고""",
    "next-article": r"""(?:next|following)\ (?:article|story|post)|up\ next|read\ next
        |articolo\ successivo|prossimo\ articolo|próxima\ (?:notícia|matéria)|próximo\ artigo
        |siguiente\ (?:noticia|artículo)|article\ suivant|nächster\ artikel
        |следующая\ (?:новость|статья)|следующий\ материал|다음\ 기사""",
    # Agency and production credits at the foot of a wire story.
    "credit-line": r"""\(?(?:reporting|writing|editing|additional\ reporting|compiled|translated
        |produced|edited|written)\ by\b.{2,150}|.{2,80}\ contributed\ (?:to\ )?(?:this\ )?
        (?:report|story|article)(?:ing)?\.?|our\ standards:.*|.*trust\ principles\.?
        |[\w.+-]+@[\w-]+\.[\w.-]+|(?:with|con|com|с)\ (?:afp|ap|reuters|ansa|efe|dpa|lusa|тасс)
        |(?:fonte|source|fuente):\ (?:afp|ap|reuters|ansa|efe|dpa|lusa|agência\ brasil)""",
    # Media player and gallery controls.
    "media-controls": r"""(?:play|pause|mute|unmute|replay|watch)(?:\ (?:video|now|again))?
        |\d+\s*(?:of|/|de|di|из|von)\s*\d+|duration:?\s*\d.*
        |listen\ to\ (?:this\ )?(?:article|story)(?:\ \d+\ min(?:utes)?)?
        |ouvir\ (?:o\ )?texto|ascolta\ l['’]articolo|слушать
        |enter\ your\ email(?:\ address)?|your\ email(?:\ address)?|email\ address""",
    "end-section": r"""about\ (?:the\ )?(?:authors?|writer|reporter)
        |about\ (?![^\n]*(?-i:[a-z]{3})[.!?]\s*$)[^\d\s].{1,60}
        |forward-looking\ statements?|media\ contacts?|press\ contacts?|investor\ contacts?
        |notes\ to\ editors|sobre\ o\ autor|sobre\ a\ autora|l['’]autore|об\ авторе
        |기자\ 프로필|more\ from\ (?:the\ )?author|author\ bio|sources|references|fontes|fonti
        |источники""",
    "navigation": r"""home|menu|search|skip\ to\ (?:main\ )?content|toggle\ navigation|back\ to\ top
        |sign\ in|log\ ?in|log\ out|register|my\ account|close|open|next|previous|prev|more|all
        |previous\ (?:article|story|post)|breadcrumbs?|you\ are\ here:?.*|follow\ us.*
        |contact\ us|about\ us|privacy(?:\ policy)?|terms(?:\ of\ (?:use|service))?|sitemap
        |accessibility|help|faq|rss|site\ map|section|sections|topics|world|news|sport|sports
        |business|politics|opinion|culture|lifestyle|entertainment|technology|tech|science
        |health|travel|video|videos|photos|gallery|podcasts?|weather|live|español|english|yes|no
        |was\ this\ (?:article|page|story|information)\ (?:helpful|useful)\??
        |loading(?:\.\.\.|…)?|please\ (?:enable|turn\ on)\ javascript.*
        |javascript\ is\ (?:disabled|required).*
        |your\ browser\ (?:does\ not|doesn['’]t)\ support.*|carregando|caricamento|загрузка""",
    "subscription": r"""subscribe\b.*|.{0,50}\bnewsletters?\b.{0,50}|sign\ up\b.*
        |get\ (?:the|our)\ newsletter.*
        |already\ a\ subscriber.*|free\ trial.*|support\ (?:our|independent)\ journalism.*
        |donate\b.*|become\ a\ (?:member|subscriber).*|unlock\b.*|get\ unlimited\ access.*
        |iscriviti\b.*|abbonati\b.*|assine\b.*|suscr[ií]bete\b.*|abonnez-vous.*|подписаться.*
        |구독(?:하기|\ ?신청)?""",
    "tags": r"""(?:tags?|topics?|filed\ under|categories|category|keywords|temas|argomenti
        |tópicos|assuntos|теги|темы|태그|키워드)(?:\s*:.*)?""",
    "copyright": r"""(?:©|\(c\)|copyright).*|.*all\ rights\ reserved.*|.*todos\ os\ direitos.*
        |.*tutti\ i\ diritti.*|.*все\ права.*|.*무단\s?전재.*""",
}

FURNITURE_RE = re.compile(
    r"^[\s\W]{0,3}(?:"
    + "|".join(f"(?P<{name.replace('-', '_')}>{body})" for name, body in _FURNITURE.items())
    + r")[\s.:!»›>|·•-]*$",
    _I | re.VERBOSE,
)

# Photo captions and credits: checked at the end of any short-ish line.
_PAREN_CAPTION_RE = re.compile(
    r"""(?:image|picture|photo|photograph|pic|credit|video|foto|imagem|фото)s?\b.{0,80}
    |[^()]{0,60}/\s*(?:AP|AFP|Reuters|Getty(?:\ Images)?|PA|EPA|Bloomberg|Sputnik|ANSA
      |Shutterstock|Alamy|[A-Z][\w.\ -]{0,30})[^()]{0,40}""",
    _I | re.VERBOSE,
)
# "Image source, Getty Images" / "Image caption, Firefighters at the scene" (label, comma).
CAPTION_LABEL_RE = re.compile(
    r"^(?:image|video|media|photo|picture)s?\s(?:source|caption|credit|description)s?\s*[,:]"
    r"|^(?:(?:image|photo|picture|video)s?\s)?(?:courtesy\ of|courtesy:)\s"
    r"|^(?:photo|image|picture|illustration|graphic)s?\ by\ [^.]{1,60}$",
    _I,
)
_LABEL_CAPTION_RE = re.compile(
    r"(?:^|[.\s|])(?:picture|photo|image|credit|pic|photograph|illustration|foto|imagem|фото|사진)s?\s*"
    r"(?:credit\s*)?[:©]\s*[^.]{1,80}$",
    _I,
)
_AGENCY_CAPTION_RE = re.compile(
    r"(?:getty images|shutterstock|reuters/|afp via getty|ap photo|\bepa\b|ansa foto)[^.]{0,60}$"
)
_AGENCY_HINTS = ("getty", "shutterstock", "reuters/", "ap photo", "epa", "ansa foto")
_TAIL_CHARS = 130
# Korean captions end with the agency that took the picture ("... 모습. 연합뉴스").
_KOREAN_PHOTO_CREDITS = ("연합뉴스", "뉴시스", "뉴스1", "사진공동취재단", "제공", "[사진]")


def caption_like(text: str, lower: str) -> bool:
    """A photo caption or credit: "(Image: Getty)", "Picture: PA", "(Name/AP)", "© Name"."""
    if CAPTION_LABEL_RE.match(text):
        return True
    tail = text[-_TAIL_CHARS:].rstrip()
    if tail.endswith(")"):
        opening = tail.rfind("(")
        if opening > 0 and tail[opening - 1] in ".!?" and opening < len(tail) - 3:
            return True  # "... in one night.(Agency: Photographer)": a credit glued on
        if opening >= 0 and _PAREN_CAPTION_RE.fullmatch(tail[opening + 1 : -1]):
            return True
    if (":" in tail or "©" in tail) and _LABEL_CAPTION_RE.search(tail):
        return True
    lower_tail = lower[-_TAIL_CHARS:]
    if has_any(lower_tail, _AGENCY_HINTS) and _AGENCY_CAPTION_RE.search(lower_tail):
        return True
    if len(text) <= 120 and text.endswith(_KOREAN_PHOTO_CREDITS):
        return True
    return text.startswith(("©", "(c)", "(C)")) and len(text) <= 70


# A photo credit standing alone: "Aisha Rahman/TechWire", "REUTERS/Jane Doe", "Getty Images".
CREDIT_RE = re.compile(
    r"^(?:(?:촬영\s?기자|영상\s?편집|영상\s?취재|그래픽|편집|취재|카메라)\s*[:：].{1,20}"
    r"|(?:(?:photo|image|picture|credit|foto)s?\s*(?:credit)?\s*:?\s*)?"
    r"(?:[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}\s?/\s?[A-Z][\w&.'’ -]{1,30}"
    r"|getty\ images|shutterstock|alamy(?:\ stock\ photo)?"
    r"|(?:ap|afp|reuters|epa|pa)(?:\ photo)?))$",
    _I,
)

# Promo labels that introduce a list of links ("READ MORE:", "[REPORT]" tails of headlines).
PROMO_TAIL_RE = re.compile(r"\[\s*[A-Z][A-Z ]{2,15}\]\s*$")

# Long notices: cookies and consent, paywalls.
NOTICE_RE = re.compile(
    r"(?:\bcookies?\b.*\b(?:consent|accept|privacy|browsing|experience|use|settings|policy)\b"
    r"|\b(?:consent|accept|privacy|browsing|experience|settings|policy)\b.*\bcookies?\b"
    r"|\bto continue reading\b|\bsubscribers? only\b|\bthis content is (?:only )?available\b)",
    _I,
)

# Consent dialogs and privacy boilerplate: several of these terms in one line.
_PRIVACY_TERMS_RE = re.compile(
    r"cookie|consent|partners|personal data|personalis|personaliz|privacy|geolocation"
    r"|legitimate interest|preferences|advertis|recaptcha|terms of service|opt out|withdraw"
    r"|dados pessoais|privacidade|consentimento|dati personali|consenso|персональн|конфиденциальн"
    r"|개인정보|쿠키|동의|pubblicit|geolocaliz|terze parti|revoc|rifiut|publicidade|parceiros"
    r"|geolocaliza|реклам|согласи|партнер|광고|reject all|accept all|manage options"
)


# First and second person: how notices, pitches and disclosures address the reader.
READER_ADDRESS_RE = re.compile(
    r"\b(?:we|our|us|you|your|você|vocês|seu|sua|nós|nosso|nossa|noi|nostro|nostra|voi|tuo|tua"
    r"|vostro|вы|вас|ваш|мы|нас|наш|usted|nuestro|nous|vous|votre|notre|wir|ihr|unser)\b"
)

# Reported speech ("..." she said): a quoted "you" or "subscription" is news, not a pitch.
REPORTED_SPEECH_RE = re.compile(
    r"[\"“”«»„]|\b(?:said|says|told|according to|disse|afirmou|ha detto|ha dichiarato|dijo"
    r"|a déclaré|sagte|заявил|заявила|сказал|сказала|말했다|밝혔다)\b"
)


def privacy_notice(lower: str) -> bool:
    """True for a line dense with consent/privacy vocabulary (three different terms)."""
    hits = 0
    for hint in _PRIVACY_HINTS:
        if hint in lower:
            hits += 1
            if hits == 2:
                break
    else:
        return False
    found = set(_PRIVACY_TERMS_RE.findall(lower))
    # A consent dialog talks to the reader ("we and our partners", "you can withdraw") or names
    # cookies; news prose about privacy law does neither.
    return len(found) >= 3 and (
        "cookie" in lower or "쿠키" in lower or bool(READER_ADDRESS_RE.search(lower))
    )


# The site talking about itself ("This website is a member of ...", "This article appeared in").
SITE_SELF_RE = re.compile(
    r"^(?:this\ (?:website|site|article|page|newspaper|content)\b"
    r"|this\ (?:story|article)\ (?:was|has\ been|is)\ (?:updated|corrected|originally|produced)"
    r"|(?:este|esta)\ (?:site|página|artigo|reportagem|conteúdo)\b|questo\ (?:sito|articolo)\b"
    r"|(?:этот|данный)\ (?:сайт|материал)\b|이\ 기사는)",
    _I,
)
# Error reports, newsletter footers, social-follow pitches, tip-off requests.
SITE_NOTICE_RE = re.compile(
    r"ctrl\s*\+\s*enter|spotted an? (?:error|typo|mistake)|found an? (?:error|typo|mistake)"
    r"|report an? (?:error|typo|correction)|нашли ошибку|hai trovato un errore|encontrou um erro"
    r"|forward (?:it|this) to a friend|was this forwarded to you|you are receiving this"
    r"|unsubscribe|manage your (?:email )?(?:preferences|subscriptions)"
    r"|view (?:it |this )?in (?:your )?browser|(?:follow|join) us on"
    r"|(?:подписывайтесь|подпишитесь|следите)\b.{0,60}\b(?:telegram|вконтакте|vk|дзен|max)"
    r"|\b(?:segui(?:teci)?|siga|suivez|folgen sie)\b.{0,40}"
    r"\b(?:facebook|instagram|telegram|whatsapp|twitter|youtube)"
    r"|(?:facebook|instagram|telegram|whatsapp|twitter|youtube)\b.{0,30}\b(?:channel|канал)"
    r"|제보|무단\s?전재|have a (?:news )?tip|send us (?:a|your) tip|got a story"
    r"|download (?:the|our) .{1,40}\bapp\b|get the .{1,30} app|baixe o app|scarica l['’]app",
    _I,
)
# Each hint is a literal piece of one of the alternatives above.
SITE_NOTICE_HINTS = (
    "ctrl", "spotted a", "found a", "report a", "нашли ошибку", "trovato un errore",
    "encontrou um erro", "forward", "receiving this", "unsubscribe", "manage your", "browser",
    "us on", "подпис", "следите", "segui", "siga", "suivez", "folgen", "channel", "канал", "제보",
    "전재", " tip", "got a story", "download", "get the", "baixe", "scarica",
)  # fmt: skip
EMBED_HINTS = (
    "post", "original", "twitter", "(@", "youtube", "view on", "embed", "instagram", "tiktok",
    "facebook", "load ",
)  # fmt: skip

# Affiliate and review-policy disclosures.
DISCLOSURE_RE = re.compile(
    r"affiliate (?:commission|links?)"
    r"|we (?:may )?(?:earn|receive|get) (?:a |an )?(?:small )?(?:commission|compensation|share)"
    r"|supported by (?:its|our) (?:audience|readers)|(?:selects|chooses) the products we"
    r"|ethics statement",
    _I,
)

# Paywall and subscription pitches: subscription words addressed to the reader.
_PAYWALL_RE = re.compile(
    r"\b(?:subscri(?:be|ber|bers|ption|ptions)|paywall|unlimited\ access|full\ access"
    r"|free\ articles?|sign\ in\ to\ (?:read|continue)|listen\ to\ this\ (?:story|article)"
    r"|assinante|assine|assinatura|abbonati|abbonamento|abbonarti|подпиш|подписк|구독"
    r"|donat|readers like you|support (?:our|independent) (?:journalism|reporting|newsroom)"
    r"|make a (?:donation|contribution)|become a (?:member|supporter))",
    _I,
)
_SECOND_PERSON_RE = re.compile(
    r"\b(?:you|your|you've|you're|our|we|você|seu|sua|tu|tuo|vostro|вы|вас|ваш|наш)\b", _I
)


_STRONG_PITCH_RE = re.compile(
    r"unlimited access|acesso ilimitado|accesso illimitato|неограниченн\w* доступ"
    r"|limite de \d+ (?:reportagens|artigos|matérias|notícias)|free articles? (?:this|per|left)"
    r"|cancel (?:at )?any ?time|cancele quando quiser|disdici quando vuoi"
    r"|(?:sign up|subscribe|register) (?:for|to) (?:our|the|\w+['’]s?) .{0,40}newsletter"
    r"|newsletter .{0,60}(?:inbox|sign up|subscribe)|straight to your inbox"
    # newsletter platforms' stock pitch under every post
    r"|subscribe (?:for free|now) to (?:receive|get|read) new posts|support my work",
    _I,
)


def has_any(lower: str, hints: tuple[str, ...]) -> bool:
    """Cheap substring pre-check (faster than a pattern of literals) before a big pattern."""
    return any(hint in lower for hint in hints)


_PAYWALL_HINTS = (
    "subscri", "paywall", "unlimited", "access", "free article", "sign in", "listen to",
    "assin", "abbona", "подпис", "구독", "acesso", "accesso", "доступ", "limite", "cancel",
    "disdici", "newsletter", "inbox", "donat", "readers like you", "support", "become a",
)  # fmt: skip
_PRIVACY_HINTS = ("cookie", "consent", "privacy", "personal", "partner", "advertis", "pubblicit",
                  "consenso", "dados", "dati ", "персональ", "개인정보", "쿠키", "publicidade",
                  "реклам", "광고", "recaptcha", "geoloc", "parceiros", "terze parti")  # fmt: skip
LEGAL_HINTS = (
    "testata", "riproduzione", "reg.", "registered", "company number", "rights reserved",
    "direitos", "diritti", "права", "전재", "재배포", "свидетельство", "iva", "cnpj",
)  # fmt: skip
DISCLOSURE_HINTS = ("affiliate", "commission", "compensation", "supported by", "products we",
                    "ethics")  # fmt: skip


def paywall_pitch(text: str, lower: str) -> bool:
    """Subscription vocabulary addressed to the reader ("Subscribe to get full access ...")."""
    if not has_any(lower, _PAYWALL_HINTS):
        return False
    if _STRONG_PITCH_RE.search(text):
        return True
    return bool(_PAYWALL_RE.search(text)) and bool(_SECOND_PERSON_RE.search(text))


# Social media embeds and syndication notes.
EMBED_RE = re.compile(
    r"""^(?:view\ this\ post\ on\ \w+|a\ post\ shared\ by\ .{1,80}|read\ the\ original\ article.*
    |(?:this\ (?:article|story)\ )?(?:was\ )?originally\ (?:published|appeared)\ (?:on|in|at|by).*
    |.{0,200}pic\.twitter\.com/\S+.*|.{0,300}\(@\w{1,30}\)\ \w+\ \d{1,2},\ \d{4}
    |watch\ on\ youtube|view\ on\ (?:instagram|twitter|x|tiktok|facebook)
    |embed(?:ded)?\ (?:video|post|tweet)|(?:instagram|twitter|tiktok|facebook|youtube)
    \ (?:post|video|content)|load\ (?:tweet|post|video))$""",
    _I | re.VERBOSE,
)

# Legal lines of a site footer (press registration, company number, reproduction notices).
LEGAL_RE = re.compile(
    r"testata registrata|riproduzione riservata|reg\. trib|registered in england|company number"
    r"|registered office|all rights reserved|todos os direitos|tutti i diritti|все права"
    r"|무단\s?전재|재배포\s?금지|свидетельство о регистрации|partita iva|p\. ?iva|cnpj",
    _I,
)
# Legal phrases that only a footer uses; the others ("registered office") need a second one.
_STRONG_LEGAL = (
    "rights reserved", "direitos", "diritti", "права", "전재", "재배포", "riproduzione", "testata",
    "свидетельство",
)  # fmt: skip


def legal_line(text: str, lower: str) -> bool:
    """A site's legal footer line (copyright, press registration, company details)."""
    found = {m.lower() for m in LEGAL_RE.findall(text)}
    return bool(found) and (len(found) >= 2 or any(s in lower for s in _STRONG_LEGAL))


# An author's bio: "Lucy Harrington is Travel Wire's consumer travel editor."
AUTHOR_BIO_RE = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3}\s(?:is|was|has\ been|covers|writes|joined)\b"
    r".{0,120}\b(?:editor|reporter|correspondent|writer|journalist|columnist|contributor|critic"
    r"|producer|author|staff|covers|covering)\b"
)


# Lines that look like a relative or absolute time stamp only ("2 hours ago", "Updated 18:04").
TIMESTAMP_RE = re.compile(
    r"^(?:(?:updated|published|posted|last updated|modified|aggiornato|pubblicato|atualizado"
    r"|publicado|actualizado|publié|mis à jour|aktualisiert|обновлено|опубликовано)\s*:?\s*"
    r"(?:at|on|alle|às|в)?\s*)?"
    r"(?:\d+\s*(?:seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?)\s+ago"
    r"|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?"
    r"|\d+\s*min(?:ute)?s?\s+(?:read|listen|watch)|(?:read|reading)\s+time:?\s*\d+\s*min\w*)$",
    _I,
)


def furniture_reason(text: str) -> str | None:
    """The reason a short line is page furniture, or None."""
    match = FURNITURE_RE.match(text)
    if match and match.lastgroup:
        return match.lastgroup.replace("_", "-")
    return None
