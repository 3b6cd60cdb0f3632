"""The table of known places and organisations for verify/entities.py (issue 5).

A row is ``canonical: (kind, [forms…])``: forms as they appear in text in any
language and script (folded and transliterated when entities.py loads). Write
an acronym in capitals (``ABD``, ``US``): capitals are then required in the
text, so the pronoun "us" is not the United States.
"""

from __future__ import annotations

__all__ = ["EXONYMS"]

# fmt: off
EXONYMS: dict[str, tuple[str, list[str]]] = {
    "united states": ("country", [
        "ABD", "US", "USA", "U.S.", "U.S.A.", "United States", "Amerika Birleşik Devletleri",
        "Amerika", "Amerikan", "America", "American", "Vereinigte Staaten", "USA",
        "amerikanisch", "США", "Соединённые Штаты", "американск", "Washington", "Vaşington",
        "Вашингтон"]),
    "kazakhstan": ("country", [
        "Kazakistan", "Kazakhstan", "Kasachstan", "Казахстан", "Kazak", "Kazakh",
        "kasachisch", "казахстанск", "казахск"]),
    "china": ("country", [
        "Çin", "China", "Chinese", "chinesisch", "Çinli", "Кита", "китайск", "Peking", "Pekin",
        "Beijing", "Пекин"]),
    "russia": ("country", [
        "Rusya", "Russia", "Russian", "Russland", "russisch", "Росси", "российск", "Moskova",
        "Moscow", "Moskau", "Москв", "Rus"]),
    "central asia": ("region", [
        "Orta Asya", "Central Asia", "Central Asian", "Zentralasien", "zentralasiatisch",
        "Центральн Ази", "Средн Ази", "центральноазиатск", "среднеазиатск"]),
    "uzbekistan": ("country", [
        "Özbekistan", "Uzbekistan", "Usbekistan", "Узбекистан", "Özbek", "Uzbek", "usbekisch",
        "узбекск", "Taşkent", "Tashkent", "Taschkent", "Ташкент"]),
    "turkmenistan": ("country", [
        "Türkmenistan", "Turkmenistan", "Туркменистан", "Türkmen", "Turkmen", "туркменск"]),
    "kyrgyzstan": ("country", [
        "Kırgızistan", "Kyrgyzstan", "Kirgisistan", "Kirgistan", "Кыргызстан", "Киргизи",
        "Kırgız", "Kyrgyz", "kirgisisch", "кыргызск", "киргизск"]),
    "tajikistan": ("country", [
        "Tacikistan", "Tajikistan", "Tadschikistan", "Таджикистан", "Tacik", "Tajik",
        "tadschikisch", "таджикск"]),
    "turkey": ("country", [
        "Türkiye", "Turkey", "Türkei", "Турци", "Ankara", "Анкар", "Turkish", "türkisch",
        "турецк"]),
    # Listed so that the longest match keeps them from reading as "Amerika" = US.
    "latin america": ("region", [
        "Latin Amerika", "Latin America", "Lateinamerika", "Латинская Америка",
        "Латинской Америки"]),
    "south america": ("region", [
        "Güney Amerika", "South America", "Südamerika", "Южная Америка", "Южной Америки"]),
    "north america": ("region", [
        "Kuzey Amerika", "North America", "Nordamerika", "Северная Америка",
        "Северной Америки"]),
    "ukraine": ("country", ["Ukrayna", "Ukraine", "Украин", "Ukrainian", "ukrainisch"]),
    "afghanistan": ("country", ["Afganistan", "Afghanistan", "Афганистан"]),
    "organization of turkic states": ("org", [
        "TDT", "OTS", "Türk Devletleri Teşkilatı", "Organization of Turkic States",
        "Organisation of Turkic States", "Organisation der Turkstaaten",
        "Организация тюркских государств", "ОТГ"]),
    "international energy agency": ("org", [
        "IEA", "Uluslararası Enerji Ajansı", "International Energy Agency",
        "Internationale Energieagentur", "Международное энергетическое агентство", "МЭА"]),
    "united nations": ("org", [
        "BM", "UN", "Birleşmiş Milletler", "United Nations", "Vereinte Nationen", "ООН",
        "Организация Объединённых Наций"]),
    "european union": ("org", [
        "AB", "EU", "Avrupa Birliği", "European Union", "Europäische Union", "ЕС",
        "Европейский союз"]),
    # The South Caucasus, the Caspian and the Black Sea: the neighbourhood of the
    # Middle Corridor that AVİM pages write about.
    "azerbaijan": ("country", [
        "Azerbaycan", "Azerbaijan", "Aserbaidschan", "Азербайджан", "Azeri", "Azerbaijani",
        "aserbaidschanisch", "азербайджанск", "Bakü", "Baku", "Баку"]),
    "armenia": ("country", [
        "Ermenistan", "Armenia", "Armenien", "Армени", "Ermeni", "Armenian", "armenisch",
        "армянск", "Erivan", "Yerevan", "Eriwan", "Ереван"]),
    "georgia": ("country", [
        "Gürcistan", "Georgia", "Georgien", "Грузи", "Gürcü", "Georgian", "georgisch",
        "грузинск", "Tiflis", "Tbilisi", "Тбилиси"]),
    "iran": ("country", ["İran", "Iran", "Иран", "Iranian", "iranisch", "иранск", "Tahran",
                         "Tehran", "Teheran", "Тегеран"]),
    "pakistan": ("country", ["Pakistan", "Пакистан"]),
    "india": ("country", ["Hindistan", "India", "Indien", "Инди", "Indian", "indisch"]),
    "germany": ("country", ["Almanya", "Germany", "Deutschland", "Германи", "German",
                            "deutsch", "Alman", "Berlin", "Берлин"]),
    "france": ("country", ["Fransa", "France", "Frankreich", "Франци", "French",
                           "französisch", "Paris", "Париж"]),
    "united kingdom": ("country", ["Birleşik Krallık", "İngiltere", "United Kingdom", "UK",
                                   "Britain", "British", "Großbritannien", "Великобритани",
                                   "London", "Londra"]),
    "japan": ("country", ["Japonya", "Japan", "Япони", "Japanese", "japanisch", "Tokyo"]),
    "south korea": ("country", ["Güney Kore", "South Korea", "Südkorea", "Южная Корея",
                                "Южной Кореи", "Seul", "Seoul"]),
    "mongolia": ("country", ["Moğolistan", "Mongolia", "Mongolei", "Монголи"]),
    "belarus": ("country", ["Belarus", "Beyaz Rusya", "Weißrussland", "Беларус",
                            "Белорусси"]),
    "hungary": ("country", ["Macaristan", "Hungary", "Ungarn", "Венгри", "Hungarian",
                            "Budapeşte", "Budapest"]),
    "egypt": ("country", ["Mısır", "Egypt", "Ägypten", "Египет", "Египт"]),
    "israel": ("country", ["İsrail", "Israel", "Израил", "Israeli", "israelisch"]),
    "syria": ("country", ["Suriye", "Syria", "Syrien", "Сири", "Syrian", "syrisch"]),
    "iraq": ("country", ["Irak", "Iraq", "Ирак", "Iraqi", "irakisch"]),
    "saudi arabia": ("country", ["Suudi Arabistan", "Saudi Arabia", "Saudi-Arabien",
                                 "Саудовская Аравия", "Саудовской Аравии"]),
    "qatar": ("country", ["Katar", "Qatar", "Катар"]),
    "poland": ("country", ["Polonya", "Poland", "Polen", "Польш"]),
    "romania": ("country", ["Romanya", "Romania", "Rumänien", "Румыни"]),
    "bulgaria": ("country", ["Bulgaristan", "Bulgaria", "Bulgarien", "Болгари"]),
    "greece": ("country", ["Yunanistan", "Greece", "Griechenland", "Греци"]),
    "moldova": ("country", ["Moldova", "Moldau", "Молдов", "Moldawien"]),
    "nakhchivan": ("region", ["Nahçıvan", "Nakhchivan", "Nachitschewan", "Нахичеван"]),
    "karabakh": ("region", ["Karabağ", "Karabakh", "Karabach", "Карабах", "Dağlık Karabağ",
                            "Nagorno-Karabakh", "Bergkarabach", "Нагорный Карабах"]),
    "zangezur": ("region", ["Zengezur", "Zangezur", "Sangesur", "Зангезур"]),
    "south caucasus": ("region", ["Güney Kafkasya", "South Caucasus", "Südkaukasus",
                                  "Южный Кавказ", "Южного Кавказа", "Kafkasya", "Caucasus",
                                  "Kaukasus", "Кавказ"]),
    "black sea": ("region", ["Karadeniz", "Black Sea", "Schwarzes Meer", "Schwarzen Meer",
                             "Schwarze Meer",
                             "Черное море", "Черного моря", "Черном море", "Чёрное море",
                             "Чёрного моря"]),
    "caspian sea": ("region", ["Hazar", "Hazar Denizi", "Caspian", "Caspian Sea",
                               "Kaspisches Meer", "Kaspischen Meer", "kaspisch",
                               "Каспийское море", "Каспийского моря", "Каспи"]),
    "middle corridor": ("org", ["Orta Koridor", "Middle Corridor", "Mittlerer Korridor",
                                "Mittleren Korridor", "Средний коридор", "Среднего коридора",
                                "Trans-Caspian International Transport Route", "TITR",
                                "Transkaspische Internationale Transportroute",
                                "Транскаспийский международный транспортный маршрут",
                                "Транскаспийского международного транспортного маршрута"]),
    "bosphorus": ("region", ["İstanbul Boğazı", "Boğazlar", "Bosphorus", "Bosporus", "Босфор",
                             "Turkish Straits", "Dardanelles"]),
    "aral sea": ("region", ["Aral Gölü", "Aral Denizi", "Aral Sea", "Aralsee", "Аральское море",
                            "Аральского моря", "Aral"]),
    "amu darya": ("region", ["Amu Derya", "Amuderya", "Amu Darya", "Amudarja", "Амударь"]),
    "syr darya": ("region", ["Sir Derya", "Sirderya", "Siriderya", "Syr Darya",
                             "Syrdarja", "Сырдарь"]),
    "nato": ("org", ["NATO", "НАТО", "North Atlantic Treaty Organization"]),
    "world bank": ("org", ["Dünya Bankası", "World Bank", "Weltbank", "Всемирный банк",
                           "Всемирного банка"]),
    "imf": ("org", ["IMF", "Uluslararası Para Fonu", "International Monetary Fund",
                    "Internationaler Währungsfonds", "IWF", "МВФ"]),
    "shanghai cooperation organization": ("org", [
        "ŞİÖ", "SCO", "Şanghay İşbirliği Örgütü", "Shanghai Cooperation Organisation",
        "Shanghai Cooperation Organization", "Shanghaier Organisation für Zusammenarbeit",
        "ШОС", "Шанхайская организация сотрудничества"]),
    "eurasian economic union": ("org", [
        "AEB", "EAEU", "EAWU", "ЕАЭС", "Avrasya Ekonomik Birliği", "Eurasian Economic Union",
        "Eurasische Wirtschaftsunion", "Евразийский экономический союз"]),
    "csto": ("org", ["KGAÖ", "CSTO", "OVKS", "ОДКБ", "Kolektif Güvenlik Antlaşması Örgütü",
                     "Collective Security Treaty Organization"]),
    "osce": ("org", ["AGİT", "OSCE", "OSZE", "ОБСЕ"]),
    "minsk group": ("org", ["Minsk Grubu", "Minsk Group", "Minsker Gruppe", "Минская группа",
                            "Минской группы"]),
    "black sea grain initiative": ("org", [
        "Karadeniz Tahıl Girişimi", "Black Sea Grain Initiative", "Schwarzmeer-Getreideinitiative",
        "Черноморская зерновая инициатива", "Черноморской зерновой инициативы",
        "Karadeniz Tahıl Koridoru", "Tahıl Koridoru", "grain deal", "Getreideabkommen",
        "зерновая сделка", "зерновой сделки"]),
    "btk": ("org", ["BTK", "Bakü-Tiflis-Kars", "Baku-Tbilisi-Kars", "Баку-Тбилиси-Карс"]),
    "tanap": ("org", ["TANAP", "Trans-Anadolu", "Trans-Anatolian", "ТАНАП"]),
    "btc": ("org", ["BTC", "Bakü-Tiflis-Ceyhan", "Baku-Tbilisi-Ceyhan", "Баку-Тбилиси-Джейхан"]),
    "europe": ("region", ["Avrupa", "Europe", "European", "Europa", "europäisch", "Европ",
                          "европейск"]),
    "spain": ("country", ["İspanya", "Spain", "Spanien", "Испани", "Spanish", "spanisch"]),
    "italy": ("country", ["İtalya", "Italy", "Italien", "Итали", "Italian", "italienisch"]),
    "southern gas corridor": ("org", ["Güney Gaz Koridoru", "Southern Gas Corridor",
                                      "Südlicher Gaskorridor", "Südlichen Gaskorridor",
                                      "Южный газовый коридор", "Южного газового коридора"]),
    "ebrd": ("org", ["EBRD", "Avrupa İmar ve Kalkınma Bankası", "EBWE",
                     "European Bank for Reconstruction and Development", "ЕБРР",
                     "Europäische Bank für Wiederaufbau und Entwicklung"]),
    "asian development bank": ("org", ["ADB", "AKB", "Asya Kalkınma Bankası",
                                       "Asian Development Bank", "Asiatische Entwicklungsbank",
                                       "Азиатский банк развития", "АБР"]),
    "opec": ("org", ["OPEC", "OPEC+", "ОПЕК", "ОПЕК+"]),
    "trnc": ("country", ["KKTC", "TRNC", "Kuzey Kıbrıs Türk Cumhuriyeti", "Kuzey Kıbrıs",
                         "Turkish Republic of Northern Cyprus", "Northern Cyprus", "Nordzypern",
                         "Türkische Republik Nordzypern", "Северный Кипр",
                         "Турецкая Республика Северного Кипра"]),
    "c5+1": ("org", ["C5+1", "С5+1"]),
    # Bodies whose acronym differs by language (CPC / КТК, IAEA / UAEA / МАГАТЭ):
    # token matching and transliteration cannot join those spellings.
    "caspian pipeline consortium": ("org", [
        "CPC", "КТК", "Hazar Boru Hattı Konsorsiyumu", "Caspian Pipeline Consortium",
        "Kaspisches Pipeline-Konsortium", "Kaspischen Pipeline-Konsortiums",
        "Каспийский трубопроводный консорциум", "Каспийского трубопроводного консорциума"]),
    "iaea": ("org", [
        "UAEA", "IAEA", "IAEO", "МАГАТЭ", "Uluslararası Atom Enerjisi Ajansı",
        "International Atomic Energy Agency", "Internationale Atomenergiebehörde",
        "Internationalen Atomenergiebehörde", "Internationale Atomenergie-Organisation"]),
    "cis": ("org", [
        "BDT", "CIS", "GUS", "СНГ", "Bağımsız Devletler Topluluğu",
        "Commonwealth of Independent States", "Gemeinschaft Unabhängiger Staaten",
        "Содружество Независимых Государств", "Содружества Независимых Государств"]),
    "brics": ("org", ["BRICS", "БРИКС"]),
    "turkstream": ("org", ["TürkAkım", "Türk Akımı", "TurkStream", "Turkish Stream",
                           "Turkstream", "Турецкий поток", "Турецкого потока"]),
    "global gateway": ("org", ["Küresel Geçit", "Global Gateway", "Глобальные ворота"]),
    "aiib": ("org", ["AIIB", "AAYB", "Asya Altyapı Yatırım Bankası",
                     "Asian Infrastructure Investment Bank",
                     "Asiatische Infrastrukturinvestmentbank", "АБИИ"]),
    "white house": ("place", [
        "Beyaz Saray", "White House", "Weißes Haus", "Weißen Haus", "Белый дом", "Белом доме",
        "Белого дома"]),
}
# fmt: on
