"""Names in Persian text: titles before names, the name dictionary, organisation words and the
gazetteer. Matching runs on a copy of the text with Arabic ي/ك folded to Persian ی/ک character by
character, so offsets into the copy are offsets into the original."""

from __future__ import annotations

import re

from dadkhah.accounts.mentions.lexicon import given_names, iran_places, surnames
from dadkhah.model.accounts import Mention

__all__ = ["fold", "persian_names"]

_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "ۀ": "ه"})
_WORD = re.compile(r"[\u0621-\u065F\u0670-\u06D3\u06FA-\u06FF\u200c]+")
_TITLES = {
    "آیت‌الله",
    "آیت‌اله",
    "آیت",
    "حجت‌الاسلام",
    "آقای",
    "خانم",
    "دکتر",
    "سرهنگ",
    "سردار",
    "سرلشکر",
    "سرتیپ",
    "دادستان",
    "دادیار",
    "قاضی",
    "رئیس‌جمهور",
    "رییس‌جمهور",
    "وزیر",
    "نماینده",
    "شیخ",
    "سید",
    "امام",
    "حاج",
    "زنده‌یاد",
    "شهید",
    "جلاد",
}
_ORG_START = {
    "سازمان",
    "وزارت",
    "دادگاه",
    "سپاه",
    "کمیته",
    "هیئت",
    "هیات",
    "شورای",
    "دادستانی",
    "دیوان",
    "مجلس",
    "حزب",
    "دفتر",
    "نهاد",
    "قوه",
    "بنیاد",
    "مرکز",
    "کانون",
    "انجمن",
    "عفو",
    "سازمان‌ملل",
}
_PLACE_START = {"زندان", "گورستان", "قبرستان", "خاوران", "استان", "شهر"}
_STOP = {
    "و",
    "در",
    "به",
    "از",
    "که",
    "را",
    "با",
    "این",
    "آن",
    "برای",
    "تا",
    "یا",
    "هم",
    "نیز",
    "بود",
    "است",
    "شد",
    "کرد",
    "های",
    "ها",
    "می",
    "بر",
    "اما",
    "پس",
    "چون",
    "سال",
    "روز",
    "ماه",
    "هر",
    "همه",
    "او",
    "وی",
}
_COUNTRIES = {
    "ایران",
    "سوئد",
    "آلبانی",
    "عراق",
    "فرانسه",
    "آلمان",
    "انگلیس",
    "بریتانیا",
    "آمریکا",
    "امریکا",
    "ترکیه",
    "افغانستان",
    "استکهلم",
    "لندن",
    "پاریس",
    "ژنو",
    "برلین",
    "بغداد",
    "تیرانا",
    "اروپا",
    "کانادا",
    "هلند",
    "نروژ",
    "دانمارک",
    "سوئیس",
    "اتریش",
    "روسیه",
    "پاکستان",
    "کردستان",
    "لاهه",
}


def fold(text: str) -> str:
    """The text with Arabic letter forms folded to Persian ones; same length, same offsets."""
    return text.translate(_FOLD)


def _places() -> set[str]:
    return {k for k in iran_places() if _WORD.fullmatch(k.replace(" ", ""))} | _COUNTRIES


def persian_names(text: str) -> list[Mention]:
    folded = fold(text)
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(folded)]
    given, sur, places = given_names(), surnames(), _places()
    out: list[Mention] = []

    def joined(a: int, b: int) -> bool:
        return folded[words[a][2] : words[b][1]] in {" ", "\u200c"}

    i = 0
    while i < len(words):
        w, s, _ = words[i]
        if w in _TITLES or (
            w == "آیت" and i + 1 < len(words) and words[i + 1][0] in {"الله", "اله"}
        ):
            j = i + (2 if w == "آیت" else 1)
            while j < len(words) and words[j][0] in _TITLES and joined(j - 1, j):
                j += 1
            k = j
            if j < len(words) and (
                words[j][0] in places or words[j][0] in _STOP or words[j][0] in _ORG_START
            ):
                k = len(words) + 1  # "دادستان تهران": a role, not a name
            while (
                k < len(words)
                and k - j < 3
                and words[k][0] not in _STOP
                and joined(k - 1, k)
                and (k == j or words[k][0] in sur or words[k][0] in given or k - j < 2)
            ):
                k += 1
            if j < k <= len(words):
                a, b = words[j][1], words[k - 1][2]
                out.append(
                    Mention(
                        "person", text[a:b], a, b, "title", (), {"role": text[s : words[j - 1][2]]}
                    )
                )
                i = k
                continue
        if w in _ORG_START:
            k = i + 1
            while k < len(words) and k - i <= 3 and words[k][0] not in _STOP and joined(k - 1, k):
                k += 1
            if k > i + 1:
                a, b = s, words[k - 1][2]
                out.append(Mention("organization", text[a:b], a, b, "organisation word"))
                i = k
                continue
        if (
            w in _PLACE_START
            and i + 1 < len(words)
            and words[i + 1][0] not in _STOP
            and joined(i, i + 1)
        ):
            b = words[i + 1][2]
            out.append(Mention("place", text[s:b], s, b, "place word"))
            i += 2
            continue
        two = f"{w} {words[i + 1][0]}" if i + 1 < len(words) else ""
        if two and two in places and joined(i, i + 1):
            b = words[i + 1][2]
            out.append(Mention("place", text[s:b], s, b, "gazetteer"))
            i += 2
            continue
        if w in places:
            out.append(Mention("place", text[s : words[i][2]], s, words[i][2], "gazetteer"))
            i += 1
            continue
        if w in given and i + 1 < len(words) and joined(i, i + 1):
            k = i + 1
            while (
                k < len(words)
                and k - i <= 2
                and words[k][0] in given
                and k + 1 < len(words)
                and joined(k, k + 1)
            ):
                k += 1
            if k < len(words) and (
                words[k][0] in sur
                or (
                    words[k][0] not in _STOP
                    and words[k][0] not in _TITLES
                    and words[k][0] not in _ORG_START
                    and words[k][0] not in _PLACE_START
                    and words[k][0] not in places
                    and len(words[k][0]) > 2
                )
            ):
                b = words[k][2]
                out.append(Mention("person", text[s:b], s, b, "name dictionary"))
                i = k + 1
                continue
        i += 1
    return out
