/*
 * The C reference of the province-scale benchmark: writes the workbook that `kaohe score --cells` described in
 * cells.jsonl (same sheets, cells, formats, formulas with cached values, merges, widths, heights, panes and
 * filters) by calling libxlsxwriter directly. Scores and formulas come precomputed from the log, so this is the
 * floor of writing that workbook with libxlsxwriter.
 *
 *   cc -O2 replay.c -o replay $(pkg-config --cflags --libs xlsxwriter)
 *   ./replay cells.jsonl out.xlsx [--constant-memory] [--preload]
 *   ./replay --list pairs.tsv          (one "cells.jsonl<TAB>out.xlsx" per line: many workbooks, e.g. the forms)
 *
 * With --preload the whole log is parsed into memory first (cells as compact records, other lines as their parsed
 * values), and only the libxlsxwriter calls — from workbook_new to workbook_close — are timed: the honest floor,
 * which pays nothing for JSON. It prints "load <s> write <s>" on stdout.
 */
#include <xlsxwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- A small JSON reader for one line at a time (values live in a per-line arena). ---- */

typedef enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } jtype;
typedef struct jval {
    jtype type;
    double num;
    char *str;              /* J_STR: NUL-terminated, unescaped */
    struct jval **items;    /* J_ARR values; J_OBJ values (keys in `keys`) */
    char **keys;
    int count;
} jval;

static char *arena;
static size_t arena_size, arena_used;

static void *alloc(size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (arena_used + n > arena_size) {
        fprintf(stderr, "replay: line too large\n");
        exit(1);
    }
    void *p = arena + arena_used;
    arena_used += n;
    return p;
}

static const char *p;

