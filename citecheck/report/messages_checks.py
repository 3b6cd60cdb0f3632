"""Free texts of the checks in English and Turkish: link reasons, source problems,
registry errors, verdict reasons and notes, the run's trouble.

These texts carry no code, so each is found by its exact English (a template
with fields, see message_template.py). Every English line is the one its
producer writes today, named above each group; the verify stage's texts
(citecheck/verify/judge.py, checks.py, temporal.py) are translated here, in the
report layer, so the verify stage stays English-only. A text not listed is
shown in English: a translation is never guessed.

Exception texts and network errors inside parentheses (``({error})``) stay as
the library wrote them: they are for whoever fixes the tool.
"""

from __future__ import annotations

from citecheck.report.message_template import Template as T

__all__ = ["TEXT_TEMPLATES"]

# --- web/liveness.py::_NETWORK_REASONS: a failed connection, with or without detail
_NETWORK = (
    ("The site did not answer in time", "Site zamanında yanıt vermedi"),
    ("The site's name does not resolve (DNS)", "Sitenin alan adı çözümlenemiyor (DNS)"),
    ("The secure connection (TLS) to the site failed", "Siteyle güvenli bağlantı (TLS) kurulamadı"),
    ("The connection to the site failed", "Siteyle bağlantı kurulamadı"),
    ("This is not a valid web address", "Bu geçerli bir web adresi değil"),
    (
        "The address points into a private network and was not visited",
        "Adres özel (iç) bir ağı gösteriyor; ziyaret edilmedi",
    ),
    ("The site answered with a server error", "Site sunucu hatasıyla yanıt verdi"),
    ("The link does not lead to a page", "Bağlantı bir sayfaya götürmüyor"),
    (
        "The site refused the check: open it in a browser to confirm",
        "Site denetimi reddetti: doğrulamak için bağlantıyı bir tarayıcıda açın",
    ),
    ("The check failed", "Denetim başarısız oldu"),
)
# web/liveness.py::BLOCKED_CODES: what a site that blocks the check does.
_BLOCKED = {
    "what": (
        T("asks for a login", "oturum açılmasını istiyor"),
        T("refuses access", "erişimi reddediyor"),
        T("needs a proxy login", "vekil sunucu (proxy) girişi istiyor"),
        T("limits how often it may be asked", "istek sıklığını sınırlıyor"),
        T("is unavailable for legal reasons", "yasal nedenlerle erişime kapalı"),
        T("refuses automated visitors", "otomatik ziyaretçileri reddediyor"),
    )
}

