#ifndef CODINGSCAN_DEFAULT_MODEL_H
#define CODINGSCAN_DEFAULT_MODEL_H
#include <stddef.h>
/// The built-in default model (safetensors bytes) compiled into the binary.
/// Size 0 means no model is built in.
const unsigned char *codingscan_default_model_data(void);
size_t codingscan_default_model_size(void);
/// The built-in read model (scores records shorter than the window), the same way.
const unsigned char *codingscan_read_model_data(void);
size_t codingscan_read_model_size(void);
#endif