static void skip(void) { while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') p++; }

static void put_utf8(char **o, unsigned c) {
    char *out = *o;
    if (c < 0x80) *out++ = (char)c;
    else if (c < 0x800) { *out++ = (char)(0xC0 | c >> 6); *out++ = (char)(0x80 | (c & 0x3F)); }
    else if (c < 0x10000) { *out++ = (char)(0xE0 | c >> 12); *out++ = (char)(0x80 | (c >> 6 & 0x3F)); *out++ = (char)(0x80 | (c & 0x3F)); }
    else { *out++ = (char)(0xF0 | c >> 18); *out++ = (char)(0x80 | (c >> 12 & 0x3F)); *out++ = (char)(0x80 | (c >> 6 & 0x3F)); *out++ = (char)(0x80 | (c & 0x3F)); }
    *o = out;
}

static char *parse_string(void) {
    const char *start = ++p;
    while (*p && *p != '"') { if (*p == '\\' && p[1]) p++; p++; }
    char *s = alloc((size_t)(p - start) + 1), *o = s;
    for (const char *q = start; q < p; q++) {
        if (*q != '\\') { *o++ = *q; continue; }
        q++;
        switch (*q) {
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'u': {
            unsigned c = (unsigned)strtoul((char[]){q[1], q[2], q[3], q[4], 0}, NULL, 16);
            q += 4;
            if (c >= 0xD800 && c < 0xDC00 && q[1] == '\\' && q[2] == 'u') {
                unsigned lo = (unsigned)strtoul((char[]){q[3], q[4], q[5], q[6], 0}, NULL, 16);
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                q += 6;
            }
            put_utf8(&o, c);
            break;
        }
        default: *o++ = *q;
        }
    }
    *o = 0;
    if (*p == '"') p++;
    return s;
}

static jval *parse_value(void) {
    skip();
    jval *v = alloc(sizeof *v);
    memset(v, 0, sizeof *v);
    if (*p == '"') { v->type = J_STR; v->str = parse_string(); return v; }
    if (*p == '[' || *p == '{') {
        int object = *p == '{';
        char close = object ? '}' : ']';
        v->type = object ? J_OBJ : J_ARR;
        p++;
        int cap = 8;
        v->items = malloc(sizeof(jval *) * (size_t)cap);
        v->keys = object ? malloc(sizeof(char *) * (size_t)cap) : NULL;
        skip();
        while (*p && *p != close) {
            if (v->count == cap) {
                cap *= 2;
                v->items = realloc(v->items, sizeof(jval *) * (size_t)cap);
                if (object) v->keys = realloc(v->keys, sizeof(char *) * (size_t)cap);
            }
            if (object) { skip(); v->keys[v->count] = parse_string(); skip(); if (*p == ':') p++; }
            v->items[v->count++] = parse_value();
            skip();
            if (*p == ',') p++;
            skip();
        }
        if (*p == close) p++;
        return v;
    }
    if (!strncmp(p, "null", 4)) { v->type = J_NULL; p += 4; return v; }
    if (!strncmp(p, "true", 4)) { v->type = J_BOOL; v->num = 1; p += 4; return v; }
    if (!strncmp(p, "false", 5)) { v->type = J_BOOL; v->num = 0; p += 5; return v; }
    char *end;
    v->type = J_NUM;
    v->num = strtod(p, &end);
    p = end;
    return v;
}

static void free_value(jval *v);

/* Parses `line` into a value whose storage outlives the line (for --preload): a scratch parse tells the size. */
static jval *parse_kept(const char *line) {
    char *scratch = arena;
    size_t scratch_size = arena_size;
    arena_used = 0;
    p = line;
    free_value(parse_value());
    size_t needed = arena_used;
    arena = malloc(needed + 64);
    arena_size = needed + 64;
    arena_used = 0;
    p = line;
    jval *v = parse_value();
    arena = scratch;
    arena_size = scratch_size;
    return v;
}

static void free_value(jval *v) {
    if (v->type == J_ARR || v->type == J_OBJ) {
        for (int i = 0; i < v->count; i++) free_value(v->items[i]);
        free(v->items);
        free(v->keys);
    }
}

static jval *member(jval *o, const char *key) {
    for (int i = 0; i < o->count; i++) if (!strcmp(o->keys[i], key)) return o->items[i];
    return NULL;
}

static int integer(jval *a, int i) { return (int)a->items[i]->num; }

/* ---- Replaying the log. ---- */

static lxw_worksheet **sheets;
static int sheet_count;
static lxw_format **formats;
static int format_count;

static lxw_format *format_of(int id) { return id >= 0 && id < format_count ? formats[id] : NULL; }

static void fail(lxw_error e, const char *what) {
    if (e != LXW_NO_ERROR) {
        fprintf(stderr, "replay: %s: %s\n", what, lxw_strerror(e));
        exit(1);
    }
}

static void add_format(lxw_workbook *wb, jval *o) {
    int id = (int)member(o, "style")->num;
    if (id >= format_count) {
        formats = realloc(formats, sizeof(lxw_format *) * (size_t)(id + 1));
        format_count = id + 1;
    }
    lxw_format *f = workbook_add_format(wb);
    jval *v;
    if ((v = member(o, "font"))) format_set_font_name(f, v->str);
    if ((v = member(o, "size"))) format_set_font_size(f, v->num);
    if (member(o, "bold")) format_set_bold(f);
    if (member(o, "italic")) format_set_italic(f);
    if (member(o, "underline")) format_set_underline(f, LXW_UNDERLINE_SINGLE);
    if ((v = member(o, "color"))) format_set_font_color(f, (lxw_color_t)v->num);
    if ((v = member(o, "fill"))) { format_set_pattern(f, LXW_PATTERN_SOLID); format_set_bg_color(f, (lxw_color_t)v->num); }
    if ((v = member(o, "align"))) {
        if (!strcmp(v->str, "left")) format_set_align(f, LXW_ALIGN_LEFT);
        else if (!strcmp(v->str, "center")) format_set_align(f, LXW_ALIGN_CENTER);
        else if (!strcmp(v->str, "right")) format_set_align(f, LXW_ALIGN_RIGHT);
    }
    if ((v = member(o, "valign"))) {
        if (!strcmp(v->str, "top")) format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        else if (!strcmp(v->str, "center")) format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        else format_set_align(f, LXW_ALIGN_VERTICAL_BOTTOM);
    }
    if (member(o, "wrap")) format_set_text_wrap(f);
    if ((v = member(o, "border"))) format_set_border(f, v->num == 2 ? LXW_BORDER_MEDIUM : LXW_BORDER_THIN);
    if ((v = member(o, "top"))) format_set_top(f, v->num == 2 ? LXW_BORDER_MEDIUM : v->num == 1 ? LXW_BORDER_THIN : LXW_BORDER_NONE);
    if ((v = member(o, "num"))) format_set_num_format(f, v->str);
    if (member(o, "unlocked")) format_set_unlocked(f);
    if ((v = member(o, "indent"))) format_set_indent(f, (uint8_t)v->num);
    formats[id] = f;
}

static void write_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, lxw_format *f, jval *v) {
    switch (v->type) {
    case J_STR:
        if (v->str[0]) fail(worksheet_write_string(ws, r, c, v->str, f), "string");
        else if (f) fail(worksheet_write_blank(ws, r, c, f), "blank");
        break;
    case J_NUM: fail(worksheet_write_number(ws, r, c, v->num, f), "number"); break;
    case J_BOOL: fail(worksheet_write_boolean(ws, r, c, (int)v->num, f), "boolean"); break;
    case J_NULL: fail(worksheet_write_blank(ws, r, c, f), "blank"); break;
    case J_OBJ: {
        jval *formula = member(v, "f"), *cached = member(v, "v");
        const char *text = formula->str[0] == '=' ? formula->str + 1 : formula->str;
        if (cached->type == J_STR) fail(worksheet_write_formula_str(ws, r, c, text, f, cached->str), "formula");
        else fail(worksheet_write_formula_num(ws, r, c, text, f, cached->num), "formula");
        break;
    }
    default: break;
    }
}

