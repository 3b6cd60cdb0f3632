"""Wording and labels of pages that stand where a source should be, in tr/en/de/ru.

Matched on text folded by :func:`citecheck.web.liveness_signals.fold` (lower
case, Turkish ı→i, accents dropped, so Russian "й" reads "и"). Used by
:mod:`citecheck.web.extract_stub`; the not-found wording of titles and
headings is liveness_signals' own and is not repeated here.
"""

from __future__ import annotations

import re

# Body wording only an error page uses ("the requested page", "check the address").
ERROR_BODY = re.compile(
    r"\b(?:error|fehler|hata|ошибка)\W{0,3}40[410]\b"
    r"|\b40[410]\W{0,3}(?:error|not found|hatasi|gone)\b"
    # English
    r"|\bpage (?:you(?:'re| are| were) looking for|you requested|(?:was |could )?not (?:be )?found)"
    r"|\b(?:requested|this) (?:page|url|resource) (?:could not|cannot|was not|does not)"
    r"|\b(?:we )?can(?:no|')?t (?:be )?find (?:that|the|this) page\b"
    r"|\bthat page can(?:')?t be found"
    # German
    r"|\bangeforderte seite\b|\bseite (?:wurde |konnte )?(?:leider )?nicht gefunden"
    r"|\bseite existiert nicht\b|\bseite, die sie suchen\b|\bdiese seite gibt es nicht\b"
    # Turkish: "Aradığınız sayfa bulunamadı", "Sayfaya ulaşılamıyor"
    r"|\baradiginiz sayfa\b|\bsayfa bulunamadi\b|\bicerik bulunamadi\b|\bsayfaya ulasilamiyor"
    r"|\bsayfa (?:mevcut degil|kaldirilmis|artik yok)|\bboyle bir sayfa (?:yok|bulunmamaktadir)"
    # Russian (folded: "й" reads "и")
    r"|\bзапрашиваемая страница\b|\bстраница не наидена\b|\bстраница (?:не существует|удалена)"
    r"|\bтакои страницы (?:нет|не существует)|\bстраница, которую вы ищете"
)
# A status code in a title or heading ("404", "Fehler 404", "410 Gone").
ERROR_CODE = re.compile(r"(?:^|\W)(?:40[410])(?:\W|$)")

# Wording that says the text goes on behind the wall ("to continue reading",
# "devamını okumak için", "Weiterlesen mit Abo", "чтобы читать дальше").
PAYWALL_CUT = re.compile(
    # English
    r"subscribe (?:now )?to (?:continue|read|unlock)|to continue reading|(?:article|content|story)"
    r" is (?:only |exclusively )?(?:available )?(?:for|to) (?:paying )?(?:subscribers|members)"
    r"|unlock (?:this|the full) (?:article|story)|(?:to )?read the full (?:article|story)"
    r"|limit of free articles|free articles? (?:this month )?(?:left|remaining)"
    # Turkish: "Bu içeriğin devamını okumak için abone olun", "Bu içerik abonelere özeldir"
    r"|(?:devamini|tamamini) okumak icin|okumaya devam etmek icin|devami abonelere"
    r"|(?:haber|icerik|yazi)\w* (?:devami )?abonelere(?:imize)? ozel|devami abonelerimize"
    r"|(?:yalnizca|sadece) abonelere|abone olarak (?:okuyun|okumaya|devam)"
    # German: "Weiterlesen mit Abo", "Dieser Artikel ist exklusiv für Abonnenten"
    r"|weiterlesen mit|jetzt weiterlesen|lesen sie (?:jetzt )?mit \S+ (?:plus )?weiter"
    r"|artikel ist (?:nur|exklusiv) fur abonnenten|artikel freischalten|kostenpflichtiger artikel"
    r"|um (?:diesen|den) (?:ganzen |gesamten )?artikel (?:vollstandig )?zu lesen"
    r"|mit (?:einem |ihrem )?abo (?:lesen|weiterlesen)"
    # Russian: "Подпишитесь, чтобы читать", "Материал доступен только подписчикам"
    r"|подпишитесь,? чтобы (?:читать|прочитать|продолжить)|чтобы продолжить чтение"
    r"|чтобы читать дальше|(?:материал|статья) доступ(?:ен|на) (?:только )?(?:для )?подписчик"
    r"|доступн\w* по подписке|полная версия (?:статьи|материала) доступна"
    r"|чтобы прочитать (?:статью|материал) полностью"
)
# Subscription wording that also sits in promotion boxes beside full articles
# ("Abonelere özel", "Jetzt abonnieren", "Подпишитесь"): a paywall only on a
# teaser-sized text.
PAYWALL_PROMO = re.compile(
    r"subscribers only|subscriber[- ]only|subscriber[- ]exclusive|already a subscriber"
    r"|abonelere ozel|abonelerimize ozel|premium icerik"
    r"|(?<!newsletter )jetzt abonnieren|(?:nur|exklusiv) fur abonnenten"
    # "Подпишитесь на наш Telegram-канал" closes short Russian wire items: not a wall.
    r"|подпишитесь(?! на (?:наш|канал|telegram|телеграм|рассылку|новост|нас|уведомлен))"
    r"|только для подписчиков|оформите подписку"
)
NOT_FREE = re.compile(r'"isAccessibleForFree"\s*:\s*"?(?:false|False)"?')

