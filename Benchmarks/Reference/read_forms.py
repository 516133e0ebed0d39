#!/usr/bin/env python3
"""The Python references of the forms benchmark's reading side: reads every returned 自评表 in a folder the way a
script would — the `_kaohe` sheet's keys, the 自评表 header row found by its texts, then every row's 编号,
完成情况, 自评分, 佐证材料 and 说明, numbers parsed — with openpyxl or with python-calamine (Rust).

    python3 read_forms.py openpyxl|calamine FOLDER
"""
import os
import sys


def rows_openpyxl(path):
    from openpyxl import load_workbook
    book = load_workbook(path, read_only=True, data_only=True)
    sheets = {name: [list(r) for r in book[name].iter_rows(values_only=True)] for name in ("_kaohe", "自评表")}
    book.close()
    return sheets


def rows_calamine(path):
    from python_calamine import CalamineWorkbook
    book = CalamineWorkbook.from_path(path)
    return {name: book.get_sheet_by_name(name).to_python() for name in ("_kaohe", "自评表")}


def number(value):
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip().replace(",", ""))
    except ValueError:
        return value


def read(path, rows):
    sheets = rows(path)
    meta = {r[0]: r[1] for r in sheets["_kaohe"] if r and r[0]}
    table = sheets["自评表"]
    header = next(i for i, r in enumerate(table) if "编号" in r)
    columns = {name: table[header].index(name) for name in ("编号", "完成情况", "自评分", "佐证材料", "说明")}
    entries = {}
    for row in table[header + 1:]:
        code = row[columns["编号"]] if len(row) > columns["编号"] else None
        if code:
            cell = lambda name: row[columns[name]] if len(row) > columns[name] else None
            entries[code] = (number(cell("完成情况")), number(cell("自评分")), cell("佐证材料"), cell("说明"))
    return meta["organization"], entries


def main():
    engine, folder = sys.argv[1], sys.argv[2]
    rows = rows_openpyxl if engine == "openpyxl" else rows_calamine
    read_all = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".xlsx"):
            organization, entries = read(os.path.join(folder, name), rows)
            read_all[organization] = entries
    print(len(read_all), "forms read")


if __name__ == "__main__":
    main()
