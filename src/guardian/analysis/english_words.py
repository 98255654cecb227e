"""Words that are not Arabizi: English (and the French that Maghrebi chat
mixes in), so that `arabizi` may read every other Latin word of an Arabizi
message as Arabic.

Teenagers write most Arabizi without digits ("shoof wjhk", "wain
madrastik", "kam 3omrk"): a word list of Arabizi spellings can never
hold them all, while English is a closed list we can ship.  The English
list is SCOWL as Debian's wamerican package ships it (permissive licence,
in data/english_words-COPYRIGHT.txt), lower-case words of 2-12 letters
(proper names are capitalised there and left out: "ahmed" is Arabizi).
Chat-speak and the French of Maghrebi chat are listed here.

    python -m guardian.analysis.english_words /usr/share/dict/american-english

rewrites data/english_words.txt from a wamerican word list.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "english_words.txt"
_WORD = re.compile(r"[a-z]{2,12}")
_HEADER = ("# English words (lower case, 2-12 letters) from SCOWL as Debian's wamerican 2020.12.07 ships it\n"
           "# (/usr/share/dict/american-english); see english_words-COPYRIGHT.txt.  Regenerate with\n"
           "# `python -m guardian.analysis.english_words /usr/share/dict/american-english`.\n")

# English as chats write it, and loanwords, that the dictionary lacks.
CHAT = frozenset(
    "lol lmao lmfao rofl omg omfg wtf idk idc ikr imo imho tbh btw brb gtg ttyl np thx thnx ty tysm pls plz "
    "ppl bc cuz coz cus tho thru ur u r ya yeah yea yep yup nah nope ok okay okey kk haha hahaha hehe hihi "
    "bruh bro bros sis fam dude guys gurl lil noob noobs nub pro gg ez wp afk lag laggy op nerf buff "
    "sus fr ngl smh fyi asap dm dms pm msg msgs pic pics pix vid vids selfie selfies insta ig snap "
    "snapchat tiktok tiktoker youtube youtuber yt fb whatsapp telegram discord roblox fortnite pubg minecraft "
    "freefire fifa ps xbox wifi app apps emoji emojis online offline gamer gamers streamer stream streams "
    "vlog vlogger blog blogger hashtag followers follower unfollow repost reels reel story stories live "
    "spam spammer hacker hack hacked hacking admin admins mod mods bot bots ai gpt chatgpt google gmail "
    "iphone android samsung ipad laptop pc wallet cash uc robux vbucks skin skins emote emotes lobby squad "
    "duo solo rank ranked clan noobz bestie besties bff crush cringe vibe vibes slay queen babe baby "
    "cute sweetie honey hun hubby wifey mom mommy dad daddy bday xoxo xo omw otw wyd hbu wbu ily ilysm "
    "jk lowkey highkey goat".split()
)

# The French of Maghrebi chat ("tout le monde", "les filles", "si tu bloques").
FRENCH = frozenset(
    "le la les un une des du de au aux et ou mais donc car ni que qui quoi quand comment pourquoi "
    "je tu il elle on nous vous ils elles moi toi lui eux mon ma mes ton ta tes son sa ses notre votre "
    "leur leurs ce cette ces cet est sont suis es sommes etes ai as avons avez ont fait faire va vais "
    "vas allez pas plus tres trop bien mal encore toujours jamais rien tout tous toute toutes monde "
    "avec sans pour par dans sur sous chez entre vers si oui non merci bonjour bonsoir salut bisous "
    "fille filles garcon garcons frere soeur mere pere famille ecole classe prof copain copine ami amie "
    "amis photo photos compte groupe portable telephone message messages video videos bloque bloques "
    "supprime supprimer publier envoie envoyer appelle demain aujourd hier maintenant apres avant "
    "vraiment grave genre trucs truc cest jsuis chui wesh".split()
)


@lru_cache(maxsize=1)
def english() -> frozenset[str]:
    with open(DATA, encoding="utf-8") as f:
        return frozenset(line.rstrip("\n") for line in f if not line.startswith("#"))


def is_foreign(word: str) -> bool:
    """True for an English or French word (lower case): never read as Arabizi
    unless an Arabizi spelling list says so."""
    return word in CHAT or word in FRENCH or word in english()


def write(dictionary: Path, out: Path = DATA) -> int:
    """Rewrite the English list from a wamerican word list; how many words."""
    words = sorted({w.strip() for w in dictionary.read_text(encoding="utf-8").splitlines()
                    if _WORD.fullmatch(w.strip())})
    out.write_text(_HEADER + "\n".join(words) + "\n", encoding="utf-8")
    return len(words)


if __name__ == "__main__":
    print(write(Path(sys.argv[1])), "words")
