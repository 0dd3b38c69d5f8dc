"""Built-in word lists for finding mentions in English news prose (no downloads, no models).

Countries, world cities and regions; words that end or mark organisation names; titles that
come before a person's name; demonyms, months and common sentence-starting words that are
capitalised without being names. The case's gazetteer and name dictionary add to these.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from dadkhah.places import all_places

__all__ = [
    "COMMON_CAPITALISED",
    "COUNTRIES",
    "DEMONYMS",
    "KNOWN_ORGS",
    "MONTHS",
    "ORG_HEADS",
    "ORG_WORDS",
    "PLACES",
    "PLACE_HEADS",
    "TITLES",
    "given_names",
    "iran_places",
    "surnames",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.split("|") if w.strip())


COUNTRIES = _words(
    "Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|"
    "Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|"
    "Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|"
    "Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|"
    "Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|"
    "France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|"
    "Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|"
    "Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|"
    "Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|"
    "Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|"
    "North Korea|North Macedonia|Norway|Oman|Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|Peru|"
    "Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|Sierra Leone|Singapore|"
    "Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|"
    "Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tunisia|Turkey|Türkiye|Turkmenistan|Uganda|"
    "Ukraine|United Arab Emirates|United Kingdom|United States|United States of America|Uruguay|Uzbekistan|"
    "Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Britain|Great Britain|England|Scotland|Wales|"
    "Northern Ireland|America|Holland|Islamic Republic of Iran|Persia|Kurdistan|Gaza|West Bank|Chechnya|Tibet|"
    "Xinjiang|Crimea|Darfur|US|USA|UK|UAE|DRC|Islamic Republic"
)

PLACES = COUNTRIES | _words(
    "Stockholm|Gothenburg|Uppsala|Malmo|Malmö|Oslo|Copenhagen|Helsinki|London|Paris|Berlin|Rome|Madrid|Lisbon|"
    "Vienna|Brussels|Amsterdam|The Hague|Hague|Geneva|Zurich|Bern|Luxembourg|Dublin|Edinburgh|Prague|Warsaw|"
    "Budapest|Athens|Istanbul|Ankara|Moscow|Kyiv|Kiev|Baku|Yerevan|Tbilisi|Baghdad|Basra|Erbil|Damascus|Beirut|"
    "Amman|Jerusalem|Tel Aviv|Cairo|Riyadh|Jeddah|Doha|Dubai|Abu Dhabi|Kuwait City|Muscat|Kabul|Herat|Islamabad|"
    "Karachi|Lahore|Delhi|New Delhi|Mumbai|Beijing|Shanghai|Hong Kong|Tokyo|Seoul|Bangkok|Jakarta|Manila|"
    "Sydney|Canberra|Ottawa|Toronto|Montreal|Vancouver|Washington|Washington DC|New York|Los Angeles|"
    "San Francisco|Chicago|Boston|Miami|Mexico City|Buenos Aires|Santiago|Lima|Bogota|Caracas|Nairobi|Lagos|"
    "Johannesburg|Cape Town|Addis Ababa|Khartoum|Tripoli|Tunis|Algiers|Rabat|Camp Ashraf|Ashraf|Tirana|"
    "Europe|Asia|Africa|Middle East|Gulf|Persian Gulf|Caucasus|Central Asia|Latin America|North America|"
    "South America|Scandinavia|North Africa|Middle East and North Africa|West Africa|East Africa|"
    "Southern Africa|South Asia|Southeast Asia|South-East Asia|East Asia|Western Europe|Eastern Europe|Kurdistan Region|"
    "Balkans|Levant|Khuzestan|Baluchistan|Sistan and Baluchestan|Azerbaijan Province|"
    "Evin|Gohardasht|Khavaran|Qezel Hesar|Ghezel Hesar|Rajaei Shahr|Vakilabad|Dizelabad|Adelabad|Lakan|"
    "Tehran|Karaj|Mashhad|Isfahan|Shiraz|Tabriz|Ahvaz|Qom|Kermanshah|Rasht|Urmia|Zahedan|Hamedan|Kerman|Yazd|"
    "Ardabil|Bandar Abbas|Arak|Zanjan|Sanandaj|Qazvin|Khorramabad|Gorgan|Sari|Dezful|Semnan|Ilam|Bushehr|"
    "Babol|Amol|Qaem Shahr|Borujerd|Masjed Soleyman|Lahijan|Mahabad|Saqqez"
)

DEMONYMS = _words(
    "Iranian|Iranians|Swedish|Swede|Swedes|British|American|Americans|French|German|Germans|Italian|Spanish|"
    "Dutch|Belgian|Norwegian|Danish|Finnish|Russian|Chinese|Japanese|Indian|Pakistani|Afghan|Afghans|Iraqi|"
    "Iraqis|Syrian|Syrians|Turkish|Kurdish|Kurds|Kurd|Arab|Arabs|Arabic|Persian|Persians|Baluch|Azeri|Azerbaijani|"
    "Israeli|Palestinian|Lebanese|Saudi|Egyptian|European|Western|Eastern|Islamic|Muslim|Muslims|Shia|Shiite|"
    "Sunni|Christian|Christians|Jewish|Jews|Bahai|Baha'i|Baha'is|Zoroastrian|Marxist|Marxists|Leftist|Leftists|"
    "Communist|Communists|English|Canadian|Australian|Swiss|Austrian|Polish|Greek|Armenian|Georgian|African|Asian"
)

MONTHS = _words(
    "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
    "Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Spring|Summer|"
    "Autumn|Fall|Winter"
)

# Words that end an organisation's name ("Amnesty International", "Guard Corps").
ORG_HEADS = _words(
    "International|Organization|Organisation|Organizations|Organisations|Council|Court|Courts|Tribunal|"
    "Ministry|Corps|Guards|Guard|Nations|Union|Party|Commission|Committee|Office|Agency|Bank|University|"
    "Foundation|Institute|Association|Watch|Society|Front|Movement|Army|Forces|Force|Police|Parliament|"
    "Assembly|Majlis|Judiciary|Department|Bureau|Service|Services|Centre|Center|Network|Group|Federation|"
    "Alliance|Coalition|Initiative|Trust|Fund|Authority|Administration|Government|Cabinet|Senate|Congress|"
    "Prosecutor's Office|Prosecution|Secretariat|Mission|Delegation|Board|Club|Company|Corporation|Times|Post|"
    "News|Press|Radio|Television|Agency|Broadcasting|Guardian|Herald|Journal|Tribune|Monitor|Review|Telegraph|"
    "Chambers|Solicitors|LLP|Ltd|Inc|Magazine|Gazette|Daily|Weekly|Channel|Campaign|Institution|Brigade|Battalion|"
    "Regiment|Division|Ministries|Prosecutors|Academy|School|College|Church|Synagogue|Hospital|Observatory"
)
# Words that make a span an organisation wherever they appear in it ("Ministry of Intelligence").
ORG_WORDS = _words(
    "Ministry|Council|Court|Commission|Committee|Organization|Organisation|Office|Nations|Union|Party|"
    "Agency|Assembly|Corps|Foundation|Institute|Association|University|Department|Tribunal|Judiciary|"
    "Prosecutor's|Mujahedin|Mojahedin|Mujahideen|Fedayan|Fedaian|Fadaiyan|Tudeh|Basij|Hezbollah|Sepah|"
    "Komiteh|Ministry's|Parliament"
)
# Organisations that no head word reveals.
KNOWN_ORGS = _words(
    "Amnesty|Amnesty International|Human Rights Watch|United Nations|UN|UNHCR|OHCHR|UNESCO|UNICEF|NATO|EU|"
    "European Union|European Parliament|ICC|ICJ|IRGC|MEK|MKO|PMOI|NCRI|BBC|BBC Persian|Reuters|AFP|AP|"
    "Associated Press|CNN|Al Jazeera|IRNA|Fars|Tasnim|Kayhan|Mizan|Justice for Iran|Iran Human Rights|"
    "Iran Human Rights Documentation Center|Abdorrahman Boroumand Center|Boroumand Center|"
    "Revolutionary Guards|Islamic Revolutionary Guard Corps|People's Mujahedin|Mujahedin-e Khalq|"
    "Mojahedin-e Khalq|Fedaian|Tudeh|Tudeh Party|Komala|KDPI|Hamas|Taliban|Islamic State|ISIS|Red Cross|ICRC|"
    "Security Council|General Assembly|Human Rights Council|Interpol|Facebook|Twitter|Google|Guardian|"
    "The Guardian|New York Times|Washington Post|Financial Times|Economist|Radio Farda|Iran International|"
    "Swedish Prosecution Authority|Supreme Court|Supreme Leader's Office|Basij|Evin Court|Getty Images|Getty|EPA|"
    "Shutterstock|Alamy|PA Media|Anadolu Agency|Anadolu|Bloomberg|Sky News|France 24|Deutsche Welle|DW|NPR|"
    "Voice of America|VOA|IranWire|HRANA|Hengaw|Kurdistan Human Rights Network|Iran Human Rights Monitor|"
    "Center for Human Rights in Iran|Iran Tribunal|UN Human Rights Office|Office of the High Commissioner for Human Rights|"
    "International Criminal Court|International Court of Justice|European Court of Human Rights|Council of Europe|"
    "Organisation of Islamic Cooperation|Arab League|African Union|World Health Organization|Red Crescent|"
    "Reporters Without Borders|RSF|Doctors Without Borders|MSF|Freedom House|Article 19|PEN America|"
    "Front Line Defenders|Abdorrahman Boroumand Foundation|Boroumand Foundation|Iran Human Rights Documentation Centre|"
    "Committee to Protect Journalists|CPJ|Atlantic Council|Chatham House|Mothers of Khavaran|Mourning Mothers|"
    "Revolutionary Court|Islamic Revolutionary Court|Ministry of Intelligence and Security|MOIS|Quds Force|"
    "Iranian Judiciary|Guardian Council|Assembly of Experts|Expediency Council|Majlis"
)

# Titles and roles that come before a person's name; the name starts after them.
TITLES = _words(
    "Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Miss|Dr|Dr.|Prof|Prof.|Professor|Sir|Dame|Lord|Lady|President|Vice President|"
    "Prime Minister|Minister|Foreign Minister|Interior Minister|Justice Minister|Intelligence Minister|"
    "Deputy Minister|Judge|Justice|Chief Justice|Prosecutor|Prosecutor General|Attorney General|Ayatollah|"
    "Grand Ayatollah|Hojatoleslam|Hojjatoleslam|Hojatoleslam val-Moslemin|Imam|Sheikh|Mullah|Seyed|Sayyid|Haj|"
    "General|Brigadier General|Major General|Colonel|Lieutenant|Captain|Commander|Major|King|Queen|Prince|"
    "Princess|Shah|Senator|Ambassador|Secretary|Secretary-General|Secretary General|Speaker|Governor|Mayor|"
    "Rapporteur|Special Rapporteur|Chairman|Chair|Director|Leader|Supreme Leader|Pope|Bishop|Father|Saint|St|"
    "Former|Late|Acting|Deputy|Then|Ex|Chief|Head|Spokesman|Spokeswoman|Spokesperson|Lawyer|Attorney|Dr|Mr|Mrs"
)

# Nouns that, after a capitalised name, make it a place ("Evin prison", "Khavaran cemetery").
PLACE_HEADS = _words(
    "Prison|prison|Jail|jail|Cemetery|cemetery|Province|province|Square|square|Street|street|Avenue|avenue|"
    "River|river|Mountains|mountains|Valley|valley|District|district|County|county|City|Island|Islands|Sea|"
    "Airport|airport|prisons|Prisons|Desert|Graveyard|graveyard|Camp|camp|Hospital|hospital|University|Mosque|mosque|Park|park|"
    "Road|road|Bridge|bridge|Mountain|Lake|Barracks|barracks"
)

# Capitalised at the start of a sentence without being a name.
COMMON_CAPITALISED = _words(
    "The|A|An|In|On|At|Of|For|From|To|By|With|Without|As|After|Before|During|Since|Until|While|When|Where|Why|"
    "How|What|Which|Who|Whom|Whose|That|This|These|Those|There|Here|It|Its|He|She|They|We|You|I|His|Her|Their|"
    "Our|My|Your|Him|Them|Us|But|And|Or|Nor|So|Yet|If|Then|Than|Because|Although|Though|However|Moreover|"
    "Meanwhile|Nevertheless|Instead|Also|Still|Even|Only|Just|Many|Most|Some|Several|Few|All|Both|Each|Every|"
    "No|Not|None|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Hundreds|Thousands|Dozens|Other|Others|"
    "Another|Such|Among|Amid|Against|Between|Under|Over|Through|Into|About|Around|Across|Despite|According|"
    "Last|Next|First|Second|Third|Later|Earlier|Today|Yesterday|Tomorrow|Now|Then|Once|Recently|Finally|Yes|"
    "Read|Watch|Listen|Share|Follow|Subscribe|Related|More|Image|Photo|Video|Copyright|Getty|Images|Caption|"
    "Media|Sign|Home|News|Latest|Top|Stories|Contact|Advertisement|Published|Updated|Source|Sources|Note|"
    "Family|Families|Relatives|Survivors|Prisoners|Officials|Activists|Rights|Human|Witnesses|Critics|"
    "Those|Judges|Lawyers|Prosecutors|Authorities|Campaigners|Researchers|Mothers|Children|Women|Men|People|"
    "Iran's|Tehran's|Sweden's|Do|Does|Did|Is|Are|Was|Were|Be|Has|Have|Had|Will|Would|Could|Should|May|Might|"
    "Can|Must|Please|Click|Listen|See|Unlike|Like|Upon|Following|Speaking|Asked|Told|Says|Said|Writing|"
    "Reporting|Additional|Editing|By"
)


@lru_cache(maxsize=1)
def iran_places() -> dict[str, str]:
    """Every spelling (Latin, variants, Persian, historical) of the gazetteer's places -> its name."""
    out: dict[str, str] = {}
    for place in all_places():
        spellings = [
            place.name,
            place.name_fa,
            *place.variants,
            *(h.name for h in place.historical_names),
        ]
        for n in spellings:
            n = (n or "").split("(")[0].strip()
            if len(n) >= 3 or (len(n) == 2 and not n.isascii()):
                out.setdefault(n, place.name)
    return out


def _name_column(file: str, columns: tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    with (resources.files("dadkhah.names") / "data" / file).open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for col in columns:
                for n in (row.get(col) or "").split("|"):
                    if n.strip():
                        out.add(n.strip())
    return frozenset(out)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names (Latin spellings and Persian script) from the shipped name dictionary."""
    extra = _words(
        "John|James|David|Michael|Robert|William|Mary|Sarah|Anna|Maria|Peter|Paul|Thomas|Richard|Jan|Lars|"
        "Anders|Erik|Karin|Eva|Geoffrey|Kaveh|Javaid|Jeanette|Kenneth|Antonio|Volker|Michelle|Ahmed|Mohammed|"
        "Muhammad|Ruhollah|Ebrahim|Ibrahim|Hossein-Ali|Iraj|Iradj|Shirin|Nasrin|Narges|Masih|Hamid|Mostafa"
    )
    return (
        _name_column(
            "persian_given_names.csv", ("latin_common", "variants", "persian", "persian_variants")
        )
        | extra
    )


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Surnames (Latin spellings and Persian script) from the shipped name dictionary."""
    return _name_column(
        "persian_surnames.csv", ("latin_common", "variants", "persian", "persian_variants")
    )
