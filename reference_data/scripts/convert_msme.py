"""One-off conversion of ../shared/research/refdata/msme_stats.csv into reference_data/msme_stats.csv.

Kept for the record (how each research slug became measure + basis + breakdown). The CSV in reference_data/ is
the reviewed source of truth from now on: edit it, not this script. Run from the repository root:

    python reference_data/scripts/convert_msme.py ../shared/research/refdata/msme_stats.csv > /tmp/msme.csv
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys

REGIONS = {
    "India": "IN", "Uttar Pradesh": "IN-UP", "West Bengal": "IN-WB", "Gujarat": "IN-GJ", "Madhya Pradesh": "IN-MP",
    "Bihar": "IN-BR", "Tamil Nadu": "IN-TN", "Maharashtra": "IN-MH", "Karnataka": "IN-KA", "Andhra Pradesh": "IN-AP",
    "Rajasthan": "IN-RJ",
}

# research slug -> (measure, basis, breakdown)
METRICS = {
    "msme_estimated_count": ("msme_count", "NSS73", ""),
    "msme_estimated_count_micro": ("msme_count", "NSS73", "size=micro"),
    "msme_estimated_count_small": ("msme_count", "NSS73", "size=small"),
    "msme_estimated_count_medium": ("msme_count", "NSS73", "size=medium"),
    "msme_share_small": ("msme_count_share", "NSS73", "size=small"),
    "msme_share_medium": ("msme_count_share", "NSS73", "size=medium"),
    "msme_estimated_count_rural": ("msme_count", "NSS73", "area=rural"),
    "msme_estimated_count_urban": ("msme_count", "NSS73", "area=urban"),
    "msme_share_rural": ("msme_count_share", "NSS73", "area=rural"),
    "msme_share_urban": ("msme_count_share", "NSS73", "area=urban"),
    "msme_estimated_count_manufacturing": ("msme_count", "NSS73", "activity=manufacturing"),
    "msme_estimated_count_electricity_noncaptive": ("msme_count", "NSS73", "activity=electricity"),
    "msme_estimated_count_trade": ("msme_count", "NSS73", "activity=trade"),
    "msme_estimated_count_other_services": ("msme_count", "NSS73", "activity=other_services"),
    "msme_estimated_employment": ("msme_employment", "NSS73", ""),
    "msme_share_of_india": ("msme_count_share", "NSS73", ""),
    "msme_estimated_count_4th_census_basis": ("msme_count", "CENSUS4", ""),
    "ssi_estimated_count_3rd_census": ("msme_count", "CENSUS3", ""),
    "msme_registered_working_count_4th_census": ("msme_count", "CENSUS4", "sector=registered"),
    "msme_registered_working_employment_4th_census": ("msme_employment", "CENSUS4", "sector=registered"),
    "msme_registered_count_total_em2_uam": ("msme_count", "EM2_UAM", ""),
    "udyog_aadhaar_registrations": ("msme_count", "UAM", ""),
    "msme_count_claimed_by_state": ("msme_count", "CLAIM", ""),
    "msme_gva_share_of_gdp": ("gva_share", "NAS", ""),
    "msme_share_of_gdp": ("gva_share", "NAS", ""),
    "msme_share_of_manufacturing_output": ("manufacturing_output_share", "NAS", ""),
    "msme_specified_products_share_of_exports": ("export_share", "DGCIS", ""),
    "udyam_registrations_cumulative": ("msme_count", "UDYAM_URP", ""),
    "udyam_registrations_cumulative_crossed": ("msme_count", "UDYAM_URP", ""),
    "udyam_registrations_small": ("msme_count", "UDYAM_URP", "size=small"),
    "udyam_registrations_medium": ("msme_count", "UDYAM_URP", "size=medium"),
    "udyam_registrations_cumulative_incl_uap": ("msme_count", "UDYAM_URP_UAP", ""),
    "udyam_registrations_cumulative_incl_uap_presumed": ("msme_count", "UDYAM_URP_UAP", ""),
    "udyam_registrations_women_owned_incl_uap": ("msme_count", "UDYAM_URP_UAP", "owner=women"),
    "udyam_registrations_cancelled": ("registrations_cancelled", "UDYAM_URP", ""),
    "udyam_registrations_closed": ("registrations_closed", "UDYAM_URP", ""),
    "udyam_reported_employment_cumulative": ("msme_employment", "UDYAM_URP", ""),
    "udyam_reported_employment_cumulative_incl_uap": ("msme_employment", "UDYAM_URP_UAP", ""),
    "uap_registrations_cumulative": ("msme_count", "UAP", ""),
    "msme_registered_uam_plus_udyam": ("msme_count", "UAM_UDYAM", ""),
    "udyam_registrations_classified": ("msme_count", "UDYAM_URP", "classification=classified"),
    "udyam_registrations_unclassified": ("msme_count", "UDYAM_URP", "classification=unclassified"),
    "msme_active_count_claimed_by_state": ("msme_count", "CLAIM", "status=active"),
    "msme_exports_claimed": ("export_value", "CLAIM", ""),
    "exports_claimed": ("export_value", "CLAIM", "scope=unclear"),
    "unincorporated_nonag_establishments_estimated": ("establishment_count", "ASUSE", ""),
    "msme_definition_micro_max_investment": ("investment_limit", "MSMED_DEF", "size=micro"),
    "msme_definition_small_max_investment": ("investment_limit", "MSMED_DEF", "size=small"),
    "msme_definition_medium_max_investment": ("investment_limit", "MSMED_DEF", "size=medium"),
}
# Launch dates are dates, not numbers: they go to bases.csv descriptions and the README instead.
SKIP = {"udyam_portal_launch_date", "udyam_assist_platform_launch_date", "odop_launch_date", "odoc_launch_date",
        "odop_district_count"}

CONF = {"high": "high", "medium": "medium", "low": "low", "medium-high": "medium", "low-medium": "low"}
MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"], 1)}


def published(text: str) -> str:
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if m:
        return m.group(0)
    m = re.search(r"\b(\d{1,2})-([A-Z][a-z]{2})-(\d{4})\b", text)
    if m and m.group(2).lower() in MONTHS:
        return dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))).isoformat()
    m = re.search(r"\b(\d{2})\.(\d{2})\.(\d{4})\b", text)
    if m:
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return ""


def as_reported(notes: str, value: str, unit: str) -> str:
    m = re.search(r"as reported: (.+?)(?:;|\(|\. |\.$|$)", notes)
    if m:
        return m.group(1).strip().strip("'").strip()
    if unit == "percent":
        return f"{value}%"
    return value


# The research notes do not always keep the printed form; these are read from the same rows' notes/sources.
REPORTED = {
    "nss73.in-tn.msme_count.2015-07_2016-06": "49.48 lakh",
    "em2_uam.in.msme_count.2016-11-29": "57.22 lakh",
    "udyam_urp_uap.in.msme_count.2023-03-19": "1.63 crore",
    "udyam_urp_uap.in.msme_count.2023-09-03": "2.52 crore",
    "uap.in.msme_count.2023-12-31": "around 1.11 crore",
    "udyam_urp.in.msme_count.2022-08-02": "1 crore",
    "udyam_urp_uap.in.msme_count.2025-12-17": "over 7.3 crore",
    "udyam_urp.in.msme_count.2025-12-17": "4.37 crore",
    "uap.in.msme_count.2025-12-17": "2.92 crore",
    "udyam_urp_uap.in.msme_count.2024-08-29": "over 4.91 crore",
    "asuse.in.establishment_count.2023-24": "7.3 crore",
    "udyam_urp.in-up.msme_count.2023-06-01": "14 lakh",
    "claim.in-up.msme_count.status-active.2023-06-01": "more than 90 lakh",
}


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def main(path: str) -> None:
    rows = list(csv.DictReader(open(path, encoding="utf-8", newline="")))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["obs_id", "measure", "basis", "region", "breakdown", "period", "as_of", "value", "unit",
                  "value_as_reported", "source_url", "source", "published", "confidence", "notes"])
    seen: dict[str, int] = {}
    for r in rows:
        metric = r["metric"]
        if metric in SKIP:
            continue
        measure, basis, breakdown = METRICS[metric]
        region = REGIONS[r["region"]]
        value, unit = r["value"], r["unit"]
        reported = as_reported(r["notes"], value, unit)
        if unit == "INR crore":  # money in absolute rupees, exactly
            value = str(int(round(float(value) * 10_000_000)))
            unit = "INR"
            if reported == r["value"]:
                reported = f"Rs {r['value']} crore"
        urls = [u.strip() for u in r["source"].split(" ; ") if u.strip().startswith("http")]
        others = [u.strip() for u in r["source"].split(" ; ") if u.strip() and not u.strip().startswith("http")]
        source = "; ".join(others + [r["source_detail"]]) if others else r["source_detail"]
        m = re.search(r"confidence=([a-z-]+)", r["notes"])
        conf = CONF[m.group(1)] if m else "medium"
        notes = re.sub(r"\s*confidence=[a-z-]+( for [^.;]+)?\.?", "", r["notes"]).strip()
        if metric.endswith("_crossed"):
            notes = ("lower bound: the count 'crossed' this figure on the as_of date. " + notes).strip()
        if metric.endswith("_presumed"):
            notes = ("basis presumed URP+UAP (the source does not say). " + notes).strip()
        key = ".".join(p for p in (basis.lower(), region.lower(), measure, slug(breakdown),
                                   (r["as_of"] or r["period"]).replace("/", "_")) if p)
        n = seen.get(key, 0) + 1
        seen[key] = n
        obs_id = key if n == 1 else f"{key}.{n}"
        reported = REPORTED.get(obs_id, reported)
        out.writerow([obs_id, measure, basis, region, breakdown, r["period"], r["as_of"], value, unit, reported,
                      " ; ".join(urls), source, published(r["source_detail"]), conf, notes])


if __name__ == "__main__":
    main(sys.argv[1])
