"""Vocabularies the shared parsers use, as plain data.

They describe the *language* of seminar pages (the words for positions, for
organisations, for agenda logistics), not any particular page: nothing here is
keyed to a seed's names. Each list is documented with what it is for; patterns
are regular-expression fragments matched case-insensitively on word boundaries.
"""

from __future__ import annotations

# --- agenda -----------------------------------------------------------------

# Logistics items that are not talks (an agenda item *starting* with one of these,
# followed by nothing title-like). Longest alternatives first.
NON_TALK_PATTERNS: list[str] = [
    r"coffee\s*(?:&|and)\s*tea(?:\s+break)?",
    r"coffee(?:\s*/\s*tea)?(?:\s+break)?",
    r"tea(?:\s+break)?",
    r"health\s+break",
    r"comfort\s+break",
    r"break(?:fast)?",
    r"brunch",
    r"lunch(?:eon)?(?:\s+break)?",
    r"dinner",
    r"banquet",
    r"supper",
    r"refreshments?",
    r"snacks?",
    r"reception",
    r"happy\s+hour",
    r"wine\s+(?:and|&)\s+cheese",
    r"registration",
    r"check[\s-]?in",
    r"sign[\s-]?in",
    r"poster(?:s|\s+session(?:s)?|\s+presentations?)?",
    r"social(?:\s+(?:hour|event|gathering|time))?",
    r"networking(?:\s+(?:session|time|event))?",
    r"free\s+time",
    r"free\s+discussion",
    r"adjourn(?:ment)?",
    r"departures?",
    r"excursion",
    r"end\s+of\s+(?:day|workshop|conference|meeting|session)",
    r"(?:photo|group\s+photo)",
    r"break[\s-]?outs?(?:\s+(?:sessions?|groups?|discussions?|rooms?))?",
    r"pastries",
    r"drinks",
    r"cocktails?",
    r"apéritif|aperitif|apero",
    # the same in French, German, Spanish, Italian: matched on accent-folded text
    # (``Apéro``, ``Café``, ``PAUSE``), so each is written without accents
    r"pause(?:\s+(?:cafe|dejeuner|repas|midi))?", r"cafe", r"dejeuner", r"diner",
    r"kaffee(?:pause)?", r"mittag(?:essen|spause)?", r"pausa(?:\s+cafe)?", r"almuerzo",
    r"pranzo", r"cena",
    r"(?:closing|end|close)\s+of\s+(?:the\s+)?(?:day|workshop|conference|meeting|session)",
    r"(?:day|workshop|conference|meeting)\s+(?:ends|closes|adjourns)",
]

# Calendar events that are not talks when they name nobody: meetings, office hours,
# ceremonies and fairs (matched as the whole title, after up to four qualifying words:
# ``Systems WG Biweekly Meeting``, ``PSF Welcome``). With a named person they stay
# (``Welcome – Jane Doe`` is remarks).
MEETING_PATTERNS: list[str] = [
    r"(?:\w+\s+)?meetings?", r"meet[\s-]?ups?", r"office\s+hours?", r"welcome", r"closing",
    r"opening(?:\s+remarks)?", r"job\s+fair", r"career\s+fair", r"hackathon", r"sprints?",
    r"lightning\s+talks", r"open\s+spaces?", r"stand[\s-]?ups?", r"retreat", r"orientation",
    r"working\s+session", r"work\s+session", r"study\s+session", r"info(?:rmation)?\s+session",
    r"q\s*&\s*a", r"town\s+hall", r"(?:summer|winter|spring|fall|term)\s+break",
    r"(?:public\s+)?holiday", r"deadline", r"exam(?:ination)?s?",
    r"birds\s+of\s+a\s+feather", r"round\s*tables?(?:\s+discussions?)?", r"sessions?",
    r"feedback(?:\s+(?:and|&)\s+announcements)?", r"announcements", r"vot(?:e|ing)",
    # the milestones of a call (``Paper submission``, ``Notification of acceptance``)
    r"submissions?", r"notifications?(?:\s+of\s+acceptance)?", r"camera[\s-]?ready",
    # a welcome to the event itself (``Welcome to the workshop``, ``Accueil des journées``)
    r"(?:welcome|accueil|bienvenue)\s+(?:to|des|du|de\s+la|aux?)\s+(?:the\s+)?[\w'’-]+"
    r"(?:\s+[\w'’-]+)?",
    # a society's business and its ceremonies (matched accent-folded)
    r"(?:general|annual|business|members['’]?)\s+assembly", r"assemblee\s+generale",
    r"mitgliederversammlung",
    # a debate naming nobody (``Débats``, ``Open debate``)
    r"debats?", r"debates?",
    # socials named by the time of day (``Lockpicking evening``, ``Movie night``)
    r"evenings?", r"nights?",
    # days of work rather than talks (``Lab working day``, ``Arbeitstag``)
    r"work(?:ing)?[\s-]?days?", r"arbeitstag", r"jour(?:nee)?\s+de\s+travail",
]

# Gatherings that hold talks and are no talk themselves when they name nobody: a calendar
# event ``Empirical Methods Conference``, ``Quantum Symposium Munich 2026``, ``Second
# Workshop on HPC Training``, ``X Call for Papers``, an open day. Matched by
# ``GATHERING_TAIL_RE`` (the title's head noun, then at most a place and a year),
# ``GATHERING_EDITION_RE`` (an edition: ``Sixth SC Workshop on ...``) and
# ``GATHERING_ANYWHERE_RE``.
GATHERING_TAIL: list[str] = [
    r"conferences?", r"symposi(?:um|a)", r"congress", r"summit", r"festival", r"expo",
    r"technical\s+program(?:me)?", r"open\s+(?:day|house)", r"tag\s+der\s+offenen\s+t\S{1,3}r",
    r"(?:summer|winter|spring|code|boot)\s*camps?", r"\w*夏令[營营]", r"\w*冬令[營营]",
    # a gathering's programme page (``Workshop on X - Agenda``): after a separator only
    r"(?<=[-–—|:] )(?:agenda|program(?:me)?|schedule|timetable)",
]

# Deadlines a calendar marks as events (``Registration deadline``, ``Abstracts due``,
# ``報名截止``): an event naming nobody whose title holds one anywhere is a date to keep,
# not a talk. Written unaccented (matched accent-folded); the CJK ones match inside words.
DEADLINE_PATTERNS: list[str] = [
    r"deadlines?", r"due\s+date", r"(?:abstracts?|papers?|submissions?|posters?)\s+due",
    r"anmeldeschluss", r"einsendeschluss", r"date\s+limite", r"fecha\s+limite", r"scadenza",
    r"prazo\s+final", r"last\s+day\s+to\s+(?:register|apply|submit)",
]
DEADLINE_PATTERNS_CJK: list[str] = [r"截止", r"締め?切", r"마감"]

# Calendar events that announce an award or prize (``Educational Award for Outstanding
# Contribution``, ``Best Paper Award``, ``Prix de thèse``): the head noun, after up to
# four qualifying words, then its object or nothing. Unaccented (matched accent-folded).
# Ceremonies that give an award, anywhere in a title naming nobody (``AG - Remise du prix
# jeune chercheur``, ``Best paper award ceremony``). Unaccented (matched accent-folded).
AWARD_CEREMONIES: list[str] = [
    r"awards?\s+ceremony", r"(?:prize|award)[\s-]+giving", r"remise\s+d(?:u|es)\s+prix",
    r"preisverleihung", r"entrega\s+de\s+premios",
]
AWARD_HEADS: list[str] = [r"awards?", r"prizes?", r"prix", r"preis(?:e|verleihung)?",
                          r"premios?", r"premi"]

# Calendar events that are a page of other events (``Events 2018 and Prior``, ``Past
# events``, ``Event archive``): matched at the start of a title naming nobody.
EVENT_LISTING_HEADINGS: list[str] = [
    r"(?:past|previous|earlier|older|upcoming|all|other|more|recent|archived)\s+events",
    r"events\s+(?:\d{4}|from|before|until|since|prior|archive)", r"(?:events?\s+)?archives?",
]
GATHERING_EDITION: list[str] = [
    r"first", r"second", r"third", r"fourth", r"fifth", r"sixth", r"seventh", r"eighth",
    r"ninth", r"tenth", r"\d{1,2}(?:st|nd|rd|th)", r"annual",
]
GATHERING_ANYWHERE: list[str] = [
    r"call\s+for\s+(?:papers|proposals|abstracts|participation|submissions|contributions)",
    r"cfp",
]

