"""Content words of claims and passages, comparable across tr, en, de and ru (issue 5).

A claim's content words (not names, numbers or function words) are matched
against a passage in two ways: by stem (the first :data:`STEM_CHARS` letters of
the folded, transliterated word; it joins inflections and some cognates,
``production``/``Produktion`` at ``produ``) and through :data:`CONCEPTS`, a
small cross-language table of the words this domain's claims turn on
(uranium, import, trade, summit, memorandum …). To extend it add stems
(folded, any script; Cyrillic is transliterated on load) to a concept or add
a new concept row.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from citecheck.verify.entities import _tokens, _words, key_of

__all__ = ["ANTONYMS", "CONCEPTS", "STEM_CHARS", "Terms", "claim_terms", "passage_terms"]

# Turkish words carry case and possessive endings (üretim, üretiminin,
# üretimini): five letters keep the root of most content words and are still
# distinctive; four merged unrelated words in the seed article (bölge/bölüm).
STEM_CHARS = 5
MIN_WORD = 3  # shorter words are function words or abbreviations

# fmt: off
CONCEPTS: dict[str, list[str]] = {
    "world": ["dunya", "kuresel", "world", "global", "welt", "weltweit", "mir", "mirov", "globaln"],
    "uranium": ["uranyum", "uranium", "uran"],
    "production": ["uretim", "uretir", "uretti", "produc", "produk", "produz", "herstell", "abbau",
                   "output", "forderung",
                   "proizvod", "dobych", "mining", "madencilik", "fordern", "forderung"],
    "import": ["ithal", "import", "einfuhr"],
    "export": ["ihrac", "ihracat", "export", "ausfuhr", "eksport"],
    "trade": ["ticaret", "ticari", "trade", "tradin", "commerc", "handel", "kommerz", "torgov",
              "kommerch"],
    "investment": ["yatirim", "invest", "investit", "vlozhen"],
    "deal": ["anlasma", "deal", "agreement", "abkommen", "vereinbarung", "soglashen", "sdelk",
             "paket", "package"],
    "memorandum": ["mutabakat", "memorandum", "absichtserklarung", "memorandum"],
    "sign": ["imza", "imzal", "sign", "unterzeich", "podpis"],
    "announce": ["duyur", "aciklan", "ilan", "announc", "ankundig", "bekanntgeg", "obyavi"],
    "rare earth": ["nadir", "toprak", "rare", "earth", "selten", "erden", "redkozem"],
    "mineral": ["mineral", "maden", "metal", "rohstoff", "erz", "poleznye"],
    # crucial, essential and indispensable are said where the claim says critical
    "critical": ["kritik", "critical", "kritisch", "kritichesk", "strategic", "stratejik",
                 "strategisch", "strategichesk", "key", "schlussel", "klyuchev", "crucial",
                 "essential", "vital", "indispens", "vazgecilmez", "olmazsa", "unverzicht",
                 "unerlassl", "wesentlich", "neobkhodim", "nezamenim", "onemli", "important",
                 "wichtig", "vazhn", "onem"],
    "copper": ["bakir", "copper", "kupfer", "med"],
    "lithium": ["lityum", "lithium", "liti"],
    "tungsten": ["tungsten", "wolfram", "volfram"],
    "nuclear": ["nukleer", "nuclear", "nuklear", "atom", "kernenerg", "yadern", "atomn"],
    "energy": ["enerji", "energy", "energie", "energ"],
    "supply": ["tedarik", "suppl", "liefer", "versorg", "postav", "sagla", "obespech"],
    "restriction": ["kisitla", "restrict", "limit", "beschrank", "ogranich", "sinirla"],
    "expand": ["genislet", "expand", "extend", "erweiter", "ausweit", "rasshir"],
    "account": ["karsila", "account", "entfall", "ausmach", "prikhod", "sostavl"],
    "security": ["guvenlik", "security", "sicherheit", "bezopasn"],
    "defense": ["savunma", "defense", "defence", "verteidig", "ruestung", "oboron", "military",
                "militar", "askeri"],
    "summit": ["zirve", "summit", "gipfel", "sammit"],
    "meeting": ["toplanti", "meeting", "treffen", "vstrech", "gorusme", "gorust", "met", "meet",
                "getroffen", "trafen", "vstretil", "bulust"],
    "project": ["proje", "project", "projekt", "proekt"],
    "processing": ["isleme", "islen", "process", "verarbeit", "pererabot", "refin", "rafin"],
    "reserves": ["rezerv", "reserve", "vorkommen", "zapas", "deposit", "yatak"],
    "company": ["sirket", "company", "firm", "unternehm", "konzern", "kompani", "korporats"],
    # "devlet" (state) and "ülke" (country) are used interchangeably in this domain
    "country": ["ulke", "country", "countries", "nation", "lander", "stran", "devlet", "state",
                "staat", "gosudar", "republic", "cumhuriyet", "respubl"],
    "culture": ["kultur", "cultur", "kulturn"],
    "priority": ["oncelik", "priorit", "vorrang", "prioritet"],
    "free": ["serbest", "free", "frei", "svobod"],
    "held": ["yapild", "gerceklest", "took", "held", "stattgef", "fand", "sostoyal", "proshl",
             "proshel"],
    "secure": ["guvence", "secur", "sicher", "garant", "obespech"],
    "access": ["erisim", "access", "zugang", "zugriff", "dostup"],
    "control": ["kontrol", "hakimiyet", "control", "domina", "beherrsch", "gospodstv", "hakim"],
    "aim": ["amac", "hedef", "aim", "goal", "ziel", "tsel", "seek", "want", "wolle", "istiyor"],
    "build": ["olustur", "insa", "build", "creat", "aufbau", "baue", "schaff", "sozda", "stroi",
              "construct", "yapim", "gebaut", "errichte", "postroi"],
    "raw material": ["hammadde", "raw", "rohstoff", "syre"],
    "region": ["bolge", "region", "regional"],
    "independence": ["bagimsiz", "independ", "unabhangig", "nezavisim"],
    "economy": ["ekonomi", "iktisad", "econom", "wirtschaft", "ekonom"],
    "gdp": ["gsyih", "gdp", "bip", "vvp"],
    "president": ["cumhurbaskan", "baskan", "president", "prasident", "prezident"],
    "leader": ["lider", "leader", "regierungschef", "staatschef", "fuhrer", "rukovodit", "lidery",
               "head of state", "devlet baskan"],
    "anniversary": ["yildonum", "anniversar", "jahrestag", "jubilaum", "godovshchin", "yubile"],
    "celebrate": ["kutla", "celebrat", "commemor", "feier", "begeh", "begang", "prazdn", "otmech"],
    "today": ["gunumuz", "bugun", "today", "nowaday", "heute", "heutig", "segodn", "sovremenn"],
    "wide": ["genis", "wide", "wider", "broad", "breit", "weit", "shirok"],
    "various": ["cesitli", "various", "range", "verschied", "razlichn", "raznoobraz"],
    "use": ["kullan", "use", "used", "utiliz", "verwend", "genutzt", "nutz", "ispolz", "primen"],
    "need": ["gereksin", "ihtiyac", "gerek", "need", "requir", "benotig", "brauch", "bedarf",
             "nuzhd", "trebu", "potrebn"],
    "basis": ["temel", "basis", "foundat", "cornerstone", "grundlag", "osnov", "backbone"],
    "amount": ["miktar", "amount", "quantit", "volume", "menge", "kolichestv", "obem", "hacim"],
    "large": ["yuksek", "buyuk", "high", "huge", "large", "hoch", "gross", "riesig", "vysok",
              "bolsh", "ogromn"],
    "wind": ["ruzgar", "wind", "veter", "vetr"],
    "permanent": ["kalici", "permanent", "dauer", "postoyan"],
    "efficiency": ["verim", "performan", "efficien", "effizien", "leistung", "effektivn"],
    "work": ["calis", "work", "operat", "function", "betrieb", "funktion", "rabot"],
    "role": ["rol", "role", "rolle"],
    "network": ["network", "sebeke", "netzwerk", "elektroset"],
    "solar": ["gunes", "solar", "sonne", "solnech"],
    "join": ["katil", "join", "accede", "beitret", "beigetret", "prisoedin", "vstupi"],
    "member": ["uye", "member", "mitglied", "chlen"],
    "gold": ["altin", "gold", "zolot"],
    "war": ["savas", "war", "krieg", "voin", "voyn"],
    "host": ["agirla", "host", "receiv", "welcom", "empfang", "begruss", "prinima", "prinyal",
             "karsila"],
    "cooperation": ["isbirlig", "birlig", "cooperat", "zusammenarb", "kooperat", "sotrudnich",
                    "partner", "ortak", "ortag", "common", "joint", "gemeinsam", "obshch",
                    "sovmest"],
    "corridor": ["koridor", "corridor", "korridor", "route", "guzergah", "rota", "marshrut"],
    "influence": ["etki", "influen", "einfluss", "vliyan", "nufuz"],
    "battery": ["batarya", "akumulator", "battery", "batteri", "akkumul"],
    "magnet": ["miknatis", "magnet"],
    "electric": ["elektrik", "electric", "elektr"],
    "vehicle": ["arac", "vehicle", "fahrzeug", "avtomob", "otomobil"],
    "grid": ["grid", "stromnetz", "netz"],
    "demand": ["talep", "demand", "nachfrage", "spros"],
    "chain": ["zincir", "chain", "kette", "tsepoch"],
    "value": ["deger", "value", "wert", "stoimost"],
    "first": ["ilk", "first", "erst", "perv"],
    "half": ["yari", "half", "halft", "polovin"],
    "share": ["pay", "paylas", "share", "anteil", "dolya"],
    "lose": ["kaybet", "kayip", "yitir", "lose", "lost", "loss", "verlor", "verlust", "poter"],
    "area": ["alan", "yuzey", "area", "surface", "flache", "oberflach", "ploshchad",
             "poverkhn"],
    "agenda": ["gundem", "agenda", "tagesordnung", "povestk"],
    "increase": ["art", "artis", "artti", "artar", "artmi", "yuksel", "increas", "grow", "rise",
                 "rose", "anstieg", "wachs", "rost", "uvelich", "buyud", "buyum", "buyur", "grew",
                 "gewachs", "wuchs", "vyros", "gestieg", "steig", "stieg"],
    "decrease": ["azal", "azalm", "azald", "azali", "dusus", "dustu", "decreas", "declin", "fall",
                 "indir", "cut", "senk", "gesenkt", "snizi",
                 "fell", "drop", "reduc", "gesunk", "verringer", "sokrash", "upal", "gerile",
                 "ruckgang", "sinken", "snizh", "umensh"],
    # --- policy, diplomacy, transport, energy and water: the verbs and nouns
    # of think-tank claims beyond critical minerals (tr, en, de, ru folded).
    # Stems are prefixes: a short one ("gaz") takes only short endings, and a
    # stem that opens unrelated words ("close"/"closely", "renew"/"renewable",
    # "offen"/"öffentlich") is written in a longer, unambiguous form.
    "approve": ["onayla", "onaylan", "onay", "tasdik", "approv", "ratif", "endorse", "billig",
                "adopt", "verabschied", "prinyat", "prinyal",
                "genehmig", "zustimm", "odobr", "ratifits", "utverd", "kabul"],
    "reject": ["reddet", "redded", "reject", "refus", "ablehn", "verweiger", "otklon", "otverg",
               "otkaz"],
    "peripheral": ["peripher", "marginal", "secondary", "ikincil", "nebensach", "randstand",
                   "zweitrang", "vtorostep", "periferi", "sidelined"],
    "agree": ["mutabik", "uzlas", "agree", "agreed", "geeinigt", "einigung", "dogovori",
              "soglas"],
    "peace": ["baris", "peace", "frieden", "mirn"],
    "treaty": ["antlasma", "treaty", "vertrag", "dogovor"],
    "border": ["sinir", "border", "frontier", "grenz", "granits"],
    "ceasefire": ["ateskes", "ceasefire", "truce", "waffenstillst", "waffenruh", "peremiri"],
    "negotiation": ["muzakere", "gorusmel", "negotia", "talk", "verhandl", "gesprach",
                    "peregovor", "discuss", "erort", "obsudi"],
    "conflict": ["catisma", "ihtilaf", "anlasmazlik", "conflict", "dispute", "konflikt",
                 "streit"],
    "parliament": ["meclis", "parlamento", "parliament", "parlament", "bundestag", "duma",
                   "senate", "senat", "kongre", "congress", "kongress"],
    "government": ["hukumet", "government", "regierung", "pravitelstv", "kabinet", "cabinet"],
    "minister": ["bakan", "minister", "ministr"],
    "foreign": ["disisler", "foreign", "auswart", "aussen", "inostran", "vneshn"],
    "grain": ["tahil", "hububat", "grain", "getreide", "zerno", "bugday", "wheat", "weizen",
              "pshenits"],
    "ship": ["gemi", "ship", "vessel", "schiff", "sudn", "sudov", "korabl", "tanker"],
    "port": ["liman", "port", "harbo", "hafen"],
    "sea": ["deniz", "maritim", "meer", "morsk"],
    "rail": ["demiryol", "rail", "eisenbahn", "bahn", "zhelezn", "train", "poezd"],
    "pipeline": ["boru", "hatti", "pipeline", "rohrleit", "truboprovod", "gazoprovod",
                 "nefteprovod"],
    "gas": ["dogalgaz", "gaz", "gas", "erdgas"],
    "oil": ["petrol", "oil", "erdol", "neft", "crude", "rohol"],
    "transport": ["tasima", "tasin", "tasiy", "ulasim", "nakliy", "transport", "transit",
                  "verkehr", "perevoz", "lojistik", "logistic", "logistik"],
    "cargo": ["kargo", "yuk", "yukler", "cargo", "freight", "fracht", "gruz"],
    "container": ["konteyner", "container", "kontein"],
    "capacity": ["kapasit", "capacit", "kapazit", "moshchnost", "propuskn"],
    "tonne": ["ton", "tonne", "tonn"],
    "inflation": ["enflasyon", "inflation", "infliats"],
    "budget": ["butce", "budget", "haushalt", "byudzhet"],
    "launch": ["baslat", "basla", "launch", "start", "begin", "began", "begonn", "zapust",
               "nachal", "hizmete"],
    "end": ["bitir", "bitti", "sonlan", "ended", "end", "beend", "zavershi", "okonch",
            "prekrat", "terminat", "expir", "auslauf", "abgelauf"],
    "suspend": ["askiya", "durdur", "suspend", "aussetz", "ausgesetzt", "stopp", "priostanov",
                "zamoroz", "freez"],
    "resume": ["resum", "wiederaufn", "vozobnov"],
    "withdraw": ["cekil", "withdr", "exit", "austret", "ausgetret", "zuruckgez", "vykhod",
                 "vyshl"],
    "extend": ["uzat", "extend", "extension", "renewed", "renewal", "prolong", "verlanger",
               "prodl"],
    "complete": ["tamamla", "complet", "finish", "fertiggest", "abgeschloss", "zavershen"],
    "plan": ["planla", "plan", "intend", "beabsicht", "planir", "namereva"],
    "establish": ["kuruldu", "kurulmus", "kurulus", "establish", "founded", "founding",
                  "gegrundet", "grundung", "uchredi", "osnova"],
    "declaration": ["bildirge", "bildiri", "deklarasyon", "declaration", "erklarung", "deklarats",
                    "statement", "aciklama"],
    "integration": ["entegrasyon", "butunlesme", "integrat"],
    "alliance": ["ittifak", "alliance", "bundnis", "allianz", "soyuz"],
    "recognize": ["tanid", "taniy", "taninm", "recogni", "anerkenn", "priznal", "priznan"],
    "territory": ["territor", "gebiet"],
    "sovereignty": ["egemenlik", "sovereign", "souveran", "suverenit"],
    "mediation": ["arabulucu", "mediat", "vermittl", "posredni"],
    "sanction": ["yaptirim", "sanction", "sanktion", "sanktsi"],
    "ban": ["yasak", "banne", "bannin", "prohibit", "verbot", "verbiet", "zapret"],
    "allow": ["izin", "allow", "permit", "erlaub", "gestatt", "razresh"],
    "support": ["destek", "support", "backed", "unterstutz", "podderzh"],
    "oppose": ["itiraz", "oppos", "widersetz", "protiv", "vozrazh"],
    "strengthen": ["guclendir", "pekistir", "strengthen", "reinforc", "deepen", "starken",
                   "vertief", "ukrepl", "derinles"],
    "weaken": ["zayifla", "zayiflat", "weaken", "undermin", "schwach", "oslab"],
    "dam": ["baraj", "reservoir", "stausee", "talsperr", "plotin", "vodokhranil"],
    "river": ["nehir", "irmak", "river", "fluss", "reka", "reki"],
    "irrigation": ["sulama", "irrigat", "bewasser", "orosh"],
    "drought": ["kurak", "drought", "durre", "trockenh", "zasukh"],
    "shortage": ["kitlik", "eksiklik", "shortage", "scarcit", "mangel", "defitsit", "nekhvatk"],
    "electricity": ["electricit", "strom", "elektroener", "hidroelektr", "hydropow",
                    "wasserkraft", "gidroelektr"],
    "population": ["nufus", "population", "bevolker", "einwohner", "naselen"],
    "record": ["rekor", "record", "rekord"],
    "small": ["kucuk", "dusuk", "small", "low", "klein", "niedrig", "gering", "nizk",
              "minimal", "smallest"],
    "new": ["yeni", "new", "neu", "nov"],
    "hub": ["merkez", "hub", "center", "centre", "zentrum", "drehkreuz", "tsentr", "uzel"],
    "loan": ["kredi", "loan", "credit", "darlehen", "kredit", "zaim"],
    "fund": ["fon", "fund", "financ", "finanz", "finans"],
    "cost": ["maliyet", "cost", "kosten", "price", "fiyat", "preis", "tsen"],
    "turkic": ["turk", "turkic", "tyurk", "turksprach", "turkvolk"],
    "language": ["dil", "language", "sprache", "yazyk"],
    "alphabet": ["alfabe", "alphabet", "alfavit"],
    "visit": ["ziyaret", "visit", "besuch", "vizit", "posetil"],
    "election": ["secim", "election", "wahl", "vybor"],
    "reform": ["reform"],
    "refugee": ["multeci", "refugee", "fluchtling", "bezhen"],
    "army": ["ordu", "army", "troop", "armee", "truppe", "voisk", "soldat"],
    "attack": ["saldiri", "attack", "angriff", "ataka", "napaden", "strike"],
    "observer": ["gozlemci", "observer", "beobacht", "nablyudat"],
    "status": ["statu", "status"],
    "open": ["acik", "acild", "acilis", "acilmis", "open", "inaugur", "geoffn", "eroffn",
             "otkryt", "otkryl"],
    "pledge": ["taahhut", "pledg", "commit", "zusag", "zugesagt", "obyaza", "obeshch"],
    "connection": ["baglanti", "baglant", "connect", "link", "verbind", "svyaz"],
    "consist": ["olusu", "consist", "compris", "besteh", "bestand", "sostoi", "sostoit"],
    "article": ["madde", "article", "artikel", "statei", "statya", "stati", "point", "punkt"],
    "letter": ["harf", "letter", "buchstab", "bukv"],
    "position": ["tutum", "position", "stance", "haltung", "pozits"],
    "natural": ["dogal", "natural", "natur", "prirodn"],
    "close": ["kapat", "kapali", "kapand", "closed", "closur", "shut", "geschloss", "sperr",
              "zakryt", "zakryl"],
    "remittance": ["doviz", "havale", "remittanc", "rucküberweis", "heimuberweis",
                   "geldtransfer", "denezhn"],
    "depend": ["bagiml", "bagli", "depend", "reliant", "abhangig", "angewiesen", "zavis"],
    "worker": ["isci", "calisan", "worker", "labour", "labor", "arbeiter", "arbeitskr",
               "rabochi", "trudov", "migrant", "gocmen"],
    "bank": ["banka", "bank", "banc"],
    "policy": ["politika", "policy", "politik", "politi"],
    "interest": ["faiz", "interest", "zins", "leitzins", "stavk", "rate"],
    "confirm": ["dogrula", "teyit", "confirm", "verif", "bestatig", "podtverd"],
    "exceed": ["asti", "asmis", "asacak", "asild", "exceed", "surpass", "overshoot",
               "ubertr", "uberschr", "prevys", "prevysh"],
    "below": ["altinda", "gerisinde", "below", "short of", "unterhalb", "unterschr", "nizhe"],
    "quota": ["kota", "quota", "quote", "kvot"],
    "target": ["hedef", "target", "ziel", "tsel"],
    "water": ["su", "water", "wasser", "vod"],
    "food": ["gida", "food", "lebensmittel", "nahrung", "prodovolst"],
}
# fmt: on

# Concepts that say the opposite of each other: a claim's "increase" met by a
# source's "fell", "öncelik" by "peripheral", "onayladı" by "rejected" is the
# fact with its sense flipped (reading.py counts it as one negation).
_OPPOSITE_PAIRS = [
    ("increase", "decrease"), ("approve", "reject"),
    ("priority", "peripheral"), ("critical", "peripheral"), ("support", "oppose"),
    ("strengthen", "weaken"), ("launch", "end"), ("launch", "suspend"), ("resume", "suspend"),
    ("join", "withdraw"), ("extend", "end"), ("extend", "withdraw"), ("allow", "ban"),
    ("open", "close"), ("large", "small"), ("depend", "independence"), ("exceed", "below"),
]  # fmt: skip
ANTONYMS: dict[str, frozenset[str]] = {}
for _a, _b in _OPPOSITE_PAIRS:
    ANTONYMS[_a] = ANTONYMS.get(_a, frozenset()) | {_b}
    ANTONYMS[_b] = ANTONYMS.get(_b, frozenset()) | {_a}

_STOP = frozenset(
    key_of(w)
    for w in _words(
        # tr
        "ve ile bir bu şu o da de için gibi olarak olan daha en çok ise hem ya veya ki kadar "
        "yana beri üzerinde üzerine altında içinde arasındaki "
        "sonra önce arasında yanı sıra aynı zamanda ayrıca ancak fakat ama özellikle yaklaşık "
        "halihazırda olmak etmek yapmak sahip ilgili göre doğru karşı tarafından yönelik "
        "konusunda alanında alanlarında bağlamında çerçevesinde olduğu oldu olup etti eden "
        "edilen yer almaktadır bulunmaktadır bunun tüm her kendi diğer önemli büyük yeni "
        "olmuştur olduğunu gelmiştir söylenebilir görülmektedir dahil dizi üzere "
        "kısaca ele aldığımızda örneğin ise şekilde biçimde açıdan halde hale haline "
        "ilişkin dair karşın rağmen dolayı nedeniyle itibaren boyunca beri oynamaktadır "
        "oynar oynayan duyar duymaktadır olmaktadır bulunan gelen veren yapılan getirmiştir "
        "sadece yalnızca bile artık hâlâ hala zaten genel olarak birlikte "
        # light and reporting verbs: they rarely have a counterpart in a translation
        "etti etmiştir etmektedir ediyor edildi edilmiştir edilmektedir edecek edilecek yaptı "
        "yapmıştır yapmaktadır oldu olmuştur olmaktadır olacak ulaştı ulaşmıştır ulaşmaktadır "
        "bulunuyor bulundu bulunmuştur söyledi dedi belirtti ifade vurguladı kaydetti "
        "bildirdi aktardı göre şöyle "
        "reached stood amounted totalled totaled told stated noted added "
        "sagte sagten erklärte betonte sowie "
        "заявил заявила сказал сказала отметил отметила сообщил сообщила "
        # en
        "the and for with that this from are was were has have had been its their which "
        "also into about more than such other over some will would could should can may "
        "said says according per cent percent last first this these those while after "
        "between during including under where when there them they than then very "
        "since until ago yet still just only even each every both any most much many "
        # de
        "der die das und mit für von den dem des ein eine einer einen eines ist sind war "
        "wurde werden hat haben auch sich auf aus bei nach über unter zum zur wie als "
        "etwa rund fast knapp laut seit prozent "
        # negation words are compared by negation.py, not as content
        "not did does değil nicht kein keine не нет "
        # ru
        "и в во на с со по для из от до за что как это его её их а но или также около "
        "более почти его был была были быть который которая которые при"
    )
)

# index: first 3 letters of a concept stem -> [(stem, concept)]
_CONCEPT_INDEX: dict[str, list[tuple[str, str]]] = defaultdict(list)
for _concept, _stems in CONCEPTS.items():
    for _stem in _stems:
        _k = key_of(_stem)
        _CONCEPT_INDEX[_k[:3]].append((_k, _concept))


# A folded Turkish negative verb: the stem before -mA- and the tense ending
# (see negation.py for the full list of endings).
_TR_NEGATIVE_VERB = re.compile(
    r"^(\w{3,}?)m[ae](?:d[iu]|m[iu]s|z|y[ae]c[ae]k|m[ae]kt[ae])\w*$|"
    r"^(\w{3,}?)m[iu]yor\w*$"
)


# Turkish plural and case endings (folded) a four-letter stem may take beyond
# three letters: ülke-lere, onay-ların, uzat-ılması is no case ending.
_TR_SUFFIXES = re.compile(
    r"(?:ler|lar)?(?:i|in|ini|ine|inde|inden|e|a|de|da|den|dan|te|ta|ye|ya|yi|si|sin|sini|"
    r"sine|sinde|sinden|siyle|nin|nun|un|u|ni|nu|le|la|yle|yla|iyle|deki|daki)?$"
)


@lru_cache(maxsize=65536)
def concept_of(key: str) -> str | None:
    """The concept a folded word belongs to, or None.

    Stems of four letters or fewer ("art", "su", "med") only take a short ending,
    so that "artık" is no increase and "medya" is no copper.
    """
    best: tuple[int, str] | None = None
    for stem, concept in _CONCEPT_INDEX.get(key[:3], ()):
        room = len(key) - len(stem)
        fits = key.startswith(stem) and (
            len(stem) > 4
            or room <= 3
            or (len(stem) == 4 and bool(_TR_SUFFIXES.match(key, len(stem))))
        )
        if fits and (best is None or len(stem) > best[0]):
            best = (len(stem), concept)
    if best is None and len(key) <= 3:
        for stem, concept in _CONCEPT_INDEX.get(key, ()):
            if stem == key:
                return concept
    if best is None:
        m = _TR_NEGATIVE_VERB.match(key)
        if m:  # Turkish -mA- negation: uzat-ma-dı, onayla-ma-dı, imzala-n-ma-mış
            return concept_of(m.group(1) or m.group(2))
    if best is None and key.startswith("ge") and len(key) > 6:
        return concept_of(key[2:])  # German participle: gebilligt, gewachsen, geschlossen
    return best[1] if best else None


# Short words that carry content ("su" = water, "pay" = share, "ilk" = first).
_SHORT_CONTENT = frozenset({"su", "art", "pay", "ilk"})


# Spelling differences between cognates of tr/en/de (and transliterated ru):
# nikel/nickel/Nickel, kobalt/cobalt, grafit/graphite, lityum/lithium,
# teknoloji/technology/Technologie, organizasyon/organisation. Applied in order.
_SKELETON = [
    (re.compile(r"ph"), "f"), (re.compile(r"th"), "t"), (re.compile(r"ck|ch|c|q"), "k"),
    (re.compile(r"x"), "ks"), (re.compile(r"y"), "i"), (re.compile(r"w"), "v"),
    (re.compile(r"j"), "g"), (re.compile(r"z"), "s"), (re.compile(r"(.)\1+"), r"\1"),
]  # fmt: skip


@lru_cache(maxsize=65536)
def _stem(key: str) -> str:
    """The first STEM_CHARS letters of a word's spelling skeleton."""
    for pattern, repl in _SKELETON:
        key = pattern.sub(repl, key)
    return key[:STEM_CHARS]


