"""Character tables for `normalize`: look-alike letters, digits and punctuation.

Plain data, one character to a short string.  `normalize` composes these with
camel-tools' alef / alef maksura / teh marbuta normalisation and
dediacritisation into `str.translate` tables, so nothing here is applied on
its own and targets may be written in any Arabic form (أ, ى, ة ...): they are
normalised again when the tables are built.
"""

from __future__ import annotations

# Persian, Urdu, Kurdish, Pashto and Sindhi letters that children's keyboards
# produce instead of the Arabic ones, and old/rare Arabic shapes.
# Dialect choices: چ is written for the Gulf/Iraqi ك pronounced "ch" (چلب =
# كلب, چذاب = كذاب) and گ for the Gulf/Iraqi ق pronounced "g" (گلب = قلب,
# گحبة = قحبة), so they go to ك and ق rather than to ج and ك as a Persian
# reading would have it.
ARABIC_LOOKALIKES: dict[str, str] = {
    "\u06cc": "ي",  # ی Farsi yeh
    "\u06cd": "ي",  # ۍ yeh with tail
    "\u06ce": "ي",  # ێ
    "\u06d0": "ي",  # ې
    "\u06d1": "ي",  # ۑ
    "\u06d2": "ي",  # ے Urdu yeh barree
    "\u06d3": "ي",  # ۓ
    "\u0620": "ي",  # ؠ Kashmiri yeh
    "\u063d": "ي",  # ؽ
    "\u063e": "ي",  # ؾ
    "\u063f": "ي",  # ؿ
    "\u0678": "ي",  # ٸ high hamza yeh
    "\u06a9": "ك",  # ک keheh
    "\u06aa": "ك",  # ڪ swash kaf
    "\u06ab": "ك",  # ګ
    "\u06ac": "ك",  # ڬ
    "\u06ad": "ك",  # ڭ (Maghrebi g)
    "\u06ae": "ك",  # ڮ
    "\u063b": "ك",  # ػ
    "\u063c": "ك",  # ؼ
    "\u06af": "ق",  # گ gaf: Gulf/Iraqi g = ق
    "\u06b0": "ق",  # ڰ
    "\u06b1": "ق",  # ڱ
    "\u06b2": "ق",  # ڲ
    "\u06b3": "ق",  # ڳ
    "\u06b4": "ق",  # ڴ
    "\u06a7": "ق",  # ڧ Maghrebi qaf
    "\u06a8": "ق",  # ڨ Algerian/Tunisian g
    "\u066f": "ق",  # ٯ dotless qaf
    "\u0686": "ك",  # چ tcheh: Gulf/Iraqi ch = ك
    "\u0687": "ج",  # ڇ
    "\u06bf": "ج",  # ڿ
    "\u0683": "ج",  # ڃ
    "\u0684": "ج",  # ڄ
    "\u06c1": "ه",  # ہ heh goal
    "\u06c2": "ه",  # ۂ
    "\u06c0": "ه",  # ۀ
    "\u06be": "ه",  # ھ heh doachashmee
    "\u06d5": "ه",  # ە Kurdish ae
    "\u06ff": "ه",  # ۿ
    "\u06c3": "ة",  # ۃ teh marbuta goal
    "\u067e": "ب",  # پ peh
    "\u066e": "ب",  # ٮ dotless beh
    "\u067b": "ب",  # ٻ
    "\u0680": "ب",  # ڀ
    "\u0679": "ت",  # ٹ tteh
    "\u067a": "ت",  # ٺ
    "\u067c": "ت",  # ټ
    "\u067f": "ت",  # ٿ
    "\u067d": "ث",  # ٽ
    "\u0688": "د",  # ڈ ddal
    "\u0689": "د",  # ډ
    "\u068a": "د",  # ڊ
    "\u068b": "د",  # ڋ
    "\u068c": "د",  # ڌ
    "\u068d": "د",  # ڍ
    "\u068e": "د",  # ڎ
    "\u068f": "د",  # ڏ
    "\u0690": "د",  # ڐ
    "\u06ee": "د",  # ۮ
    "\u0691": "ر",  # ڑ rreh
    "\u0692": "ر",  # ڒ
    "\u0693": "ر",  # ړ
    "\u0694": "ر",  # ڔ
    "\u0695": "ر",  # ڕ Kurdish
    "\u0696": "ر",  # ږ
    "\u06ef": "ر",  # ۯ
    "\u0698": "ز",  # ژ jeh
    "\u0697": "ز",  # ڗ
    "\u0699": "ز",  # ڙ
    "\u069a": "س",  # ښ
    "\u069b": "س",  # ڛ
    "\u069c": "ش",  # ڜ
    "\u06fa": "ش",  # ۺ
    "\u069d": "ص",  # ڝ
    "\u06fb": "ص",  # ۻ
    "\u069e": "ض",  # ڞ
    "\u06fc": "ض",  # ۼ
    "\u069f": "ظ",  # ڟ
    "\u06a0": "غ",  # ڠ
    "\u0681": "خ",  # ځ
    "\u0682": "خ",  # ڂ
    "\u0685": "خ",  # څ
    "\u06a1": "ف",  # ڡ dotless feh
    "\u06a2": "ف",  # ڢ Maghrebi feh
    "\u06a3": "ف",  # ڣ
    "\u06a4": "ف",  # ڤ veh
    "\u06a5": "ف",  # ڥ
    "\u06a6": "ف",  # ڦ
    "\u06b5": "ل",  # ڵ
    "\u06b6": "ل",  # ڶ
    "\u06b7": "ل",  # ڷ
    "\u06b8": "ل",  # ڸ
    "\u06fe": "م",  # ۾
    "\u06b9": "ن",  # ڹ
    "\u06ba": "ن",  # ں noon ghunna
    "\u06bb": "ن",  # ڻ
    "\u06bc": "ن",  # ڼ
    "\u06bd": "ن",  # ڽ
    "\u06c4": "و",  # ۄ
    "\u06c5": "و",  # ۅ
    "\u06c6": "و",  # ۆ
    "\u06c7": "و",  # ۇ
    "\u06c8": "و",  # ۈ
    "\u06c9": "و",  # ۉ
    "\u06ca": "و",  # ۊ
    "\u06cb": "و",  # ۋ
    "\u06cf": "و",  # ۏ
    "\u0676": "و",  # ٶ
    "\u0677": "و",  # ٷ
    "\u0671": "ا",  # ٱ alef wasla
    "\u0672": "ا",  # ٲ
    "\u0673": "ا",  # ٳ
    "\u0675": "ا",  # ٵ
    "\u06fd": "ء",  # ۽
    "\u0674": "",   # ٴ high hamza: a mark, dropped
}

