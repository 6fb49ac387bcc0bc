#ifndef RECON_CLIBXML2_SHIM_H
#define RECON_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers then clash with Foundation's own
   ICU module. recon never touches the ICU-only fields, so hide them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer, which Swift 6 refuses to read from
   concurrent code; calling through an inline function is safe. */
static inline void clibxml2_free(void *pointer) { xmlFree(pointer); }

#endif