# Headings of the parts of a conference, call, course or minutes page that hold no talk
# (its dates, committees, sponsors, contact, minutes' action items): a record titled by one
# alone (or by one and a list after its colon) is a page section read as a record, never a
# talk, whoever it names (a committee lists people with affiliations). Whole heading only.
PAGE_SECTION_HEADINGS: list[str] = [
    r"important\s+dates", r"key\s+dates", r"(?:submission\s+)?deadlines", r"dates",
    r"dates\s+for\s+your\s+diary",
    r"(?:(?:technical\s+)?program(?:me)?|organi[sz]ing|steering|scientific|advisory|local|"
    r"review(?:ing)?|executive)\s+committees?(?:\s+members)?", r"committees?(?:\s+members)?",
    r"(?:the\s+)?organi[sz]ers",
    r"(?:general|program(?:me)?|local|publicity|publications?|workshop)\s+(?:co-?)?chairs?",
    r"(?:our\s+)?sponsors?", r"sponsorship", r"partners", r"supporters",
    r"contacts?(?:\s+us)?", r"venue", r"travel(?:\s+information)?", r"accommodation",
    r"getting\s+there", r"scope", r"topics(?:\s+of\s+interest)?",
    r"submission(?:\s+(?:guidelines|instructions|details))?", r"call\s+for\s+(?:papers|"
    r"abstracts|proposals|participation|contributions)", r"action\s+items",
    r"any\s+other\s+business", r"matters\s+arising", r"assessment", r"grading",
    # a lab or personal site's parts that list people or papers, not talks
    r"people", r"(?:lab\s+|group\s+|team\s+|current\s+|former\s+)?members", r"(?:our\s+)?team",
    r"alumni", r"faculty", r"staff", r"postdocs", r"(?:current\s+|former\s+)?(?:phd\s+|"
    r"graduate\s+|doctoral\s+|master['’]?s?\s+|undergraduate\s+)?students",
    r"(?:selected\s+|recent\s+|journal\s+|conference\s+)?publications", r"preprints",
    r"awards(?:\s+and\s+honou?rs)?", r"funding", r"grants",
]

# Agenda headings that group talks and are no talk themselves when they name nobody
# (``Session 3: Building Co-Creative Systems II``, ``Track B``); matched at the start.
SESSION_PATTERNS: list[str] = [
    r"(?:parallel\s+|plenary\s+|poster\s+|oral\s+)?sessions?\s+(?:\d+|[ivx]+|[a-h])\b",
    r"tracks?\s+(?:\d+|[a-h])\b", r"blocks?\s+\d+\b", r"day\s+\d+\b",
]

# Words an agenda slot is made of when it names no talk (``Keynote``, ``Invited talk``,
# ``Workshop Opening``, ``5. International seminar``, ``Presentation of accepted
# contribution``): a title made only of these, with nobody named, is no talk.
AGENDA_SLOT_WORDS: list[str] = [
    "keynote", "keynotes", "invited", "contributed", "accepted", "talk", "talks", "lecture",
    "lectures", "seminar", "seminars", "colloquium", "session", "sessions", "panel", "panels",
    "presentation", "presentations", "contribution", "contributions", "paper", "papers",
    "opening", "closing", "welcome", "introduction", "intro", "kickoff", "kick-off", "remarks",
    "discussion", "discussions", "notices", "announcements", "lab", "labs", "workshop",
    "tutorial", "tutorials", "plenary", "lightning", "short", "long", "special", "guest",
    "international", "national", "local", "student", "students", "research", "general",
    "open", "final", "first", "second", "third", "morning", "afternoon", "evening", "day",
    "tba", "tbd", "slot", "speaker", "speakers", "qa", "wrap-up", "wrap", "summary",
    # a listing's own headings (``Upcoming talks``, ``Past seminars``, ``Future talks``)
    "upcoming", "future", "past", "previous", "next", "forthcoming", "recent", "archive",
    # other languages, accent-folded (``Exposé invité``, ``Gastvortrag``, ``Charla invitada``)
    "expose", "exposes", "invite", "invitee", "invites", "court", "courts", "vortrag",
    "gastvortrag", "charla", "ponencia", "invitada", "invitado", "conferencia", "seminaire",
    "seminario",
]
# the function words that may stand between them (``Presentation of accepted contribution``)
AGENDA_SLOT_FILLERS: list[str] = ["of", "the", "a", "an", "and", "&", "to", "for", "on", "with",
                                  "from", "by", "our", "q", "up"]

# Lines that date the document itself (``Posted by X on 28-Jan-97``, ``Updated Sep 20,
# 2019``, ``Last modified: ...``): their date is the reference a year-less date is read by.
REFERENCE_LINE_WORDS: list[str] = [
    r"posted", r"updated", r"last\s+(?:updated|modified|changed|revised)", r"published",
    r"modified", r"revised", r"sent", r"written",
]

# The words of a bracketed link label that closes a title or a name on a listing
# (``Title [Paper PDF] [Slides] [Video]``, ``Name [ slides ]``): the talk's material, not its
# text.
MATERIAL_LINK_WORDS: list[str] = [
    "slides?", "video", "recording", "pdf", "paper", "preprint", "arxiv", "abstract", "link",
    "code", "bib", "bibtex", "poster", "notes", "youtube", "ppt", "pptx", "html", "doi", "web",
]

# Month names (and their usual abbreviations) in the other languages seminar pages are
# written in; a date phrase holding one is read by the multilingual date parser.
MONTH_NAMES_INTL: list[str] = [
    # French
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
    "septembre", "octobre", "novembre", "décembre", "decembre",
    # German
    "januar", "jänner", "februar", "märz", "maerz", "juni", "juli", "oktober", "dezember",
    # Spanish / Portuguese / Italian
    "enero", "febrero", "marzo", "mayo", "junio", "julio", "agosto", "setiembre",
    "septiembre", "octubre", "noviembre", "diciembre", "janeiro", "fevereiro", "março",
    "marco", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
    "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
    "dicembre",
    # Dutch
    "januari", "februari", "maart", "mei", "augustus",
]

# Weekday names in the same languages, and the small words of their date phrases
# (``jeudi 12 octobre à 14h``, ``Donnerstag, 5. März um 16 Uhr``, ``27 de março de 2025``,
# ``martes 4 de junio a las 16:00``): what ``dates.looks_like_when`` may find beside an
# international month name in a line that is only a date.
WEEKDAY_NAMES_INTL: list[str] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado",
    "domingo", "segunda", "terça", "terca", "quarta", "quinta", "sexta", "feira",
    "lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi",
    "venerdì", "venerdi", "sabato", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
    "zaterdag", "zondag",
]
DATE_WORDS_INTL: list[str] = [
    "de", "del", "des", "du", "le", "la", "las", "los", "à", "às", "a", "al", "alle", "ore",
    "um", "uhr", "am", "vom", "bis", "den", "der", "h", "heures", "horas", "hrs", "om", "tot",
    "van", "et", "und", "y", "e", "en", "le", "dalle",
]

