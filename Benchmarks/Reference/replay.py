#!/usr/bin/env python3
"""The Python reference of the province-scale benchmark: writes the workbook that `kaohe score --cells`
described in cells.jsonl (same sheets, cells, formats, formulas with cached values, merges, widths, heights,
panes and filters) with XlsxWriter — what an office would script instead, with the scores handed to it.

    python3 replay.py cells.jsonl out.xlsx [--constant-memory]
"""
import json
import sys

import xlsxwriter


def format_properties(style):
    props = {}
    if "font" in style: props["font_name"] = style["font"]
    if "size" in style: props["font_size"] = style["size"]
    if style.get("bold"): props["bold"] = True
    if style.get("italic"): props["italic"] = True
    if style.get("underline"): props["underline"] = 1
    if "color" in style: props["font_color"] = "#%06X" % style["color"]
    if "fill" in style:
        props["pattern"] = 1
        props["bg_color"] = "#%06X" % style["fill"]
    if "align" in style: props["align"] = style["align"]
    if "valign" in style: props["valign"] = {"center": "vcenter"}.get(style["valign"], style["valign"])
    if style.get("wrap"): props["text_wrap"] = True
    if "border" in style: props["border"] = style["border"]
    if "top" in style: props["top"] = style["top"]
    if "num" in style: props["num_format"] = style["num"]
    if style.get("unlocked"): props["locked"] = False
    if "indent" in style: props["indent"] = style["indent"]
    return props


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: replay.py cells.jsonl out.xlsx [--constant-memory]")
    constant_memory = len(sys.argv) > 3 and sys.argv[3] == "--constant-memory"
    workbook = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": constant_memory, "strings_to_numbers": False,
                                                  "strings_to_formulas": False, "strings_to_urls": False})
    sheets, formats = [], {}
    with open(sys.argv[1], encoding="utf-8") as log:
        for line in log:
            item = json.loads(line)
            if isinstance(item, list):
                sheet, row = sheets[item[0]], item[1]
                for column, style, value in item[2:]:
                    fmt = formats.get(style)
                    if isinstance(value, str):
                        if value:
                            sheet.write_string(row, column, value, fmt)
                        elif fmt is not None:
                            sheet.write_blank(row, column, None, fmt)
                    elif isinstance(value, bool):
                        sheet.write_boolean(row, column, value, fmt)
                    elif isinstance(value, (int, float)):
                        sheet.write_number(row, column, value, fmt)
                    elif value is None:
                        sheet.write_blank(row, column, None, fmt)
                    else:
                        sheet.write_formula(row, column, value["f"], fmt, value["v"])
            elif "sheet" in item:
                sheets.append(workbook.add_worksheet(item["sheet"]))
            elif "style" in item and "merge" not in item:
                formats[item["style"]] = workbook.add_format(format_properties(item))
            elif "merge" in item:
                s, r1, c1, r2, c2 = item["merge"]
                sheets[s].merge_range(r1, c1, r2, c2, "", formats.get(item["style"]))
            elif "width" in item:
                s, c1, c2, width, hidden = item["width"]
                sheets[s].set_column(c1, c2, width, None, {"hidden": bool(hidden)})
            elif "height" in item:
                s, row, height = item["height"]
                sheets[s].set_row(row, height)
            elif "freeze" in item:
                s, row, column = item["freeze"]
                sheets[s].freeze_panes(row, column)
            elif "filter" in item:
                s, r1, c1, r2, c2 = item["filter"]
                sheets[s].autofilter(r1, c1, r2, c2)
    workbook.close()


if __name__ == "__main__":
    main()
