"""The printed docket sheet of an investigation carries its status history and its notes,
each with its source, and says the stage is "as reported" when a report is what it is known
from (the demo's anchor matter, whose sheet used to be blank past its caption)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from db.sheet import render_docket_sheet
from db.store import Store
from docket.clock import Clock
from docket.models import Case, CaseKind, PartyRole
from fixtures.demo import ANCHOR_NUMBER, load_demo


def test_the_anchor_sheet_prints_its_history_and_sourced_notes(tmp_path: Path) -> None:
    with Store.open(tmp_path / "demo.db", clock=Clock(date(2026, 11, 25)), user="t") as store:
        load_demo(store)
        anchor = store.find_case(ANCHOR_NUMBER)
        assert anchor.id is not None
        html = render_docket_sheet(store, anchor.id)
    stage = html[html.index("<dt>Stage</dt>") : html.index("<dt>Opened</dt>")]
    assert "active" in stage
    assert "as reported 2022-01-06 (CinemaBlend, Mike Reyes, January 2022)" in stage
    history = html[html.index('<section class="history">') : html.index('<section class="notes">')]
    assert "<td>2021-10-21</td><td>opened: intake</td><td>Opened in docket</td>" in history
    assert "<td>2022-01-03</td><td>intake → active</td>" in history
    assert "Investigation continuing, as reported in early January 2022." in history
    assert '<div class="reported">as reported 2022-01-06</div>' in history
    notes = html[html.index('<section class="notes">') :]
    assert notes.count("<tr><td>2022-01-0") == 4
    assert "Schneider" in notes and notes.count("CinemaBlend, Mike Reyes, January 2022") == 4
    # Oldest first, as a record reads.
    assert notes.index("2022-01-03") < notes.index("2022-01-06")


def test_a_case_against_two_defendants_prints_where_each_stands(store: Store) -> None:
    case = store.add_case(
        Case(
            number="D-1-CR-1",
            title="State v. Ames & Bell",
            kind=CaseKind.CRIMINAL,
            opened_on=date(2026, 1, 2),
        )
    )
    assert case.id is not None
    ames, _ = store.add_party(case.id, "Ames <Jr.>", PartyRole.DEFENDANT)
    store.add_party(case.id, "Bell", PartyRole.DEFENDANT)
    store.change_stage(case.id, "arraigned", on=date(2026, 1, 5))
    assert ames.id is not None
    store.change_party_stage(case.id, ames.id, "plea", on=date(2026, 2, 1), source="Minutes")
    html = render_docket_sheet(store, case.id)
    defendants = html[html.index('<section class="defendants">') :]
    assert "<td>Ames &lt;Jr.&gt;</td><td>plea</td><td></td><td>2026-02-01</td>" in defendants
    assert "<td>Bell</td><td>arraigned (with the case)</td>" in defendants
    assert "<td>2026-02-01</td><td>Ames &lt;Jr.&gt;: arraigned → plea</td>" in html
    assert "<p>No notes.</p>" in html


def test_defendants_stages_and_their_history_survive_a_json_round_trip(
    store: Store, tmp_path: Path
) -> None:
    import json

    from db.export import dumps, export_json, import_json

    case = store.add_case(
        Case(
            number="D-1-CR-2",
            title="State v. Cole",
            kind=CaseKind.CRIMINAL,
            opened_on=date(2026, 1, 2),
        )
    )
    assert case.id is not None
    cole, _ = store.add_party(case.id, "Cole", PartyRole.DEFENDANT)
    store.add_party(case.id, "Dunn", PartyRole.DEFENDANT)
    assert cole.id is not None
    store.change_stage(case.id, "arraigned", on=date(2026, 1, 5), reported_on=date(2026, 1, 7))
    store.change_party_stage(case.id, cole.id, "plea", on=date(2026, 2, 1))
    text = dumps(export_json(store, [case.id]))
    with Store.open(tmp_path / "other.db", clock=store.clock, user="t") as other:
        report = import_json(other, json.loads(text))
        copied = report.case_id
        assert copied is not None
        assert {d.name: d.stage for d in other.defendants(copied)} == {"Cole": "plea", "Dunn": None}
        steps = [(h.party, h.to_stage, h.reported_on) for h in other.status_history(copied)]
        assert steps[1:] == [(None, "arraigned", date(2026, 1, 7)), ("Cole", "plea", None)]