# Calendar entries saying nobody speaks that day (``No seminar (fall break)``,
# ``Reading week: no meeting``, ``Thanksgiving``): matched as the whole item, or as its
# head followed by a separator or a reason, so ``Holiday effects in demand`` is a talk.
NO_EVENT_PATTERNS: list[str] = [
    # (after up to three words naming the series: ``No Global C++ session this week``)
    r"no\s+(?:(?!more\b|other\b|fewer\b|less\b)[\w+#.'’-]+\s+){0,3}?(?:seminars?|colloqui(?:um|a)|"
    r"talks?|lectures?|meetings?|class(?:es)?|sessions?|workshops?|speakers?|events?)",
    r"(?:(?:fall|autumn|spring|winter|summer|christmas|easter|mid-?term|mid-?semester|"
    r"semester|term|half-?term|inter-?session|exams?|finals?|reading|study|thanksgiving|"
    r"holiday|university|public|bank|federal|national|school|lunar\s+new\s+year)\s+)+"
    r"(?:break|recess|vacation|holidays?|week|period|closure|day)",
    r"holidays?", r"recess", r"vacation", r"thanksgiving(?:\s+day)?", r"christmas(?:\s+day)?",
    r"new\s+year['’]?s?(?:\s+(?:day|eve))?", r"good\s+friday", r"easter(?:\s+monday)?",
    r"(?:memorial|labou?r|independence|veterans['’]?|presidents['’]?|columbus|victoria|"
    r"canada|remembrance|boxing|family|indigenous\s+peoples['’]?|patriots['’]?)\s+day",
    r"(?:martin\s+luther\s+king(?:,?\s+jr\.?)?|mlk)(?:\s+day)?", r"juneteenth",
    r"(?:university|campus|college|institute)\s+(?:closed|closure|shut)",
    r"(?:the\s+)?(?:seminar|colloquium|talk|lecture|meeting|session|class|event)s?\s+"
    r"(?:(?:is|are|has\s+been|have\s+been|was|were|will\s+be)\s+)?"
    r"(?:cancell?ed|postponed|called\s+off|suspended)",
    r"cancell?ed|cancell?ation|postponed|called\s+off",
    # the same in the languages of the corpus's pages: French, German, Spanish, Italian,
    # Portuguese (``pas de séminaire (vacances)``, ``Kein Seminar``, ``Vortrag entfällt``)
    r"pas\s+de\s+(?:s[ée]minaire|colloque|s[ée]ance|cours|expos[ée]|r[ée]union)s?",
    r"rel[âa]che", r"vacances(?:\s+(?:de\s+)?\w+)?", r"jour\s+f[ée]ri[ée]", r"f[ée]ri[ée]",
    r"(?:s[ée]minaire|colloque|s[ée]ance|expos[ée])\s+(?:annul[ée]e?|report[ée]e?)",
    r"annul[ée]e?|report[ée]e?",
    r"kein(?:e|en)?\s+(?:seminar|kolloquium|vortrag|sitzung|termin|treffen|veranstaltung)",
    r"(?:(?:das\s+|der\s+|die\s+)?(?:seminar|kolloquium|vortrag|sitzung|termin|treffen)\s+)?"
    r"(?:entf[äa]llt|f[äa]llt\s+aus|abgesagt|verschoben)",
    r"(?:semester|weihnachts|oster|pfingst)?ferien", r"feiertag",
    r"(?:no\s+hay|sin|nessun[oa]?|sem)\s+(?:seminarios?|semin[áa]rios?|charlas?|sesi[óo]n|"
    r"sess[ãa]o|conferenzas?|lezione)",
    r"(?:seminario|semin[áa]rio|sesi[óo]n|sess[ãa]o|charla)\s+(?:cancelad[ao]|suspendid[ao]|"
    r"annullat[ao]|rinviat[ao]|adiad[ao])",
    r"vacaciones|vacanze|f[ée]rias|feriado|festivo",
]  # fmt: skip

# Statements anywhere in a text that the talk will not happen as announced. Matched
# case-insensitively except where the pattern insists on capitals.
CANCELLATION_PATTERNS: list[str] = [
    r"\b(?:has|have|is|are|was|were|been|will\s+be|being)\s+(?:been\s+)?(?:cancell?ed|"
    r"postponed|called\s+off|rescheduled|suspended)\b",
    r"^\W*(?:cancell?ed|postponed|cancell?ation)\b",
    r"\bno\s+(?:seminar|colloquium|talk|lecture|meeting)s?\s+(?:this|today|tonight|tomorrow|"
    r"next|on)\b",
    r"\b(?:seminar|colloquium|talk|lecture|meeting)\s+(?:cancell?ed|postponed|called\s+off)\b",
]
# The capitalised shout (``CANCELLED``, ``POSTPONED``) that counts anywhere in a line.
CANCELLATION_SHOUTS: list[str] = [r"CANCELL?ED", r"POSTPONED", r"CALLED\s+OFF", r"CANCELL?ATION"]

# Qualifiers that may precede a logistics head (``Holiday lunch``, ``Wine reception``).
NON_TALK_QUALIFIERS: list[str] = [
    r"day\s+\d+", "morning", "afternoon", "evening", r"mid-?morning", r"mid-?afternoon",
    "working", "buffet", "continental", "light", "hot", "catered", "networking", "welcome",
    "conference", "workshop", "sandwich", "pizza", "group", "closing", "opening", "holiday",
    "farewell", "informal", "sponsored", "boxed", "wine", "drinks", "cocktail", "champagne",
    "festive", "celebratory", "celebration", "social", "joint", "official", "short", "long",
    "extended", "final", "late", "early", "optional", "speakers'?", "student", "poster",
    "banquet", "gala", "farewell", "break",
]  # fmt: skip

# Words after the logistics head that keep the item a logistics item
# (``Breakfast is served``, ``Lunch (provided)``, ``Coffee & posters``).
NON_TALK_CONTINUATIONS: list[str] = [
    "and",
    "at",
    "in",
    "on",
    "is",
    "are",
    "will",
    "served",
    "provided",
    "available",
    "outside",
    "for",
    "with",
    "the",
    "of",
    "to",
    "until",
    "till",
    "break",
    "session",
]

# Titles that are welcome/closing remarks rather than talks.
KIND_REMARKS_PATTERNS: list[str] = [
    r"^(?:day\s+\w+\s*:?\s*)?welcome\b",
    r"\bwelcome\s+(?:and|&)\s+(?:introduction|opening)",
    r"\b(?:opening|closing|concluding|introductory|welcoming|final|welcome)\s+(?:remarks|words|address|statements?)\b",
    r"^(?:opening|closing|introduction|intro|remarks|wrap[\s-]?up|farewell|conclusions?)\s*$",
    r"^(?:introduction|intro|opening|closing)\s+(?:by|from)\b",
    r"^(?:wrap[\s-]?up|farewell)\b",
    r"^(?:day\s+\w+\s+)(?:opening|closing|wrap[\s-]?up|introduction)\b",
]

# Words that make an item a panel. ``panel`` counts only as an event noun (``Panel
# discussion``, ``Panel: ...``, ``Panel on ...``, ``Industry panel`` at the end), never as the
# econometric adjective of ``panel data``/``panel models``; ``Debate`` only opening the item.
KIND_PANEL_WORDS: list[str] = [
    r"panels?\s+(?:discussions?|sessions?|debates?)\b",
    r"^panels?(?:\s*$|\s*[:：–—-]|\s+(?:on|with|about)\b)",
    r"^\W*(?:\w[\w'’-]*\s+){0,3}panels?\W*$",  # ``Industry panel``, not a long title ending so
    r"\b(?:discussion|expert|industry|closing|opening|concluding|student|career|plenary|"
    r"keynote|final|poster)\s+panels?\b",
    r"\bpanell?ists?\b",
    r"\bround[\s-]?tables?\b",
    r"\bfireside\s+chats?\b",
    r"^debate(?:\s*$|\s*[:：–—-]|\s+(?:on|with|between)\b)",
]

# Words that make an item a lecture (a course, a lecture in a series).
KIND_LECTURE_WORDS: list[str] = [
    r"lectures?",
    r"lecture\s+series",
    r"mini[\s-]?course",
    r"short\s+course",
    r"crash\s+course",
    r"course\s*:",
    r"^course\b",
    r"summer\s+school",
    r"masterclass",
]

# Words that make an item a tutorial.
KIND_TUTORIAL_WORDS: list[str] = [
    r"tutorials?",
    r"hands[\s-]?on",
    r"hackathon",
    r"coding\s+session",
    r"practical\s+session",
    r"lab\s+session",
    r"walk[\s-]?through",
]

# Labels naming the kind of event before a title (``Special colloquium:``, ``Distinguished
# lecture:``, ``Keynote:``): a qualifier run and an event noun, or a bare keynote/plenary.
EVENT_LABEL_QUALIFIERS: list[str] = [
    "special", "joint", "distinguished", "invited", "public", "keynote", "plenary", "memorial",
    "named", "inaugural", "guest", "annual", "departmental", "honorary", "featured",
    "lightning", "contributed",
]  # fmt: skip
EVENT_LABEL_NOUNS: list[str] = [
    r"colloqui(?:um|a)", r"seminars?", r"lectures?", r"talks?", "address", "presentation",
    r"tutorials?", r"mini[\s-]?courses?", r"short\s+courses?",
]  # fmt: skip
# Labels that stand alone before a title (``Keynote:``, ``Minicourse:``, ``Tutorial:``); the
# label, not the title, then tells the kind (``agenda.classify_kind``).
EVENT_LABEL_BARE: list[str] = [
    "keynote", "plenary", r"tutorials?", r"mini[\s-]?courses?", r"short\s+courses?",
    "masterclass", r"workshops?", r"hands[\s-]?on(?:\s+session)?",
]  # fmt: skip
# Labels of panel formats (``Panel discussion:``, ``Round table:``, ``Fireside chat:``,
# ``Debate:``): ``text.split_event_label`` splits them off so the kind can be read from them,
# but a title keeps them, as the format is how such items are named.
EVENT_LABEL_PANEL: list[str] = [
    r"panel\s+(?:discussion|session)", r"round[\s-]?table(?:\s+discussion)?",
    r"fireside\s+chat", "debate",
]  # fmt: skip

