"""Fills kaohe's 自评表 with openpyxl from organization data files, as a unit's own program would: cleanly, or the
way people type (full-width digits, 93.6% in percent cells, thousands separators, units, √/×, Chinese separators).
Used by scripts/verify-forms and the forms benchmark."""
import csv, glob, os
import openpyxl, yaml


def load_data(folder):
    """organization id -> its data, from the YAML and CSV files of a data folder."""
    out = {}
    for path in sorted(glob.glob(os.path.join(folder, "*"))):
        if path.endswith(".yaml"):
            d = yaml.safe_load(open(path, encoding="utf-8"))
            out[d["organization"]] = d
        elif path.endswith(".csv"):
            for row in csv.DictReader(open(path, encoding="utf-8-sig")):
                d = out.setdefault(row["organization"], {"organization": row["organization"], "indicators": {}})
                kind, _, item = row["indicator"].partition(":")
                if kind == "survey":
                    d.setdefault("survey", {})[item] = yaml.safe_load(row["value"])
                    continue
                if kind == "veto":
                    d.setdefault("vetoes", []).append({"id": item, "note": row["note"] or None})
                    continue
                if kind in ("bonus", "penalty"):
                    d.setdefault("bonus" if kind == "bonus" else "penalties", []).append(
                        {"item": item, "count": float(row["value"] or 1), "note": row["note"] or None,
                         "evidence": [row["evidence"]] if row["evidence"] else None})
                    continue
                if item:
                    continue
                value = yaml.safe_load(row["value"]) if row["value"] else None
                d["indicators"][row["indicator"]] = {"value": value, "self": float(row["self"]) if row["self"] else None,
                                                     "evidence": [row["evidence"]] if row["evidence"] else [], "note": row["note"] or None}
    return out


def entry(data, indicator):
    e = data.get("indicators", {}).get(indicator)
    return e if isinstance(e, dict) and "value" in e else {"value": e}


def headers(ws):
    return {c.value: c.column for c in ws[3] if c.value}


def fill(path, data, style):
    """Fills one 自评表 from `data`; style 'plain' types clean values, 'messy' the way people type."""
    wb = openpyxl.load_workbook(path)
    ws = wb["自评表"]
    col = headers(ws)
    for r in range(4, ws.max_row + 1):
        code = ws.cell(r, col["编号"]).value
        if not code:
            continue
        indicator, _, item = code.partition("/")
        e = entry(data, indicator)
        value = e.get("value")
        cell = ws.cell(r, col["完成情况"])
        unit = ws.cell(r, col["计量单位"]).value
        if item:
            done = (item in value) if isinstance(value, list) else value.get(item, False) if isinstance(value, dict) else False
            if isinstance(done, bool):
                cell.value = ("√" if done else "×") if style == "messy" else ("是" if done else "否")
            else:
                cell.value = done
            continue
        if value is None or ws.cell(r, col["完成情况"]).value == "逐项填写 ↓":
            pass
        elif isinstance(value, bool):
            cell.value = ("对" if value else "错") if style == "messy" else ("是" if value else "否")
        elif isinstance(value, list) and not all(isinstance(v, (int, float)) for v in value):
            # Occurrences (deduct): the count, each described in 说明.
            cell.value = sum(v.get("count", 1) if isinstance(v, dict) else 1 for v in value)
            e = {**e, "note": "；".join(v.get("note", "") if isinstance(v, dict) else str(v) for v in value)}
        elif isinstance(value, list):
            cell.value = ("，" if style == "messy" else "、").join(str(v) for v in value)
        elif isinstance(value, (int, float)):
            if style == "messy" and unit == "%":
                cell.value = value / 100
                cell.number_format = "0.0%"
            elif style == "messy" and value >= 1000:
                cell.value = f"{value:,}"
            elif style == "messy" and unit:
                cell.value = full_width(str(value)) + unit
            else:
                cell.value = value
        else:
            cell.value = str(value)
        if e.get("self") is not None:
            ws.cell(r, col["自评分"]).value = f"{e['self']}分" if style == "messy" else e["self"]
        if e.get("evidence"):
            ev = e["evidence"] if isinstance(e["evidence"], list) else [e["evidence"]]
            ws.cell(r, col["佐证材料"]).value = ("；" if style == "messy" else "、").join(ev)
        if e.get("note"):
            ws.cell(r, col["说明"]).value = e["note"]
    adj = wb["加减分"]
    acol = headers(adj)
    claims = {("bonus", b["item"]): b for b in data.get("bonus") or []}
    claims.update({("penalty", p["item"]): p for p in data.get("penalties") or []})
    for r in range(4, adj.max_row + 1):
        code = adj.cell(r, acol["编号"]).value
        if code and tuple(code.split("/", 1)) in claims:
            c = claims[tuple(code.split("/", 1))]
            count = c.get("count", 1)
            adj.cell(r, acol["次数"]).value = full_width(str(count)) + "次" if style == "messy" else count
            adj.cell(r, acol["说明"]).value = c.get("note")
            ev = c.get("evidence")
            adj.cell(r, acol["佐证材料"]).value = "、".join(ev) if isinstance(ev, list) else ev
    wb.save(path)


def full_width(text):
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else "．" if c == "." else c for c in text)
