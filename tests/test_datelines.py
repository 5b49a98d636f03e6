"""One reading of a document's datelines (claimcheck.find.datelines), shared by the frames and the officeholder
judge. The sentences are written for this file."""

from __future__ import annotations

from claimcheck.find import datelines as D


def _codes(text: str) -> list[tuple[str, str | None]]:
    return [(text[d.places[0][0]:d.places[0][1]], d.code) for d in D.read(text)]


def test_a_line_that_opens_with_a_place_and_a_separator_is_a_dateline():
    assert _codes("भोपाल, 3 जून (ब्यूरो)। राज्य में बारिश हुई।") == [("भोपाल", "IN-MP")]
    assert _codes("GUWAHATI: The rains came early this year.") == [("GUWAHATI", "IN-AS")]
    assert _codes("Tea prices rose.\nPatna - Farmers met on Monday.") == [("Patna", "IN-BR")]


def test_two_places_of_two_states_decide_no_state():
    (d,) = D.read("Mumbai/Chennai: Two ports reported record traffic.")
    assert d.code is None and len(d.places) == 2


def test_a_place_followed_by_its_date_or_an_agency_also_opens_one():
    assert _codes("इंदौर 12 मई (वार्ता) शहर में मेला लगा।") == [("इंदौर", "IN-MP")]
    assert _codes("नयी दिल्ली, 9 जुलाई (भाषा) बैठक हुई।")[0][1] == "IN-DL"


def test_a_place_in_running_text_is_not_a_dateline():
    text = "बैठक में भोपाल, इंदौर और ग्वालियर के व्यापारी आए।"
    assert D.read(text) == ()
    assert not D.place_at(text, text.index("भोपाल"), text.index("भोपाल") + len("भोपाल"))


def test_place_and_date_of_a_dateline_are_known_by_their_offsets():
    text = "जयपुर, 14 फरवरी (भाषा) राज्य में 20 लाख इकाइयां हैं।"
    assert D.place_at(text, 0, len("जयपुर"))
    d0 = text.index("14 फरवरी")
    assert D.date_at(text, d0, d0 + len("14 फरवरी"))
    later = "उन्होंने कहा कि 14 फरवरी को बैठक होगी।"
    assert not D.date_at(later, later.index("14"), later.index("14") + len("14 फरवरी"))