# A session's chair or convener runs it; the talks are the papers under it. A description
# that names one and no speaker describes a session (``ics_description``).
CHAIR_LABEL = r"(?:session\s+)?chair(?:s|\(s\)|persons?|ed(?:\s+by)?)?|conven[eo]rs?"

# The label of a series (``Series:``, ``Seminar series:``).
SERIES_LABEL = r"(?:seminar\s+|event\s+|lecture\s+)?series"

# The word joining the last two names of a list of people (``A, B and C``, ``A, B et C``,
# ``A und B``, ``A en B``). Not the one-letter ``e``/``y``: they also join the two
# surnames of one person (``Carvalho e Silva``, ``Ortega y Gasset``).
LIST_CONJUNCTIONS: list[str] = ["and", "et", "und", "en"]

# The word that opens a byline under a title, without a colon (``Par A, B et C.``,
# ``by Jane Doe``), in the languages the label vocabulary knows.
BYLINE_WORDS: list[str] = ["by", "presented by", "par", "por", "von", "di", "door", "av"]

# Field labels of announcements, listings and calendar descriptions (``Speaker:``,
# ``Where:``), by canonical field: regular-expression fragments matched case-insensitively
# before a colon. The one label vocabulary of the project: every reader builds its label
# pattern from these dictionaries (``text.field_label``, ``ics_description``), so a label
# learnt for one format is known to all.
FIELD_LABELS: dict[str, str] = {
    "speaker": r"who|speakers?|speaker\(s\)|presenters?|presented\s+by|lecturers?"
    r"|(?:guest|invited|featured)\s+speakers?|by|panell?ists?|participants|discussants?"
    # the same labels on pages in Portuguese, Spanish, French, German
    r"|quem|palestrantes?|ponentes?|orador(?:a|es)?|conferencistas?|intervenants?|orateurs?"
    r"|conférenci(?:er|ère)s?|referent(?:in|en)?|vortragende[rn]?",
    "title": r"topic|title|talk\s+title|talk|seminar\s+title|lecture\s+title"
    r"|(?:paper|article)\s+title"
    r"|t[íi]tulo(?:\s+d[aoe]l?\s+(?:artigo|art[íi]culo|palestra|semin[áa]rio|trabalho|charla))?"
    r"|titre",
    "when": r"when|date\s*(?:&|and|/)\s*time|date/time|quando|cu[áa]ndo|quand|wann",
    "date": r"dates?|day|data|fecha|datum",
    "time": r"times?|hora|hor[áa]rio|heure|uhrzeit",
    "location": r"place|where|location|room|venue|loc|onde|d[óo]nde|local|lugar|lieu|salle|ort",
    "host": r"(?:faculty\s+)?hosts?|host\(s\)|hosted\s+by|contact|organi[sz]ers?|organi[sz]ed\s+by"
    r"|coordinators?|moderat(?:ors?|ed\s+by)|" + CHAIR_LABEL,
    "abstract": r"(?:talk\s+|paper\s+)?abstract(?:\s+d[oe]l?\s+(?:artigo|art[íi]culo|trabalho))?"
    r"|summary|description|synopsis|resumo|resumen|résumé"
    r"|zusammenfassung",
    "bio": r"bio|biography|about\s+the\s+(?:speaker|presenter|lecturer)s?|speaker\s+bio(?:graphy)?"
    r"|(?:presenter|lecturer)\s+bio(?:graphy)?|biographical\s+sketch|short\s+bio",
    "affiliation": r"affiliation|institution",
    "slides": r"slides",
    "video": r"video|recording",
    "url": r"url|web\s*page|event\s+page|more\s+info(?:rmation)?",
}

# Labels of what surrounds a talk rather than describes it, by kind: an agenda or
# programme block (its lines are the event's running order, not the abstract), the
# logistics of an online meeting (``Meeting ID:``, ``Passcode:``), a link that only a
# hyperlink makes the talk's page (``Details:``), the audience.
CONTEXT_LABELS: dict[str, str] = {
    "agenda": r"agenda|schedule|program(?:me)?",
    "meeting": r"zoom(?:\s+link)?|meeting\s+(?:link|id)|passcode|password"
    r"|join(?:\s+zoom\s+meeting)?|one\s+tap\s+mobile|dial\s+by\s+your\s+location",
    "link": r"details|link",
    # who attends a meeting (minutes' ``Present:`` and ``Apologies:``): nobody speaking
    "audience": r"attendees|attendance|in\s+attendance|present|apologies|absent|regrets",
}

# Labels a document's header block (a run of ``Label: value`` lines at its top, not RFC 822)
# uses beyond ``FIELD_LABELS``: an announcement's ``Subject:`` is its title when no
# ``Title:`` says otherwise; ``Event:`` names the series. Other labels of the block
# (``Audience:``, ``Posted-By:``) are metadata: dropped, never title or abstract.
HEADER_LABELS: dict[str, str] = {
    "title": r"subject|re",
    "series": r"event|program(?:me)?|" + SERIES_LABEL,
}

# Keys of talks given as data (front matter, ``_data/talks.yml``, JSON) beyond the labels
# above: data files name fields as identifiers (``talk_title``, ``start_time``,
# ``workplace``). Matched after ``_``/``-`` become spaces; the first field that matches wins.
DATA_FIELD_KEYS: dict[str, str] = {
    "title": r"(?:talk|seminar|lecture|presentation|paper)?\s*(?:title|name)|topic|subject",
    "speaker": r"(?:speaker|presenter|lecturer|author|person)s?(?:\s+names?)?|names?|authors?",
    "affiliation": r"(?:speaker\s+|academic\s+|home\s+)?(?:affiliations?|institution|institute|"
    r"affil|university|organi[sz]ation|workplace|employer|company|school|department)",
    "timezone": r"time\s*zone|tz|zone|tzid",
    # any qualifier (``event date``, ``WorkshopDay``) but a document's own dates
    "date": r"(?:(?!publish|posted|update|modifi|creat|last\b|submi|deadline|regist|due\b|"
    r"birth|expir)[a-z]+\s+)?(?:date|day|schedule|datetime|date\s+time)",
    "time": r"(?:start\s*)?(?:time|hour)|start|begin|from|starts?\s+at",
    "end": r"end(?:\s*time)?|until|to|ends?\s+at",
    "location": r"location|room|venue|place|where|address|building",
    "abstract": r"abstract|description|summary|details|content|body",
    "bio": r"(?:speaker\s+)?(?:bio|biography)",
    "slides": r"slides?|pdf|deck",
    "video": r"video|recording|youtube|vimeo",
    "url": r"url|link|website|web|page|homepage|permalink",
}

# --- people -----------------------------------------------------------------

# Honorifics stripped from the front of a name (``Dr.``, ``Prof.``); never a role.
HONORIFICS: list[str] = [
    "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lady", "lord",
    "rev", "fr", "assoc. prof", "asst. prof", "assistant professor", "associate professor",
]  # fmt: skip

# Academic degrees and name suffixes that may trail a name (``Jane Doe, PhD``); dropped.
DEGREES: list[str] = [
    "phd", "ph.d", "ph. d", "dphil", "d.phil", "md", "m.d", "msc", "m.sc", "bsc", "b.sc",
    "ma", "mba", "frs", "fras", "faps", "mph", "m.p.h", "dsc", "d.sc", "scd", "sc.d", "jd",
    "j.d", "llm", "ll.m", "lld", "mfa", "meng", "m.eng", "beng", "ba", "b.a", "bs", "b.s",
    "ms", "m.s", "mphil", "m.phil", "edd", "ed.d", "psyd", "pharmd", "dvm", "dds", "dmd",
    "mbbs", "mbchb", "rn", "np", "esq", "frse", "freng", "fmedsci", "fba", "frsc", "frcp",
    "frcs", "facp", "faaas", "fieee", "facm", "fima", "frsa", "habil", "dr.habil",
]  # fmt: skip

