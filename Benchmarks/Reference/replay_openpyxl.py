#!/usr/bin/env python3
"""The openpyxl reference of the forms benchmark: writes the workbooks that `kaohe forms --cells` described
(same sheets, cells, formats, merges, widths, heights and panes) with openpyxl — what an office would script to
make its forms.

    python3 replay_openpyxl.py --list pairs.tsv     (one "cells.jsonl<TAB>out.xlsx" per line)
"""
import json
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side


def style_of(item):
    color = lambda rgb: "FF%06X" % rgb
    font = Font(name=item.get("font"), size=item.get("size"), bold=bool(item.get("bold")), italic=bool(item.get("italic")),
                underline="single" if item.get("underline") else None, color=color(item["color"]) if "color" in item else None)
    fill = PatternFill("solid", fgColor=color(item["fill"])) if "fill" in item else None
    align = Alignment(horizontal=item.get("align"), vertical=item.get("valign"), wrap_text=bool(item.get("wrap")),
                      indent=item.get("indent", 0))
    side = Side(style={1: "thin", 2: "medium"}.get(item.get("border")))
    border = Border(left=side, right=side, top=side, bottom=side) if "border" in item else None
    return font, fill, align, border, item.get("num"), Protection(locked=not item.get("unlocked"))


def apply(cell, style):
    if style is None:
        return
    font, fill, align, border, num, protection = style
    cell.font, cell.alignment, cell.protection = font, align, protection
    if fill: cell.fill = fill
    if border: cell.border = border
    if num: cell.number_format = num


def replay(source, target):
    book = Workbook()
    book.remove(book.active)
    sheets, styles = [], {}
    letter = lambda c: __import__("openpyxl").utils.get_column_letter(c + 1)
    with open(source, encoding="utf-8") as log:
        for line in log:
            item = json.loads(line)
            if isinstance(item, list):
                sheet, row = sheets[item[0]], item[1] + 1
                for column, style, value in item[2:]:
                    cell = sheet.cell(row, column + 1)
                    if isinstance(value, dict):
                        cell.value = "=" + value["f"].lstrip("=")
                    elif value is not None and value != "":
                        cell.value = value
                    apply(cell, styles.get(style))
            elif "sheet" in item:
                sheets.append(book.create_sheet(item["sheet"]))
            elif "style" in item and "merge" not in item:
                styles[item["style"]] = style_of(item)
            elif "merge" in item:
                s, r1, c1, r2, c2 = item["merge"]
                sheets[s].merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
            elif "width" in item:
                s, c1, c2, width, hidden = item["width"]
                for c in range(c1, c2 + 1):
                    sheets[s].column_dimensions[letter(c)].width = width
                    sheets[s].column_dimensions[letter(c)].hidden = bool(hidden)
            elif "height" in item:
                s, row, height = item["height"]
                sheets[s].row_dimensions[row + 1].height = height
            elif "freeze" in item:
                s, row, column = item["freeze"]
                sheets[s].freeze_panes = sheets[s].cell(row + 1, column + 1)
            elif "filter" in item:
                s, r1, c1, r2, c2 = item["filter"]
                sheets[s].auto_filter.ref = f"{letter(c1)}{r1 + 1}:{letter(c2)}{r2 + 1}"
    book.save(target)


def main():
    if len(sys.argv) != 3 or sys.argv[1] != "--list":
        sys.exit("usage: replay_openpyxl.py --list pairs.tsv")
    with open(sys.argv[2], encoding="utf-8") as pairs:
        for line in pairs:
            source, target = line.rstrip("\n").split("\t")
            replay(source, target)


if __name__ == "__main__":
    main()