# German (and Turkish) compounds hold several concepts in one word:
# "Exportbeschränkungen", "Kernenergieproduktion". Words this long are also
# searched for concept stems of COMPOUND_STEM letters or more inside them.
COMPOUND_CHARS = 12
COMPOUND_STEM = 5
_LONG_STEMS = sorted(
    {
        (key_of(s), c)
        for c, stems in CONCEPTS.items()
        for s in stems
        if len(key_of(s)) >= COMPOUND_STEM
    }
)


@lru_cache(maxsize=65536)
def compound_concepts(key: str) -> frozenset[str]:
    """Concepts whose stems stand inside a long word (German compounds)."""
    if len(key) < COMPOUND_CHARS:
        return frozenset()
    return frozenset(c for stem, c in _LONG_STEMS if stem in key[1:])


class Terms:
    """Content words of a text: (start, end, stem, concept) plus lookup sets."""

    __slots__ = ("concepts", "items", "stems")

    def __init__(
        self, items: list[tuple[int, int, str, str | None]], extra: frozenset[str]
    ) -> None:
        self.items = items
        self.stems = frozenset(i[2] for i in items)
        self.concepts = frozenset(i[3] for i in items if i[3]) | extra

    def covers(self, stem: str, concept: str | None) -> bool:
        return stem in self.stems or (concept is not None and concept in self.concepts)