# Suffixes a person takes after the surname (``John Smith, Jr.``): part of the name.
NAME_SUFFIXES: list[str] = ["jr", "sr", "ii", "iii", "iv"]

# Head nouns of a position: a segment whose head (last word, or the word before an
# ``of``/``in``/``for`` phrase) is one of these is a role (``IAIFI Fellow``,
# ``Assistant Professor of Physics``, ``Staff Research Engineer``).
ROLE_HEADS: list[str] = [
    "professor", "prof", "fellow", "fellows", "postdoc", "post-doc", "postdoctoral",
    "scientist", "researcher", "engineer", "student", "candidate", "director", "lecturer",
    "reader", "associate", "assistant", "scholar", "dean", "chair", "chairman", "chairwoman",
    "chairperson", "president", "vice-president", "provost", "chancellor", "head", "leader",
    "manager", "investigator", "pi", "instructor", "member", "intern", "undergraduate",
    "graduate", "emeritus", "emerita", "founder", "co-founder", "cofounder", "ceo", "cto",
    "cso", "coo", "cio", "vp", "analyst", "developer", "architect", "consultant", "advisor",
    "adviser", "coordinator", "officer", "principal", "editor", "visitor", "physicist",
    "mathematician", "astronomer", "astrophysicist", "chemist", "biologist", "statistician",
    "economist", "technologist", "specialist", "staff", "phd", "msc", "trainee",
    "affiliate", "teacher", "tutor", "lead", "partner", "entrepreneur", "author",
    "neuroscientist", "holder", "nurse", "attorney", "practitioner", "clinician",
    "physician", "surgeon", "professors", "representative", "ambassador", "strategist",
    "evangelist", "technician", "programmer", "educator", "pharmacist", "epidemiologist",
    # positions as other languages write them (``Maître de conférences``, ``Privatdozent``)
    "maître", "maitre", "chargé", "chargée", "directeur", "directrice", "professeur",
    "professeure", "chercheur", "chercheuse", "ingénieur", "ingénieure", "profesor",
    "profesora", "investigador", "investigadora", "catedrático", "catedrática",
    "ricercatore", "ricercatrice", "professore", "professoressa", "docente", "dozent",
    "dozentin", "privatdozent", "professorin", "doktorand", "doktorandin", "mitarbeiter",
    "mitarbeiterin", "hoogleraar", "docent", "promovendus", "postdoktorand",
]  # fmt: skip

# Occupation nouns that are also surnames (``Designer``, ``Curator``, ``Historian``): a
# role head only where nothing name-like precedes it (``Designer``, ``Senior Designer``,
# ``Museum Curator``), so ``Ann Curator`` stays a person.
OCCUPATION_HEADS: list[str] = [
    "designer", "writer", "curator", "librarian", "historian", "journalist", "artist",
    "archivist", "editor-in-chief", "producer", "publisher", "photographer", "filmmaker",
    "composer", "musician", "performer", "novelist", "poet", "critic", "columnist",
    "reporter", "correspondent", "commentator", "lawyer", "judge", "senator", "governor",
    "mayor", "minister", "diplomat", "activist", "advocate", "organizer", "organiser",
    "counsel", "counselor", "counsellor", "therapist", "dentist", "veterinarian", "farmer",
    "builder", "maker", "inventor", "explorer", "curator", "conservator", "translator",
    "linguist", "philosopher", "theologian", "geographer", "astronomer", "navigator",
    "pilot", "astronaut", "economist", "chemist", "consultant", "mentor", "coach",
    "planner", "strategist", "broker", "trader", "banker", "investor", "executive",
]  # fmt: skip

# Suffixes of occupation nouns (``Glaciologist``, ``Physicist``, ``Statistician``,
# ``Oceanographer``): a word ending so is a role head, with the guard of OCCUPATION_HEADS.
OCCUPATION_SUFFIXES: list[str] = [
    r"ologists?", r"icists?", r"icians?", r"ographers?", r"onomers?", r"osophers?",
    r"iatrists?", r"ometrists?", r"scientists?", r"ographers?", r"ologues?",
]  # fmt: skip

# Complements of a position that are subjects, not organisations, though they hold
# organisation words (``Head of AI Research``, ``Director of Research``).
SUBJECT_ACRONYMS: list[str] = ["ai", "ml", "nlp", "hci", "it", "hr", "r&d", "ux", "ui", "qa"]

# Words that open a role phrase even when its head noun comes later
# (``Senior Staff Scientist``); used to keep ``Research Scientist`` from looking like a name.
ROLE_MODIFIERS: list[str] = [
    "senior", "junior", "principal", "staff", "research", "postdoctoral", "doctoral",
    "graduate", "assistant", "associate", "adjunct", "visiting", "distinguished", "chief",
    "executive", "deputy", "lead", "full", "tenured", "tenure-track", "clinical", "honorary",
    "emeritus", "phd", "ph.d.", "master's", "masters", "undergraduate", "co", "vice",
]  # fmt: skip

# Words that mark an organisation or a part of one.
ORG_WORDS: list[str] = [
    "university",
    "universität",
    "universitat",
    "université",
    "universidad",
    "universidade",
    "università",
    "universiteit",
    "uniwersytet",
    "college",
    "institute",
    "institut",
    "instituto",
    "istituto",
    "institution",
    "school",
    "academy",
    "academia",
    "laboratory",
    "laboratories",
    "lab",
    "labs",
    "laboratoire",
    "center",
    "centre",
    "centro",
    "department",
    "dept",
    "dep",
    "division",
    "faculty",
    "group",
    "research",
    "foundation",
    "observatory",
    "hospital",
    "clinic",
    "inc",
    "inc.",
    "ltd",
    "llc",
    "gmbh",
    "corp",
    "corporation",
    "company",
    "co.",
    "technologies",
    "technology",
    "systems",
    "council",
    "agency",
    "society",
    "museum",
    "programme",
    "program",
    "initiative",
    "consortium",
    "collaboration",
    "network",
    "facility",
    "polytechnic",
    "politecnico",
    "polytechnique",
    "ecole",
    "école",
    "eth",
    "epfl",
    "mit",
    "cern",
    "nasa",
    "nist",
    "nih",
    "nsf",
    "desy",
    "slac",
    "fermilab",
    "caltech",
    "ucla",
    "ucsd",
    "ucsb",
    "nyu",
    "cmu",
    "kaist",
    "riken",
    "infn",
    "cnrs",
    "inria",
    "csic",
    "google",
    "deepmind",
    "microsoft",
    "meta",
    "facebook",
    "amazon",
    "apple",
    "ibm",
    "intel",
    "nvidia",
    "openai",
    "anthropic",
    "qualcomm",
    "baidu",
    "tencent",
    "alibaba",
    "huawei",
    "samsung",
    "sony",
    "toyota",
    "bosch",
    "siemens",
    "campus",
    "hub",
    "unit",
    "office",
    "ministry",
    "government",
    "national",
    "federal",
    "state",
    "city",
    "royal",
    "csail",
    "commission",
    "parliament",
    "authority",
    "committee",
    "association",
    "federation",
    "bureau",
    "administration",
    "directorate",
    "secretariat",
    "collège",
    "colegio",
    "collegio",
    "hochschule",
    "fachhochschule",
    "akademie",
    "académie",
    "academie",
    "instytut",
    "politécnica",
    "politecnica",
    "escuela",
    "scuola",
    "universitet",
    "universiteti",
    "universiti",
    "universitas",
    "üniversitesi",
    "universitesi",
    "univerzita",
    "univerzitet",
    "egyetem",
    "yliopisto",
    "daigaku",
    "gakuin",
    "daxue",
    "hakgyo",
    "technion",
]
# Organisation words that open an organisation's name in the languages that put the
# noun first (``Universität Wien``, ``Hochschule Darmstadt``, ``École Polytechnique``,
# ``Universiteit Leiden``): first on a line before a capitalised name, they make it an
# organisation line as ``... University`` does in English word order.
ORG_LEADING_WORDS: list[str] = [
    "universität", "université", "universidad", "universidade", "università",
    "universitat", "universiteit", "uniwersytet", "universitet", "univerzita",
    "univerzitet", "universiti", "universitas", "hochschule", "fachhochschule",
    "technische", "politecnico", "politécnica", "politecnica", "polytechnique", "école",
    "escuela", "scuola", "institut", "instituto", "istituto", "instytut", "laboratoire",
    "centro", "collège", "colegio", "collegio", "akademie", "académie", "academia", "zentrum",
]  # fmt: skip
# (acronyms such as MIT, CERN, EECS need no entry: an all-capitals token reads as an
# organisation by its shape.)  # fmt: skip

