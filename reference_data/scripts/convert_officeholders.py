"""One-off split of ../shared/research/refdata/officeholders.csv into persons.csv and tenures.csv.

Kept for the record (which research row became which person, post and tenure, and why a date differs). The CSVs
in reference_data/ are the reviewed source of truth from now on; rows added later (state chains, the Union
Cabinet) were written there directly. Run from the repository root:

    python reference_data/scripts/convert_officeholders.py ../shared/research/refdata/officeholders.csv OUTDIR
"""

from __future__ import annotations

import csv
import os
import re
import sys

# person_id -> (label_en, label_hi, extra aliases, notes). Aliases of the research row are added to these.
PERSONS = {
    "yogi-adityanath": ("Yogi Adityanath", "योगी आदित्यनाथ", ["योगी जी", "Yogi ji"],
                        "Birth name Ajay Singh Bisht."),
    "akhilesh-yadav": ("Akhilesh Yadav", "अखिलेश यादव", ["Akhilesh", "अखिलेश"], ""),
    "mayawati": ("Mayawati", "मायावती", ["बहनजी", "Behenji"], ""),
    "keshav-prasad-maurya": ("Keshav Prasad Maurya", "केशव प्रसाद मौर्य", ["Keshav Maurya", "K.P. Maurya"], ""),
    "dinesh-sharma": ("Dinesh Sharma", "दिनेश शर्मा", ["डॉ. दिनेश शर्मा", "Dr Dinesh Sharma"], "Former Lucknow mayor."),
    "brajesh-pathak": ("Brajesh Pathak", "ब्रजेश पाठक", [], ""),
    "ram-naik": ("Ram Naik", "राम नाईक", ["Ram Naeek"], ""),
    "anandiben-patel": ("Anandiben Patel", "आनंदीबेन पटेल", ["आनंदी बेन", "Anandiben Mafatbhai Patel"], ""),
    "satish-mahana": ("Satish Mahana", "सतीश महाना", [], "Later Speaker of the UP Legislative Assembly (from 2022-03-29)."),
    "nand-gopal-gupta-nandi": ("Nand Gopal Gupta 'Nandi'", "नंद गोपाल गुप्ता 'नंदी'",
                               ["Nand Gopal Gupta", "नंद गोपाल गुप्ता", "नन्द गोपाल नन्दी", "Nandi ji", "नंदी जी"],
                               "MLA Prayagraj South. 'Nandi' is his nickname, used as a surname in news."),
    "dharmveer-prajapati": ("Dharmveer Prajapati", "धर्मवीर प्रजापति", [], ""),
    "jaswant-singh-saini": ("Jaswant Singh Saini", "जसवंत सिंह सैनी", ["जसवंत सैनी"], ""),
    "satyadev-pachauri": ("Satyadev Pachauri", "सत्यदेव पचौरी", ["Satya Dev Pachauri"], ""),
    "sidharth-nath-singh": ("Sidharth Nath Singh", "सिद्धार्थ नाथ सिंह", [],
                            "Hindi label is the usual transliteration; no Hindi source seen."),
    "rakesh-sachan": ("Rakesh Sachan", "राकेश सचान", [], "MLA Bhognipur."),
    "anup-chandra-pandey": ("Anup Chandra Pandey", "अनूप चंद्र पांडेय",
                            ["A.C. Pandey", "AC Pandey", "एसी पांडेय", "अनूप चंद्र पाण्डेय"], "IAS 1984 batch."),
    "rajendra-kumar-tiwari": ("Rajendra Kumar Tiwari", "राजेंद्र कुमार तिवारी", ["राजेंद्र तिवारी"], "IAS 1985 batch."),
    "durga-shankar-mishra": ("Durga Shankar Mishra", "दुर्गा शंकर मिश्रा", ["D.S. Mishra", "दुर्गा शंकर मिश्र"],
                             "IAS 1984 batch."),
    "manoj-kumar-singh": ("Manoj Kumar Singh", "मनोज कुमार सिंह", ["M.K. Singh", "एमके सिंह"],
                          "IAS 1988 batch (one Hindi report says 1989). A common name: match on post and date."),
    "shashi-prakash-goyal": ("Shashi Prakash Goyal", "शशि प्रकाश गोयल", ["शशि प्रकाश"], "IAS 1989 batch."),
    "alok-tandon": ("Alok Tandon", "आलोक टंडन", ["आलोक टण्डन"], ""),
    "arvind-kumar-iidc": ("Arvind Kumar", "अरविंद कुमार", ["अरविन्द कुमार"],
                          "The IAS officer who was IIDC until 2023-02-28. A common name: match on post and date."),
    "navneet-sehgal": ("Navneet Sehgal", "नवनीत सहगल", ["नवनीत सहगल"], ""),
    "amit-mohan-prasad": ("Amit Mohan Prasad", "अमित मोहन प्रसाद", [], ""),
    "pranjal-yadav": ("Pranjal Yadav", "प्रांजल यादव", [], ""),
    "alok-kumar-ii": ("Alok Kumar (II)", "आलोक कुमार", ["Alok Kumar", "आलोक कुमार द्वितीय"],
                      "IAS 1993 batch ('Alok Kumar II'). Several IAS officers share the name: match on post and date."),
    "alok-kumar-iid-2019": ("Alok Kumar (Industrial Development, 2019)", "आलोक कुमार", ["Alok Kumar"],
                            "The Alok Kumar moved from UPPCL chairman to Infrastructure & Industrial Development on "
                            "2019-11-08; whether he is Alok Kumar (II) is not established, so he is kept apart."),
    "abhishek-prakash": ("Abhishek Prakash", "अभिषेक प्रकाश", [], "IAS 2006 batch."),
    "prathamesh-kumar": ("Prathamesh Kumar", "प्रथमेश कुमार", [], "IAS 2016 batch."),
    "vijay-kiran-anand": ("Vijay Kiran Anand", "विजय किरन आनंद", [], "IAS 2009 batch."),
    "narendra-modi": ("Narendra Modi", "नरेंद्र मोदी", ["नरेन्द्र मोदी", "Modi ji", "मोदी जी"], ""),
    "kalraj-mishra": ("Kalraj Mishra", "कलराज मिश्र", [], ""),
    "giriraj-singh": ("Giriraj Singh", "गिरिराज सिंह", [], ""),
    "nitin-gadkari": ("Nitin Gadkari", "नितिन गडकरी", ["Gadkari", "गडकरी", "Nitin Jairam Gadkari"], ""),
    "narayan-rane": ("Narayan Rane", "नारायण राणे", ["Rane", "राणे", "Narayan Tatu Rane"], ""),
    "bhanu-pratap-singh-verma": ("Bhanu Pratap Singh Verma", "भानु प्रताप सिंह वर्मा", ["भानु प्रताप वर्मा"], ""),
    "jitan-ram-manjhi": ("Jitan Ram Manjhi", "जीतन राम मांझी", ["Jitan Ram Majhi"], ""),
    "shobha-karandlaje": ("Shobha Karandlaje", "शोभा करंदलाजे", ["Sushri Shobha Karandlaje"], ""),
    "arun-jaitley": ("Arun Jaitley", "अरुण जेटली", ["Jaitley", "जेटली"], ""),
    "nirmala-sitharaman": ("Nirmala Sitharaman", "निर्मला सीतारमण", ["Sitharaman", "सीतारमण", "निर्मला सीतारमन"], ""),
    "pranab-mukherjee": ("Pranab Mukherjee", "प्रणब मुखर्जी", ["Pranab Kumar Mukherjee", "प्रणव मुखर्जी"], ""),
    "ram-nath-kovind": ("Ram Nath Kovind", "रामनाथ कोविंद", ["Kovind", "कोविंद"], ""),
    "droupadi-murmu": ("Droupadi Murmu", "द्रौपदी मुर्मू", ["Murmu", "मुर्मू"], ""),
    "kalyan-krishnamurthy": ("Kalyan Krishnamurthy", "कल्याण कृष्णमूर्ति", [], ""),
    "binny-bansal": ("Binny Bansal", "बिन्नी बंसल", [], "Flipkart co-founder."),
    "rajneesh-kumar-flipkart": ("Rajneesh Kumar", "रजनीश कुमार", [],
                                "Flipkart Group's Chief Corporate Affairs Officer. A common name: match on post."),
}