/* One line of the log, applied to the workbook. */
static void apply(lxw_workbook *wb, jval *v) {
    if (v->type == J_ARR) {
        lxw_worksheet *ws = sheets[integer(v, 0)];
        lxw_row_t row = (lxw_row_t)integer(v, 1);
        for (int i = 2; i < v->count; i++) {
            jval *cell = v->items[i];
            write_cell(ws, row, (lxw_col_t)integer(cell, 0), format_of(integer(cell, 1)), cell->items[2]);
        }
    } else if (v->type == J_OBJ) {
        jval *a;
        if ((a = member(v, "sheet"))) {
            sheets = realloc(sheets, sizeof(lxw_worksheet *) * (size_t)(sheet_count + 1));
            sheets[sheet_count++] = workbook_add_worksheet(wb, a->str);
        } else if ((a = member(v, "merge"))) {
            /* Before the formats: a merge names its format by a "style" member too. */
            fail(worksheet_merge_range(sheets[integer(a, 0)], (lxw_row_t)integer(a, 1), (lxw_col_t)integer(a, 2),
                                       (lxw_row_t)integer(a, 3), (lxw_col_t)integer(a, 4), "",
                                       format_of((int)member(v, "style")->num)), "merge");
        } else if (member(v, "style")) {
            add_format(wb, v);
        } else if ((a = member(v, "width"))) {
            lxw_row_col_options o = {.hidden = (uint8_t)integer(a, 4)};
            fail(worksheet_set_column_opt(sheets[integer(a, 0)], (lxw_col_t)integer(a, 1), (lxw_col_t)integer(a, 2),
                                          a->items[3]->num, NULL, &o), "width");
        } else if ((a = member(v, "height"))) {
            fail(worksheet_set_row(sheets[integer(a, 0)], (lxw_row_t)integer(a, 1), a->items[2]->num, NULL), "height");
        } else if ((a = member(v, "freeze"))) {
            worksheet_freeze_panes(sheets[integer(a, 0)], (lxw_row_t)integer(a, 1), (lxw_col_t)integer(a, 2));
        } else if ((a = member(v, "filter"))) {
            fail(worksheet_autofilter(sheets[integer(a, 0)], (lxw_row_t)integer(a, 1), (lxw_col_t)integer(a, 2),
                                      (lxw_row_t)integer(a, 3), (lxw_col_t)integer(a, 4)), "filter");
        }
    }
}