_LINKS = (
    *(T(en + ".", tr + ".") for en, tr in _NETWORK),
    # liveness._set adds no full stop after a closing parenthesis
    *(T(en, tr) for en, tr in _NETWORK if en.endswith(")")),
    *(T(en + " ({detail})", tr + " ({detail})") for en, tr in _NETWORK),
    T("The site sent no answer.", "Site hiç yanıt göndermedi."),
    T(
        "The site asks for a human check ({wall}): open it in a browser to confirm.",
        "Site bir insan doğrulaması istiyor ({wall}): doğrulamak için bağlantıyı bir "
        "tarayıcıda açın.",
    ),
    T(
        "The site {what:t} (HTTP {code:n}) and may be alive: open it in a browser to confirm.",
        "Site {what} (HTTP {code}); sayfa yine de yayında olabilir: doğrulamak için bir "
        "tarayıcıda açın.",
        vocab=_BLOCKED,
    ),
    T(
        "The site {what:t} (HTTP {code:n}): try again later or open it in a browser.",
        "Site {what} (HTTP {code}): daha sonra yeniden deneyin ya da bağlantıyı bir "
        "tarayıcıda açın.",
        vocab=_BLOCKED,
    ),
    T(
        "The site gave up waiting for the request (HTTP 408).",
        "Site isteği beklemekten vazgeçti (HTTP 408).",
    ),
    T("The page was not found (HTTP {code:n}).", "Sayfa bulunamadı (HTTP {code})."),
    T("The page has been removed (HTTP {code:n}).", "Sayfa kaldırılmış (HTTP {code})."),
    T("The site rejected the request (HTTP {code:n}).", "Site isteği reddetti (HTTP {code})."),
    T(
        "The page was not found (HTTP {code:n}) after a redirect to {url}.",
        "Sayfa bulunamadı (HTTP {code}; {url} adresine yönlendirildikten sonra).",
    ),
    T(
        "The page has been removed (HTTP {code:n}) after a redirect to {url}.",
        "Sayfa kaldırılmış (HTTP {code}; {url} adresine yönlendirildikten sonra).",
    ),
    T(
        "The site rejected the request (HTTP {code:n}) after a redirect to {url}.",
        "Site isteği reddetti (HTTP {code}; {url} adresine yönlendirildikten sonra).",
    ),
    T(
        "The site answered with a server error (HTTP {code:n}).",
        "Site sunucu hatasıyla yanıt verdi (HTTP {code}).",
    ),
    T(
        "The redirects never reach a page (HTTP {code:n} after {hops:n} hops).",
        "Yönlendirmeler hiçbir sayfaya ulaşmıyor ({hops} yönlendirmeden sonra HTTP {code}).",
    ),
    T(
        "The site gave an unusable answer (HTTP {code:n}).",
        "Site kullanılamaz bir yanıt verdi (HTTP {code}).",
    ),
    T(
        "The link now sends readers to the home page ({url}).",
        "Bağlantı artık okuru sitenin ana sayfasına götürüyor ({url}).",
    ),
    T(
        "The link now sends readers to a search page ({url}).",
        "Bağlantı artık okuru bir arama sayfasına götürüyor ({url}).",
    ),
    T(
        "The link leads to a sign-in page ({url}): a person with access must open it.",
        "Bağlantı bir oturum açma sayfasına çıkıyor ({url}): erişim yetkisi olan birinin "
        "açması gerekiyor.",
    ),
    T(
        "The link now sends readers to a section page ({url}) instead of the cited page.",
        "Bağlantı artık okuru atıf yapılan sayfa yerine bir bölüm sayfasına götürüyor ({url}).",
    ),
    T(
        "The page forwards readers to the site's home page ({url}).",
        "Sayfa okuru sitenin ana sayfasına yönlendiriyor ({url}).",
    ),
    T(
        "The page forwards readers to the site's search page ({url}).",
        "Sayfa okuru sitenin arama sayfasına yönlendiriyor ({url}).",
    ),
    T(
        "The domain is parked or for sale: the cited page is gone.",
        "Alan adı park edilmiş ya da satılık: atıf yapılan sayfa artık yok.",
    ),
    # web/liveness_baseline.py::compare_with_baseline
    T(
        "The link lands where the site sends addresses that do not exist ({url}).",
        "Bağlantı, sitenin var olmayan adresleri gönderdiği yere çıkıyor ({url}).",
    ),
    T(
        "The site answers this link exactly as it answers an address that does not exist.",
        "Site bu bağlantıya, var olmayan bir adrese verdiği yanıtın aynısını veriyor.",
    ),
    T(
        "The page is the same as what the site shows for an address that does not exist.",
        "Sayfa, sitenin var olmayan bir adres için gösterdiği sayfanın aynısı.",
    ),
    T(
        'The site answers with a not-found page ("{wording}").',
        "Site “sayfa bulunamadı” sayfasıyla yanıt veriyor (“{wording}”).",
    ),
    T(
        "The persistent identifier resolves to {url}.",
        "Kalıcı tanımlayıcı {url} adresine çözümleniyor.",
    ),
    T(
        "Only the form of the address changed (permanently redirect to {url}).",
        "Yalnızca adresin yazılışı değişti ({url} adresine kalıcı yönlendirme).",
    ),
    T(
        "Only the form of the address changed (temporarily redirect to {url}).",
        "Yalnızca adresin yazılışı değişti ({url} adresine geçici yönlendirme).",
    ),
    T(
        "The page has moved permanently to {url}.",
        "Sayfa kalıcı olarak {url} adresine taşınmış.",
    ),
    T(
        "The page has moved temporarily to {url}.",
        "Sayfa geçici olarak {url} adresine taşınmış.",
    ),
    T(
        "The page answers (HTTP {code:n}), but the site sends the same script-built shell for "
        "every address: open it in a browser to confirm the content.",
        "Sayfa yanıt veriyor (HTTP {code}), ancak site her adres için betikle oluşturulan "
        "aynı boş sayfayı gönderiyor: içeriği doğrulamak için bağlantıyı bir tarayıcıda açın.",
    ),
    T("The page is reachable (HTTP {code:n}).", "Sayfaya ulaşılabiliyor (HTTP {code})."),
    # web/link_run.py, web/links.py, check.py
    T(
        "This is not a valid web address: {problem}.",
        "Bu geçerli bir web adresi değil: {problem}.",
    ),
    T(
        "citecheck could not check this link ({error}).",
        "citecheck bu bağlantıyı denetleyemedi ({error}).",
    ),
    T("Not checked: offline run.", "Denetlenmedi: çevrimdışı çalışma."),
    T(
        "Replayed from an archive: the live page was not checked.",
        "Sayfa arşivden okundu; canlı sayfa denetlenmedi.",
    ),
)

