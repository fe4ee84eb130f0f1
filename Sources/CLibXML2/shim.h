#ifndef SIFT_CLIBXML2_SHIM_H
#define SIFT_CLIBXML2_SHIM_H
// Foundation ships its own ICU; libxml2's headers would pull in /usr/include/unicode
// and redefine UErrorCode. Read the version header first, then switch ICU off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
#endif
