// libxml2 from Debian is built with ICU; its ICU declarations clash with the ones Foundation
// brings ("'UErrorCode' has different definitions in different modules"). None of the APIs we
// use need ICU, so hide that part of the headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

// xmlFree is a global function pointer, which Swift 6 cannot use safely from any thread;
// a plain function can be.
static inline void glossgraph_xml_free(void *pointer) { xmlFree(pointer); }