# --- why a source has no text: web/sources.py, web/extract*.py (their "code: " prefix
# removed, several joined by "; "), check.py::_no_source_reason, verify/run.py
_SOURCES = (
    T("the server answered HTTP {code:n}", "sunucu HTTP {code} yanıtı verdi"),
    T("no answer", "yanıt alınamadı"),
    T("HTTP {code:n}", "HTTP {code}"),
    T("the source could not be read ({error})", "kaynak okunamadı ({error})"),
    T("no readable text", "okunabilir metin yok"),
    # web/extract_stub.py: pages that hold none of the cited work
    T(
        "the page is an error page (“{title}”): the cited text is not there",
        "sayfa bir hata sayfası (“{title}”): atıf yapılan metin orada değil",
    ),
    T(
        "the page is a library catalogue record of a print book: no text of the work to check",
        "sayfa, basılı bir kitabın kütüphane katalog kaydı: denetlenecek eser metni yok",
    ),
    T(
        "the page is a library catalogue record of a book: no text of the work to check",
        "sayfa, bir kitabın kütüphane katalog kaydı: denetlenecek eser metni yok",
    ),
    T(
        "the page is a catalogue entry of a print book: no text of the work to check",
        "sayfa, basılı bir kitabın katalog/satış kaydı: denetlenecek eser metni yok",
    ),
    T(
        "the page is a catalogue entry of a book: no text of the work to check",
        "sayfa, bir kitabın katalog/satış kaydı: denetlenecek eser metni yok",
    ),
    T(
        "the page asks the reader to sign in; the text is behind a login",
        "sayfa okuyucudan oturum açmasını istiyor; metin oturum açmanın arkasında",
    ),
    T(
        "the page is built by JavaScript in the browser and the HTML holds no text",
        "sayfa tarayıcıda JavaScript ile oluşturuluyor; HTML'de metin yok",
    ),
    T("the source has no readable text", "kaynakta okunabilir metin yok"),
    T("the source is empty", "kaynak boş"),
    T("only the first {n} characters were read", "yalnızca ilk {n} karakter okundu"),
    T(
        "only the first {n:n} MiB of the page were read",
        "sayfanın yalnızca ilk {n} MiB'lık bölümü okundu",
    ),
    T("a {ctype} file is not text", "{ctype} türündeki dosya metin değil"),
    T("the source is binary data, not text", "kaynak metin değil, ikili (binary) veri"),
    T("the source has almost no text", "kaynakta neredeyse hiç metin yok"),
    T("the download stopped at the size cap", "indirme, boyut sınırına gelince durdu"),
    T("the page does not parse as HTML", "sayfa HTML olarak çözümlenemiyor"),
    T(
        "a {wall} page stands in front of the content",
        "içeriğin önünde bir engel sayfası var ({wall})",
    ),
    T(
        "only a teaser is shown; the text is behind a paywall or login",
        "yalnızca bir tanıtım bölümü görünüyor; metin ödeme duvarının ya da oturum açmanın "
        "arkasında",
    ),
    T(
        "the page has no readable text (script-built or empty)",
        "sayfada okunabilir metin yok (betikle oluşturulmuş ya da boş)",
    ),
    T("the PDF is password-protected", "PDF parolayla korunuyor"),
    T(
        "only the first {n:n} of {total:n} pages were read",
        "{total} sayfanın yalnızca ilk {n} sayfası okundu",
    ),
    T("no page of the PDF could be read", "PDF'nin hiçbir sayfası okunamadı"),
    T(
        "the PDF has no text layer (scanned pages?)",
        "PDF'de metin katmanı yok (taranmış sayfalar mı?)",
    ),
    T(
        "the PDF is encrypted in a way that cannot be opened ({error})",
        "PDF açılamayan bir yöntemle şifrelenmiş ({error})",
    ),
    T(
        "the PDF is cut short (its end is missing) ({error})",
        "PDF yarıda kesilmiş (sonu eksik) ({error})",
    ),
    T("the PDF is broken ({error})", "PDF bozuk ({error})"),
    T("not in the web archive {name}", "{name} web arşivinde yok"),
    T("invalid URL: {error}", "geçersiz URL: {error}"),
    T(
        "the source is a printed book or chapter with no online copy",
        "kaynak, çevrimiçi kopyası olmayan basılı bir kitap ya da kitap bölümü",
    ),
    T(
        "the note gives no URL or DOI to read the source from",
        "dipnotta kaynağın okunabileceği bir URL ya da DOI yok",
    ),
)

