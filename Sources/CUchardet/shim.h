// uchardet's C API (Debian: libuchardet-dev), the encoding detector derived from Mozilla's
// universal charset detector: feed bytes, end the data, read the charset's name.
#include <uchardet.h>
