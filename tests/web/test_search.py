"""Search in any script, escaping, the search page."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.web.conftest import login

from dadkhah.api.web_namekeys import name_tokens, sound_key


def test_sound_keys_join_scripts_and_spellings() -> None:
    groups = [
        ["Hossein", "Hosein", "Husayn", "حسین"],
        ["Mohammad", "Mohammed", "محمد"],
        ["Fatemeh", "Fateme", "فاطمه"],
        ["Ghasem", "Qasem", "قاسم"],
        ["Jafar", "Ja'far", "جعفر"],
        ["Rezaei", "Rezaee", "رضایی"],
        ["Khomeini", "خمینی"],
    ]
    for group in groups:
        keys = {sound_key(name_tokens(w)[0]) for w in group}
        assert len(keys) == 1, (group, keys)
    assert sound_key("hosseini") != sound_key("karimi")


def test_persian_query_finds_the_person_with_a_latin_record(client: TestClient) -> None:
    login(client, "viewer")
    persons = client.get("/api/persons", params={"q": "محمد رضایی"}).json()
    assert persons[0]["id"] == "P-p1"
    assert {"list": "amnesty_en", "record_id": "E7", "name": "Mohammad Rezaei"} in persons[0][
        "records"
    ]
    assert persons[0]["display_name"] == "محمد رضایی"
    assert persons[0]["display_name_latin"] == "Mohammad Rezaei"


def test_latin_spelling_variant_finds_the_person(client: TestClient) -> None:
    login(client, "viewer")
    persons = client.get("/api/persons", params={"q": "Fateme Hoseini"}).json()
    assert [p["id"] for p in persons] == ["P-p2"]
    # and Arabic letter forms (ي, ك) are folded
    persons = client.get("/api/persons", params={"q": "فاطمه حسيني"}).json()
    assert [p["id"] for p in persons] == ["P-p2"]


def test_no_match_and_empty_query(client: TestClient) -> None:
    login(client, "viewer")
    assert client.get("/api/persons", params={"q": "Zzyzx"}).json() == []
    assert client.get("/api/persons", params={"q": ""}).json() == []


def test_search_page_shows_both_scripts_and_unlinked_records(client: TestClient) -> None:
    login(client, "viewer")
    page = client.get("/persons", params={"q": "کریمی"}).text
    assert "زهرا کریمی" in page  # unlinked Persian record
    assert "Karimi" in page  # the linked person whose only record is Latin
    assert "P-p3" in page


def test_markup_in_a_name_is_escaped(client: TestClient) -> None:
    login(client, "viewer")
    for url in ("/persons?q=Karimi", "/persons/P-p3", "/lists/amnesty_en"):
        page = client.get(url).text
        assert "<script>alert" not in page, url
        assert "&lt;script&gt;alert(" in page, url
    api = client.get("/api/persons", params={"q": "karimi"}).json()
    assert any("<script>" in (p["display_name_latin"] or "") for p in api)


def test_index_follows_new_records(client: TestClient, web_case: object) -> None:
    from dadkhah.store import Case, audit

    assert isinstance(web_case, Case)
    login(client, "viewer")
    assert client.get("/api/persons", params={"q": "Behrouz"}).json() == []
    with web_case.db.transaction():
        lid = web_case.db.scalar("SELECT id FROM victim_list WHERE name = 'amnesty_en'")
        rec = web_case.db.insert(
            "INSERT INTO list_record (list_id, record_id, raw, full_name)"
            " VALUES (?, 'E99', '{}', 'Behrouz Sadeghi')",
            (lid,),
        )
        pid = web_case.db.insert(
            "INSERT INTO person (uid, display_name, created_at, created_by)"
            " VALUES ('P-new', 'Behrouz Sadeghi', 'now', 'test')"
        )
        web_case.db.execute(
            "INSERT INTO record_person (list_record_id, person_id) VALUES (?, ?)", (rec, pid)
        )
        audit(web_case.db, actor="test", action="test.add", target="record:E99")
    assert [p["id"] for p in client.get("/api/persons", params={"q": "بهروز"}).json()] == ["P-new"]


def test_full_text_adds_persons_found_by_other_fields(client: TestClient) -> None:
    login(client, "viewer")
    persons = client.get("/api/persons", params={"q": "Rasht"}).json()  # a city, not a name
    assert [p["id"] for p in persons] == ["P-p2"]


def test_missing_script_gets_a_marked_transliteration(client: TestClient) -> None:
    login(client, "viewer")
    (p3,) = [
        p for p in client.get("/api/persons", params={"q": "karimi"}).json() if p["id"] == "P-p3"
    ]
    assert p3["display_name"] is None and "کریمی" in p3["transliteration"]["fa"]
    (p1,) = client.get("/api/persons", params={"q": "Mohammad Rezaei"}).json()
    assert p1["transliteration"] == {}  # both scripts come from records


def test_a_long_query_with_one_unknown_word_still_finds_the_person(client: TestClient) -> None:
    login(client, "viewer")
    persons = client.get(
        "/api/persons", params={"q": "سید محمد رضایی"}
    ).json()  # a title no record has
    assert persons and persons[0]["id"] == "P-p1"
    assert (
        client.get("/api/persons", params={"q": "سید رضایی"}).json() == []
    )  # two words: both must match


def test_live_search_target_exists_on_every_page_with_the_form(client: TestClient) -> None:
    import re

    login(client, "viewer")
    for url in ("/", "/persons", "/persons?q=Karimi"):
        page = client.get(url).text
        targets = re.findall(r'hx-target="#([\w-]+)"', page)
        assert targets, url
        for target in targets:
            assert f'id="{target}"' in page, (url, target)