# --- web/doi.py, resolve.py: DOI look-ups (IdentifierCheck.error, the DOI findings'
# reason, the "DOI suggestion:" trouble); several are joined by "; "
_REGISTRIES = (
    T(
        "no registry knows this DOI (doi.org, Crossref and DataCite answered 404)",
        "hiçbir kayıt kuruluşu bu DOI'yi tanımıyor (doi.org, Crossref ve DataCite 404 yanıtı "
        "verdi)",
    ),
    T(
        "registered, but no registry gave its metadata",
        "kayıtlı, ancak hiçbir kayıt kuruluşu künye bilgilerini vermedi",
    ),
    T(
        "registered, but no registry gave its metadata ({errors:s})",
        "kayıtlı, ancak hiçbir kayıt kuruluşu künye bilgilerini vermedi ({errors})",
    ),
    T(
        "the registries gave no usable answer",
        "kayıt kuruluşlarından kullanılabilir bir yanıt gelmedi",
    ),
    T("no registry gave an answer", "hiçbir kayıt kuruluşu yanıt vermedi"),
    T("not checked (offline)", "denetlenmedi (çevrimdışı)"),
    T("not fetched", "indirilmedi"),
    T("not asked", "sorulmadı"),
    T(
        "citecheck could not look this up ({error})",
        "citecheck bunu sorgulayamadı ({error})",
    ),
    T("{service:w} could not be reached ({error:t})", "{service} hizmetine ulaşılamadı ({error})"),
    T(
        "{service:w} is rate limiting us (HTTP 429{wait})",
        "{service} istek sınırı uyguluyor (HTTP 429{wait})",
    ),
    T("{service:w} answered HTTP {status:n}", "{service} HTTP {status} yanıtı verdi"),
    T("{service:w}: HTTP {status:n}", "{service}: HTTP {status}"),
    T(
        "{service:w}: landing page",
        "{service}: künye yerine yayıncının sayfası geldi (landing page)",
    ),
    T("{answer:t} after a redirect", "{answer} (bir yönlendirmeden sonra)"),
    T(
        "{service:w} answered an HTML page instead of JSON",
        "{service} JSON yerine bir HTML sayfası döndürdü",
    ),
    T("{service:w} sent more than {n:n} bytes", "{service} {n} bayttan fazla veri gönderdi"),
    T("{service:w} answered malformed JSON", "{service} bozuk JSON döndürdü"),
    T(
        "doi.org answered JSON that is not a CSL record",
        "doi.org, CSL kaydı olmayan bir JSON döndürdü",
    ),
    T(
        "{service:w} answered JSON that is not a work record",
        "{service}, eser kaydı olmayan bir JSON döndürdü",
    ),
)