# Acronyms that stand for content words (matched in capitals only: "ev" is
# Turkish for house).
_ACRONYMS: dict[str, tuple[str, ...]] = {
    "EV": ("electric", "vehicle"),
    "EVs": ("electric", "vehicle"),
    "GDP": ("gdp",),
    "GSYİH": ("gdp",),
    "BIP": ("gdp",),
    "ВВП": ("gdp",),
}


_APOSTROPHES = "'’`´"


def _terms(text: str, skip: tuple[tuple[int, int], ...]) -> Terms:
    items = []
    extra: set[str] = set()
    for s, e, orig, key in _tokens(text):
        if orig in _ACRONYMS:
            extra |= set(_ACRONYMS[orig])
        minor = len(key) < MIN_WORD or key in _STOP or key.isdigit() or orig[:1].isdigit()
        if minor and not (key in _SHORT_CONTENT or concept_of(key) == "gdp"):
            continue
        if any(a <= s < b for a, b in skip):
            continue
        if s and text[s - 1] in _APOSTROPHES and orig.islower():
            continue  # a Turkish case ending after a name or number: Asya'nın, 1960'tan
        items.append((s, e, _stem(key), concept_of(key)))
        extra |= compound_concepts(key)
    return Terms(items, frozenset(extra))


def claim_terms(text: str, skip: tuple[tuple[int, int], ...] = ()) -> Terms:
    """Content words of a claim, leaving out the spans in ``skip`` (names, numbers)."""
    return _terms(text, skip)


@lru_cache(maxsize=4096)
def passage_terms(text: str) -> Terms:
    """Content words of a passage (names and numbers included: they cost nothing here)."""
    return _terms(text, ())
