#ifndef CXLSXWRITER_SHIM_H
#define CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
/* zlib, which libxlsxwriter links: its crc32 checks the parts the reader extracts. */
#include <zlib.h>
#endif
