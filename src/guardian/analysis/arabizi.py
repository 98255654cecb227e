"""Arabizi (Arabic in Latin letters and digits) to Arabic script.

Used by `normalize` on text that is already lower-cased, with letter runs
collapsed and Arabic letters in their normalised forms (ا ي ه, no hamza
seats, no diacritics); every Arabic string here is written in those forms.

Which Latin tokens are Arabizi
------------------------------
* ``STRONG`` words are Arabizi wherever they appear (``kalb``, ``sharmoota``,
  ``msh``): none of them is an English word.
* A token with an Arabizi digit (2 3 5 6 7 8 9) between or next to letters
  is Arabizi (``7mar``, ``ib3atli``, ``n9tlek``), unless it is English
  chat-speak or a code (``gr8``, ``2day``, ``ps5``, ``3d``, ``ahmed2009``).
* ``WEAK`` words are Arabizi only next to Arabizi or Arabic-script words:
  they are also English or names (``ya``, ``ana``, ``hat``, ``mesh``, ``sir``),
  so "hat sortak" becomes "هات صورتك" while "see ya" and "nice hat" stay.
* In a message with a word of the first two kinds, every other word that
  is not English or French (`english_words`) is Arabizi too: most Arabizi
  is written without digits ("shoof wjhk fel mirror b3dain" -> "شوف وجهك
  فل mirror بعدين"), and no spelling list can hold it all.
* Everything else (``send me a pic``, ``lol``, ``game``) is left alone.

Spelling
--------
Lexicon words get their usual Arabic spelling.  Other Arabizi words are
transliterated letter by letter: digraphs first (``3'`` ``7'`` ``9'`` ``6'``
``sh`` ``kh`` ``gh`` ``th`` ``dh`` ``ch``), doubled consonants once (shadda is
not written), long vowels (``aa`` ``ee`` ``oo`` ``ou`` and ``o``/``u``) as
letters, short ``a``/``e``/``i`` dropped (and ``o``/``u`` before two
consonants: ``3omrek`` عمرك), a first vowel as ا, a last ``a``/``e``
as ه (teh marbuta, already normalised), a last ``i``/``y`` as ي.  Readings
that differ between dialects take the value best for our purposes:
``2`` = ق (Egyptian/Levantine glottal-stop qaf: ``a2tlak`` اقتلك), ``9`` = ق
(Maghrebi ``n9tlek``; Gulf ص words such as ``9ora`` are in the lexicon),
``8`` = ق, ``g`` = ج (Egyptian; Gulf g = ق words are in the lexicon).

Letters Arabizi writes alike (``h`` ه/ح, ``s`` س/ص, ``t`` ت/ط, ``d`` د/ض,
``k`` ك/ق, ``z`` ز/ظ/ذ, ``9`` ق/ص, a first vowel ا/ع, a dropped short vowel ع
or long, a medial ``o``/``u`` و or short)
are then settled by `arabic_words`: another reading replaces the letter by
letter one when our Arabic-script chat uses it `SPELLING_MARGIN` times as
often ("jarraht" جرحت, "andi" عندي, "taref" تعرف, "kolkom" كلكم).  Only letters change,
never the ranges they came from, so evidence spans are unaffected.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import product

# More digit-less spellings from every dialect, Maghrebi first: their own module (data, not code).
from guardian.analysis.arabic_words import frequency
from guardian.analysis.arabizi_more import MORE_STRONG, MORE_WEAK, add_spellings
from guardian.analysis.english_words import is_foreign

# (replacement text, start, end): the text replaces source characters
# [start, end) of the string being transliterated; an empty range inserts.
Piece = tuple[str, int, int]

# --- lexicons ------------------------------------------------------------------------

# Words that are Arabizi wherever they appear.  Spellings are keyed after
# `normalize` has lower-cased them and collapsed runs of three or more
# letters, so "kalbbbb" and "KALB" both arrive as "kalb".
STRONG: dict[str, str] = {}
_add = add_spellings

# insults and swearing
_add(STRONG, "كلب", "kalb kelb klb chalb chelb kalbb")
_add(STRONG, "كلبه", "kalba kelba klba chalba")
_add(STRONG, "كلاب", "kilab klab kelab")
_add(STRONG, "حمار", "7mar hmar hmaar homar 7omar 7amar hemar")
_add(STRONG, "حماره", "7mara hmara 7omara")
_add(STRONG, "حيوان", "7ayawan 7aywan 7ywan hayawan haywan hywan 7ayawn 7aiwan haiwan")
_add(STRONG, "حيوانه", "7ayawana 7aywana hayawana")
_add(STRONG, "غبي", "ghabi ghaby ghbi 8abi 8aby 3'abi 3'aby ghabee")
_add(STRONG, "غبيه", "ghabia ghabiya ghabya 8abia 8abya 3'abia 3'abya")
_add(STRONG, "مجنون", "majnoon majnun magnoon mgnon majnon")
_add(STRONG, "اهبل", "ahbal a7bal hbal")
_add(STRONG, "تافه", "tafeh tafh 6afh tafih")
_add(STRONG, "زفت", "zift zeft")
_add(STRONG, "فاشل", "fashil fashel fashl")
_add(STRONG, "خنزير", "khanzeer khanzir 5anzeer 5anzir")
_add(STRONG, "شرموطه", "sharmoota sharmota sharmouta sharmuta sharmootah sharmotah charmouta"
     " charmota sharmoo6a sharmo6a sharmou6a shrmota shrmoota")
_add(STRONG, "شرموط", "sharmoot sharmout sharmut")
_add(STRONG, "قحبه", "gahba qahba kahba ga7ba qa7ba 9a7ba 2a7ba kahbe qahbe 9ahba")
_add(STRONG, "منيك", "manyak manyok manyook manyouk menyak")
_add(STRONG, "متناك", "metnak mitnak mtnak")
_add(STRONG, "خول", "khawal 5awal khwal")
_add(STRONG, "عرص", "3ars 3rs a3ras")
_add(STRONG, "عرس", "3ers 3eris 3rees")    # a wedding ("fustan lel 3ers"), not عرص
_add(STRONG, "خرا", "khara 5ara khra 5ra")
_add(STRONG, "وسخ", "wiskh wes5 wis5 wskh")
_add(STRONG, "وسخه", "wiskha wes5a wis5a waskha wskha")
_add(STRONG, "زباله", "zbala zibala zebala")
_add(STRONG, "تفو", "tfo tfu tfoo tfuh")
_add(STRONG, "كس", "kos kuss koss kess")
_add(STRONG, "كسمك", "kosomak kosomk kusomak kosommak kosemak kosomek kusummak ksmk")
_add(STRONG, "طيز", "teez tiz tizak")
_add(STRONG, "زب", "zeb zob zebi zebb zobi")
_add(STRONG, "نيك", "neek nayek")
_add(STRONG, "انيكك", "anikak aneekak aneekek anikek")
_add(STRONG, "يلعن", "yel3an yil3an yl3n")
_add(STRONG, "ابن", "ibn ebn")
_add(STRONG, "امك", "omak ommak umak ummak emak 2omak")
_add(STRONG, "اختك", "okhtak ukhtak o5tak u5tak ikhtak okhtek")
_add(STRONG, "ابوك", "abook abouk abuk abok aboki abooki")
_add(STRONG, "اهلك", "ahlak ahlek ahlik ahlich")
_add(STRONG, "يا حمار", "ya7mar yahmar")
_add(STRONG, "يا كلب", "yakalb yaklb")
# threats and violence
_add(STRONG, "اقتلك", "aktolak aqtolak a2tolak aktlak aqtlak a2tlak a2tlek a2tolek aqtlek aktlek")
_add(STRONG, "اقتل", "aqtel a2tel aktel a2tol aqtol")
_add(STRONG, "هقتلك", "haktolak ha2tlak ha2tolak haqtlak h2tlk ha2tlek")
_add(STRONG, "نقتلك", "n9tlek nqtlek nektlek n9tlk n9atlek nqatlek")
_add(STRONG, "ادبحك", "adbahak adba7ak adb7ak adba7ek adbahek")
_add(STRONG, "اضربك", "adrbak adrabak adrobak a9rbak")
_add(STRONG, "اسكت", "oskot oskut uskut eskot skot iskot uskot")
_add(STRONG, "اخرس", "ekhras ikhras e5ras i5ras 5ras ukhrus okhros")
_add(STRONG, "امشي", "emshi imshi amshi mshi")
_add(STRONG, "روح", "ro7 roo7 rou7 rooh rou7")
_add(STRONG, "موت", "mout mowt mawt")
_add(STRONG, "اموت", "amoot amout amot")
_add(STRONG, "تموت", "tmoot tmout tamoot")
# sextortion and grooming
_add(STRONG, "صوره", "sora soura sura sorah 9ora 9oora 9ura")
_add(STRONG, "صور", "sowar suwar swar 9wr 9owar 9war")
_add(STRONG, "صورتك", "sortak sortek sortik sourtak soortak sortk 9ortak 9ortk 9oortk 9ortek"
     " 9ortich sortich soratak")
_add(STRONG, "صورك", "sowarak sowarek swarek 9owarek 9warek")
_add(STRONG, "صورني", "sawerni sawarni 9awerni sawrni 9awrni")
_add(STRONG, "ارسل", "ersel irsil arsel arsil rsl")
_add(STRONG, "ارسلي", "ersli irsili arsli rsli arsili")
_add(STRONG, "ارسلي لي", "arsilli irsilli")
_add(STRONG, "هاتلي", "hatli hatili hateli")
_add(STRONG, "وريني", "wareeni warini warrini wrini farjini")
_add(STRONG, "جسمك", "jismik jesmek gesmek gismik jsmk jismak jismek")
_add(STRONG, "عريانه", "3aryana 3arya 3ryana")
_add(STRONG, "فضيحه", "fadi7a fadee7a fadiha fdi7a fadeeha fa9i7a")
_add(STRONG, "افضحك", "afda7ak afda7ek afdahak afdahek af9a7ek afda7ik")
_add(STRONG, "هفضحك", "hafda7ak hafda7ek hafdahak")
_add(STRONG, "بفضحك", "bafda7ek bafda7ak bafdahek")
_add(STRONG, "نفضحك", "nfda7ek nafda7ek nfd7ek")
_add(STRONG, "انشر", "anshor anshur 2anshor")
_add(STRONG, "هنشر", "hanshor hanshur")
_add(STRONG, "اقول", "a2ool a2ol agool agoul aqool")
_add(STRONG, "هقول", "ha2ool hagool ha2ol hagol")
_add(STRONG, "تقول", "tgool tgoul t2ool t2ol")
_add(STRONG, "فلوس", "flos floos fulus flous")
_add(STRONG, "سر", "sirr serr")
_add(STRONG, "بيناتنا", "benatna bainatna binatna")
_add(STRONG, "حلوه", "7lwa helwa 7elwa 7elwe helwe hilwa 7ilwa")
_add(STRONG, "جميله", "gamila gameela jameela jamila gmila")
_add(STRONG, "حبيبي", "habibi 7abibi habibi 7bibi habeebi 7abeebi habiby 7abiby")
_add(STRONG, "حبيبتي", "habibti 7abibti habibty hbibti 7bibti habeebti")
_add(STRONG, "بحبك", "bahebak bhebak bhbk bahebek bahbek ba7bak")
_add(STRONG, "احبك", "ahebak ahbek ahebek ahibak ahbak")
_add(STRONG, "مامتك", "mamtak mamtek")
_add(STRONG, "بابك", "babak")
_add(STRONG, "بنت", "bnt")
_add(STRONG, "ولد", "walad wald")
_add(STRONG, "اولاد", "awlad wlad")
# self-harm
_add(STRONG, "انتحار", "intehar ente7ar inti7ar entehar nte7ar inte7ar")
_add(STRONG, "انتحر", "ante7er anta7er antaher ente7er")
_add(STRONG, "نفسي", "nafsi nafsy nfsi nafse nfsy")
_add(STRONG, "اجرح", "ajra7 ajrah ajr7")
_add(STRONG, "تعبانه", "ta3bana t3bana ta3baneh")
_add(STRONG, "تعبان", "ta3ban t3ban")
_add(STRONG, "حزين", "hazeen hazin 7zeen")
_add(STRONG, "حزينه", "hazina hazeena 7azina 7zina")
# everyday words that carry the context
_add(STRONG, "انت", "enta inta ente inte")
_add(STRONG, "انتي", "enti inti entee")
_add(STRONG, "انتو", "ento entu intu entom")
_add(STRONG, "هو", "howa huwa hwa")
_add(STRONG, "هي", "heya hiya hya heyya")
_add(STRONG, "مش", "msh mish")
_add(STRONG, "مافي", "mafi mafee")
_add(STRONG, "مفيش", "mafeesh mafesh mafish mfesh mafeshi")
_add(STRONG, "معلش", "ma3lesh ma3leesh m3lsh malesh maalesh")
_add(STRONG, "خلاص", "5alas khalas 5las 5lass khalass 5alass 5alaas khlas")
_add(STRONG, "يلا", "yalla yallah yla")
_add(STRONG, "والله", "wallah wallahi wlh walla")
_add(STRONG, "ان شاء الله", "inshallah insha2allah inshalla nshallah enshallah inshaallah")
_add(STRONG, "ما شاء الله", "mashallah masha2allah mashalla")
_add(STRONG, "سلام", "salam slm")
_add(STRONG, "شكرا", "shukran shokran shukrn shokrn")
_add(STRONG, "اهلا", "ahlan ahln")
_add(STRONG, "مرحبا", "mar7aba marhaba mar7ba")
_add(STRONG, "طيب", "tayeb tayyeb 6ayeb 6ayb tayb")
_add(STRONG, "عشان", "3ashan 3shan ashan 3alashan 3lshan")
_add(STRONG, "كده", "keda kida kda")
_add(STRONG, "كتير", "kteer ktir kter ktiir")
_add(STRONG, "كثير", "katheer kthir ktheer")
_add(STRONG, "شويه", "shwaya shwayya shwaia")
_add(STRONG, "عايز", "3ayez 3ayz 3awez 3awz ayez")
_add(STRONG, "عايزه", "3ayza 3awza")
_add(STRONG, "ابغي", "abghi abgha ab8a abga ab8i")
_add(STRONG, "بدي", "baddi biddi bdi")
_add(STRONG, "تعال", "ta3al t3al ta3aal")
_add(STRONG, "تعالي", "ta3ali t3ali ta3aly ta3i")
_add(STRONG, "فين", "fein feen fayn")
_add(STRONG, "وين", "wein wayn ween")
_add(STRONG, "شنو", "shno shnu chnou shnoo chno")
_add(STRONG, "ليش", "leish laish leesh")
_add(STRONG, "ايوه", "aywa aiwa aywah eiwa")
_add(STRONG, "محد", "ma7ad mahad m7d")
_add(STRONG, "حد", "7ad")
_add(STRONG, "ماحدا", "ma7ada mahada")

# Words that are also English (or a name, or another language's word): only
# Arabizi next to Arabizi or Arabic words.
WEAK: dict[str, str] = {}
_add(WEAK, "يا", "ya yaa yah")
_add(WEAK, "انا", "ana ane ani")
_add(WEAK, "انت", "int ent")
_add(WEAK, "انتو", "into")
_add(WEAK, "و", "w wa")
_add(WEAK, "ب", "b")
_add(WEAK, "ال", "el al il l")
_add(WEAK, "ما", "ma")
_add(WEAK, "مو", "mo mu")
_add(WEAK, "مش", "mesh mush")
_add(WEAK, "لا", "la laa lla")
_add(WEAK, "بس", "bas bs bes")
_add(WEAK, "هات", "hat")
_add(WEAK, "هاتي", "hati")
_add(WEAK, "سر", "sir ser")
_add(WEAK, "موت", "mot moot")
_add(WEAK, "نيك", "nik")
_add(WEAK, "اير", "air ayr")
_add(WEAK, "ليه", "leh lih")
_add(WEAK, "ليش", "lesh lish")
_add(WEAK, "ايه", "eh eih")
_add(WEAK, "ايش", "eish aish esh")
_add(WEAK, "شو", "shu sho shou chou")
_add(WEAK, "فين", "fen")
_add(WEAK, "وين", "wen")
_add(WEAK, "في", "fi fe fee")
_add(WEAK, "من", "min mn men")
_add(WEAK, "لو", "law lau")
_add(WEAK, "اذا", "ida iza itha")
_add(WEAK, "بنت", "bint bent")
_add(WEAK, "ولد", "weld")
_add(WEAK, "ابي", "abi aby abee")
_add(WEAK, "زي", "zay zai")
_add(WEAK, "ماما", "mama")
_add(WEAK, "بابا", "baba")
_add(WEAK, "غبي", "gabi")
_add(WEAK, "عرص", "ars")
_add(WEAK, "روح", "ruh")
_add(WEAK, "بدي", "bde")
_add(WEAK, "كس", "kus")

# the spellings of `arabizi_more`, where these tables do not already have them
STRONG.update({k: v for k, v in MORE_STRONG.items() if k not in STRONG})
WEAK.update({k: v for k, v in MORE_WEAK.items() if k not in WEAK and k not in STRONG})

# Arabic article written apart ("ibn el kalb"): joined to the next word.
ARTICLES = frozenset({"el", "al", "il", "l"})

# English chat-speak, codes and units that contain an Arabizi digit.
NOT_ARABIZI = frozenset(
    "gr8 l8 l8r h8 h8r m8 m8s w8 str8 sk8 2day 2nite 2night 2moro 2morrow 2mrw 2mro 2b 2u u2 me2 "
    "b2b g2g f2f p2p h2o co2 2fa 2k 2d 3d 4d 5g 3g 2g 5k 6k 8k 3x 2x 5x mp3 mp4 ps2 ps3 ps5 gta5 "
    "gta6 y2k b9 k9 x5 x6 x7 i5 i7 i9 a5 a7 v2 v3 2nd 3rd 5th 6th 7th 8th 9th 2pm 3pm 5pm "
    "6pm 7pm 8pm 9pm 2am 5am 6am 7am 8am 9am".split()
)

# --- transliteration -----------------------------------------------------------------

_CONSONANTS: dict[str, str] = {
    "3'": "غ", "7'": "خ", "9'": "ض", "6'": "ظ",
    "sh": "ش", "ch": "ش", "kh": "خ", "gh": "غ", "th": "ث", "dh": "ذ",
    "b": "ب", "t": "ت", "j": "ج", "g": "ج", "7": "ح", "5": "خ", "d": "د", "r": "ر",
    "z": "ز", "s": "س", "9": "ق", "6": "ط", "3": "ع", "f": "ف", "v": "ف", "q": "ق",
    "2": "ق", "8": "ق", "k": "ك", "c": "ك", "l": "ل", "m": "م", "n": "ن", "h": "ه",
    "w": "و", "y": "ي", "p": "ب", "x": "كس",
}
_VOWELS = frozenset({"a", "e", "i", "o", "u", "aa", "ee", "ii", "oo", "uu", "ou", "ei", "ai"})
_LONG_I = frozenset({"ee", "ii", "ei", "ai"})
_LONG_U = frozenset({"o", "u", "oo", "uu", "ou"})
_DIGRAPHS = frozenset(k for k in list(_CONSONANTS) + list(_VOWELS) if len(k) == 2)

_ARABIZI_DIGIT = re.compile(r"[2356789]")
_DIGIT_RUN = re.compile(r"[0-9]{2}")
_UNIT = re.compile(r"[0-9]+(?:st|nd|rd|th|pm|s|k|g|d|p|x|h|m|km|kg|cm|mm|ml|mb|gb|kb|tb|hz|fps|min|hr|hrs|yo|yr|yrs)")
_HAS_LETTER = re.compile(r"[a-z]")


def _units(word: str) -> list[tuple[str, int, int]]:
    units = []
    i, n = 0, len(word)
    while i < n:
        two = word[i:i + 2]
        if len(two) == 2 and two in _DIGRAPHS:
            units.append((two, i, i + 2))
            i += 2
        else:
            units.append((word[i], i, i + 1))
            i += 1
    return units


def _is_consonant(unit: str) -> bool:
    return unit in _CONSONANTS


# Letters that Arabizi without digits (or with 9) writes alike: the first
# is the letter-by-letter reading, the others are tried against the corpus's
# word counts (`_spelled`).
_OTHER_LETTERS: dict[str, tuple[str, ...]] = {
    "h": ("ح",), "s": ("ص",), "t": ("ط",), "d": ("ض",), "k": ("ق",), "9": ("ص",),
    "z": ("ظ", "ذ"), "dh": ("ظ",), "g": ("ق",),
}
# "andi" عندي, "edi" ايدي, "eib" عيب, "omri" عمري
_OTHER_INITIAL = {"ا": ("ع",), "اي": ("عي",), "او": ("عو",)}
_OTHER_INITIAL_EI = ("ع", "اي")
# a dropped short vowel may be ع or a long vowel: "taref" تعرف, "kalam"
# كلام, "3lek" عليك, "tahkish" تحكيش; a long "aa" may hold ع: "ibaathli"
_OTHER_MEDIAL = {"a": ("ع", "ا"), "e": ("ع", "ا", "ي"), "i": ("ي",)}
_OTHER_MEDIAL_AA = ("ع", "عا")
# a medial o/u read as و may be short: "kolkom" كلكم, "ytlob" يطلب, "mudir"
# مدير; not in words of three letters, where the short reading is often
# another common word ("bos" بوس is not بس)
_OTHER_MEDIAL_U = ("",)
_SHORT_U_MIN_UNITS = 4
_OTHER_FINAL = {"ه": ("ا",)}    # "kida" كدا as well as كده
_MAX_SPELLINGS = 128           # spellings tried per word
SPELLING_MARGIN = 3            # another spelling must be this many times as common


def _unit_options(word: str, base: int = 0) -> list[tuple[tuple[str, ...], int, int]]:
    """Each unit of Arabizi `word` (lower case, no apostrophe at the ends)
    as its possible Arabic letters, letter-by-letter reading first (it may
    be empty: a dropped short vowel); ranges are offsets into the word plus
    `base`.  A doubled consonant is one unit (shadda is not written)."""
    units = _units(word)
    last = len(units) - 1
    options: list[tuple[tuple[str, ...], int, int]] = []
    prev_consonant = ""
    for k, (unit, i, j) in enumerate(units):
        others: tuple[str, ...] = ()
        if unit in _VOWELS:
            prev_consonant = ""
            if k == 0:
                out = "اي" if unit in _LONG_I else "او" if unit in ("oo", "uu", "ou") else "ا"
                others = _OTHER_INITIAL_EI if unit in ("e", "i") else _OTHER_INITIAL[out]
            elif k == last:
                if unit == "a":
                    out = "ه" if last >= 2 else "ا"
                elif unit == "e":
                    out = "ه"
                elif unit == "aa":
                    out = "ا"
                elif unit in _LONG_U:
                    out = "و"
                else:
                    out = "ي"
                others = _OTHER_FINAL.get(out, ())
            elif unit == "aa":
                out = "ا"
                others = _OTHER_MEDIAL_AA
            elif unit in _LONG_I:
                out = "ي"
            elif unit in ("o", "u") and k + 2 <= last and _is_consonant(units[k + 1][0]) \
                    and _is_consonant(units[k + 2][0]):
                out = ""  # short before two consonants: 3omrek, 7obbi
            elif unit in _LONG_U:
                out = "و"
                others = _OTHER_MEDIAL_U if unit in ("o", "u") and len(units) >= _SHORT_U_MIN_UNITS else ()
            elif unit == "a" and k == 2 and units[0][0] not in _VOWELS and units[1][0] not in _VOWELS:
                out = "ا"  # 7mar, t3al: a vowel after an initial cluster is long
            else:
                out = ""
                others = _OTHER_MEDIAL.get(unit, ())
        elif unit in _CONSONANTS:
            out = _CONSONANTS[unit]
            if out == prev_consonant and options:
                # a doubled consonant is one letter with shadda, which we drop
                choices, start, _ = options[-1]
                options[-1] = (choices, start, base + j)
                continue
            prev_consonant = out
            others = _OTHER_LETTERS.get(unit, ())
        elif unit == "'":
            out = ""
        else:
            out = unit  # 0 1 4 stay digits
            prev_consonant = ""
        options.append(((out, *others), base + i, base + j))
    return options


def transliterate(word: str, base: int = 0) -> list[Piece]:
    """Arabizi `word` (lower case, no apostrophe at the ends) letter by letter.

    Returns pieces whose ranges are offsets into the word plus `base`.
    """
    return [(choices[0], i, j) for choices, i, j in _unit_options(word, base) if choices[0]]


@lru_cache(maxsize=1 << 16)
def _spelled(word: str) -> tuple[Piece, ...]:
    """`word` in Arabic letters: letter by letter, unless another reading of
    its ambiguous letters (h ه/ح, s س/ص, a first a ا/ع, ...) is a word our
    Arabic-script chat uses SPELLING_MARGIN times as often ("jarraht" جرحت,
    not جرهت; "nas" stays ناس, which is commoner than نص)."""
    options = _unit_options(word)
    base = [choices[0] for choices, _, _ in options]
    ambiguous, spellings = [], 1
    for index, (choices, _, _) in enumerate(options):
        if len(choices) > 1 and spellings * len(choices) <= _MAX_SPELLINGS:
            ambiguous.append(index)
            spellings *= len(choices)
    best, best_count = base, frequency("".join(base))
    needed = SPELLING_MARGIN * max(best_count, 1)
    for picks in product(*(options[index][0] for index in ambiguous)):
        letters = list(base)
        for index, letter in zip(ambiguous, picks):
            letters[index] = letter
        count = frequency("".join(letters))
        if count >= needed and count > best_count:
            best, best_count = letters, count
    return tuple((letter, i, j) for letter, (_, i, j) in zip(best, options) if letter)


def _is_digit_arabizi(word: str) -> bool:
    return (
        _ARABIZI_DIGIT.search(word) is not None
        and _HAS_LETTER.search(word) is not None
        and word not in NOT_ARABIZI
        and _DIGIT_RUN.search(word) is None
        and _UNIT.fullmatch(word) is None
    )


# token kinds
_ARABIC, _STRONG, _YA, _DIGITS, _WEAK, _OTHER, _LOOSE = range(7)
_LATIN_TOKEN = re.compile(r"[a-z0-9']+")
_ARABIC_TOKEN = re.compile(r"[\u0621-\u064a]+")


_LEXICON_WORDS = frozenset(STRONG) | frozenset(WEAK)
# an Arabizi digit touching a letter, or a quote that may hide a word
_MAYBE_DIGITS = re.compile(r"[a-z'][2356789]|[2356789][a-z']")
_HAS_ARABIC = re.compile(r"[\u0621-\u064a]")


@lru_cache(maxsize=1 << 16)
def _kind(word: str) -> int:
    if word in STRONG:
        return _STRONG
    if word.isalpha():
        if word.startswith("ya") and len(word) > 4 and word[2:] in STRONG:
            return _YA
        return _WEAK if word in WEAK else _OTHER
    if _is_digit_arabizi(word):
        return _DIGITS
    return _WEAK if word in WEAK else _OTHER


# English contractions (don't, it's, I'm, you're, we've, I'll, he'd) and
# French elisions (l'école, j'ai, c'est, qu'il): an apostrophe there is not
# an Arabizi letter.
_CONTRACTIONS = frozenset({"t", "s", "m", "re", "ve", "ll", "d"})
_ELISIONS = frozenset({"l", "d", "j", "c", "n", "m", "s", "t", "qu", "jusqu", "lorsqu", "puisqu"})


@lru_cache(maxsize=1 << 16)
def _is_loose(word: str) -> bool:
    """A Latin word that may be Arabizi in an Arabizi message: letters only
    (no code, no number), two or more, and not an English or French word.
    An apostrophe inside it may stand for ع or ء ("ba'at", "t'olli"), as
    Arabizi written without digits does; a contraction or elision is
    English or French."""
    if "'" not in word:
        return len(word) > 1 and word.isalpha() and not is_foreign(word)
    head, _, tail = word.partition("'")
    if tail in _CONTRACTIONS or (head in _ELISIONS and is_foreign(tail.replace("'", ""))):
        return False
    bare = word.replace("'", "")
    return len(bare) > 1 and bare.isalpha() and not is_foreign(bare)


def _count_weak(tokens: list[list]) -> int:
    return sum(1 for token in tokens if token[3] == _WEAK)


def may_change(text: str) -> bool:
    """False when `plan` has nothing to do: no lexicon word, no Arabizi
    digit and no Latin word but English and French ones.  Decided word by
    word (no test looks past a space), so false for a text exactly when
    false for each of its space-separated parts."""
    if _MAYBE_DIGITS.search(text) is not None:
        return True
    words = _LATIN_TOKEN.findall(text)
    return not _LEXICON_WORDS.isdisjoint(words) or any(map(_is_loose, words))


def plan(text: str) -> Iterator[tuple[int, int, list[Piece]]]:
    """Replacements that turn the Arabizi words of `text` into Arabic.

    Yields ``(start, end, pieces)`` in order: characters [start, end) of
    `text` are replaced by the pieces (see `Piece`); characters of the range
    that no piece covers are dropped.
    """
    if not may_change(text):
        return  # no lexicon word, no Arabizi digit: nothing to do (most English)
    tokens: list[list] = []  # [start, end, word, kind, active]
    weak = strong = False
    for match in _LATIN_TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        if "'" in word:
            # quotes around a word are not part of it; 3' 7' 9' 6' are letters
            while word.startswith("'"):
                word = word[1:]
                start += 1
            while word.endswith("'") and not (len(word) > 1 and word[-2] in "3796"):
                word = word[:-1]
                end -= 1
        if not word or word.isdigit():
            continue  # numbers are neither Arabizi nor English context
        kind = _kind(word)
        active = kind == _STRONG or kind == _YA or kind == _DIGITS
        strong = strong or active
        weak = weak or kind == _WEAK
        tokens.append([start, end, word, kind, active])
    loose = [token for token in tokens if token[3] == _OTHER and _is_loose(token[2])]
    # An Arabizi message: a word only Arabizi has, or more words that are
    # neither English nor French than words that are ("wain madrastik").
    arabizi_message = strong or (len(loose) >= 2 and 2 * len(loose) > len(tokens) - _count_weak(tokens))
    if not arabizi_message and not (weak and _HAS_ARABIC.search(text)):
        return
    if arabizi_message:
        # its other words are Arabizi too, unless English or French
        for token in loose:
            token[3] = _LOOSE
            token[4] = True
    if weak:
        # weak words take their neighbours' side, Arabic words included
        arabic = [[m.start(), m.end(), m.group(), _ARABIC, True] for m in _ARABIC_TOKEN.finditer(text)]
        if arabic:
            tokens = sorted(tokens + arabic)
        for order in (tokens, tokens[::-1]):
            previous_active = False
            for token in order:
                if token[3] == _WEAK and previous_active:
                    token[4] = True
                previous_active = token[4]
    for index, (start, end, word, kind, active) in enumerate(tokens):
        if not active or kind == _ARABIC:
            continue
        if kind == _STRONG:
            yield start, end, [(STRONG[word], start, end)]
        elif kind == _YA:
            yield start, end, [("يا", start, start + 2), (" ", start + 2, start + 2),
                               (STRONG[word[2:]], start + 2, end)]
        elif kind == _DIGITS or kind == _LOOSE:
            yield start, end, [(piece, start + i, start + j) for piece, i, j in _spelled(word)]
        else:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if (
                word in ARTICLES
                and following is not None
                and following[4]
                and following[3] != _ARABIC
                and following[0] == end + 1
                and text[end] == " "
            ):
                # "el kalb" -> "الكلب": the space goes with the article
                yield start, end + 1, [(WEAK[word], start, end)]
            else:
                yield start, end, [(WEAK[word], start, end)]