# --- verify/judge.py, decide.py, contradiction.py: verdict reasons (Verdict.reason)
# verify/calibration.py names the rules' own label when it relabels a verdict
_RULE_LABELS = (
    T("supported", "destekleniyor"),
    T("partially supported", "kısmen destekleniyor"),
    T("not found", "kaynakta bulunamadı"),
    T("contradicted", "çelişiyor"),
)
_REASONS = (
    T(
        "{reason:t} (the rules said {rules:t}; recalibrated on labelled sets)",
        "{reason} (kurallar “{rules}” demişti; etiketli setlerle yeniden ayarlandı)",
        vocab={"rules": _RULE_LABELS},
    ),
    T("the source has no text passages", "kaynakta okunacak metin bölümü yok"),
    T(
        "the source gives a different figure for the same quantity",
        "kaynak aynı nicelik için farklı bir değer veriyor",
    ),
    T(
        "the source gives a different figure in the sentence that states the claim",
        "kaynak, iddiayı dile getiren cümlede farklı bir değer veriyor",
    ),
    # no longer given (session 7), kept for reports written before
    T(
        "the source gives a different figure beside the claim's other figures",
        "kaynak, iddiadaki diğer rakamların yanında farklı bir değer veriyor",
    ),
    T(
        "the source gives the claim's figures to each other's names (swapped)",
        "kaynak, iddiadaki rakamları birbirinin yerine başka adlara veriyor (yer değişmiş)",
    ),
    T(
        "the source gives the claim's figure going the other way (rise / fall)",
        "kaynak, iddiadaki rakamı ters yönde veriyor (artış / azalış)",
    ),
    T(
        "the source gives the claim's figure for another year",
        "kaynak, iddiadaki rakamı başka bir yıl için veriyor",
    ),
    T(
        "the source numbers it otherwise (first, second …)",
        "kaynak bunu başka bir sırayla numaralandırıyor (birinci, ikinci …)",
    ),
    T(
        "the source gives the claim's figure to another name",
        "kaynak, iddiadaki rakamı başka bir ada veriyor",
    ),
    T(
        "the source gives the claim's figure for something else",
        "kaynak, iddiadaki rakamı başka bir şey için veriyor",
    ),
    T("the source places it in another city", "kaynak bunu başka bir şehre yerleştiriyor"),
    T(
        "the source places it otherwise in the ranking",
        "kaynak bunu sıralamada başka bir yere koyuyor",
    ),
    T("the source dates it to another time", "kaynak bunu başka bir tarihe yerleştiriyor"),
    T(
        "the source says the opposite of part of the claim (negation)",
        "kaynak, iddianın bir kısmının tersini söylüyor (olumsuzlama)",
    ),
    T("the source says the opposite (negation)", "kaynak bunun tersini söylüyor (olumsuzlama)"),
    T(
        "the words the claim quotes are not in the source",
        "iddianın alıntıladığı sözler kaynakta yok",
    ),
    T(
        "the claim quotes words the source does not contain",
        "iddia, kaynakta geçmeyen sözleri alıntılıyor",
    ),
    T(
        "the source predates the event the claim reports",
        "kaynak, iddianın aktardığı olaydan önce yayımlanmış",
    ),
    T("the source states the claim's facts", "kaynak, iddiadaki olguları doğruluyor"),
    T("the source states the claim's figures", "kaynak, iddiadaki rakamları doğruluyor"),
    T(
        "part of the claim is not in the source: “{part}”",
        "iddianın bir kısmı kaynakta yok: “{part}”",
    ),
    T(
        "the source states only part of the claim: “{part}”",
        "kaynak, iddianın yalnızca bir kısmını doğruluyor: “{part}”",
    ),
    T(
        "the figures are given for a different entity",
        "kaynak bu değerleri başka bir ülke, kurum ya da kişi için veriyor",
    ),
    T(
        "the source states some of the claim's facts; others are absent",
        "kaynak, iddiadaki olguların bir kısmını doğruluyor; diğerleri kaynakta yok",
    ),
    T(
        "the source has the claim's facts with the opposite polarity (negation)",
        "kaynak, iddiadaki olguları ters anlamda veriyor (olumsuzlama)",
    ),
    T(
        "a passage is close in meaning but shares few of the claim's facts",
        "kaynaktaki bir bölüm anlamca yakın, ancak iddiadaki olgulardan pek azını içeriyor",
    ),
    T("nothing in the source states the claim", "kaynakta iddiayı dile getiren bir ifade yok"),
    T(
        "the claim's figure is only in the page's teasers or sidebars, not in its article",
        "iddiadaki rakam yalnızca sayfanın tanıtım kutularında ya da kenar sütunlarında geçiyor, "
        "makalenin kendisinde değil",
    ),
    T(
        "the source speaks of it as planned or expected, the claim as done",
        "kaynak bunu planlanan ya da beklenen bir şey olarak anlatıyor, iddia ise gerçekleşmiş "
        "olarak",
    ),
    T(
        "the source says it is still being negotiated, the claim that it was signed",
        "kaynak müzakerelerin sürdüğünü söylüyor, iddia ise imzalandığını",
    ),
)

