// OpenCC's C API (Debian: libopencc-dev): open a conversion by its configuration file name
// (s2t.json, s2twp.json …, found in OpenCC's data folder), convert UTF-8, free, close.
#include <opencc.h>