# Academic disciplines: a segment of these (``Applied Mathematics``) is a department.
DISCIPLINE_WORDS: list[str] = [
    "physics", "mathematics", "math", "maths", "statistics", "science", "sciences",
    "engineering", "chemistry", "biology", "astronomy", "astrophysics", "cosmology",
    "computing", "computation", "informatics", "economics", "medicine", "neuroscience",
    "philosophy", "psychology", "linguistics", "geosciences", "geophysics", "mechanics",
    "electrical", "mechanical", "civil", "chemical", "applied", "theoretical", "computer",
    "data", "nuclear", "particle", "materials", "aeronautics", "astronautics", "biomedical",
    "bioengineering", "operations", "management", "brain", "cognitive", "earth",
    "planetary", "atmospheric", "environmental", "energy", "quantum", "robotics",
]  # fmt: skip

# Words naming an event or page part: a phrase holding one is never a name
# (``Special Seminar``, ``Invited Talk``, ``Keynote Speaker``).
EVENT_WORDS: list[str] = [
    "seminar", "seminars", "colloquium", "colloquia", "talk", "talks", "lecture", "lectures",
    "workshop", "workshops", "keynote", "speaker", "speakers", "session", "sessions", "panel",
    "tutorial", "webinar", "symposium", "conference", "meeting", "abstract", "title", "agenda",
    "schedule", "series", "presentation", "presenter", "presenters", "host", "hosts",
    "moderator", "chairs", "organizer", "organizers", "organiser", "organisers",
    "address", "remarks", "discussion", "discussions", "defense", "defence", "ceremony",
    "launch", "award", "awards", "prize", "club", "hour", "hours", "forum", "summit",
    "meetup", "hackathon", "retreat", "showcase", "debate", "demo", "demos", "q&a",
    "roundtable", "reception", "lunch", "luncheon", "dinner", "breakfast", "coffee", "break",
    "poster", "posters", "welcome", "opening", "closing", "introduction", "overview",
    "plenary", "lightning", "spotlight", "invited", "contributed", "distinguished", "special",
    "guest", "memorial", "inaugural", "annual", "minisymposium", "problems", "paper", "papers",
    "registration", "networking", "adjourn", "photo", "excursion", "banquet", "celebration",
    "announcement", "announcements", "update", "updates", "recap", "wrap-up", "summary",
    "sponsor", "sponsors", "tba", "tbd", "program", "programme", "events", "event",
    # the people an agenda slot is for, never one person (``Position Exhibitors``)
    "exhibitor", "exhibitors", "exhibition", "exhibitions", "attendees", "volunteers",
    "participants",
]  # fmt: skip

# Event/page phrases made of words that can also be surnames (``Town Hall``).
EVENT_PHRASES: list[str] = [
    "town hall", "round table", "reading group", "journal club", "office hours",
    "open house", "open mic", "best poster", "best paper", "short break", "free time",
]  # fmt: skip

# Organisations named after people or places whose names are shaped like a person's
# (two capitalised words): without these ``Jane Doe, Johns Hopkins`` reads as two people.
NAMED_ORG_PHRASES: list[str] = [
    "johns hopkins", "carnegie mellon", "max planck", "los alamos", "oak ridge",
    "lawrence berkeley", "lawrence livermore", "tel aviv", "georgia tech", "virginia tech",
    "simon fraser", "notre dame", "santa fe", "santa barbara", "santa cruz", "san diego",
    "palo alto", "menlo park", "mountain view", "new york", "hong kong", "niels bohr",
    "isaac newton", "paul scherrer", "fritz haber", "howard hughes", "sloan kettering",
    "mass general", "dana farber", "cold spring harbor", "jet propulsion", "bell labs",
    "wellcome sanger", "francis crick", "los angeles", "san francisco", "buenos aires",
    "rio de janeiro", "sao paulo", "são paulo", "new delhi", "cape town",
]  # fmt: skip

# Single-word names of well-known universities and labs that carry no organisation word;
# they keep ``Smith, Harvard`` from reading as an inverted ``Last, First`` name.
NAMED_ORGS: list[str] = [
    "harvard", "stanford", "princeton", "yale", "oxford", "cambridge", "berkeley",
    "cornell", "columbia", "duke", "rice", "purdue", "rutgers", "northwestern", "caltech",
    "tufts", "brandeis", "dartmouth", "penn", "upenn", "jhu", "vanderbilt", "emory",
    "georgetown", "imperial", "edinburgh", "manchester", "toronto", "mcgill", "waterloo",
    "sorbonne", "heidelberg", "tsinghua", "peking", "fudan", "technion", "weizmann",
    "flatiron", "perimeter", "fermilab", "argonne", "brookhaven", "jpl", "sandia",
    "microsoft", "google", "deepmind", "meta", "nvidia", "amazon", "apple", "ibm", "intel",
]  # fmt: skip

# All-capitals tokens that are organisation or subject acronyms, never a name in capitals
# (``JANE DOE`` is a name; ``MIT EECS`` is not). Tokens without a vowel
# (``CDS``, ``NLP``) are acronyms by shape and need no entry.
ACRONYMS: list[str] = [
    "eecs", "seas", "csail", "hai", "ai", "ml", "ucl", "kth", "ist", "ias", "icts",
    "ictp", "ihes", "ipmu", "kavli", "esa", "eso", "ucsf", "ucsc", "uci", "usc", "uiuc",
    "umich", "unam", "usp", "uba", "anu", "unsw", "uq", "iisc", "iit", "tifr", "ethz",
    "inrae", "inserm", "cea", "dlr", "mpi", "mpg", "kit", "tum", "lmu", "rwth", "dkfz",
    "embl", "ebi", "ornl", "lanl", "llnl", "lbnl", "anl", "bnl", "pnnl", "snl", "noaa",
    "ncar", "usgs", "ieee", "acm", "siam", "aaai", "ams", "aps", "iop", "rsc", "aas",
    "neurips", "icml", "iclr", "cvpr", "acl", "emnlp", "usa", "uk", "eu", "us", "uae",
    "ceo", "cto", "vp", "phd", "md", "msc", "bsc", "ma", "mba", "frs", "ii", "iii", "iv",
    "jr", "sr", "ucla", "ucsd", "ucsb", "nyu", "cmu", "epfl", "eth", "cern", "nasa", "ibm",
    "oist", "riken", "ipam", "msri", "slmath", "aim", "imsi", "ima", "ias", "ihp",
    "sissa", "infn", "ictp", "ecmwf", "esrf", "ill", "psi", "ucb", "upc", "uam", "uab",
    "tu", "ku", "uc", "postech", "unist", "dgist", "kaust", "nus", "ntu", "hkust", "cuhk",
]  # fmt: skip

# Capitalised words common in titles and page furniture that are never part of a name:
# they stop ``Deep Learning`` or ``Upcoming Seminars`` from looking like a person.
NON_NAME_WORDS: list[str] = [
    "learning", "deep", "machine", "neural", "network", "networks", "model", "models",
    "theory", "theories", "data", "introduction", "overview", "session", "sessions",
    "seminar", "seminars", "workshop", "talk", "talks", "lecture", "lectures", "tutorial",
    "panel", "discussion", "abstract", "title", "speaker", "speakers", "online", "room",
    "hall", "building", "details", "slides", "video", "recording", "recordings", "past",
    "upcoming", "spring", "fall", "autumn", "summer", "winter", "break", "lunch", "coffee",
    "breakfast", "dinner", "reception", "welcome", "remarks", "opening", "closing", "agenda",
    "schedule", "program", "programme", "day", "week", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "june", "july", "august", "september", "october", "november", "december", "zoom",
    "meeting", "contact", "home", "about", "news", "events", "event", "people", "series",
    "generative", "symmetries", "symmetry", "graph", "graphs", "field", "fields", "flow",
    "flows", "dynamics", "inference", "analysis", "methods", "approach", "approaches",
    "algorithms", "algorithm", "optimization", "simulation", "simulations", "principles",
    "foundations", "applications", "additional", "file", "document", "preview", "access",
    "artificial", "intelligence", "fundamental", "interactions", "universe", "matter",
    "dark", "energy", "gravity", "particles", "lattice", "gauge", "collider", "detector",
    "cosmological", "galaxy", "galaxies", "star", "stars", "black", "hole", "holes",
    "quantum", "classical", "statistical", "bayesian", "probabilistic", "uncertainty",
    "representation", "representations", "equivariant", "invariant", "transformer",
    "transformers", "language", "vision", "reinforcement", "physics", "mathematics",
    "science", "registration", "poster", "posters", "questions", "answers", "q&a", "tba",
    "tbd", "more", "info", "information", "link", "links", "register", "join", "watch",
    "read", "view", "download", "pdf", "html", "new", "part", "chapter", "section",
]  # fmt: skip


