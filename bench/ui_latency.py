"""How responsive the window stays while a big export is imported.

    QT_QPA_PLATFORM=offscreen python bench/ui_latency.py [--messages 100000]

Writes a WhatsApp export of N messages into a temporary folder, opens the
main window on a throwaway store, drops the file on it (the import wizard
runs the import off the GUI thread), and meanwhile a 5 ms QTimer probes the
event loop.  Prints the worst and the 99th-percentile gap between probes
beyond the timer interval (the stall a parent would feel); the target is
under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def write_export(path: Path, count: int) -> None:
    senders = ["Sami", "Reem", "Omar", "Lina"]
    with path.open("w", encoding="utf-8") as f:
        for i in range(count):
            day, minute = 1 + (i // 1440) % 28, i % 1440
            f.write(f"{day:02d}/03/2024, {minute // 60:02d}:{minute % 60:02d} - "
                    f"{senders[i % 4]}: رسالة رقم {i} عن الواجب والمدرسة\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="guardian-bench-") as tmp:
        from guardian import paths
        paths.init(Path(tmp) / "home")
        from PySide6.QtCore import QElapsedTimer, QTimer
        from guardian.settings import Settings
        from guardian.store.database import Store, Unlock
        from guardian.ui.app import Session, create_application
        from guardian.ui.main_window import MainWindow
        from guardian.ui.wizard import P_CHILD

        export = Path(tmp) / "WhatsApp Chat with Sami.txt"
        write_export(export, args.messages)
        app = create_application()
        settings = Settings(paths.locations().settings_file)
        session = Session(app, settings, "ar")
        store = Store.open(Path(tmp) / "bench.sqlite3", Unlock(ephemeral=True))
        window = MainWindow(store, session.switch_language, "ar", settings=settings)
        window.show()

        gaps: list[float] = []
        clock = QElapsedTimer()
        probe = QTimer()
        probe.setInterval(5)

        def tick() -> None:
            gaps.append(max(0.0, clock.restart() - probe.interval()))

        probe.timeout.connect(tick)
        started = time.perf_counter()
        wizard = window.open_import([export])
        clock.start()
        probe.start()
        done = QTimer()
        done.setInterval(20)
        done.timeout.connect(lambda: app.quit() if wizard.currentId() == P_CHILD
                             or wizard.run_page.outcome is not None and wizard.run_page.outcome.error else None)
        done.start()
        app.exec()
        elapsed = time.perf_counter() - started
        probe.stop()
        outcome = wizard.run_page.outcome
        imported = outcome.report.added if outcome and outcome.report else 0
        window.close()
        store.close()
        gaps.sort()
        worst = gaps[-1] if gaps else 0.0
        p99 = gaps[int(len(gaps) * 0.99)] if gaps else 0.0
        print(f"imported {imported} messages in {elapsed:.1f} s")
        print(f"event-loop probes: {len(gaps)}; worst stall {worst:.0f} ms; 99th percentile {p99:.0f} ms "
              f"(target < 100 ms): {'OK' if worst < 100 else 'TOO SLOW'}")
        return 0 if worst < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
