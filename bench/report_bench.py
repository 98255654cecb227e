"""Speed and peak memory of the report writers on a big case.

    python bench/report_bench.py [--messages 100000] [--findings 2000] [--formats json,csv,html,pdf,bundle]

Builds a synthetic Arabic conversation of `--messages` messages with
`--findings` findings (context: three messages before and three after,
explanations with cited steps, evidence lines), then writes each format in
its own subprocess and prints the seconds spent writing and the peak
resident memory of that process (resource.getrusage, including building
the document).  Target: every format under 30 s and under 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from guardian.reports.document import (  # noqa: E402
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
)

CHILD = "سارة"
OTHERS = ["ريم العتيبي", "نوف", "هند", "+966 55 123 4567", "Kh4lid_99", "جود", "لمى", "شهد"]
WORDS = ("والله الحين بكرة المدرسة القروب الواجب الاختبار ليش كذا تعالي شوفي هذا صورة ضحك "
         "حلو مرة يا بنات وين انتي صح خلاص اوكي طيب ابي اروح البيت نلعب فورتنايت ok lol gg 😂 👍 "
         "١٢ 30 أستاذة الفصل الرياضيات العلوم الفسحة").split()
HARMFUL = [
    ("انتي غبية ومحد يبيك في القروب", "غبية", "insult", "medium"),
    ("والله لأوريك بكرة بعد المدرسة", "لأوريك بكرة", "threat", "high"),
    ("خلي كلامنا سر بيني وبينك ولا تقولين لأهلك", "سر بيني وبينك", "grooming", "high"),
    ("ابعتيلي صورة لك الحين", "ابعتيلي صورة", "sexual", "critical"),
    ("اذا ما دفعتي بنشر صورتك عند الكل", "بنشر صورتك", "blackmail", "critical"),
    ("طلعوها من القروب لا احد يكلمها", "طلعوها من القروب", "exclusion", "medium"),
]
STEPS = [
    Step("الهدوء أولًا، ثم شكر طفلك على إخبارك، والتأكيد أن اللوم على من آذاه لا عليه.",
         "NCMEC", "https://www.missingkids.org/gethelpnow"),
    Step("احفظ الأدلة: لقطات شاشة تُظهر الاسم والوقت، ولا تحذف المحادثة.",
         "eSafety Commissioner", "https://www.esafety.gov.au/parents"),
    Step("تواصل مع المرشد الطلابي في المدرسة وشارك هذا التقرير.", "UNICEF", ""),
    Step("في التهديد أو الابتزاز: بلّغ الشرطة، ولا تدفع شيئًا ولا ترسل صورًا.", "FBI", "https://www.fbi.gov"),
]


def build_document(n_messages: int, n_findings: int, seed: int = 7) -> ReportDocument:
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=3)))
    source = "ab" * 32
    every = max(1, n_messages // max(1, n_findings))
    harmful_at = {i * every + every // 2: HARMFUL[i % len(HARMFUL)] for i in range(n_findings)}
    messages = []
    for i in range(n_messages):
        when = (start + timedelta(seconds=97 * i)).isoformat()
        if i in harmful_at:
            sender = OTHERS[i % len(OTHERS)]
            text = harmful_at[i][0]
        else:
            sender = CHILD if rng.random() < 0.3 else rng.choice(OTHERS)
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 18)))
        messages.append((sender, when, text))
    findings = []
    for pos, (_, word, label, severity) in sorted(harmful_at.items()):
        sender, when, text = messages[pos]
        at = text.index(word)
        ctx = tuple(ContextMessage(s, t, x, s == CHILD)
                    for s, t, x in messages[max(0, pos - 3):pos] + messages[pos + 1:pos + 4])
        d = datetime.fromisoformat(when)
        findings.append(Finding(
            id=f"f{pos}", conversation="c1", sender=sender, time=when, text=text, labels=(label,),
            severity=severity, spans=(Span(at, at + len(word), label),),
            explanation=Explanation(
                f"رسالة من {sender} فيها {word}", "هذا النوع من الرسائل يؤذي الطفل ويستحق الانتباه.",
                "تكرر من المرسل نفسه خلال الأسبوع.", tuple(STEPS[: 2 + pos % 3])),
            context=ctx, review=Review("new", ""),
            evidence=Evidence(source, f"[{d:%d/%m/%Y, %H:%M:%S}] {sender}: {text}", pos + 1)))
    summary = Summary(Period(messages[0][1], messages[-1][1]), tuple(OTHERS),
                      {h[2]: n_findings // len(HARMFUL) for h in HARMFUL},
                      {"critical": n_findings // 3, "high": n_findings // 3, "medium": n_findings // 3},
                      ("تنمر متكرر", "تهديد وابتزاز"), tuple(f.id for f in findings[:3]), n_messages)
    return ReportDocument(
        ReportMeta("GRD-BENCH-0001", start.isoformat(), "0.1.0", "ar"), CHILD,
        (Source("/tmp/bench/chat.txt", source, "whatsapp", start.isoformat(), "whatsapp-txt 1"),),
        (Conversation("c1", "الصف الثاني متوسط ب", (CHILD, *OTHERS), summary),),
        tuple(findings),
        (Helpline("SA", "خط مساندة الطفل", "116111", "", "NFSP", "2026-11-24"),))


def run_one(fmt: str, out: Path, n_messages: int, n_findings: int) -> dict[str, float]:
    from guardian import paths
    t0 = time.perf_counter()
    doc = build_document(n_messages, n_findings)
    built = time.perf_counter() - t0
    if fmt == "json":
        from guardian.reports.json_report import write_json as write
    elif fmt == "csv":
        from guardian.reports.csv_report import write_csv as write
    elif fmt == "html":
        from guardian.reports.html_report import write_html as write
    elif fmt == "pdf":
        from guardian.reports.pdf_report import write_pdf as write
    elif fmt == "bundle":
        from guardian.reports.bundle import write_bundle as write
    else:
        raise SystemExit(f"unknown format {fmt}")
    assert paths.assets_dir().is_dir()
    target = out / f"report.{ 'zip' if fmt == 'bundle' else fmt}"
    t1 = time.perf_counter()
    write(doc, target)
    seconds = time.perf_counter() - t1
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"build_s": round(built, 2), "write_s": round(seconds, 2), "peak_mb": round(peak_kb / 1024, 1),
            "size_mb": round(target.stat().st_size / 1e6, 2), "findings": len(doc.findings)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--findings", type=int, default=2_000)
    parser.add_argument("--formats", default="json,csv,html,pdf,bundle")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, Path(args.out), args.messages, args.findings)))
        return
    print(f"{args.messages:,} messages, {args.findings:,} findings")
    print(f"{'format':8} {'write s':>8} {'peak MB':>8} {'size MB':>8} {'build s':>8}")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            proc = subprocess.run(
                [sys.executable, __file__, "--one", fmt, "--out", tmp, "--messages", str(args.messages),
                 "--findings", str(args.findings)],
                capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
            if proc.returncode:
                print(f"{fmt:8} FAILED\n{proc.stderr}")
                failed = True
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            ok = r["write_s"] < 30 and r["peak_mb"] < 500
            failed |= not ok
            print(f"{fmt:8} {r['write_s']:8.2f} {r['peak_mb']:8.1f} {r['size_mb']:8.2f} {r['build_s']:8.2f}"
                  f"{'' if ok else '  OVER TARGET'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