# Articles and determiners a phrase may open with that a person's name never does
# (``The Greene Man``, ``Our Speakers``, ``Die Qual der Wahl``, ``Les Rencontres``); the
# particles of surnames (``de``, ``van der``, ``La``, ``Le``, ``El``) and words that are also
# given names or surnames (``An``, ``Das``, ``My``) are not among them.
NAME_NEVER_FIRST: list[str] = [
    "the", "our", "your", "this", "that", "these", "those", "its", "their", "der", "die",
    "ein", "eine", "les", "une", "los", "las", "het", "gli",
]  # fmt: skip

# Common research-topic words (nouns and the adjectives titles put before them). A
# capitalised two-to-four word phrase made only of these (``Spin Glasses``, ``Quantum
# Gravity``) is a topic, not a person; plural forms are matched through their singular.
TOPIC_WORDS: list[str] = [
    "spin", "glass", "code", "coding", "codes", "network", "gravity", "learning", "deep",
    "neural", "graph", "quantum", "field", "string", "matrix", "random", "optimal",
    "transport", "topological", "phase", "transition", "state", "system", "dynamical",
    "chaos", "entropy", "information", "signal", "noise", "control", "game", "games",
    "logic", "proof", "number", "numbers", "prime", "group", "ring", "algebra", "algebraic",
    "geometry", "geometric", "topology", "manifold", "surface", "knot", "category",
    "sheaf", "operator", "equation", "differential", "partial", "linear", "nonlinear",
    "stochastic", "harmonic", "fourier", "wave", "waves", "fluid", "turbulence", "plasma",
    "magnetic", "electron", "photon", "neutrino", "higgs", "boson", "fermion", "atom",
    "atomic", "molecular", "molecule", "protein", "cell", "cellular", "gene", "genetic",
    "genome", "genomic", "evolution", "evolutionary", "ecology", "climate", "ocean",
    "weather", "earthquake", "planet", "planetary", "exoplanet", "solar", "stellar", "cosmic",
    "cosmology", "inflation", "horizon", "wormhole", "entanglement", "qubit", "circuit",
    "circuits", "computer", "computers", "computing", "software", "hardware", "chip",
    "memory", "privacy", "security", "cryptography", "robust", "robustness", "fairness",
    "causal", "causality", "sparse", "sparsity", "kernel", "tensor", "tensors", "vector",
    "embedding", "embeddings", "attention", "diffusion", "generative", "adversarial",
    "convolutional", "recurrent", "language", "speech", "image", "images", "video", "text",
    "knowledge", "reasoning", "planning", "search", "agent", "agents", "multi-agent",
    "emergent", "emergence", "complex", "complexity", "critical", "criticality",
    "scaling", "scale", "renormalization", "symmetry", "symmetric", "hidden", "open",
    "closed", "new", "old", "modern", "recent", "advanced", "efficient", "fast", "scalable",
    "interpretable", "interpretability", "explainable", "trustworthy", "safe", "safety",
    "hamiltonian", "lagrangian", "monte", "carlo", "markov", "chain", "chains", "process",
    "processes", "sampling", "estimation", "prediction", "forecasting", "regression",
    "classification", "clustering", "detection", "recognition", "segmentation", "imaging",
    "reconstruction", "tomography", "spectroscopy", "microscopy", "material", "materials",
    "crystal", "crystals", "superconductivity", "superconductor", "superconductors",
    "semiconductor", "magnet", "magnets", "magnetism", "insulator", "insulators", "metal",
    "metals", "liquid", "liquids", "solid", "solids", "soft", "hard", "active", "living",
    "biological", "physical", "chemical", "social", "economic", "financial", "market",
    "markets", "policy", "health", "medical", "clinical", "brain", "mind", "neuron",
    "neurons", "cortex", "memory", "behavior", "behaviour", "perception", "cognition",
    "robot", "robots", "robotic", "autonomous", "vehicle", "vehicles", "flight", "space",
    "time", "spacetime", "light", "sound", "heat", "thermal", "thermodynamics", "heavy",
    "ion", "ions", "nuclei", "nucleus", "hadron", "hadrons", "jet", "jets", "event",
    "trigger", "anomaly", "anomalies", "beyond", "standard", "model", "supersymmetry",
    "axion", "axions", "neutron", "proton", "mass", "masses", "charge", "flavor", "flavour",
    "color", "colour", "strong", "weak", "rich", "max", "min", "cut", "loop", "loops",
    "path", "paths", "integral", "integrals", "amplitude", "amplitudes", "scattering",
    "bootstrap", "conformal", "holography", "holographic", "duality", "dualities",
    "moduli", "mirror", "modular", "form", "forms", "function", "functions", "series",
    "problem", "problems", "question", "questions", "challenge", "challenges", "frontier",
    "frontiers", "perspective", "perspectives", "view", "views", "tale", "tales", "story",
    "lesson", "lessons", "tool", "tools", "benchmark", "benchmarks", "dataset", "datasets",
    "discovery", "discoveries", "design", "optimisation", "optimization", "geometry",
    "measure", "measures", "measurement", "measurements", "test", "tests", "testing",
    "limit", "limits", "bound", "bounds", "law", "laws", "rule", "rules", "pattern",
    "patterns", "structure", "structures", "order", "disorder", "disordered", "glassy",
    "matrices", "vertices", "indices", "phenomena", "spectra", "spectrum", "criteria",
    "analyses", "hypotheses", "hypothesis", "theorem", "theorems", "conjecture", "lemma",
    "universal", "universality", "stability", "instability", "flow", "current", "currents",
    "walk", "walks", "world", "worlds", "forest", "forests", "tree", "trees", "star", "stars",
    "hole", "holes", "galaxy", "galaxies", "planets", "black", "dark", "bright", "matter",
    "universe",
    # research words too technical for a general word-frequency list to know them as
    # English (``Nodal Domains``) or shared with neighbouring languages (``Formation``,
    # ``Convex``), so ``people.is_english_word`` cannot vouch for them
    "formation", "motion", "convex", "tropical", "persistent", "homology", "film",
    "domain", "body", "nodal", "brownian", "nematic", "nematics", "invariant", "moduli",
    "probability", "recovery", "curvature",
    # verbs that end a title cut at a line break (``Sparse Recovery Meets``)
    "meets", "revisited", "matters",
]  # fmt: skip

# Adjectives titles put before a topic noun (``Young Stars``, ``Small Worlds``, ``Big
# Data``): with a topic noun after them the phrase is a topic. As a name's first word
# (``Young-Kee Kim``) they are harmless, since the rest of a name is no topic noun.
TITLE_ADJECTIVES: list[str] = [
    "young", "old", "small", "large", "big", "little", "great", "huge", "tiny", "giant",
    "massive", "distant", "early", "late", "first", "last", "long", "short", "high", "low",
    "deep", "wide", "fine", "rare", "common", "simple", "hot", "cold", "warm", "cool",
    "wild", "free", "true", "false", "better", "best", "good", "bad", "many", "few",
]  # fmt: skip

# Abbreviated organisation words, written with a dot (``Univ.``, ``Inst.``, ``Natl.``):
# a segment holding one is an organisation, never a name.
ORG_ABBREVIATIONS: list[str] = [
    "univ", "uni", "inst", "dept", "depts", "lab", "labs", "natl", "nat'l", "intl", "int'l",
    "coll", "acad", "ctr", "cntr", "hosp", "corp", "polytech", "techn", "sci", "res",
    "fac", "sch", "div", "assn", "assoc", "soc", "found", "observ", "lab.",
]  # fmt: skip