# research row index -> list of (person_id, position_id, overrides). Overrides may set start, end, end_cause, nature,
# last_attested, confidence, note (prepended to the research notes).
H = "high"
M = "medium"
L = "low"
ROWS = {
    0: [("yogi-adityanath", "in-up.chief-minister", dict(last_attested="2026-01", confidence=H))],
    1: [("akhilesh-yadav", "in-up.chief-minister", dict(end_cause="term_ended", confidence=H))],
    2: [("mayawati", "in-up.chief-minister", dict(end_cause="term_ended", confidence=H))],
    3: [("keshav-prasad-maurya", "in-up.deputy-chief-minister", dict(last_attested="2022-03-25", confidence=H))],
    4: [("dinesh-sharma", "in-up.deputy-chief-minister", dict(end_cause="new_ministry", confidence=H))],
    5: [("brajesh-pathak", "in-up.deputy-chief-minister", dict(last_attested="2022-03-25", confidence=H))],
    6: [("ram-naik", "in-up.governor", dict(end_cause="term_ended", confidence=H))],
    7: [("anandiben-patel", "in-up.governor", dict(last_attested="2024", confidence=M))],
    8: [("satish-mahana", "in-up.minister-industrial-development", dict(end_cause="new_ministry", confidence=H))],
    9: [("nand-gopal-gupta-nandi", "in-up.minister-industrial-development", dict(last_attested="2025-12",
                                                                                confidence=H))],
    10: [("nand-gopal-gupta-nandi", "in-up.minister-civil-aviation", dict(end_cause="new_ministry", confidence=M))],
    11: [("dharmveer-prajapati", "in-up.mos-industrial-development", dict(end_cause="new_ministry", confidence=H))],
    12: [("jaswant-singh-saini", "in-up.mos-industrial-development", dict(last_attested="2023-03-14", confidence=L))],
    13: [("satyadev-pachauri", "in-up.minister-msme", dict(end_cause="portfolio_changed", confidence=L))],
    14: [("sidharth-nath-singh", "in-up.minister-msme", dict(end_cause="new_ministry", confidence=H))],
    15: [("rakesh-sachan", "in-up.minister-msme", dict(last_attested="2023-02", confidence=H))],
    16: [("anup-chandra-pandey", "in-up.chief-secretary", dict(end_cause="retired", confidence=H))],
    17: [("rajendra-kumar-tiwari", "in-up.chief-secretary", dict(nature="acting", end_cause="regularised",
                                                               confidence=M))],
    18: [("rajendra-kumar-tiwari", "in-up.chief-secretary", dict(end_cause="replaced", confidence=M))],
    19: [("durga-shankar-mishra", "in-up.chief-secretary", dict(end_cause="retired", confidence=H))],
    20: [("manoj-kumar-singh", "in-up.chief-secretary", dict(end_cause="retired", confidence=H))],
    21: [("shashi-prakash-goyal", "in-up.chief-secretary", dict(last_attested="2025-07-31", confidence=H))],
    22: [("alok-tandon", "in-up.iidc", dict(confidence=M))],
    23: [("arvind-kumar-iidc", "in-up.iidc", dict(end_cause="retired", confidence=M))],
    24: [("manoj-kumar-singh", "in-up.iidc", dict(end_cause="retired", confidence=M))],
    25: [("shashi-prakash-goyal", "in-up.iidc", dict(last_attested="2025-07-31", confidence=M))],
    26: [("navneet-sehgal", "in-up.msme-department-head", dict(end_cause="transferred", confidence=M,
                                                            note="As ACS (Principal Secretary earlier in 2020)."))],
    27: [("amit-mohan-prasad", "in-up.msme-department-head",
          dict(end="2024", end_cause="retired", confidence=L,
               note="End at year precision: the source only says he retired in the first half of 2024."))],
    28: [("pranjal-yadav", "in-up.secretary-msme", dict(last_attested="2024-03-20", confidence=M))],
    29: [("alok-kumar-ii", "in-up.msme-department-head", dict(end_cause="promoted", confidence=M,
                                                           note="As Principal Secretary.")),
         ("alok-kumar-ii", "in-up.industrial-development-department-head",
          dict(end_cause="promoted", confidence=M, note="As Principal Secretary."))],
    30: [("alok-kumar-ii", "in-up.msme-department-head", dict(last_attested="2025-07-28", confidence=M,
                                                           note="As Additional Chief Secretary.")),
         ("alok-kumar-ii", "in-up.industrial-development-department-head",
          dict(last_attested="2025-07-28", confidence=M, note="As Additional Chief Secretary."))],
    31: [("alok-kumar-iid-2019", "in-up.industrial-development-department-head", dict(confidence=L))],
    32: [("abhishek-prakash", "in-up.invest-up-ceo", dict(end_cause="suspended", confidence=H))],
    33: [("prathamesh-kumar", "in-up.invest-up-ceo", dict(nature="additional_charge", end_cause="replaced",
                                                        confidence=M))],
    34: [("vijay-kiran-anand", "in-up.invest-up-ceo", dict(last_attested="2025-04-28", confidence=H))],
    35: [("narendra-modi", "in.prime-minister", dict(last_attested="2024-06-09", confidence=H))],
    36: [("kalraj-mishra", "in.minister-msme", dict(end_cause="resigned", confidence=H))],
    37: [("giriraj-singh", "in.mos-msme", dict(confidence=L, note="Attested as MoS MSME in May 2016 only."))],
    38: [("nitin-gadkari", "in.minister-msme", dict(end_cause="portfolio_changed", confidence=H))],
    39: [("narayan-rane", "in.minister-msme", dict(end_cause="new_ministry", confidence=H))],
    40: [("bhanu-pratap-singh-verma", "in.mos-msme", dict(end_cause="new_ministry", confidence=M))],
    41: [("jitan-ram-manjhi", "in.minister-msme", dict(last_attested="2024-06-11", confidence=H))],
    42: [("shobha-karandlaje", "in.mos-msme", dict(last_attested="2024-06-10", confidence=M))],
    43: [("arun-jaitley", "in.minister-finance", dict(end_cause="new_ministry", confidence=H))],
    44: [("nirmala-sitharaman", "in.minister-finance", dict(last_attested="2024-06", confidence=H))],
    45: [("pranab-mukherjee", "in.president",
          dict(end="2017-07-25", end_cause="term_ended", confidence=H,
               note="The source says his term expired on 24 July 2017; end = successor's oath (half-open)."))],
    46: [("ram-nath-kovind", "in.president",
          dict(end="2022-07-25", end_cause="term_ended", confidence=H,
               note="Term ended 24 July 2022; end = successor's oath on 2022-07-25 (half-open)."))],
    47: [("droupadi-murmu", "in.president", dict(last_attested="2022-07-25", confidence=H))],
    48: [("kalyan-krishnamurthy", "flipkart.ceo", dict(end_cause="promoted", confidence=M))],
    49: [("kalyan-krishnamurthy", "flipkart.group-ceo", dict(last_attested="2021-12", confidence=M))],
    50: [("binny-bansal", "flipkart.group-ceo", dict(end_cause="resigned", confidence=H))],
    51: [("rajneesh-kumar-flipkart", "flipkart.chief-corporate-affairs-officer",
          dict(last_attested="2024-08-31", confidence=M))],
}