static lxw_workbook *open_workbook(const char *output, int constant_memory) {
    lxw_workbook_options options = {.constant_memory = (uint8_t)constant_memory, .tmpdir = NULL};
    lxw_workbook *wb = workbook_new_opt(output, &options);
    if (!wb) { fprintf(stderr, "replay: cannot open %s\n", output); exit(1); }
    sheet_count = 0;
    format_count = 0;
    return wb;
}

/* Writes the workbook described by the log at `input` to `output`, parsing each line as it goes. */
static void replay(const char *input, const char *output, int constant_memory) {
    FILE *in = fopen(input, "r");
    if (!in) { fprintf(stderr, "replay: cannot open %s\n", input); exit(1); }
    lxw_workbook *wb = open_workbook(output, constant_memory);
    char *line = NULL;
    size_t capacity = 0;
    while (getline(&line, &capacity, in) > 0) {
        arena_used = 0;
        p = line;
        jval *v = parse_value();
        apply(wb, v);
        free_value(v);
    }
    free(line);
    fclose(in);
    fail(workbook_close(wb), "closing the workbook");
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Like `replay`, but every line is parsed into memory before the workbook is opened; times both phases. */
static void replay_preloaded(const char *input, const char *output, int constant_memory) {
    double start = now();
    FILE *in = fopen(input, "r");
    if (!in) { fprintf(stderr, "replay: cannot open %s\n", input); exit(1); }
    jval **lines = NULL;
    size_t count = 0, cap = 0;
    char *line = NULL;
    size_t capacity = 0;
    while (getline(&line, &capacity, in) > 0) {
        if (count == cap) { cap = cap ? cap * 2 : 4096; lines = realloc(lines, sizeof(jval *) * cap); }
        lines[count++] = parse_kept(line);
    }
    free(line);
    fclose(in);
    double loaded = now();
    lxw_workbook *wb = open_workbook(output, constant_memory);
    for (size_t i = 0; i < count; i++) apply(wb, lines[i]);
    fail(workbook_close(wb), "closing the workbook");
    double written = now();
    printf("load %.3f write %.3f\n", loaded - start, written - loaded);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: replay cells.jsonl out.xlsx [--constant-memory] | replay --list pairs.tsv\n");
        return 2;
    }
    arena_size = 1 << 24;
    arena = malloc(arena_size);
    if (strcmp(argv[1], "--list") != 0) {
        int constant_memory = 0, preload = 0;
        for (int i = 3; i < argc; i++) {
            if (!strcmp(argv[i], "--constant-memory")) constant_memory = 1;
            else if (!strcmp(argv[i], "--preload")) preload = 1;
        }
        if (preload) replay_preloaded(argv[1], argv[2], constant_memory);
        else replay(argv[1], argv[2], constant_memory);
        return 0;
    }
    FILE *list = fopen(argv[2], "r");
    if (!list) { fprintf(stderr, "replay: cannot open %s\n", argv[2]); return 1; }
    char *line = NULL;
    size_t capacity = 0;
    while (getline(&line, &capacity, list) > 0) {
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        *tab = 0;
        char *out = tab + 1;
        out[strcspn(out, "\r\n")] = 0;
        replay(line, out, 0);
    }
    free(line);
    fclose(list);
    return 0;
}