# Initialisms of organisations also written with dots (``U.C. Riverside``, ``M.I.T.``,
# ``U.K.``): a dotted token spelling one of these is an organisation, not a person's
# initials. Degree and personal abbreviations are deliberately absent, and two-letter
# entries are few, since any two letters are also plausible initials of a person.
ORG_INITIALISMS: list[str] = [
    "uc", "us", "usa", "uk", "eu", "mit", "nyu", "ucla", "ucsd", "ucsb", "ucsf", "usc",
    "ucl", "unc", "unam", "uva", "ubc", "uiuc", "umd", "cmu", "lse", "kth",
    "epfl", "eth", "cnrs", "cern", "nasa", "nih", "nsf", "ibm", "at&t", "rca", "kaist",
    "iit", "iisc", "tifr", "anu", "unsw", "uct", "ucd", "tcd", "ntu", "nus", "hku", "hkust",
    "snu", "ntnu", "dtu", "tum", "lmu", "ens", "ihes", "ias", "msri", "slac", "lbl", "lbnl",
    "ornl", "lanl", "llnl", "anl", "bnl", "jpl", "noaa", "ncar", "nist", "nrc", "csiro",
    "cnr", "csic", "infn", "mpi", "rpi", "wpi", "cuny", "suny", "gwu", "osu", "psu",
    "msu", "asu", "lsu", "fsu", "tamu", "ucb", "ucr", "ucd", "uci", "ucsc", "cuhk", "sjtu",
    "ustc", "pku", "zju", "kit", "rwth",
]  # fmt: skip

# --- places, series, closings ---------------------------------------------------

# How a speaker takes part, written after the affiliation (``Caltech, remote``): no part of
# the affiliation. Regular-expression fragments, matched case-insensitively on a whole part.
ATTENDANCE_MODES: list[str] = [
    r"remote(?:ly)?", "online", r"virtual(?:ly)?", r"in[\s-]person", "hybrid",
    r"(?:via|on|over)\s+(?:zoom|teams|webex)", "zoom", r"pre-?recorded", r"by\s+video",
]  # fmt: skip

# Words naming a place where a talk happens (``Room 101``, ``Online``, ``Hall B``);
# regular-expression fragments, matched case-insensitively on word boundaries.
PLACE_WORDS: list[str] = [
    "online", "zoom", r"virtual(?:ly)?", "webinar", "hybrid", r"in[\s-]person", "room",
    r"rm\.?", "hall", "building", r"bldg\.?", "auditorium", r"amphit?heat(?:re|er)",
    r"theat(?:re|er)", r"amphis?", "lounge", "library", "campus", "classroom", "floor", "suite",
    "webex",
    "teams", r"google\s+meet", "livestream", "stream", "venue", "salle", "aula",
    r"seminar\s+room", r"lecture\s+theatre", r"conference\s+room", "hörsaal", "horsaal",
    "sala", "atrium", "foyer", "annex", "annexe", "wing", "pavilion", "basement",
    r"board\s*room", r"common\s+room", r"reading\s+room",
]  # fmt: skip

# Event nouns that end a series name (``Applied Analysis Seminar``, ``Physics Colloquium``).
SERIES_NOUNS: list[str] = [
    r"seminars?", r"colloqui(?:um|a)", r"lectures?", r"workshops?", "series", "symposium",
    "forum", "club", r"webinars?", r"lunch(?:eon)?", r"journal\s+club", r"reading\s+group",
    r"discussion\s+group", r"meetings?", r"talks?", "hour", r"tea",
]  # fmt: skip

# The same event nouns in the other languages seminar pages are written in; a page or
# calendar title holding one names a series (``Seminários da EMAp``, ``Oberseminar Analysis``).
SERIES_NOUNS_INTL: list[str] = [
    r"s[ée]minaires?", r"semin[áa]rios?", r"seminari", r"seminare?", r"oberseminar",
    r"kolloquium", r"colloques?", r"coloquios?", r"col[óo]quios?", r"colloquio", r"journ[ée]es?",
    r"jornadas?", r"conf[ée]rences?", r"conferencias?", r"semin[áa]r(?:ium)?", r"seminaari",
    r"семинар\w*", r"коллоквиум\w*", r"研讨会", r"セミナー", r"세미나",
]

# Lines that close an announcement: an invitation, an RSVP, meeting-link logistics;
# fragments matched at the start of a line, case-insensitively.
CLOSING_PATTERNS: list[str] = [
    r"(?:all|everyone|everybody|anyone|students|visitors)\b.{0,40}?\b(?:welcome|invited|"
    r"encouraged)",
    r"all\s+(?:talks|seminars|lectures|sessions|meetings)\b",
    r"hope\s+to\s+see", r"(?:we\s+)?look(?:ing)?\s+forward", r"see\s+you",
    r"(?:zoom|webex|teams|meeting|webinar)\s*(?:link|id|url|passcode|password|details)",
    r"meeting\s+id", r"passcode", r"join\s+(?:us|zoom|the\s+(?:meeting|webinar|talk))",
    r"please\s+(?:join|register|forward|note|contact|let|rsvp|circulate)", r"rsvp\b",
    r"to\s+(?:unsubscribe|subscribe)", r"you\s+(?:are\s+)?receiv(?:ed|ing)\s+this",
    r"(?:light\s+)?refreshments\b",
]  # fmt: skip

# Notes to the audience about this occurrence's logistics (``Note the earlier time``,
# ``Please note the change of room``, ``Note: this talk will be recorded``): the words such a
# note is about; a note line must name one to be dropped (``Note that every group ...`` is
# mathematics).
LOGISTICS_NOTE_WORDS: list[str] = [
    r"times?", r"rooms?", r"dates?", r"days?", r"venues?", r"locations?", "place",
    r"start(?:s|ing)?", r"begins?",
    "earlier", "later", "unusual", "special", "change[ds]?", r"moved", r"reschedul\w*",
    r"record(?:ed|ing)", r"stream(?:ed|ing)?", r"live[\s-]?stream\w*", "online", "hybrid",
    r"in[\s-]person", "zoom", "registration", r"register\w*", r"cancel+ed", "postponed",
    "refreshments", "lunch", "coffee", "pizza", "slides", "video", "building",
]  # fmt: skip

# Sign-offs that end a message's body (``Best regards,``, ``Cheers``); whole line.
SIGNOFF_PATTERNS: list[str] = [
    r"(?:best|kind|warm|warmest|kindest)?\s*(?:regards|wishes)", r"best", r"cheers",
    r"thanks", r"many\s+thanks", r"thank\s+you", r"sincerely", r"yours(?:\s+\w+)?",
    r"see\s+you\s+there", r"all\s+the\s+best", r"with\s+best\s+regards", r"respectfully",
]  # fmt: skip

# Words by which a calendar event says it is a talk (``Talk rehearsal``, ``Abstract:``,
# ``Guest lecture``, ``Vortrag``), matched accent-folded, on word boundaries: in a feed of
# socials and meetings, an event naming nobody is a talk only when it uses one.
TALK_EVIDENCE_WORDS: list[str] = [
    r"talks?", r"lectures?", r"seminars?", r"colloqui(?:um|a)", r"presentations?",
    r"presents", r"presented\s+by", r"presenters?", r"webinars?", r"keynotes?", r"abstract",
    r"speakers?", r"tutorials?", r"vortrag", r"vortrage", r"exposes?", r"charlas?",
    r"ponencias?", r"seminaires?", r"seminarios?", r"referat",
]

# Activities a calendar event may be that are no talk, whoever leads them (``Jane Doe leads
# a heritage walking trail``, ``Film screening``, ``Exhibition opening``): matched in the
# opening of the event's title or description, when neither uses a TALK_EVIDENCE_WORDS.
NON_TALK_ACTIVITIES: list[str] = [
    r"walking\s+(?:tours?|trails?)",
    r"(?:guided|heritage|city|museum|campus)\s+(?:tours?|walks?|trails?)",
    r"film\s+screenings?", r"screenings?\s+of", r"exhibitions?", r"art\s+exhibits?",
    r"concerts?", r"pub\s+quiz(?:zes)?", r"quiz\s+nights?",
]

# What a page of one person's talks calls itself (``Talks – Jane Doe``): its records are
# that person's talks, the person named once by the page's title
TALKS_PAGE_WORDS: list[str] = [
    "talks", "invited talks", "selected talks", "presentations", "lectures", "speaking",
    "talks and presentations", "presentations and talks", "conference talks", "keynotes",
]  # fmt: skip