# Cyrillic and Greek letters that look like Latin ones (lower case: the
# table is applied after lower-casing).  Used to hide English or Arabizi
# words from keyword filters: "ѕhаrmооtа", "ѕеnd nudеѕ".
LATIN_LOOKALIKES: dict[str, str] = {
    # Cyrillic
    "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "ё": "e", "һ": "h", "і": "i",
    "ї": "i", "ј": "j", "к": "k", "ӏ": "l", "м": "m", "н": "h", "о": "o", "р": "p",
    "ԛ": "q", "г": "r", "ѕ": "s", "т": "t", "у": "y", "ү": "y", "х": "x", "ԝ": "w",
    "ь": "b", "ʙ": "b", "ɡ": "g",
    # Greek
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w",
    # Latin letters with no Arabic or English reading of their own
    "ı": "i", "ȷ": "j", "ſ": "s",
}

# Arabic-Indic and Extended (Persian/Urdu) Arabic-Indic digits.
DIGITS: dict[str, str] = {
    **{chr(0x0660 + n): str(n) for n in range(10)},
    **{chr(0x06F0 + n): str(n) for n in range(10)},
}

# Arabic punctuation to its ASCII counterpart, so tokenisers and n-grams see
# one comma, one question mark.
PUNCTUATION: dict[str, str] = {
    "،": ",", "؍": ",", "٬": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "۔": ".",
    "٭": "*", "⸮": "?",
}

# Inside an Arabic word (an Arabic letter on both sides; digits are already
# ASCII) a digit or Latin letter stands for a letter: by shape (l 1 | = ا,
# o 0 = و) or by its Arabizi value (3 = ع, 7 = ح, 5 = خ ...): "شرمoطة",
# "ش3ر".  Arabic-Indic ٥ becomes 5 first and so خ, as in ٥٥٥ = خخخ laughter.
IN_ARABIC_WORD: dict[str, str] = {
    "l": "ا", "1": "ا", "|": "ا",
    "o": "و", "0": "و",
    "2": "ق", "3": "ع", "5": "خ", "6": "ط", "7": "ح", "8": "ق", "9": "ق",
}
