"""Counts read as a parent would say them: Arabic words a count one way for
1, another for 2, for 3 to 10, for 11 to 99 and for 100 or more ("تنبيه
واحد", "تنبيهان", "٥ تنبيهات", "١١ تنبيهًا"), English for 1 and the rest."""

from __future__ import annotations

import pytest

from .conftest import window_language
from .test_findings_loading import add_findings

ARABIC = {
    1: ("أهلًا بك. تنبيه واحد يحتاج إلى انتباهك.", "يُعرض ١ من تنبيه واحد"),
    2: ("أهلًا بك. تنبيهان يحتاجان إلى انتباهك.", "يُعرض ٢ من تنبيهين"),
    5: ("أهلًا بك. ٥ تنبيهات تحتاج إلى انتباهك.", "يُعرض ٥ من ٥ تنبيهات"),
    11: ("أهلًا بك. ١١ تنبيهًا تحتاج إلى انتباهك.", "يُعرض ١١ من ١١ تنبيهًا"),
    103: ("أهلًا بك. ١٠٣ تنبيهات تحتاج إلى انتباهك.", "يُعرض ١٠٣ من ١٠٣ تنبيهات"),
}
ENGLISH = {
    1: ("Welcome. 1 finding needs your attention.", "1 of 1 finding shown"),
    5: ("Welcome. 5 findings need your attention.", "5 of 5 findings shown"),
}


@pytest.mark.parametrize("lang,count", [("ar", n) for n in ARABIC] + [("en", n) for n in ENGLISH])
def test_finding_counts_are_worded_for_the_number(qtbot, window, store, lang, count) -> None:
    add_findings(store, count, "chat")
    with qtbot.waitSignal(window.findings_loaded, timeout=20000):
        window.refresh()
    with window_language(qtbot, window, lang):
        welcome, shown = (ARABIC if lang == "ar" else ENGLISH)[count]
        assert window.dashboard.since.text() == welcome
        assert window.findings.count.text() == shown