# --- verify/judge.py::_lists, contradiction.py::_negation_note; judge():
# Verdict.matched/missing/conflicts
_NOTES = (
    T("claim {claim} ≠ source {source}", "iddia {claim} ≠ kaynak {source}"),
    T(
        "claim {claim} ≠ source {source} (the date it gives {figures} for)",
        "iddia {claim} ≠ kaynak {source} (kaynağın {figures} için verdiği tarih)",
    ),
    T(
        "{figure}: the source gives it for {owner}",
        "{figure}: kaynak bu değeri {owner} için veriyor",
    ),
    T("content words {n:n}/{total:n}", "anahtar sözcükler {n}/{total}"),
    T(
        "{figure}: only in the page's other text: “{line}”",
        "{figure}: yalnızca sayfanın makale dışındaki metninde: “{line}”",
    ),
    T("quotation not in the source: “{quote}”", "alıntı kaynakta yok: “{quote}”"),
    T(
        "the source gives {figure} for {year} and {other} for {claim_year}: “{sentence}”",
        "kaynak {figure} değerini {year}, {other} değerini {claim_year} için veriyor: “{sentence}”",
    ),
    T(
        "the claim says “{said}”, the source “{there}”",
        "iddia “{said}” diyor, kaynak “{there}”",
    ),
    T(
        "the source gives {figure} to {owner} and {other} to {name}: “{sentence}”",
        "kaynak {figure} değerini {owner} için, {other} değerini {name} için veriyor: “{sentence}”",
    ),
    T(
        "the source pairs {first} and {last} the other way round: “{sentence}”",
        "kaynak {first} ve {last} değerlerini tersine eşleştiriyor: “{sentence}”",
    ),
    T(
        "the claim has {figure} going up, the source has it going down: “{sentence}”",
        "iddiada {figure} artıyor, kaynakta azalıyor: “{sentence}”",
    ),
    T(
        "the claim has {figure} going down, the source has it going up: “{sentence}”",
        "iddiada {figure} azalıyor, kaynakta artıyor: “{sentence}”",
    ),
    T(
        "the claim dates it {claim}, the source {source}",
        "iddiaya göre tarih {claim}, kaynağa göre {source}",
    ),
    T(
        "the claim places it in {claim}, the source in {source}",
        "iddiaya göre yer {claim}, kaynağa göre {source}",
    ),
    T(
        "the claim says {name} is “{claim}”, the source “{source}”",
        "iddiaya göre {name} “{claim}”, kaynağa göre “{source}”",
    ),
    T("claim negates ({cues}), source affirms", "iddia olumsuz ({cues}), kaynak olumlu"),
    T("source negates ({cues}), claim affirms", "kaynak olumsuz ({cues}), iddia olumlu"),
    T(
        "opposite polarity: claim ({claim}), source ({source})",
        "zıt anlam: iddia ({claim}), kaynak ({source})",
    ),
    # verify/temporal.py::check_temporal (TemporalFlag.message, also a verdict conflict)
    T(
        "the claim reports the outcome of an event of {event}; the source was published {source}",
        "iddia {event} tarihli bir olayın sonucunu aktarıyor; kaynak ise {source} tarihinde "
        "yayımlanmış",
    ),
    T(
        "the claim refers to an event of {event}; the source was published {source}",
        "iddia {event} tarihli bir olaya değiniyor; kaynak ise {source} tarihinde yayımlanmış",
    ),
    # report/summary.py::_claim_problems
    T(
        "the archived copy supports the claim; the live page no longer does ({url})",
        "arşivlenmiş kopya iddiayı destekliyor; canlı sayfa artık desteklemiyor ({url})",
    ),
    T(
        "the archived copy supports the claim; the live page no longer does",
        "arşivlenmiş kopya iddiayı destekliyor; canlı sayfa artık desteklemiyor",
    ),
)

# --- a step that failed (check_failed): check.py, resolve.py, report/summary.py
_TROUBLE = (
    T("verification failed: {error}", "doğrulama yapılamadı: {error}"),
    T(
        "note {note:n}: verification failed ({error})",
        "{note} numaralı dipnot: doğrulama yapılamadı ({error})",
    ),
    T(
        "note {note:n}: archived copy could not be read ({error})",
        "{note} numaralı dipnot: arşivlenmiş kopya okunamadı ({error})",
    ),
    T("checking links failed: {error}", "bağlantı denetimi yapılamadı: {error}"),
    T("resolving identifiers failed: {error}", "DOI sorgulaması yapılamadı: {error}"),
    T("DOI suggestion: {error:s}", "DOI önerisi: {error}"),
    T("claim {n:n}: {problem:t}", "iddia {n}: {problem}"),
)

TEXT_TEMPLATES: tuple[T, ...] = (
    *_LINKS,
    *_SOURCES,
    *_REGISTRIES,
    *_REASONS,
    *_NOTES,
    *_TROUBLE,
)
