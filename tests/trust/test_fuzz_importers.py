"""Fuzz every registered importer through the real import entry point.

The importer list is read from `registry.IMPORTER_MODULES` when the tests
are collected, so a newly registered importer is fuzzed without touching
this file; its seeds are the fixtures its sniffer claims (see
`fuzz_targets`).  `GUARDIAN_FUZZ_EXAMPLES` sets the cases per importer
(default keeps the whole module within about 3 minutes on 2 cores);
`bench/fuzz.py` runs the same targets for much longer.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fuzz_targets import Outcome, registered_modules, run_case, seeds_for, signature
from hypothesis import HealthCheck, given, settings

from guardian.importers import registry

EXAMPLES = int(os.environ.get("GUARDIAN_FUZZ_EXAMPLES", "100"))


@pytest.mark.parametrize("module_name", registered_modules())
def test_fuzz_importer(module_name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    from fuzz_targets import hypothesis_strategy
    seeds = seeds_for(module_name)
    workdir = tmp_path_factory.mktemp(f"fuzz-{module_name}")
    outcomes: list[Outcome] = []

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(hypothesis_strategy(seeds))
    def fuzz(case: tuple[Path | None, bytes]) -> None:
        seed, data = case
        outcomes.append(run_case(module_name, seed, data, workdir))

    fuzz()
    bugs = [o for o in outcomes if o.is_bug]
    distinct: dict[str, Outcome] = {}
    for bug in bugs:
        distinct.setdefault(signature(bug), bug)
    summary = (f"{module_name}: {len(outcomes)} cases from {len(seeds)} seed(s), "
               f"{sum(o.kind == 'ok' for o in outcomes)} imported, "
               f"{sum(o.kind == 'refused' for o in outcomes)} refused, {len(bugs)} bugs")
    print(summary)
    assert not bugs, summary + "\n\n" + "\n\n".join(
        f"{sig}\n  input saved to {bug.saved}\n{bug.detail[-2000:]}" for sig, bug in distinct.items())


def test_every_registered_importer_has_a_seed() -> None:
    """A registered importer without a fixture it claims is fuzzed with
    random bytes only: add a fixture under tests/fixtures/<format>/."""
    missing = [m for m in registry.IMPORTER_MODULES if not seeds_for(m)]
    assert missing == []