LOGIN = re.compile(
    r"\b(?:sign|log) ?in to (?:continue|read|view|access|see)|\bplease (?:sign|log) ?in\b"
    r"|\byou (?:must|need to) (?:be )?(?:logged|signed|log|sign) ?in\b|\blogin required\b"
    r"|\bregistered (?:users|members) only\b"
    r"|\bgoruntulemek icin (?:giris|uye)|\buye girisi yap|\buyelere ozel\b"
    r"|\bgiris yapmaniz gerek|\boturum acmaniz gerek"
    r"|\bbitte melden sie sich an\b|\banmeldung erforderlich\b|\bmelden sie sich an,? um\b"
    r"|\bnur fur (?:registrierte|angemeldete)\b"
    r"|\bвоидите,? чтобы\b|\bнеобходимо (?:авторизоваться|воити)\b|\bавторизуитесь\b"
    r"|\bтолько для зарегистрированных\b"
)

# "Label: value" fields of a library record or a bookshop page. Generic labels
# ("language", "author") count only next to bibliographic ones (see _fields).
BIB_LABELS = (
    # English (library records: LoC, WorldCat; bookshops)
    "isbn|isbn-10|isbn-13|issn|publisher|published|produced|publication date|imprint|edition"
    "|pages|number of pages|print length|binding|format|dimensions|item weight|call number"
    "|call no\\.?|shelf mark|shelfmark|lc classification|location|availability|holdings"
    "|physical description|description|subjects?|item type|material type|type of material"
    "|series|language|author|authors?|personal name|main title|title|year|notes?|status"
    # Turkish (Millî Kütüphane, university OPACs, bookshops)
    "|yayinevi|yayin bilgisi|yayin yili|yayin yeri|yayin tarihi|basim yili|basim yeri"
    "|basim tarihi|basim|baski|sayfa sayisi|sayfa|fiziksel tanim|yer numarasi|demirbas(?: no)?"
    "|materyal turu|konu(?: basliklari)?|dil|yazar|ceviren|cilt tipi|kagit cinsi|boyut|barkod"
    "|stok kodu|seri|eser adi|notlar|durumu?"
    # German (DNB, library catalogues, bookshops)
    "|verlag|erscheinungsjahr|erscheinungsdatum|erscheinungstermin|erschienen|seiten"
    "|seitenzahl|umfang|auflage|einband|sprache|signatur|standort|verfugbarkeit|schlagworte"
    "|medienart|ausgabe|reihe|titel|person|sachgruppe|masse|maße|gewicht|preis"
    # Russian (folded: "й" reads "и"; RSL/NLR catalogues, bookshops)
    "|издательство|год издания|год выпуска|год|количество страниц|страниц|переплет|формат"
    "|шифр(?: хранения)?|тираж|язык|автор|наличие|место хранения|место издания|серия|ббк|удк"
    "|заглавие|выходные данные|физическое описание|вид документа|тема|тип обложки|обложка"
)
LABEL = re.compile(rf"(?:{BIB_LABELS})")
# Labels articles carry too (bylines, info boxes): they count only beside a
# bibliographic one.
GENERIC_LABELS = frozenset(
    """language author authors year format dil yazar sprache язык автор год location konu seri
    series title titel description notes note status durum durumu person preis tema тема
    published edition ausgabe""".split()  # noqa: SIM905 (a word list reads better so)
)
PARENS = re.compile(r"\(.*?\)")


def label_of(raw: str) -> str | None:
    """The bibliographic label ``raw`` (folded) names: "isbn/einband/preis" → "isbn",
    "sprache(n)" → "sprache"."""
    for part in PARENS.sub("", raw).replace(",", "/").split("/"):
        part = part.strip(" :.-*•·")
        if part and LABEL.fullmatch(part):
            return part
    return None


# A "Label: value" line or a table row "| Label | value |" (how trafilatura renders tables).
FIELD_LINE = re.compile(r"^[|\-*•·\s]*([^:|]{2,32}?)\s*(?::|\|)\s*\S")
ISBN = re.compile(r"\bisbn(?:-1[03])?\b|\b97[89][-\s]?\d{1,5}[-\s]?\d{1,7}[-\s]?\d{1,7}[-\s]?\d\b")
# A print copy and its availability: what a record has and an article does not.
PRINT = re.compile(
    r"\bbasili kitap\b|\belektronik kopya(?:si)? yok|\bokuma salonunda\b|\bsepete ekle\b|\bstokta\b"
    r"|\bprint (?:edition|book|copy)\b|\bhardcover\b|\bpaperback\b|\badd to (?:cart|basket)\b"
    r"|\bin stock\b|\bdruckausgabe\b|\bgebundene ausgabe\b|\btaschenbuch\b|\bin den warenkorb\b"
    r"|\blieferbar\b|\bausleihbar\b|\bпечатное издание\b|\bв корзину\b|\bв наличии\b"
    r"|\bтвердыи переплет\b"
)

# Words of a <noscript> or shell asking for JavaScript.
NEEDS_JS = re.compile(r"javascript|\bjs\b")
MOUNT_IDS = frozenset({"root", "app", "__next", "__nuxt", "___gatsby", "svelte", "main-app"})
# Class/id words of a paywall or registration box (its text may be dropped by trafilatura).
WALL_BOX = re.compile(
    r"paywall|subscri|premium|regwall|piano|(?:^|[\s_-])(?:meter|abo|abone|paid|locked)(?:$|[\s_-])"
)


LIBRARY = re.compile(
    r"\byer numarasi\b|\bdemirbas\b|\bkutuphane|\bcall number\b|\bshelf ?mark\b|\blibrary\b"
    r"|\bsignatur\b|\bbibliothek|\bшифр\b|\bбиблиотек|\bokuma salonunda\b|\bausleihbar\b"
    r"|\blc (?:classification|control)|\bcall no\b|\bcatalog(?:ue)? of\b|\bkatalog\b|\bкаталог"
)