def split(s: str) -> list[str]:
    return [p.strip() for p in s.split(";") if p.strip()]


def main(path: str, outdir: str) -> None:
    rows = list(csv.DictReader(open(path, encoding="utf-8", newline="")))
    aliases: dict[str, list[str]] = {pid: list(p[2]) for pid, p in PERSONS.items()}
    tenures = []
    for i, r in enumerate(rows):
        for n, (pid, pos, ov) in enumerate(ROWS[i]):
            label_en, label_hi = PERSONS[pid][0], PERSONS[pid][1]
            for a in split(r["aliases"]) + [r["person"], r["person_hi"]]:
                a = re.sub(r"\s*\((birth name)\)", "", a).strip()
                if re.match(r"(CM|PM|MSME Minister) ", a):  # a title plus a name is not an alias
                    continue
                if a and a not in aliases[pid] and a not in (label_en, label_hi):
                    aliases[pid].append(a)
            urls = [u.strip() for u in r["source"].split(" ; ") if u.strip()]
            notes = r["notes"]
            if ov.get("note"):
                notes = ov["note"] + " " + notes
            start = ov.get("start", r["start"])
            end = ov.get("end", r["end"])
            if end != r["end"]:
                notes += f" [research row had end={r['end']}]"
            tid = f"{pos}.{pid}.{start if start != 'unknown' else 'x'}"
            tenures.append({
                "tenure_id": tid, "person_id": pid, "position_id": pos, "start": start, "end": end,
                "end_cause": ov.get("end_cause", "") if end else "",
                "nature": ov.get("nature", "regular"), "last_attested": ov.get("last_attested", ""),
                "source_url": " ; ".join(u for u in urls if u.startswith("http")),
                "source": "; ".join(dict.fromkeys(re.sub(r"^(www|m|amp)\.", "", u.split("/")[2]) for u in urls
                                                  if u.startswith("http"))),
                "confidence": ov["confidence"], "notes": notes.strip(),
            })
    with open(os.path.join(outdir, "persons.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["person_id", "label_en", "label_hi", "aliases", "notes"])
        for pid, (en, hi, _, notes) in PERSONS.items():
            w.writerow([pid, en, hi, ";".join(aliases[pid]), notes])
    with open(os.path.join(outdir, "tenures.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(tenures[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(tenures)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
