#ifndef CODINGSCAN_CBIGWIG_SHIM_H
#define CODINGSCAN_CBIGWIG_SHIM_H
// libBigWig (Debian libbigwig-dev, no pkg-config file) for Swift.
// Debian's library is built with libcurl, but libbigwig-dev does not install the curl headers.
// NOCURL only changes declarations: the URL_t union keeps a FILE * (the same size as the CURL *
// it hides), CURLcode is an int either way, so the structs and calls match the library's ABI.
// codingscan only reads and writes local files.
#ifndef NOCURL
#define NOCURL 1
#endif
#include <bigWig.h>
#endif
