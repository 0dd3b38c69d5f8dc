"""The accounts commands, in process: import, chain, timeline, entity/claim add-list-show, extract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dadkhah.cli import main

DATA = Path(__file__).parent / "data"
ARTICLES = Path(__file__).parent / "articles"


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> object:
    capsys.readouterr()
    code = main(argv)
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    path = tmp_path / "case"
    assert main(["init", str(path)]) == 0
    assert main(["accounts", "import", str(path), str(DATA / "fixture.json")]) == 0
    return path


def test_chain_and_timeline_json(case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ch = _json(
        capsys, ["chain", str(case_dir), "Northern Commission", "--date", "1988-08-15", "--json"]
    )
    assert isinstance(ch, dict)
    chair = next(p for p in ch["posts"] if p["post"]["label"].startswith("Chair"))
    assert [h["person"]["label"] for h in chair["holders"]] == ["Reza Samadi"]
    t = _json(capsys, ["timeline", str(case_dir), "Reza Samadi", "--json"])
    assert isinstance(t, dict)
    assert t["entries"][0]["kind"] == "posting"
    capsys.readouterr()
    assert main(["chain", str(case_dir), "Northern Commission", "--date", "1988-08-15"]) == 0
    assert "Reza Samadi" in capsys.readouterr().out
    assert main(["chain", str(case_dir), "Nobody", "--date", "1988-08-15"]) == 3


def test_add_list_show(case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    c = str(case_dir)
    org = _json(
        capsys,
        [
            "entity",
            "add",
            c,
            "organization",
            "Western Commission",
            "--org-type",
            "ad-hoc commission",
            "--json",
        ],
    )
    assert isinstance(org, dict) and org["uid"].startswith("ORG-")
    post = _json(
        capsys,
        ["post", "add", c, "Member, Western Commission", "--org", "Western Commission", "--json"],
    )
    assert isinstance(post, dict) and post["organization"] == org["uid"]
    site = _json(
        capsys,
        [
            "site",
            "add",
            c,
            "East field",
            "--type",
            "mass grave",
            "--lat",
            "35.1",
            "--lon",
            "51.2",
            "--precision",
            "approximate",
            "--method",
            "witness sketch",
            "--json",
        ],
    )
    assert isinstance(site, dict) and site["geometry"]["coordinates"] == [51.2, 35.1]
    claim = _json(
        capsys,
        [
            "claim",
            "add",
            c,
            "posting",
            "--subject",
            "Javad Amini",
            "--object",
            post["uid"],
            "--date",
            "1988-08",
            "--detail",
            "role=member",
            "--source",
            "Report A",
            "--page",
            "9",
            "--status",
            "accepted",
            "--json",
        ],
    )
    assert isinstance(claim, dict) and claim["citations"][0]["page"] == "9"
    listed = _json(
        capsys, ["claim", "list", c, "--kind", "posting", "--entity", post["uid"], "--json"]
    )
    assert isinstance(listed, list) and [x["uid"] for x in listed] == [claim["uid"]]
    shown = _json(capsys, ["entity", "show", c, "Javad Amini", "--json"])
    assert isinstance(shown, dict) and claim["uid"] in [x["uid"] for x in shown["claims"]]
    assert (
        main(
            [
                "claim",
                "add",
                c,
                "posting",
                "--subject",
                "Javad Amini",
                "--object",
                post["uid"],
                "--source",
                "Report A",
                "--detail",
                "grade",
            ]
        )
        == 2
    )
    assert main(["claim", "status", c, claim["uid"], "conflict"]) == 0
    sites = _json(capsys, ["site", "list", c, "--json"])
    assert isinstance(sites, list) and "East field" in [s["label"] for s in sites]
    geo = _json(
        capsys, ["accounts", "export", c, "--format", "geojson", "--confidentiality", "restricted"]
    )
    assert isinstance(geo, dict) and len(geo["features"]) == 2


def test_extract_and_accept(case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    c = str(case_dir)
    assert main(["add", c, str(ARTICLES / "appeal_news.html"), "--source-type", "news"]) == 0
    capsys.readouterr()
    shown_text = main(["show", c, "1", "--text"])
    text = capsys.readouterr().out
    assert shown_text == 0
    mentions = _json(capsys, ["extract", c, "1", "--json"])
    assert isinstance(mentions, list) and mentions
    for m in mentions:
        assert set(m) >= {"type", "text", "start", "end", "candidates"}
        assert text[m["start"] : m["end"]] == m["text"]
    nouri = next(m for m in mentions if m["text"] == "Hamid Nouri")
    accepted = _json(capsys, ["extract", c, "1", "--accept", str(nouri["n"]), "--create", "--json"])
    assert isinstance(accepted, dict) and accepted["created"] is True
    uid = accepted["entity"]["uid"]
    again = _json(capsys, ["extract", c, "1", "--json"])
    assert isinstance(again, list)
    known = next(m for m in again if m["text"] == "Hamid Nouri")
    assert known["candidates"][0]["uid"] == uid
    detail = _json(capsys, ["entity", "show", c, uid, "--json"])
    assert isinstance(detail, dict)
    cit = detail["citations"][0]
    assert (cit["quote"], cit["char_start"], cit["char_end"]) == (
        "Hamid Nouri",
        nouri["start"],
        nouri["end"],
    )
    figure = next(m for m in again if m["type"] == "figure")
    made = _json(
        capsys,
        [
            "extract",
            c,
            "1",
            "--accept",
            str(figure["n"]),
            "--create",
            "--quantity",
            "people executed",
            "--json",
        ],
    )
    assert isinstance(made, dict)
    figs = _json(capsys, ["accounts", "figures", c, "--quantity", "people executed", "--json"])
    assert isinstance(figs, list) and 5000.0 in [f["value"] for g in figs for f in g["figures"]]
    date = next(m for m in again if m["type"] == "date")
    assert main(["extract", c, "1", "--accept", str(date["n"])]) == 2


def test_sample_and_popolo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = tmp_path / "sample.json"
    assert main(["accounts", "example", "--out", str(sample)]) == 0
    case = tmp_path / "c"
    assert main(["init", str(case)]) == 0
    assert main(["accounts", "import", str(case), str(sample)]) == 0
    pop = _json(capsys, ["accounts", "export", str(case), "--format", "popolo"])
    assert isinstance(pop, dict)
    names = {p["name"] for p in pop["persons"]}
    assert {"Ebrahim Raisi", "Hamid Nouri"} <= names
    ch = _json(
        capsys, ["chain", str(case), "Tehran death commission", "--date", "1988-08-01", "--json"]
    )
    assert isinstance(ch, dict) and len(ch["posts"]) == 4
    assert all(p["holders"] for p in ch["posts"])


def test_accept_a_selected_span(tmp_path: Path) -> None:
    from dadkhah.api import case as case_api
    from dadkhah.api import evidence as evidence_api
    from dadkhah.api import extract as extract_api

    doc = tmp_path / "note.txt"
    doc.write_text("The guard known as Naserian beat him in the corridor.", encoding="utf-8")
    path = tmp_path / "c"
    assert main(["init", str(path)]) == 0
    assert main(["add", str(path), str(doc)]) == 0
    with case_api.open_case(path) as c:
        text = evidence_api.document_text(c, "1")
        start = text.index("Naserian")
        out = extract_api.accept_mention(
            c, "1", span=(start, start + 8), mention_type="person", create=True
        )
        assert out["created"] and out["mention"]["text"] == "Naserian"
        again = extract_api.extract(c, "1")
        assert [m.candidates[0].label for m in again if m.text == "Naserian"] == ["Naserian"]
